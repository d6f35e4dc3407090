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
