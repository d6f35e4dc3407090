//! The object header (`PyObject`, `PyVarObject`) of CPython's `object.h`.
use crate::pyport::Py_ssize_t;

/// `struct _object`: every Python object starts with this header.
#[repr(C)]
pub struct _object {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut PyTypeObject,
}
pub type PyObject = _object;
assert_layout!(PyObject, size = 16, ob_refcnt @ 0, ob_type @ 8);

/// `PyVarObject`: the header of variable-size objects (`ob_size` items follow).
#[repr(C)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Py_ssize_t,
}
assert_layout!(PyVarObject, size = 24, ob_base @ 0, ob_size @ 16);

/// Until `struct _typeobject` is declared (object/typeobject.rs), the type pointer is
/// opaque to Rust.
pub enum PyTypeObject {}
