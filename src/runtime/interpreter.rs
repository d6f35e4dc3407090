//! Interpreter states. `PyInterpreterState` (`struct _is`) is opaque to C, so the Rust
//! struct `Interpreter` is what a `*mut PyInterpreterState` really points to. State that
//! belongs to one interpreter (sys, modules, builtins, codecs, atexit handlers, caches)
//! lives here, never in process globals, so that the GIL can later become per-interpreter.
//!
//! The runtime keeps its interpreters in a list, newest first (`PyInterpreterState_Head`,
//! `PyInterpreterState_Next`); each interpreter keeps its thread states in a list, newest
//! first (`PyInterpreterState_ThreadHead`, `PyThreadState_Next`). Both lists change under
//! `HEAD_LOCK`, because thread states come and go in threads that do not hold the GIL.
use crate::object::object::PyObject;
use crate::runtime::fork::ForkReset;
use crate::runtime::initconfig::PyConfig;
use crate::runtime::threadstate::{PyInterpreterState, PyThreadState, _PyFrameEvalFunction};
use std::sync::atomic::{AtomicI64, AtomicPtr, Ordering};
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
    /// The configuration the interpreter was initialized with, read and with its paths
    /// computed (owned: its strings are freed with the interpreter). `sys` reads it.
    pub(crate) config: PyConfig,
    /// `PyInterpreterState_GetID`: 0 for the main interpreter, then counting up.
    pub(crate) id: i64,
    /// `PyInterpreterState_GetDict`: created on demand, cleared at finalization.
    pub(crate) dict: *mut PyObject,
    /// The PEP 523 frame evaluation hook (NULL: the default evaluator).
    pub(crate) eval_frame: _PyFrameEvalFunction,
    /// `sys.modules` (owned): the module table `PyImport_GetModuleDict` hands out.
    pub(crate) modules: *mut PyObject,
    /// `sys.__dict__` (owned), what `PySys_GetObject` reads.
    pub(crate) sysdict: *mut PyObject,
    /// `builtins.__dict__` (owned).
    pub(crate) builtins: *mut PyObject,
    /// Python-level audit hooks (`sys.addaudithook`): a list, NULL until the first.
    pub(crate) audit_hooks: *mut PyObject,
    /// `atexit.register` callbacks in registration order: (function, args tuple, kwargs
    /// dict or NULL), all owned.
    pub(crate) atexit_callbacks: Vec<[*mut PyObject; 3]>,
    /// `sys.getrecursionlimit()`.
    pub(crate) recursion_limit: i32,
    /// `sys.get_int_max_str_digits()` (0: no limit).
    pub(crate) int_max_str_digits: usize,
    /// Threads started by `_thread.start_new_thread` still running (`_thread._count()`).
    pub(crate) thread_count: usize,
    /// `sys.getdlopenflags()` (RTLD_NOW by default).
    pub(crate) dlopenflags: core::ffi::c_int,
    /// The codec registry: search functions, lookup cache, error handlers.
    pub(crate) codecs: crate::codecs::registry::CodecState,
    /// The import system's state: modules by def index, single-phase extensions.
    pub(crate) imports: crate::import::state::ImportState,
    /// The warning filters and registries (`_warnings`).
    pub(crate) warnings: crate::errors::warnings_state::WarningsState,
}

static HEAD_LOCK: ForkReset<Mutex<()>> = ForkReset::new(Mutex::new(()));
static INTERPRETERS_HEAD: AtomicPtr<PyInterpreterState> = AtomicPtr::new(core::ptr::null_mut());
/// Interpreter ids count from 0 again in each runtime, as in CPython (the main one is 0).
static NEXT_INTERPRETER_ID: AtomicI64 = AtomicI64::new(0);

/// A new runtime starts its interpreter ids again from 0.
pub(crate) fn reset_ids() {
    NEXT_INTERPRETER_ID.store(0, Ordering::Relaxed);
}

/// In a forked child: a fresh `HEAD_LOCK` (the parent's may have been held by a thread that
/// does not exist in the child).
///
/// # Safety
/// Only in a freshly forked child, whose only thread does not hold the lock's guard.
pub(crate) unsafe fn reinit_head_lock_after_fork() {
    HEAD_LOCK.reset(Mutex::new(()));
}

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
            config: crate::runtime::config_api::init_compat(),
            id: NEXT_INTERPRETER_ID.fetch_add(1, Ordering::Relaxed),
            dict: core::ptr::null_mut(),
            eval_frame: None,
            modules: core::ptr::null_mut(),
            sysdict: core::ptr::null_mut(),
            builtins: core::ptr::null_mut(),
            audit_hooks: core::ptr::null_mut(),
            atexit_callbacks: Vec::new(),
            recursion_limit: crate::runtime::pystate::DEFAULT_RECURSION_LIMIT,
            int_max_str_digits: crate::objects::long_str::DEFAULT_MAX_STR_DIGITS,
            thread_count: 0,
            dlopenflags: libc::RTLD_NOW,
            codecs: Default::default(),
            imports: Default::default(),
            warnings: Default::default(),
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
        let mut interp: Box<Interpreter> = Box::from_raw(interp.cast());
        debug_assert!(interp.tstate_head.is_null());
        crate::runtime::config_api::clear(&mut interp.config);
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

/// The current thread's interpreter, if a thread state is current.
pub(crate) fn current<'a>() -> Option<&'a mut Interpreter> {
    let tstate = crate::runtime::pystate::current();
    if tstate.is_null() {
        return None;
    }
    // SAFETY: a current thread state and its interpreter are live while the GIL is held.
    unsafe {
        let interp = (*tstate).interp;
        (!interp.is_null()).then(|| Interpreter::from_c(interp))
    }
}

/// The configuration of an interpreter (what `sys` reads: argv, paths, flags).
///
/// # Safety
/// `interp` is a live interpreter; the reference must not outlive it.
pub(crate) unsafe fn config<'a>(interp: *mut PyInterpreterState) -> &'a PyConfig {
    &Interpreter::from_c(interp).config
}

/// Drops the interpreter's dict (finalization, while objects still work).
///
/// # Safety
/// `interp` is NULL or live; the caller holds the GIL.
pub(crate) unsafe fn clear_dict(interp: *mut PyInterpreterState) {
    if interp.is_null() {
        return;
    }
    let owner = Interpreter::from_c(interp);
    drop(crate::object::ptr::PyRef::from_owned(core::mem::replace(&mut owner.dict, core::ptr::null_mut())));
    drop(core::mem::take(&mut owner.codecs));
}

/// `int64_t PyInterpreterState_GetID(PyInterpreterState *interp)`: 0 for the main
/// interpreter; -1 with RuntimeError for NULL (as CPython).
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_GetID(interp: *mut PyInterpreterState) -> i64 {
    if interp.is_null() {
        let _ = crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_RuntimeError, "no interpreter provided");
        return -1;
    }
    Interpreter::from_c(interp).id
}

/// `PyObject *PyInterpreterState_GetDict(PyInterpreterState *interp)`: a dict for
/// extensions' per-interpreter data (borrowed), created on demand; NULL (no exception set)
/// when it cannot be made.
#[cfg(not(limited_api_before_3_8))]
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_GetDict(interp: *mut PyInterpreterState) -> *mut PyObject {
    if interp.is_null() {
        return core::ptr::null_mut();
    }
    let owner = Interpreter::from_c(interp);
    if owner.dict.is_null() {
        match crate::objects::dict::new() {
            Ok(d) => owner.dict = d.into_ptr(),
            Err(_) => crate::errors::pyerr::PyErr_Clear(),
        }
    }
    owner.dict
}

/// `_PyFrameEvalFunction _PyInterpreterState_GetEvalFrameFunc(PyInterpreterState *interp)`:
/// the PEP 523 hook set by `_PyInterpreterState_SetEvalFrameFunc`. Until the eval loop
/// exists there is no `_PyEval_EvalFrameDefault` to hand out, so an unset hook is NULL
/// (CPython returns its default evaluator there).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyInterpreterState_GetEvalFrameFunc(interp: *mut PyInterpreterState) -> _PyFrameEvalFunction {
    if interp.is_null() {
        return None;
    }
    Interpreter::from_c(interp).eval_frame
}

/// `void _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState *interp,
/// _PyFrameEvalFunction eval_frame)`: the eval loop will call `eval_frame` for every frame.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyInterpreterState_SetEvalFrameFunc(interp: *mut PyInterpreterState, eval_frame: _PyFrameEvalFunction) {
    if !interp.is_null() {
        Interpreter::from_c(interp).eval_frame = eval_frame;
    }
}

/// `const PyConfig *_PyInterpreterState_GetConfig(PyInterpreterState *interp)`: the
/// interpreter's configuration (read-only; it lives as long as the interpreter).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyInterpreterState_GetConfig(interp: *mut PyInterpreterState) -> *const PyConfig {
    if interp.is_null() {
        return core::ptr::null();
    }
    config(interp)
}

/// `const PyConfig *_Py_GetConfig(void)`: the configuration of the current interpreter
/// (the caller holds the GIL).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_GetConfig() -> *const PyConfig {
    _PyInterpreterState_GetConfig(crate::runtime::pystate::PyInterpreterState_Get())
}
