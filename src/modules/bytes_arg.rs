//! Byte-buffer arguments of the binary modules (`_struct`, `binascii`, `marshal`, `zlib`,
//! `array`): a contiguous view held for the call, with CPython's TypeErrors for objects
//! that export no buffer or no writable one.
use crate::abstract_::{tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::buffer::{PyBUF_SIMPLE, PyBUF_WRITABLE};
use crate::object::buffer_contig::View;
use crate::object::object::PyObject;
use crate::objects::bytes_buffer::PyObject_CheckBuffer;

/// A contiguous buffer of an argument, released on drop.
pub(crate) struct Bytes(View);

impl Bytes {
    pub(crate) fn as_slice(&self) -> &[u8] {
        let v = &self.0 .0;
        if v.len <= 0 || v.buf.is_null() {
            return &[];
        }
        // SAFETY: the exporter keeps `len` bytes at `buf` alive while the view is held.
        unsafe { core::slice::from_raw_parts(v.buf as *const u8, v.len as usize) }
    }

    pub(crate) fn as_mut_slice(&mut self) -> &mut [u8] {
        let v = &self.0 .0;
        if v.len <= 0 || v.buf.is_null() {
            return &mut [];
        }
        // SAFETY: as in `as_slice`; the view was requested writable.
        unsafe { core::slice::from_raw_parts_mut(v.buf as *mut u8, v.len as usize) }
    }
}

/// `obj`'s bytes, read-only ("a bytes-like object is required, not 'T'" otherwise).
pub(crate) unsafe fn read(obj: *mut PyObject) -> PyResult<Bytes> {
    View::get(obj, PyBUF_SIMPLE).map(Bytes)
}

/// `obj`'s bytes, writable ("argument must be read-write bytes-like object, not T").
pub(crate) unsafe fn write(obj: *mut PyObject) -> PyResult<Bytes> {
    if PyObject_CheckBuffer(obj) == 0 {
        return Err(type_error(format!("argument must be read-write bytes-like object, not {}", tp_name(obj))));
    }
    match View::get(obj, PyBUF_WRITABLE) {
        Ok(v) => Ok(Bytes(v)),
        Err(e) => {
            if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut crate::errors::exception_types::_PyExc_BufferError as *mut PyObject) != 0 {
                crate::errors::pyerr::PyErr_Clear();
                return Err(type_error(format!("argument must be read-write bytes-like object, not {}", tp_name(obj))));
            }
            Err(e)
        }
    }
}
