//! Where ints meet doubles: `PyLong_AsDouble` (correctly rounded, OverflowError past the
//! double range), int / int true division (correctly rounded, subnormals included),
//! `PyLong_FromDouble` and `_PyLong_Frexp`.
use core::ffi::{c_double, c_int};

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::int::{digits, from_digits, from_i64, is_int, size_of};
use crate::objects::long_digits as ld;
use crate::pyport::Py_ssize_t;

extern "C" {
    fn ldexp(x: c_double, exp: c_int) -> c_double;
}

/// `q * 2**s` rounded to the nearest double (ties to even), where the true value is
/// `q * 2**s` exactly or, when `sticky`, a little more (inexact low bits were dropped and
/// `q` keeps at least two bits below the double's precision). `None` on overflow.
fn round_to_double(q: u64, s: i64, sticky: bool) -> Option<f64> {
    if q == 0 {
        return Some(0.0);
    }
    let q = q | sticky as u64;
    let len = i64::from(64 - q.leading_zeros());
    // Exponent of the result's unit in the last place: 53 significant bits, or the subnormal
    // grid 2**-1074.
    let ulp = (s + len - 53).max(-1074);
    let drop = ulp - s;
    let mant = if drop <= 0 {
        q << (-drop) as u32
    } else if drop >= 64 {
        // Far below half the smallest subnormal: rounds to 0 (q < 2**63 < half of 2**64).
        0
    } else {
        let m = q >> drop;
        let r = q & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        if r > half || (r == half && m & 1 == 1) { m + 1 } else { m }
    };
    let mlen = i64::from(64 - mant.leading_zeros());
    if ulp + mlen > 1024 {
        return None;
    }
    // SAFETY: ldexp is a pure libm function; the result is exact here.
    Some(unsafe { ldexp(mant as f64, ulp as c_int) })
}

/// The magnitude's value as a correctly rounded double, `None` when too large.
pub(crate) fn mag_to_f64(m: &[u32]) -> Option<f64> {
    let bits = ld::bit_length(m) as i64;
    if bits <= 64 {
        return round_to_double(ld::to_u128(m).unwrap_or(0) as u64, 0, false);
    }
    // Keep the top 62 bits and a sticky bit for the rest.
    let s = bits - 62;
    let top = ld::shr_mag(m, s as u64);
    let q = ld::to_u128(&top).unwrap_or(0) as u64;
    round_to_double(q, s, ld::low_bits_nonzero(m, s as u64))
}

fn too_large_for_float() -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, "int too large to convert to float")
}

/// An int's value as a correctly rounded double (OverflowError "int too large to convert
/// to float").
pub(crate) unsafe fn to_f64(op: *mut PyObject) -> PyResult<f64> {
    let d = digits(op);
    if d.len() <= 1 {
        let v = d.first().copied().unwrap_or(0) as f64;
        return Ok(if size_of(op) < 0 { -v } else { v });
    }
    let v = mag_to_f64(d).ok_or_else(too_large_for_float)?;
    Ok(if size_of(op) < 0 { -v } else { v })
}

/// `a / b` for two ints as a correctly rounded double: ZeroDivisionError "division by zero",
/// OverflowError "integer division result too large for a float".
pub(crate) unsafe fn true_divide(a: *mut PyObject, b: *mut PyObject) -> PyResult<f64> {
    let (da, db) = (digits(a), digits(b));
    if db.is_empty() {
        return Err(raise_type(&raw mut exc::_PyExc_ZeroDivisionError, "division by zero"));
    }
    let neg = (size_of(a) < 0) != (size_of(b) < 0);
    let (na, nb) = (ld::bit_length(da) as i64, ld::bit_length(db) as i64);
    let mag = if na <= 53 && nb <= 53 {
        // Both exact as doubles: IEEE division rounds correctly.
        (ld::to_u128(da).unwrap_or(0) as f64) / (ld::to_u128(db).unwrap_or(0) as f64)
    } else if da.is_empty() {
        0.0
    } else {
        // q = floor(|a| / (|b| * 2**s)) with 55..56 bits (or fewer in the subnormal range),
        // and a sticky bit for a non-zero remainder.
        let s = (na - nb - 55).max(-1074 - 3);
        if na - nb > 1025 {
            return Err(raise_type(
                &raw mut exc::_PyExc_OverflowError,
                "integer division result too large for a float",
            ));
        }
        let (num, den) = if s >= 0 {
            (da.to_vec(), ld::shl_mag(db, s as u64))
        } else {
            (ld::shl_mag(da, (-s) as u64), db.to_vec())
        };
        let (q, r) = ld::divrem_mag(&num, &den);
        let q = ld::to_u128(&q).unwrap_or(0) as u64;
        match round_to_double(q, s, !r.is_empty()) {
            Some(v) => v,
            None => {
                return Err(raise_type(
                    &raw mut exc::_PyExc_OverflowError,
                    "integer division result too large for a float",
                ))
            }
        }
    };
    Ok(if neg { -mag } else { mag })
}

/// A new float object (NULL with the error set on failure).
pub(crate) fn new_float(v: f64) -> *mut PyObject {
    crate::objects::float::new(v).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `a ** b` for ints with `b < 0`: a float, as CPython computes it through float's pow
/// (both converted to doubles first; ZeroDivisionError for a zero base).
pub(crate) unsafe fn negative_power(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let x = match to_f64(a) {
        Ok(x) => x,
        Err(_) => return core::ptr::null_mut(),
    };
    let y = match to_f64(b) {
        Ok(y) => y,
        Err(_) => return core::ptr::null_mut(),
    };
    if x == 0.0 {
        let _ = raise_type(&raw mut exc::_PyExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return core::ptr::null_mut();
    }
    // |x| >= 1 and y < 0: the result is finite (it may underflow to 0, as in C).
    new_float(x.powf(y))
}

/// The int with the value of `v` truncated toward zero (ValueError for NaN, OverflowError
/// for infinities).
pub(crate) fn from_f64(v: f64) -> PyResult<PyRef> {
    if v.is_nan() {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "cannot convert float infinity to integer"));
    }
    let t = v.trunc();
    if t.abs() < 9.2e18 {
        return from_i64(t as i64);
    }
    // |t| >= 2**63: mantissa * 2**exp exactly.
    let bits = t.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mag = ld::shl_mag(&ld::from_u64(mant), exp as u64);
    from_digits(t < 0.0, &mag)
}

/// `double PyLong_AsDouble(PyObject *v)`: -1.0 with TypeError "an integer is required" for
/// a non-int, OverflowError when too large.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsDouble(v: *mut PyObject) -> c_double {
    if v.is_null() {
        let _ = bad_internal_call();
        return -1.0;
    }
    if !is_int(v) {
        let _ = raise_type(&raw mut exc::_PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    to_f64(v).unwrap_or(-1.0)
}

/// `PyObject *PyLong_FromDouble(double v)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromDouble(v: c_double) -> *mut PyObject {
    from_f64(v).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `double _PyLong_Frexp(PyLongObject *a, Py_ssize_t *e)`: `a == x * 2***e` with
/// 0.5 <= |x| < 1 (x correctly rounded; 0.0 and *e == 0 for zero).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Frexp(a: *mut crate::objects::int::PyLongObject, e: *mut Py_ssize_t) -> c_double {
    let op = a.cast::<PyObject>();
    let d = digits(op);
    let bits = ld::bit_length(d) as i64;
    if bits == 0 {
        *e = 0;
        return 0.0;
    }
    // Round the magnitude to 53 bits at scale 2**-bits.
    let (q, s, sticky) = if bits <= 62 {
        (ld::to_u128(d).unwrap_or(0) as u64, 0i64, false)
    } else {
        let s = bits - 62;
        (ld::to_u128(&ld::shr_mag(d, s as u64)).unwrap_or(0) as u64, s, ld::low_bits_nonzero(d, s as u64))
    };
    // Scale so the value lies in [0.5, 1): round at exponent s - bits (never subnormal here).
    let x = round_to_double(q, s - bits, sticky).unwrap_or(0.0);
    let (x, ebits) = if x >= 1.0 { (x / 2.0, bits + 1) } else { (x, bits) };
    *e = ebits as Py_ssize_t;
    if size_of(op) < 0 { -x } else { x }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_to_double() {
        assert_eq!(mag_to_f64(&ld::from_u64((1 << 53) + 1)), Some(9007199254740992.0));
        assert_eq!(mag_to_f64(&ld::from_u64((1 << 53) + 3)), Some(9007199254740996.0));
        assert_eq!(mag_to_f64(&ld::from_u128(u128::MAX)), Some(2f64.powi(128)));
        // 2**1024 - 2**970 rounds up to 2**1024: overflow
        let m = ld::sub_mag(&ld::shl_mag(&[1], 1024), &ld::shl_mag(&[1], 970));
        assert_eq!(mag_to_f64(&m), None);
        let m = ld::sub_mag(&ld::shl_mag(&[1], 1024), &ld::shl_mag(&[1], 971));
        assert_eq!(mag_to_f64(&m), Some(f64::MAX));
        assert_eq!(round_to_double(1, -1074, false), Some(5e-324));
        assert_eq!(round_to_double(1, -1075, false), Some(0.0)); // tie to even
        assert_eq!(round_to_double(2, -1076, true), Some(5e-324)); // 0.75 ulp up
        assert_eq!(round_to_double(3, -1076, false), Some(5e-324));
    }
}
