//! str <-> UTF-8: the strict encoder behind `PyUnicode_AsUTF8AndSize` and its cache in the
//! compact object, the strict decoder behind `PyUnicode_FromStringAndSize`, and raising
//! `UnicodeEncodeError`/`UnicodeDecodeError` instances with CPython's fields. The codecs
//! (error handlers, `str.encode`) build on `encode_utf8` and `decode_utf8`.
use core::ffi::c_char;

use crate::abstract_::{new_ref, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::str::{self as pystr, PyASCIIObject, PyCompactUnicodeObject, Py_UCS4};
use crate::objects::str_access::{units, Units};
use crate::pyport::Py_ssize_t;

/// Raises `tp(encoding, object, start, end, reason)` (a Unicode{Encode,Decode}Error instance,
/// so `start`, `end` and `object` are there for error handlers and callers).
pub(crate) unsafe fn raise_unicode_error(
    tp: *mut PyTypeObject,
    encoding: &str,
    object: *mut PyObject,
    start: usize,
    end: usize,
    reason: &str,
) -> Raised {
    let build = || -> PyResult<PyRef> {
        let items = [
            pystr::from_utf8(encoding)?,
            new_ref(object),
            crate::objects::int::from_i64(start as i64)?,
            crate::objects::int::from_i64(end as i64)?,
            pystr::from_utf8(reason)?,
        ];
        let ptrs: Vec<*mut PyObject> = items.iter().map(|r| r.as_ptr()).collect();
        let args = crate::abstract_::call::tuple_from_array(&ptrs)?;
        crate::abstract_::from_slot(crate::abstract_::call::call_tuple(
            tp as *mut PyObject,
            args.as_ptr(),
            core::ptr::null_mut(),
        ))
    };
    if let Ok(e) = build() {
        crate::errors::pyerr::PyErr_SetObject(tp as *mut PyObject, e.as_ptr());
    }
    Raised::assume_set()
}

/// Appends the UTF-8 of code point `c` (surrogates included, as 3-byte sequences).
#[inline]
fn push_utf8(out: &mut Vec<u8>, c: Py_UCS4) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[
            0xe0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xf0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3f) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    }
}

fn is_surrogate(c: Py_UCS4) -> bool {
    (0xd800..=0xdfff).contains(&c)
}

/// Appends the UTF-8 of the str `op` to `out`, strictly: on a surrogate, the code-point
/// range of the run of surrogates that starts there (what CPython's error reports), with
/// `out` holding the text before it. The simple internal UTF-8 encoder of the crate.
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn encode_utf8(op: *mut PyObject, out: &mut Vec<u8>) -> Result<(), (usize, usize)> {
    fn wide<T: Copy + Into<u32>>(s: &[T], out: &mut Vec<u8>) -> Result<(), (usize, usize)> {
        for (i, &u) in s.iter().enumerate() {
            let c: u32 = u.into();
            if is_surrogate(c) {
                let run = s[i..].iter().take_while(|&&u| is_surrogate(u.into())).count();
                return Err((i, i + run));
            }
            push_utf8(out, c);
        }
        Ok(())
    }
    match units(op) {
        Units::One(s) => {
            out.reserve(s.len() * 2);
            for &b in s {
                push_utf8(out, b as u32);
            }
            Ok(())
        }
        Units::Two(s) => {
            out.reserve(s.len() * 3);
            wide(s, out)
        }
        Units::Four(s) => {
            out.reserve(s.len() * 4);
            wide(s, out)
        }
    }
}

/// The UTF-8 length of the code units, or None when there is a surrogate.
fn utf8_len(u: Units) -> Option<usize> {
    fn wide<T: Copy + Into<u32>>(s: &[T]) -> Option<usize> {
        let mut n = 0;
        for &c in s {
            let c: u32 = c.into();
            n += match c {
                0..=0x7f => 1,
                0x80..=0x7ff => 2,
                0xd800..=0xdfff => return None,
                0x800..=0xffff => 3,
                _ => 4,
            };
        }
        Some(n)
    }
    match u {
        Units::One(s) => Some(s.len() + s.iter().filter(|&&b| b >= 0x80).count()),
        Units::Two(s) => wide(s),
        Units::Four(s) => wide(s),
    }
}

/// Writes the UTF-8 of surrogate-free code units into `out` (exactly `utf8_len` bytes).
fn write_utf8<T: Copy + Into<u32>>(s: &[T], out: &mut [u8]) {
    let mut k = 0;
    for &c in s {
        let c: u32 = c.into();
        if c < 0x80 {
            out[k] = c as u8;
            k += 1;
        } else if c < 0x800 {
            out[k] = 0xc0 | (c >> 6) as u8;
            out[k + 1] = 0x80 | (c & 0x3f) as u8;
            k += 2;
        } else if c < 0x10000 {
            out[k] = 0xe0 | (c >> 12) as u8;
            out[k + 1] = 0x80 | ((c >> 6) & 0x3f) as u8;
            out[k + 2] = 0x80 | (c & 0x3f) as u8;
            k += 3;
        } else {
            out[k] = 0xf0 | (c >> 18) as u8;
            out[k + 1] = 0x80 | ((c >> 12) & 0x3f) as u8;
            out[k + 2] = 0x80 | ((c >> 6) & 0x3f) as u8;
            out[k + 3] = 0x80 | (c & 0x3f) as u8;
            k += 4;
        }
    }
}

/// Encodes `op` strictly or raises CPython's `UnicodeEncodeError` ('utf-8' codec can't
/// encode ...: surrogates not allowed).
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn encode_utf8_strict(op: *mut PyObject) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    match encode_utf8(op, &mut out) {
        Ok(()) => Ok(out),
        Err((start, end)) => Err(raise_unicode_error(
            &raw mut exc::_PyExc_UnicodeEncodeError,
            "utf-8",
            op,
            start,
            end,
            "surrogates not allowed",
        )),
    }
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
        let Some(n) = utf8_len(units(op)) else {
            // Surrogates: the strict encoder finds them and raises.
            return Err(encode_utf8_strict(op).err().unwrap_or_else(no_memory));
        };
        // Freed with PyObject_Free by the str's dealloc.
        let buf = crate::object::pymem::PyObject_Malloc(n + 1) as *mut u8;
        if buf.is_null() {
            return Err(no_memory());
        }
        let out = core::slice::from_raw_parts_mut(buf, n);
        match units(op) {
            Units::One(s) => write_utf8(s, out),
            Units::Two(s) => write_utf8(s, out),
            Units::Four(s) => write_utf8(s, out),
        }
        *buf.add(n) = 0;
        (*c).utf8 = buf as *mut c_char;
        (*c).utf8_length = n as Py_ssize_t;
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
    match core::str::from_utf8(bytes) {
        Ok(text) => pystr::from_utf8(text),
        Err(e) => {
            let start = e.valid_up_to();
            let (end, reason) = match (bytes[start], e.error_len()) {
                (0x80..=0xc1 | 0xf5..=0xff, _) => (start + 1, "invalid start byte"),
                (_, None) => (bytes.len(), "unexpected end of data"),
                (_, Some(n)) => (start + n, "invalid continuation byte"),
            };
            let object = crate::objects::bytes::from_slice(bytes)?;
            // SAFETY: `object` is a live bytes.
            Err(unsafe {
                raise_unicode_error(&raw mut exc::_PyExc_UnicodeDecodeError, "utf-8", object.as_ptr(), start, end, reason)
            })
        }
    }
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
