//! The objects `Py_BuildValue` units make whose types live in other areas (int, float,
//! complex, bytes, list), behind one function each so the builder does not care where they
//! come from.
use crate::errors::raised::{PyResult, Raised};
use crate::object::ptr::PyRef;

/// `[...]`: a list of `items`.
pub(crate) fn list(items: Vec<PyRef>) -> PyResult<PyRef> {
    crate::objects::list::from_vec(items)
}

/// `b B h i l L n`.
pub(crate) fn long_from_i64(v: i64) -> PyResult<PyRef> {
    // SAFETY: makes a new int.
    unsafe { PyRef::from_owned(crate::objects::long_convert::PyLong_FromLongLong(v)).ok_or_else(Raised::assume_set) }
}

/// `H I k K`.
pub(crate) fn long_from_u64(v: u64) -> PyResult<PyRef> {
    // SAFETY: makes a new int.
    unsafe { PyRef::from_owned(crate::objects::long_convert::PyLong_FromUnsignedLongLong(v)).ok_or_else(Raised::assume_set) }
}

/// `f d`.
pub(crate) fn float(v: f64) -> PyResult<PyRef> {
    crate::objects::float::new(v)
}

/// `D`: from a `Py_complex *`.
pub(crate) unsafe fn complex(p: *mut core::ffi::c_void) -> PyResult<PyRef> {
    if p.is_null() {
        // CPython reads through the pointer and crashes.
        return Err(crate::object::pending_error::bad_internal_call());
    }
    crate::objects::complex::new(*(p as *const crate::objects::complex::Py_complex))
}

/// `c y y#`.
pub(crate) fn bytes(b: &[u8]) -> PyResult<PyRef> {
    crate::objects::bytes::from_slice(b)
}
