//! Flags and results of `PyOS_double_to_string` (pystrtod.h).
use core::ffi::c_int;

// `flags` bits.
/// Always add the sign.
pub const Py_DTSF_SIGN: c_int = 0x01;
/// Add ".0" when the result looks like an integer.
pub const Py_DTSF_ADD_DOT_0: c_int = 0x02;
/// The "alternate" form (`#` in format specs).
pub const Py_DTSF_ALT: c_int = 0x04;
/// Turn a negative zero result into zero.
pub const Py_DTSF_NO_NEG_0: c_int = 0x08;

// `*type` results.
pub const Py_DTST_FINITE: c_int = 0;
pub const Py_DTST_INFINITE: c_int = 1;
pub const Py_DTST_NAN: c_int = 2;
