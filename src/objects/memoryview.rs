//! `_PyManagedBufferObject` and `PyMemoryViewObject` (CPython 3.11's memoryobject.h,
//! outside the limited API).
use crate::object::buffer::Py_buffer;
use crate::object::object::{PyObject, PyVarObject};
use crate::pyport::{Py_hash_t, Py_ssize_t};
use core::ffi::c_int;


/// `_PyManagedBufferObject.flags` bits.
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MANAGED_BUFFER_RELEASED: c_int = 0x001;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MANAGED_BUFFER_FREE_FORMAT: c_int = 0x002;

/// `_PyManagedBufferObject`: owns the exporter's buffer (`master`) on behalf of every
/// memoryview made from it; `exports` counts those views.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyManagedBufferObject {
    pub ob_base: PyObject,
    pub flags: c_int,
    pub exports: Py_ssize_t,
    pub master: Py_buffer,
}
assert_layout!(_PyManagedBufferObject, size = 112, ob_base @ 0, flags @ 16, exports @ 24,
               master @ 32);

/// `PyMemoryViewObject.flags` bits.
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_RELEASED: c_int = 0x001;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_C: c_int = 0x002;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_FORTRAN: c_int = 0x004;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_SCALAR: c_int = 0x008;
#[cfg(not(Py_LIMITED_API))]
pub const _Py_MEMORYVIEW_PIL: c_int = 0x010;

/// `PyMemoryViewObject`: a view (`view`) onto a managed buffer; `ob_array` holds the
/// shape, strides and suboffsets (3 * ndim entries, `ob_size` of them).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMemoryViewObject {
    pub ob_base: PyVarObject,
    pub mbuf: *mut _PyManagedBufferObject,
    pub hash: Py_hash_t,
    pub flags: c_int,
    pub exports: Py_ssize_t,
    pub view: Py_buffer,
    pub weakreflist: *mut PyObject,
    pub ob_array: [Py_ssize_t; 1],
}
assert_layout!(PyMemoryViewObject, size = 152, ob_base @ 0, mbuf @ 24, hash @ 32, flags @ 40,
               exports @ 48, view @ 56, weakreflist @ 136, ob_array @ 144);
