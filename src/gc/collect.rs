//! The cycle collector: finds the tracked objects of the generations being collected that
//! only the other objects of those generations refer to, and frees them.
//!
//! Marking works on the headers in place, with no allocation per object:
//! 1. every candidate gets `gc_refs = ob_refcnt` (in `_gc_prev` above the flag bits, with
//!    the "collecting" bit set, so the `_gc_prev` links are gone for the time being);
//! 2. `tp_traverse` of every candidate subtracts one from each candidate it refers to: what
//!    is left is the number of references from outside the set;
//! 3. candidates with references from outside are roots; everything reachable from a root
//!    (an explicit stack, not recursion: chains can be millions long) loses the
//!    "collecting" bit;
//! 4. one walk along the `_gc_next` links rebuilds the `_gc_prev` links, keeping the
//!    reachable objects in place and moving the rest (bit still set) to an "unreachable"
//!    list. Reachable tuples of atoms are untracked on the way (they can never be in a
//!    cycle).
//!
//! The unreachable objects then go through what can run arbitrary code, with every link
//! valid again (see `garbage.rs`): legacy `tp_del` objects and what they reach move to
//! `gc.garbage`; weak references to the rest are cleared (callbacks of live weakrefs
//! called); finalizers run once (PEP 442); a second marking over the set finds objects a
//! finalizer resurrected; `tp_clear` breaks the remaining cycles.
use core::ffi::{c_int, c_void};
use core::ptr;

use crate::gc::head::*;
use crate::object::object::PyObject;
use crate::object::objimpl::object_is_gc;

/// The "collecting" bit of `_gc_prev`: the object is in the set being examined.
#[inline(always)]
pub(crate) unsafe fn is_collecting(g: *mut PyGC_Head) -> bool {
    (*g)._gc_prev & PREV_MASK_COLLECTING != 0
}

/// Whether `op` is a GC object in the set being examined (not tracked or not GC: no).
#[inline(always)]
pub(crate) unsafe fn candidate(op: *mut PyObject) -> bool {
    object_is_gc(op) && is_tracked(op) && is_collecting(as_gc(op))
}

#[inline(always)]
unsafe fn gc_refs(g: *mut PyGC_Head) -> usize {
    (*g)._gc_prev >> PREV_SHIFT
}

#[inline(always)]
pub(crate) unsafe fn next(g: *mut PyGC_Head) -> *mut PyGC_Head {
    ((*g)._gc_next & !NEXT_MASK_UNREACHABLE) as *mut PyGC_Head
}

#[inline(always)]
unsafe fn prev(g: *mut PyGC_Head) -> *mut PyGC_Head {
    ((*g)._gc_prev & PREV_MASK) as *mut PyGC_Head
}

#[inline(always)]
unsafe fn set_prev(g: *mut PyGC_Head, p: *mut PyGC_Head) {
    (*g)._gc_prev = ((*g)._gc_prev & !PREV_MASK) | p as usize;
}

/// A list head on the heap, so that its address stays put while objects point at it.
pub(crate) struct ListHead(Box<PyGC_Head>);

impl ListHead {
    pub(crate) fn new() -> ListHead {
        let mut h = Box::new(PyGC_Head { _gc_next: 0, _gc_prev: 0 });
        let p: *mut PyGC_Head = &mut *h;
        h._gc_next = p as usize;
        h._gc_prev = p as usize;
        ListHead(h)
    }
    pub(crate) fn ptr(&mut self) -> *mut PyGC_Head {
        &mut *self.0
    }
}

pub(crate) unsafe fn list_is_empty(head: *mut PyGC_Head) -> bool {
    next(head) == head
}

pub(crate) unsafe fn list_len(head: *mut PyGC_Head) -> usize {
    let mut n = 0;
    let mut g = next(head);
    while g != head {
        n += 1;
        g = next(g);
    }
    n
}

/// Unlinks `g` from its list and appends it to `to`, keeping its flag bits.
pub(crate) unsafe fn list_move(g: *mut PyGC_Head, to: *mut PyGC_Head) {
    let p = prev(g);
    let n = next(g);
    (*p)._gc_next = n as usize;
    set_prev(n, p);
    let last = prev(to);
    (*last)._gc_next = g as usize;
    set_prev(g, last);
    (*g)._gc_next = to as usize;
    set_prev(to, g);
}

/// Moves every object of `from` to the end of `to` (`from` left empty).
pub(crate) unsafe fn list_splice(from: *mut PyGC_Head, to: *mut PyGC_Head) {
    if list_is_empty(from) || from == to {
        return;
    }
    let first = next(from);
    let last = prev(from);
    let to_last = prev(to);
    (*to_last)._gc_next = first as usize;
    set_prev(first, to_last);
    (*last)._gc_next = to as usize;
    set_prev(to, last);
    (*from)._gc_next = from as usize;
    set_prev(from, from);
}

/// Clears the "collecting" bit of every object of a list (the list leaves the collection).
pub(crate) unsafe fn clear_collecting(head: *mut PyGC_Head) {
    let mut g = next(head);
    while g != head {
        (*g)._gc_prev &= !PREV_MASK_COLLECTING;
        g = next(g);
    }
}

/// Steps 1 and 2: `gc_refs` = references from outside the list, for every object of it.
unsafe fn count_external_refs(head: *mut PyGC_Head) {
    let mut g = next(head);
    while g != head {
        let op = from_gc(g);
        let rc = (*op).ob_refcnt.max(0) as usize;
        (*g)._gc_prev = ((*g)._gc_prev & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | (rc << PREV_SHIFT);
        g = next(g);
    }
    let mut g = next(head);
    while g != head {
        traverse(from_gc(g), visit_decref, ptr::null_mut(), |o| {
            decref(o);
            0
        });
        g = next(g);
    }
}

/// `tp_traverse(op, visit, arg)`, with `inline_visit` (what `visit` does) called directly
/// for the types that make up most of a heap (functions, exact dicts and tuples): no
/// indirect call per reference.
#[inline(always)]
unsafe fn traverse(
    op: *mut PyObject,
    visit: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int,
    arg: *mut c_void,
    mut inline_visit: impl FnMut(*mut PyObject) -> c_int,
) {
    let tp = (*op).ob_type;
    if tp == &raw mut crate::objects::function_type::PyFunction_Type {
        crate::objects::function_type::each_referent(op, &mut inline_visit);
    } else if tp == &raw mut crate::objects::dict::PyDict_Type {
        crate::objects::dict::each_referent(op, &mut inline_visit);
    } else if tp == &raw mut crate::objects::tuple::PyTuple_Type {
        crate::objects::tuple::each_referent(op, &mut inline_visit);
    } else if let Some(t) = (*tp).tp_traverse {
        t(op, Some(visit), arg);
    }
}

unsafe extern "C" fn visit_decref(op: *mut PyObject, _arg: *mut c_void) -> c_int {
    decref(op);
    0
}

/// One reference from inside the set to `op`: its `gc_refs` goes down by one.
#[inline(always)]
unsafe fn decref(op: *mut PyObject) {
    if !op.is_null() && candidate(op) {
        let g = as_gc(op);
        // A traverse that reports more references than the object counts (a broken
        // extension) must not wrap the count around: stop at zero.
        if gc_refs(g) > 0 {
            (*g)._gc_prev -= 1 << PREV_SHIFT;
        }
    }
}

/// Step 3: clears the "collecting" bit of everything reachable from an object of the list
/// that has references from outside it.
unsafe fn mark_reachable(head: *mut PyGC_Head, stack: &mut Vec<*mut PyObject>) {
    let mut g = next(head);
    while g != head {
        if is_collecting(g) && gc_refs(g) > 0 {
            (*g)._gc_prev &= !PREV_MASK_COLLECTING;
            stack.push(from_gc(g));
            while let Some(op) = stack.pop() {
                let arg = stack as *mut Vec<*mut PyObject>;
                traverse(op, visit_reachable, arg as *mut c_void, |o| {
                    reach(o, arg);
                    0
                });
            }
        }
        g = next(g);
    }
}

unsafe extern "C" fn visit_reachable(op: *mut PyObject, arg: *mut c_void) -> c_int {
    reach(op, arg as *mut Vec<*mut PyObject>);
    0
}

/// `op` is reachable from outside the set: it leaves the set, and what it refers to is
/// examined in turn (from `stack`).
#[inline(always)]
unsafe fn reach(op: *mut PyObject, stack: *mut Vec<*mut PyObject>) {
    if !op.is_null() && candidate(op) {
        (*as_gc(op))._gc_prev &= !PREV_MASK_COLLECTING;
        (*stack).push(op);
    }
}

/// A tuple whose items can never lead back to it: no item is a tracked GC object.
unsafe fn tuple_of_atoms(op: *mut PyObject) -> bool {
    crate::objects::tuple::items(op).iter().all(|&item| item.is_null() || !object_is_gc(item) || !is_tracked(item))
}

/// Untracks a tracked tuple that holds no tracked GC object: it can never be part of a
/// cycle, so this is what the next collection would do to it, done at creation (code
/// objects' name and constant tuples: thousands per import, never garbage).
///
/// Its allocation no longer counts towards generation 0's threshold either: no collection
/// will examine it. Counted, such tuples started half the collections of an import
/// (CPython, whose compiler makes one tuple of equal names or constants per module and
/// whose code objects have no varnames/cellvars/freevars tuples, allocates fewer).
///
/// # Safety
/// `op` is a live tuple whose items are set.
pub(crate) unsafe fn untrack_tuple_of_atoms(op: *mut PyObject) {
    if is_tracked(op) && tuple_of_atoms(op) {
        untrack(op);
        uncount_allocation();
    }
}

/// Step 4: relinks the list, moving objects still marked "collecting" to `unreachable`.
/// With `untrack_tuples`, reachable tuples of atoms leave the lists.
unsafe fn split_unreachable(head: *mut PyGC_Head, unreachable: *mut PyGC_Head, untrack_tuples: bool) {
    let tuple_type = &raw mut crate::objects::tuple::PyTuple_Type;
    let mut last_kept = head;
    let mut last_gone = prev(unreachable);
    let mut g = next(head);
    while g != head {
        let following = next(g);
        if is_collecting(g) {
            (*g)._gc_prev = ((*g)._gc_prev & (PREV_MASK_FINALIZED | PREV_MASK_COLLECTING)) | last_gone as usize;
            (*last_gone)._gc_next = g as usize;
            last_gone = g;
        } else if untrack_tuples && (*from_gc(g)).ob_type == tuple_type && tuple_of_atoms(from_gc(g)) {
            (*g)._gc_next = 0;
            (*g)._gc_prev &= PREV_MASK_FINALIZED;
        } else {
            (*g)._gc_prev = ((*g)._gc_prev & PREV_MASK_FINALIZED) | last_kept as usize;
            (*last_kept)._gc_next = g as usize;
            last_kept = g;
        }
        g = following;
    }
    (*last_kept)._gc_next = head as usize;
    set_prev(head, last_kept);
    (*last_gone)._gc_next = unreachable as usize;
    set_prev(unreachable, last_gone);
}

/// Moves the objects of `head` that nothing outside the list keeps alive to `unreachable`
/// (still marked "collecting"); the rest stay in `head`, unmarked.
pub(crate) unsafe fn move_unreachable(head: *mut PyGC_Head, unreachable: *mut PyGC_Head, untrack_tuples: bool) {
    let mut stack = Vec::new();
    count_external_refs(head);
    mark_reachable(head, &mut stack);
    split_unreachable(head, unreachable, untrack_tuples);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_and_move_keep_lists_consistent() {
        unsafe {
            let mut a = ListHead::new();
            let mut b = ListHead::new();
            let mut nodes: Vec<Box<[usize; 4]>> = (0..3).map(|_| Box::new([0usize; 4])).collect();
            for n in nodes.iter_mut() {
                let g = n.as_mut_ptr() as *mut PyGC_Head;
                (*g)._gc_next = g as usize;
                (*g)._gc_prev = g as usize;
                // Put it in `b` by splicing a one-element ring (its own head).
                let last = prev(b.ptr());
                (*last)._gc_next = g as usize;
                set_prev(g, last);
                (*g)._gc_next = b.ptr() as usize;
                set_prev(b.ptr(), g);
            }
            assert_eq!(list_len(b.ptr()), 3);
            list_splice(b.ptr(), a.ptr());
            assert!(list_is_empty(b.ptr()));
            assert_eq!(list_len(a.ptr()), 3);
            let first = next(a.ptr());
            list_move(first, b.ptr());
            assert_eq!((list_len(a.ptr()), list_len(b.ptr())), (2, 1));
            assert_eq!(prev(next(a.ptr())), a.ptr());
            assert_eq!(next(prev(a.ptr())), a.ptr());
        }
    }
}
