//! Socket timeouts: the argument conversion (seconds to nanoseconds, rounded up as
//! CPython's timeout rounding), the module's default timeout, and `call`, the loop every
//! socket operation runs: the system call with the GIL released, EINTR retried after the
//! signal handlers (PEP 475), and, when the socket has a timeout, EAGAIN answered by
//! `poll` for readiness until the deadline ("timed out" after it).
use core::ffi::c_int;
use core::sync::atomic::{AtomicI64, Ordering};

use crate::abstract_::none;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{error_for, value_error, without_gil};
use crate::modules::{meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{float, long_convert};

use super::errors::timed_out;

/// No timeout: blocking calls.
pub(crate) const NONE: i64 = -1;

/// The default timeout of new sockets, in nanoseconds (NONE: blocking).
static DEFAULT: AtomicI64 = AtomicI64::new(NONE);

pub(crate) fn default_timeout() -> i64 {
    DEFAULT.load(Ordering::Relaxed)
}

fn too_large() -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t")
}

/// A timeout argument: None, or non-negative seconds (int or float) as nanoseconds.
pub(crate) unsafe fn parse(op: *mut PyObject) -> PyResult<i64> {
    if op == none() {
        return Ok(NONE);
    }
    let ns = if float::is_float(op) {
        let v = float::value(op);
        if v.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = (v * 1e9).ceil();
        if !(-9.2e18..=9.2e18).contains(&ns) {
            return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "timestamp out of range for platform time_t"));
        }
        ns as i64
    } else {
        let i = crate::abstract_::number::index(op)?;
        let secs = long_convert::as_i64(i.as_ptr()).map_err(|_| {
            crate::errors::pyerr::PyErr_Clear();
            too_large()
        })?;
        secs.checked_mul(1_000_000_000).ok_or_else(too_large)?
    };
    if ns < 0 {
        return Err(value_error("Timeout value out of range"));
    }
    Ok(ns)
}

/// The Python form of a timeout: None or float seconds.
pub(crate) fn to_object(ns: i64) -> PyResult<PyRef> {
    if ns < 0 {
        return Ok(none_ref());
    }
    float::new(ns as f64 / 1e9)
}

unsafe extern "C" fn getdefaulttimeout(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(to_object(default_timeout()))
}

unsafe extern "C" fn setdefaulttimeout(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        DEFAULT.store(parse(arg)?, Ordering::Relaxed);
        Ok(none_ref())
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 2] = [
    meth(c"getdefaulttimeout", getdefaulttimeout, METH_NOARGS, c"getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."),
    meth(c"setdefaulttimeout", setdefaulttimeout, METH_O, c"setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."),
];

fn monotonic_ns() -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid out-parameter.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

/// When an operation with this timeout must end (None: no timeout, or non-blocking).
pub(crate) fn deadline(timeout_ns: i64) -> Option<i64> {
    (timeout_ns > 0).then(|| monotonic_ns().saturating_add(timeout_ns))
}

fn errno() -> c_int {
    // SAFETY: reading errno.
    unsafe { *libc::__errno_location() }
}

/// Waits (GIL released) until `fd` is readable/writable or the deadline passes.
pub(crate) unsafe fn wait(fd: c_int, writing: bool, deadline: Option<i64>) -> PyResult<()> {
    loop {
        let ms = match deadline {
            Some(d) => {
                let left = d - monotonic_ns();
                if left <= 0 {
                    return Err(timed_out());
                }
                ((left + 999_999) / 1_000_000).min(c_int::MAX as i64) as c_int
            }
            None => -1,
        };
        let events = if writing { libc::POLLOUT } else { libc::POLLIN };
        let (r, e) = without_gil(|| {
            let mut p = libc::pollfd { fd, events, revents: 0 };
            let r = libc::poll(&mut p, 1, ms);
            (r, errno())
        });
        if r > 0 {
            return Ok(());
        }
        if r < 0 {
            if e != libc::EINTR {
                return Err(error_for(e));
            }
            if crate::runtime::signals::PyErr_CheckSignals() < 0 {
                return Err(Raised::assume_set());
            }
        }
    }
}

/// Runs `f(fd)` (a system call returning -1 with errno on failure) for a socket with
/// `timeout_ns`, as described at the top; the call's result, or the error.
pub(crate) unsafe fn call(fd: c_int, timeout_ns: i64, writing: bool, deadline: Option<i64>, mut f: impl FnMut(c_int) -> isize) -> PyResult<isize> {
    loop {
        let (r, e) = without_gil(|| {
            let r = f(fd);
            (r, errno())
        });
        if r >= 0 {
            return Ok(r);
        }
        if e == libc::EINTR {
            if crate::runtime::signals::PyErr_CheckSignals() < 0 {
                return Err(Raised::assume_set());
            }
            continue;
        }
        if timeout_ns > 0 && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) {
            wait(fd, writing, deadline)?;
            continue;
        }
        return Err(error_for(e));
    }
}
