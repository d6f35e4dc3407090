//! Turning an exception type and value into an instance (`PyErr_NormalizeException`), the
//! implicit `__context__` chaining of a newly raised exception to the one being handled
//! (with CPython's cycle breaking), and the handled-exception stack of the thread state
//! (`PyErr_GetExcInfo`/`SetExcInfo`, `PyErr_GetHandledException`/`SetHandledException`).
use core::ffi::c_int;

use crate::errors::baseexception::{self as be, head};
use crate::errors::pyerr::{is_exception_class, is_exception_instance};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::refcount::{Py_DecRef, Py_IncRef};
use crate::object::typeobject::PyTypeObject;
use crate::object::typetype::is_subtype;
use crate::objects::tuple;
use crate::runtime::threadstate::{PyThreadState, _PyErr_StackItem};

/// Calls the exception class `tp` with the args tuple `args` (`tp(*args)`).
pub(crate) unsafe fn instantiate(tp: *mut PyTypeObject, args: *mut PyObject) -> PyResult<PyRef> {
    instantiate_kw(tp, args, core::ptr::null_mut())
}

/// `tp(*args, **kwds)` (`kwds` may be NULL), through `type.__call__`, so that `__new__` and
/// `__init__` overrides run.
pub(crate) unsafe fn instantiate_kw(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<PyRef> {
    PyRef::from_owned(crate::abstract_::call::PyObject_Call(tp as *mut PyObject, args, kwds)).ok_or_else(Raised::assume_set)
}

/// `exc_type(*value)` for a tuple, `exc_type()` for NULL/None, `exc_type(value)` otherwise
/// (CPython's `_PyErr_CreateException`).
pub(crate) unsafe fn create_exception(exc_type: *mut PyObject, value: *mut PyObject) -> PyResult<PyRef> {
    let tp = exc_type as *mut PyTypeObject;
    let args = if value.is_null() || value == be::none() {
        tuple::new(0)?
    } else if tuple::is_tuple(value) {
        PyRef::from_borrowed(value).expect("live")
    } else {
        tuple::from_slice(&[PyRef::from_borrowed(value).expect("live")])?
    };
    let op = instantiate(tp, args.as_ptr())?;
    if !is_exception_instance(op.as_ptr()) {
        let tname = crate::object::typetype::type_name(tp);
        let oname = crate::errors::objtext::type_name_of(op.as_ptr());
        return Err(raise(
            ExcType::TypeError,
            format!("calling {tname} should have returned an instance of BaseException, not {oname}"),
        ));
    }
    Ok(op)
}

/// How many failed normalizations in a row end with RecursionError (CPython counts the
/// C recursion depth; the message is the same).
const NORMALIZE_DEPTH_LIMIT: usize = 32;

/// `void PyErr_NormalizeException(PyObject **exc, PyObject **val, PyObject **tb)`: makes
/// `*val` an instance of `*exc` (a subclass instance is kept and `*exc` becomes its class).
/// When creating the instance fails, the new error replaces the triple and is normalized.
#[no_mangle]
pub unsafe extern "C" fn PyErr_NormalizeException(pexc: *mut *mut PyObject, pval: *mut *mut PyObject, ptb: *mut *mut PyObject) {
    if pexc.is_null() || pval.is_null() || ptb.is_null() {
        return;
    }
    let ts = crate::runtime::pystate::current();
    let mut headroom = false;
    normalize_loop(pexc, pval, ptb, ts, &mut headroom);
    if headroom {
        (*ts).recursion_headroom -= 1;
    }
}

/// The work of `PyErr_NormalizeException`. When making an instance failed with
/// RecursionError (the thread is at its recursion limit), that error is made with the
/// recursion headroom open (`*headroom` set), as the error itself is: retrying at the limit
/// would fail the same way forever.
unsafe fn normalize_loop(
    pexc: *mut *mut PyObject,
    pval: *mut *mut PyObject,
    ptb: *mut *mut PyObject,
    ts: *mut PyThreadState,
    headroom: &mut bool,
) {
    let mut depth = 0;
    loop {
        let tp = *pexc;
        if tp.is_null() {
            return;
        }
        if (*pval).is_null() {
            *pval = be::none();
            Py_IncRef(*pval);
        }
        let value = *pval;
        if !is_exception_class(tp) {
            return;
        }
        let inclass = if is_exception_instance(value) { (*value).ob_type } else { core::ptr::null_mut() };
        let is_sub = !inclass.is_null() && is_subtype(inclass, tp as *mut PyTypeObject);
        if is_sub {
            if inclass as *mut PyObject != tp {
                Py_IncRef(inclass as *mut PyObject);
                *pexc = inclass as *mut PyObject;
                Py_DecRef(tp);
            }
            return;
        }
        match create_exception(tp, value) {
            Ok(fixed) => {
                *pval = fixed.into_ptr();
                Py_DecRef(value);
                return;
            }
            Err(_) => {
                // The new error replaces the old; a traceback of the old is kept if the new
                // one has none.
                Py_DecRef(tp);
                Py_DecRef(value);
                let initial_tb = *ptb;
                crate::errors::pyerr::PyErr_Fetch(pexc, pval, ptb);
                if (*ptb).is_null() {
                    *ptb = initial_tb;
                } else {
                    Py_DecRef(initial_tb);
                }
                depth += 1;
                let recursion_error = &raw mut crate::errors::exception_types::_PyExc_RecursionError as *mut PyObject;
                if !*headroom && !ts.is_null() && *pexc == recursion_error {
                    (*ts).recursion_headroom += 1;
                    *headroom = true;
                }
                if depth >= NORMALIZE_DEPTH_LIMIT {
                    Py_DecRef(*pexc);
                    Py_DecRef(*pval);
                    let _ = crate::object::pending_error::raise_type(
                        &raw mut crate::errors::exception_types::_PyExc_RecursionError,
                        "maximum recursion depth exceeded while normalizing an exception",
                    );
                    let tb = *ptb;
                    crate::errors::pyerr::PyErr_Fetch(pexc, pval, ptb);
                    if (*ptb).is_null() {
                        *ptb = tb;
                    } else {
                        Py_DecRef(tb);
                    }
                }
            }
        }
    }
}

/// The innermost stack entry with an exception being handled, else the outermost entry
/// (`_PyErr_GetTopmostException`).
pub(crate) unsafe fn topmost(ts: *mut PyThreadState) -> *mut _PyErr_StackItem {
    let mut item = (*ts).exc_info;
    if item.is_null() {
        item = &raw mut (*ts).exc_state;
    }
    while ((*item).exc_value.is_null() || (*item).exc_value == be::none()) && !(*item).previous_item.is_null() {
        item = (*item).previous_item;
    }
    item
}

/// The exception being handled (borrowed), if any.
pub(crate) unsafe fn handled(ts: *mut PyThreadState) -> *mut PyObject {
    let v = (*topmost(ts)).exc_value;
    if v == be::none() {
        core::ptr::null_mut()
    } else {
        v
    }
}

/// Sets `value.__context__ = handled` for a newly raised exception, first removing `value`
/// from the context chain of `handled` so that no cycle is made (a cycle already in the
/// chain is left alone: Floyd's tortoise stops the walk).
pub(crate) unsafe fn chain_context(value: *mut PyObject, handled: *mut PyObject) {
    if value == handled {
        return;
    }
    let mut o = handled;
    let mut slow = handled;
    let mut toggle = false;
    loop {
        let context = head(o).context;
        if context.is_null() {
            break;
        }
        if context == value {
            be::clear_field(&mut head(o).context);
            break;
        }
        o = context;
        if o == slow {
            break;
        }
        if toggle {
            slow = head(slow).context;
        }
        toggle = !toggle;
    }
    Py_IncRef(handled);
    crate::errors::baseexception::PyException_SetContext(value, handled);
}

fn current() -> *mut PyThreadState {
    crate::runtime::pystate::current()
}

/// `void PyErr_GetExcInfo(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback)`:
/// the exception being handled as (type, value, traceback), new references; None for
/// each when nothing is handled.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_GetExcInfo(ptype: *mut *mut PyObject, pvalue: *mut *mut PyObject, ptb: *mut *mut PyObject) {
    _PyErr_GetExcInfo(current(), ptype, pvalue, ptb)
}

/// `void _PyErr_GetExcInfo(PyThreadState *tstate, PyObject **, PyObject **, PyObject **)`:
/// `PyErr_GetExcInfo` for the given thread state.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyErr_GetExcInfo(ts: *mut PyThreadState, ptype: *mut *mut PyObject, pvalue: *mut *mut PyObject, ptb: *mut *mut PyObject) {
    let value = (*topmost(ts)).exc_value;
    if value.is_null() || value == be::none() {
        *ptype = be::new_ref_or_none(core::ptr::null_mut());
        *pvalue = be::new_ref_or_none(core::ptr::null_mut());
        *ptb = be::new_ref_or_none(core::ptr::null_mut());
        return;
    }
    *ptype = be::new_ref_or_none((*value).ob_type as *mut PyObject);
    *pvalue = be::new_ref_or_none(value);
    *ptb = be::new_ref_or_none(head(value).traceback);
}

/// `void PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *traceback)`: the
/// handled exception becomes `value`; steals the three references (type and traceback are
/// derived from the value and only released).
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetExcInfo(t: *mut PyObject, value: *mut PyObject, tb: *mut PyObject) {
    PyErr_SetHandledException(value);
    Py_DecRef(value);
    Py_DecRef(t);
    Py_DecRef(tb);
}

/// `PyObject *PyErr_GetHandledException(void)`: the exception being handled (new
/// reference) or NULL.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_GetHandledException() -> *mut PyObject {
    _PyErr_GetHandledException(current())
}

/// `PyObject *_PyErr_GetHandledException(PyThreadState *tstate)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyErr_GetHandledException(ts: *mut PyThreadState) -> *mut PyObject {
    let v = handled(ts);
    Py_IncRef(v);
    v
}

/// `_PyErr_StackItem *_PyErr_GetTopmostException(PyThreadState *tstate)`: the innermost
/// entry of the handled-exception stack that holds an exception (else the outermost).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyErr_GetTopmostException(ts: *mut PyThreadState) -> *mut _PyErr_StackItem {
    topmost(ts)
}

/// `void PyErr_SetHandledException(PyObject *exc)`: sets (NULL or None: clears) the
/// exception being handled of the current stack entry.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetHandledException(exc: *mut PyObject) {
    _PyErr_SetHandledException(current(), exc)
}

/// `void _PyErr_SetHandledException(PyThreadState *tstate, PyObject *exc)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyErr_SetHandledException(ts: *mut PyThreadState, exc: *mut PyObject) {
    let item = if (*ts).exc_info.is_null() { &raw mut (*ts).exc_state } else { (*ts).exc_info };
    let new = if exc == be::none() { core::ptr::null_mut() } else { exc };
    Py_IncRef(new);
    let old = core::mem::replace(&mut (*item).exc_value, new);
    Py_DecRef(old);
}

/// `int` status helper for callers that need one.
#[allow(dead_code)]
pub(crate) fn status(r: PyResult<()>) -> c_int {
    be::to_status(r)
}
