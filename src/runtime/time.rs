//! The timestamp type of cpython/pytime.h: `_PyTime_t` counts nanoseconds in an `int64_t`;
//! `_PyTime_round_t` says how conversions round; `_Py_clock_info_t` is what
//! `time.get_clock_info()` reports. Not in the limited API.
use core::ffi::{c_char, c_double, c_int};

/// `_PyTime_t`: nanoseconds (about +-292 years).
#[cfg(not(Py_LIMITED_API))]
pub type _PyTime_t = i64;

/// How a conversion to `_PyTime_t` or from it rounds. CPython's `_PyTime_ROUND_TIMEOUT`
/// is another name for `_PyTime_ROUND_UP` (a Rust enum cannot repeat a value), written by
/// hand in include/cpython/pytime.h.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum _PyTime_round_t {
    _PyTime_ROUND_FLOOR = 0,
    _PyTime_ROUND_CEILING = 1,
    _PyTime_ROUND_HALF_EVEN = 2,
    _PyTime_ROUND_UP = 3,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyTime_round_t, size = 4);

/// `_Py_clock_info_t`: a clock's implementation name and properties.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _Py_clock_info_t {
    pub implementation: *const c_char,
    pub monotonic: c_int,
    pub adjustable: c_int,
    pub resolution: c_double,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_Py_clock_info_t, size = 24,
    implementation @ 0, monotonic @ 8, adjustable @ 12, resolution @ 16);
