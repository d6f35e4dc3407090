//! Thread states: creating and deleting them, and which one is current. The current
//! thread state is the one whose thread holds the GIL, so it is a single process-wide
//! pointer (as CPython 3.11 keeps it), not a thread-local. Which thread state belongs to
//! which OS thread (for `PyGILState_*`) is gilstate.rs's business.
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::runtime::c_stack::{CStack, ThreadStateAlloc};
use crate::runtime::gil::RUNTIME_GIL;
use crate::runtime::gilstate;
use crate::runtime::interpreter::{head_lock, Interpreter};
use crate::runtime::threadstate::{PyInterpreterState, PyThreadState};
use std::sync::atomic::{AtomicPtr, Ordering};

/// The default recursion limit (`sys.getrecursionlimit()`).
pub(crate) const DEFAULT_RECURSION_LIMIT: i32 = 1000;

static CURRENT: AtomicPtr<PyThreadState> = AtomicPtr::new(core::ptr::null_mut());

/// The current thread state, or NULL when no thread holds the GIL.
#[inline]
pub(crate) fn current() -> *mut PyThreadState {
    CURRENT.load(Ordering::Relaxed)
}

/// Makes `tstate` current and returns the previous one.
pub(crate) fn swap(tstate: *mut PyThreadState) -> *mut PyThreadState {
    crate::runtime::pyruntime_compat::set_tstate_current(tstate);
    CURRENT.swap(tstate, Ordering::AcqRel)
}

/// A new thread state for the calling OS thread in `interp`, linked at the head of the
/// interpreter's list (as CPython does). Zeroed except for what CPython sets up front.
/// It becomes the calling thread's automatic thread state if it has none yet.
///
/// # Safety
/// `interp` is a live interpreter.
pub(crate) unsafe fn new_thread_state(interp: *mut PyInterpreterState) -> *mut PyThreadState {
    // SAFETY: every field of `struct _ts` is a pointer, an integer or an Option of a function
    // pointer, for all of which all-zero bytes are a valid value.
    // Allocated with ferropy's own per-thread fields after CPython's struct (c_stack.rs).
    let alloc = Box::new(ThreadStateAlloc { ts: core::mem::zeroed::<PyThreadState>(), c_stack: CStack::new() });
    let tstate: *mut PyThreadState = Box::into_raw(alloc) as *mut PyThreadState;
    let ts = &mut *tstate;
    ts.interp = interp;
    ts._initialized = 1;
    ts.recursion_limit = DEFAULT_RECURSION_LIMIT;
    ts.recursion_remaining = DEFAULT_RECURSION_LIMIT;
    ts.gilstate_counter = 1;
    ts.thread_id = libc::pthread_self() as _;
    ts.native_thread_id = libc::gettid() as _;
    // The thread's own handled-exception slot and root C frame live inside the struct.
    ts.exc_info = &mut ts.exc_state;
    ts.cframe = &mut ts.root_cframe;
    {
        let _guard = head_lock();
        let owner = Interpreter::from_c(interp);
        owner.last_tstate_id += 1;
        ts.id = owner.last_tstate_id;
        ts.next = owner.tstate_head;
        if !owner.tstate_head.is_null() {
            (*owner.tstate_head).prev = tstate;
        }
        owner.tstate_head = tstate;
    }
    gilstate::note_new_thread_state(tstate);
    tstate
}

/// Unlinks and frees a thread state. The caller has cleared the objects it refers to.
///
/// # Safety
/// `tstate` comes from `new_thread_state` and is not current.
pub(crate) unsafe fn delete_thread_state(tstate: *mut PyThreadState) {
    unlink_thread_state(tstate);
    crate::eval::frame_stack::free_all(tstate);
    drop(Box::from_raw(tstate as *mut ThreadStateAlloc));
}

/// Takes a thread state out of its interpreter's list, and out of the calling thread's
/// automatic thread state if it is that.
unsafe fn unlink_thread_state(tstate: *mut PyThreadState) {
    {
        let _guard = head_lock();
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
        ts.prev = core::ptr::null_mut();
        ts.next = core::ptr::null_mut();
    }
    gilstate::forget_if_auto(tstate);
}

/// Drops the reference a thread-state field holds and leaves NULL behind.
unsafe fn clear_field(field: &mut *mut PyObject) {
    drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
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

/// `PyThreadState *PyThreadState_New(PyInterpreterState *interp)`: a new thread state in
/// `interp` for the calling thread (its automatic one, if it has none yet).
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_New(interp: *mut PyInterpreterState) -> *mut PyThreadState {
    if interp.is_null() {
        fatal_error("PyThreadState_New", "interp is NULL");
    }
    new_thread_state(interp)
}

/// `void PyThreadState_Clear(PyThreadState *tstate)`: drops every object the thread state
/// refers to and calls its `on_delete` hook (how `_thread` learns that a thread is gone).
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Clear(tstate: *mut PyThreadState) {
    if tstate.is_null() {
        fatal_error("PyThreadState_Clear", "tstate is NULL");
    }
    let ts = &mut *tstate;
    clear_field(&mut ts.dict);
    clear_field(&mut ts.async_exc);
    clear_field(&mut ts.curexc_type);
    clear_field(&mut ts.curexc_value);
    clear_field(&mut ts.curexc_traceback);
    clear_field(&mut ts.exc_state.exc_value);
    clear_field(&mut ts.async_gen_firstiter);
    clear_field(&mut ts.async_gen_finalizer);
    clear_field(&mut ts.context);
    ts.c_profilefunc = None;
    ts.c_tracefunc = None;
    clear_field(&mut ts.c_profileobj);
    clear_field(&mut ts.c_traceobj);
    // Taken, so that clearing again (finalization clears every thread state) calls it once.
    if let Some(on_delete) = ts.on_delete.take() {
        on_delete(core::mem::replace(&mut ts.on_delete_data, core::ptr::null_mut()));
    }
}

/// `void PyThreadState_Delete(PyThreadState *tstate)`: unlinks and frees a thread state
/// that is not current (clear it first).
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Delete(tstate: *mut PyThreadState) {
    if tstate.is_null() {
        fatal_error("PyThreadState_Delete", "NULL tstate");
    }
    if tstate == current() {
        fatal_error("PyThreadState_Delete", "tstate is still current");
    }
    delete_thread_state(tstate);
}

/// `void PyThreadState_DeleteCurrent(void)`: deletes the current thread state and
/// releases the GIL (how a thread ends its life in Python).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyThreadState_DeleteCurrent() {
    let tstate = current();
    if tstate.is_null() {
        fatal_error(
            "PyThreadState_DeleteCurrent",
            "the function must be called with the GIL held, but the GIL is released (the current Python thread state is NULL)",
        );
    }
    // SAFETY: the current thread state is live and owned by the runtime.
    unsafe {
        unlink_thread_state(tstate);
        swap(core::ptr::null_mut());
        // Only compared by the GIL, never read: it may be freed right after.
        RUNTIME_GIL.drop_gil(tstate);
        drop(Box::from_raw(tstate as *mut ThreadStateAlloc));
    }
}

/// `PyThreadState *PyThreadState_Swap(PyThreadState *tstate)`: makes `tstate` (possibly
/// NULL) current and returns the previous one. The GIL is not touched.
#[no_mangle]
pub extern "C" fn PyThreadState_Swap(tstate: *mut PyThreadState) -> *mut PyThreadState {
    swap(tstate)
}

/// `PyThreadState *PyThreadState_Next(PyThreadState *tstate)`: the next (older) thread
/// state of the same interpreter, or NULL (also for a NULL `tstate`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Next(tstate: *mut PyThreadState) -> *mut PyThreadState {
    if tstate.is_null() {
        return core::ptr::null_mut();
    }
    (*tstate).next
}

/// The thread state's dict, created on demand (borrowed); NULL when it cannot be made (the
/// error is cleared, as CPython does).
unsafe fn thread_dict(tstate: *mut PyThreadState) -> *mut PyObject {
    let ts = &mut *tstate;
    if ts.dict.is_null() {
        match crate::objects::dict::new() {
            Ok(dict) => ts.dict = dict.into_ptr(),
            Err(_) => {
                crate::errors::pyerr::PyErr_Clear();
                return core::ptr::null_mut();
            }
        }
    }
    ts.dict
}

/// `PyObject *_PyThreadState_GetDict(PyThreadState *tstate)`: `tstate`'s dict (borrowed).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyThreadState_GetDict(tstate: *mut PyThreadState) -> *mut PyObject {
    if tstate.is_null() {
        return core::ptr::null_mut();
    }
    thread_dict(tstate)
}

/// `PyObject *PyThreadState_GetDict(void)`: a dict private to the current thread state
/// (borrowed), where extensions keep per-thread data; NULL without a current thread state
/// (no exception set). Cleared with the thread state.
#[no_mangle]
pub extern "C" fn PyThreadState_GetDict() -> *mut PyObject {
    let tstate = current();
    if tstate.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: the current thread state is live and its thread holds the GIL.
    unsafe { thread_dict(tstate) }
}

/// `int PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc)`: makes the thread
/// state of thread `id` (in the current interpreter) raise `exc` at its next check of the
/// eval breaker; NULL `exc` withdraws a pending one. Returns the number of thread states
/// changed: 1, or 0 when no thread state has that id (CPython stops at the first match).
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_SetAsyncExc(id: core::ffi::c_ulong, exc: *mut PyObject) -> core::ffi::c_int {
    let me = current();
    if me.is_null() {
        fatal_error(
            "PyThreadState_SetAsyncExc",
            "the function must be called with the GIL held, but the GIL is released (the current Python thread state is NULL)",
        );
    }
    let old = {
        let _guard = head_lock();
        let mut ts = Interpreter::from_c((*me).interp).tstate_head;
        loop {
            if ts.is_null() {
                return 0;
            }
            if (*ts).thread_id == id {
                if !exc.is_null() {
                    crate::object::refcount::Py_IncRef(exc);
                }
                break core::mem::replace(&mut (*ts).async_exc, exc);
            }
            ts = (*ts).next;
        }
    };
    // Dropped outside the lock: a destructor may run arbitrary code.
    drop(PyRef::from_owned(old));
    RUNTIME_GIL.eval_breaker.set(crate::runtime::eval_breaker::ASYNC_EXC);
    1
}
