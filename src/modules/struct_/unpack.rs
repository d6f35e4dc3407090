//! Unpacking bytes into a tuple of values by a compiled format.
use crate::errors::raised::PyResult;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, float, int, tuple};

use super::format::{Code, Compiled, Order};

fn get_uint(data: &[u8], big: bool) -> u64 {
    let mut buf = [0u8; 8];
    let n = data.len();
    if big {
        buf[8 - n..].copy_from_slice(data);
        u64::from_be_bytes(buf)
    } else {
        buf[..n].copy_from_slice(data);
        u64::from_le_bytes(buf)
    }
}

unsafe fn unpack_one(code: &Code, order: Order, data: &[u8]) -> PyResult<PyRef> {
    let big = order == Order::Big;
    let le = (!big) as core::ffi::c_int;
    Ok(match code.code {
        b'?' => crate::abstract_::new_ref(if data[0] != 0 { crate::objects::bool::true_() } else { crate::objects::bool::false_() }),
        b'c' => bytes::from_slice(data)?,
        b's' => bytes::from_slice(data)?,
        b'p' => {
            let n = data.first().map_or(0, |&n| (n as usize).min(data.len().saturating_sub(1)));
            bytes::from_slice(if n == 0 { &[] } else { &data[1..=n] })?
        }
        b'e' => float::new(crate::objects::float_pack::PyFloat_Unpack2(data.as_ptr().cast(), le))?,
        b'f' => float::new(crate::objects::float_pack::PyFloat_Unpack4(data.as_ptr().cast(), le))?,
        b'd' => float::new(crate::objects::float_pack::PyFloat_Unpack8(data.as_ptr().cast(), le))?,
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let shift = 64 - 8 * data.len() as u32;
            int::from_i64(((get_uint(data, big) << shift) as i64) >> shift)?
        }
        _ => int::from_u64(get_uint(data, big))?,
    })
}

/// The values `data` (exactly `compiled.size` bytes) holds, as a tuple.
pub(crate) unsafe fn unpack(compiled: &Compiled, data: &[u8]) -> PyResult<PyRef> {
    let t = tuple::new(compiled.len)?;
    let mut k = 0;
    for code in &compiled.codes {
        for r in 0..code.repeat {
            let at = code.offset + r * code.size;
            tuple::init_item(t.as_ptr(), k, unpack_one(code, compiled.order, &data[at..at + code.size])?);
            k += 1;
        }
    }
    Ok(t)
}
