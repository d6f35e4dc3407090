//! Shared helpers for the Python-level methods of the containers (list_methods.rs,
//! dict_methods.rs): method-table entries for each calling convention and CPython's
//! argument-count messages.
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

pub(crate) type Fast = unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t) -> *mut PyObject;
pub(crate) type FastKw =
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t, *mut PyObject) -> *mut PyObject;
pub(crate) type Plain = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub(crate) type WithKw = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;

/// An entry for METH_NOARGS / METH_O (and flags added to them).
pub(crate) const fn plain(name: &'static CStr, f: Plain, flags: c_int, doc: &'static CStr) -> PyMethodDef {
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: Some(f), ml_flags: flags, ml_doc: doc.as_ptr() }
}

/// An entry for METH_FASTCALL.
pub(crate) const fn fast(name: &'static CStr, f: Fast, flags: c_int, doc: &'static CStr) -> PyMethodDef {
    // SAFETY: C stores every convention in `ml_meth` and casts back by the flags.
    let f: Plain = unsafe { core::mem::transmute::<Fast, Plain>(f) };
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: Some(f), ml_flags: flags, ml_doc: doc.as_ptr() }
}

/// An entry for METH_FASTCALL | METH_KEYWORDS.
pub(crate) const fn fast_kw(name: &'static CStr, f: FastKw, flags: c_int, doc: &'static CStr) -> PyMethodDef {
    // SAFETY: as in `fast`.
    let f: Plain = unsafe { core::mem::transmute::<FastKw, Plain>(f) };
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: Some(f), ml_flags: flags, ml_doc: doc.as_ptr() }
}

/// An entry for METH_VARARGS | METH_KEYWORDS.
pub(crate) const fn with_kw(name: &'static CStr, f: WithKw, flags: c_int, doc: &'static CStr) -> PyMethodDef {
    // SAFETY: as in `fast`.
    let f: Plain = unsafe { core::mem::transmute::<WithKw, Plain>(f) };
    PyMethodDef { ml_name: name.as_ptr(), ml_meth: Some(f), ml_flags: flags, ml_doc: doc.as_ptr() }
}

/// The table terminator.
pub(crate) const END: PyMethodDef =
    PyMethodDef { ml_name: core::ptr::null::<c_char>(), ml_meth: None, ml_flags: 0, ml_doc: core::ptr::null() };

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
