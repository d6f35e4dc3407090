//! The trashcan: bounds the C stack used by chains of deallocations (a list nested a
//! million deep, a long linked chain of instances). A dealloc body runs inside
//! `with_trashcan` (Rust types) or `Py_TRASHCAN_BEGIN`/`END` (C types, through
//! `_PyTrash_begin`/`_PyTrash_cond`/`_PyTrash_end`); past `UNWIND_LEVEL` nested bodies
//! the object (refcount zero, untracked) is set aside instead, and its dealloc runs again
//! once the outermost body has returned, from a loop rather than from deeper frames.
//! The state is per OS thread (each Python thread deallocates on its own stack).
// Deallocs are compared by address on purpose: "is this the dealloc of the type itself?".
#![allow(unpredictable_function_pointer_comparisons)]
use core::cell::{Cell, RefCell};
use core::ffi::c_int;

use crate::object::object::PyObject;
use crate::object::slots::destructor;
use crate::runtime::threadstate::PyThreadState;

/// Nested dealloc bodies allowed before objects are set aside (CPython uses 50 too).
const UNWIND_LEVEL: i32 = 50;

thread_local! {
    static NESTING: Cell<i32> = const { Cell::new(0) };
    static LATER: RefCell<Vec<*mut PyObject>> = const { RefCell::new(Vec::new()) };
    static DRAINING: Cell<bool> = const { Cell::new(false) };
}

/// Enters a dealloc body: false when `op` was set aside for later (the body must not run).
#[inline]
pub(crate) fn enter(op: *mut PyObject) -> bool {
    let depth = NESTING.with(|n| n.get());
    if depth >= UNWIND_LEVEL {
        LATER.with(|l| l.borrow_mut().push(op));
        return false;
    }
    NESTING.with(|n| n.set(depth + 1));
    true
}

/// Leaves a dealloc body; the outermost one deallocates what was set aside.
#[inline]
pub(crate) fn leave() {
    let depth = NESTING.with(|n| {
        let d = n.get() - 1;
        n.set(d);
        d
    });
    if depth == 0 && LATER.with(|l| !l.borrow().is_empty()) {
        drain();
    }
}

#[cold]
fn drain() {
    if DRAINING.with(|d| d.replace(true)) {
        return;
    }
    while let Some(op) = LATER.with(|l| l.borrow_mut().pop()) {
        // SAFETY: a set-aside object is a dead object (count zero) waiting for its dealloc.
        unsafe {
            if let Some(dealloc) = (*(*op).ob_type).tp_dealloc {
                dealloc(op);
            }
        }
    }
    DRAINING.with(|d| d.set(false));
}

/// Runs a dealloc `body` for `op` inside the trashcan when `dealloc` is the dealloc of
/// `op`'s own type (a subclass's dealloc calling its base's must not defer half an object).
#[inline]
pub(crate) unsafe fn with_trashcan(op: *mut PyObject, dealloc: unsafe extern "C" fn(*mut PyObject), body: impl FnOnce()) {
    if (*(*op).ob_type).tp_dealloc != Some(dealloc) {
        body();
        return;
    }
    if enter(op) {
        body();
        leave();
    }
}

/// `int _PyTrash_begin(PyThreadState *tstate, PyObject *op)`: 1 when `op` was set aside
/// (the dealloc body is skipped), 0 when the body runs.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTrash_begin(tstate: *mut PyThreadState, op: *mut PyObject) -> c_int {
    let _ = tstate;
    (!enter(op)) as c_int
}

/// `void _PyTrash_end(PyThreadState *tstate)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTrash_end(tstate: *mut PyThreadState) {
    let _ = tstate;
    leave();
}

/// `int _PyTrash_cond(PyObject *op, destructor dealloc)`: whether `dealloc` is the dealloc
/// of `op`'s type (only that one uses the trashcan).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTrash_cond(op: *mut PyObject, dealloc: destructor) -> c_int {
    (!op.is_null() && dealloc.is_some() && (*(*op).ob_type).tp_dealloc == dealloc) as c_int
}
