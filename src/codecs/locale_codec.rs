//! The current locale's encoding: `PyUnicode_EncodeLocale`, `PyUnicode_DecodeLocale`,
//! `PyUnicode_DecodeLocaleAndSize`. The conversions are src/runtime/locale.rs's (shared
//! with `Py_DecodeLocale`/`Py_EncodeLocale`); this layer adds the "strict" handler and the
//! exceptions CPython raises ('locale' codec, "encoding error"/"decoding error").
use core::ffi::{c_char, CStr};

use crate::abstract_::ret_obj;
use crate::codecs::exceptions;
use crate::codecs::utf8::{c_buffer, str_arg};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr};
use crate::pyport::Py_ssize_t;
use crate::runtime::locale::{self as loc, LocaleEncoding};

/// `errors` must be NULL, "strict" or "surrogateescape": whether it escapes.
unsafe fn escapes(errors: *const c_char) -> PyResult<bool> {
    match crate::codecs::error_mode::c_name(errors) {
        None | Some("strict") => Ok(false),
        Some("surrogateescape") => Ok(true),
        Some(_) => Err(raise_type(&raw mut exc::_PyExc_ValueError, "unsupported error handler")),
    }
}

fn is_escape(c: u32) -> bool {
    (0xDC80..=0xDCFF).contains(&c)
}

/// Encodes with the locale's encoding.
pub(crate) unsafe fn encode(s: *mut PyObject, escape: bool) -> PyResult<PyRef> {
    let v = crate::codecs::str_view::StrView::new(s);
    let text: Vec<u32> = (0..v.len).map(|i| v.get(i)).collect();
    let bad = if escape { None } else { text.iter().position(|&c| is_escape(c)) };
    let r = match bad {
        Some(i) => Err(i),
        None => loc::encode(&text, loc::current_encoding()),
    };
    match r {
        Ok(b) => bytes::from_slice(&b),
        Err(i) => {
            let e = exceptions::encode_error("locale", s, i, i + 1, "encoding error")?;
            Err(exceptions::raise_instance(&e))
        }
    }
}

/// The byte index where strict decoding of `data` first fails, if it does.
fn first_undecodable(data: &[u8], enc: LocaleEncoding) -> Option<usize> {
    match enc {
        LocaleEncoding::Utf8 => core::str::from_utf8(data).err().map(|e| e.valid_up_to()),
        LocaleEncoding::Ascii => data.iter().position(|&b| b >= 0x80),
        // The C library's decoder: find the shortest prefix that escapes.
        LocaleEncoding::Libc => {
            let n = loc::decode(data, enc).iter().position(|&c| is_escape(c))?;
            (1..=data.len()).find(|&k| loc::decode(&data[..k], enc).iter().take(n + 1).any(|&c| is_escape(c))).map(|k| k - 1)
        }
    }
}

/// Decodes with the locale's encoding.
pub(crate) unsafe fn decode(data: &[u8], escape: bool) -> PyResult<PyRef> {
    let enc = loc::current_encoding();
    if !escape {
        if let Some(i) = first_undecodable(data, enc) {
            let b = bytes::from_slice(data)?;
            let e = exceptions::decode_error("locale", b.as_ptr(), i, i + 1, "decoding error")?;
            return Err(exceptions::raise_instance(&e));
        }
    }
    pystr::from_code_points(&loc::decode(data, enc))
}

/// `PyObject *PyUnicode_EncodeLocale(PyObject *unicode, const char *errors)`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_EncodeLocale(unicode: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let s = str_arg(unicode)?;
        encode(s, escapes(errors)?)
    })())
}

/// `PyObject *PyUnicode_DecodeLocaleAndSize(const char *str, Py_ssize_t len, const char
/// *errors)`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeLocaleAndSize(s: *const c_char, len: Py_ssize_t, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let data = c_buffer(s, len)?;
        decode(data, escapes(errors)?)
    })())
}

/// `PyObject *PyUnicode_DecodeLocale(const char *str, const char *errors)`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeLocale(s: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        if s.is_null() {
            return Err(crate::object::pending_error::bad_internal_call());
        }
        decode(CStr::from_ptr(s).to_bytes(), escapes(errors)?)
    })())
}
