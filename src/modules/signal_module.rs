//! The `_signal` module: Python-level signal handlers (`signal`, `getsignal`,
//! `default_int_handler`, `SIG_DFL`/`SIG_IGN`), run between bytecodes in the main thread by
//! `PyErr_CheckSignals` (src/runtime/signals.rs); `raise_signal`, `alarm`, `pause`,
//! `set_wakeup_fd`, `siginterrupt`, `strsignal`, `valid_signals`, `pthread_kill`,
//! `pthread_sigmask`, `sigpending`, `sigwait`, `setitimer`/`getitimer` (`ItimerError`), the
//! `SIG*` constants and `NSIG`.
use core::ffi::{c_int, CStr};
use std::sync::atomic::Ordering;

use crate::abstract_::type_error;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::module_init::{add, add_int, create, dict_of};
use crate::modules::posix::args::{c_int_arg, check_args, errno_error, error_for, value_error, without_gil};
use crate::modules::{args_slice, fast, fast_kw, meth, module_def, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{float, int, set, tuple};
use crate::runtime::signals::{self, PyHandler, NSIG};

/// `signal.ItimerError`, made at the first init.
static mut ITIMER_ERROR: *mut PyObject = core::ptr::null_mut();
/// `default_int_handler` as a module attribute (what `getsignal(SIGINT)` returns).
static mut DEFAULT_INT_HANDLER: *mut PyObject = core::ptr::null_mut();

fn check_signum(signum: c_int) -> PyResult<()> {
    if signum < 1 || signum as usize >= NSIG {
        return Err(value_error("signal number out of range"));
    }
    Ok(())
}

fn check_main_thread(function: &str) -> PyResult<()> {
    if !signals::can_handle_signals() {
        return Err(value_error(&format!("{function} only works in main thread of the main interpreter")));
    }
    Ok(())
}

unsafe fn signals_checked() -> PyResult<()> {
    if signals::PyErr_CheckSignals() < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// What `getsignal` reports for a signal.
unsafe fn current_handler(signum: c_int) -> PyRef {
    match signals::handler(signum) {
        PyHandler::Default => int::small_ref(0),
        PyHandler::Ignore => int::small_ref(1),
        PyHandler::Foreign => none_ref(),
        PyHandler::DefaultInt => PyRef::from_borrowed(DEFAULT_INT_HANDLER).unwrap_or_else(none_ref),
        PyHandler::Python => PyRef::from_borrowed(signals::python_handler(signum)).unwrap_or_else(none_ref),
    }
}

/// `default_int_handler(signalnum, frame, /)`: raises KeyboardInterrupt.
unsafe extern "C" fn default_int_handler(_m: *mut PyObject, _args: *const *mut PyObject, _nargs: isize) -> *mut PyObject {
    crate::errors::pyerr::PyErr_SetNone(&raw mut exc::_PyExc_KeyboardInterrupt as *mut PyObject);
    core::ptr::null_mut()
}

/// `signal(signalnum, handler, /)`: installs SIG_DFL, SIG_IGN or a callable; the old one.
unsafe extern "C" fn signal(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"signal", a.len(), 2, 2)?;
        let signum = c_int_arg(a[0])?;
        let handler = a[1];
        check_main_thread("signal")?;
        check_signum(signum)?;
        let ignore = int::small_int(1);
        let default = int::small_int(0);
        let kind = if crate::abstract_::call::PyCallable_Check(handler) != 0 {
            PyHandler::Python
        } else if int::is_int(handler) && crate::abstract_::compare::rich_compare_bool(handler, ignore, crate::object::object::Py_EQ)? {
            PyHandler::Ignore
        } else if int::is_int(handler) && crate::abstract_::compare::rich_compare_bool(handler, default, crate::object::object::Py_EQ)? {
            PyHandler::Default
        } else {
            return Err(type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
        };
        // Pending signals run with their old handlers first.
        signals_checked()?;
        let os = match kind {
            PyHandler::Ignore => libc::SIG_IGN,
            PyHandler::Default => libc::SIG_DFL,
            _ => signals::runtime_signal_handler as *const () as usize,
        };
        if signals::set_os_handler(signum, os) == libc::SIG_ERR {
            return Err(errno_error());
        }
        let old = current_handler(signum);
        if kind == PyHandler::Python {
            signals::set_python_handler(signum, handler);
        } else {
            signals::clear_python_handler(signum, kind);
        }
        Ok(old)
    })())
}

/// `getsignal(signalnum, /)`.
unsafe extern "C" fn getsignal(_m: *mut PyObject, signum: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let signum = c_int_arg(signum)?;
        check_signum(signum)?;
        Ok(current_handler(signum))
    })())
}

/// `raise_signal(signalnum, /)`: handlers of the signal run before it returns.
unsafe extern "C" fn raise_signal(_m: *mut PyObject, signum: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let signum = c_int_arg(signum)?;
        if libc::raise(signum) != 0 {
            return Err(errno_error());
        }
        signals_checked()?;
        Ok(none_ref())
    })())
}

/// `strsignal(signalnum, /)`: the system's description, None when it has none.
unsafe extern "C" fn strsignal(_m: *mut PyObject, signum: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let signum = c_int_arg(signum)?;
        check_signum(signum)?;
        let text = libc::strsignal(signum);
        if text.is_null() {
            return Ok(none_ref());
        }
        let text = CStr::from_ptr(text).to_string_lossy().into_owned();
        if text.starts_with("Unknown signal") {
            return Ok(none_ref());
        }
        crate::objects::str::from_utf8(&text)
    })())
}

/// The signals of a sigset as a Python set.
unsafe fn set_of(mask: &libc::sigset_t) -> PyResult<PyRef> {
    let out = set::new(false, core::ptr::null_mut())?;
    for signum in 1..NSIG as c_int {
        if libc::sigismember(mask, signum) == 1 {
            set::add(out.as_ptr(), int::from_i64(signum as i64)?.as_ptr())?;
        }
    }
    Ok(out)
}

/// An iterable of signal numbers as a sigset.
unsafe fn sigset_arg(op: *mut PyObject) -> PyResult<libc::sigset_t> {
    let mut mask: libc::sigset_t = core::mem::zeroed();
    libc::sigemptyset(&mut mask);
    let it = owned(crate::abstract_::iter::PyObject_GetIter(op))?;
    loop {
        let item = crate::abstract_::iter::PyIter_Next(it.as_ptr());
        if item.is_null() {
            if !crate::errors::pyerr::PyErr_Occurred().is_null() {
                return Err(Raised::assume_set());
            }
            return Ok(mask);
        }
        let item = PyRef::from_owned(item).unwrap();
        let signum = c_int_arg(item.as_ptr())?;
        if signum <= 0 || signum as usize >= NSIG {
            return Err(value_error(&format!("signal number {signum} out of range [1; {}]", NSIG - 1)));
        }
        libc::sigaddset(&mut mask, signum);
    }
}

unsafe extern "C" fn valid_signals(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut mask: libc::sigset_t = core::mem::zeroed();
        if libc::sigemptyset(&mut mask) != 0 || libc::sigfillset(&mut mask) != 0 {
            return Err(errno_error());
        }
        set_of(&mask)
    })())
}

/// `pthread_sigmask(how, mask, /)`: the previous mask.
unsafe extern "C" fn pthread_sigmask(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"pthread_sigmask", a.len(), 2, 2)?;
        let how = c_int_arg(a[0])?;
        let mask = sigset_arg(a[1])?;
        let mut old: libc::sigset_t = core::mem::zeroed();
        let err = libc::pthread_sigmask(how, &mask, &mut old);
        if err != 0 {
            return Err(error_for(err));
        }
        // Signals unblocked by the call may be waiting for their handlers.
        signals_checked()?;
        set_of(&old)
    })())
}

unsafe extern "C" fn sigpending(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut mask: libc::sigset_t = core::mem::zeroed();
        if libc::sigpending(&mut mask) != 0 {
            return Err(errno_error());
        }
        set_of(&mask)
    })())
}

/// `sigwait(sigset, /)`: the signal that arrived (GIL released while waiting).
unsafe extern "C" fn sigwait(_m: *mut PyObject, mask: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mask = sigset_arg(mask)?;
        let mut signum: c_int = 0;
        let err = without_gil(|| libc::sigwait(&mask, &mut signum));
        if err != 0 {
            return Err(error_for(err));
        }
        int::from_i64(signum as i64)
    })())
}

/// `pthread_kill(thread_id, signalnum, /)`.
unsafe extern "C" fn pthread_kill(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"pthread_kill", a.len(), 2, 2)?;
        let tid = crate::objects::long_convert::PyLong_AsUnsignedLong(a[0]);
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        let signum = c_int_arg(a[1])?;
        let err = libc::pthread_kill(tid as libc::pthread_t, signum);
        if err != 0 {
            return Err(error_for(err));
        }
        signals_checked()?;
        Ok(none_ref())
    })())
}

/// `alarm(seconds, /)`: the seconds left of the previous alarm.
unsafe extern "C" fn alarm(_m: *mut PyObject, secs: *mut PyObject) -> *mut PyObject {
    ret(c_int_arg(secs).and_then(|s| int::from_i64(libc::alarm(s as u32) as i64)))
}

/// `pause()`: sleeps until a signal arrives, then runs its handler.
unsafe extern "C" fn pause(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        without_gil(|| libc::pause());
        signals_checked()?;
        Ok(none_ref())
    })())
}

/// `siginterrupt(signalnum, flag, /)`: whether the signal interrupts system calls.
unsafe extern "C" fn siginterrupt(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"siginterrupt", a.len(), 2, 2)?;
        let signum = c_int_arg(a[0])?;
        let flag = c_int_arg(a[1])?;
        check_signum(signum)?;
        let mut act: libc::sigaction = core::mem::zeroed();
        if libc::sigaction(signum, core::ptr::null(), &mut act) != 0 {
            return Err(errno_error());
        }
        if flag != 0 {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(signum, &act, core::ptr::null_mut()) != 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`: the previous descriptor.
unsafe extern "C" fn set_wakeup_fd(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static P: Params = Params { function: "set_wakeup_fd", names: &["fd", "warn_on_full_buffer"], positional_only: 1, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = c_int_arg(b[0].unwrap())?;
        crate::modules::posix::args::bool_or(b[1], true)?;
        check_main_thread("set_wakeup_fd")?;
        if fd != -1 {
            let mut st: libc::stat = core::mem::zeroed();
            if libc::fstat(fd, &mut st) != 0 {
                return Err(errno_error());
            }
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags < 0 {
                return Err(errno_error());
            }
            if flags & libc::O_NONBLOCK == 0 {
                return Err(value_error(&format!("the fd {fd} must be in non-blocking mode")));
            }
        }
        int::from_i64(signals::WAKEUP_FD.swap(fd, Ordering::Relaxed) as i64)
    })())
}

fn timeval_seconds(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6
}

unsafe fn itimer_tuple(it: &libc::itimerval) -> PyResult<PyRef> {
    tuple::from_vec(vec![float::new(timeval_seconds(&it.it_value))?, float::new(timeval_seconds(&it.it_interval))?])
}

/// Seconds (float or int) as a timeval, microseconds rounded up when non-zero.
unsafe fn timeval_arg(op: *mut PyObject) -> PyResult<libc::timeval> {
    let ns = crate::modules::time::convert::to_ns_ceiling(op)?;
    let us = ns.div_euclid(1000) + (ns.rem_euclid(1000) != 0) as i64;
    Ok(libc::timeval { tv_sec: us.div_euclid(1_000_000), tv_usec: us.rem_euclid(1_000_000) })
}

unsafe fn itimer_error() -> Raised {
    crate::errors::setters::PyErr_SetFromErrno(ITIMER_ERROR);
    Raised::assume_set()
}

/// `setitimer(which, seconds, interval=0.0, /)`: the previous (delay, interval).
unsafe extern "C" fn setitimer(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"setitimer", a.len(), 2, 3)?;
        let which = c_int_arg(a[0])?;
        let new = libc::itimerval {
            it_value: timeval_arg(a[1])?,
            it_interval: match a.get(2) {
                Some(&i) => timeval_arg(i)?,
                None => libc::timeval { tv_sec: 0, tv_usec: 0 },
            },
        };
        let mut old: libc::itimerval = core::mem::zeroed();
        if libc::setitimer(which, &new, &mut old) != 0 {
            return Err(itimer_error());
        }
        itimer_tuple(&old)
    })())
}

/// `getitimer(which, /)`: (delay, interval).
unsafe extern "C" fn getitimer(_m: *mut PyObject, which: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let which = c_int_arg(which)?;
        let mut cur: libc::itimerval = core::mem::zeroed();
        if libc::getitimer(which, &mut cur) != 0 {
            return Err(itimer_error());
        }
        itimer_tuple(&cur)
    })())
}

static mut SIGNAL_FUNCTIONS: [PyMethodDef; 17] = [
    fast(c"default_int_handler", default_int_handler, c"default_int_handler($module, signalnum, frame, /)\n--\n\nThe default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."),
    fast(c"signal", signal, c"signal($module, signalnum, handler, /)\n--\n\nSet the action for the given signal.\n\nThe action can be SIG_DFL, SIG_IGN, or a callable Python object.\nThe previous action is returned.  See getsignal() for possible return values."),
    meth(c"getsignal", getsignal, METH_O, c"getsignal($module, signalnum, /)\n--\n\nReturn the current action for the given signal."),
    meth(c"raise_signal", raise_signal, METH_O, c"raise_signal($module, signalnum, /)\n--\n\nSend a signal to the executing process."),
    meth(c"strsignal", strsignal, METH_O, c"strsignal($module, signalnum, /)\n--\n\nReturn the system description of the given signal."),
    meth(c"valid_signals", valid_signals, METH_NOARGS, c"valid_signals($module, /)\n--\n\nReturn a set of valid signal numbers on this platform."),
    fast(c"pthread_sigmask", pthread_sigmask, c"pthread_sigmask($module, how, mask, /)\n--\n\nFetch and/or change the signal mask of the calling thread."),
    meth(c"sigpending", sigpending, METH_NOARGS, c"sigpending($module, /)\n--\n\nExamine pending signals."),
    meth(c"sigwait", sigwait, METH_O, c"sigwait($module, sigset, /)\n--\n\nWait for a signal."),
    fast(c"pthread_kill", pthread_kill, c"pthread_kill($module, thread_id, signalnum, /)\n--\n\nSend a signal to a thread."),
    meth(c"alarm", alarm, METH_O, c"alarm($module, seconds, /)\n--\n\nArrange for SIGALRM to arrive after the given number of seconds."),
    meth(c"pause", pause, METH_NOARGS, c"pause($module, /)\n--\n\nWait until a signal arrives."),
    fast(c"siginterrupt", siginterrupt, c"siginterrupt($module, signalnum, flag, /)\n--\n\nChange system call restart behaviour."),
    fast_kw(c"set_wakeup_fd", set_wakeup_fd, c"set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> fd\n\nSets the fd to be written to (with the signal number) when a signal\ncomes in.  A library can use this to wakeup select or poll.\nThe previous fd or -1 is returned.\n\nThe fd must be non-blocking."),
    fast(c"setitimer", setitimer, c"setitimer($module, which, seconds, interval=0.0, /)\n--\n\nSets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."),
    meth(c"getitimer", getitimer, METH_O, c"getitimer($module, which, /)\n--\n\nReturns current value of given itimer."),
    END,
];

static mut SIGNAL_DEF: PyModuleDef = module_def(
    c"_signal",
    c"This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame.",
    (&raw mut SIGNAL_FUNCTIONS) as *mut PyMethodDef,
);

const SIGNAL_CONSTANTS: &[(&str, c_int)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGIOT", libc::SIGIOT),
    ("SIGABRT", libc::SIGABRT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGBUS", libc::SIGBUS),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSYS", libc::SIGSYS),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGPWR", libc::SIGPWR),
    ("SIGIO", libc::SIGIO),
    ("SIGURG", libc::SIGURG),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGCONT", libc::SIGCONT),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIG_BLOCK", libc::SIG_BLOCK),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
    ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL),
    ("ITIMER_PROF", libc::ITIMER_PROF),
];

/// The `_signal` module's constructor (`PyInit__signal` for the inittab).
pub(crate) unsafe extern "C" fn init_signal() -> *mut PyObject {
    ret((|| {
        let m = create(&raw mut SIGNAL_DEF)?;
        let d = dict_of(&m);
        add_int(d, "SIG_DFL", 0)?;
        add_int(d, "SIG_IGN", 1)?;
        add_int(d, "NSIG", NSIG as i64)?;
        for &(name, value) in SIGNAL_CONSTANTS {
            add_int(d, name, value as i64)?;
        }
        add_int(d, "SIGRTMIN", libc::SIGRTMIN() as i64)?;
        add_int(d, "SIGRTMAX", libc::SIGRTMAX() as i64)?;
        if ITIMER_ERROR.is_null() {
            ITIMER_ERROR = owned(crate::errors::setters::PyErr_NewException(
                c"signal.itimer_error".as_ptr(),
                &raw mut exc::_PyExc_OSError as *mut PyObject,
                core::ptr::null_mut(),
            ))?
            .into_ptr();
        }
        add(d, "ItimerError", ITIMER_ERROR)?;
        let handler = crate::object::object_attr::get_attr(m.as_ptr(), crate::objects::str::intern("default_int_handler")?.as_ptr())?;
        if !DEFAULT_INT_HANDLER.is_null() {
            crate::object::refcount::Py_DecRef(DEFAULT_INT_HANDLER);
        }
        DEFAULT_INT_HANDLER = handler.into_ptr();
        PyResult::Ok(m)
    })())
}
