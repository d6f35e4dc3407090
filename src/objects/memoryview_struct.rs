//! Struct-module formats for memoryview comparisons: a view whose format is not a native
//! single character (`'<i'`, `'>h'`, `'=q'`, `'!H'`, `'2h'`, `'3sB'`, `'b3xi'`, ...)
//! compares with another view by unpacking each element as `struct.unpack_from` would (one
//! value, or a tuple of several), as CPython's memoryview does through the `struct` module.
//!
//! A format: an optional byte-order character (`@` native sizes and alignment, the default;
//! `=` native order, standard sizes; `<` little-endian; `>`/`!` big-endian), then items
//! `[count]code` (whitespace between items ignored). Codes: `x` pad byte, `c` char, `b B`
//! 1-byte ints, `?` bool, `h H` 2, `i I` 4, `l L` 4 standard / 8 native, `q Q` 8, `n N P`
//! (native only) 8, `e f d` floats of 2, 4, 8 bytes, `s` (count = byte length) and `p`
//! (Pascal string: first byte is the length).
use crate::errors::raised::PyResult;
use crate::object::ptr::PyRef;
use crate::objects::long_convert::PyLong_FromUnsignedLongLong;

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Little,
    Big,
}

struct Field {
    code: u8,
    offset: usize,
    /// Byte length of `s`/`p`; 1 for other codes (repeats are separate fields).
    len: usize,
}

/// A parsed struct format: its fields and size (`struct.calcsize`).
pub(crate) struct StructFormat {
    fields: Vec<Field>,
    order: Order,
    /// Native sizes (`@` or no prefix) rather than standard ones.
    native: bool,
    pub(crate) size: usize,
}

const NATIVE_ORDER: Order = if cfg!(target_endian = "little") { Order::Little } else { Order::Big };

/// The size of `code` (native or standard sizes); None for a code the mode refuses.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

/// Parses `fmt` (None: not a valid struct format).
pub(crate) fn parse(fmt: &[u8]) -> Option<StructFormat> {
    let (native, order, rest) = match fmt.first() {
        Some(b'@') => (true, NATIVE_ORDER, &fmt[1..]),
        Some(b'=') => (false, NATIVE_ORDER, &fmt[1..]),
        Some(b'<') => (false, Order::Little, &fmt[1..]),
        Some(b'>' | b'!') => (false, Order::Big, &fmt[1..]),
        _ => (true, NATIVE_ORDER, fmt),
    };
    let mut fields = Vec::new();
    let mut offset: usize = 0;
    let mut i = 0;
    while i < rest.len() {
        if rest[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < rest.len() && rest[i].is_ascii_digit() {
            count = Some(count.unwrap_or(0).checked_mul(10)?.checked_add((rest[i] - b'0') as usize)?);
            i += 1;
        }
        let code = *rest.get(i)?;
        i += 1;
        let size = code_size(code, native)?;
        let n = count.unwrap_or(1);
        // Native mode aligns each item to its own size.
        if native && size > 1 {
            offset = offset.checked_add(size - 1)? / size * size;
        }
        match code {
            b's' | b'p' => {
                fields.push(Field { code, offset, len: n });
                offset = offset.checked_add(n)?;
            }
            b'x' => offset = offset.checked_add(n)?,
            _ => {
                for _ in 0..n {
                    fields.push(Field { code, offset, len: 1 });
                    offset = offset.checked_add(size)?;
                }
            }
        }
    }
    Some(StructFormat { fields, order, native, size: offset })
}

impl StructFormat {
    fn int(&self, p: &[u8], signed: bool) -> i128 {
        let mut v: u128 = 0;
        let n = p.len();
        for k in 0..n {
            let b = if self.order == Order::Little { p[n - 1 - k] } else { p[k] };
            v = (v << 8) | b as u128;
        }
        if signed && n < 16 && p[if self.order == Order::Little { n - 1 } else { 0 }] & 0x80 != 0 {
            (v as i128) - (1i128 << (8 * n))
        } else {
            v as i128
        }
    }

    fn float_bits(&self, p: &[u8]) -> u64 {
        self.int(p, false) as u64
    }

    /// One field's value.
    unsafe fn value(&self, f: &Field, data: &[u8]) -> PyResult<PyRef> {
        let size = code_size(f.code, self.native).unwrap_or(1);
        let p = &data[f.offset..];
        match f.code {
            b'c' => crate::objects::bytes::from_slice(&p[..1]),
            b's' => crate::objects::bytes::from_slice(&p[..f.len]),
            b'p' => {
                let n = if f.len == 0 { 0 } else { (p[0] as usize).min(f.len - 1) };
                crate::objects::bytes::from_slice(if n == 0 { &[] } else { &p[1..1 + n] })
            }
            b'?' => Ok(crate::abstract_::compare::bool_ref(p[0] != 0)),
            b'e' => crate::objects::float::new(crate::objects::float_pack::from_half_bits(self.float_bits(&p[..2]) as u16)),
            b'f' => crate::objects::float::new(f32::from_bits(self.float_bits(&p[..4]) as u32) as f64),
            b'd' => crate::objects::float::new(f64::from_bits(self.float_bits(&p[..8]))),
            code => {
                let v = self.int(&p[..size], code.is_ascii_lowercase());
                if v > i64::MAX as i128 {
                    PyRef::from_owned(PyLong_FromUnsignedLongLong(v as u64)).ok_or_else(crate::errors::raised::Raised::assume_set)
                } else {
                    crate::objects::int::from_i64(v as i64)
                }
            }
        }
    }

    /// The element at `p` (of `self.size` bytes): its only value, or a tuple of them.
    ///
    /// # Safety
    /// `p` points to `self.size` readable bytes.
    pub(crate) unsafe fn unpack(&self, p: *const u8) -> PyResult<PyRef> {
        let data = core::slice::from_raw_parts(p, self.size);
        if self.fields.len() == 1 {
            return self.value(&self.fields[0], data);
        }
        let mut items = Vec::with_capacity(self.fields.len());
        for f in &self.fields {
            items.push(self.value(f, data)?);
        }
        crate::objects::tuple::from_vec(items)
    }
}
