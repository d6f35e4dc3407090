//! The bodies of the `async for`/`async with` instructions: `GET_AITER`, `GET_ANEXT`,
//! `END_ASYNC_FOR`'s test, `BEFORE_ASYNC_WITH`, with CPython 3.11's messages.
use crate::abstract_::{from_slot, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::gen_type;

unsafe fn am(tp: *mut PyTypeObject) -> Option<&'static crate::object::slots::PyAsyncMethods> {
    (*tp).tp_as_async.as_ref()
}

/// `GET_AITER`: `obj.__aiter__()`, which must have `__anext__`.
pub(crate) unsafe fn get_aiter(obj: *mut PyObject) -> PyResult<PyRef> {
    let Some(aiter) = am((*obj).ob_type).and_then(|a| a.am_aiter) else {
        return Err(type_error(format!("'async for' requires an object with __aiter__ method, got {}", tp_name(obj))));
    };
    let it = from_slot(aiter(obj))?;
    if am((*it.as_ptr()).ob_type).and_then(|a| a.am_anext).is_none() {
        return Err(type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            tp_name(it.as_ptr())
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable of `aiter.__anext__()`.
pub(crate) unsafe fn get_anext(aiter: *mut PyObject) -> PyResult<PyRef> {
    let Some(anext) = am((*aiter).ob_type).and_then(|a| a.am_anext) else {
        return Err(type_error(format!("'async for' requires an iterator with __anext__ method, got {}", tp_name(aiter))));
    };
    let next = from_slot(anext(aiter))?;
    // An async generator's asend object is its own awaitable.
    if gen_type::is_async_gen(aiter) {
        return Ok(next);
    }
    gen_type::awaitable_iter(next.as_ptr()).map_err(|_| {
        crate::object::type_new::raise_from_cause(
            &raw mut exc::_PyExc_TypeError,
            format!("'async for' received an invalid object from __anext__: {}", tp_name(next.as_ptr())),
        )
    })
}

/// `END_ASYNC_FOR`: whether the exception ending the loop's `__anext__` await is
/// StopAsyncIteration (the loop ends) rather than an error to re-raise.
pub(crate) unsafe fn is_stop_async(e: *mut PyObject) -> bool {
    crate::errors::pyerr::PyErr_GivenExceptionMatches(e, &raw mut exc::_PyExc_StopAsyncIteration as *mut PyObject) != 0
}

/// `BEFORE_ASYNC_WITH`: `(mgr.__aexit__ bound, mgr.__aenter__())`.
pub(crate) unsafe fn before_async_with(mgr: *mut PyObject) -> PyResult<(PyRef, PyRef)> {
    let Some(enter) = crate::abstract_::object::lookup_special(mgr, "__aenter__")? else {
        return Err(type_error(format!("'{}' object does not support the asynchronous context manager protocol", tp_name(mgr))));
    };
    let Some(exit) = crate::abstract_::object::lookup_special(mgr, "__aexit__")? else {
        return Err(type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
            tp_name(mgr)
        )));
    };
    let res = from_slot(crate::abstract_::call::PyObject_CallNoArgs(enter.as_ptr()))?;
    Ok((exit, res))
}
