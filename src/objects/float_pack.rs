//! `PyFloat_Pack2/4/8` and `PyFloat_Unpack2/4/8` (public in 3.11): a double to and from
//! IEEE 754 half, single and double precision bytes, little- or big-endian (`le`), as the
//! `struct` module's `e`, `f`, `d` formats. Packing rounds half-to-even and raises
//! OverflowError "float too large to pack with e/f format" for finite values out of range.
use core::ffi::{c_char, c_double, c_int};

use crate::errors::exception_types as exc;
use crate::errors::raised::Raised;
use crate::object::pending_error::raise_type;

fn too_large(code: char) -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, format!("float too large to pack with {code} format"))
}

/// The IEEE half-precision bits of `x` (None when a finite `x` is too large).
pub(crate) fn to_half_bits(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        // A quiet NaN with the sign kept, as CPython.
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let ax = x.abs();
    let min_normal = 2f64.powi(-14);
    if ax < min_normal {
        // Subnormal (or zero): multiples of 2**-24; 1024 of them is the smallest normal,
        // whose encoding is exactly 0x0400.
        let n = (ax * 2f64.powi(24)).round_ties_even() as u16;
        return Some(sign | n);
    }
    let bits = ax.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i32 - 1023; // ax in [2**e, 2**(e+1))
    let frac = f64::from_bits((bits & ((1 << 52) - 1)) | (1023u64 << 52)); // in [1, 2)
    let mut n = (frac * 1024.0).round_ties_even() as u32; // 1024..=2048
    if n == 2048 {
        n = 1024;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | (n - 1024) as u16)
}

/// The double value of IEEE half-precision bits (a NaN keeps only its sign).
pub(crate) fn from_half_bits(h: u16) -> f64 {
    let negative = h & 0x8000 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = f64::from(h & 0x3ff);
    let v = match e {
        0 => f * 2f64.powi(-24),
        0x1f if f == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    };
    if negative { -v } else { v }
}

/// Writes `bytes` (little-endian order) to `p`, reversed when `le` is 0.
unsafe fn store(p: *mut c_char, bytes: &[u8], le: c_int) {
    for (i, &b) in bytes.iter().enumerate() {
        let at = if le != 0 { i } else { bytes.len() - 1 - i };
        *p.add(at) = b as c_char;
    }
}

/// Reads `N` bytes at `p` as little-endian order (reversing when `le` is 0).
unsafe fn load<const N: usize>(p: *const c_char, le: c_int) -> [u8; N] {
    let mut out = [0u8; N];
    for (i, b) in out.iter_mut().enumerate() {
        let at = if le != 0 { i } else { N - 1 - i };
        *b = *p.add(at) as u8;
    }
    out
}

/// `int PyFloat_Pack2(double x, char *p, int le)`: 0, or -1 with OverflowError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFloat_Pack2(x: c_double, p: *mut c_char, le: c_int) -> c_int {
    match to_half_bits(x) {
        Some(h) => {
            store(p, &h.to_le_bytes(), le);
            0
        }
        None => {
            let _ = too_large('e');
            -1
        }
    }
}

/// `int PyFloat_Pack4(double x, char *p, int le)`: 0, or -1 with OverflowError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFloat_Pack4(x: c_double, p: *mut c_char, le: c_int) -> c_int {
    let y = x as f32;
    if y.is_infinite() && !x.is_infinite() {
        let _ = too_large('f');
        return -1;
    }
    store(p, &y.to_le_bytes(), le);
    0
}

/// `int PyFloat_Pack8(double x, char *p, int le)`: always 0.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFloat_Pack8(x: c_double, p: *mut c_char, le: c_int) -> c_int {
    store(p, &x.to_le_bytes(), le);
    0
}

/// `double PyFloat_Unpack2(const char *p, int le)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFloat_Unpack2(p: *const c_char, le: c_int) -> c_double {
    from_half_bits(u16::from_le_bytes(load::<2>(p, le)))
}

/// `double PyFloat_Unpack4(const char *p, int le)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFloat_Unpack4(p: *const c_char, le: c_int) -> c_double {
    f64::from(f32::from_le_bytes(load::<4>(p, le)))
}

/// `double PyFloat_Unpack8(const char *p, int le)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFloat_Unpack8(p: *const c_char, le: c_int) -> c_double {
    f64::from_le_bytes(load::<8>(p, le))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_matches_cpython_struct() {
        for (x, bits) in [
            (65504.0, 0x7bff),
            (65519.99, 0x7bff),
            (1e-8, 0),
            (2f64.powi(-24), 1),
            (2f64.powi(-25), 0),
            (3.0 * 2f64.powi(-26), 1),
            (6.103515625e-05, 0x0400),
            (0.1, 0x2e66),
            (-0.0, 0x8000),
            (1.00146484375, 0x3c02),
            (1.00048828125, 0x3c00),
            (f64::INFINITY, 0x7c00),
            (f64::NAN, 0x7e00),
            (-f64::NAN, 0xfe00),
        ] {
            assert_eq!(to_half_bits(x), Some(bits), "{x}");
        }
        assert_eq!(to_half_bits(65520.0), None);
        assert_eq!(from_half_bits(0x2e66), 0.0999755859375);
        assert_eq!(from_half_bits(0x0001), 5.960464477539063e-08);
        assert!(from_half_bits(0x7c01).is_nan());
    }
}
