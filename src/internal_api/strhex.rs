//! `_Py_strhex*`: a byte buffer in lowercase hex digits, as a str or bytes, optionally with a
//! separator between groups (the hash objects' `hexdigest`, `binascii.hexlify`); and the
//! `Py_hexdigits` table CPython's modules index.
use core::ffi::c_char;

use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bytes_methods::{hex_separator, hex_text};
use crate::pyport::Py_ssize_t;

/// `const char *Py_hexdigits`: "0123456789abcdef".
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut Py_hexdigits: *const c_char = c"0123456789abcdef".as_ptr();

unsafe fn hex_of(argbuf: *const c_char, arglen: Py_ssize_t, sep: *mut PyObject, bytes_per_sep: Py_ssize_t, as_bytes: bool) -> PyResult<PyRef> {
    let data: &[u8] = if arglen <= 0 || argbuf.is_null() { &[] } else { core::slice::from_raw_parts(argbuf as *const u8, arglen as usize) };
    let sep = if sep.is_null() { None } else { Some(hex_separator(sep, as_bytes)?) };
    let text = hex_text(data, sep, bytes_per_sep);
    if as_bytes {
        crate::objects::bytes::from_slice(&text)
    } else {
        // ASCII unless `as_bytes` (hex_separator refused other separators).
        crate::objects::str::from_utf8(core::str::from_utf8(&text).unwrap_or_default())
    }
}

/// `PyObject *_Py_strhex(const char *argbuf, Py_ssize_t arglen)`: a str.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_strhex(argbuf: *const c_char, arglen: Py_ssize_t) -> *mut PyObject {
    ret_obj(hex_of(argbuf, arglen, core::ptr::null_mut(), 0, false))
}

/// `PyObject *_Py_strhex_bytes(const char *argbuf, Py_ssize_t arglen)`: bytes.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_strhex_bytes(argbuf: *const c_char, arglen: Py_ssize_t) -> *mut PyObject {
    ret_obj(hex_of(argbuf, arglen, core::ptr::null_mut(), 0, true))
}

/// `PyObject *_Py_strhex_with_sep(const char *argbuf, Py_ssize_t arglen, PyObject *sep,
/// int bytes_per_sep_group)`: a str; `sep` one ASCII character (str or bytes) or NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_strhex_with_sep(argbuf: *const c_char, arglen: Py_ssize_t, sep: *mut PyObject, bytes_per_sep: core::ffi::c_int) -> *mut PyObject {
    ret_obj(hex_of(argbuf, arglen, sep, bytes_per_sep as Py_ssize_t, false))
}

/// `PyObject *_Py_strhex_bytes_with_sep(const char *argbuf, Py_ssize_t arglen, PyObject *sep,
/// int bytes_per_sep_group)`: bytes; `sep` may be any single byte.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_strhex_bytes_with_sep(argbuf: *const c_char, arglen: Py_ssize_t, sep: *mut PyObject, bytes_per_sep: core::ffi::c_int) -> *mut PyObject {
    ret_obj(hex_of(argbuf, arglen, sep, bytes_per_sep as Py_ssize_t, true))
}
