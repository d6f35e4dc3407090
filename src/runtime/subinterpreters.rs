//! Sub-interpreters: `Py_NewInterpreter`/`Py_EndInterpreter` and the lower-level
//! `PyInterpreterState_New`/`Clear`/`Delete`. Each interpreter has its own module table,
//! `sys`, `builtins`, atexit callbacks and audit hooks; the GIL, the static types and the
//! C audit hooks are shared (one GIL per process, as in CPython 3.11).
use crate::runtime::interpreter::Interpreter;
use crate::runtime::pystate::{self, fatal_error};
use crate::runtime::threadstate::{PyInterpreterState, PyThreadState};

/// A new interpreter after the `cpython.PyInterpreterState_New` audit event (NULL with the
/// hook's exception when a hook refuses).
unsafe fn new_interpreter_state() -> *mut PyInterpreterState {
    if !crate::runtime::lifecycle::is_initialized() {
        fatal_error("PyInterpreterState_New", "Py_Initialize must be called first");
    }
    if crate::modules::sys_audit::audit_no_args(c"cpython.PyInterpreterState_New").is_err() {
        return core::ptr::null_mut();
    }
    Interpreter::new()
}

/// `PyInterpreterState *PyInterpreterState_New(void)`: a bare interpreter (no modules),
/// with the main interpreter's configuration.
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_New() -> *mut PyInterpreterState {
    let interp = new_interpreter_state();
    if !interp.is_null() {
        copy_main_config(Interpreter::from_c(interp));
    }
    interp
}

/// Gives `owner` a copy of the main interpreter's configuration (what `sys` is made from).
unsafe fn copy_main_config(owner: &mut Interpreter) {
    let main = crate::runtime::lifecycle::PyInterpreterState_Main();
    if main.is_null() {
        return;
    }
    if let Ok(c) = crate::runtime::config_api::copy(crate::runtime::interpreter::config(main)) {
        crate::runtime::config_api::clear(&mut owner.config);
        owner.config = c;
    }
}

/// `void PyInterpreterState_Clear(PyInterpreterState *interp)`: drops the interpreter's
/// modules, atexit callbacks, hooks and the objects of its thread states (after the
/// `cpython.PyInterpreterState_Clear` audit event).
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_Clear(interp: *mut PyInterpreterState) {
    if interp.is_null() {
        fatal_error("PyInterpreterState_Clear", "interp is NULL");
    }
    if crate::modules::sys_audit::audit_no_args(c"cpython.PyInterpreterState_Clear").is_err() {
        crate::errors::pyerr::PyErr_Clear();
    }
    let owner = Interpreter::from_c(interp);
    let mut ts = owner.tstate_head;
    while !ts.is_null() {
        crate::runtime::pystate::PyThreadState_Clear(ts);
        ts = (*ts).next;
    }
    crate::runtime::interp_modules::clear(owner);
    crate::runtime::interpreter::clear_dict(interp);
}

/// `void PyInterpreterState_Delete(PyInterpreterState *interp)`: deletes the interpreter
/// and its remaining thread states (cleared first with `PyInterpreterState_Clear`).
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_Delete(interp: *mut PyInterpreterState) {
    if interp.is_null() {
        fatal_error("PyInterpreterState_Delete", "interp is NULL");
    }
    if interp == crate::runtime::lifecycle::PyInterpreterState_Main() {
        fatal_error("PyInterpreterState_Delete", "remaining subinterpreters");
    }
    let owner = Interpreter::from_c(interp);
    while !owner.tstate_head.is_null() {
        let ts = owner.tstate_head;
        if ts == pystate::current() {
            pystate::swap(core::ptr::null_mut());
        }
        pystate::delete_thread_state(ts);
    }
    Interpreter::delete(interp);
}

/// `PyThreadState *Py_NewInterpreter(void)`: a new interpreter with its own `sys`,
/// `builtins` and module table, and a thread state for the calling thread, which becomes
/// current (the GIL stays with the caller). NULL when it cannot be made.
#[no_mangle]
pub unsafe extern "C" fn Py_NewInterpreter() -> *mut PyThreadState {
    let save = pystate::current();
    if save.is_null() {
        fatal_error("Py_NewInterpreter", "the function must be called with the GIL held");
    }
    let interp = PyInterpreterState_New();
    if interp.is_null() {
        return core::ptr::null_mut();
    }
    let tstate = pystate::new_thread_state(interp);
    pystate::swap(tstate);
    let owner = Interpreter::from_c(interp);
    owner.recursion_limit = Interpreter::from_c((*save).interp).recursion_limit;
    if crate::runtime::interp_modules::init(owner).is_err() {
        PyInterpreterState_Clear(interp);
        pystate::swap(save);
        PyInterpreterState_Delete(interp);
        return core::ptr::null_mut();
    }
    tstate
}

/// `void Py_EndInterpreter(PyThreadState *tstate)`: runs the interpreter's atexit
/// callbacks, flushes its streams, and destroys it; `tstate` must be current and the
/// interpreter's only thread state. No thread state is current afterwards.
#[no_mangle]
pub unsafe extern "C" fn Py_EndInterpreter(tstate: *mut PyThreadState) {
    if tstate.is_null() || tstate != pystate::current() {
        fatal_error("Py_EndInterpreter", "thread is not current");
    }
    let interp = (*tstate).interp;
    if interp == crate::runtime::lifecycle::PyInterpreterState_Main() {
        fatal_error("Py_EndInterpreter", "not a subinterpreter");
    }
    let owner = Interpreter::from_c(interp);
    if owner.tstate_head != tstate || !(*tstate).next.is_null() {
        fatal_error("Py_EndInterpreter", "not the last thread");
    }
    crate::runtime::interp_modules::wait_for_thread_shutdown();
    crate::modules::atexit_module::run_callbacks(owner);
    crate::modules::sys_stdio::flush_std_files();
    crate::runtime::finalize_modules::finalize_modules(owner);
    PyInterpreterState_Clear(interp);
    pystate::swap(core::ptr::null_mut());
    PyInterpreterState_Delete(interp);
}
