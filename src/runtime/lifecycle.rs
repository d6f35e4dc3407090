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
use crate::pyport::wchar_t;
use crate::runtime::config_api;
use crate::runtime::initconfig::{PyConfig, PyStatus};
use crate::runtime::locale::raw_wide_from_str;
use crate::runtime::{pathconfig, pending_calls, pystatus, signals};
use core::ffi::{c_char, c_int, CStr};
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, Ordering};
use std::sync::Mutex;

static INITIALIZED: AtomicBool = AtomicBool::new(false);
/// Set by the first finalization: from then on, initializing resets the runtime state.
static FINALIZED_BEFORE: AtomicBool = AtomicBool::new(false);
static MAIN_INTERPRETER: AtomicPtr<PyInterpreterState> = AtomicPtr::new(core::ptr::null_mut());

/// CPython allows 32 `Py_AtExit` functions.
const MAX_EXIT_FUNCS: usize = 32;
static EXIT_FUNCS: Mutex<Vec<extern "C" fn()>> = Mutex::new(Vec::new());

/// Between the runtime's objects being made and the end of `Py_FinalizeEx` (CPython's
/// "core initialized", which fatal-error reports name).
static CORE_INITIALIZED: AtomicBool = AtomicBool::new(false);

pub(crate) fn is_core_initialized() -> bool {
    CORE_INITIALIZED.load(Ordering::Acquire)
}

pub(crate) fn is_initialized() -> bool {
    INITIALIZED.load(Ordering::Acquire)
}

/// Initializes the runtime from a configuration (read, paths computed), as
/// `Py_InitializeFromConfig`; does nothing when already initialized.
///
/// # Safety
/// `src` is a valid configuration.
pub(crate) unsafe fn initialize_from_config(src: &PyConfig) -> PyStatus {
    if is_initialized() {
        return pystatus::ok();
    }
    let mut config = match config_api::copy(src) {
        Ok(c) => c,
        Err(status) => return status,
    };
    take_standard_stream_encoding(&mut config);
    let mut status = config_api::read(&mut config);
    if !pystatus::is_exception(&status) {
        status = pathconfig::compute(&mut config);
    }
    if pystatus::is_exception(&status) {
        config_api::clear(&mut config);
        return status;
    }
    crate::runtime::legacy_flags::publish(&config);
    crate::runtime::legacy_fs_globals::publish(
        &crate::modules::sys_functions::codec_name(&crate::runtime::locale::wide_to_string(config.filesystem_encoding)),
        &crate::runtime::locale::wide_to_string(config.filesystem_errors),
    );
    crate::object::siphash::init_from_config(config.use_hash_seed > 0, config.hash_seed as u64);
    if config.configure_c_stdio > 0 && config.buffered_stdio == 0 {
        // -u / PYTHONUNBUFFERED: the C streams too, as CPython does.
        for stream in [stdin_stream(), stdout_stream(), stderr_stream()] {
            libc::setvbuf(stream, core::ptr::null_mut(), libc::_IONBF, 0);
        }
    }
    initialize_runtime();
    let interp = MAIN_INTERPRETER.load(Ordering::Acquire);
    pathconfig::publish(&config);
    let owner = Interpreter::from_c(interp);
    config_api::clear(&mut owner.config);
    let install = config.install_signal_handlers > 0;
    owner.config = config;
    if install {
        signals::install_runtime_handlers();
    }
    if let Err(status) = crate::runtime::interp_modules::init(owner) {
        return status;
    }
    INITIALIZED.store(true, Ordering::Release);
    crate::runtime::startup_imports::run();
    crate::runtime::startup_memory::release_startup_pages();
    pystatus::ok()
}

extern "C" {
    static mut stdin: *mut libc::FILE;
    static mut stdout: *mut libc::FILE;
    static mut stderr: *mut libc::FILE;
}
pub(crate) fn stdin_stream() -> *mut libc::FILE {
    // SAFETY: glibc's stdio stream pointers.
    unsafe { stdin }
}
pub(crate) fn stdout_stream() -> *mut libc::FILE {
    unsafe { stdout }
}
pub(crate) fn stderr_stream() -> *mut libc::FILE {
    unsafe { stderr }
}

/// The runtime's objects: main interpreter, main thread state holding the GIL, types.
fn initialize_runtime() {
    if FINALIZED_BEFORE.load(Ordering::Acquire) {
        // CPython resets its runtime state when it initializes again after a finalization,
        // which forgets Py_AtExit functions registered in between; C code can observe it.
        if let Ok(mut funcs) = EXIT_FUNCS.lock() {
            funcs.clear();
        }
    }
    RUNTIME_GIL.reset_for_initialize();
    crate::runtime::interpreter::reset_ids();
    pending_calls::reset();
    signals::reset();
    let interp = Interpreter::new();
    gilstate::init(interp);
    // SAFETY: `interp` was just created. The main thread state is the calling thread's
    // automatic one, so PyGILState_Ensure in this thread finds it.
    let tstate = unsafe { pystate::new_thread_state(interp) };
    MAIN_INTERPRETER.store(interp, Ordering::Release);
    MAIN_THREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::Release);
    gil::take_or_exit(tstate);
    pystate::swap(tstate);
    crate::object::builtin_types::init();
    CORE_INITIALIZED.store(true, Ordering::Release);
}

/// `Py_InitializeEx`'s configuration: the legacy compat one.
fn initialize(install_signal_handlers: c_int) {
    let mut config = config_api::init_compat();
    crate::runtime::legacy_flags::take_into(&mut config);
    config.install_signal_handlers = install_signal_handlers;
    // SAFETY: `config` is a valid configuration owned here.
    let status = unsafe { initialize_from_config(&config) };
    if pystatus::is_exception(&status) {
        // SAFETY: exits or reports the failure as CPython's Py_InitializeEx does.
        unsafe { crate::runtime::pystatus::Py_ExitStatusException(status) };
    }
}

/// The OS thread that initialized the runtime (`pthread_t`): signal handlers and pending
/// calls run there.
static MAIN_THREAD: AtomicU64 = AtomicU64::new(0);

/// Whether the calling OS thread is the runtime's main thread.
pub(crate) fn is_main_thread() -> bool {
    // SAFETY: pthread_self has no preconditions.
    MAIN_THREAD.load(Ordering::Acquire) == unsafe { libc::pthread_self() } as u64
}

/// After a fork, the child's only thread is the main thread.
pub(crate) fn set_main_thread_to_caller() {
    MAIN_THREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::Release);
}

/// `Py_SetStandardStreamEncoding`'s values, taken by the next initialization.
static STREAM_ENCODING: Mutex<(Option<String>, Option<String>)> = Mutex::new((None, None));

unsafe fn take_standard_stream_encoding(config: &mut PyConfig) {
    let (encoding, errors) = core::mem::take(&mut *STREAM_ENCODING.lock().unwrap_or_else(|p| p.into_inner()));
    if let Some(e) = encoding.filter(|_| config.stdio_encoding.is_null()) {
        config.stdio_encoding = raw_wide_from_str(&e);
    }
    if let Some(e) = errors.filter(|_| config.stdio_errors.is_null()) {
        config.stdio_errors = raw_wide_from_str(&e);
    }
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
    let interp = MAIN_INTERPRETER.load(Ordering::Acquire);
    // SAFETY: the main interpreter is live until deleted below.
    let status = unsafe {
        // atexit callbacks run before finalization begins (`sys.is_finalizing()` is still
        // False in them, and daemon threads still run), as in CPython.
        let status = crate::runtime::interp_modules::finalize(Interpreter::from_c(interp));
        // From here on, other threads that try to take the GIL exit (daemon threads).
        RUNTIME_GIL.begin_finalizing();
        INITIALIZED.store(false, Ordering::Release);
        CORE_INITIALIZED.store(false, Ordering::Release);
        FINALIZED_BEFORE.store(true, Ordering::Release);
        // Cycles die while the modules their finalizers may use still work ...
        if crate::gc::collector::PyGC_IsEnabled() != 0 {
            crate::gc::collector::collect_at_shutdown();
        }
        crate::modules::sys_audit::clear_runtime_hooks();
        crate::runtime::finalize_modules::finalize_modules(Interpreter::from_c(interp));
        crate::runtime::interp_modules::clear(Interpreter::from_c(interp));
        crate::modules::posix::process::clear_at_fork();
        // As CPython's interpreter teardown: every thread state drops what it refers to
        // (dict, context, exception state) and runs its `on_delete` hook (threading's
        // sentinel lock) while those objects' types still work.
        let mut ts = Interpreter::from_c(interp).tstate_head;
        while !ts.is_null() {
            pystate::PyThreadState_Clear(ts);
            ts = (*ts).next;
        }
        // ... and again once the module table is gone.
        crate::gc::collector::collect_at_shutdown();
        crate::gc::collector::fini();
        crate::modules::sys_structseqs::fini();
        crate::modules::ast::fini();
        crate::runtime::interpreter::clear_dict(interp);
        crate::internal_api::identifier::fini();
        status
    };
    signals::restore_runtime_handlers();
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
    crate::runtime::preinit::reset();
    crate::runtime::legacy_fs_globals::clear();
    run_exit_funcs();
    status
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
    initialize(1);
}

/// `void Py_InitializeEx(int initsigs)`: `initsigs` installs the runtime's SIGINT handler
/// (and ignores SIGPIPE, SIGXFSZ), as `PyConfig.install_signal_handlers`.
#[no_mangle]
pub extern "C" fn Py_InitializeEx(initsigs: c_int) {
    initialize(initsigs);
}

/// `PyStatus Py_InitializeFromConfig(const PyConfig *config)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_InitializeFromConfig(config: *const PyConfig) -> PyStatus {
    match config.as_ref() {
        Some(c) => initialize_from_config(c),
        None => pystatus::error(c"initialization config is NULL"),
    }
}

/// `void Py_GetArgcArgv(int *argc, wchar_t ***argv)`: the original command line
/// (`PyConfig.orig_argv`) of the initialized runtime; 0 and NULL otherwise.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_GetArgcArgv(argc: *mut c_int, argv: *mut *mut *mut wchar_t) {
    let interp = MAIN_INTERPRETER.load(Ordering::Acquire);
    let (n, items) = if interp.is_null() {
        (0, core::ptr::null_mut())
    } else {
        let list = &crate::runtime::interpreter::config(interp).orig_argv;
        (list.length as c_int, list.items)
    };
    if !argc.is_null() {
        *argc = n;
    }
    if !argv.is_null() {
        *argv = items;
    }
}

/// `void Py_Exit(int status)`: finalizes, then exits with `status` (120 when
/// finalization fails).
#[no_mangle]
pub extern "C" fn Py_Exit(status: c_int) -> ! {
    let status = if finalize() < 0 { 120 } else { status };
    // SAFETY: exit runs the C atexit handlers and flushes stdio.
    unsafe { libc::exit(status) }
}

/// `int Py_SetStandardStreamEncoding(const char *encoding, const char *errors)`
/// (deprecated in 3.11): the stdio encoding and errors of the next initialization; -1 when
/// the runtime is already initialized.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_SetStandardStreamEncoding(encoding: *const c_char, errors: *const c_char) -> c_int {
    if is_initialized() {
        return -1;
    }
    let text = |p: *const c_char| (!p.is_null() && *p != 0).then(|| CStr::from_ptr(p).to_string_lossy().into_owned());
    let mut slot = STREAM_ENCODING.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(e) = text(encoding) {
        slot.0 = Some(e);
    }
    if let Some(e) = text(errors) {
        slot.1 = Some(e);
    }
    0
}

/// `int Py_IsInitialized(void)`.
#[no_mangle]
pub extern "C" fn Py_IsInitialized() -> c_int {
    is_initialized() as c_int
}

/// `int _Py_IsCoreInitialized(void)`: whether the runtime's core is up. ferropy initializes
/// in one phase, so this is `Py_IsInitialized()`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_IsCoreInitialized() -> c_int {
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
