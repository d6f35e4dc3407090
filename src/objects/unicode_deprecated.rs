//! Deprecated str codec entry points kept in the stable ABI: `PyUnicode_GetDefaultEncoding`,
//! `PyUnicode_AsDecodedUnicode`, `PyUnicode_AsEncodedUnicode` (str to str through the codec
//! registry, as rot13 does). Each call warns with CPython's DeprecationWarning after the
//! argument check.
use core::ffi::c_char;

use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::codecs::error_mode::c_name;
use crate::codecs::registry;
use crate::codecs::utf8::str_arg;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str as pystr;

/// `const char *PyUnicode_GetDefaultEncoding(void)`: always UTF-8 since Python 3.
#[no_mangle]
pub extern "C" fn PyUnicode_GetDefaultEncoding() -> *const c_char {
    c"utf-8".as_ptr()
}

unsafe fn deprecated(message: &core::ffi::CStr) -> PyResult<()> {
    let category = crate::errors::exception_types::PyExc_DeprecationWarning;
    if crate::errors::warnings::PyErr_WarnEx(category, message.as_ptr(), 1) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// The codec's result when it is a str; CPython's TypeError otherwise, naming the type of
/// `named` (CPython 3.11's decoder message names its input's type, the encoder's its
/// result's).
unsafe fn str_result(r: PyRef, named: *mut PyObject, encoding: &str, role: &str, function: &str) -> PyResult<PyRef> {
    if pystr::is_str(r.as_ptr()) {
        return Ok(r);
    }
    Err(type_error(format!(
        "'{encoding:.400}' {role} returned '{:.400}' instead of 'str'; use codecs.{function}() to {function} to arbitrary types",
        tp_name(named)
    )))
}

/// `PyObject *PyUnicode_AsDecodedUnicode(PyObject *unicode, const char *encoding, const
/// char *errors)` (deprecated): `codecs.decode(unicode)`, which must give a str.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsDecodedUnicode(unicode: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let s = str_arg(unicode)?;
        deprecated(c"PyUnicode_AsDecodedUnicode() is deprecated; use PyCodec_Decode() to decode from str to str")?;
        let encoding = c_name(encoding).unwrap_or("utf-8");
        str_result(registry::decode(s, encoding, c_name(errors))?, s, encoding, "decoder", "decode")
    })())
}

/// `PyObject *PyUnicode_AsEncodedUnicode(PyObject *unicode, const char *encoding, const
/// char *errors)` (deprecated): `codecs.encode(unicode)`, which must give a str.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsEncodedUnicode(unicode: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let s = str_arg(unicode)?;
        deprecated(c"PyUnicode_AsEncodedUnicode() is deprecated; use PyCodec_Encode() to encode from str to str")?;
        let encoding = c_name(encoding).unwrap_or("utf-8");
        let r = registry::encode(s, encoding, c_name(errors))?;
        let named = r.as_ptr();
        str_result(r, named, encoding, "encoder", "encode")
    })())
}
