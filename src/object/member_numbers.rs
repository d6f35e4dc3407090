//! The numeric member types (`T_SHORT` ... `T_PYSSIZET`, `T_FLOAT`, `T_DOUBLE`): reading a
//! C field as int/float and converting a Python number back, with CPython's range checks.
//! They need int and float objects, which arrive with the numbers area.
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use core::ffi::{c_char, c_int};

/// The value of numeric member type `t` at `p`; `None` for a type that is not numeric.
///
/// # Safety
/// `p` points at a field of the C type `t` stands for.
pub(crate) unsafe fn get_number(_p: *const c_char, _t: c_int) -> Option<PyResult<PyRef>> {
    None
}

/// Stores `value` into the numeric field of type `t` at `p`; `None` for a type that is
/// not numeric.
///
/// # Safety
/// As `get_number`; `value` is live.
pub(crate) unsafe fn set_number(_p: *mut c_char, _t: c_int, _value: *mut PyObject) -> Option<PyResult<()>> {
    None
}
