//! What the builtin iterator types (enumerate, reversed, zip, map, filter) share: their
//! allocation, tp_dealloc/tp_traverse over their object fields, and argument checks.
use core::ffi::{c_int, c_void};

use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::objimpl::PyObject_GC_UnTrack;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::typeobject::PyTypeObject;
use crate::objects::dict;

/// A zeroed, GC-tracked instance of `tp` from its `tp_alloc`.
pub(crate) unsafe fn alloc(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let f = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    PyRef::from_owned(f(tp, 0)).ok_or_else(Raised::assume_set)
}

/// CPython's `_PyArg_NoKeywords(name, kwargs)`.
pub(crate) unsafe fn no_keywords(name: &str, kwds: *mut PyObject) -> PyResult<()> {
    if !kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0 {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Whether `tp.__new__` refuses keywords as CPython's builtin constructors do: for the
/// exact type, and for a subclass that keeps the base's `__init__` (a subclass with its
/// own `__init__` may take keywords there).
pub(crate) unsafe fn refuses_keywords(tp: *mut PyTypeObject, exact: *mut PyTypeObject) -> bool {
    tp == exact || (*tp).tp_init.map(|f| f as usize) == (*exact).tp_init.map(|f| f as usize)
}

/// The object fields of an iterator object: `count` pointers right after the header.
unsafe fn fields<'a>(op: *mut PyObject, count: usize) -> &'a mut [*mut PyObject] {
    core::slice::from_raw_parts_mut((op as *mut u8).add(core::mem::size_of::<PyObject>()) as *mut *mut PyObject, count)
}

/// Deallocates an iterator whose first `count` fields after the header are object pointers.
pub(crate) unsafe fn dealloc_fields(op: *mut PyObject, count: usize) {
    PyObject_GC_UnTrack(op as *mut c_void);
    for p in fields(op, count) {
        drop(PyRef::from_owned(core::mem::replace(p, core::ptr::null_mut())));
    }
    // A subclass instance's reference to its heap type is released by subtype_dealloc
    // after this (static base) dealloc, as in CPython.
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::temp_alloc::free_gc_object(op as *mut c_void),
    }
}

/// `dealloc_fields` inside the trashcan: iterators that wrap iterators (`filter(f, filter(...))`
/// a million deep) are freed without recursing a million C frames deep. `dealloc` is the
/// calling type's own dealloc.
pub(crate) unsafe fn dealloc_fields_nested(op: *mut PyObject, count: usize, dealloc: unsafe extern "C" fn(*mut PyObject)) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::gc::trashcan::with_trashcan(op, dealloc, || dealloc_fields(op, count));
}

/// Visits the first `count` object fields.
pub(crate) unsafe fn traverse_fields(op: *mut PyObject, count: usize, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(v) = visit else { return 0 };
    for &p in fields(op, count).iter() {
        if !p.is_null() {
            let r = v(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}
