//! The buffer protocol's generic C-API (`PyObject_GetBuffer`, `PyBuffer_FillInfo`,
//! `PyBuffer_Release`, `PyObject_CheckBuffer`) and bytes' `bf_getbuffer`: a read-only,
//! one-dimensional view of unsigned bytes.
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::buffer::{Py_buffer, PyBUF_FORMAT, PyBUF_ND, PyBUF_STRIDES, PyBUF_WRITABLE};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::bytes::{data_ptr, len};
use crate::pyport::Py_ssize_t;
use core::ffi::{c_char, c_int, c_void};

/// `int PyBuffer_FillInfo(Py_buffer *view, PyObject *exporter, void *buf, Py_ssize_t len,
/// int readonly, int flags)`: a contiguous byte view; BufferError when the caller wants to
/// write to a read-only one.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FillInfo(view: *mut Py_buffer, obj: *mut PyObject, buf: *mut c_void,
                                           len: Py_ssize_t, readonly: c_int, flags: c_int) -> c_int {
    if view.is_null() {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_BufferError,
                           "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if flags & PyBUF_WRITABLE == PyBUF_WRITABLE && readonly == 1 {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    let v = &mut *view;
    v.obj = if obj.is_null() { obj } else { new_ref(obj).into_ptr() };
    v.buf = buf;
    v.len = len;
    v.readonly = readonly;
    v.itemsize = 1;
    v.format = if flags & PyBUF_FORMAT == PyBUF_FORMAT { c"B".as_ptr() as *mut c_char } else { core::ptr::null_mut() };
    v.ndim = 1;
    v.shape = if flags & PyBUF_ND == PyBUF_ND { &raw mut v.len } else { core::ptr::null_mut() };
    v.strides = if flags & PyBUF_STRIDES == PyBUF_STRIDES { &raw mut v.itemsize } else { core::ptr::null_mut() };
    v.suboffsets = core::ptr::null_mut();
    v.internal = core::ptr::null_mut();
    0
}

/// bytes' `bf_getbuffer`.
pub(crate) unsafe extern "C" fn bytes_getbuffer(op: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    PyBuffer_FillInfo(view, op, data_ptr(op) as *mut c_void, len(op) as Py_ssize_t, 1, flags)
}

/// `int PyObject_CheckBuffer(PyObject *obj)`: whether the type exports buffers.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_CheckBuffer(obj: *mut PyObject) -> c_int {
    let pb = (*(*obj).ob_type).tp_as_buffer;
    (!pb.is_null() && (*pb).bf_getbuffer.is_some()) as c_int
}

/// `int PyObject_GetBuffer(PyObject *exporter, Py_buffer *view, int flags)`.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetBuffer(obj: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    let pb = (*(*obj).ob_type).tp_as_buffer;
    match if pb.is_null() { None } else { (*pb).bf_getbuffer } {
        Some(get) => get(obj, view, flags),
        None => {
            let _ = type_error(format!("a bytes-like object is required, not '{}'", tp_name(obj)));
            -1
        }
    }
}

/// `void PyBuffer_Release(Py_buffer *view)`: lets the exporter go; NULL `view->obj` is a
/// no-op.
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_Release(view: *mut Py_buffer) {
    let obj = (*view).obj;
    if obj.is_null() {
        return;
    }
    let pb = (*(*obj).ob_type).tp_as_buffer;
    if !pb.is_null() {
        if let Some(release) = (*pb).bf_releasebuffer {
            release(obj, view);
        }
    }
    (*view).obj = core::ptr::null_mut();
    drop(PyRef::from_owned(obj));
}

/// A copy of the bytes `op` exports, in C order for a strided exporter (None when it
/// exports no buffer; Some(Err) when exporting fails).
pub(crate) unsafe fn copy_buffer(op: *mut PyObject) -> Option<PyResult<Vec<u8>>> {
    if PyObject_CheckBuffer(op) == 0 {
        return None;
    }
    Some(crate::object::buffer_contig::View::get(op, crate::object::buffer::PyBUF_FULL_RO)
        .map(|v| crate::object::buffer_contig::to_contiguous_vec(&v.0, b'C')))
}
