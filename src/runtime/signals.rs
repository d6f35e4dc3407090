//! Signals: `PyOS_setsig`/`PyOS_getsig`, the runtime's C signal handler, and the per-signal
//! table the future `signal` module fills with Python handlers.
//!
//! A signal handler may run at any instruction of any thread, so the C handler only does
//! async-signal-safe things: it sets the signal's `tripped` flag, the global `is_tripped`
//! flag and the eval breaker's `SIGNALS_PENDING` bit (all atomics), keeping `errno`. The
//! Python-level handling happens later, in the main thread of the main interpreter, in
//! `PyErr_CheckSignals` (which the eval loop calls when it sees the breaker bit).
use core::ffi::c_int;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, Ordering};

use crate::runtime::eval_breaker::SIGNALS_PENDING;
use crate::runtime::gil::RUNTIME_GIL;

/// `PyOS_sighandler_t`: a C signal handler.
pub type PyOS_sighandler_t = Option<unsafe extern "C" fn(c_int)>;

/// Stack space `PyOS_CheckStack` keeps in reserve, in units of `void *`.
pub const PYOS_STACK_MARGIN: c_int = 2048;

/// Signal numbers are 1..NSIG (glibc: 65, real-time signals included).
pub(crate) const NSIG: usize = 65;

/// What the Python level does with a signal (the `signal` module's view; for now the
/// runtime itself fills it). Stored as a byte so the table is lock-free.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub(crate) enum PyHandler {
    /// The OS default (`signal.SIG_DFL`): nothing to run, `PyErr_SetInterrupt` ignores it.
    Default = 0,
    /// Ignored (`signal.SIG_IGN`).
    Ignore = 1,
    /// A C handler the runtime did not install: no Python handler.
    Foreign = 2,
    /// `signal.default_int_handler`: raise KeyboardInterrupt.
    DefaultInt = 3,
    /// A Python callable, set by the `signal` module (`python_handler`).
    Python = 4,
}

struct SignalSlot {
    tripped: AtomicBool,
    handler: AtomicU8,
}

#[allow(clippy::declare_interior_mutable_const)]
const SLOT: SignalSlot = SignalSlot { tripped: AtomicBool::new(false), handler: AtomicU8::new(PyHandler::Default as u8) };
static SLOTS: [SignalSlot; NSIG] = [SLOT; NSIG];
static IS_TRIPPED: AtomicBool = AtomicBool::new(false);
/// The descriptor `signal.set_wakeup_fd` gave: the C handler writes each signal's number
/// there as one byte (-1: none).
pub(crate) static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// The Python callables of signals whose handler is `PyHandler::Python` (new references,
/// changed only under the GIL by the `signal` module).
static mut PY_HANDLERS: [*mut crate::object::object::PyObject; NSIG] = [core::ptr::null_mut(); NSIG];
/// Signals whose OS handler the runtime changed at initialization (restored at finalization).
static INSTALLED_SIGINT: AtomicBool = AtomicBool::new(false);

fn valid(signum: c_int) -> bool {
    signum >= 1 && (signum as usize) < NSIG
}

pub(crate) fn handler(signum: c_int) -> PyHandler {
    match SLOTS[signum as usize].handler.load(Ordering::Relaxed) {
        0 => PyHandler::Default,
        1 => PyHandler::Ignore,
        2 => PyHandler::Foreign,
        3 => PyHandler::DefaultInt,
        _ => PyHandler::Python,
    }
}

/// Sets the Python-level handler of a signal (for the `signal` module).
pub(crate) fn set_handler(signum: c_int, h: PyHandler) {
    if valid(signum) {
        SLOTS[signum as usize].handler.store(h as u8, Ordering::Relaxed);
    }
}

/// The Python callable of a signal (borrowed; NULL when its handler is not `Python`).
pub(crate) fn python_handler(signum: c_int) -> *mut crate::object::object::PyObject {
    if !valid(signum) || handler(signum) != PyHandler::Python {
        return core::ptr::null_mut();
    }
    // SAFETY: read under the GIL, as it is written.
    unsafe { (*(&raw const PY_HANDLERS))[signum as usize] }
}

/// Makes `callable` the signal's Python handler (a new reference is kept, the previous
/// one released). The caller holds the GIL.
pub(crate) unsafe fn set_python_handler(signum: c_int, callable: *mut crate::object::object::PyObject) {
    if !valid(signum) {
        return;
    }
    crate::object::refcount::Py_IncRef(callable);
    let old = core::mem::replace(&mut (*(&raw mut PY_HANDLERS))[signum as usize], callable);
    set_handler(signum, PyHandler::Python);
    crate::object::refcount::Py_DecRef(old);
}

/// Forgets a signal's Python callable (its handler becomes `h`). The caller holds the GIL.
pub(crate) unsafe fn clear_python_handler(signum: c_int, h: PyHandler) {
    if !valid(signum) {
        return;
    }
    set_handler(signum, h);
    let old = core::mem::replace(&mut (*(&raw mut PY_HANDLERS))[signum as usize], core::ptr::null_mut());
    crate::object::refcount::Py_DecRef(old);
}

/// Marks a signal as arrived: async-signal-safe (atomics only).
pub(crate) fn trip(signum: c_int) {
    SLOTS[signum as usize].tripped.store(true, Ordering::Release);
    IS_TRIPPED.store(true, Ordering::Release);
    RUNTIME_GIL.eval_breaker.set(SIGNALS_PENDING);
}

/// The runtime's C handler for SIGINT and every signal with a Python handler.
pub(crate) extern "C" fn runtime_signal_handler(signum: c_int) {
    // SAFETY: errno is thread-local; saving and restoring it keeps the interrupted code's.
    let saved = unsafe { *libc::__errno_location() };
    if valid(signum) {
        trip(signum);
        let fd = WAKEUP_FD.load(Ordering::Relaxed);
        if fd != -1 {
            let byte = signum as u8;
            // SAFETY: write(2) is async-signal-safe; a full pipe just drops the byte.
            unsafe { libc::write(fd, (&raw const byte).cast(), 1) };
        }
    }
    unsafe { *libc::__errno_location() = saved };
}

/// After a fork, the child forgets the signals the parent had not handled yet.
pub(crate) fn clear_tripped() {
    IS_TRIPPED.store(false, Ordering::Relaxed);
    for slot in SLOTS.iter() {
        slot.tripped.store(false, Ordering::Relaxed);
    }
    RUNTIME_GIL.eval_breaker.clear(SIGNALS_PENDING);
}

/// A new runtime forgets the signals of the previous one and reads the OS handlers.
pub(crate) fn reset() {
    IS_TRIPPED.store(false, Ordering::Relaxed);
    WAKEUP_FD.store(-1, Ordering::Relaxed);
    // The previous runtime's objects are gone with it: forget them without releasing.
    // SAFETY: no Python code runs during initialization.
    unsafe { *(&raw mut PY_HANDLERS) = [core::ptr::null_mut(); NSIG] };
    for signum in 1..NSIG as c_int {
        SLOTS[signum as usize].tripped.store(false, Ordering::Relaxed);
        let current = os_handler(signum);
        let h = match current {
            Some(h) if h == libc::SIG_IGN => PyHandler::Ignore,
            Some(h) if h == libc::SIG_DFL => PyHandler::Default,
            Some(_) => PyHandler::Foreign,
            None => PyHandler::Default,
        };
        set_handler(signum, h);
    }
    RUNTIME_GIL.eval_breaker.clear(SIGNALS_PENDING);
}

/// The OS handler of a signal as an address (None when it cannot be read).
pub(crate) fn os_handler(signum: c_int) -> Option<libc::sighandler_t> {
    // SAFETY: sigaction with a NULL new action only reads.
    unsafe {
        let mut old: libc::sigaction = core::mem::zeroed();
        (libc::sigaction(signum, core::ptr::null(), &mut old) == 0).then_some(old.sa_sigaction)
    }
}

/// Installs an OS handler (SA_ONSTACK, as CPython); the previous one, or SIG_ERR.
pub(crate) fn set_os_handler(signum: c_int, handler: libc::sighandler_t) -> libc::sighandler_t {
    // SAFETY: a fully initialized sigaction; sigaction validates signum.
    unsafe {
        let mut new: libc::sigaction = core::mem::zeroed();
        let mut old: libc::sigaction = core::mem::zeroed();
        new.sa_sigaction = handler;
        libc::sigemptyset(&mut new.sa_mask);
        new.sa_flags = libc::SA_ONSTACK;
        if libc::sigaction(signum, &new, &mut old) != 0 {
            return libc::SIG_ERR;
        }
        old.sa_sigaction
    }
}

/// What initialization does with `install_signal_handlers`: SIGPIPE and SIGXFSZ ignored
/// (errors come back as OSError instead), and SIGINT raising KeyboardInterrupt when its
/// handler is still the OS default.
pub(crate) fn install_runtime_handlers() {
    set_os_handler(libc::SIGPIPE, libc::SIG_IGN);
    set_os_handler(libc::SIGXFSZ, libc::SIG_IGN);
    set_handler(libc::SIGPIPE, PyHandler::Ignore);
    set_handler(libc::SIGXFSZ, PyHandler::Ignore);
    if os_handler(libc::SIGINT) == Some(libc::SIG_DFL) {
        set_os_handler(libc::SIGINT, runtime_signal_handler as *const () as usize);
        set_handler(libc::SIGINT, PyHandler::DefaultInt);
        INSTALLED_SIGINT.store(true, Ordering::Relaxed);
    }
}

/// Finalization gives SIGINT back to the OS default if the runtime took it.
pub(crate) fn restore_runtime_handlers() {
    if INSTALLED_SIGINT.swap(false, Ordering::Relaxed) && os_handler(libc::SIGINT) == Some(runtime_signal_handler as *const () as usize) {
        set_os_handler(libc::SIGINT, libc::SIG_DFL);
    }
}

/// Calls a signal's Python handler as `handler(signum, frame)` (frame: the running one,
/// or None).
unsafe fn call_python_handler(signum: c_int) -> Result<(), crate::errors::raised::Raised> {
    use crate::object::ptr::PyRef;
    let f = python_handler(signum);
    let Some(f) = PyRef::from_borrowed(f) else { return Ok(()) };
    let frame = crate::eval::frame_object::PyEval_GetFrame();
    let frame = if frame.is_null() { crate::abstract_::none() } else { frame as *mut crate::object::object::PyObject };
    let num = crate::objects::int::from_i64(signum as i64)?;
    let args = crate::objects::tuple::from_ptrs(&[num.as_ptr(), frame])?;
    let r = crate::abstract_::call::PyObject_Call(f.as_ptr(), args.as_ptr(), core::ptr::null_mut());
    if r.is_null() {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    drop(PyRef::from_owned(r));
    Ok(())
}

/// Whether the caller may handle signals: the main thread of the main interpreter.
pub(crate) fn can_handle_signals() -> bool {
    let tstate = crate::runtime::pystate::current();
    if tstate.is_null() || !crate::runtime::lifecycle::is_main_thread() {
        return false;
    }
    // SAFETY: the current thread state is live.
    unsafe { (*tstate).interp == crate::runtime::lifecycle::PyInterpreterState_Main() }
}

/// Runs the Python-level handlers of the signals that arrived. Err when one raised (the
/// others stay pending for the next check).
pub(crate) fn check_signals() -> Result<(), crate::errors::raised::Raised> {
    if !can_handle_signals() || !IS_TRIPPED.load(Ordering::Acquire) {
        return Ok(());
    }
    IS_TRIPPED.store(false, Ordering::Release);
    RUNTIME_GIL.eval_breaker.clear(SIGNALS_PENDING);
    for signum in 1..NSIG as c_int {
        if !SLOTS[signum as usize].tripped.swap(false, Ordering::AcqRel) {
            continue;
        }
        match handler(signum) {
            PyHandler::DefaultInt => {
                // SAFETY: we hold the GIL (a current thread state in the main thread).
                unsafe {
                    crate::errors::pyerr::PyErr_SetNone(&raw mut crate::errors::exception_types::_PyExc_KeyboardInterrupt as *mut _);
                }
                // Signals not yet looked at are handled at the next check.
                IS_TRIPPED.store(true, Ordering::Release);
                RUNTIME_GIL.eval_breaker.set(SIGNALS_PENDING);
                return Err(crate::errors::raised::Raised::assume_set());
            }
            PyHandler::Python => {
                // SAFETY: we hold the GIL; the handler is kept alive across the call.
                let r = unsafe { call_python_handler(signum) };
                if r.is_err() {
                    IS_TRIPPED.store(true, Ordering::Release);
                    RUNTIME_GIL.eval_breaker.set(SIGNALS_PENDING);
                    return r;
                }
            }
            PyHandler::Default | PyHandler::Ignore | PyHandler::Foreign => {}
        }
    }
    // A retrip for the not-yet-handled signals above may leave flags behind: recompute.
    if SLOTS.iter().any(|s| s.tripped.load(Ordering::Relaxed)) {
        IS_TRIPPED.store(true, Ordering::Release);
        RUNTIME_GIL.eval_breaker.set(SIGNALS_PENDING);
    }
    Ok(())
}

/// `int PyErr_CheckSignals(void)`: in the main thread of the main interpreter, runs the
/// handlers of arrived signals; -1 with the exception set when one raises (SIGINT with the
/// default handler raises KeyboardInterrupt), else 0.
#[no_mangle]
pub extern "C" fn PyErr_CheckSignals() -> c_int {
    match check_signals() {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// `int PyErr_SetInterruptEx(int signum)`: simulates the arrival of `signum`: -1 for an
/// invalid number; 0 otherwise, doing nothing when the signal's Python-level handler is
/// SIG_IGN or SIG_DFL. Callable from any thread, without the GIL.
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub extern "C" fn PyErr_SetInterruptEx(signum: c_int) -> c_int {
    if !valid(signum) {
        return -1;
    }
    if !matches!(handler(signum), PyHandler::Default | PyHandler::Ignore) {
        trip(signum);
    }
    0
}

/// `void PyErr_SetInterrupt(void)`: `PyErr_SetInterruptEx(SIGINT)`.
#[no_mangle]
pub extern "C" fn PyErr_SetInterrupt() {
    PyErr_SetInterruptEx(libc::SIGINT);
}

/// `int PyOS_InterruptOccurred(void)`: whether SIGINT arrived, clearing its flag; 0 outside
/// the main thread of the main interpreter.
#[no_mangle]
pub extern "C" fn PyOS_InterruptOccurred() -> c_int {
    if !can_handle_signals() {
        return 0;
    }
    SLOTS[libc::SIGINT as usize].tripped.swap(false, Ordering::AcqRel) as c_int
}

fn to_c(h: libc::sighandler_t) -> PyOS_sighandler_t {
    // SAFETY: a handler address (SIG_DFL = 0 is None; SIG_IGN and SIG_ERR are the small
    // sentinels C compares against, never called by us).
    unsafe { core::mem::transmute::<libc::sighandler_t, PyOS_sighandler_t>(h) }
}

fn from_c(h: PyOS_sighandler_t) -> libc::sighandler_t {
    // SAFETY: the inverse of `to_c`.
    unsafe { core::mem::transmute::<PyOS_sighandler_t, libc::sighandler_t>(h) }
}

/// `PyOS_sighandler_t PyOS_getsig(int sig)`: the current handler, SIG_ERR for an invalid
/// signal.
#[no_mangle]
pub extern "C" fn PyOS_getsig(sig: c_int) -> PyOS_sighandler_t {
    to_c(os_handler(sig).unwrap_or(libc::SIG_ERR))
}

/// `PyOS_sighandler_t PyOS_setsig(int sig, PyOS_sighandler_t handler)`: installs `handler`
/// (sigaction, SA_ONSTACK) and returns the previous one, or SIG_ERR.
#[no_mangle]
pub extern "C" fn PyOS_setsig(sig: c_int, handler: PyOS_sighandler_t) -> PyOS_sighandler_t {
    to_c(set_os_handler(sig, from_c(handler)))
}

/// `int _PyOS_IsMainThread(void)`: whether the caller is the main thread of the main
/// interpreter (where signal handlers run).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyOS_IsMainThread() -> c_int {
    can_handle_signals() as c_int
}

/// `void _Py_RestoreSignals(void)`: gives SIGPIPE and SIGXFSZ, which initialization set to
/// be ignored, back to the OS default: what a child process about to `exec` needs.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_RestoreSignals() {
    set_os_handler(libc::SIGPIPE, libc::SIG_DFL);
    set_os_handler(libc::SIGXFSZ, libc::SIG_DFL);
}
