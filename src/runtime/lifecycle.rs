//! The runtime's life: `Py_Initialize*` creates the main interpreter and its main thread
//! state, `Py_Finalize*` tears them down and runs the `Py_AtExit` functions. Initialization
//! and finalization can repeat any number of times in one process.
//!
//! What exists today is initialized here: the runtime, the main interpreter, the main
//! thread state and the GIL (which the main thread holds when `Py_Initialize` returns),
//! then the builtin static types (readied; unreadied at finalization). The rest of the
//! object core, `sys` and `builtins` join this sequence as they land (see docs/STATUS.md).
use crate::runtime::gil::{self, RUNTIME_GIL};
use crate::runtime::gilstate;
use crate::runtime::interpreter::Interpreter;
use crate::runtime::pystate;
use crate::runtime::threadstate::PyInterpreterState;
use core::ffi::c_int;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::sync::Mutex;

static INITIALIZED: AtomicBool = AtomicBool::new(false);
/// Set by the first finalization: from then on, initializing resets the runtime state.
static FINALIZED_BEFORE: AtomicBool = AtomicBool::new(false);
static MAIN_INTERPRETER: AtomicPtr<PyInterpreterState> = AtomicPtr::new(core::ptr::null_mut());

/// CPython allows 32 `Py_AtExit` functions.
const MAX_EXIT_FUNCS: usize = 32;
static EXIT_FUNCS: Mutex<Vec<extern "C" fn()>> = Mutex::new(Vec::new());

pub(crate) fn is_initialized() -> bool {
    INITIALIZED.load(Ordering::Acquire)
}

fn initialize() {
    if is_initialized() {
        return;
    }
    if FINALIZED_BEFORE.load(Ordering::Acquire) {
        // CPython resets its runtime state when it initializes again after a finalization,
        // which forgets Py_AtExit functions registered in between; C code can observe it.
        if let Ok(mut funcs) = EXIT_FUNCS.lock() {
            funcs.clear();
        }
    }
    RUNTIME_GIL.reset_for_initialize();
    let interp = Interpreter::new();
    gilstate::init(interp);
    // SAFETY: `interp` was just created. The main thread state is the calling thread's
    // automatic one, so PyGILState_Ensure in this thread finds it.
    let tstate = unsafe { pystate::new_thread_state(interp) };
    MAIN_INTERPRETER.store(interp, Ordering::Release);
    gil::take_or_exit(tstate);
    pystate::swap(tstate);
    crate::object::builtin_types::init();
    INITIALIZED.store(true, Ordering::Release);
}

fn finalize() -> c_int {
    if !is_initialized() {
        return 0;
    }
    if pystate::current().is_null() {
        pystate::fatal_error(
            "Py_FinalizeEx",
            "the function must be called with the GIL held, but the GIL is released (the current Python thread state is NULL)",
        );
    }
    // From here on, other threads that try to take the GIL exit (daemon threads).
    RUNTIME_GIL.begin_finalizing();
    INITIALIZED.store(false, Ordering::Release);
    FINALIZED_BEFORE.store(true, Ordering::Release);
    crate::object::builtin_types::fini();
    let interp = MAIN_INTERPRETER.swap(core::ptr::null_mut(), Ordering::AcqRel);
    gilstate::fini();
    RUNTIME_GIL.release_after_finalize();
    pystate::swap(core::ptr::null_mut());
    // SAFETY: the runtime owns `interp` and every thread state in it; no thread is current.
    unsafe {
        let owner = Interpreter::from_c(interp);
        while !owner.tstate_head.is_null() {
            pystate::delete_thread_state(owner.tstate_head);
        }
        Interpreter::delete(interp);
    }
    run_exit_funcs();
    0
}

/// Runs the `Py_AtExit` functions, last registered first, each once.
fn run_exit_funcs() {
    loop {
        // Take one at a time: an exit function may register another.
        let next = EXIT_FUNCS.lock().map(|mut funcs| funcs.pop()).unwrap_or(None);
        match next {
            Some(func) => func(),
            None => break,
        }
    }
    // SAFETY: fflush(NULL) flushes every C stdio stream.
    unsafe {
        libc::fflush(core::ptr::null_mut());
    }
}

/// `void Py_Initialize(void)`.
#[no_mangle]
pub extern "C" fn Py_Initialize() {
    initialize();
}

/// `void Py_InitializeEx(int initsigs)`. Signal handlers are installed by the signals
/// layer once it exists; until then `initsigs` has nothing to install.
#[no_mangle]
pub extern "C" fn Py_InitializeEx(_initsigs: c_int) {
    initialize();
}

/// `int Py_IsInitialized(void)`.
#[no_mangle]
pub extern "C" fn Py_IsInitialized() -> c_int {
    is_initialized() as c_int
}

/// `int Py_FinalizeEx(void)`: 0 on success (and when not initialized).
#[cfg(not(limited_api_before_3_6))]
#[no_mangle]
pub extern "C" fn Py_FinalizeEx() -> c_int {
    finalize()
}

/// `void Py_Finalize(void)`.
#[no_mangle]
pub extern "C" fn Py_Finalize() {
    finalize();
}

/// `int Py_AtExit(void (*func)(void))`: registers `func` to run at the end of
/// `Py_FinalizeEx`; 0 on success, -1 when 32 are already registered.
#[no_mangle]
pub extern "C" fn Py_AtExit(func: Option<extern "C" fn()>) -> c_int {
    let Some(func) = func else { return -1 };
    match EXIT_FUNCS.lock() {
        Ok(mut funcs) if funcs.len() < MAX_EXIT_FUNCS => {
            funcs.push(func);
            0
        }
        _ => -1,
    }
}

/// `PyInterpreterState *PyInterpreterState_Main(void)`: NULL when not initialized.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyInterpreterState_Main() -> *mut PyInterpreterState {
    MAIN_INTERPRETER.load(Ordering::Acquire)
}
