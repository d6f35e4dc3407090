//! str <-> UTF-8: the strict encoder behind `PyUnicode_AsUTF8AndSize` and its cache in the
//! compact object, the strict decoder behind `PyUnicode_FromStringAndSize`, and raising
//! `UnicodeEncodeError`/`UnicodeDecodeError` instances with CPython's fields. The encoding
//! and decoding themselves are src/codecs/utf8.rs's.
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, PyASCIIObject, PyCompactUnicodeObject};
use crate::pyport::Py_ssize_t;

/// Encodes `op` strictly or raises CPython's `UnicodeEncodeError` ('utf-8' codec can't
/// encode ...: surrogates not allowed).
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn encode_utf8_strict(op: *mut PyObject) -> PyResult<Vec<u8>> {
    // The one UTF-8 encoder of the crate lives with the codecs.
    crate::codecs::utf8::encode_vec(op, crate::codecs::error_mode::ErrorMode::STRICT)
}

/// The UTF-8 of the str `op`, cached in the object (ASCII strings are their own UTF-8):
/// `PyUnicode_AsUTF8AndSize` for Rust callers. The bytes are followed by a NUL and live as
/// long as `op`.
///
/// # Safety
/// `op` is a live str, which outlives the slice.
pub(crate) unsafe fn as_utf8<'a>(op: *mut PyObject) -> PyResult<&'a [u8]> {
    if (*(op as *mut PyASCIIObject)).ascii() {
        return Ok(pystr::data_bytes(op));
    }
    let c = op as *mut PyCompactUnicodeObject;
    if (*c).utf8.is_null() {
        // The one UTF-8 encoder is the codecs' (strict: surrogates raise); the cache is a
        // PyObject_Malloc block because the str's dealloc frees it with PyObject_Free.
        let cached = crate::codecs::utf8::encode_strict_with(op, |n| {
            let buf = crate::object::pymem::PyObject_Malloc(n + 1) as *mut u8;
            if buf.is_null() {
                return Err(no_memory());
            }
            *buf.add(n) = 0;
            (*c).utf8 = buf as *mut c_char;
            (*c).utf8_length = n as Py_ssize_t;
            Ok(((), buf))
        });
        match cached {
            Some(r) => r?,
            None => return Err(encode_utf8_strict(op).err().unwrap_or_else(|| bad_internal_call())),
        }
    }
    Ok(core::slice::from_raw_parts((*c).utf8 as *const u8, (*c).utf8_length as usize))
}

/// The text of the str `op` as Rust `&str` (UTF-8 cache), UnicodeEncodeError on surrogates.
/// (API for the other areas.)
///
/// # Safety
/// `op` is a live str, which outlives the result.
#[allow(dead_code)]
pub(crate) unsafe fn as_str<'a>(op: *mut PyObject) -> PyResult<&'a str> {
    // SAFETY: `as_utf8` is strict UTF-8 (no surrogates).
    Ok(core::str::from_utf8_unchecked(as_utf8(op)?))
}

/// A str decoded strictly from UTF-8 `bytes`, or CPython's `UnicodeDecodeError` ('utf-8'
/// codec can't decode byte 0x.. in position N: invalid start byte / invalid continuation
/// byte / unexpected end of data).
pub(crate) fn decode_utf8(bytes: &[u8]) -> PyResult<PyRef> {
    crate::codecs::utf8::decode_strict(bytes)
}

/// `PyErr_BadArgument()`: TypeError "bad argument type for built-in operation".
pub(crate) fn bad_argument() -> Raised {
    raise(ExcType::TypeError, "bad argument type for built-in operation")
}

/// `const char *PyUnicode_AsUTF8AndSize(PyObject *unicode, Py_ssize_t *size)`: the cached
/// UTF-8 of `unicode` (NUL-terminated, owned by it); its length in `*size` when not NULL.
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8AndSize(unicode: *mut PyObject, size: *mut Py_ssize_t) -> *const c_char {
    // In line, without a stack frame: an ASCII str (its own UTF-8) or a filled cache.
    if !unicode.is_null() && pystr::is_str(unicode) {
        let a = &*(unicode as *mut PyASCIIObject);
        if a.compact() {
            let (p, n) = if a.ascii() {
                (pystr::data(unicode) as *const c_char, a.length)
            } else {
                let c = &*(unicode as *mut PyCompactUnicodeObject);
                (c.utf8 as *const c_char, c.utf8_length)
            };
            if !p.is_null() {
                if !size.is_null() {
                    *size = n;
                }
                return p;
            }
        }
    }
    as_utf8_and_size_slow(unicode, size)
}

#[inline(never)]
unsafe fn as_utf8_and_size_slow(unicode: *mut PyObject, size: *mut Py_ssize_t) -> *const c_char {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_argument();
        return core::ptr::null();
    }
    match as_utf8(unicode) {
        Ok(b) => {
            if !size.is_null() {
                *size = b.len() as Py_ssize_t;
            }
            b.as_ptr() as *const c_char
        }
        Err(_) => core::ptr::null(),
    }
}

/// `const char *PyUnicode_AsUTF8(PyObject *unicode)`: as `PyUnicode_AsUTF8AndSize`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8(unicode: *mut PyObject) -> *const c_char {
    PyUnicode_AsUTF8AndSize(unicode, core::ptr::null_mut())
}

/// `PyObject *PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)`: a str decoded
/// from `size` bytes of UTF-8. `u == NULL` with `size > 0` (CPython 3.11's deprecated
/// not-ready legacy string) is refused: ferropy has no legacy strings; use PyUnicode_New.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromStringAndSize(u: *const c_char, size: Py_ssize_t) -> *mut PyObject {
    if size < 0 {
        let _ = raise(ExcType::SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
        return core::ptr::null_mut();
    }
    if u.is_null() {
        if size == 0 {
            return ret_obj(pystr::empty());
        }
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(decode_utf8(core::slice::from_raw_parts(u as *const u8, size as usize)))
}
