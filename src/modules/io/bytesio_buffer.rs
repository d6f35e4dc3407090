//! `_io._BytesIOBuffer` (`_PyBytesIOBuffer_Type`): the object that `BytesIO.getbuffer()`'s
//! memoryview is a view of. It keeps its BytesIO alive and exports the BytesIO's bytes,
//! counting each export on the BytesIO so that the buffer is not resized under a view.
use core::ffi::{c_int, c_void};

use crate::errors::raised::{PyResult, Raised};
use crate::object::buffer::Py_buffer;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyBufferProcs};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};

#[repr(C)]
struct BytesIOBuffer {
    ob_base: PyObject,
    /// The BytesIO whose bytes are exported (owned; NULL in an object made by `tp_alloc`
    /// alone, which exports nothing).
    source: *mut PyObject,
}

unsafe fn source(op: *mut PyObject) -> *mut PyObject {
    (*(op as *mut BytesIOBuffer)).source
}

/// A new exporter of `bytesio`'s buffer.
pub(crate) unsafe fn new(bytesio: *mut PyObject) -> PyResult<PyRef> {
    let tp = &raw mut _PyBytesIOBuffer_Type;
    let op = PyRef::from_owned(((*tp).tp_alloc.expect("static alloc"))(tp, 0)).ok_or_else(Raised::assume_set)?;
    (*(op.as_ptr() as *mut BytesIOBuffer)).source = crate::abstract_::new_ref(bytesio).into_ptr();
    Ok(op)
}

unsafe extern "C" fn getbuffer(op: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    if view.is_null() {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_BufferError,
                           "bytesiobuf_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    let src = source(op);
    if src.is_null() {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_BufferError,
                           "bytesiobuf_getbuffer: no BytesIO to export");
        return -1;
    }
    crate::modules::io::bytesio::export_view(src, op, view, flags)
}

unsafe extern "C" fn releasebuffer(op: *mut PyObject, _view: *mut Py_buffer) {
    let src = source(op);
    if !src.is_null() {
        crate::modules::io::bytesio::release_view(src);
    }
}

unsafe extern "C" fn traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let src = source(op);
    match visit {
        Some(v) if !src.is_null() => v(src, arg),
        _ => 0,
    }
}

unsafe extern "C" fn dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op.cast());
    let src = core::mem::replace(&mut (*(op as *mut BytesIOBuffer)).source, core::ptr::null_mut());
    drop(PyRef::from_owned(src));
    crate::object::temp_alloc::free_gc_object(op.cast());
}

static mut BUFFER_PROCS: PyBufferProcs = PyBufferProcs { bf_getbuffer: Some(getbuffer), bf_releasebuffer: Some(releasebuffer) };

/// `_io._BytesIOBuffer`: made only by `BytesIO.getbuffer()` (no `tp_new`).
#[no_mangle]
pub static mut _PyBytesIOBuffer_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(dealloc),
    tp_as_buffer: &raw mut BUFFER_PROCS,
    tp_traverse: Some(traverse),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(c"_io._BytesIOBuffer", core::mem::size_of::<BytesIOBuffer>(), 0, Py_TPFLAGS_HAVE_GC, None)
};
