//! The type kernel's allocation entry points, now forwarding to the memory layer
//! (`src/object/objimpl.rs`, `src/object/pymem.rs`; they were TEMP(core-mem) stand-ins on
//! libc calloc/free until branch `core-mem` landed). The names are kept because the type
//! kernel compares `tp_free` with `free_object`; callers may call the memory layer directly.
//!
//! | here                  | memory layer                                                     |
//! |-----------------------|------------------------------------------------------------------|
//! | `generic_alloc`       | `objimpl::alloc_object(tp, nitems)` (nitems + 1, zeroed, GC-tracked) |
//! | `gc_new_var`          | `_PyObject_GC_New(tp)` / `_PyObject_GC_NewVar(tp, nitems)` (untracked, not zeroed) |
//! | `malloc_object`       | `PyObject_Malloc(size)` + `PyObject_Init(op, tp)` (not zeroed)    |
//! | `free_object`         | `PyObject_Free`                                                   |
//! | `free_gc_object`      | `PyObject_GC_Del`                                                 |
use core::ffi::c_void;

use crate::object::object::PyObject;
use crate::object::objimpl;
use crate::object::pymem::{PyObject_Free, PyObject_Malloc};
use crate::object::typeobject::PyTypeObject;
use crate::pyport::Py_ssize_t;

/// What `PyType_GenericAlloc` does: zeroed, room for `nitems + 1` items, and a GC object
/// tracked (as CPython 3.11's `PyType_GenericAlloc` does).
///
/// # Safety
/// `tp` is a live type object and `nitems >= 0`.
pub(crate) unsafe fn generic_alloc(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    objimpl::alloc_object(tp, nitems)
}

/// A GC object of `tp` with exactly `nitems` items, not tracked and not zeroed: callers
/// set every field. A type without items gets `_PyObject_GC_New` (no `ob_size` written).
///
/// # Safety
/// `tp` is a live GC type object and `nitems >= 0`.
pub(crate) unsafe fn gc_new_var(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    if nitems == 0 && (*tp).tp_itemsize == 0 {
        objimpl::_PyObject_GC_New(tp)
    } else {
        objimpl::_PyObject_GC_NewVar(tp, nitems) as *mut PyObject
    }
}

/// A non-GC object of `size` bytes (header and data), header initialised, the rest not
/// zeroed: the caller sets every field it reads.
///
/// # Safety
/// `tp` is a live non-GC type object.
pub(crate) unsafe fn malloc_object(tp: *mut PyTypeObject, size: usize) -> *mut PyObject {
    let op = PyObject_Malloc(size) as *mut PyObject;
    if op.is_null() {
        return op;
    }
    objimpl::PyObject_Init(op, tp)
}

/// The `tp_free` of non-GC objects (CPython's `PyObject_Free`).
pub(crate) unsafe extern "C" fn free_object(op: *mut c_void) {
    PyObject_Free(op)
}

/// The `tp_free` of GC objects (CPython's `PyObject_GC_Del`): the GC head goes too.
pub(crate) unsafe extern "C" fn free_gc_object(op: *mut c_void) {
    objimpl::PyObject_GC_Del(op)
}
