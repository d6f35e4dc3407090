//! Where CPython raises an exception, the type kernel and the memory layer call `raise` with
//! the exception type and CPython's exact message: it sets the thread's error state
//! (`PyErr_SetString` semantics: the type, and the message str as the value). `take` is
//! `PyErr_Fetch` + clear, seen as (type, message). Without a current thread state (Rust unit
//! tests that run the kernel without `Py_Initialize`) the exception is kept per OS thread.
use std::cell::RefCell;

use crate::errors::exception_types as exc;
use crate::errors::pyerr;
use crate::errors::raised::Raised;
use crate::object::object::PyObject;
use crate::object::refcount::Py_DecRef;
use crate::object::typeobject::PyTypeObject;

/// The exception types the type kernel raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExcType {
    MemoryError,
    SystemError,
    TypeError,
    IndexError,
    UnicodeDecodeError,
    /// Any other type (seen by `take` only).
    Other,
}

impl ExcType {
    fn type_object(self) -> *mut PyTypeObject {
        // SAFETY: only the addresses of the static types are taken.
        match self {
            ExcType::MemoryError => &raw mut exc::_PyExc_MemoryError,
            ExcType::SystemError | ExcType::Other => &raw mut exc::_PyExc_SystemError,
            ExcType::TypeError => &raw mut exc::_PyExc_TypeError,
            ExcType::IndexError => &raw mut exc::_PyExc_IndexError,
            ExcType::UnicodeDecodeError => &raw mut exc::_PyExc_UnicodeDecodeError,
        }
    }

    fn of(tp: *mut PyObject) -> ExcType {
        [
            ExcType::MemoryError,
            ExcType::SystemError,
            ExcType::TypeError,
            ExcType::IndexError,
            ExcType::UnicodeDecodeError,
        ]
        .into_iter()
        .find(|e| e.type_object() as *mut PyObject == tp)
        .unwrap_or(ExcType::Other)
    }
}

thread_local! {
    static PENDING: RefCell<Option<(ExcType, String)>> = const { RefCell::new(None) };
}

fn has_thread_state() -> bool {
    !crate::runtime::pystate::current().is_null()
}

/// Raises `exc(message)`; returns the marker that an exception is set.
#[must_use]
pub(crate) fn raise(exc: ExcType, message: impl Into<String>) -> Raised {
    let message = message.into();
    if has_thread_state() {
        // SAFETY: the current thread state is live (its thread holds the GIL).
        unsafe { pyerr::set_message(exc.type_object() as *mut PyObject, &message) };
    } else {
        PENDING.with(|p| *p.borrow_mut() = Some((exc, message)));
    }
    Raised::assume_set()
}

/// Raises `tp(message)` for any exception type (`PyErr_SetString` semantics): the general
/// form of `raise`, for code that names the type object itself
/// (`&raw mut crate::errors::exception_types::_PyExc_ValueError`).
#[must_use]
pub(crate) fn raise_type(tp: *mut PyTypeObject, message: impl Into<String>) -> Raised {
    let message = message.into();
    if has_thread_state() {
        // SAFETY: the current thread state is live (its thread holds the GIL).
        unsafe { pyerr::set_message(tp as *mut PyObject, &message) };
    } else {
        PENDING.with(|p| *p.borrow_mut() = Some((ExcType::of(tp as *mut PyObject), message)));
    }
    Raised::assume_set()
}

/// `PyErr_NoMemory()`: MemoryError with no value, as CPython 3.11 sets it
/// (`PyErr_SetNone(PyExc_MemoryError)`).
#[must_use]
pub(crate) fn no_memory() -> Raised {
    if has_thread_state() {
        // SAFETY: as in `raise`; no allocation is needed to set a type alone.
        unsafe { pyerr::PyErr_SetNone(ExcType::MemoryError.type_object() as *mut PyObject) };
    } else {
        PENDING.with(|p| *p.borrow_mut() = Some((ExcType::MemoryError, String::new())));
    }
    Raised::assume_set()
}

/// `PyErr_BadInternalCall()`: a C-API function was called with bad arguments.
#[must_use]
pub(crate) fn bad_internal_call() -> Raised {
    raise(ExcType::SystemError, "bad argument to internal function")
}

/// Takes the pending exception, if any (`PyErr_Fetch`, then the references are dropped):
/// its type and, when the value is a str, the message.
pub(crate) fn take() -> Option<(ExcType, String)> {
    if !has_thread_state() {
        return PENDING.with(|p| p.borrow_mut().take());
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    // SAFETY: the current thread state is live; the fetched references are ours to drop.
    unsafe {
        pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        if t.is_null() {
            return None;
        }
        let message = if !v.is_null() && crate::objects::str::is_str(v) {
            crate::objects::str::to_string(v)
        } else {
            String::new()
        };
        let exc = ExcType::of(t);
        Py_DecRef(t);
        Py_DecRef(v);
        Py_DecRef(tb);
        Some((exc, message))
    }
}
