//! `PyBytes_DecodeEscape`/`_PyBytes_DecodeEscape`: bytes-literal escapes (`codecs.escape_decode`)
//! with the strict / ignore / replace handling and ValueError messages of CPython.
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::codecs::error_mode::c_name;
use crate::codecs::unicode_escape::{deprecation, hex_digits, simple_escape};
use crate::codecs::utf8::c_buffer;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::bytes;
use crate::pyport::Py_ssize_t;

fn value_error(message: String) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// Decodes escapes; `first_invalid` receives the first unknown escape character.
pub(crate) fn decode(data: &[u8], errors: Option<&str>, first_invalid: &mut Option<u8>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let b = data[pos];
        if b != b'\\' {
            out.push(b);
            pos += 1;
            continue;
        }
        let start = pos;
        let Some(&e) = data.get(pos + 1) else { return Err(value_error("Trailing \\ in string".into())) };
        pos += 2;
        if let Some(c) = simple_escape(e) {
            out.push(c);
            continue;
        }
        match e {
            b'\n' => {}
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && matches!(data.get(pos), Some(b'0'..=b'7')) {
                    v = v * 8 + (data[pos] - b'0') as u32;
                    pos += 1;
                    k += 1;
                }
                out.push(v as u8);
            }
            b'x' => {
                let (v, k) = hex_digits(data, pos, 2);
                if k == 2 {
                    out.push(v as u8);
                    pos += 2;
                    continue;
                }
                match errors {
                    None | Some("strict") => return Err(value_error(format!("invalid \\x escape at position {start}"))),
                    Some("ignore") => {}
                    Some("replace") => out.push(b'?'),
                    Some(other) => return Err(value_error(format!("decoding error; unknown error handling code: {other}"))),
                }
                pos += k;
            }
            _ => {
                if first_invalid.is_none() {
                    *first_invalid = Some(e);
                }
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// `PyObject *PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
/// Py_ssize_t unicode, const char *recode_encoding)` (the last two are unused, as in 3.11).
#[no_mangle]
pub unsafe extern "C" fn PyBytes_DecodeEscape(
    s: *const c_char,
    len: Py_ssize_t,
    errors: *const c_char,
    _unicode: Py_ssize_t,
    _recode_encoding: *const c_char,
) -> *mut PyObject {
    ret_obj((|| {
        let mut first = None;
        let v = decode(c_buffer(s, len)?, c_name(errors), &mut first)?;
        if let Some(e) = first {
            deprecation(&format!("invalid escape sequence '\\{}'", e as char))?;
        }
        bytes::from_slice(&v)
    })())
}

/// `PyObject *_PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
/// const char **first_invalid_escape)`: no warning; the first invalid escape character's
/// address is stored (NULL when there is none).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_DecodeEscape(
    s: *const c_char,
    len: Py_ssize_t,
    errors: *const c_char,
    first_invalid_escape: *mut *const c_char,
) -> *mut PyObject {
    ret_obj((|| {
        let data = c_buffer(s, len)?;
        let mut first = None;
        let v = decode(data, c_name(errors), &mut first)?;
        if !first_invalid_escape.is_null() {
            *first_invalid_escape = core::ptr::null();
            if first.is_some() {
                // Find the address of the first invalid escape character in the input.
                *first_invalid_escape = first_invalid_address(data).map_or(core::ptr::null(), |i| s.add(i));
            }
        }
        let r: PyResult<PyRef> = bytes::from_slice(&v);
        r
    })())
}

/// The index of the character after the first backslash that starts no known escape.
fn first_invalid_address(data: &[u8]) -> Option<usize> {
    let mut pos = 0;
    while pos + 1 < data.len() {
        if data[pos] != b'\\' {
            pos += 1;
            continue;
        }
        let e = data[pos + 1];
        if simple_escape(e).is_none() && !matches!(e, b'\n' | b'0'..=b'7' | b'x') {
            return Some(pos + 1);
        }
        pos += 2;
    }
    None
}

