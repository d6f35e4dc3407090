//! `struct _PyWeakReference` (CPython's cpython/weakrefobject.h).
use crate::object::object::PyObject;
use crate::pyport::Py_hash_t;

use crate::object::slots::vectorcallfunc;

/// `struct _PyWeakReference` (`PyWeakReference`): `wr_object` is the referent, set to
/// `Py_None` once it dies; the references to one object form a doubly linked list through
/// `wr_prev`/`wr_next`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyWeakReference {
    pub ob_base: PyObject,
    pub wr_object: *mut PyObject,
    pub wr_callback: *mut PyObject,
    pub hash: Py_hash_t,
    pub wr_prev: *mut PyWeakReference,
    pub wr_next: *mut PyWeakReference,
    pub vectorcall: vectorcallfunc,
}
pub type PyWeakReference = _PyWeakReference;
assert_layout!(PyWeakReference, size = 64, ob_base @ 0, wr_object @ 16, wr_callback @ 24,
               hash @ 32, wr_prev @ 40, wr_next @ 48, vectorcall @ 56);
