//! The trashcan: bounds the C stack used by chains of deallocations (a list nested a
//! million deep, a long linked chain of instances). A dealloc body runs inside
//! `with_trashcan` (Rust types) or `Py_TRASHCAN_BEGIN`/`END` (C types, through
//! `_PyTrash_begin`/`_PyTrash_cond`/`_PyTrash_end`); past `UNWIND_LEVEL` nested bodies
//! the object (refcount zero, untracked) is set aside instead, and its dealloc runs again
//! once the outermost body has returned, from a loop rather than from deeper frames.
//! The state is per thread state (`trash_delete_nesting`, and `trash_delete_later`: the
//! set-aside objects linked through their GC headers' `_gc_prev`, as CPython 3.11 keeps
//! them), so each Python thread deallocates on its own stack. The current thread state is a
//! plain global (pystate.rs): cheaper than a Rust thread-local, which in this shared
//! library costs a `__tls_get_addr` call on every tuple, list and dict dealloc.
// Deallocs are compared by address on purpose: "is this the dealloc of the type itself?".
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::c_int;

use crate::gc::head::{as_gc, is_tracked, PREV_MASK};
use crate::object::object::PyObject;
use crate::object::slots::destructor;
use crate::object::typeobject::Py_TPFLAGS_HAVE_GC;
use crate::runtime::threadstate::PyThreadState;

/// Nested dealloc bodies allowed before objects are set aside (CPython uses 50 too).
const UNWIND_LEVEL: c_int = 50;

/// Enters a dealloc body of `tstate`'s thread: false when `op` was set aside for later (the
/// body must not run).
///
/// # Safety
/// `tstate` is the live current thread state; `op` a dead object (count zero).
#[inline]
unsafe fn enter(tstate: *mut PyThreadState, op: *mut PyObject) -> bool {
    let ts = &mut *tstate;
    if ts.trash_delete_nesting >= UNWIND_LEVEL && can_set_aside(op) {
        // Linked through the pointer bits of `_gc_prev` (its flag bits are kept).
        let g = as_gc(op);
        (*g)._gc_prev = ((*g)._gc_prev & !PREV_MASK) | ts.trash_delete_later as usize;
        ts.trash_delete_later = op;
        return false;
    }
    ts.trash_delete_nesting += 1;
    true
}

/// Only an untracked GC object has a header to link it through (CPython requires both of
/// a trashcan user); anything else runs its body at once.
#[inline]
unsafe fn can_set_aside(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_HAVE_GC != 0 && !is_tracked(op)
}

/// Leaves a dealloc body; the outermost one deallocates what was set aside.
///
/// # Safety
/// `tstate` is the thread state given to the matching `enter`.
#[inline]
unsafe fn leave(tstate: *mut PyThreadState) {
    let ts = &mut *tstate;
    ts.trash_delete_nesting -= 1;
    if ts.trash_delete_nesting == 0 && !ts.trash_delete_later.is_null() {
        drain(tstate);
    }
}

#[cold]
unsafe fn drain(tstate: *mut PyThreadState) {
    // Counted as one level while draining, so that the deallocs run from here do not
    // drain again from their own `leave`.
    (*tstate).trash_delete_nesting += 1;
    loop {
        let op = (*tstate).trash_delete_later;
        if op.is_null() {
            break;
        }
        let g = as_gc(op);
        (*tstate).trash_delete_later = ((*g)._gc_prev & PREV_MASK) as *mut PyObject;
        (*g)._gc_prev &= !PREV_MASK;
        // SAFETY: a set-aside object is a dead object (count zero) waiting for its dealloc.
        if let Some(dealloc) = (*(*op).ob_type).tp_dealloc {
            dealloc(op);
        }
    }
    (*tstate).trash_delete_nesting -= 1;
}

/// Runs a dealloc `body` for `op` inside the trashcan when `dealloc` is the dealloc of
/// `op`'s own type (a subclass's dealloc calling its base's must not defer half an object).
/// Without a current thread state (a dealloc outside any thread state) the body just runs.
#[inline]
pub(crate) unsafe fn with_trashcan(op: *mut PyObject, dealloc: unsafe extern "C" fn(*mut PyObject), body: impl FnOnce()) {
    let tstate = crate::runtime::pystate::current();
    if (*(*op).ob_type).tp_dealloc != Some(dealloc) || tstate.is_null() {
        body();
        return;
    }
    if enter(tstate, op) {
        body();
        leave(tstate);
    }
}

/// `int _PyTrash_begin(PyThreadState *tstate, PyObject *op)`: 1 when `op` was set aside
/// (the dealloc body is skipped), 0 when the body runs.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTrash_begin(tstate: *mut PyThreadState, op: *mut PyObject) -> c_int {
    if tstate.is_null() {
        return 0;
    }
    (!enter(tstate, op)) as c_int
}

/// `void _PyTrash_end(PyThreadState *tstate)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTrash_end(tstate: *mut PyThreadState) {
    if !tstate.is_null() {
        leave(tstate);
    }
}

/// `int _PyTrash_cond(PyObject *op, destructor dealloc)`: whether `dealloc` is the dealloc
/// of `op`'s type (only that one uses the trashcan).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTrash_cond(op: *mut PyObject, dealloc: destructor) -> c_int {
    (!op.is_null() && dealloc.is_some() && (*(*op).ob_type).tp_dealloc == dealloc) as c_int
}
