//! TEMP(core-mem): the object allocator until branch `core-mem` lands on main. Every object
//! the type kernel creates is allocated and freed through these four functions, so switching
//! to `crate::object::objimpl::alloc_object` / `PyObject_Malloc` / `PyObject_Free` /
//! `PyObject_GC_Del` is one line each. The layout already matches CPython's (and core-mem's):
//! objects of GC types are preceded by a 16-byte `PyGC_Head`, which is zero (untracked).
use core::ffi::c_void;

use crate::object::object::{PyObject, PyVarObject};
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HEAPTYPE};
use crate::pyport::Py_ssize_t;

/// `sizeof(PyGC_Head)` in CPython 3.11: two `uintptr_t` before the object.
pub(crate) const GC_HEAD_SIZE: usize = 16;

/// A zero-filled object of `size` bytes (`size` already includes any items) with refcount
/// 1 and type `tp` (increfed when it is a heap type); NULL when memory is exhausted.
///
/// # Safety
/// `tp` is a live type object.
pub(crate) unsafe fn alloc_object_bytes(tp: *mut PyTypeObject, size: usize) -> *mut PyObject {
    let gc = (*tp).tp_flags & Py_TPFLAGS_HAVE_GC != 0;
    let pre = if gc { GC_HEAD_SIZE } else { 0 };
    let Some(total) = size.checked_add(pre) else { return core::ptr::null_mut() };
    // TEMP(core-mem): PyObject_Malloc / _PyObject_GC_Malloc.
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

/// An object of type `tp` sized for `nitems` items (`_PyObject_VAR_SIZE`), `ob_size` set
/// when the type has items.
///
/// # Safety
/// `tp` is a live type object.
pub(crate) unsafe fn alloc_object(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    let Some(size) = var_size(tp, nitems) else { return core::ptr::null_mut() };
    let op = alloc_object_bytes(tp, size);
    if !op.is_null() && (*tp).tp_itemsize != 0 {
        (*(op as *mut PyVarObject)).ob_size = nitems;
    }
    op
}

/// `_PyObject_VAR_SIZE(tp, nitems)`: basicsize plus the items, rounded up to a pointer.
pub(crate) unsafe fn var_size(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> Option<usize> {
    let basic = usize::try_from((*tp).tp_basicsize).ok()?;
    let item = usize::try_from((*tp).tp_itemsize).ok()?;
    let n = usize::try_from(nitems).ok()?;
    let raw = basic.checked_add(item.checked_mul(n)?)?;
    let align = core::mem::size_of::<*mut c_void>();
    raw.checked_add(align - 1).map(|s| s & !(align - 1))
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
