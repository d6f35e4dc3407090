//! The `PyGILState_*` API: each OS thread has at most one automatic thread state, which
//! `PyGILState_Ensure` uses (creating one in the main interpreter for a thread that never
//! had one) to take the GIL from any thread, and `PyGILState_Release` gives back. Nested
//! Ensure/Release pairs are counted in `PyThreadState.gilstate_counter`; the state that
//! Ensure created is deleted when the count returns to zero.
//!
//! The binding is a thread-local tagged with the runtime's generation: finalization bumps
//! it, which forgets every thread's binding at once (the thread states are gone), as
//! CPython does by deleting its TSS key.
use crate::runtime::gil;
use crate::runtime::pystate::{self, fatal_error};
use crate::runtime::thread::exit_current_thread;
use crate::runtime::threadstate::{PyInterpreterState, PyThreadState};
use core::cell::Cell;
use core::ffi::c_int;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};

/// Whether the calling thread held the GIL before `PyGILState_Ensure`.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PyGILState_STATE {
    PyGILState_LOCKED,
    PyGILState_UNLOCKED,
}
assert_layout!(PyGILState_STATE, size = 4);

/// The interpreter in which `PyGILState_Ensure` creates thread states; NULL while the
/// runtime is not initialized.
static AUTO_INTERPRETER: AtomicPtr<PyInterpreterState> = AtomicPtr::new(core::ptr::null_mut());
/// Bumped at each initialization and finalization: bindings of another generation are stale.
static GENERATION: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// (generation, automatic thread state) of the calling OS thread.
    static AUTO_TSTATE: Cell<(u64, *mut PyThreadState)> =
        const { Cell::new((0, core::ptr::null_mut())) };
}

/// Initialization: thread states made from now on bind to their thread in `interp`.
pub(crate) fn init(interp: *mut PyInterpreterState) {
    GENERATION.fetch_add(1, Ordering::AcqRel);
    AUTO_INTERPRETER.store(interp, Ordering::Release);
}

/// Finalization: every binding is forgotten.
pub(crate) fn fini() {
    AUTO_INTERPRETER.store(core::ptr::null_mut(), Ordering::Release);
    GENERATION.fetch_add(1, Ordering::AcqRel);
}

/// The calling thread's automatic thread state, or NULL.
pub(crate) fn this_thread_state() -> *mut PyThreadState {
    if AUTO_INTERPRETER.load(Ordering::Acquire).is_null() {
        return core::ptr::null_mut();
    }
    let generation = GENERATION.load(Ordering::Acquire);
    AUTO_TSTATE.with(|auto| match auto.get() {
        (g, tstate) if g == generation => tstate,
        _ => core::ptr::null_mut(),
    })
}

fn bind(tstate: *mut PyThreadState) {
    let generation = GENERATION.load(Ordering::Acquire);
    AUTO_TSTATE.with(|auto| auto.set((generation, tstate)));
}

/// A thread state was just made by the calling thread: it becomes the thread's automatic
/// one if the thread has none (CPython binds the creating thread, wherever it is used).
///
/// # Safety
/// `tstate` is live.
pub(crate) unsafe fn note_new_thread_state(tstate: *mut PyThreadState) {
    if AUTO_INTERPRETER.load(Ordering::Acquire).is_null() {
        return;
    }
    if this_thread_state().is_null() {
        bind(tstate);
    }
    // Not made by PyGILState_Ensure: PyGILState_Release must never delete it.
    (*tstate).gilstate_counter = 1;
}

/// A thread state is being deleted: if it is the calling thread's automatic one, the
/// thread has none any more.
pub(crate) fn forget_if_auto(tstate: *mut PyThreadState) {
    if this_thread_state() == tstate {
        bind(core::ptr::null_mut());
    }
}

/// `PyGILState_STATE PyGILState_Ensure(void)`: makes sure the calling thread holds the GIL
/// with its automatic thread state current, whatever state it was in.
#[no_mangle]
pub extern "C" fn PyGILState_Ensure() -> PyGILState_STATE {
    if gil::RUNTIME_GIL.closed_to_caller() {
        // Finalization started in another thread: this thread would exit when taking the
        // GIL anyway; do so before making a thread state finalization would not see.
        exit_current_thread();
    }
    let interp = AUTO_INTERPRETER.load(Ordering::Acquire);
    if interp.is_null() {
        fatal_error("PyGILState_Ensure", "Python is not initialized (call Py_Initialize first)");
    }
    let mut tstate = this_thread_state();
    let held = if tstate.is_null() {
        // SAFETY: the automatic interpreter is live while the runtime is initialized.
        tstate = unsafe { pystate::new_thread_state(interp) };
        // This one is ours: the matching Release deletes it.
        // SAFETY: just created.
        unsafe { (*tstate).gilstate_counter = 0 };
        false
    } else {
        tstate == pystate::current()
    };
    if !held {
        gil::take_or_exit(tstate);
        pystate::swap(tstate);
    }
    // SAFETY: the calling thread holds the GIL for `tstate`.
    unsafe { (*tstate).gilstate_counter += 1 };
    if held {
        PyGILState_STATE::PyGILState_LOCKED
    } else {
        PyGILState_STATE::PyGILState_UNLOCKED
    }
}

/// `void PyGILState_Release(PyGILState_STATE oldstate)`: undoes the matching
/// `PyGILState_Ensure`: deletes the thread state it created when the count reaches zero,
/// releases the GIL when the thread did not hold it before.
#[no_mangle]
pub extern "C" fn PyGILState_Release(oldstate: PyGILState_STATE) {
    let tstate = this_thread_state();
    if tstate.is_null() {
        fatal_error("PyGILState_Release", "auto-releasing thread-state, but no thread-state for this thread");
    }
    if tstate != pystate::current() {
        fatal_error("PyGILState_Release", "thread state must be current when releasing");
    }
    // SAFETY: the calling thread holds the GIL for its automatic thread state.
    unsafe {
        (*tstate).gilstate_counter -= 1;
        if (*tstate).gilstate_counter <= 0 {
            pystate::PyThreadState_Clear(tstate);
            pystate::PyThreadState_DeleteCurrent();
            return;
        }
    }
    if oldstate == PyGILState_STATE::PyGILState_UNLOCKED {
        gil::PyEval_SaveThread();
    }
}

/// `PyThreadState *PyGILState_GetThisThreadState(void)`: the calling thread's automatic
/// thread state, or NULL.
#[no_mangle]
pub extern "C" fn PyGILState_GetThisThreadState() -> *mut PyThreadState {
    this_thread_state()
}

/// `int PyGILState_Check(void)`: 1 when the calling thread's automatic thread state is
/// current (it holds the GIL), 0 otherwise; 1 when the runtime is not initialized.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyGILState_Check() -> c_int {
    if AUTO_INTERPRETER.load(Ordering::Acquire).is_null() {
        return 1;
    }
    let current = pystate::current();
    (!current.is_null() && current == this_thread_state()) as c_int
}

/// `PyInterpreterState *_PyGILState_GetInterpreterStateUnsafe(void)`: the interpreter the
/// `PyGILState_*` functions make thread states for (the main one), or NULL before
/// initialization and after finalization.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyGILState_GetInterpreterStateUnsafe() -> *mut PyInterpreterState {
    AUTO_INTERPRETER.load(Ordering::Acquire)
}
