//! `PyBytesObject` (CPython's cpython/bytesobject.h).
use crate::object::object::PyVarObject;
use crate::pyport::Py_hash_t;
use core::ffi::c_char;

/// `PyBytesObject`: `ob_size` bytes plus a terminating NUL stored inline in `ob_sval`;
/// `ob_shash` caches the hash (-1 until computed).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyBytesObject {
    pub ob_base: PyVarObject,
    pub ob_shash: Py_hash_t,
    pub ob_sval: [c_char; 1],
}
assert_layout!(PyBytesObject, size = 40, ob_base @ 0, ob_shash @ 24, ob_sval @ 32);

/// `_PyBytesWriter`: the stack-allocated builder of the `_PyBytesWriter_*` functions; small
/// results stay in `small_buffer`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyBytesWriter {
    /// bytes or bytearray being built, or NULL while `small_buffer` is used.
    pub buffer: *mut crate::object::object::PyObject,
    pub allocated: crate::pyport::Py_ssize_t,
    pub min_size: crate::pyport::Py_ssize_t,
    pub use_bytearray: core::ffi::c_int,
    pub overallocate: core::ffi::c_int,
    pub use_small_buffer: core::ffi::c_int,
    pub small_buffer: [c_char; 512],
}
assert_layout!(_PyBytesWriter, size = 552, buffer @ 0, allocated @ 8, min_size @ 16,
               use_bytearray @ 24, overallocate @ 28, use_small_buffer @ 32,
               small_buffer @ 36);
