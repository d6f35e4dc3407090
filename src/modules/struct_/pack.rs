//! Packing values into bytes by a compiled format: integer conversion and range checks
//! (`format::Rule`), floats (half, single, double), chars, bools and strings.
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::objects::{bytearray, bytes, int, long_convert};

use super::format::{Code, Compiled, Message, Order, Rule};
use super::struct_error;

/// The int value of `v` (its `__index__` for non-ints), None beyond 128 bits.
unsafe fn integer(v: *mut PyObject) -> PyResult<Option<i128>> {
    if int::is_int(v) {
        return Ok(long_convert::int_to_i128(v));
    }
    let nb = (*(*v).ob_type).tp_as_number;
    if nb.is_null() || (*nb).nb_index.is_none() {
        return Err(struct_error("required argument is not an integer"));
    }
    let i = crate::abstract_::number::index(v)?;
    Ok(long_convert::int_to_i128(i.as_ptr()))
}

/// The two's-complement bits of `v` for `rule`, or its range error.
fn check(v: Option<i128>, rule: Rule) -> PyResult<u64> {
    let out_of_range = || struct_error("argument out of range");
    let too_large = || struct_error("int too large to convert");
    let fits = |lo: i128, hi: i128| v.filter(|&x| (lo..=hi).contains(&x));
    let (i64_lo, i64_hi, u64_hi) = (i128::from(i64::MIN), i128::from(i64::MAX), i128::from(u64::MAX));
    match rule {
        Rule::Long { min, max, message } => {
            let x = fits(i64_lo, i64_hi).ok_or_else(out_of_range)? as i64;
            if x < min || x > max {
                return Err(range_error(message, i128::from(min), i128::from(max)));
            }
            Ok(x as u64)
        }
        Rule::ULong { max, message } => {
            let x = fits(0, u64_hi).ok_or_else(out_of_range)? as u64;
            if x > max {
                return Err(range_error(message, 0, i128::from(max)));
            }
            Ok(x)
        }
        Rule::Long64 => Ok(fits(i64_lo, i64_hi).ok_or_else(out_of_range)? as u64),
        Rule::ULong64 => Ok(fits(0, u64_hi).ok_or_else(out_of_range)? as u64),
        Rule::Huge { signed: true } => Ok(fits(i64_lo, i64_hi).ok_or_else(too_large)? as u64),
        Rule::Huge { signed: false } => Ok(fits(0, u64_hi).ok_or_else(too_large)? as u64),
        Rule::Pointer => Ok(fits(i64_lo, u64_hi).ok_or_else(too_large)? as u64),
        Rule::None => unreachable!("not an integer code"),
    }
}

fn range_error(message: Message, min: i128, max: i128) -> crate::errors::raised::Raised {
    match message {
        Message::Named(name) => struct_error(&format!("{name} format requires {min} <= number <= {max}")),
        Message::Code(c) => struct_error(&format!("'{}' format requires {min} <= number <= {max}", c as char)),
    }
}

fn put_uint(out: &mut [u8], bits: u64, big: bool) {
    let n = out.len();
    if big {
        out.copy_from_slice(&bits.to_be_bytes()[8 - n..]);
    } else {
        out.copy_from_slice(&bits.to_le_bytes()[..n]);
    }
}

unsafe fn double(v: *mut PyObject) -> PyResult<f64> {
    crate::objects::float::as_double(v).map_err(|_| {
        crate::errors::pyerr::PyErr_Clear();
        struct_error("required argument is not a float")
    })
}

unsafe fn pack_one(code: &Code, order: Order, v: *mut PyObject, out: &mut [u8]) -> PyResult<()> {
    let big = order == Order::Big;
    let le = (!big) as core::ffi::c_int;
    match code.code {
        b'?' => out[0] = crate::abstract_::object::is_true(v)? as u8,
        b'c' => {
            if !bytes::is_bytes(v) || bytes::len(v) != 1 {
                return Err(struct_error("char format requires a bytes object of length 1"));
            }
            out[0] = bytes::as_slice(v)[0];
        }
        b's' | b'p' => {
            let data = if bytes::is_bytes(v) {
                bytes::as_slice(v)
            } else if bytearray::is_bytearray(v) {
                bytearray::as_slice(v)
            } else {
                return Err(struct_error(&format!("argument for '{}' must be a bytes object", code.code as char)));
            };
            if code.code == b's' {
                let n = data.len().min(out.len());
                out[..n].copy_from_slice(&data[..n]);
            } else if !out.is_empty() {
                let n = data.len().min(out.len() - 1);
                out[1..=n].copy_from_slice(&data[..n]);
                out[0] = n.min(255) as u8;
            }
        }
        b'e' => {
            if crate::objects::float_pack::PyFloat_Pack2(double(v)?, out.as_mut_ptr().cast(), le) < 0 {
                return Err(crate::errors::raised::Raised::assume_set());
            }
        }
        b'f' if order == Order::Native => out.copy_from_slice(&(double(v)? as f32).to_ne_bytes()),
        b'f' => {
            if crate::objects::float_pack::PyFloat_Pack4(double(v)?, out.as_mut_ptr().cast(), le) < 0 {
                return Err(crate::errors::raised::Raised::assume_set());
            }
        }
        b'd' => {
            let bits = double(v)?.to_bits();
            out.copy_from_slice(&if big { bits.to_be_bytes() } else { bits.to_le_bytes() });
        }
        _ => put_uint(out, check(integer(v)?, code.rule)?, big),
    }
    Ok(())
}

/// Packs `values` (exactly `compiled.len` of them) into `out` (`compiled.size` zeroed bytes).
pub(crate) unsafe fn pack(compiled: &Compiled, values: &[*mut PyObject], out: &mut [u8]) -> PyResult<()> {
    let mut k = 0;
    for code in &compiled.codes {
        for r in 0..code.repeat {
            let at = code.offset + r * code.size;
            pack_one(code, compiled.order, values[k], &mut out[at..at + code.size])?;
            k += 1;
        }
    }
    Ok(())
}
