//! Thread states: creating and deleting them, and which one is current. The current
//! thread state is the one whose thread holds the GIL, so it is a single process-wide
//! pointer (as CPython 3.11 keeps it), not a thread-local.
use crate::runtime::interpreter::Interpreter;
use crate::runtime::threadstate::{PyInterpreterState, PyThreadState};
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};

/// The default recursion limit (`sys.getrecursionlimit()`).
pub(crate) const DEFAULT_RECURSION_LIMIT: i32 = 1000;

static CURRENT: AtomicPtr<PyThreadState> = AtomicPtr::new(core::ptr::null_mut());
/// Thread-state ids (`PyThreadState.id`) are unique for the life of the process.
static NEXT_TSTATE_ID: AtomicU64 = AtomicU64::new(1);

/// The current thread state, or NULL when no thread holds the GIL.
#[inline]
pub(crate) fn current() -> *mut PyThreadState {
    CURRENT.load(Ordering::Relaxed)
}

/// Makes `tstate` current and returns the previous one.
pub(crate) fn swap(tstate: *mut PyThreadState) -> *mut PyThreadState {
    CURRENT.swap(tstate, Ordering::AcqRel)
}

/// A new thread state for the calling OS thread in `interp`, linked at the head of the
/// interpreter's list (as CPython does). Zeroed except for what CPython sets up front.
///
/// # Safety
/// `interp` is a live interpreter.
pub(crate) unsafe fn new_thread_state(interp: *mut PyInterpreterState) -> *mut PyThreadState {
    // SAFETY: every field of `struct _ts` is a pointer, an integer or an Option of a function
    // pointer, for all of which all-zero bytes are a valid value.
    let tstate: *mut PyThreadState = Box::into_raw(Box::new(core::mem::zeroed::<PyThreadState>()));
    let ts = &mut *tstate;
    ts.interp = interp;
    ts._initialized = 1;
    ts.recursion_limit = DEFAULT_RECURSION_LIMIT;
    ts.recursion_remaining = DEFAULT_RECURSION_LIMIT;
    ts.gilstate_counter = 1;
    ts.thread_id = libc::pthread_self() as _;
    ts.native_thread_id = libc::gettid() as _;
    ts.id = NEXT_TSTATE_ID.fetch_add(1, Ordering::Relaxed);
    // The thread's own handled-exception slot and root C frame live inside the struct.
    ts.exc_info = &mut ts.exc_state;
    ts.cframe = &mut ts.root_cframe;
    let owner = Interpreter::from_c(interp);
    ts.next = owner.tstate_head;
    if !owner.tstate_head.is_null() {
        (*owner.tstate_head).prev = tstate;
    }
    owner.tstate_head = tstate;
    tstate
}

/// Unlinks and frees a thread state. The caller has cleared the objects it refers to.
///
/// # Safety
/// `tstate` comes from `new_thread_state` and is not current.
pub(crate) unsafe fn delete_thread_state(tstate: *mut PyThreadState) {
    let ts = &mut *tstate;
    let owner = Interpreter::from_c(ts.interp);
    if ts.prev.is_null() {
        owner.tstate_head = ts.next;
    } else {
        (*ts.prev).next = ts.next;
    }
    if !ts.next.is_null() {
        (*ts.next).prev = ts.prev;
    }
    drop(Box::from_raw(tstate));
}

/// Stops the process the way CPython's fatal errors do, for states from which no Python
/// exception can be raised (no thread state, corrupted runtime).
pub(crate) fn fatal_error(function: &str, message: &str) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    eprintln!("Fatal Python error: {function}: {message}");
    std::process::abort();
}

/// `PyThreadState *PyThreadState_Get(void)`: the current thread state; a fatal error when
/// called without the GIL.
#[no_mangle]
pub extern "C" fn PyThreadState_Get() -> *mut PyThreadState {
    let tstate = current();
    if tstate.is_null() {
        fatal_error(
            "PyThreadState_Get",
            "the function must be called with the GIL held, but the GIL is released (the current Python thread state is NULL)",
        );
    }
    tstate
}

/// `PyThreadState *_PyThreadState_UncheckedGet(void)`: the current thread state or NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyThreadState_UncheckedGet() -> *mut PyThreadState {
    current()
}

/// `PyInterpreterState *PyThreadState_GetInterpreter(PyThreadState *tstate)`.
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetInterpreter(tstate: *mut PyThreadState) -> *mut PyInterpreterState {
    if tstate.is_null() {
        fatal_error("PyThreadState_GetInterpreter", "tstate is NULL");
    }
    (*tstate).interp
}

/// `uint64_t PyThreadState_GetID(PyThreadState *tstate)`.
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetID(tstate: *mut PyThreadState) -> u64 {
    if tstate.is_null() {
        fatal_error("PyThreadState_GetID", "tstate is NULL");
    }
    (*tstate).id
}

/// `PyInterpreterState *PyInterpreterState_Get(void)`: the current interpreter; a fatal
/// error without a current thread state.
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub extern "C" fn PyInterpreterState_Get() -> *mut PyInterpreterState {
    let tstate = current();
    if tstate.is_null() {
        fatal_error(
            "PyInterpreterState_Get",
            "the function must be called with the GIL held, but the GIL is released (the current Python thread state is NULL)",
        );
    }
    // SAFETY: a current thread state is live.
    unsafe { (*tstate).interp }
}
