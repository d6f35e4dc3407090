//! Object allocation (objimpl.h): initialising object headers, allocating objects sized
//! from their type, and the GC family, which puts a `PyGC_Head` (src/gc/head.rs) before
//! every object of a `Py_TPFLAGS_HAVE_GC` type.
//!
//! Memory layout of an object, as in CPython 3.11 (the "pre-header" is what comes before
//! the `PyObject`, allocated and freed with it through the object domain):
//!
//! ```text
//! [values*][dict*]  only for Py_TPFLAGS_MANAGED_DICT types (16 bytes)
//! [PyGC_Head]       only for Py_TPFLAGS_HAVE_GC types (16 bytes)
//! PyObject ...      tp_basicsize (+ n * tp_itemsize, rounded up to a pointer)
//! ```
use core::ffi::{c_int, c_void};
use core::ptr;

use crate::gc::head as gc;
use crate::object::object::{PyObject, PyVarObject, _object};
use crate::object::pymem::{PyObject_Free, PyObject_Malloc, PyObject_Realloc};
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_MANAGED_DICT,
};
use crate::pyport::Py_ssize_t;

/// Sets MemoryError and returns NULL, as `PyErr_NoMemory()` does.
/// Through `object/pending_error.rs` (MemoryError with no value until instances exist).
#[inline(never)]
fn no_memory<T>() -> *mut T {
    let _ = crate::object::pending_error::no_memory();
    ptr::null_mut()
}

/// Sets SystemError ("bad argument to internal function") and returns NULL, as
/// `PyErr_BadInternalCall()` does: for C input on which CPython would crash.
/// Through `object/pending_error.rs`.
#[inline(never)]
fn bad_internal_call<T>() -> *mut T {
    let _ = crate::object::pending_error::bad_internal_call();
    ptr::null_mut()
}

#[inline(always)]
unsafe fn has_flag(tp: *mut PyTypeObject, flag: u64) -> bool {
    (*tp).tp_flags as u64 & flag != 0
}

/// `PyType_IS_GC(tp)`.
#[inline(always)]
pub(crate) unsafe fn type_is_gc(tp: *mut PyTypeObject) -> bool {
    has_flag(tp, Py_TPFLAGS_HAVE_GC as u64)
}

/// Bytes before the `PyObject` for instances of `tp` (CPython's `_PyType_PreHeaderSize`).
#[inline(always)]
pub(crate) unsafe fn pre_header_size(tp: *mut PyTypeObject) -> usize {
    let gc = if type_is_gc(tp) { core::mem::size_of::<gc::PyGC_Head>() } else { 0 };
    let dict = if has_flag(tp, Py_TPFLAGS_MANAGED_DICT as u64) { 2 * core::mem::size_of::<*mut PyObject>() } else { 0 };
    gc + dict
}

/// `_PyObject_VAR_SIZE(tp, nitems)`: basic size plus the items, rounded up to a pointer.
/// None where the C macro would overflow (or the size is negative): a MemoryError.
#[inline]
pub(crate) unsafe fn var_size(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> Option<usize> {
    let n = (*tp).tp_basicsize as i128 + nitems as i128 * (*tp).tp_itemsize as i128;
    let align = core::mem::size_of::<*mut c_void>() as i128;
    let rounded = (n + align - 1) & !(align - 1);
    if n < 0 || rounded > Py_ssize_t::MAX as i128 {
        None
    } else {
        Some(rounded as usize)
    }
}

/// Fills in a fresh object's header: type (a new reference for heap types, which their
/// instances keep alive) and a reference count of 1.
#[inline(always)]
unsafe fn init_header(op: *mut PyObject, tp: *mut PyTypeObject) {
    (*op).ob_type = tp;
    if has_flag(tp, Py_TPFLAGS_HEAPTYPE as u64) {
        (*tp).ob_base.ob_base.ob_refcnt += 1;
    }
    (*op).ob_refcnt = 1;
}

#[inline(always)]
unsafe fn init_var_header(op: *mut PyVarObject, tp: *mut PyTypeObject, size: Py_ssize_t) {
    (*op).ob_size = size;
    init_header(op as *mut PyObject, tp);
}

/// `PyObject *PyObject_Init(PyObject *op, PyTypeObject *tp)`: initialises the header of
/// memory the caller allocated. NULL `op` is an allocation failure: MemoryError, as in
/// CPython; NULL `tp` is SystemError (CPython would crash).
///
/// Spelled with the struct tag `_object` (the same C type as `PyObject`) so that cbindgen,
/// which cannot see through the excluded `PyObject` alias, emits `struct _object` before
/// `PyVarObject`, which embeds it and is first used by the functions below.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Init(op: *mut _object, tp: *mut PyTypeObject) -> *mut _object {
    if op.is_null() {
        return no_memory();
    }
    if tp.is_null() {
        return bad_internal_call();
    }
    init_header(op, tp);
    op
}

/// `PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)`:
/// as `PyObject_Init`, also setting `ob_size`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_InitVar(op: *mut PyVarObject, tp: *mut PyTypeObject, size: Py_ssize_t) -> *mut PyVarObject {
    if op.is_null() {
        return no_memory();
    }
    if tp.is_null() {
        return bad_internal_call();
    }
    init_var_header(op, tp, size);
    op
}

/// `PyObject *_PyObject_New(PyTypeObject *tp)` (`PyObject_New`): `tp_basicsize` bytes
/// from the object domain, header initialised, the rest left as allocated. No GC header,
/// whatever the type: GC types use `PyObject_GC_New`.
#[no_mangle]
pub unsafe extern "C" fn _PyObject_New(tp: *mut PyTypeObject) -> *mut PyObject {
    if tp.is_null() {
        return bad_internal_call();
    }
    let size = (*tp).tp_basicsize;
    if size < 0 {
        return no_memory();
    }
    let op = PyObject_Malloc(size as usize) as *mut PyObject;
    if op.is_null() {
        return no_memory();
    }
    init_header(op, tp);
    op
}

/// `PyVarObject *_PyObject_NewVar(PyTypeObject *tp, Py_ssize_t nitems)`
/// (`PyObject_NewVar`): room for `nitems` items, `ob_size` set to `nitems`.
#[no_mangle]
pub unsafe extern "C" fn _PyObject_NewVar(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyVarObject {
    if tp.is_null() {
        return bad_internal_call();
    }
    let Some(size) = var_size(tp, nitems) else { return no_memory() };
    // A negative nitems can shrink the size below the header CPython then writes past
    // the block; never allocate less than the header.
    let size = size.max(core::mem::size_of::<PyVarObject>());
    let op = PyObject_Malloc(size) as *mut PyVarObject;
    if op.is_null() {
        return no_memory();
    }
    init_var_header(op, tp, nitems);
    op
}

/// Allocates `size` bytes of object plus the type's pre-header, zeroes the pre-header
/// (the GC header: not tracked, not finalized) and counts the allocation for the
/// collector. Returns the object's address, the header uninitialised.
unsafe fn gc_alloc(tp: *mut PyTypeObject, size: usize) -> *mut PyObject {
    let pre = pre_header_size(tp);
    if size > Py_ssize_t::MAX as usize - pre {
        return no_memory();
    }
    let mem = PyObject_Malloc(pre + size) as *mut u8;
    if mem.is_null() {
        return no_memory();
    }
    // The pre-header is 2 or 4 words (only GC types come here): plain stores, cheaper
    // than a call to memset for so few bytes.
    let words = mem.add(pre) as *mut usize;
    *words.sub(1) = 0;
    *words.sub(2) = 0;
    if pre > core::mem::size_of::<gc::PyGC_Head>() {
        *words.sub(3) = 0;
        *words.sub(4) = 0;
    }
    gc::note_alloc();
    words as *mut PyObject
}

/// `PyObject *_PyObject_GC_New(PyTypeObject *tp)` (`PyObject_GC_New`): a GC object with
/// its header, untracked (the caller tracks it once its fields are valid). SystemError
/// for a type without `Py_TPFLAGS_HAVE_GC` (CPython would corrupt the heap).
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_New(tp: *mut PyTypeObject) -> *mut PyObject {
    if tp.is_null() || !type_is_gc(tp) || (*tp).tp_basicsize < 0 {
        return bad_internal_call();
    }
    let op = gc_alloc(tp, (*tp).tp_basicsize as usize);
    if !op.is_null() {
        init_header(op, tp);
    }
    op
}

/// `PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)`
/// (`PyObject_GC_NewVar`): negative `nitems` is SystemError, as in CPython.
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_NewVar(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyVarObject {
    if tp.is_null() || !type_is_gc(tp) || nitems < 0 {
        return bad_internal_call();
    }
    let Some(size) = var_size(tp, nitems) else { return no_memory() };
    let op = gc_alloc(tp, size) as *mut PyVarObject;
    if !op.is_null() {
        init_var_header(op, tp, nitems);
    }
    op
}

/// `PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)`
/// (`PyObject_GC_Resize`): reallocates for `nitems` items and sets `ob_size`; the object
/// may move. On failure (MemoryError) the original is untouched. CPython requires an
/// untracked object (a tracked one would leave dangling list links there); here a tracked
/// one is unlinked and relinked at its new address.
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_Resize(op: *mut PyVarObject, nitems: Py_ssize_t) -> *mut PyVarObject {
    if op.is_null() || (*op).ob_base.ob_type.is_null() || !type_is_gc((*op).ob_base.ob_type) {
        return bad_internal_call();
    }
    let tp = (*op).ob_base.ob_type;
    let pre = pre_header_size(tp);
    let Some(size) = var_size(tp, nitems) else { return no_memory() };
    if size > Py_ssize_t::MAX as usize - pre {
        return no_memory();
    }
    let obj = op as *mut PyObject;
    let tracked = gc::is_tracked(obj);
    if tracked {
        gc::untrack(obj);
    }
    let mem = PyObject_Realloc((op as *mut u8).sub(pre) as *mut c_void, pre + size) as *mut u8;
    if mem.is_null() {
        if tracked {
            gc::track(obj);
        }
        return no_memory();
    }
    let new = mem.add(pre) as *mut PyVarObject;
    if tracked {
        gc::track(new as *mut PyObject);
    }
    (*new).ob_size = nitems;
    new
}

/// `void PyObject_GC_Del(void *op)`: frees a GC object's memory (header included),
/// unlinking it first if still tracked. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Del(op: *mut c_void) {
    if op.is_null() {
        return;
    }
    let obj = op as *mut PyObject;
    let tp = (*obj).ob_type;
    let pre = if tp.is_null() { core::mem::size_of::<gc::PyGC_Head>() } else { pre_header_size(tp) };
    if (tp.is_null() || type_is_gc(tp)) && gc::is_tracked(obj) {
        gc::untrack(obj);
    }
    gc::note_free();
    PyObject_Free((op as *mut u8).sub(pre) as *mut c_void);
}

/// `_PyObject_IS_GC`: a GC type, and not one of the instances its `tp_is_gc` excludes
/// (static type objects).
#[inline]
pub(crate) unsafe fn object_is_gc(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    !tp.is_null() && type_is_gc(tp) && (*tp).tp_is_gc.map_or(true, |f| f(op) != 0)
}

/// `int PyObject_IS_GC(PyObject *obj)`: 1 when `obj` carries a GC header.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_IS_GC(op: *mut PyObject) -> c_int {
    (!op.is_null() && object_is_gc(op)) as c_int
}

/// `void PyObject_GC_Track(void *op)`: links the object into generation 0 of the
/// collector. CPython aborts (fatal error) on an object already tracked; here that is a
/// no-op, so the lists stay consistent. A non-GC object is SystemError (CPython would
/// corrupt memory).
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Track(op: *mut c_void) {
    let obj = op as *mut PyObject;
    if obj.is_null() || !object_is_gc(obj) {
        bad_internal_call::<PyObject>();
        return;
    }
    if !gc::is_tracked(obj) {
        gc::track(obj);
    }
}

/// `void PyObject_GC_UnTrack(void *op)`: unlinks a tracked object; an untracked one (or
/// NULL, or a non-GC object) is left alone.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_UnTrack(op: *mut c_void) {
    let obj = op as *mut PyObject;
    if !obj.is_null() && object_is_gc(obj) && gc::is_tracked(obj) {
        gc::untrack(obj);
    }
}

/// `int PyObject_GC_IsTracked(PyObject *op)`: 1 when the collector tracks `op`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_IsTracked(op: *mut PyObject) -> c_int {
    (!op.is_null() && object_is_gc(op) && gc::is_tracked(op)) as c_int
}

/// `int PyObject_GC_IsFinalized(PyObject *op)`: 1 when `tp_finalize` has run for `op`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_IsFinalized(op: *mut PyObject) -> c_int {
    (!op.is_null() && object_is_gc(op) && gc::is_finalized(op)) as c_int
}

/// `PyType_GenericAlloc`'s work without the tracking (CPython's `_PyType_AllocNoTrack`):
/// room for `nitems` items plus one (the sentinel some variable-size types keep), all of
/// it and the pre-header zeroed, header initialised (`ob_size = nitems` when the type has
/// items), heap types increfed. NULL with MemoryError (or SystemError for a NULL type).
pub unsafe fn alloc_object_no_track(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    if tp.is_null() {
        return bad_internal_call();
    }
    // Fixed-size types (most) skip the 128-bit arithmetic of `var_size`.
    let basic = (*tp).tp_basicsize;
    let size = if (*tp).tp_itemsize == 0 && basic >= 0 {
        (basic as usize + 7) & !7
    } else {
        let Some(size) = nitems.checked_add(1).and_then(|n| var_size(tp, n)) else { return no_memory() };
        size
    };
    let pre = pre_header_size(tp);
    if size > Py_ssize_t::MAX as usize - pre {
        return no_memory();
    }
    let mem = PyObject_Malloc(pre + size) as *mut u8;
    if mem.is_null() {
        return no_memory();
    }
    zero_small(mem, pre + size);
    let op = mem.add(pre) as *mut PyObject;
    if (*tp).tp_itemsize == 0 {
        init_header(op, tp);
    } else {
        init_var_header(op as *mut PyVarObject, tp, nitems);
    }
    if type_is_gc(tp) {
        gc::note_alloc();
    }
    op
}

/// Zeroes `n` bytes at `p`: most objects are 16 to 64 bytes, zeroed by two overlapping
/// stores of a known size instead of a call to memset.
#[inline(always)]
unsafe fn zero_small(p: *mut u8, n: usize) {
    if n >= 32 && n <= 64 {
        ptr::write_bytes(p, 0, 32);
        ptr::write_bytes(p.add(n - 32), 0, 32);
    } else if n >= 16 && n < 32 {
        ptr::write_bytes(p, 0, 16);
        ptr::write_bytes(p.add(n - 16), 0, 16);
    } else {
        ptr::write_bytes(p, 0, n);
    }
}

/// What `PyType_GenericAlloc(tp, nitems)` does, for the type core to export: as
/// `alloc_object_no_track`, and a GC object is then tracked (CPython 3.11 tracks here:
/// `PyObject_GC_IsTracked` is 1 on the result).
pub unsafe fn alloc_object(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    let op = alloc_object_no_track(tp, nitems);
    if !op.is_null() && type_is_gc(tp) {
        gc::track(op);
    }
    op
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::head::{objects_in, TEST_LOCK};

    unsafe fn gc_type(basic: isize, item: isize, extra_flags: u64) -> Box<PyTypeObject> {
        let mut tp: Box<PyTypeObject> = Box::new(core::mem::zeroed());
        tp.tp_basicsize = basic;
        tp.tp_itemsize = item;
        tp.tp_flags = (Py_TPFLAGS_HAVE_GC as u64 | extra_flags) as _;
        tp
    }

    #[test]
    fn var_size_rounds_and_overflows() {
        unsafe {
            let tp = gc_type(24, 1, 0);
            let tp = Box::into_raw(tp);
            assert_eq!(var_size(tp, 0), Some(24));
            assert_eq!(var_size(tp, 1), Some(32));
            assert_eq!(var_size(tp, 8), Some(32));
            assert_eq!(var_size(tp, -30), None);
            (*tp).tp_itemsize = 8;
            assert_eq!(var_size(tp, isize::MAX), None);
            drop(Box::from_raw(tp));
        }
    }

    #[test]
    fn gc_new_tracks_into_generation_0_and_del_unlinks() {
        let _l = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let tp = Box::into_raw(gc_type(32, 0, 0));
            let before = objects_in(0).len();
            let count = gc::count(0);
            let a = _PyObject_GC_New(tp);
            let b = _PyObject_GC_New(tp);
            assert_eq!(gc::count(0), count + 2);
            assert_eq!(PyObject_GC_IsTracked(a), 0);
            PyObject_GC_Track(a as *mut c_void);
            PyObject_GC_Track(b as *mut c_void);
            PyObject_GC_Track(b as *mut c_void); // already tracked: no change
            assert_eq!(objects_in(0).len(), before + 2);
            assert_eq!(objects_in(0)[before..], [a, b]);
            // The header really sits right before the object.
            let g = (a as *mut u8).sub(16) as *mut gc::PyGC_Head;
            assert_eq!((*g)._gc_next, (b as *mut u8).sub(16) as usize);
            PyObject_GC_Del(a as *mut c_void); // still tracked: unlinked by Del
            assert_eq!(objects_in(0)[before..], [b]);
            PyObject_GC_UnTrack(b as *mut c_void);
            PyObject_GC_UnTrack(b as *mut c_void);
            assert_eq!(objects_in(0).len(), before);
            PyObject_GC_Del(b as *mut c_void);
            assert_eq!(gc::count(0), count);
            drop(Box::from_raw(tp));
        }
    }

    #[test]
    fn resize_keeps_tracked_objects_linked() {
        let _l = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let tp = Box::into_raw(gc_type(24, 8, 0));
            let before = objects_in(0).len();
            let mut v = _PyObject_GC_NewVar(tp, 2);
            assert_eq!((*v).ob_size, 2);
            PyObject_GC_Track(v as *mut c_void);
            for n in [100, 10_000, 1] {
                v = _PyObject_GC_Resize(v, n);
                assert_eq!((*v).ob_size, n);
                assert_eq!(objects_in(0)[before..], [v as *mut PyObject]);
            }
            assert!(_PyObject_GC_Resize(v, isize::MAX).is_null());
            assert_eq!(objects_in(0)[before..], [v as *mut PyObject]);
            PyObject_GC_UnTrack(v as *mut c_void);
            PyObject_GC_Del(v as *mut c_void);
            drop(Box::from_raw(tp));
        }
    }

    #[test]
    fn generic_alloc_zeroes_increfs_heap_types_and_tracks() {
        let _l = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let tp = Box::into_raw(gc_type(40, 8, Py_TPFLAGS_HEAPTYPE as u64 | Py_TPFLAGS_MANAGED_DICT as u64));
            (*tp).ob_base.ob_base.ob_refcnt = 1;
            let op = alloc_object(tp, 3);
            assert_eq!((*op).ob_refcnt, 1);
            assert_eq!((*tp).ob_base.ob_base.ob_refcnt, 2);
            assert_eq!((*(op as *mut PyVarObject)).ob_size, 3);
            assert_eq!(PyObject_GC_IsTracked(op), 1);
            // Managed dict and values pointers, before the GC header, are NULL.
            let words = op as *mut usize;
            assert_eq!(*words.sub(3), 0);
            assert_eq!(*words.sub(4), 0);
            // Items (and the sentinel) zeroed.
            let bytes = op as *mut u8;
            assert!((24..72).all(|i| *bytes.add(i) == 0));
            PyObject_GC_UnTrack(op as *mut c_void);
            PyObject_GC_Del(op as *mut c_void);
            drop(Box::from_raw(tp));
        }
    }

    #[test]
    fn bad_input_does_not_crash() {
        unsafe {
            let tp = Box::into_raw(gc_type(32, 0, 0));
            assert!(PyObject_Init(ptr::null_mut(), tp).is_null());
            assert!(_PyObject_New(ptr::null_mut()).is_null());
            assert!(_PyObject_GC_NewVar(tp, -1).is_null());
            assert!(_PyObject_GC_Resize(ptr::null_mut(), 3).is_null());
            PyObject_GC_Track(ptr::null_mut());
            PyObject_GC_UnTrack(ptr::null_mut());
            PyObject_GC_Del(ptr::null_mut());
            assert_eq!(PyObject_GC_IsTracked(ptr::null_mut()), 0);
            (*tp).tp_flags = 0;
            assert!(_PyObject_GC_New(tp).is_null());
            drop(Box::from_raw(tp));
        }
    }
}
