//! The abstract object protocols (CPython's abstract.c and object.c): operations on any
//! object through its type's slots — repr/str/hash/truth (object.rs), rich comparison
//! (compare.rs), item access (item.rs), iteration (iter.rs), the sequence and mapping
//! protocols (sequence.rs, mapping.rs), and the call protocol (call.rs). Shared helpers for
//! them live here.

pub mod call;
pub mod build_units;
pub mod build_value;
pub mod call_shims;
pub mod getargs;
pub mod compare;
pub mod dir;
pub mod format;
pub mod item;
pub mod mapping;
pub mod isinstance;
pub mod iter;
pub mod number;
pub mod object;
pub mod sequence;
pub mod unpack_keywords;
pub mod arg_encode;
pub mod arg_format;
pub mod arg_parser;
pub mod arg_simple;
pub mod arg_units;
pub mod arg_va;
pub mod pystrcmp;
pub mod old_buffer;
pub mod file_descriptor;

use core::ffi::CStr;

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;

/// The `tp_name` of a type, as CPython's messages print it (`%.200s`).
///
/// # Safety
/// `tp` is a live type object.
pub(crate) unsafe fn type_name_of(tp: *mut PyTypeObject) -> String {
    let name = (*tp).tp_name;
    if name.is_null() {
        return String::from("?");
    }
    let s = CStr::from_ptr(name).to_string_lossy();
    s.chars().take(200).collect()
}

/// The `tp_name` of an object's type.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn tp_name(op: *mut PyObject) -> String {
    type_name_of((*op).ob_type)
}

/// Raises TypeError(message).
pub(crate) fn type_error(message: impl Into<String>) -> Raised {
    raise_type(&raw mut exc::_PyExc_TypeError, message)
}

/// CPython's `null_error()`: a NULL argument to an abstract function is SystemError
/// "null argument to internal routine", unless an exception is already set (the NULL came
/// from a failed call whose error stands).
pub(crate) fn null_error() -> Raised {
    // SAFETY: reads the current thread's error state.
    if unsafe { crate::errors::pyerr::PyErr_Occurred() }.is_null() {
        return raise_type(&raw mut exc::_PyExc_SystemError, "null argument to internal routine");
    }
    Raised::assume_set()
}

/// A new reference to `op` as an owned PyRef (op is non-NULL).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn new_ref(op: *mut PyObject) -> PyRef {
    PyRef::from_borrowed(op).unwrap_unchecked()
}

/// `None`, borrowed.
#[inline]
pub(crate) fn none() -> *mut PyObject {
    &raw mut crate::objects::singletons::_Py_NoneStruct
}

/// `NotImplemented`, borrowed.
#[inline]
pub(crate) fn not_implemented() -> *mut PyObject {
    &raw mut crate::objects::singletons::_Py_NotImplementedStruct
}

/// A C-API object result: the new reference, or NULL with the exception set.
#[inline]
pub(crate) fn ret_obj(r: PyResult<PyRef>) -> *mut PyObject {
    match r {
        Ok(o) => o.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// Takes a new reference returned by a slot: `Err` when it is NULL (its exception is set).
///
/// # Safety
/// `op` is NULL or a new reference.
#[inline]
pub(crate) unsafe fn from_slot(op: *mut PyObject) -> PyResult<PyRef> {
    PyRef::from_owned(op).ok_or_else(Raised::assume_set)
}

/// Whether `op`'s type is `tp` or a subtype of it.
///
/// # Safety
/// `op` is a live object, `tp` a live type.
#[inline]
pub(crate) unsafe fn is_instance_of(op: *mut PyObject, tp: *mut PyTypeObject) -> bool {
    (*op).ob_type == tp || crate::object::typetype::is_subtype((*op).ob_type, tp)
}
