//! The `unicode_escape` codec: `PyUnicode_DecodeUnicodeEscape`,
//! `_PyUnicode_DecodeUnicodeEscapeStateful`, `PyUnicode_AsUnicodeEscapeString`. Decoding
//! reads Python string-literal escapes (bytes are Latin-1); the first invalid escape gives a
//! DeprecationWarning, as in CPython 3.11.
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::codecs::decoder::{Decoder, SurrogateForm};
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::utf8::{c_buffer, str_arg};
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bytes;
use crate::pyport::Py_ssize_t;

/// Up to `n` hex digits at `data[at..]`: the value and how many were read.
pub(crate) fn hex_digits(data: &[u8], at: usize, n: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut k = 0;
    while k < n {
        match data.get(at + k).and_then(|&b| (b as char).to_digit(16)) {
            Some(d) => v = (v << 4) | d,
            None => break,
        }
        k += 1;
    }
    (v, k)
}

/// Emits `DeprecationWarning: <message>` (CPython's invalid-escape warning).
pub(crate) unsafe fn deprecation(message: &str) -> PyResult<()> {
    let text = std::ffi::CString::new(message).unwrap_or_default();
    let cat = crate::errors::exception_types::PyExc_DeprecationWarning;
    if crate::errors::warnings::PyErr_WarnEx(cat, text.as_ptr(), 1) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// The simple one-character escapes, shared with bytes escapes.
pub(crate) fn simple_escape(b: u8) -> Option<u8> {
    Some(match b {
        b'\\' => b'\\',
        b'\'' => b'\'',
        b'"' => b'"',
        b'b' => 8,
        b'f' => 12,
        b't' => b'\t',
        b'n' => b'\n',
        b'r' => b'\r',
        b'v' => 11,
        b'a' => 7,
        _ => return None,
    })
}

/// Decodes; with `consumed`, an incomplete escape at the end is left undecoded.
///
/// # Safety
/// `owner` is NULL or the live bytes object whose data is `data`.
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, errors: ErrorMode, consumed: Option<&mut usize>) -> PyResult<PyRef> {
    let mut d = Decoder::new("unicodeescape", data, owner, errors, SurrogateForm::None);
    let stateful = consumed.is_some();
    let mut first_invalid: Option<String> = None;
    let mut pos = 0;
    loop {
        let input = d.input();
        let Some(&b) = input.get(pos) else { break };
        if b != b'\\' {
            d.push(b as u32);
            pos += 1;
            continue;
        }
        let start = pos;
        let Some(&e) = input.get(pos + 1) else {
            if stateful {
                break;
            }
            pos = d.error(start, input.len(), "\\ at end of string")?;
            continue;
        };
        pos += 2;
        if let Some(c) = simple_escape(e) {
            d.push(c as u32);
            continue;
        }
        match e {
            b'\n' => {}
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && matches!(input.get(pos), Some(b'0'..=b'7')) {
                    v = v * 8 + (input[pos] - b'0') as u32;
                    pos += 1;
                    k += 1;
                }
                if v > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(format!("invalid octal escape sequence '\\{v:o}'"));
                }
                d.push(v);
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let (v, k) = hex_digits(input, pos, n);
                if k < n {
                    if stateful && pos + k == input.len() {
                        pos = start;
                        break;
                    }
                    pos = d.error(start, pos + k, what)?;
                } else if v > 0x10FFFF {
                    pos = d.error(start, pos + k, "illegal Unicode character")?;
                } else {
                    d.push(v);
                    pos += k;
                }
            }
            b'N' => {
                let name_start = pos + 1;
                let close = if input.get(pos) == Some(&b'{') { input[name_start.min(input.len())..].iter().position(|&c| c == b'}') } else { None };
                match close {
                    Some(len) if len > 0 => {
                        let end = name_start + len + 1;
                        let found = core::str::from_utf8(&input[name_start..name_start + len]).ok().and_then(ferropy_parser::string_literal::lookup_name);
                        match found {
                            Some(c) => {
                                d.push(c);
                                pos = end;
                            }
                            None => pos = d.error(start, end, "unknown Unicode character name")?,
                        }
                    }
                    _ => {
                        let end = if input.get(pos) != Some(&b'{') {
                            pos
                        } else if close == Some(0) {
                            name_start
                        } else {
                            input.len()
                        };
                        if stateful && close.is_none() && end == input.len() {
                            pos = start;
                            break;
                        }
                        pos = d.error(start, end, "malformed \\N character escape")?;
                    }
                }
            }
            _ => {
                if first_invalid.is_none() {
                    first_invalid = Some(format!("invalid escape sequence '\\{}'", e as char));
                }
                d.push(b'\\' as u32);
                d.push(e as u32);
            }
        }
    }
    if let Some(c) = consumed {
        *c = pos;
    }
    if let Some(m) = first_invalid {
        deprecation(&m)?;
    }
    d.finish()
}

/// Encodes with escapes for everything but printable ASCII (`'` included, unescaped).
pub(crate) unsafe fn encode(s: *mut PyObject) -> PyResult<PyRef> {
    let v = crate::codecs::str_view::StrView::new(s);
    let mut out = Vec::with_capacity(v.len);
    for i in 0..v.len {
        let c = v.get(i);
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            _ => out.extend_from_slice(crate::codecs::encoder::backslash_escape(c).as_bytes()),
        }
    }
    bytes::from_slice(&out)
}

/// `PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char
/// *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUnicodeEscape(s: *const c_char, size: Py_ssize_t, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_buffer(s, size).and_then(|d| decode(d, core::ptr::null_mut(), ErrorMode::new(c_name(errors)), None)))
}

/// `PyObject *_PyUnicode_DecodeUnicodeEscapeStateful(const char *s, Py_ssize_t size,
/// const char *errors, Py_ssize_t *consumed)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_DecodeUnicodeEscapeStateful(
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

/// `PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *unicode)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUnicodeEscapeString(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s)))
}
