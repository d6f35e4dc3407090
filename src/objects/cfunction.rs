//! Builtin function objects (CPython's cpython/methodobject.h): a `PyMethodDef` bound to a
//! `self` and, for `METH_METHOD`, to the defining class.
use crate::object::object::{PyObject, PyTypeObject};

use crate::object::slots::vectorcallfunc;

use crate::object::methods::PyMethodDef;

/// `PyCFunctionObject`: `m_ml` describes the C function; `m_self` is passed as its first
/// argument; `m_module` is the `__module__`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCFunctionObject {
    pub ob_base: PyObject,
    pub m_ml: *mut PyMethodDef,
    pub m_self: *mut PyObject,
    pub m_module: *mut PyObject,
    pub m_weakreflist: *mut PyObject,
    pub vectorcall: vectorcallfunc,
}
assert_layout!(PyCFunctionObject, size = 56, ob_base @ 0, m_ml @ 16, m_self @ 24,
               m_module @ 32, m_weakreflist @ 40, vectorcall @ 48);

/// `PyCMethodObject`: a `METH_METHOD` builtin, which also receives its defining class.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCMethodObject {
    pub func: PyCFunctionObject,
    pub mm_class: *mut PyTypeObject,
}
assert_layout!(PyCMethodObject, size = 64, func @ 0, mm_class @ 56);
