//! Shared helpers for the Python-level methods of the containers (list_methods.rs,
//! dict_methods.rs): CPython's argument-count messages, fastcall argument slices, results.
//! (Method-table entries are built with `object::method_table`.)
use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

/// CPython's `_PyArg_CheckPositional(name, nargs, min, max)` messages.
pub(crate) fn check_positional(name: &str, nargs: Py_ssize_t, min: Py_ssize_t, max: Py_ssize_t) -> PyResult<()> {
    let plural = |n: Py_ssize_t| if n == 1 { "" } else { "s" };
    if nargs < min {
        let at = if min == max { "" } else { "at least " };
        return Err(type_error(format!("{name} expected {at}{min} argument{}, got {nargs}", plural(min))));
    }
    if nargs > max {
        let at = if min == max { "" } else { "at most " };
        return Err(type_error(format!("{name} expected {at}{max} argument{}, got {nargs}", plural(max))));
    }
    Ok(())
}

/// The fastcall arguments as a slice.
///
/// # Safety
/// `args` points to `nargs` live objects (or nargs is 0).
pub(crate) unsafe fn args<'a>(args: *const *mut PyObject, nargs: Py_ssize_t) -> &'a [*mut PyObject] {
    if nargs <= 0 || args.is_null() {
        &[]
    } else {
        core::slice::from_raw_parts(args, nargs as usize)
    }
}

/// A C-API object result from a Rust one.
#[inline]
pub(crate) fn ret(r: PyResult<crate::object::ptr::PyRef>) -> *mut PyObject {
    crate::abstract_::ret_obj(r)
}

/// None, as a new reference, for methods that return nothing.
#[inline]
pub(crate) fn none_result(r: PyResult<()>) -> *mut PyObject {
    // SAFETY: None is a live static object.
    r.map_or(core::ptr::null_mut(), |()| unsafe { crate::abstract_::new_ref(crate::abstract_::none()).into_ptr() })
}

#[allow(dead_code)]
pub(crate) fn raised<T>() -> PyResult<T> {
    Err(Raised::assume_set())
}
