//! UTF-16 and UTF-32 encoding of a str without surrogates (the common case: nothing can
//! fail, whatever the error handler): the output size comes from the str's kind (and for
//! UTF-16 of an astral str, a count of its astral characters), then the units are stored
//! straight into the bytes object, one loop per kind and byte order, instead of one
//! `Vec` push per character through the encoder engine. A str with a lone surrogate
//! returns None and takes the engine's path (which applies the error handler).
use crate::codecs::generic::Order;
use crate::codecs::str_view::StrView;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bytes;

fn is_surrogate(c: u32) -> bool {
    (0xD800..0xE000).contains(&c)
}

/// The code units of `v` as a slice of their kind's type.
///
/// # Safety
/// `v` is a view of a live str whose kind is `T`'s size.
unsafe fn units<'a, T>(v: &StrView, data: *const u8) -> &'a [T] {
    core::slice::from_raw_parts(data as *const T, v.len)
}

/// Stores code units with the byte order of the output.
trait Sink: Copy {
    /// Whether the output's order is big-endian.
    const BIG: bool;
}
#[derive(Clone, Copy)]
struct Little;
#[derive(Clone, Copy)]
struct Big;
impl Sink for Little {
    const BIG: bool = false;
}
impl Sink for Big {
    const BIG: bool = true;
}

#[inline(always)]
unsafe fn put16<S: Sink>(dst: *mut u8, at: usize, u: u16) {
    let u = if S::BIG { u.to_be() } else { u.to_le() };
    (dst as *mut u16).add(at).write_unaligned(u);
}

#[inline(always)]
unsafe fn put32<S: Sink>(dst: *mut u8, at: usize, c: u32) {
    let c = if S::BIG { c.to_be() } else { c.to_le() };
    (dst as *mut u32).add(at).write_unaligned(c);
}

/// A bytes object of `n` bytes filled by `fill` (the shared empty bytes when `n` is 0).
unsafe fn filled(n: usize, fill: impl FnOnce(*mut u8)) -> PyResult<PyRef> {
    if n == 0 {
        return bytes::from_slice(&[]);
    }
    let b = bytes::alloc(n)?;
    fill(bytes::data_ptr(b.as_ptr()));
    Ok(b)
}

/// `s` in UTF-16 (`Native`: a BOM, then little-endian), or None if it has a surrogate.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn utf16(s: *mut PyObject, order: Order) -> PyResult<Option<PyRef>> {
    match order {
        Order::Big => utf16_in::<Big>(s, false),
        Order::Little => utf16_in::<Little>(s, false),
        Order::Native => utf16_in::<Little>(s, true),
    }
}

unsafe fn utf16_in<S: Sink>(s: *mut PyObject, bom: bool) -> PyResult<Option<PyRef>> {
    let v = StrView::new(s);
    let data = crate::objects::str::data(s);
    let skip = bom as usize;
    // Units after the BOM; None for a str with a surrogate.
    let count = match v.kind() {
        1 => v.len,
        2 => {
            if units::<u16>(&v, data).iter().fold(false, |any, &u| any | is_surrogate(u as u32)) {
                return Ok(None);
            }
            v.len
        }
        _ => {
            // 32-bit lanes, a block at a time, so that the counts vectorize.
            let (mut astral, mut surrogate) = (0usize, 0u32);
            for block in units::<u32>(&v, data).chunks(1 << 16) {
                astral += block.iter().map(|&c| (c >= 0x10000) as u32).sum::<u32>() as usize;
                surrogate |= block.iter().fold(0, |any, &c| any | is_surrogate(c) as u32);
            }
            if surrogate != 0 {
                return Ok(None);
            }
            v.len + astral
        }
    };
    filled(2 * (skip + count), |dst| {
        if bom {
            put16::<S>(dst, 0, 0xFEFF);
        }
        match v.kind() {
            1 => units::<u8>(&v, data).iter().enumerate().for_each(|(i, &b)| put16::<S>(dst, skip + i, b as u16)),
            2 => units::<u16>(&v, data).iter().enumerate().for_each(|(i, &u)| put16::<S>(dst, skip + i, u)),
            _ => {
                let mut o = skip;
                for &c in units::<u32>(&v, data) {
                    if c < 0x10000 {
                        put16::<S>(dst, o, c as u16);
                        o += 1;
                    } else {
                        let c = c - 0x10000;
                        put16::<S>(dst, o, 0xD800 | (c >> 10) as u16);
                        put16::<S>(dst, o + 1, 0xDC00 | (c & 0x3FF) as u16);
                        o += 2;
                    }
                }
            }
        }
    })
    .map(Some)
}

/// `s` in UTF-32 (`Native`: a BOM, then little-endian), or None if it has a surrogate.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn utf32(s: *mut PyObject, order: Order) -> PyResult<Option<PyRef>> {
    match order {
        Order::Big => utf32_in::<Big>(s, false),
        Order::Little => utf32_in::<Little>(s, false),
        Order::Native => utf32_in::<Little>(s, true),
    }
}

unsafe fn utf32_in<S: Sink>(s: *mut PyObject, bom: bool) -> PyResult<Option<PyRef>> {
    let v = StrView::new(s);
    let data = crate::objects::str::data(s);
    let skip = bom as usize;
    let surrogate = match v.kind() {
        1 => false,
        2 => units::<u16>(&v, data).iter().fold(false, |any, &u| any | is_surrogate(u as u32)),
        _ => units::<u32>(&v, data).iter().fold(false, |any, &c| any | is_surrogate(c)),
    };
    if surrogate {
        return Ok(None);
    }
    filled(4 * (skip + v.len), |dst| {
        if bom {
            put32::<S>(dst, 0, 0xFEFF);
        }
        match v.kind() {
            1 => units::<u8>(&v, data).iter().enumerate().for_each(|(i, &b)| put32::<S>(dst, skip + i, b as u32)),
            2 => units::<u16>(&v, data).iter().enumerate().for_each(|(i, &u)| put32::<S>(dst, skip + i, u as u32)),
            _ => units::<u32>(&v, data).iter().enumerate().for_each(|(i, &c)| put32::<S>(dst, skip + i, c)),
        }
    })
    .map(Some)
}
