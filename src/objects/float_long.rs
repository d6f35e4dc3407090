//! Where ints meet floats: an int's value as a correctly rounded double (OverflowError when
//! it is too large), and the exact comparison of a double with an int (no rounding: 2**53 + 1
//! is greater than 2.0**53, 10**400 is less than inf). Both read the int's digits directly
//! (3.11's `PyLongObject`: 30-bit digits, least significant first, sign in `ob_size`).
use core::cmp::Ordering;

use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::errors::exception_types as exc;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::Py_TPFLAGS_LONG_SUBCLASS;
use crate::objects::int::{digit, PyLongObject, PyLong_SHIFT};

/// Whether `op` is an int (or bool, or another subclass): `PyLong_Check`.
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_int(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_LONG_SUBCLASS != 0
}

/// The digits (least significant first) and sign of an int.
///
/// # Safety
/// `op` is a live int; the slice lives as long as it.
pub(crate) unsafe fn digits<'a>(op: *mut PyObject) -> (&'a [digit], bool) {
    let v = op as *mut PyLongObject;
    let size = (*v).ob_base.ob_size;
    let ptr = core::ptr::addr_of!((*v).ob_digit) as *const digit;
    (core::slice::from_raw_parts(ptr, size.unsigned_abs()), size < 0)
}

/// Number of significant bits of a magnitude (0 for zero).
fn bit_length(d: &[digit]) -> u64 {
    match d.iter().rposition(|&x| x != 0) {
        None => 0,
        Some(top) => top as u64 * PyLong_SHIFT as u64 + u64::from(32 - d[top].leading_zeros()),
    }
}

/// Bit `i` of a magnitude, and whether any bit below `i` is set, read as one u64 window:
/// the 64 bits starting at bit `lo` (bits past the top are zero).
fn window64(d: &[digit], lo: u64) -> u64 {
    let mut out: u64 = 0;
    for k in 0..64u64 {
        let bit = lo + k;
        let (idx, off) = ((bit / PyLong_SHIFT as u64) as usize, bit % PyLong_SHIFT as u64);
        if idx < d.len() && (d[idx] >> off) & 1 != 0 {
            out |= 1 << k;
        }
    }
    out
}

/// Whether any of the low `n` bits of a magnitude is set.
fn any_low_bits(d: &[digit], n: u64) -> bool {
    let full = (n / PyLong_SHIFT as u64) as usize;
    if d[..full.min(d.len())].iter().any(|&x| x != 0) {
        return true;
    }
    let rest = n % PyLong_SHIFT as u64;
    full < d.len() && rest != 0 && d[full] & ((1 << rest) - 1) != 0
}

/// The magnitude as a double rounded half-to-even, or None when it rounds beyond the largest
/// double.
fn magnitude_to_double(d: &[digit]) -> Option<f64> {
    let n = bit_length(d);
    let x = if n <= 64 {
        window64(d, 0) as f64
    } else {
        // The top 64 bits with the rest folded into a sticky low bit: u64 -> f64 rounds
        // half-even, and 64 > 53 + 2 bits make that the correct rounding of the whole.
        let shift = n - 64;
        let top = window64(d, shift) | u64::from(any_low_bits(d, shift));
        if shift > 2000 {
            return None;
        }
        top as f64 * 2f64.powi(shift as i32)
    };
    x.is_finite().then_some(x)
}

/// An int's value as the nearest double (`PyLong_AsDouble`); OverflowError "int too large
/// to convert to float" beyond the double range.
///
/// # Safety
/// `op` is a live int.
pub(crate) unsafe fn long_to_double(op: *mut PyObject) -> PyResult<f64> {
    let (d, negative) = digits(op);
    // One digit: the common case, exact.
    if d.len() <= 1 {
        let m = d.first().map_or(0.0, |&x| f64::from(x));
        return Ok(if negative { -m } else { m });
    }
    match magnitude_to_double(d) {
        Some(m) => Ok(if negative { -m } else { m }),
        None => Err(raise_type(&raw mut exc::_PyExc_OverflowError, "int too large to convert to float")),
    }
}

/// The digits of the integer part of a finite double's magnitude.
fn double_int_digits(x: f64) -> Vec<digit> {
    let t = x.abs().trunc();
    if t == 0.0 {
        return Vec::new();
    }
    let bits = t.to_bits();
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075; // t = mantissa * 2**exponent
    let mut out = Vec::new();
    if exponent <= 0 {
        let mut m = mantissa >> (-exponent);
        while m != 0 {
            out.push((m & ((1 << PyLong_SHIFT) - 1)) as digit);
            m >>= PyLong_SHIFT;
        }
        return out;
    }
    // mantissa << exponent, built digit by digit.
    let total_bits = 53 + exponent as u64;
    let ndigits = total_bits.div_ceil(PyLong_SHIFT as u64);
    for i in 0..ndigits {
        let lo = i as i64 * PyLong_SHIFT as i64 - exponent; // bit of mantissa at digit bit 0
        let part = if lo >= 0 { mantissa >> lo.min(63) } else { mantissa << (-lo).min(63) };
        let part = if lo >= 64 { 0 } else { part };
        out.push((part & ((1 << PyLong_SHIFT) - 1)) as digit);
    }
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// Compares two magnitudes.
fn cmp_magnitudes(a: &[digit], b: &[digit]) -> Ordering {
    let trim = |d: &[digit]| d.len() - d.iter().rev().take_while(|&&x| x == 0).count();
    let (la, lb) = (trim(a), trim(b));
    la.cmp(&lb).then_with(|| a[..la].iter().rev().cmp(b[..lb].iter().rev()))
}

/// The exact order of the double `x` and the int `w` (None when `x` is a NaN).
///
/// # Safety
/// `w` is a live int.
pub(crate) unsafe fn compare_double_long(x: f64, w: *mut PyObject) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    let (d, negative) = digits(w);
    // Small ints convert exactly: compare as doubles.
    if d.len() <= 1 {
        let m = d.first().map_or(0.0, |&v| f64::from(v));
        return x.partial_cmp(&(if negative { -m } else { m }));
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    let w_sign = if negative { -1 } else { 1 }; // w != 0 here (two digits or more)
    let x_sign = if x > 0.0 { 1 } else if x < 0.0 { -1 } else { 0 };
    if x_sign != w_sign {
        return Some(x_sign.cmp(&w_sign));
    }
    // Same sign: compare |x| with |w|, integer parts first, then the fraction of x.
    let int_part = double_int_digits(x);
    let mag = match cmp_magnitudes(&int_part, d) {
        Ordering::Equal if x.fract() != 0.0 => Ordering::Greater,
        o => o,
    };
    Some(if negative { mag.reverse() } else { mag })
}

/// `_PyNumber_Index`: `op` if it is an int, else its `__index__()`, which must be an int.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn number_index(op: *mut PyObject) -> PyResult<PyRef> {
    if is_int(op) {
        return Ok(PyRef::from_borrowed(op).expect("op is not NULL"));
    }
    let tp = (*op).ob_type;
    let nb = (*tp).tp_as_number;
    let Some(nb_index) = (if nb.is_null() { None } else { (*nb).nb_index }) else {
        return Err(raise(
            ExcType::TypeError,
            format!("'{}' object cannot be interpreted as an integer", crate::objects::float::type_name_n(tp, 200)),
        ));
    };
    let res = PyRef::from_owned(nb_index(op)).ok_or_else(Raised::assume_set)?;
    if !is_int(res.as_ptr()) {
        return Err(raise(
            ExcType::TypeError,
            format!(
                "__index__ returned non-int (type {})",
                crate::objects::float::type_name_n((*res.as_ptr()).ob_type, 200)
            ),
        ));
    }
    // TODO(warnings): CPython warns (DeprecationWarning) when the result is a strict subclass.
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(mut v: u128) -> Vec<digit> {
        let mut out = Vec::new();
        while v != 0 {
            out.push((v & ((1 << 30) - 1)) as digit);
            v >>= 30;
        }
        out
    }

    #[test]
    fn magnitudes_round_half_even() {
        assert_eq!(magnitude_to_double(&split(1 << 53)), Some(9007199254740992.0));
        assert_eq!(magnitude_to_double(&split((1 << 53) + 1)), Some(9007199254740992.0));
        assert_eq!(magnitude_to_double(&split((1 << 53) + 3)), Some(9007199254740996.0));
        let big = (1u128 << 100) + (1u128 << 47) + 1; // just above a half: rounds up
        assert_eq!(magnitude_to_double(&split(big)), Some(2f64.powi(100) + 2f64.powi(48)));
        let half = (1u128 << 100) + (1u128 << 47); // exactly half: to even (down)
        assert_eq!(magnitude_to_double(&split(half)), Some(2f64.powi(100)));
        assert_eq!(magnitude_to_double(&[0; 40]), Some(0.0));
        let mut huge = vec![0; 34];
        huge.push(1 << 20); // 2**1040
        assert_eq!(magnitude_to_double(&huge), None);
    }

    #[test]
    fn integer_parts() {
        assert_eq!(double_int_digits(2f64.powi(60) * 3.0), split(3 << 60));
        assert_eq!(double_int_digits(12345.75), split(12345));
        assert_eq!(double_int_digits(1e30), split(1_000_000_000_000_000_019_884_624_838_656));
        assert_eq!(cmp_magnitudes(&split(1 << 53), &split((1 << 53) + 1)), Ordering::Less);
    }
}
