//! The slot functions and wrappers whose C side is an integer (`__hash__`, `__len__`, the
//! index of `sq_item`/`sq_ass_item`, the count of `sq_repeat`): they convert through int
//! objects with CPython's checks.
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::errors::exception_types::{PyExc_OverflowError, _PyExc_TypeError, _PyExc_ValueError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::{PyObject, PyVarObject};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::*;
use crate::object::typeobject::*;
use crate::objects::long_convert::{PyLong_AsSsize_t, PyLong_FromSsize_t};
use crate::objects::tuple;
use crate::pyport::{Py_hash_t, Py_ssize_t};

fn failed() -> bool {
    // SAFETY: reads the current thread's error state.
    unsafe { !crate::errors::pyerr::PyErr_Occurred().is_null() }
}

/// `PyNumber_AsSsize_t(o, OverflowError)` as a result.
unsafe fn as_index(o: *mut PyObject) -> PyResult<Py_ssize_t> {
    let i = crate::abstract_::number::PyNumber_AsSsize_t(o, PyExc_OverflowError);
    if i == -1 && failed() {
        return Err(Raised::assume_set());
    }
    Ok(i)
}

/// A sequence index from Python: negative ones count from the end (`sq_length`).
unsafe fn seq_index(s: *mut PyObject, o: *mut PyObject) -> PyResult<Py_ssize_t> {
    let mut i = as_index(o)?;
    if i < 0 {
        let sq = (*(*s).ob_type).tp_as_sequence;
        if !sq.is_null() {
            if let Some(len) = (*sq).sq_length {
                let n = len(s);
                if n < 0 {
                    return Err(Raised::assume_set());
                }
                i += n;
            }
        }
    }
    Ok(i)
}

fn new_int(v: Py_ssize_t) -> *mut PyObject {
    // SAFETY: creates a new int.
    unsafe { PyLong_FromSsize_t(v) }
}

// ---- Wrappers (Python call -> C slot) ---------------------------------------------------------

unsafe fn args_exactly(args: *mut PyObject, n: usize) -> PyResult<&'static [*mut PyObject]> {
    let items = tuple::items(args);
    if items.len() != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(raise_type(&raw mut _PyExc_TypeError, format!("expected {n} argument{s}, got {}", items.len())));
    }
    Ok(items)
}

macro_rules! body {
    ($e:expr) => {
        (|| -> PyResult<*mut PyObject> { $e })().unwrap_or(core::ptr::null_mut())
    };
}

pub(crate) unsafe extern "C" fn wrap_lenfunc(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void) -> *mut PyObject {
    let f: lenfunc = core::mem::transmute(wrapped);
    body!({
        args_exactly(args, 0)?;
        let n = f.expect("slot")(s);
        if n == -1 && failed() {
            return Err(Raised::assume_set());
        }
        Ok(new_int(n))
    })
}

pub(crate) unsafe extern "C" fn wrap_hashfunc(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void) -> *mut PyObject {
    let f: hashfunc = core::mem::transmute(wrapped);
    body!({
        args_exactly(args, 0)?;
        let h = f.expect("slot")(s);
        if h == -1 && failed() {
            return Err(Raised::assume_set());
        }
        Ok(new_int(h))
    })
}

pub(crate) unsafe extern "C" fn wrap_indexargfunc(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void) -> *mut PyObject {
    let f: ssizeargfunc = core::mem::transmute(wrapped);
    body!({
        let items = args_exactly(args, 1)?;
        let i = as_index(items[0])?;
        Ok(f.expect("slot")(s, i))
    })
}

pub(crate) unsafe extern "C" fn wrap_sq_item(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void) -> *mut PyObject {
    let f: ssizeargfunc = core::mem::transmute(wrapped);
    body!({
        let items = args_exactly(args, 1)?;
        let i = seq_index(s, items[0])?;
        Ok(f.expect("slot")(s, i))
    })
}

pub(crate) unsafe extern "C" fn wrap_sq_setitem(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void) -> *mut PyObject {
    let f: ssizeobjargproc = core::mem::transmute(wrapped);
    body!({
        let items = tuple::items(args);
        if items.len() != 2 {
            let got = items.len();
            return Err(raise_type(&raw mut _PyExc_TypeError, format!(" expected 2 arguments, got {got}")));
        }
        let i = seq_index(s, items[0])?;
        if f.expect("slot")(s, i, items[1]) < 0 {
            return Err(Raised::assume_set());
        }
        Ok(none())
    })
}

pub(crate) unsafe extern "C" fn wrap_sq_delitem(s: *mut PyObject, args: *mut PyObject, wrapped: *mut c_void) -> *mut PyObject {
    let f: ssizeobjargproc = core::mem::transmute(wrapped);
    body!({
        let items = args_exactly(args, 1)?;
        let i = seq_index(s, items[0])?;
        if f.expect("slot")(s, i, core::ptr::null_mut()) < 0 {
            return Err(Raised::assume_set());
        }
        Ok(none())
    })
}

fn none() -> *mut PyObject {
    let n = &raw mut crate::objects::singletons::_Py_NoneStruct;
    // SAFETY: None lives for the whole runtime.
    unsafe { (*n).ob_refcnt += 1 };
    n
}

// ---- Slot functions (C slot -> Python-level dunder) -------------------------------------------

unsafe fn call(s: *mut PyObject, name: &core::ffi::CStr, args: &[*mut PyObject]) -> PyResult<PyRef> {
    crate::object::slot_dunders::call_dunder(s, name, args)
}

/// `len()` of a class with `__len__`: an index >= 0 that fits a `Py_ssize_t`.
pub(crate) unsafe extern "C" fn slot_sq_length(s: *mut PyObject) -> Py_ssize_t {
    let r = (|| -> PyResult<Py_ssize_t> {
        let res = call(s, c"__len__", &[])?;
        let res = crate::abstract_::number::index(res.as_ptr())?;
        if (*(res.as_ptr() as *mut PyVarObject)).ob_size < 0 {
            return Err(raise_type(&raw mut _PyExc_ValueError, "__len__() should return >= 0"));
        }
        as_index(res.as_ptr())
    })();
    r.unwrap_or(-1)
}

/// `hash()` of a class with `__hash__`: an int, reduced to a `Py_hash_t` as `hash(int)`
/// does when it does not fit; `__hash__ = None` is unhashable.
pub(crate) unsafe extern "C" fn slot_tp_hash(s: *mut PyObject) -> Py_hash_t {
    let r = (|| -> PyResult<Py_hash_t> {
        let res = match crate::object::slot_dunders::lookup_dunder(s, c"__hash__")? {
            None => return Ok(crate::abstract_::object::PyObject_HashNotImplemented(s)),
            Some(m) => crate::object::slot_dunders::call_found(&m, s, &[])?,
        };
        if !crate::objects::int::is_int(res.as_ptr()) {
            return Err(raise_type(&raw mut _PyExc_TypeError, "__hash__ method should return an integer"));
        }
        let mut h = PyLong_AsSsize_t(res.as_ptr());
        if h == -1 && failed() {
            crate::errors::pyerr::PyErr_Clear();
            h = crate::abstract_::object::hash(res.as_ptr())?;
        }
        Ok(if h == -1 { -2 } else { h })
    })();
    r.unwrap_or(-1)
}

pub(crate) unsafe extern "C" fn slot_sq_item(s: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let index = PyRef::from_owned(new_int(i)).ok_or_else(Raised::assume_set)?;
        call(s, c"__getitem__", &[index.as_ptr()])
    })();
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

pub(crate) unsafe extern "C" fn slot_sq_ass_item(s: *mut PyObject, i: Py_ssize_t, value: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<PyRef> {
        let index = PyRef::from_owned(new_int(i)).ok_or_else(Raised::assume_set)?;
        if value.is_null() {
            call(s, c"__delitem__", &[index.as_ptr()])
        } else {
            call(s, c"__setitem__", &[index.as_ptr(), value])
        }
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// The generic function for the row at heap-type offset `offset` among these, NULL if
/// none (the sequence concatenation/repetition slots have none, as in CPython).
pub(crate) fn generic_for_int_rows(offset: usize) -> *mut c_void {
    let sq = offset_of!(PyHeapTypeObject, as_sequence);
    let mp = offset_of!(PyHeapTypeObject, as_mapping);
    if offset == offset_of!(PyTypeObject, tp_hash) {
        slot_tp_hash as *mut c_void
    } else if offset == mp + offset_of!(PyMappingMethods, mp_length) || offset == sq + offset_of!(PySequenceMethods, sq_length) {
        slot_sq_length as *mut c_void
    } else if offset == sq + offset_of!(PySequenceMethods, sq_item) {
        slot_sq_item as *mut c_void
    } else if offset == sq + offset_of!(PySequenceMethods, sq_ass_item) {
        slot_sq_ass_item as *mut c_void
    } else {
        core::ptr::null_mut()
    }
}
