//! The default `tp_alloc` and `tp_new`: `PyType_GenericAlloc`, `PyType_GenericNew`.
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory};
use crate::object::temp_alloc;
use crate::object::typeobject::PyTypeObject;
use crate::pyport::Py_ssize_t;

/// `PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)`: a zero-filled
/// instance of `type` with room for `nitems` items plus one (CPython allocates a spare
/// item, which code that writes a sentinel relies on), refcount 1, `ob_size` = `nitems`
/// for types with items; GC types get their GC header. NULL with MemoryError when memory
/// is exhausted.
#[no_mangle]
pub unsafe extern "C" fn PyType_GenericAlloc(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    if tp.is_null() || nitems < 0 {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let op = temp_alloc::generic_alloc(tp, nitems);
    if op.is_null() {
        let _ = no_memory();
    }
    op
}

/// `PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)`:
/// `type->tp_alloc(type, 0)`, ignoring the arguments.
#[no_mangle]
pub unsafe extern "C" fn PyType_GenericNew(
    tp: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let _ = (args, kwds); // accepted and ignored, as CPython does
    if tp.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match (*tp).tp_alloc {
        Some(alloc) => alloc(tp, 0),
        None => PyType_GenericAlloc(tp, 0),
    }
}
