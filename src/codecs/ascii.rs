//! ASCII: `PyUnicode_DecodeASCII`, `PyUnicode_AsASCIIString`, `_PyUnicode_AsASCIIString`.
//! Encoding is Latin-1's one-byte encoder with limit 128.
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::codecs::decoder::{Decoder, SurrogateForm};
use crate::codecs::encoder::EncoderSpec;
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::latin1::{encode_one_byte, str_from_latin1};
use crate::codecs::utf8::{c_buffer, str_arg};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::pyport::Py_ssize_t;

/// Decodes ASCII; each byte above 127 is one error.
///
/// # Safety
/// `owner` is NULL or the live bytes object whose data is `data`.
pub(crate) unsafe fn decode(data: &[u8], owner: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    if data.is_ascii() {
        return str_from_latin1(data, 0x7f);
    }
    let mut d = Decoder::new("ascii", data, owner, errors, SurrogateForm::None);
    let mut pos = 0;
    loop {
        let input = d.input();
        let Some(&b) = input.get(pos) else { break };
        if b < 0x80 {
            d.push(b as u32);
            pos += 1;
        } else {
            pos = d.error(pos, pos + 1, "ordinal not in range(128)")?;
        }
    }
    d.finish()
}

fn write_byte(out: &mut Vec<u8>, c: u32) {
    out.push(c as u8);
}

pub(crate) const SPEC: EncoderSpec =
    EncoderSpec { encoding: "ascii", write: write_byte, rep_limit: 0x80, unit: 1, surrogates: false };

/// `s.encode('ascii', errors)`.
pub(crate) unsafe fn encode(s: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    encode_one_byte(s, errors, SPEC, "ordinal not in range(128)")
}

/// `PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeASCII(s: *const c_char, size: Py_ssize_t, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_buffer(s, size).and_then(|d| decode(d, core::ptr::null_mut(), ErrorMode::new(c_name(errors)))))
}

/// `PyObject *PyUnicode_AsASCIIString(PyObject *unicode)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsASCIIString(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::STRICT)))
}

/// `PyObject *_PyUnicode_AsASCIIString(PyObject *unicode, const char *errors)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_AsASCIIString(unicode: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode(s, ErrorMode::new(c_name(errors)))))
}
