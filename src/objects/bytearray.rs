//! `PyByteArrayObject` (CPython's cpython/bytearrayobject.h).
use crate::object::object::PyVarObject;
use crate::pyport::Py_ssize_t;
use core::ffi::c_char;

/// `PyByteArrayObject`: a resizable buffer; the logical content starts at `ob_start`
/// inside the `ob_alloc`-byte allocation `ob_bytes`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyByteArrayObject {
    pub ob_base: PyVarObject,
    pub ob_alloc: Py_ssize_t,
    pub ob_bytes: *mut c_char,
    pub ob_start: *mut c_char,
    pub ob_exports: Py_ssize_t,
}
assert_layout!(PyByteArrayObject, size = 56, ob_base @ 0, ob_alloc @ 24, ob_bytes @ 32,
               ob_start @ 40, ob_exports @ 48);

/// `_PyByteArray_empty_string`: what `PyByteArray_AS_STRING` (a static inline function
/// compiled into extensions) returns for an empty bytearray, so it must be exported data.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyByteArray_empty_string: [c_char; 1] = [0];
