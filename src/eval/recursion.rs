//! The C-level recursion guard (CPython 3.11's `Py_EnterRecursiveCall`): every call that can
//! recurse through C (calls of builtins, `tp_call`, the eval loop) counts down the thread
//! state's `recursion_remaining` and raises RecursionError when it runs out, instead of
//! overflowing the C stack.
use core::ffi::{c_char, c_int, CStr};

use crate::errors::exception_types::_PyExc_RecursionError;
use crate::errors::raised::{PyResult, Raised};
use crate::object::pending_error::raise_type;
use crate::runtime::pystate::{self, DEFAULT_RECURSION_LIMIT};
use crate::runtime::threadstate::PyThreadState;

/// Extra depth granted while a RecursionError is being raised and handled, before giving up.
const HEADROOM: i32 = 50;

/// The interpreter's recursion limit (`sys.setrecursionlimit`, `Py_SetRecursionLimit`).
fn interpreter_limit() -> i32 {
    crate::runtime::interpreter::current().map_or(DEFAULT_RECURSION_LIMIT, |i| i.recursion_limit)
}

/// Enters one level of C recursion; `where_` completes the message ("maximum recursion depth
/// exceeded" + `where_`). Pair every `Ok` with `leave`.
#[inline]
pub(crate) fn enter(where_: &str) -> PyResult<()> {
    let tstate = pystate::current();
    if tstate.is_null() {
        // Rust unit tests run objects without a thread state: nothing to count.
        return Ok(());
    }
    // SAFETY: the current thread state is live while its thread holds the GIL.
    unsafe {
        let remaining = (*tstate).recursion_remaining;
        (*tstate).recursion_remaining = remaining - 1;
        if remaining > 0 {
            return Ok(());
        }
        check_depth(tstate, where_)
    }
}

/// Leaves a level entered with `enter`.
#[inline]
pub(crate) fn leave() {
    let tstate = pystate::current();
    if !tstate.is_null() {
        // SAFETY: as in `enter`.
        unsafe { (*tstate).recursion_remaining += 1 };
    }
}

/// The slow path once `recursion_remaining` has run out (it is already decremented): a raised
/// interpreter limit lets the thread go on; otherwise RecursionError, with the level given
/// back. While that error is being raised (`recursion_headroom`) a little more depth is
/// allowed; beyond it there is no way back.
#[cold]
unsafe fn check_depth(tstate: *mut PyThreadState, where_: &str) -> PyResult<()> {
    let ts = &mut *tstate;
    let depth = ts.recursion_limit - ts.recursion_remaining;
    let limit = interpreter_limit();
    if depth < limit {
        ts.recursion_limit = limit;
        ts.recursion_remaining = limit - depth;
        return Ok(());
    }
    if ts.recursion_headroom != 0 {
        if ts.recursion_remaining < -HEADROOM {
            pystate::fatal_error("_Py_CheckRecursiveCall", "Cannot recover from stack overflow.");
        }
        return Ok(());
    }
    ts.recursion_headroom += 1;
    let err: Raised = raise_type(
        &raw mut _PyExc_RecursionError,
        format!("maximum recursion depth exceeded{where_}"),
    );
    ts.recursion_headroom -= 1;
    ts.recursion_remaining += 1;
    Err(err)
}

/// `int Py_EnterRecursiveCall(const char *where)`: 0, or -1 with RecursionError set.
#[no_mangle]
pub unsafe extern "C" fn Py_EnterRecursiveCall(where_: *const c_char) -> c_int {
    let text = if where_.is_null() { "".into() } else { CStr::from_ptr(where_).to_string_lossy() };
    match enter(&text) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// `void Py_LeaveRecursiveCall(void)`.
#[no_mangle]
pub unsafe extern "C" fn Py_LeaveRecursiveCall() {
    leave();
}
