//! The encoding units of `PyArg_Parse*`: `es`, `et`, `es#`, `et#` (a str encoded into a
//! buffer the parser allocates with `PyMem_Malloc`, or into the caller's buffer with `#`;
//! `et` passes bytes and bytearray through unchanged).
use core::ffi::{c_char, CStr};

use crate::abstract_::arg_units::{expected, push_mem, ssize_t_clean_error, Cleanups, Fail, Mode};
use crate::abstract_::arg_va::Va;
use crate::errors::exception_types::_PyExc_ValueError;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{bytes, str as pystr};
use crate::pyport::Py_ssize_t;

/// The bytes of `arg` under `encoding` (NULL: UTF-8), as `PyUnicode_AsEncodedString` gives them.
unsafe fn encode(arg: *mut PyObject, encoding: *const c_char) -> Result<Vec<u8>, Fail> {
    let name = if encoding.is_null() { None } else { Some(CStr::from_ptr(encoding).to_str().unwrap_or("\u{fffd}")) };
    let b = crate::codecs::generic::encode_text(arg, name, None)?;
    Ok(bytes::as_slice(b.as_ptr()).to_vec())
}

/// Converts `arg` by an `e` unit: `pass_bytes` for `et`, `sized` for a `#` suffix.
pub(crate) unsafe fn convert_encoded(
    arg: *mut PyObject,
    pass_bytes: bool,
    sized: bool,
    va: &mut Va,
    mode: Mode,
    cleanups: &mut Cleanups,
) -> Result<(), Fail> {
    let encoding = va.ptr::<c_char>() as *const c_char;
    let buffer = va.ptr::<*mut c_char>();
    let owned;
    let data: &[u8] = if pass_bytes && bytes::is_bytes(arg) {
        bytes::as_slice(arg)
    } else if pass_bytes && crate::abstract_::arg_va::is_bytearray(arg) {
        // `et` passes a bytearray's bytes through as well, as CPython does.
        owned = crate::objects::bytearray::as_slice(arg).to_vec();
        &owned
    } else if pystr::is_str(arg) {
        owned = encode(arg, encoding)?;
        &owned
    } else if pass_bytes {
        return Err(expected("str, bytes or bytearray", arg));
    } else {
        return Err(expected("str", arg));
    };
    let n = data.len();
    if sized {
        if !mode.size_t {
            return Err(ssize_t_clean_error());
        }
        let len = va.ptr::<Py_ssize_t>();
        if (*buffer).is_null() {
            *buffer = alloc_copy(data)?;
            push_mem(cleanups, buffer);
        } else {
            if n as Py_ssize_t + 1 > *len {
                let _ = raise_type(
                    &raw mut _PyExc_ValueError,
                    format!("encoded string too long ({n}, maximum length {})", *len - 1),
                );
                return Err(Fail::Raised);
            }
            core::ptr::copy_nonoverlapping(data.as_ptr(), *buffer as *mut u8, n);
            *(*buffer).add(n) = 0;
        }
        *len = n as Py_ssize_t;
    } else {
        if data.contains(&0) {
            return Err(expected("encoded string without null bytes", arg));
        }
        *buffer = alloc_copy(data)?;
        push_mem(cleanups, buffer);
    }
    Ok(())
}

/// A NUL-terminated `PyMem_Malloc` copy of `data`.
unsafe fn alloc_copy(data: &[u8]) -> Result<*mut c_char, Fail> {
    let p = crate::object::pymem::PyMem_Malloc(data.len() + 1) as *mut u8;
    if p.is_null() {
        return Err(crate::object::pending_error::no_memory().into());
    }
    core::ptr::copy_nonoverlapping(data.as_ptr(), p, data.len());
    *p.add(data.len()) = 0;
    Ok(p as *mut c_char)
}
