//! `PyTupleObject` (CPython's cpython/tupleobject.h): a fixed-size array of object
//! pointers allocated inline after the variable-size header.
use crate::object::object::{PyObject, PyVarObject};

/// `PyTupleObject`: `ob_size` item pointers follow the header (declared as a 1-item array,
/// the C idiom for a trailing variable-length array).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyTupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 1],
}
assert_layout!(PyTupleObject, size = 32, ob_base @ 0, ob_item @ 24);
