//! Number-related helpers CPython's modules take from the core: the digit-value table of
//! int parsing (`binascii`), the signed infinities and quiet NaN of its dtoa (`cmath`,
//! `math`), and the OS random source (`_random` seeds from it).
use core::ffi::{c_double, c_int, c_uchar, c_void};

use crate::pyport::Py_ssize_t;

/// The value of each byte as a digit in bases up to 36 ('0'-'9', then letters in either
/// case); 37 for bytes that are no digit.
const fn digit_values() -> [c_uchar; 256] {
    let mut t = [37u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'z' => b - b'a' + 10,
            b'A'..=b'Z' => b - b'A' + 10,
            _ => 37,
        };
        c += 1;
    }
    t
}

/// `unsigned char _PyLong_DigitValue[256]`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyLong_DigitValue: [c_uchar; 256] = digit_values();

/// `double _Py_dg_stdnan(int sign)`: a quiet NaN, negative when `sign` is non-zero.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_dg_stdnan(sign: c_int) -> c_double {
    if sign != 0 {
        -f64::NAN
    } else {
        f64::NAN
    }
}

/// `double _Py_dg_infinity(int sign)`: +inf, or -inf when `sign` is non-zero.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_dg_infinity(sign: c_int) -> c_double {
    if sign != 0 {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    }
}

/// Fills `size` bytes at `buffer` from the kernel (ValueError for a negative size, OSError
/// when the kernel refuses); 0 or -1. getrandom on a running Linux never blocks once the
/// pool is initialised, so the blocking and non-blocking spellings are the same.
unsafe fn urandom(buffer: *mut c_void, size: Py_ssize_t) -> c_int {
    if size < 0 {
        let _ = crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_ValueError,
            "negative argument not allowed",
        );
        return -1;
    }
    if size == 0 {
        return 0;
    }
    let buf = core::slice::from_raw_parts_mut(buffer as *mut u8, size as usize);
    match crate::modules::posix::system::random_bytes(buf) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// `int _PyOS_URandom(void *buffer, Py_ssize_t size)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyOS_URandom(buffer: *mut c_void, size: Py_ssize_t) -> c_int {
    urandom(buffer, size)
}

/// `int _PyOS_URandomNonblock(void *buffer, Py_ssize_t size)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyOS_URandomNonblock(buffer: *mut c_void, size: Py_ssize_t) -> c_int {
    urandom(buffer, size)
}
