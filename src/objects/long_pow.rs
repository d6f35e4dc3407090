//! `pow()` for ints: non-negative exponents by binary exponentiation, negative ones as a
//! float (as CPython hands them to float's pow), and three-argument modular pow, including
//! negative exponents through the modular inverse.
use core::ptr::null_mut;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::int::{digits, from_i128, from_int, is_int, medium_value, size_of, to_int};
use crate::objects::long_digits::{self as ld, Int};
use crate::objects::long_ops::not_implemented;
use crate::objects::singletons::_Py_NoneStruct;

/// `nb_power` of int.
pub(crate) unsafe extern "C" fn long_pow(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
    if !is_int(a) || !is_int(b) {
        return not_implemented();
    }
    let r = if c == &raw mut _Py_NoneStruct {
        if size_of(b) < 0 {
            return crate::objects::long_float::negative_power(a, b);
        }
        power(a, b)
    } else if is_int(c) {
        modular_power(a, b, c)
    } else {
        return not_implemented();
    };
    r.map_or(null_mut(), PyRef::into_ptr)
}

/// `a ** b` for `b >= 0`.
pub(crate) unsafe fn power(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let base = to_int(a);
    // 0, 1 and -1 raised to anything stay small.
    if base.mag.len() <= 1 && base.mag.first().copied().unwrap_or(0) <= 1 {
        let m = i128::from(base.mag.first().copied().unwrap_or(0));
        let odd = digits(b).first().map_or(false, |d| d & 1 == 1);
        let v = if size_of(b) == 0 { 1 } else if base.neg && !odd { m } else if base.neg { -m } else { m };
        return from_i128(v);
    }
    let e = match ld::to_u128(digits(b)).and_then(|v| u64::try_from(v).ok()) {
        Some(e) => e,
        None => return Err(no_memory()),
    };
    if let Some(x) = medium_value(a) {
        if let Some(v) = i128::from(x).checked_pow(e.min(u32::MAX as u64) as u32) {
            if e <= u64::from(u32::MAX) {
                return from_i128(v);
            }
        }
    }
    let bits = u128::from(ld::bit_length(&base.mag)) * u128::from(e);
    crate::objects::long_ops::check_result_digits(bits / 30 + 1)?;
    from_int(&base.pow(e))
}

/// The inverse of `a` modulo `m` (both positive, a < m), or None when gcd(a, m) != 1.
fn mod_inverse(a: &Int, m: &Int) -> Option<Int> {
    // Extended Euclid on (r0, r1) with the Bezout coefficient of a.
    let (mut r0, mut r1) = (m.clone(), a.clone());
    let (mut t0, mut t1) = (Int::zero(), Int::from_i64(1));
    while !r1.is_zero() {
        let (q, r) = r0.divmod_floor(&r1);
        let t2 = t0.sub(&q.mul(&t1));
        r0 = r1;
        r1 = r;
        t0 = t1;
        t1 = t2;
    }
    if r0 != Int::from_i64(1) {
        return None;
    }
    Some(t0.divmod_floor(m).1)
}

/// `pow(a, b, c)` for ints.
pub(crate) unsafe fn modular_power(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> PyResult<PyRef> {
    if size_of(c) == 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "pow() 3rd argument cannot be 0"));
    }
    let cv = to_int(c);
    let negative_output = cv.neg;
    let m = cv.abs();
    if m == Int::from_i64(1) {
        return from_int(&Int::zero());
    }
    let mut base = to_int(a).divmod_floor(&m).1;
    let mut e = to_int(b);
    if e.neg {
        base = match mod_inverse(&base, &m) {
            Some(inv) => inv,
            None => {
                return Err(raise_type(
                    &raw mut exc::_PyExc_ValueError,
                    "base is not invertible for the given modulus",
                ))
            }
        };
        e = e.abs();
    }
    // Left-to-right square-and-multiply over the exponent's bits.
    let mut result = Int::from_i64(1);
    let nbits = ld::bit_length(&e.mag);
    for i in (0..nbits).rev() {
        result = result.mul(&result).divmod_floor(&m).1;
        let (w, o) = ((i / 30) as usize, (i % 30) as u32);
        if (e.mag[w] >> o) & 1 == 1 {
            result = result.mul(&base).divmod_floor(&m).1;
        }
    }
    if negative_output && !result.is_zero() {
        result = result.sub(&m);
    }
    from_int(&result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverses() {
        let inv = |a: i64, m: i64| mod_inverse(&Int::from_i64(a), &Int::from_i64(m)).and_then(|v| v.to_i128());
        assert_eq!(inv(3, 7), Some(5));
        assert_eq!(inv(2, 4), None);
        assert_eq!(inv(1, 2), Some(1));
        assert_eq!(inv(10, 17), Some(12));
    }
}
