//! UTF-32: `PyUnicode_DecodeUTF32(Stateful)` (byte order in and out, BOM detection),
//! `PyUnicode_AsUTF32String`, `_PyUnicode_EncodeUTF32`.
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

/// Decodes UTF-32; `byteorder` and `consumed` as for UTF-16.
///
/// # Safety
/// `owner` is NULL or the live bytes object whose data is `data`.
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, errors: ErrorMode, byteorder: &mut c_int, consumed: Option<&mut usize>) -> PyResult<PyRef> {
    let mut pos = 0;
    if *byteorder == 0 && data.len() >= 4 {
        match data[..4] {
            [0xFF, 0xFE, 0, 0] => {
                *byteorder = -1;
                pos = 4;
            }
            [0, 0, 0xFE, 0xFF] => {
                *byteorder = 1;
                pos = 4;
            }
            _ => {}
        }
    }
    let big = *byteorder > 0;
    let name = if big { "utf-32-be" } else { "utf-32-le" };
    let mut d = Decoder::new(name, data, owner, errors, SurrogateForm::Utf32 { big });
    let stateful = consumed.is_some();
    loop {
        let input = d.input();
        let left = input.len().saturating_sub(pos);
        if left == 0 {
            break;
        }
        if left < 4 {
            if stateful {
                break;
            }
            pos = d.error(pos, input.len(), "truncated data")?;
            continue;
        }
        let b = [input[pos], input[pos + 1], input[pos + 2], input[pos + 3]];
        let c = if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
        if c > 0x10FFFF {
            pos = d.error(pos, pos + 4, "code point not in range(0x110000)")?;
        } else if (0xD800..0xE000).contains(&c) {
            pos = d.error(pos, pos + 4, "code point in surrogate code point range(0xd800, 0xe000)")?;
        } else {
            d.push(c);
            pos += 4;
        }
    }
    if let Some(c) = consumed {
        *c = pos;
    }
    d.finish()
}

fn write_le(out: &mut Vec<u8>, c: u32) {
    out.extend_from_slice(&c.to_le_bytes());
}

fn write_be(out: &mut Vec<u8>, c: u32) {
    out.extend_from_slice(&c.to_be_bytes());
}

/// Encodes `s`; `Native` writes a BOM and little-endian units.
pub(crate) unsafe fn encode(s: *mut PyObject, errors: ErrorMode, order: Order) -> PyResult<PyRef> {
    // No surrogate: nothing can fail, written straight into the bytes.
    if let Some(b) = crate::codecs::utf_wide_encode::utf32(s, order)? {
        return Ok(b);
    }
    let (encoding, write): (&'static str, fn(&mut Vec<u8>, u32)) = match order {
        Order::Native => ("utf-32", write_le),
        Order::Little => ("utf-32-le", write_le),
        Order::Big => ("utf-32-be", write_be),
    };
    let spec = EncoderSpec { encoding, write, rep_limit: 0x80, unit: 4, surrogates: true };
    let mut e = Encoder::new(spec, s, errors, crate::objects::str::len(s) * 4 + 4);
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

/// `PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors,
/// int *byteorder)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF32(s: *const c_char, size: Py_ssize_t, errors: *const c_char, byteorder: *mut c_int) -> *mut PyObject {
    PyUnicode_DecodeUTF32Stateful(s, size, errors, byteorder, core::ptr::null_mut())
}

/// `PyObject *PyUnicode_DecodeUTF32Stateful(const char *s, Py_ssize_t size, const char
/// *errors, int *byteorder, Py_ssize_t *consumed)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF32Stateful(
    s: *const c_char,
    size: Py_ssize_t,
    errors: *const c_char,
    byteorder: *mut c_int,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    crate::codecs::generic::decode_c_byte_order(decode, s, size, errors, byteorder, consumed)
}

/// `PyObject *PyUnicode_AsUTF32String(PyObject *unicode)`: with a BOM, native order.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF32String(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::STRICT, Order::Native)))
}

/// `PyObject *_PyUnicode_EncodeUTF32(PyObject *unicode, const char *errors, int
/// byteorder)`: 0 native with a BOM, -1 little, 1 big endian.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EncodeUTF32(unicode: *mut PyObject, errors: *const c_char, byteorder: c_int) -> *mut PyObject {
    let order = Order::from_c(byteorder);
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::new(c_name(errors)), order)))
}
