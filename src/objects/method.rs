//! Bound methods and instance-method wrappers (CPython's cpython/classobject.h).
use crate::object::object::PyObject;

use crate::object::slots::vectorcallfunc;

/// `PyMethodObject`: a function bound to `im_self`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMethodObject {
    pub ob_base: PyObject,
    pub im_func: *mut PyObject,
    pub im_self: *mut PyObject,
    pub im_weakreflist: *mut PyObject,
    pub vectorcall: vectorcallfunc,
}
assert_layout!(PyMethodObject, size = 48, ob_base @ 0, im_func @ 16, im_self @ 24,
               im_weakreflist @ 32, vectorcall @ 40);

/// `PyInstanceMethodObject`: `instancemethod(func)`, binds like a function on lookup.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyInstanceMethodObject {
    pub ob_base: PyObject,
    pub func: *mut PyObject,
}
assert_layout!(PyInstanceMethodObject, size = 24, ob_base @ 0, func @ 16);
