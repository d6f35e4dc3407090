//! Interpreter states. `PyInterpreterState` (`struct _is`) is opaque to C, so the Rust
//! struct `Interpreter` is what a `*mut PyInterpreterState` really points to. State that
//! belongs to one interpreter (sys, modules, builtins, codecs, atexit handlers, caches)
//! lives here, never in process globals, so that the GIL can later become per-interpreter.
//!
//! The runtime keeps its interpreters in a list, newest first (`PyInterpreterState_Head`,
//! `PyInterpreterState_Next`); each interpreter keeps its thread states in a list, newest
//! first (`PyInterpreterState_ThreadHead`, `PyThreadState_Next`). Both lists change under
//! `HEAD_LOCK`, because thread states come and go in threads that do not hold the GIL.
use crate::runtime::threadstate::{PyInterpreterState, PyThreadState};
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Mutex, MutexGuard};

pub(crate) struct Interpreter {
    /// The next (older) interpreter of the runtime's list.
    pub(crate) next: *mut PyInterpreterState,
    /// The interpreter's thread states, linked through `PyThreadState.next`/`prev`.
    pub(crate) tstate_head: *mut PyThreadState,
    /// The last `PyThreadState.id` handed out: ids count from 1 in each interpreter.
    pub(crate) last_tstate_id: u64,
    /// Stack size of threads started by `PyThread_start_new_thread` (0: the default).
    pub(crate) thread_stacksize: usize,
}

static HEAD_LOCK: Mutex<()> = Mutex::new(());
static INTERPRETERS_HEAD: AtomicPtr<PyInterpreterState> = AtomicPtr::new(core::ptr::null_mut());

/// Held while the interpreter list or a thread-state list changes.
pub(crate) fn head_lock() -> MutexGuard<'static, ()> {
    HEAD_LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Interpreter {
    /// A new interpreter at the head of the runtime's list, owned by the caller through
    /// the returned pointer (freed by `Interpreter::delete`).
    pub(crate) fn new() -> *mut PyInterpreterState {
        let _guard = head_lock();
        let interp = Box::new(Interpreter {
            next: INTERPRETERS_HEAD.load(Ordering::Acquire),
            tstate_head: core::ptr::null_mut(),
            last_tstate_id: 0,
            thread_stacksize: 0,
        });
        let interp: *mut PyInterpreterState = Box::into_raw(interp).cast();
        INTERPRETERS_HEAD.store(interp, Ordering::Release);
        interp
    }

    /// # Safety
    /// `interp` comes from `Interpreter::new` and has no thread states left.
    pub(crate) unsafe fn delete(interp: *mut PyInterpreterState) {
        let _guard = head_lock();
        let next = Interpreter::from_c(interp).next;
        let head = INTERPRETERS_HEAD.load(Ordering::Acquire);
        if head == interp {
            INTERPRETERS_HEAD.store(next, Ordering::Release);
        } else {
            let mut cursor = head;
            while !cursor.is_null() {
                let older = Interpreter::from_c(cursor);
                if older.next == interp {
                    older.next = next;
                    break;
                }
                cursor = older.next;
            }
        }
        let interp: Box<Interpreter> = Box::from_raw(interp.cast());
        debug_assert!(interp.tstate_head.is_null());
        drop(interp);
    }

    /// # Safety
    /// `interp` is a live interpreter made by `Interpreter::new`.
    pub(crate) unsafe fn from_c<'a>(interp: *mut PyInterpreterState) -> &'a mut Interpreter {
        &mut *interp.cast::<Interpreter>()
    }
}

/// `PyInterpreterState *PyInterpreterState_Head(void)`: the newest interpreter, NULL when
/// the runtime is not initialized.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyInterpreterState_Head() -> *mut PyInterpreterState {
    INTERPRETERS_HEAD.load(Ordering::Acquire)
}

/// `PyInterpreterState *PyInterpreterState_Next(PyInterpreterState *interp)`: the next
/// older interpreter, or NULL (also for a NULL `interp`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_Next(interp: *mut PyInterpreterState) -> *mut PyInterpreterState {
    if interp.is_null() {
        return core::ptr::null_mut();
    }
    Interpreter::from_c(interp).next
}

/// `PyThreadState *PyInterpreterState_ThreadHead(PyInterpreterState *interp)`: the newest
/// thread state of `interp`, or NULL (also for a NULL `interp`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_ThreadHead(interp: *mut PyInterpreterState) -> *mut PyThreadState {
    if interp.is_null() {
        return core::ptr::null_mut();
    }
    Interpreter::from_c(interp).tstate_head
}
