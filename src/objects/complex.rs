//! `Py_complex` and `PyComplexObject` (CPython's cpython/complexobject.h).
use crate::object::object::PyObject;

/// `Py_complex`: the C value of a complex number, also used by the `_Py_c_*` arithmetic.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Py_complex {
    pub real: f64,
    pub imag: f64,
}
assert_layout!(Py_complex, size = 16, real @ 0, imag @ 8);

/// `PyComplexObject`: a boxed `Py_complex`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyComplexObject {
    pub ob_base: PyObject,
    pub cval: Py_complex,
}
assert_layout!(PyComplexObject, size = 32, ob_base @ 0, cval @ 16);
