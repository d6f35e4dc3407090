//! UTF-7 (RFC 2152) with CPython 3.11's choices: the encoder writes printable ASCII other
//! than `+ \ ~` (and tab, CR, LF) directly, everything else as modified base64 of UTF-16
//! units (lone surrogates included); the decoder takes any ASCII byte directly, pairs
//! surrogates when it can and keeps lone ones, and reports CPython's errors ("unexpected
//! special character", "ill-formed sequence", "partial character in shift sequence",
//! "non-zero padding bits in shift sequence", "unterminated shift sequence").
//!
//! C-API: `PyUnicode_DecodeUTF7`, `PyUnicode_DecodeUTF7Stateful`, `_PyUnicode_EncodeUTF7`.
use core::ffi::{c_char, c_int};

use crate::abstract_::ret_obj;
use crate::codecs::decoder::{Decoder, SurrogateForm};
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::str_view::StrView;
use crate::codecs::utf8::{c_buffer, str_arg};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bytes;
use crate::pyport::Py_ssize_t;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_value(b: u8) -> Option<u32> {
    match b {
        b'A'..=b'Z' => Some((b - b'A') as u32),
        b'a'..=b'z' => Some((b - b'a') as u32 + 26),
        b'0'..=b'9' => Some((b - b'0') as u32 + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// RFC 2152's set O (optional direct characters).
fn is_set_o(c: u32) -> bool {
    matches!(char::from_u32(c), Some('!' | '"' | '#' | '$' | '%' | '&' | '*' | ';' | '<' | '=' | '>' | '@' | '[' | ']' | '^' | '_' | '`' | '{' | '|' | '}'))
}

/// Whether the encoder writes `c` as itself (`+` is written as `+-` outside base64).
fn encode_direct(c: u32, base64_set_o: bool, base64_whitespace: bool) -> bool {
    match c {
        0x09 | 0x0A | 0x0D | 0x20 => !base64_whitespace,
        0x21..=0x7E if c != b'+' as u32 && c != b'\\' as u32 && c != b'~' as u32 => !(base64_set_o && is_set_o(c)),
        _ => false,
    }
}

/// Encodes `s`; the flags base64-encode set O and whitespace too.
pub(crate) unsafe fn encode(s: *mut PyObject, base64_set_o: bool, base64_whitespace: bool) -> PyResult<PyRef> {
    let v = StrView::new(s);
    let mut out = Vec::with_capacity(v.len + 8);
    let (mut in_shift, mut bits, mut buffer) = (false, 0u32, 0u32);
    let flush = |out: &mut Vec<u8>, bits: &mut u32, buffer: &mut u32| {
        if *bits > 0 {
            out.push(ALPHABET[((*buffer << (6 - *bits)) & 0x3F) as usize]);
            *bits = 0;
            *buffer = 0;
        }
    };
    for i in 0..v.len {
        let c = v.get(i);
        if encode_direct(c, base64_set_o, base64_whitespace) {
            if in_shift {
                flush(&mut out, &mut bits, &mut buffer);
                // A '-' ends the shift explicitly where the next byte would read as base64.
                if base64_value(c as u8).is_some() || c == b'-' as u32 {
                    out.push(b'-');
                }
                in_shift = false;
            }
            out.push(c as u8);
            continue;
        }
        if !in_shift {
            if c == b'+' as u32 {
                out.extend_from_slice(b"+-");
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        let units: [u32; 2];
        let units = if c >= 0x10000 {
            let x = c - 0x10000;
            units = [0xD800 | (x >> 10), 0xDC00 | (x & 0x3FF)];
            &units[..]
        } else {
            units = [c, 0];
            &units[..1]
        };
        for &u in units {
            buffer = (buffer << 16) | u;
            bits += 16;
            while bits >= 6 {
                bits -= 6;
                out.push(ALPHABET[((buffer >> bits) & 0x3F) as usize]);
            }
            buffer &= (1 << bits) - 1;
        }
    }
    if in_shift {
        flush(&mut out, &mut bits, &mut buffer);
        out.push(b'-');
    }
    bytes::from_slice(&out)
}

/// Decodes `data`; with `consumed`, an unfinished shift sequence is left for the next call.
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, errors: ErrorMode, consumed: Option<&mut usize>) -> PyResult<PyRef> {
    let mut d = Decoder::new("utf7", data, owner, errors, SurrogateForm::None);
    let (mut in_shift, mut bits, mut buffer) = (false, 0u32, 0u32);
    let mut pending_high: Option<u32> = None;
    // Where the current shift sequence started, in the input and in the output.
    let (mut shift_start, mut shift_out) = (0usize, 0usize);
    let mut i = 0;
    while i < d.input().len() {
        let b = d.input()[i];
        if in_shift {
            if let Some(x) = base64_value(b) {
                buffer = (buffer << 6) | x;
                bits += 6;
                if bits >= 16 {
                    bits -= 16;
                    let unit = (buffer >> bits) & 0xFFFF;
                    buffer &= (1 << bits) - 1;
                    match pending_high.take() {
                        Some(h) if (0xDC00..0xE000).contains(&unit) => d.push(0x10000 + ((h - 0xD800) << 10) + (unit - 0xDC00)),
                        other => {
                            if let Some(h) = other {
                                d.push(h);
                            }
                            if (0xD800..0xDC00).contains(&unit) {
                                pending_high = Some(unit);
                            } else {
                                d.push(unit);
                            }
                        }
                    }
                }
                i += 1;
                continue;
            }
            // Leaving the shift: the leftover bits must be a zero padding of under 6.
            in_shift = false;
            let problem = if bits >= 6 {
                Some("partial character in shift sequence")
            } else if bits > 0 && buffer != 0 {
                Some("non-zero padding bits in shift sequence")
            } else {
                None
            };
            bits = 0;
            buffer = 0;
            let high = pending_high.take();
            if let Some(reason) = problem {
                // The terminator is part of the bad sequence.
                i = d.error(shift_start, i + 1, reason)?;
                continue;
            }
            if let Some(h) = high {
                d.push(h);
            }
            if b == b'-' {
                i += 1;
            }
            // Any other terminator is read again as a plain byte.
            continue;
        }
        if b == b'+' {
            match d.input().get(i + 1) {
                Some(b'-') => {
                    d.push(b'+' as u32);
                    i += 2;
                }
                Some(&n) if base64_value(n).is_none() => i = d.error(i, i + 2, "ill-formed sequence")?,
                _ => {
                    in_shift = true;
                    shift_start = i;
                    shift_out = d.out.len();
                    i += 1;
                }
            }
            continue;
        }
        if b < 0x80 {
            d.push(b as u32);
            i += 1;
        } else {
            i = d.error(i, i + 1, "unexpected special character")?;
        }
    }
    let len = d.input().len();
    match consumed {
        Some(c) if in_shift => {
            // Not final: the shift sequence is decoded again with more input.
            d.out.truncate(shift_out);
            *c = shift_start;
        }
        Some(c) => *c = len,
        None if in_shift && (pending_high.is_some() || bits >= 6 || (bits > 0 && buffer != 0)) => {
            d.error(shift_start, len, "unterminated shift sequence")?;
        }
        None => {}
    }
    d.finish()
}

/// `PyObject *PyUnicode_DecodeUTF7(const char *s, Py_ssize_t size, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF7(s: *const c_char, size: Py_ssize_t, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_buffer(s, size).and_then(|d| decode(d, core::ptr::null_mut(), ErrorMode::new(c_name(errors)), None)))
}

/// `PyObject *PyUnicode_DecodeUTF7Stateful(const char *s, Py_ssize_t size, const char
/// *errors, Py_ssize_t *consumed)`: NULL `consumed` decodes everything.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF7Stateful(s: *const c_char, size: Py_ssize_t, errors: *const c_char, consumed: *mut Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        let data = c_buffer(s, size)?;
        let errors = ErrorMode::new(c_name(errors));
        if consumed.is_null() {
            return decode(data, core::ptr::null_mut(), errors, None);
        }
        let mut n = 0usize;
        let r = decode(data, core::ptr::null_mut(), errors, Some(&mut n))?;
        *consumed = n as Py_ssize_t;
        Ok(r)
    })())
}

/// `PyObject *_PyUnicode_EncodeUTF7(PyObject *unicode, int base64SetO, int
/// base64WhiteSpace, const char *errors)`: UTF-7 encodes every str, so `errors` is unused.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EncodeUTF7(unicode: *mut PyObject, base64_set_o: c_int, base64_whitespace: c_int, _errors: *const c_char) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, base64_set_o != 0, base64_whitespace != 0)))
}
