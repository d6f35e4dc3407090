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
    // An iterator over an iterator over ... recurses in C, as deep as it was nested.
    let r = crate::runtime::c_stack::guard(|| Ok(f(it)))?;
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
    // The most common iterator from C; at its end it sets no exception.
    if let Some(r) = crate::objects::list_iter::next_if_list_iter(iter) {
        return r;
    }
    let Some(f) = (*(*iter).ob_type).tp_iternext else {
        return not_an_iterator(iter);
    };
    let Ok(r) = crate::runtime::c_stack::guard(|| Ok(f(iter))) else { return core::ptr::null_mut() };
    if r.is_null() {
        let _ = end_of_iteration::<()>();
    }
    r
}

/// PyIter_Next's TypeError, apart so that the common path needs no stack frame for it.
#[cold]
#[inline(never)]
unsafe fn not_an_iterator(iter: *mut PyObject) -> *mut PyObject {
    let _ = type_error(format!("'{}' object is not an iterator", tp_name(iter)));
    core::ptr::null_mut()
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

/// `PySendResult PyIter_Send(PyObject *iter, PyObject *arg, PyObject **presult)`: the
/// type's `am_send`; else `__next__` when `arg` is None and `iter` is an iterator, or
/// `iter.send(arg)`. A value is PYGEN_NEXT; StopIteration (or a plain end) is PYGEN_RETURN
/// with its value (None without one) in `*presult`; another error is PYGEN_ERROR.
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyIter_Send(
    iter: *mut PyObject,
    arg: *mut PyObject,
    presult: *mut *mut PyObject,
) -> crate::object::slots::PySendResult {
    use crate::object::slots::PySendResult;
    let tp = (*iter).ob_type;
    let am = (*tp).tp_as_async;
    if !am.is_null() {
        if let Some(send) = (*am).am_send {
            return send(iter, arg, presult);
        }
    }
    let r = if arg == crate::abstract_::none() && is_iterator(iter) {
        (*tp).tp_iternext.map_or(core::ptr::null_mut(), |f| f(iter))
    } else {
        match crate::objects::str::intern("send") {
            Ok(name) => {
                let args = [iter, arg];
                crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), args.as_ptr(), 2, core::ptr::null_mut())
            }
            Err(_) => core::ptr::null_mut(),
        }
    };
    *presult = r;
    if !r.is_null() {
        return PySendResult::PYGEN_NEXT;
    }
    match stop_iteration_value() {
        Ok(v) => {
            *presult = v.into_ptr();
            PySendResult::PYGEN_RETURN
        }
        Err(_) => PySendResult::PYGEN_ERROR,
    }
}

/// CPython's `_PyGen_FetchStopIterationValue`: no error, or StopIteration (cleared), gives
/// the return value (the exception's `value`, None without one); another error stands.
pub(crate) unsafe fn stop_iteration_value() -> PyResult<PyRef> {
    let err = pyerr::PyErr_Occurred();
    if err.is_null() {
        return Ok(crate::abstract_::new_ref(crate::abstract_::none()));
    }
    let stop = &raw mut exc::_PyExc_StopIteration as *mut PyObject;
    if pyerr::PyErr_GivenExceptionMatches(err, stop) == 0 {
        return Err(Raised::assume_set());
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let (t, tb) = (PyRef::from_owned(t), PyRef::from_owned(tb));
    drop((t, tb));
    let v = PyRef::from_owned(v);
    let value = match v {
        None => crate::abstract_::new_ref(crate::abstract_::none()),
        Some(v) if crate::abstract_::is_instance_of(v.as_ptr(), stop as *mut crate::object::typeobject::PyTypeObject) => {
            let inner = (*(v.as_ptr() as *mut crate::errors::exceptions::PyStopIterationObject)).value;
            crate::abstract_::new_ref(if inner.is_null() { crate::abstract_::none() } else { inner })
        }
        // An unnormalized StopIteration: its value is what was raised with it (a tuple is
        // the constructor's arguments, whose first item is the value).
        Some(v) if crate::objects::tuple::is_tuple(v.as_ptr()) => {
            let items = crate::objects::tuple::items(v.as_ptr());
            crate::abstract_::new_ref(items.first().copied().unwrap_or(crate::abstract_::none()))
        }
        Some(v) => v,
    };
    Ok(value)
}
