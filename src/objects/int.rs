//! The int object layout (CPython 3.11's cpython/longintrepr.h): 30-bit digits stored
//! least significant first, the sign carried by `ob_size`.
use crate::object::object::PyVarObject;
use core::ffi::c_int;

/// `digit`: one base-2**30 digit.
#[cfg(not(Py_LIMITED_API))]
pub type digit = u32;
/// `sdigit`: signed variant of `digit`.
#[cfg(not(Py_LIMITED_API))]
pub type sdigit = i32;
/// `twodigits`: holds the product of two digits.
#[cfg(not(Py_LIMITED_API))]
pub type twodigits = u64;
/// `stwodigits`: signed variant of `twodigits`.
#[cfg(not(Py_LIMITED_API))]
pub type stwodigits = i64;

/// Bits per digit.
#[cfg(not(Py_LIMITED_API))]
pub const PyLong_SHIFT: c_int = 30;
/// Exponent of the largest power of ten that fits a digit (used for decimal conversion).
#[cfg(not(Py_LIMITED_API))]
pub const _PyLong_DECIMAL_SHIFT: c_int = 9;
// The next three are `digit`-typed in C (`((digit)1 << PyLong_SHIFT)`...), which cbindgen
// cannot print, so they are hand-written in include/cpython/longintrepr.h and crate-private
// here.
/// 10**_PyLong_DECIMAL_SHIFT.
pub(crate) const _PyLong_DECIMAL_BASE: digit = 1_000_000_000;
/// The digit base, 2**30, and the mask of a digit's bits.
pub(crate) const PyLong_BASE: digit = 1 << PyLong_SHIFT;
pub(crate) const PyLong_MASK: digit = PyLong_BASE - 1;

/// `struct _longobject` (`PyLongObject`): `abs(ob_size)` digits follow the header; the sign
/// of `ob_size` is the sign of the number, zero has `ob_size == 0`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _longobject {
    pub ob_base: PyVarObject,
    pub ob_digit: [digit; 1],
}
pub type PyLongObject = _longobject;
assert_layout!(PyLongObject, size = 32, ob_base @ 0, ob_digit @ 24);
// Pin the values the hand-written C macros must agree with.
static_assertions::const_assert_eq!(PyLong_BASE, 0x4000_0000);
static_assertions::const_assert_eq!(PyLong_MASK, 0x3fff_ffff);
static_assertions::const_assert_eq!(_PyLong_DECIMAL_BASE, 10u32.pow(_PyLong_DECIMAL_SHIFT as u32));
