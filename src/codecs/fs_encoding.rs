//! The filesystem encoding (UTF-8 with `surrogateescape`, what CPython 3.11 uses on Linux):
//! `PyUnicode_EncodeFSDefault`, `PyUnicode_DecodeFSDefault(AndSize)`, and the
//! `PyArg_Parse*` converters `PyUnicode_FSConverter`/`PyUnicode_FSDecoder` (which also
//! release their result when called with NULL, `Py_CLEANUP_SUPPORTED`).
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::codecs::error_mode::ErrorMode;
use crate::codecs::utf8;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr};
use crate::pyport::Py_ssize_t;

/// `Py_CLEANUP_SUPPORTED`: a converter's "call me again with NULL to clean up" answer.
const CLEANUP_SUPPORTED: c_int = 0x20000;

const SURROGATEESCAPE: ErrorMode<'static> = ErrorMode { mode: crate::codecs::error_mode::Mode::SurrogateEscape, name: "surrogateescape" };

/// Encodes a str with the filesystem encoding.
pub(crate) unsafe fn encode(s: *mut PyObject) -> PyResult<PyRef> {
    utf8::encode(s, SURROGATEESCAPE)
}

/// Decodes bytes with the filesystem encoding.
pub(crate) unsafe fn decode(data: &[u8]) -> PyResult<PyRef> {
    utf8::decode(data, core::ptr::null_mut(), SURROGATEESCAPE, None)
}

/// `PyObject *PyUnicode_EncodeFSDefault(PyObject *unicode)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_EncodeFSDefault(unicode: *mut PyObject) -> *mut PyObject {
    ret_obj(utf8::str_arg(unicode).and_then(|s| encode(s)))
}

/// `PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeFSDefaultAndSize(s: *const c_char, size: Py_ssize_t) -> *mut PyObject {
    ret_obj(utf8::c_buffer(s, size).and_then(|d| decode(d)))
}

/// `PyObject *PyUnicode_DecodeFSDefault(const char *s)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeFSDefault(s: *const c_char) -> *mut PyObject {
    if s.is_null() {
        return ret_obj(Err(bad_internal_call()));
    }
    ret_obj(decode(CStr::from_ptr(s).to_bytes()))
}

/// `os.fspath(arg)`: str and bytes as they are, else `__fspath__`'s str or bytes; None
/// when there is no `__fspath__`.
pub(crate) unsafe fn fspath(arg: *mut PyObject) -> PyResult<Option<PyRef>> {
    if pystr::is_str(arg) || bytes::is_bytes(arg) {
        return Ok(PyRef::from_borrowed(arg));
    }
    let name = pystr::intern("__fspath__")?;
    let f = crate::object::type_cache::_PyType_Lookup((*arg).ob_type, name.as_ptr());
    if f.is_null() {
        return Ok(None);
    }
    let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(f, arg)).ok_or_else(Raised::assume_set)?;
    if !pystr::is_str(r.as_ptr()) && !bytes::is_bytes(r.as_ptr()) {
        return Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            tp_name(arg),
            tp_name(r.as_ptr())
        )));
    }
    Ok(Some(r))
}

/// Releases a converter's previous result (the cleanup call with NULL).
unsafe fn cleanup(addr: *mut c_void) -> c_int {
    let slot = addr as *mut *mut PyObject;
    if !slot.is_null() {
        drop(PyRef::from_owned(core::mem::replace(&mut *slot, core::ptr::null_mut())));
    }
    1
}

/// `int PyUnicode_FSConverter(PyObject *arg, void *addr)`: `*addr` = the bytes of a str,
/// bytes or path-like object (no NUL inside).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FSConverter(arg: *mut PyObject, addr: *mut c_void) -> c_int {
    if arg.is_null() {
        return cleanup(addr);
    }
    let r = (|| {
        let Some(path) = fspath(arg)? else {
            return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", tp_name(arg))));
        };
        let out = if pystr::is_str(path.as_ptr()) { encode(path.as_ptr())? } else { path };
        if bytes::as_slice(out.as_ptr()).contains(&0) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "embedded null byte"));
        }
        Ok(out)
    })();
    match r {
        Ok(out) => {
            *(addr as *mut *mut PyObject) = out.into_ptr();
            CLEANUP_SUPPORTED
        }
        Err(_) => 0,
    }
}

/// `int PyUnicode_FSDecoder(PyObject *arg, void *addr)`: `*addr` = the str of a str,
/// bytes or path-like object (no NUL inside).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FSDecoder(arg: *mut PyObject, addr: *mut c_void) -> c_int {
    if arg.is_null() {
        return cleanup(addr);
    }
    let r = (|| {
        let Some(path) = fspath(arg)? else {
            return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", tp_name(arg))));
        };
        let out = if bytes::is_bytes(path.as_ptr()) { decode(bytes::as_slice(path.as_ptr()))? } else { path };
        let v = crate::codecs::str_view::StrView::new(out.as_ptr());
        if (0..v.len).any(|i| v.get(i) == 0) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "embedded null character"));
        }
        Ok(out)
    })();
    match r {
        Ok(out) => {
            *(addr as *mut *mut PyObject) = out.into_ptr();
            CLEANUP_SUPPORTED
        }
        Err(_) => 0,
    }
}
