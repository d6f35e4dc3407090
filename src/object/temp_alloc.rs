//! TEMP(core-mem): the object allocator until branch `core-mem` lands on main. Every object
//! the type kernel creates is allocated and freed through the functions below, each named
//! after what replaces it, so that switching is one line per function:
//!
//! | here                  | core-mem (`src/object/objimpl.rs`)                               |
//! |-----------------------|------------------------------------------------------------------|
//! | `generic_alloc`       | `objimpl::alloc_object(tp, nitems)` (nitems + 1, GC-tracked)      |
//! | `gc_new_var`          | `_PyObject_GC_NewVar(tp, nitems)` (untracked)                     |
//! | `malloc_object`       | `PyObject_Malloc(size)` + `PyObject_Init(op, tp)`                 |
//! | `free_object`         | `PyObject_Free`                                                   |
//! | `free_gc_object`      | `PyObject_GC_Del`                                                 |
//!
//! The layout already matches CPython's (and core-mem's): objects of GC types are preceded
//! by a 16-byte `PyGC_Head`, zero here (untracked). Heap types with a managed dict do not
//! exist yet, so the managed-dict pre-header is not needed.
use core::ffi::c_void;

use crate::object::object::{PyObject, PyVarObject};
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HEAPTYPE};
use crate::pyport::Py_ssize_t;

/// `sizeof(PyGC_Head)` in CPython 3.11: two `uintptr_t` before the object.
const GC_HEAD_SIZE: usize = 16;

/// A zero-filled object of `size` bytes (`size` already includes any items) with refcount
/// 1 and type `tp` (increfed when it is a heap type); NULL when memory is exhausted.
unsafe fn alloc_zeroed(tp: *mut PyTypeObject, size: usize) -> *mut PyObject {
    let gc = (*tp).tp_flags & Py_TPFLAGS_HAVE_GC != 0;
    let pre = if gc { GC_HEAD_SIZE } else { 0 };
    let Some(total) = size.checked_add(pre) else { return core::ptr::null_mut() };
    let mem = libc::calloc(1, total.max(1)) as *mut u8;
    if mem.is_null() {
        return core::ptr::null_mut();
    }
    let op = mem.add(pre) as *mut PyObject;
    (*op).ob_refcnt = 1;
    (*op).ob_type = tp;
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
        (*tp).ob_base.ob_base.ob_refcnt += 1;
    }
    op
}

/// `_PyObject_VAR_SIZE(tp, nitems)`: basicsize plus the items, rounded up to a pointer.
unsafe fn var_size(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> Option<usize> {
    let basic = usize::try_from((*tp).tp_basicsize).ok()?;
    let item = usize::try_from((*tp).tp_itemsize).ok()?;
    let n = usize::try_from(nitems).ok()?;
    let raw = basic.checked_add(item.checked_mul(n)?)?;
    let align = core::mem::size_of::<*mut c_void>();
    raw.checked_add(align - 1).map(|s| s & !(align - 1))
}

/// An object of `tp` sized for `nitems` items (`ob_size` set when the type has items).
unsafe fn new_sized(tp: *mut PyTypeObject, room: Py_ssize_t, nitems: Py_ssize_t) -> *mut PyObject {
    let Some(size) = var_size(tp, room) else { return core::ptr::null_mut() };
    let op = alloc_zeroed(tp, size);
    if !op.is_null() && (*tp).tp_itemsize != 0 {
        (*(op as *mut PyVarObject)).ob_size = nitems;
    }
    op
}

/// What `PyType_GenericAlloc` does: zeroed, room for `nitems + 1` items.
/// TEMP(core-mem): `objimpl::alloc_object(tp, nitems)`, which also tracks GC objects.
///
/// # Safety
/// `tp` is a live type object and `nitems >= 0`.
pub(crate) unsafe fn generic_alloc(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    match nitems.checked_add(1) {
        Some(room) => new_sized(tp, room, nitems),
        None => core::ptr::null_mut(),
    }
}

/// A GC object of `tp` with exactly `nitems` items, not tracked.
/// TEMP(core-mem): `_PyObject_GC_NewVar(tp, nitems)` (`_PyObject_GC_New(tp)` for 0 items),
/// which does not zero the block: callers set every field.
///
/// # Safety
/// `tp` is a live GC type object and `nitems >= 0`.
pub(crate) unsafe fn gc_new_var(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    new_sized(tp, nitems, nitems)
}

/// A non-GC object of `size` bytes (header and data), zeroed.
/// TEMP(core-mem): `PyObject_Malloc(size)` then `PyObject_Init(op, tp)` (core-mem's
/// PyObject_Malloc does not zero: the caller must then set every header field it reads).
///
/// # Safety
/// `tp` is a live non-GC type object.
pub(crate) unsafe fn malloc_object(tp: *mut PyTypeObject, size: usize) -> *mut PyObject {
    alloc_zeroed(tp, size)
}

/// The `tp_free` of non-GC objects (CPython's `PyObject_Free`).
pub(crate) unsafe extern "C" fn free_object(op: *mut c_void) {
    // TEMP(core-mem): PyObject_Free.
    libc::free(op);
}

/// The `tp_free` of GC objects (CPython's `PyObject_GC_Del`): the GC head goes too.
pub(crate) unsafe extern "C" fn free_gc_object(op: *mut c_void) {
    // TEMP(core-mem): PyObject_GC_Del.
    if !op.is_null() {
        libc::free((op as *mut u8).sub(GC_HEAD_SIZE) as *mut c_void);
    }
}
