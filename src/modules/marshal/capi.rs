//! The `PyMarshal_*` C-API of CPython's `marshal.h`: the same format as the `marshal`
//! module, to and from a C `FILE *` or a memory buffer.
//!
//! Reading from a `FILE *` takes exactly the bytes of the value (`fread` of each field), so
//! the file position afterwards is just past it, as CPython's is. Writing to a file never
//! raises (the functions return `void`, as in CPython): a value that cannot be marshalled
//! leaves what was written so far in the file, as CPython's documentation warns.
use core::ffi::{c_char, c_int, c_long};

use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::bytes;
use crate::pyport::Py_ssize_t;

use super::read::{Reader, SliceSource, Source};
use super::write::Writer;

/// A C stream read with `fread`.
struct StreamSource(*mut libc::FILE);

impl Source for StreamSource {
    unsafe fn take(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let mut out = vec![0u8; n];
        let got = if n == 0 { 0 } else { libc::fread(out.as_mut_ptr().cast(), 1, n, self.0) };
        out.truncate(got);
        Ok(out)
    }
}

unsafe fn write_all(fp: *mut libc::FILE, data: &[u8]) {
    if !data.is_empty() {
        libc::fwrite(data.as_ptr().cast(), 1, data.len(), fp);
    }
}

/// `void PyMarshal_WriteLongToFile(long value, FILE *file, int version)`: the low 32 bits
/// of `value`, little-endian (the version does not change this format).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_WriteLongToFile(value: c_long, file: *mut libc::FILE, _version: c_int) {
    if file.is_null() {
        return;
    }
    write_all(file, &(value as i32).to_le_bytes());
}

/// `void PyMarshal_WriteObjectToFile(PyObject *value, FILE *file, int version)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_WriteObjectToFile(value: *mut PyObject, file: *mut libc::FILE, version: c_int) {
    if file.is_null() || value.is_null() {
        return;
    }
    let mut w = Writer::new(version);
    if w.object(value).is_err() {
        // CPython reports nothing here: the caller cannot see an error from a void function.
        crate::errors::pyerr::PyErr_Clear();
    }
    write_all(file, &w.out);
}

/// `PyObject *PyMarshal_WriteObjectToString(PyObject *value, int version)`: the bytes
/// `marshal.dumps(value, version)` returns.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_WriteObjectToString(value: *mut PyObject, version: c_int) -> *mut PyObject {
    if value.is_null() {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return core::ptr::null_mut();
    }
    ret_obj((|| {
        let mut w = Writer::new(version);
        w.object(value)?;
        bytes::from_slice(&w.out)
    })())
}

/// `int PyMarshal_ReadShortFromFile(FILE *file)`: a signed 16-bit little-endian value;
/// -1 with EOFError at the end of the file.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_ReadShortFromFile(file: *mut libc::FILE) -> c_int {
    if file.is_null() {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return -1;
    }
    match Reader::new(StreamSource(file)).exact(2) {
        Ok(b) => i16::from_le_bytes([b[0], b[1]]) as c_int,
        Err(_) => -1,
    }
}

/// `long PyMarshal_ReadLongFromFile(FILE *file)`: a signed 32-bit little-endian value;
/// -1 with EOFError at the end of the file.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_ReadLongFromFile(file: *mut libc::FILE) -> c_long {
    if file.is_null() {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return -1;
    }
    match Reader::new(StreamSource(file)).exact(4) {
        Ok(b) => i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as c_long,
        Err(_) => -1,
    }
}

unsafe fn read_value<S: Source>(src: S) -> PyResult<PyRef> {
    super::read_one(&mut Reader::new(src))
}

/// `PyObject *PyMarshal_ReadObjectFromFile(FILE *file)`: one value; the file is left just
/// after it.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_ReadObjectFromFile(file: *mut libc::FILE) -> *mut PyObject {
    if file.is_null() {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return core::ptr::null_mut();
    }
    ret_obj(read_value(StreamSource(file)))
}

/// `PyObject *PyMarshal_ReadLastObjectFromFile(FILE *file)`: one value, for a caller that
/// reads nothing more from the file: the rest of the file is read into memory and parsed
/// there (so short data is "marshal data too short", as CPython's).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_ReadLastObjectFromFile(file: *mut libc::FILE) -> *mut PyObject {
    if file.is_null() {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return core::ptr::null_mut();
    }
    let mut rest = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let got = libc::fread(chunk.as_mut_ptr().cast(), 1, chunk.len(), file);
        rest.extend_from_slice(&chunk[..got]);
        if got < chunk.len() {
            break;
        }
    }
    ret_obj(read_value(SliceSource { data: &rest, pos: 0 }))
}

/// `PyObject *PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len)`: what
/// `marshal.loads` returns for those bytes (extra bytes after the value are ignored).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMarshal_ReadObjectFromString(data: *const c_char, len: Py_ssize_t) -> *mut PyObject {
    if len < 0 || (data.is_null() && len > 0) {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return core::ptr::null_mut();
    }
    let slice = if len == 0 { &[][..] } else { core::slice::from_raw_parts(data as *const u8, len as usize) };
    ret_obj(read_value(SliceSource { data: slice, pos: 0 }))
}
