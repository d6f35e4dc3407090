//! UTF-8: `PyUnicode_DecodeUTF8(Stateful)`, `PyUnicode_AsUTF8String`,
//! `_PyUnicode_AsUTF8String`. This file is the one UTF-8 encoder of the project:
//! `encode_vec(s, &ErrorMode::STRICT)` is what the str type's `PyUnicode_AsUTF8` cache
//! should call.
//!
//! Decoding is utf8_scan.rs's two passes (measure, then validate while writing the str's
//! units in place), which report errors as CPython needs them: the valid prefix, and the
//! length of the maximal invalid subpart, or "unexpected end".
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::codecs::ascii_runs::CodeUnit;
use crate::codecs::decoder::{Decoder, SurrogateForm};
use crate::codecs::encoder::{Encoder, EncoderSpec};
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::utf8_scan::{decode_into, error_len, maxchar_bound, measure};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr};
use crate::pyport::Py_ssize_t;

/// A str of valid UTF-8 text, written straight into the new object.
pub(crate) fn str_from_valid(text: &str) -> PyResult<PyRef> {
    // SAFETY: no owner; `text` lives through the call.
    unsafe { decode(text.as_bytes(), core::ptr::null_mut(), ErrorMode::STRICT, None) }
}

/// The str of `b` when it is valid UTF-8 (None otherwise): measured, made of the right
/// kind, and written while validated.
///
/// # Safety
/// Only memory is touched; `b` lives through the call.
unsafe fn decode_valid(b: &[u8]) -> PyResult<Option<PyRef>> {
    // Short ASCII text (names, C string literals) is the common case: the standard
    // library's word-at-a-time check beats the vector measure's set-up and scalar tail.
    if b.len() < 64 && b.is_ascii() {
        return crate::codecs::latin1::str_from_latin1(b, 0x7f).map(Some);
    }
    let (chars, max_byte) = measure(b);
    let maxchar = maxchar_bound(max_byte);
    if maxchar < 0x80 {
        return crate::codecs::latin1::str_from_latin1(b, 0x7f).map(Some);
    }
    let op = pystr::new_compact(chars, maxchar)?;
    let d = pystr::data(op.as_ptr());
    let written = match pystr::kind(op.as_ptr()) {
        1 => decode_into(b, d, chars),
        2 => decode_into(b, d as *mut u16, chars),
        _ => decode_into(b, d as *mut u32, chars),
    };
    match written {
        // One Latin-1 character: the shared object (as CPython's decoders return it).
        Ok(1) if maxchar < 0x100 => crate::objects::str_access::latin1_char(*d).map(Some),
        Ok(_) => Ok(Some(op)),
        Err(_) => Ok(None),
    }
}

/// Strict decoding of UTF-8 bytes (C string arguments and the like).
pub(crate) fn decode_strict(data: &[u8]) -> PyResult<PyRef> {
    // SAFETY: `data` lives through the call.
    unsafe { decode(data, core::ptr::null_mut(), ErrorMode::STRICT, None) }
}

/// Decodes `data` (held by the bytes `owner`, or NULL); with `consumed`, an incomplete
/// sequence at the end is left undecoded and the count of bytes used is stored.
///
/// # Safety
/// `owner` is NULL or the live bytes object whose data is `data`.
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, errors: ErrorMode, consumed: Option<&mut usize>) -> PyResult<PyRef> {
    if let Some(s) = decode_valid(data)? {
        if let Some(c) = consumed {
            *c = data.len();
        }
        return Ok(s);
    }
    let mut d = Decoder::new("utf-8", data, owner, errors, SurrogateForm::Utf8);
    let mut pos = 0;
    loop {
        let input = d.input();
        if pos >= input.len() {
            break;
        }
        // Decoded up to the next invalid sequence (a handler may change the input).
        let rest = &input[pos..];
        let out = &mut d.out;
        // At most one unit per byte.
        out.reserve(rest.len());
        let room = out.capacity() - out.len();
        let stop = decode_into(rest, out.as_mut_ptr().add(out.len()), room);
        let (valid_up_to, units) = match &stop {
            Ok(units) => (rest.len(), *units),
            Err(s) => (s.valid_up_to, s.units),
        };
        out.set_len(out.len() + units);
        let valid = pos + valid_up_to;
        if stop.is_ok() {
            pos = valid;
            break;
        }
        let (end, reason) = match error_len(&input[valid..]) {
            None => {
                if consumed.is_some() {
                    pos = valid;
                    break;
                }
                (input.len(), "unexpected end of data")
            }
            Some(1) if !(0xC2..=0xF4).contains(&input[valid]) => (valid + 1, "invalid start byte"),
            Some(n) => (valid + n, "invalid continuation byte"),
        };
        pos = d.error(valid, end, reason)?;
    }
    if let Some(c) = consumed {
        *c = pos;
    }
    d.finish()
}

/// Appends the UTF-8 form of `c` (surrogates too, for surrogatepass).
#[inline]
pub(crate) fn write_char(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3F) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]);
    }
}

/// The UTF-8 length of `units`, or None when one is a surrogate (then the error handler
/// decides, on the general path).
#[inline]
fn strict_len_of<T: CodeUnit>(units: &[T]) -> Option<usize> {
    // Branch-free with 32-bit lane sums (a chunk's sum fits), so that the compiler
    // vectorizes it: a 64-bit accumulator kept the loop scalar.
    let mut extra = 0usize;
    let mut surrogates = 0u32;
    for chunk in units.chunks(1 << 16) {
        let mut e = 0u32;
        for &u in chunk {
            // Code points are below 2**31: signed compares, which SSE2 has.
            let c = u.into() as i32;
            e += (c > 0x7F) as u32 + (c > 0x7FF) as u32 + (c > 0xFFFF) as u32;
            surrogates |= (c & !0x7FF == 0xD800) as u32;
        }
        extra += e as usize;
    }
    if surrogates != 0 {
        None
    } else {
        Some(units.len() + extra)
    }
}

/// Writes the UTF-8 of `units` to `dst`; the end of what was written, and whether a
/// surrogate was met (written as surrogatepass would; callers then drop the bytes). `dst`
/// has room for `strict_len_of(units)` bytes, or for the worst case of the kind (2, 3 or 4
/// bytes a unit) when there may be a surrogate: raw stores, no capacity check per byte.
///
/// Eight units at a time: all ASCII (ascii_runs.rs) go as eight bytes, otherwise the eight
/// are written one by one. The position always moves by eight, so the next load never waits
/// for the mask of this one: moving by the length of the ASCII run made each step wait on
/// the load, compare and bit scan of the last (text with short runs took twice CPython's time).
#[inline]
unsafe fn write_units<T: CodeUnit>(units: &[T], mut dst: *mut u8) -> (*mut u8, bool) {
    let (n, p) = (units.len(), units.as_ptr());
    let mut surrogate = false;
    let mut i = 0;
    while i + 8 <= n {
        if T::non_ascii_mask8(p.add(i)) == 0 {
            T::narrow8(p.add(i), dst);
            dst = dst.add(8);
        } else {
            for k in 0..8 {
                dst = write_unit(dst, (*p.add(i + k)).into(), &mut surrogate);
            }
        }
        i += 8;
    }
    while i < n {
        dst = write_unit(dst, (*p.add(i)).into(), &mut surrogate);
        i += 1;
    }
    (dst, surrogate)
}

/// Stores the UTF-8 of the code point `c` at `dst`; the end of it. A surrogate sets
/// `surrogate` (a flag, not a branch: the loop above stays free of early exits).
#[inline(always)]
unsafe fn write_unit(dst: *mut u8, c: u32, surrogate: &mut bool) -> *mut u8 {
    if c < 0x80 {
        *dst = c as u8;
        dst.add(1)
    } else if c < 0x800 {
        *dst = 0xC0 | (c >> 6) as u8;
        *dst.add(1) = 0x80 | (c & 0x3F) as u8;
        dst.add(2)
    } else if c < 0x10000 {
        *surrogate |= c & 0xF800 == 0xD800;
        *dst = 0xE0 | (c >> 12) as u8;
        *dst.add(1) = 0x80 | ((c >> 6) & 0x3F) as u8;
        *dst.add(2) = 0x80 | (c & 0x3F) as u8;
        dst.add(3)
    } else {
        *dst = 0xF0 | (c >> 18) as u8;
        *dst.add(1) = 0x80 | ((c >> 12) & 0x3F) as u8;
        *dst.add(2) = 0x80 | ((c >> 6) & 0x3F) as u8;
        *dst.add(3) = 0x80 | (c & 0x3F) as u8;
        dst.add(4)
    }
}

/// The UTF-8 length of the str `s`, or None when it holds a surrogate.
///
/// # Safety
/// `s` is a live str.
unsafe fn strict_len(s: *mut PyObject) -> Option<usize> {
    let (n, data) = (pystr::len(s), pystr::data(s));
    match pystr::kind(s) {
        1 => strict_len_of(core::slice::from_raw_parts(data, n)),
        2 => strict_len_of(core::slice::from_raw_parts(data as *const u16, n)),
        _ => strict_len_of(core::slice::from_raw_parts(data as *const u32, n)),
    }
}

/// Writes the UTF-8 of the str `s` to `dst` (room as `write_units` says): the end, and
/// whether a surrogate was met.
///
/// # Safety
/// `s` is a live str.
unsafe fn write_str(s: *mut PyObject, dst: *mut u8) -> (*mut u8, bool) {
    let (n, data) = (pystr::len(s), pystr::data(s));
    match pystr::kind(s) {
        1 => write_units(core::slice::from_raw_parts(data, n), dst),
        2 => write_units(core::slice::from_raw_parts(data as *const u16, n), dst),
        _ => write_units(core::slice::from_raw_parts(data as *const u32, n), dst),
    }
}

/// Strings whose worst-case UTF-8 fits this many bytes are encoded into a stack buffer and
/// copied out, in one pass (the copy costs less than a measuring pass); longer ones are
/// measured first and written in place, to keep the stack small.
const SCRATCH_BYTES: usize = 8192;

/// The UTF-8 of the str `s` when it holds no surrogate (None otherwise, and nothing is
/// allocated): `place(len)` makes the block that keeps the bytes (a bytes object, the str's
/// UTF-8 cache) and gives its result and where the `len` bytes go.
///
/// # Safety
/// `s` is a live str; the pointer `place` gives has room for `len` bytes.
pub(crate) unsafe fn encode_strict_with<R>(s: *mut PyObject, place: impl FnOnce(usize) -> PyResult<(R, *mut u8)>) -> Option<PyResult<R>> {
    // Bytes a unit of each kind can take (UCS1: 2; UCS2: 3, surrogates too; UCS4: 4).
    let per_unit = match pystr::kind(s) {
        1 => 2,
        2 => 3,
        _ => 4,
    };
    let n = pystr::len(s);
    if n <= SCRATCH_BYTES / per_unit {
        let mut scratch = core::mem::MaybeUninit::<[u8; SCRATCH_BYTES]>::uninit();
        let start = scratch.as_mut_ptr() as *mut u8;
        let (end, surrogate) = write_str(s, start);
        if surrogate {
            return None;
        }
        let len = end.offset_from(start) as usize;
        return Some(place(len).map(|(r, dst)| {
            core::ptr::copy_nonoverlapping(start, dst, len);
            r
        }));
    }
    let len = strict_len(s)?;
    Some(place(len).map(|(r, dst)| {
        write_str(s, dst);
        r
    }))
}

pub(crate) const SPEC: EncoderSpec =
    EncoderSpec { encoding: "utf-8", write: write_char, rep_limit: 0x80, unit: 1, surrogates: true };

/// The UTF-8 bytes of the str `s`; lone surrogates go to the error handler.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn encode_vec(s: *mut PyObject, errors: ErrorMode) -> PyResult<Vec<u8>> {
    let a = &*(s as *mut pystr::PyASCIIObject);
    if a.ascii() {
        return Ok(pystr::data_bytes(s).to_vec());
    }
    let strict = encode_strict_with(s, |len| {
        let mut out = Vec::with_capacity(len);
        let dst = out.as_mut_ptr();
        out.set_len(len);
        Ok((out, dst))
    });
    if let Some(out) = strict {
        return out;
    }
    let n = pystr::len(s);
    let mut e = Encoder::new(SPEC, s, errors, 0);
    let v = e.view;
    let data = pystr::data(s);
    match v.kind() {
        1 => {
            let units = core::slice::from_raw_parts(data, n);
            e.out.reserve(n + units.iter().filter(|&&b| b >= 0x80).count());
            for &b in units {
                if b < 0x80 {
                    e.out.push(b);
                } else {
                    e.out.extend_from_slice(&[0xC0 | (b >> 6), 0x80 | (b & 0x3F)]);
                }
            }
            return Ok(e.out);
        }
        2 => {
            let units = core::slice::from_raw_parts(data as *const u16, n);
            e.out.reserve(n * 3);
            let mut i = 0;
            while i < n {
                let c = units[i] as u32;
                if c < 0x80 {
                    e.out.push(c as u8);
                } else if !(0xD800..0xE000).contains(&c) {
                    write_char(&mut e.out, c);
                } else {
                    let mut end = i + 1;
                    while end < n && (0xD800..0xE000).contains(&(units[end] as u32)) {
                        end += 1;
                    }
                    i = e.error(i, end, "surrogates not allowed")?;
                    continue;
                }
                i += 1;
            }
        }
        _ => {
            let units = core::slice::from_raw_parts(data as *const u32, n);
            e.out.reserve(n * 4);
            let mut i = 0;
            while i < n {
                let c = units[i];
                if c < 0x80 {
                    e.out.push(c as u8);
                } else if !(0xD800..0xE000).contains(&c) {
                    write_char(&mut e.out, c);
                } else {
                    let mut end = i + 1;
                    while end < n && (0xD800..0xE000).contains(&units[end]) {
                        end += 1;
                    }
                    i = e.error(i, end, "surrogates not allowed")?;
                    continue;
                }
                i += 1;
            }
        }
    }
    Ok(e.out)
}

/// `s.encode('utf-8', errors)` as a bytes object.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn encode(s: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    let a = &*(s as *mut pystr::PyASCIIObject);
    if a.ascii() {
        return bytes::from_slice(pystr::data_bytes(s));
    }
    let c = &*(s as *mut pystr::PyCompactUnicodeObject);
    if !c.utf8.is_null() {
        return bytes::from_slice(core::slice::from_raw_parts(c.utf8 as *const u8, c.utf8_length as usize));
    }
    // Into a new bytes object of the exact size (a non-ASCII str makes at least 2 bytes,
    // so never one of the shared 0- and 1-byte objects).
    let strict = encode_strict_with(s, |len| {
        let b = bytes::alloc(len)?;
        let dst = bytes::data_ptr(b.as_ptr());
        Ok((b, dst))
    });
    if let Some(b) = strict {
        return b;
    }
    bytes::from_slice(&encode_vec(s, errors)?)
}

/// The C buffer `(s, size)` as a slice: SystemError for a negative size or NULL data.
pub(crate) unsafe fn c_buffer<'a>(s: *const c_char, size: Py_ssize_t) -> PyResult<&'a [u8]> {
    if size == 0 {
        return Ok(&[]);
    }
    if s.is_null() || size < 0 {
        return Err(crate::object::pending_error::bad_internal_call());
    }
    Ok(core::slice::from_raw_parts(s as *const u8, size as usize))
}

/// A str argument of the `PyUnicode_As*String` functions: TypeError otherwise
/// (`PyErr_BadArgument`'s message).
pub(crate) unsafe fn str_arg(s: *mut PyObject) -> PyResult<*mut PyObject> {
    if s.is_null() || !pystr::is_str(s) {
        return Err(crate::abstract_::type_error("bad argument type for built-in operation"));
    }
    Ok(s)
}

/// `PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF8(s: *const c_char, size: Py_ssize_t, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_buffer(s, size).and_then(|d| decode(d, core::ptr::null_mut(), ErrorMode::new(c_name(errors)), None)))
}

/// `PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char
/// *errors, Py_ssize_t *consumed)`: with `consumed`, a truncated sequence at the end is
/// left for the next call.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF8Stateful(
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

/// `PyObject *PyUnicode_AsUTF8String(PyObject *unicode)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8String(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::STRICT)))
}

/// `PyObject *_PyUnicode_AsUTF8String(PyObject *unicode, const char *errors)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_AsUTF8String(unicode: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::new(c_name(errors)))))
}
