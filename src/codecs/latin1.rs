//! Latin-1 (ISO-8859-1): `PyUnicode_DecodeLatin1`, `PyUnicode_AsLatin1String`,
//! `_PyUnicode_AsLatin1String`, and the one-byte encoder ASCII shares (only the limit
//! differs). Decoding cannot fail: a byte is its code point.
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::codecs::encoder::{Encoder, EncoderSpec};
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::utf8::{c_buffer, str_arg};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr};
use crate::pyport::Py_ssize_t;

/// A str whose code points are the bytes `data` (all below 128 when `maxchar` is 0x7f).
pub(crate) fn str_from_latin1(data: &[u8], maxchar: u32) -> PyResult<PyRef> {
    match data {
        [] => return pystr::empty(),
        // One-character Latin-1 strings are shared, as CPython's decoders return them.
        &[c] => return crate::objects::str_access::latin1_char(c),
        _ => {}
    }
    // SAFETY: the new 1-byte string has room for `data.len()` units.
    unsafe {
        let op = pystr::new_compact(data.len(), maxchar)?;
        core::ptr::copy_nonoverlapping(data.as_ptr(), pystr::data(op.as_ptr()), data.len());
        Ok(op)
    }
}

/// Decodes Latin-1.
pub(crate) fn decode(data: &[u8]) -> PyResult<PyRef> {
    str_from_latin1(data, if data.is_ascii() { 0x7f } else { 0xff })
}

fn write_byte(out: &mut Vec<u8>, c: u32) {
    out.push(c as u8);
}

pub(crate) const SPEC: EncoderSpec =
    EncoderSpec { encoding: "latin-1", write: write_byte, rep_limit: 0x100, unit: 1, surrogates: false };

/// Encodes `s` one byte per character, for characters below `spec.rep_limit`; each run of
/// others goes to the error handler with "ordinal not in range(N)".
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn encode_one_byte(s: *mut PyObject, errors: ErrorMode, spec: EncoderSpec, reason: &str) -> PyResult<PyRef> {
    let limit = spec.rep_limit;
    let a = &*(s as *mut pystr::PyASCIIObject);
    if a.ascii() || (limit == 0x100 && pystr::kind(s) == 1) {
        return bytes::from_slice(pystr::data_bytes(s));
    }
    let mut e = Encoder::new(spec, s, errors, pystr::len(s));
    let v = e.view;
    let mut i = 0;
    while i < v.len {
        let c = v.get(i);
        if c < limit {
            e.out.push(c as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < v.len && v.get(end) >= limit {
            end += 1;
        }
        i = e.error(i, end, reason)?;
    }
    e.finish()
}

/// `s.encode('latin-1', errors)`.
pub(crate) unsafe fn encode(s: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    encode_one_byte(s, errors, SPEC, "ordinal not in range(256)")
}

/// `PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeLatin1(s: *const c_char, size: Py_ssize_t, _errors: *const c_char) -> *mut PyObject {
    ret_obj(c_buffer(s, size).and_then(decode))
}

/// `PyObject *PyUnicode_AsLatin1String(PyObject *unicode)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsLatin1String(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::STRICT)))
}

/// `PyObject *_PyUnicode_AsLatin1String(PyObject *unicode, const char *errors)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_AsLatin1String(unicode: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::new(c_name(errors)))))
}
