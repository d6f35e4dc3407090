//! `PyFloatObject` (CPython's cpython/floatobject.h).
use crate::object::object::PyObject;

/// `PyFloatObject`: a boxed C double.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyFloatObject {
    pub ob_base: PyObject,
    pub ob_fval: f64,
}
assert_layout!(PyFloatObject, size = 24, ob_base @ 0, ob_fval @ 16);
