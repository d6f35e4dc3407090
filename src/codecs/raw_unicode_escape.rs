//! The `raw_unicode_escape` codec: `PyUnicode_DecodeRawUnicodeEscape`,
//! `_PyUnicode_DecodeRawUnicodeEscapeStateful`, `PyUnicode_AsRawUnicodeEscapeString`.
//! Only `\uXXXX` and `\UXXXXXXXX` are escapes, and only after an odd run of backslashes.
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::codecs::decoder::{Decoder, SurrogateForm};
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::unicode_escape::hex_digits;
use crate::codecs::utf8::{c_buffer, str_arg};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bytes;
use crate::pyport::Py_ssize_t;

/// Decodes; with `consumed`, an incomplete escape at the end is left undecoded.
///
/// # Safety
/// `owner` is NULL or the live bytes object whose data is `data`.
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, errors: ErrorMode, consumed: Option<&mut usize>) -> PyResult<PyRef> {
    let mut d = Decoder::new("rawunicodeescape", data, owner, errors, SurrogateForm::None);
    let stateful = consumed.is_some();
    let mut pos = 0;
    loop {
        let input = d.input();
        let Some(&b) = input.get(pos) else { break };
        if b != b'\\' {
            d.push(b as u32);
            pos += 1;
            continue;
        }
        // A run of backslashes: all literal, except that an odd run may end in an escape.
        let mut run = 0;
        while input.get(pos + run) == Some(&b'\\') {
            run += 1;
        }
        let next = input.get(pos + run).copied();
        let escape = run % 2 == 1 && matches!(next, Some(b'u') | Some(b'U'));
        let literal = if escape { run - 1 } else { run };
        (0..literal).for_each(|_| d.push(b'\\' as u32));
        pos += literal;
        if !escape {
            if stateful && run % 2 == 1 && next.is_none() {
                // `\` at the end may start an escape in the next chunk.
                d.out.pop();
                pos -= 1;
                break;
            }
            continue;
        }
        let start = pos;
        let (n, what) = if next == Some(b'u') { (4, "truncated \\uXXXX escape") } else { (8, "truncated \\UXXXXXXXX escape") };
        let (v, k) = hex_digits(input, pos + 2, n);
        if k < n {
            if stateful && pos + 2 + k == input.len() {
                break;
            }
            pos = d.error(start, pos + 2 + k, what)?;
        } else if v > 0x10FFFF {
            pos = d.error(start, pos + 2 + k, "\\Uxxxxxxxx out of range")?;
        } else {
            d.push(v);
            pos += 2 + k;
        }
    }
    if let Some(c) = consumed {
        *c = pos;
    }
    d.finish()
}

/// Encodes: Latin-1 characters as themselves, others as `\uXXXX`/`\UXXXXXXXX`.
pub(crate) unsafe fn encode(s: *mut PyObject) -> PyResult<PyRef> {
    let v = crate::codecs::str_view::StrView::new(s);
    if v.kind() == 1 {
        return bytes::from_slice(v.latin1());
    }
    let mut out = Vec::with_capacity(v.len);
    for i in 0..v.len {
        let c = v.get(i);
        if c < 0x100 {
            out.push(c as u8);
        } else {
            out.extend_from_slice(crate::codecs::encoder::backslash_escape(c).as_bytes());
        }
    }
    bytes::from_slice(&out)
}

/// `PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const
/// char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeRawUnicodeEscape(s: *const c_char, size: Py_ssize_t, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_buffer(s, size).and_then(|d| decode(d, core::ptr::null_mut(), ErrorMode::new(c_name(errors)), None)))
}

/// `PyObject *_PyUnicode_DecodeRawUnicodeEscapeStateful(const char *s, Py_ssize_t size,
/// const char *errors, Py_ssize_t *consumed)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_DecodeRawUnicodeEscapeStateful(
    s: *const c_char,
    size: Py_ssize_t,
    errors: *const c_char,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    ret_obj((|| {
        let data = c_buffer(s, size)?;
        let mut n = 0usize;
        let r = decode(data, core::ptr::null_mut(), ErrorMode::new(c_name(errors)), (!consumed.is_null()).then_some(&mut n))?;
        if !consumed.is_null() {
            *consumed = n as Py_ssize_t;
        }
        Ok(r)
    })())
}

/// `PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *unicode)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsRawUnicodeEscapeString(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s)))
}
