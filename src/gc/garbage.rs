//! What happens to the objects a collection found unreachable, in CPython's order, with
//! every list link valid (arbitrary code runs here):
//! 1. objects with a legacy `tp_del`, and everything they reach, are uncollectable: they
//!    go to `gc.garbage` (only those with `tp_del`, or all with `DEBUG_SAVEALL`) and
//!    survive into the older generation;
//! 2. weak references to the unreachable objects are cleared; unreachable weak references
//!    are cleared first so that theirs never call back; callbacks of live weak references
//!    are called;
//! 3. `tp_finalize` runs once per object (PEP 442), marking it finalized;
//! 4. a second marking over the set finds objects that finalizers made reachable again
//!    (and what they reach): those survive;
//! 5. `tp_clear` breaks the cycles of the rest (or, with `DEBUG_SAVEALL`, they go to
//!    `gc.garbage`).
use core::ffi::{c_int, c_void};

use crate::gc::collect::*;
use crate::gc::head::*;
use crate::object::object::PyObject;
use crate::object::objimpl::object_is_gc;
use crate::object::ptr::PyRef;
use crate::objects::weakref::{self as weakref, PyWeakReference};

pub(crate) const DEBUG_STATS: i32 = 1;
pub(crate) const DEBUG_COLLECTABLE: i32 = 2;
pub(crate) const DEBUG_UNCOLLECTABLE: i32 = 4;
pub(crate) const DEBUG_SAVEALL: i32 = 32;

/// The result of handling an unreachable set: objects freed (or saved with SAVEALL) and
/// objects left uncollectable.
pub(crate) struct Outcome {
    pub collected: isize,
    pub uncollectable: isize,
}

/// Runs steps 1–5 over `unreachable` (objects still marked "collecting"); survivors join
/// `old`.
pub(crate) unsafe fn handle_unreachable(unreachable: *mut PyGC_Head, old: *mut PyGC_Head, debug: i32) -> Outcome {
    let mut finalizers = ListHead::new();
    move_legacy_finalizers(unreachable, finalizers.ptr());
    handle_weakrefs(unreachable);
    finalize_all(unreachable);
    // Step 4: what a finalizer resurrected (and what it reaches) survives.
    let mut still = ListHead::new();
    move_unreachable(unreachable, still.ptr(), false);
    clear_collecting(unreachable);
    list_splice(unreachable, old);
    let collected = list_len(still.ptr()) as isize;
    if debug & DEBUG_COLLECTABLE != 0 {
        report(still.ptr(), "collectable");
    }
    delete_garbage(still.ptr(), old, debug);
    let uncollectable = list_len(finalizers.ptr()) as isize;
    if debug & DEBUG_UNCOLLECTABLE != 0 {
        report(finalizers.ptr(), "uncollectable");
    }
    save_uncollectable(finalizers.ptr(), debug);
    list_splice(finalizers.ptr(), old);
    Outcome { collected, uncollectable }
}

unsafe fn report(head: *mut PyGC_Head, what: &str) {
    let mut g = next(head);
    while g != head {
        let op = from_gc(g);
        eprintln!("gc: {what} <{} {:p}>", crate::abstract_::tp_name(op), op);
        g = next(g);
    }
}

#[inline]
unsafe fn has_legacy_finalizer(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_del.is_some()
}

/// Step 1: objects with `tp_del`, then everything reachable from them, move to
/// `finalizers`, losing the "collecting" mark (so "collecting" means "in `unreachable`").
unsafe fn move_legacy_finalizers(unreachable: *mut PyGC_Head, finalizers: *mut PyGC_Head) {
    let mut g = next(unreachable);
    while g != unreachable {
        let following = next(g);
        if has_legacy_finalizer(from_gc(g)) {
            (*g)._gc_prev &= !PREV_MASK_COLLECTING;
            list_move(g, finalizers);
        }
        g = following;
    }
    // Everything the moved objects reach moves too; the list grows while it is walked.
    let mut g = next(finalizers);
    while g != finalizers {
        let op = from_gc(g);
        if let Some(traverse) = (*(*op).ob_type).tp_traverse {
            traverse(op, Some(visit_move), finalizers as *mut c_void);
        }
        g = next(g);
    }
}

unsafe extern "C" fn visit_move(op: *mut PyObject, arg: *mut c_void) -> c_int {
    if !op.is_null() && candidate(op) {
        let g = as_gc(op);
        (*g)._gc_prev &= !PREV_MASK_COLLECTING;
        list_move(g, arg as *mut PyGC_Head);
    }
    0
}

/// Step 2.
unsafe fn handle_weakrefs(unreachable: *mut PyGC_Head) {
    // Unreachable weak references die first, silently.
    let mut g = next(unreachable);
    while g != unreachable {
        let op = from_gc(g);
        if weakref::is_weakref(op) {
            weakref::clear_ref(op as *mut PyWeakReference);
        }
        g = next(g);
    }
    let mut pending: Vec<(PyRef, PyRef)> = Vec::new();
    let mut g = next(unreachable);
    while g != unreachable {
        let op = from_gc(g);
        let list = weakref::list_ptr(op);
        if !list.is_null() {
            while !(*list).is_null() {
                let wr = *list;
                weakref::clear_ref(wr);
                let w = wr as *mut PyObject;
                // A weak reference that is itself garbage never calls back.
                if (*wr).wr_callback.is_null() || (object_is_gc(w) && is_tracked(w) && is_collecting(as_gc(w))) {
                    continue;
                }
                let cb = core::mem::replace(&mut (*wr).wr_callback, core::ptr::null_mut());
                pending.push((crate::abstract_::new_ref(w), PyRef::from_owned(cb).expect("callback")));
            }
        }
        g = next(g);
    }
    for (wr, cb) in pending {
        weakref::call_callback(wr.as_ptr(), cb.as_ptr());
    }
}

/// Step 3: each object leaves the list before its finalizer runs, so that whatever the
/// finalizer does to other objects of the set cannot disturb the walk.
unsafe fn finalize_all(unreachable: *mut PyGC_Head) {
    let mut seen = ListHead::new();
    while !list_is_empty(unreachable) {
        let g = next(unreachable);
        list_move(g, seen.ptr());
        let op = from_gc(g);
        if let Some(finalize) = (*(*op).ob_type).tp_finalize {
            if !is_finalized(op) {
                set_finalized(op);
                let keep = crate::abstract_::new_ref(op);
                finalize(op);
                if !crate::errors::pyerr::PyErr_Occurred().is_null() {
                    crate::errors::print::PyErr_WriteUnraisable(op);
                }
                drop(keep);
            }
        }
    }
    list_splice(seen.ptr(), unreachable);
}

/// Step 5: `tp_clear` on each object in turn; one that survives its clear (nothing freed
/// it) joins the older generation.
unsafe fn delete_garbage(collectable: *mut PyGC_Head, old: *mut PyGC_Head, debug: i32) {
    while !list_is_empty(collectable) {
        let g = next(collectable);
        let op = from_gc(g);
        if debug & DEBUG_SAVEALL != 0 {
            append_garbage(op);
        } else if let Some(clear) = (*(*op).ob_type).tp_clear {
            let keep = crate::abstract_::new_ref(op);
            clear(op);
            if !crate::errors::pyerr::PyErr_Occurred().is_null() {
                crate::errors::print::PyErr_WriteUnraisable(core::ptr::null_mut());
            }
            drop(keep);
        }
        if next(collectable) == g {
            (*g)._gc_prev &= !PREV_MASK_COLLECTING;
            list_move(g, old);
        }
    }
}

/// `gc.garbage`, made on first use (an owned list in the collector's state).
pub(crate) unsafe fn garbage_list() -> *mut PyObject {
    let st = state();
    if (*st).garbage.is_null() {
        if let Ok(l) = crate::objects::list::new(0) {
            (*st).garbage = l.into_ptr();
        }
    }
    (*st).garbage
}

unsafe fn append_garbage(op: *mut PyObject) {
    let l = garbage_list();
    if l.is_null() || crate::objects::list::append(l, op).is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
}

unsafe fn save_uncollectable(finalizers: *mut PyGC_Head, debug: i32) {
    let mut g = next(finalizers);
    while g != finalizers {
        let op = from_gc(g);
        if debug & DEBUG_SAVEALL != 0 || has_legacy_finalizer(op) {
            append_garbage(op);
        }
        g = next(g);
    }
}
