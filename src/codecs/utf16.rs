//! UTF-16: `PyUnicode_DecodeUTF16(Stateful)` (byte order in and out, BOM detection),
//! `PyUnicode_AsUTF16String`, `_PyUnicode_EncodeUTF16`.
use core::ffi::{c_char, c_int};

use crate::abstract_::ret_obj;
use crate::codecs::decoder::{Decoder, SurrogateForm};
use crate::codecs::encoder::{Encoder, EncoderSpec};
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::generic::Order;
use crate::codecs::utf8::str_arg;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::pyport::Py_ssize_t;

/// Decodes UTF-16. `*byteorder`: -1 little, 1 big, 0 detect a BOM (else little, the
/// native order here); a BOM found sets it. With `consumed`, an incomplete unit or pair
/// at the end is left undecoded.
///
/// # Safety
/// `owner` is NULL or the live bytes object whose data is `data`.
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, errors: ErrorMode, byteorder: &mut c_int, consumed: Option<&mut usize>) -> PyResult<PyRef> {
    let mut pos = 0;
    if *byteorder == 0 && data.len() >= 2 {
        match (data[0], data[1]) {
            (0xFF, 0xFE) => {
                *byteorder = -1;
                pos = 2;
            }
            (0xFE, 0xFF) => {
                *byteorder = 1;
                pos = 2;
            }
            _ => {}
        }
    }
    let big = *byteorder > 0;
    let name = if big { "utf-16-be" } else { "utf-16-le" };
    let mut d = Decoder::new(name, data, owner, errors, SurrogateForm::Utf16 { big });
    let stateful = consumed.is_some();
    let unit = |b: &[u8], i: usize| -> u32 {
        let pair = [b[i], b[i + 1]];
        (if big { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }) as u32
    };
    loop {
        let input = d.input();
        let left = input.len().saturating_sub(pos);
        if left == 0 {
            break;
        }
        if left < 2 {
            if stateful {
                break;
            }
            pos = d.error(pos, input.len(), "truncated data")?;
            continue;
        }
        let u = unit(input, pos);
        if !(0xD800..0xE000).contains(&u) {
            d.push(u);
            pos += 2;
        } else if u >= 0xDC00 {
            pos = d.error(pos, pos + 2, "illegal encoding")?;
        } else if left < 4 {
            if stateful {
                break;
            }
            pos = d.error(pos, input.len(), "unexpected end of data")?;
        } else {
            let low = unit(input, pos + 2);
            if (0xDC00..0xE000).contains(&low) {
                d.push(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                pos += 4;
            } else {
                pos = d.error(pos, pos + 2, "illegal UTF-16 surrogate")?;
            }
        }
    }
    if let Some(c) = consumed {
        *c = pos;
    }
    d.finish()
}

fn write_units(out: &mut Vec<u8>, c: u32, to: fn(u16) -> [u8; 2]) {
    if c >= 0x10000 {
        let v = c - 0x10000;
        out.extend_from_slice(&to(0xD800 + (v >> 10) as u16));
        out.extend_from_slice(&to(0xDC00 + (v & 0x3FF) as u16));
    } else {
        out.extend_from_slice(&to(c as u16));
    }
}

fn write_le(out: &mut Vec<u8>, c: u32) {
    write_units(out, c, u16::to_le_bytes)
}

fn write_be(out: &mut Vec<u8>, c: u32) {
    write_units(out, c, u16::to_be_bytes)
}

/// Encodes `s`; `Native` writes a BOM and little-endian units. Each lone surrogate is one
/// error.
pub(crate) unsafe fn encode(s: *mut PyObject, errors: ErrorMode, order: Order) -> PyResult<PyRef> {
    // No surrogate: nothing can fail, written straight into the bytes.
    if let Some(b) = crate::codecs::utf_wide_encode::utf16(s, order)? {
        return Ok(b);
    }
    let (encoding, write): (&'static str, fn(&mut Vec<u8>, u32)) = match order {
        Order::Native => ("utf-16", write_le),
        Order::Little => ("utf-16-le", write_le),
        Order::Big => ("utf-16-be", write_be),
    };
    let spec = EncoderSpec { encoding, write, rep_limit: 0x80, unit: 2, surrogates: true };
    let mut e = Encoder::new(spec, s, errors, crate::objects::str::len(s) * 2 + 2);
    if order == Order::Native {
        write(&mut e.out, 0xFEFF);
    }
    let v = e.view;
    let mut i = 0;
    while i < v.len {
        let c = v.get(i);
        if (0xD800..0xE000).contains(&c) {
            i = e.error(i, i + 1, "surrogates not allowed")?;
        } else {
            write(&mut e.out, c);
            i += 1;
        }
    }
    e.finish()
}

/// `PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors,
/// int *byteorder)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF16(s: *const c_char, size: Py_ssize_t, errors: *const c_char, byteorder: *mut c_int) -> *mut PyObject {
    PyUnicode_DecodeUTF16Stateful(s, size, errors, byteorder, core::ptr::null_mut())
}

/// `PyObject *PyUnicode_DecodeUTF16Stateful(const char *s, Py_ssize_t size, const char
/// *errors, int *byteorder, Py_ssize_t *consumed)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF16Stateful(
    s: *const c_char,
    size: Py_ssize_t,
    errors: *const c_char,
    byteorder: *mut c_int,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    crate::codecs::generic::decode_c_byte_order(decode, s, size, errors, byteorder, consumed)
}

/// `PyObject *PyUnicode_AsUTF16String(PyObject *unicode)`: with a BOM, native order.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF16String(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::STRICT, Order::Native)))
}

/// `PyObject *_PyUnicode_EncodeUTF16(PyObject *unicode, const char *errors, int
/// byteorder)`: 0 native with a BOM, -1 little, 1 big endian.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EncodeUTF16(unicode: *mut PyObject, errors: *const c_char, byteorder: c_int) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::new(c_name(errors)), Order::from_c(byteorder))))
}
