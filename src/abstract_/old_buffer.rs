//! The old buffer API (deprecated since 3.0, still in the stable ABI):
//! `PyObject_AsCharBuffer`, `AsReadBuffer`, `AsWriteBuffer`, `CheckReadBuffer`. Each takes
//! a simple buffer view, copies out its pointer and length, and releases the view at once
//! (the pointer stays valid only as long as the exporter keeps its memory, as in CPython).
use core::ffi::{c_char, c_int, c_void};

use crate::abstract_::{null_error, type_error};
use crate::object::buffer::{Py_buffer, PyBUF_SIMPLE, PyBUF_WRITABLE};
use crate::object::object::PyObject;
use crate::objects::bytes_buffer::{PyBuffer_Release, PyObject_GetBuffer};
use crate::pyport::Py_ssize_t;

/// The exporter's `bf_getbuffer`, when its type has one.
unsafe fn getbuffer(obj: *mut PyObject) -> Option<unsafe extern "C" fn(*mut PyObject, *mut Py_buffer, c_int) -> c_int> {
    let pb = (*(*obj).ob_type).tp_as_buffer;
    if pb.is_null() {
        None
    } else {
        (*pb).bf_getbuffer
    }
}

/// Fills `*buffer`/`*len` from a `flags` view of `obj`; -1 with the exporter's error.
unsafe fn view_of(obj: *mut PyObject, buffer: *mut *mut c_void, len: *mut Py_ssize_t, flags: c_int) -> c_int {
    if obj.is_null() || buffer.is_null() || len.is_null() {
        let _ = null_error();
        return -1;
    }
    let mut view: Py_buffer = core::mem::zeroed();
    if PyObject_GetBuffer(obj, &mut view, flags) != 0 {
        return -1;
    }
    *buffer = view.buf;
    *len = view.len;
    PyBuffer_Release(&mut view);
    0
}

/// `int PyObject_AsCharBuffer(PyObject *obj, const char **buffer, Py_ssize_t
/// *buffer_len)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_AsCharBuffer(obj: *mut PyObject, buffer: *mut *const c_char, buffer_len: *mut Py_ssize_t) -> c_int {
    view_of(obj, buffer as *mut *mut c_void, buffer_len, PyBUF_SIMPLE)
}

/// `int PyObject_AsReadBuffer(PyObject *obj, const void **buffer, Py_ssize_t
/// *buffer_len)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_AsReadBuffer(obj: *mut PyObject, buffer: *mut *const c_void, buffer_len: *mut Py_ssize_t) -> c_int {
    view_of(obj, buffer as *mut *mut c_void, buffer_len, PyBUF_SIMPLE)
}

/// `int PyObject_AsWriteBuffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)`:
/// any failure to get a writable view is "expected a writable bytes-like object".
#[no_mangle]
pub unsafe extern "C" fn PyObject_AsWriteBuffer(obj: *mut PyObject, buffer: *mut *mut c_void, buffer_len: *mut Py_ssize_t) -> c_int {
    if obj.is_null() || buffer.is_null() || buffer_len.is_null() {
        let _ = null_error();
        return -1;
    }
    let Some(get) = getbuffer(obj) else {
        let _ = type_error("expected a writable bytes-like object");
        return -1;
    };
    let mut view: Py_buffer = core::mem::zeroed();
    if get(obj, &mut view, PyBUF_WRITABLE) != 0 {
        crate::errors::pyerr::PyErr_Clear();
        let _ = type_error("expected a writable bytes-like object");
        return -1;
    }
    *buffer = view.buf;
    *buffer_len = view.len;
    PyBuffer_Release(&mut view);
    0
}

/// `int PyObject_CheckReadBuffer(PyObject *obj)`: 1 when a simple view can be taken
/// (it is released again), else 0 with no error set.
#[no_mangle]
pub unsafe extern "C" fn PyObject_CheckReadBuffer(obj: *mut PyObject) -> c_int {
    if obj.is_null() {
        return 0;
    }
    let Some(get) = getbuffer(obj) else { return 0 };
    let mut view: Py_buffer = core::mem::zeroed();
    if get(obj, &mut view, PyBUF_SIMPLE) != 0 {
        crate::errors::pyerr::PyErr_Clear();
        return 0;
    }
    PyBuffer_Release(&mut view);
    1
}
