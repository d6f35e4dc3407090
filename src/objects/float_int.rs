//! float's conversions to int: `int(x)` (`nb_int`, `__trunc__`), `__floor__`, `__ceil__`,
//! `round(x)` and `round(x, ndigits)` (exactly rounded half-to-even on the binary value, as
//! CPython: `round(2.675, 2) == 2.67`), `as_integer_ratio`.
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::float::{self as float, value};
use crate::objects::long_float::from_f64;
use crate::objects::tuple;

fn c_result(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// The method name `__trunc__` (shared by the method table).
pub(crate) const TRUNC_NAME: &core::ffi::CStr = c"__trunc__";

/// `int(x)`: truncation toward zero (ValueError for NaN, OverflowError for infinities).
pub(crate) unsafe extern "C" fn float_int(op: *mut PyObject) -> *mut PyObject {
    c_result(from_f64(value(op)))
}

/// `x.__trunc__()`.
pub(crate) unsafe extern "C" fn float_trunc(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    float_int(op)
}

/// `x.__floor__()`.
pub(crate) unsafe extern "C" fn float_floor(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    c_result(from_f64(value(op).floor()))
}

/// `x.__ceil__()`.
pub(crate) unsafe extern "C" fn float_ceil(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    c_result(from_f64(value(op).ceil()))
}

/// Beyond these many digits after the point every double is unchanged by rounding; before
/// this many before it, every double rounds to zero (CPython's NDIGITS_MAX/MIN).
const NDIGITS_MAX: isize = 323;
const NDIGITS_MIN: isize = -308;

/// The decimal integer digits of `digits` rounded half-to-even at 10**k (k >= 1), `sticky`
/// meaning the value was a little more than the digits (a dropped fraction).
fn round_decimal_digits(digits: &str, k: usize, sticky: bool) -> String {
    let d = digits.as_bytes();
    if d.len() < k {
        // Below 10**k / 10: under half (a tie needs a digit at position k-1).
        return "0".into();
    }
    let (head, tail) = d.split_at(d.len() - k);
    let first = tail[0];
    let rest_nonzero = tail[1..].iter().any(|&b| b != b'0') || sticky;
    let head_odd = head.last().is_some_and(|&b| (b - b'0') % 2 == 1);
    let up = first > b'5' || (first == b'5' && (rest_nonzero || head_odd));
    let mut out: Vec<u8> = if head.is_empty() { vec![b'0'] } else { head.to_vec() };
    if up {
        let mut i = out.len();
        loop {
            if i == 0 {
                out.insert(0, b'1');
                break;
            }
            i -= 1;
            if out[i] == b'9' {
                out[i] = b'0';
            } else {
                out[i] += 1;
                break;
            }
        }
    }
    let mut s = String::from_utf8(out).expect("ASCII digits");
    s.extend(core::iter::repeat('0').take(k));
    s
}

/// `round(x, ndigits)`: the double nearest to x rounded half-to-even at 10**-ndigits,
/// computed exactly (None when the rounded value is too large for a double).
pub(crate) fn round_to_digits(x: f64, ndigits: isize) -> Option<f64> {
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Some(x);
    }
    if ndigits < NDIGITS_MIN {
        return Some(0.0 * x);
    }
    let text = if ndigits >= 0 {
        // Rust's fixed formatting rounds the exact binary value half-to-even.
        format!("{:.*}", ndigits as usize, x)
    } else {
        // Ties need an integer x, so a fractional part only breaks ties upwards.
        let t = x.abs().trunc();
        let digits = format!("{t:.0}");
        let r = round_decimal_digits(&digits, (-ndigits) as usize, x.abs() != t);
        if x < 0.0 { format!("-{r}") } else { r }
    };
    let r: f64 = text.parse().expect("a decimal number");
    // Keep the sign of a result rounded to zero.
    let r = if r == 0.0 { 0.0f64.copysign(x) } else { r };
    r.is_finite().then_some(r)
}

/// `x.__round__(ndigits=None)` (METH_VARARGS): an int without ndigits (or None), else a float.
pub(crate) unsafe extern "C" fn float_round(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let result = (|| -> PyResult<PyRef> {
        let items = if args.is_null() { &[][..] } else { tuple::items(args) };
        if items.len() > 1 {
            return Err(raise(ExcType::TypeError, format!("__round__ expected at most 1 argument, got {}", items.len())));
        }
        let x = value(op);
        let none = &raw mut crate::objects::singletons::_Py_NoneStruct;
        match items.first() {
            None => from_f64(x.round_ties_even()),
            Some(&o) if o == none => from_f64(x.round_ties_even()),
            Some(&o) => {
                let n = crate::abstract_::number::PyNumber_AsSsize_t(o, core::ptr::null_mut());
                if n == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
                    return Err(Raised::assume_set());
                }
                match round_to_digits(x, n) {
                    Some(r) => float::new(r),
                    None => Err(raise_type(&raw mut exc::_PyExc_OverflowError, "rounded value too large to represent")),
                }
            }
        }
    })();
    c_result(result)
}

/// `x.as_integer_ratio()`: the exact value as (numerator, positive denominator) in lowest
/// terms.
pub(crate) unsafe extern "C" fn float_as_integer_ratio(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let result = (|| -> PyResult<PyRef> {
        let x = value(op);
        if x.is_infinite() {
            return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "cannot convert Infinity to integer ratio"));
        }
        if x.is_nan() {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "cannot convert NaN to integer ratio"));
        }
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let fraction = bits & ((1 << 52) - 1);
        let (mut m, mut e) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
        if m == 0 {
            e = 0;
        } else {
            let tz = m.trailing_zeros();
            m >>= tz;
            e += i64::from(tz);
        }
        use crate::objects::long_digits as ld;
        let (num, den) = if e >= 0 { (ld::shl_mag(&ld::from_u64(m), e as u64), ld::from_u64(1)) } else { (ld::from_u64(m), ld::shl_mag(&ld::from_u64(1), (-e) as u64)) };
        let n = crate::objects::int::from_digits(x < 0.0, &num)?;
        let d = crate::objects::int::from_digits(false, &den)?;
        tuple::from_slice(&[n, d])
    })();
    c_result(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_matches_cpython() {
        assert_eq!(round_to_digits(2.675, 2), Some(2.67));
        assert_eq!(round_to_digits(123.456, -1), Some(120.0));
        assert_eq!(round_to_digits(125.0, -1), Some(120.0));
        assert_eq!(round_to_digits(135.0, -1), Some(140.0));
        assert_eq!(round_to_digits(5e-324, 400), Some(5e-324));
        assert!(round_to_digits(-1e300, -400).unwrap().is_sign_negative());
        assert!(round_to_digits(-0.0, 2).unwrap().is_sign_negative());
        assert_eq!(round_to_digits(1.7976931348623157e308, -308), None);
        assert_eq!(round_to_digits(0.5, -1), Some(0.0));
        assert_eq!(round_to_digits(5.0, -1), Some(0.0));
        assert_eq!(round_to_digits(15.0, -1), Some(20.0));
        assert_eq!(round_to_digits(1e22, -22), Some(1e22));
        assert_eq!(round_to_digits(4.5e22, -22), Some(4e22));
        assert_eq!(round_to_digits(0.125, 2), Some(0.12));
        assert_eq!(round_to_digits(0.375, 2), Some(0.38));
        assert!(round_to_digits(-0.001, 1).unwrap().is_sign_negative());
    }
}
