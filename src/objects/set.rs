//! `setentry` and `PySetObject` (CPython's cpython/setobject.h).
use crate::object::object::PyObject;
use crate::pyport::{Py_hash_t, Py_ssize_t};
use core::ffi::c_int;

/// Slots of the table embedded in every set (small sets need no separate allocation).
#[cfg(not(Py_LIMITED_API))]
pub const PySet_MINSIZE: c_int = 8;

/// `setentry`: one hash-table slot (unused: key NULL; dummy: hash -1).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct setentry {
    pub key: *mut PyObject,
    pub hash: Py_hash_t,
}
assert_layout!(setentry, size = 16, key @ 0, hash @ 8);

/// `PySetObject`: open-addressing table of `mask + 1` slots, `fill` active+dummy, `used`
/// active; `hash` caches a frozenset's hash.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PySetObject {
    pub ob_base: PyObject,
    pub fill: Py_ssize_t,
    pub used: Py_ssize_t,
    pub mask: Py_ssize_t,
    pub table: *mut setentry,
    pub hash: Py_hash_t,
    pub finger: Py_ssize_t,
    pub smalltable: [setentry; PySet_MINSIZE as usize],
    pub weakreflist: *mut PyObject,
}
assert_layout!(PySetObject, size = 200, ob_base @ 0, fill @ 16, used @ 24, mask @ 32,
               table @ 40, hash @ 48, finger @ 56, smalltable @ 64, weakreflist @ 192);
