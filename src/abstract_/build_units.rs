//! The objects `Py_BuildValue` units make whose types live in other areas (int, float,
//! complex, bytes, list), behind one function each so the builder does not care where they
//! come from.
//! TEMP(int, complex, bytes, list): until those types are merged, these units raise SystemError.
use crate::errors::raised::PyResult;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;

fn unavailable(what: &str) -> PyResult<PyRef> {
    Err(raise(ExcType::SystemError, format!("Py_BuildValue: {what} objects are not available yet")))
}

/// `[...]`: a list of `items`.
pub(crate) fn list(_items: Vec<PyRef>) -> PyResult<PyRef> {
    unavailable("list")
}

/// `b B h i l L n`.
pub(crate) fn long_from_i64(_v: i64) -> PyResult<PyRef> {
    unavailable("int")
}

/// `H I k K`.
pub(crate) fn long_from_u64(_v: u64) -> PyResult<PyRef> {
    unavailable("int")
}

/// `f d`.
pub(crate) fn float(v: f64) -> PyResult<PyRef> {
    crate::objects::float::new(v)
}

/// `D`: from a `Py_complex *`.
pub(crate) unsafe fn complex(_p: *mut core::ffi::c_void) -> PyResult<PyRef> {
    unavailable("complex")
}

/// `c y y#`.
pub(crate) fn bytes(b: &[u8]) -> PyResult<PyRef> {
    crate::objects::bytes::from_slice(b)
}
