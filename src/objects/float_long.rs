//! Where ints meet floats for the float type: an int operand's value as a double (the int
//! type's correctly rounded conversion), and the exact comparison of a double with an int
//! (no rounding: 2**53 + 1 is greater than 2.0**53, 10**400 is less than inf), which reads
//! the int's digits (3.11's `PyLongObject`: 30-bit digits, least significant first, sign in
//! `ob_size`).
use core::cmp::Ordering;

use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
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

/// An int's value as the nearest double (`PyLong_AsDouble`); OverflowError "int too large
/// to convert to float" beyond the double range. (The int type's conversion.)
///
/// # Safety
/// `op` is a live int.
#[inline]
pub(crate) unsafe fn long_to_double(op: *mut PyObject) -> PyResult<f64> {
    crate::objects::long_float::to_f64(op)
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
    let exact = (*res.as_ptr()).ob_type == &raw mut crate::objects::int::PyLong_Type;
    if !exact {
        crate::objects::float::warn_deprecation(format!(
            "__index__ returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
            crate::objects::float::type_name_n((*res.as_ptr()).ob_type, 200)
        ))?;
    }
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
    fn integer_parts() {
        assert_eq!(double_int_digits(2f64.powi(60) * 3.0), split(3 << 60));
        assert_eq!(double_int_digits(12345.75), split(12345));
        assert_eq!(double_int_digits(1e30), split(1_000_000_000_000_000_019_884_624_838_656));
        assert_eq!(cmp_magnitudes(&split(1 << 53), &split((1 << 53) + 1)), Ordering::Less);
    }
}
