//! The iterator protocol (CPython's `PyObject_GetIter`, `PyIter_Check`, `PyIter_Next`):
//! `tp_iter`, or an index-based iterator over anything with `sq_item`; `tp_iternext`
//! returning NULL with no exception (or with StopIteration, which `PyIter_Next` clears)
//! means the end.
// Slots are compared by address, as C does.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::c_int;

use crate::abstract_::{from_slot, null_error, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::pyerr;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

/// `PyObject *_PyObject_NextNotImplemented(PyObject *self)`: the `tp_iternext` that marks a
/// type as not an iterator (`PyIter_Check` is false for it).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_NextNotImplemented(obj: *mut PyObject) -> *mut PyObject {
    let _ = type_error(format!("'{}' object is not iterable", tp_name(obj)));
    core::ptr::null_mut()
}

/// Whether `op` is an iterator (`PyIter_Check`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn is_iterator(op: *mut PyObject) -> bool {
    match (*(*op).ob_type).tp_iternext {
        Some(f) => !core::ptr::fn_addr_eq(f, _PyObject_NextNotImplemented as unsafe extern "C" fn(*mut PyObject) -> *mut PyObject),
        None => false,
    }
}

/// `iter(o)` (`PyObject_GetIter`).
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn get_iter(o: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*o).ob_type;
    match (*tp).tp_iter {
        Some(f) => {
            let it = from_slot(f(o))?;
            if !is_iterator(it.as_ptr()) {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    tp_name(it.as_ptr())
                )));
            }
            Ok(it)
        }
        None => {
            if crate::abstract_::sequence::is_sequence(o) {
                return crate::objects::iterobject::seq_iter_new(o);
            }
            Err(type_error(format!("'{}' object is not iterable", tp_name(o))))
        }
    }
}

/// The next item of iterator `it` (`PyIter_Next`): `Ok(None)` at the end (a StopIteration
/// raised by `tp_iternext` is cleared).
///
/// # Safety
/// `it` is a live iterator.
pub(crate) unsafe fn next(it: *mut PyObject) -> PyResult<Option<PyRef>> {
    let Some(f) = (*(*it).ob_type).tp_iternext else {
        return Err(type_error(format!("'{}' object is not an iterator", tp_name(it))));
    };
    let r = f(it);
    if !r.is_null() {
        return Ok(PyRef::from_owned(r));
    }
    end_of_iteration()
}

/// After a `tp_iternext` returned NULL: no error or StopIteration is the end (cleared);
/// another error stands.
pub(crate) unsafe fn end_of_iteration<T>() -> PyResult<Option<T>> {
    let err = pyerr::PyErr_Occurred();
    if err.is_null() {
        return Ok(None);
    }
    if pyerr::PyErr_GivenExceptionMatches(err, &raw mut exc::_PyExc_StopIteration as *mut PyObject) != 0 {
        pyerr::PyErr_Clear();
        return Ok(None);
    }
    Err(Raised::assume_set())
}

/// `PyObject *PyObject_GetIter(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetIter(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(get_iter(o))
}

/// `int PyIter_Check(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyIter_Check(o: *mut PyObject) -> c_int {
    is_iterator(o) as c_int
}

/// `PyObject *PyIter_Next(PyObject *iter)`: the next item, or NULL at the end (no exception)
/// or on error (exception set).
#[no_mangle]
pub unsafe extern "C" fn PyIter_Next(iter: *mut PyObject) -> *mut PyObject {
    let Some(f) = (*(*iter).ob_type).tp_iternext else {
        let _ = type_error(format!("'{}' object is not an iterator", tp_name(iter)));
        return core::ptr::null_mut();
    };
    let r = f(iter);
    if r.is_null() {
        let _ = end_of_iteration::<()>();
    }
    r
}

/// Collects the items of iterable `o` (`list(o)` in Rust form).
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn collect(o: *mut PyObject) -> PyResult<Vec<PyRef>> {
    let it = get_iter(o)?;
    let mut out = Vec::new();
    while let Some(x) = next(it.as_ptr())? {
        out.push(x);
    }
    Ok(out)
}
