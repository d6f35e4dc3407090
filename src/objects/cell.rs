//! `PyCellObject` (CPython's cpython/cellobject.h): the box of a closure variable.
use crate::object::object::PyObject;

/// `PyCellObject`: `ob_ref` is the contained object, or NULL when empty.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCellObject {
    pub ob_base: PyObject,
    pub ob_ref: *mut PyObject,
}
assert_layout!(PyCellObject, size = 24, ob_base @ 0, ob_ref @ 16);
