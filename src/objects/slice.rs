//! `PySliceObject` (CPython's sliceobject.h, outside the limited API).
use crate::object::object::PyObject;

/// `PySliceObject`: `start`, `stop`, `step` are arbitrary objects (`None` when omitted).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PySliceObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
}
assert_layout!(PySliceObject, size = 40, ob_base @ 0, start @ 16, stop @ 24, step @ 32);
