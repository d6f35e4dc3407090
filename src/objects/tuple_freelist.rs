//! Freed small tuples kept for reuse, one list per size (1 to `MAX_SAVE_SIZE` items), as
//! CPython keeps them: building and dropping short tuples (argument tuples, `Py_BuildValue`,
//! dict items) then costs no allocator call. A kept tuple is linked through its first item
//! slot; its header and GC header stay allocated with it. Guarded by the GIL; emptied at
//! finalization (`clear`).
use crate::gc::head as gc;
use crate::object::object::PyObject;
use crate::object::objimpl::PyObject_GC_Del;
use crate::objects::tuple::{PyTupleObject, PyTuple_Type};

/// Largest size kept (CPython's `PyTuple_MAXSAVESIZE`).
const MAX_SAVE_SIZE: usize = 20;
/// Most tuples kept per size (CPython's `PyTuple_MAXFREELIST`).
const MAX_PER_SIZE: usize = 2000;

struct FreeLists {
    heads: [*mut PyObject; MAX_SAVE_SIZE + 1],
    lens: [usize; MAX_SAVE_SIZE + 1],
}

static mut LISTS: FreeLists = FreeLists {
    heads: [core::ptr::null_mut(); MAX_SAVE_SIZE + 1],
    lens: [0; MAX_SAVE_SIZE + 1],
};

#[inline(always)]
unsafe fn first_slot(op: *mut PyObject) -> *mut *mut PyObject {
    (*(op as *mut PyTupleObject)).ob_item.as_mut_ptr()
}

/// A kept exact tuple of `size` items (1..=MAX_SAVE_SIZE, else none): reference count 1,
/// untracked, GC header as freshly allocated, items not yet initialised.
///
/// # Safety
/// Under the GIL.
#[inline]
pub(crate) unsafe fn pop(size: usize) -> Option<*mut PyObject> {
    if size == 0 || size > MAX_SAVE_SIZE {
        return None;
    }
    let lists = &mut *(&raw mut LISTS);
    let op = lists.heads[size];
    if op.is_null() {
        return None;
    }
    lists.heads[size] = *first_slot(op) as *mut PyObject;
    lists.lens[size] -= 1;
    let g = gc::as_gc(op);
    (*g)._gc_next = 0;
    (*g)._gc_prev = 0;
    (*op).ob_refcnt = 1;
    gc::note_alloc();
    Some(op)
}

/// Keeps `op` for reuse if there is room: an exact tuple of `size` items whose items are
/// already released and which is untracked. False: the caller frees it.
///
/// # Safety
/// Under the GIL; `op` is dead (nothing refers to it any more).
#[inline]
pub(crate) unsafe fn push(op: *mut PyObject, size: usize) -> bool {
    if size == 0 || size > MAX_SAVE_SIZE || (*op).ob_type != &raw mut PyTuple_Type {
        return false;
    }
    let lists = &mut *(&raw mut LISTS);
    if lists.lens[size] >= MAX_PER_SIZE {
        return false;
    }
    *first_slot(op) = lists.heads[size];
    lists.heads[size] = op;
    lists.lens[size] += 1;
    // The collector counts it as freed (and as allocated again when reused), so its
    // thresholds see the same numbers as without the list.
    gc::note_free();
    true
}

/// Frees every kept tuple (at finalization).
pub(crate) fn clear() {
    // SAFETY: under the GIL at finalization; every kept block came from the GC allocator.
    unsafe {
        let lists = &mut *(&raw mut LISTS);
        for size in 1..=MAX_SAVE_SIZE {
            while !lists.heads[size].is_null() {
                let op = lists.heads[size];
                lists.heads[size] = *first_slot(op) as *mut PyObject;
                gc::note_alloc(); // PyObject_GC_Del counts the free again
                PyObject_GC_Del(op.cast());
            }
            lists.lens[size] = 0;
        }
    }
}
