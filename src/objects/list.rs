//! `PyListObject` (CPython's cpython/listobject.h): a header plus a separately allocated
//! vector of item pointers.
use crate::object::object::{PyObject, PyVarObject};
use crate::pyport::Py_ssize_t;

/// `PyListObject`: `ob_size` items in use out of `allocated` slots of `ob_item`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyListObject {
    pub ob_base: PyVarObject,
    pub ob_item: *mut *mut PyObject,
    pub allocated: Py_ssize_t,
}
assert_layout!(PyListObject, size = 40, ob_base @ 0, ob_item @ 24, allocated @ 32);
