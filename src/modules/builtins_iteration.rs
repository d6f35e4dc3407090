//! The iteration builtins that need no frames: `all`, `any`, `aiter`, `anext`, and the
//! C-API behind the async ones (`PyObject_GetAIter`, `PyAIter_Check`).
use core::ffi::c_int;

use crate::abstract_::{tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::modules::{args_slice, owned, ret};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bool as pybool;

/// Whether any item's truth equals `wanted` (`any`), or all do not differ (`all`): stops at
/// the first item whose truth is `stop_on`.
unsafe fn first_with_truth(iterable: *mut PyObject, stop_on: bool) -> PyResult<bool> {
    let it = crate::abstract_::iter::get_iter(iterable)?;
    while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
        if crate::abstract_::object::is_true(item.as_ptr())? == stop_on {
            return Ok(true);
        }
    }
    Ok(false)
}

fn boolean(b: bool) -> PyRef {
    // SAFETY: True/False are always live.
    unsafe { crate::abstract_::new_ref(pybool::PyBool_FromLong(b as _)) }
}

pub(crate) unsafe extern "C" fn all(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(first_with_truth(o, false).map(|found| boolean(!found)))
}

pub(crate) unsafe extern "C" fn any(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(first_with_truth(o, true).map(boolean))
}

/// Whether `o`'s type has an `am_anext` slot.
unsafe fn is_async_iterator(o: *mut PyObject) -> bool {
    let t = (*o).ob_type;
    (*t).tp_as_async.as_ref().is_some_and(|a| a.am_anext.is_some())
}

/// `int PyAIter_Check(PyObject *o)`: whether `o` is an async iterator.
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyAIter_Check(o: *mut PyObject) -> c_int {
    is_async_iterator(o) as c_int
}

/// `aiter(o)`: `type(o).__aiter__(o)`, which must give an async iterator.
unsafe fn get_aiter(o: *mut PyObject) -> PyResult<PyRef> {
    let t = (*o).ob_type;
    let Some(aiter) = (*t).tp_as_async.as_ref().and_then(|a| a.am_aiter) else {
        return Err(type_error(format!("'{}' object is not an async iterable", tp_name(o))));
    };
    let it = owned(aiter(o))?;
    if !is_async_iterator(it.as_ptr()) {
        return Err(type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            crate::objects::float::type_name_n((*it.as_ptr()).ob_type, 100)
        )));
    }
    Ok(it)
}

/// `PyObject *PyObject_GetAIter(PyObject *o)`: `aiter(o)`.
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAIter(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(crate::abstract_::null_error()));
    }
    ret(get_aiter(o))
}

pub(crate) unsafe extern "C" fn aiter(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret(get_aiter(o))
}

/// `anext(aiterator[, default])`: the awaitable of `type(it).__anext__(it)`; with a
/// default, wrapped so that its StopAsyncIteration becomes the default's StopIteration.
pub(crate) unsafe extern "C" fn anext(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    ret((|| {
        crate::objects::container_methods::check_positional("anext", a.len() as isize, 1, 2)?;
        let it = a[0];
        let t = (*it).ob_type;
        let Some(anext) = (*t).tp_as_async.as_ref().and_then(|x| x.am_anext) else {
            return Err(type_error(format!("'{}' object is not an async iterator", tp_name(it))));
        };
        let awaitable = owned(anext(it))?;
        match a.get(1) {
            None => Ok(awaitable),
            Some(&default) => crate::modules::builtins_anext::wrap(awaitable, default),
        }
    })())
}
