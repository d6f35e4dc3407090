//! Locale-independent character classes of cpython/pyctype.h: the bits of
//! `_Py_ctype_table` that the `Py_ISDIGIT`... macros test (the macros and the table
//! declarations are in include/cpython/pyctype.h).
use core::ffi::c_int;

#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_LOWER: c_int = 0x01;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_UPPER: c_int = 0x02;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_ALPHA: c_int = 0x03;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_DIGIT: c_int = 0x04;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_ALNUM: c_int = 0x07;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_SPACE: c_int = 0x08;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_XDIGIT: c_int = 0x10;
static_assertions::const_assert_eq!(PY_CTF_ALPHA, PY_CTF_LOWER | PY_CTF_UPPER);
static_assertions::const_assert_eq!(PY_CTF_ALNUM, PY_CTF_ALPHA | PY_CTF_DIGIT);
