//! The `select` module: `select()` (here), `poll` objects (poll.rs), `epoll` objects
//! (epoll.rs), the POLL*/EPOLL* constants, and `error` (= OSError). Waiting calls release
//! the GIL and, on EINTR, run signal handlers and retry with what is left of the timeout
//! (PEP 475).
pub mod epoll;
pub mod poll;

use core::ffi::c_int;

use crate::abstract_::{new_ref, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{errno_error, value_error, without_gil};
use crate::modules::{args_slice, fast, module_def, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{float, int, list, long_convert, tuple};

/// The largest timeout in seconds (`_PyTime_t` nanoseconds in an i64).
const MAX_SECONDS: f64 = 9.2e9;

/// A timeout argument: None, or an int/float in the given unit converted to seconds.
/// `message` is the TypeError for anything else.
pub(crate) unsafe fn timeout_seconds(op: *mut PyObject, per_second: f64, message: &str) -> PyResult<Option<f64>> {
    if op.is_null() || op == crate::abstract_::none() {
        return Ok(None);
    }
    let v = if float::is_float(op) {
        float::as_double(op)?
    } else if int::is_int(op) {
        match long_convert::as_i64(op) {
            Ok(i) => i as f64,
            Err(_) => {
                crate::errors::pyerr::PyErr_Clear();
                f64::INFINITY
            }
        }
    } else {
        return Err(type_error(message));
    };
    if v.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    let s = v / per_second;
    if s.abs() > MAX_SECONDS {
        return Err(crate::object::pending_error::raise_type(&raw mut exc::_PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t"));
    }
    Ok(Some(s))
}

fn monotonic() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid timespec out-parameter.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Runs a waiting call (GIL released) with `timeout` seconds (None: forever), retrying on
/// EINTR after the signal handlers with the time left; the call's result or OSError.
pub(crate) unsafe fn wait_retrying(timeout: Option<f64>, mut call: impl FnMut(Option<f64>) -> c_int) -> PyResult<c_int> {
    let deadline = timeout.map(|t| monotonic() + t);
    let mut left = timeout;
    loop {
        let r = without_gil(|| call(left));
        if r >= 0 {
            return Ok(r);
        }
        if *libc::__errno_location() != libc::EINTR {
            return Err(errno_error());
        }
        if crate::runtime::signals::PyErr_CheckSignals() < 0 {
            return Err(Raised::assume_set());
        }
        if let Some(d) = deadline {
            left = Some((d - monotonic()).max(0.0));
        }
    }
}

/// Frees an object of these types (or a subclass) through its type's `tp_free`.
pub(crate) unsafe fn free_object(op: *mut PyObject) {
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut core::ffi::c_void),
        None => crate::object::pymem::PyObject_Free(op as *mut core::ffi::c_void),
    }
}

/// The file descriptor of an int or an object with `fileno()`.
pub(crate) unsafe fn fd_of(op: *mut PyObject) -> PyResult<c_int> {
    let fd = crate::abstract_::file_descriptor::PyObject_AsFileDescriptor(op);
    if fd < 0 {
        return Err(Raised::assume_set());
    }
    Ok(fd)
}

/// The objects of one of select()'s lists with their descriptors.
unsafe fn fd_list(seq: *mut PyObject, set: &mut libc::fd_set, max: &mut c_int) -> PyResult<Vec<(c_int, PyRef)>> {
    let items = list::fast_list(seq, "arguments 1-3 must be sequences")?;
    let items: Vec<PyRef> = list::items(items.as_ptr()).iter().map(|&o| new_ref(o)).collect();
    let mut out = Vec::with_capacity(items.len());
    for o in items {
        let fd = fd_of(o.as_ptr())?;
        if fd >= libc::FD_SETSIZE as c_int {
            return Err(value_error("filedescriptor out of range in select()"));
        }
        libc::FD_SET(fd, set);
        *max = (*max).max(fd);
        out.push((fd, o));
    }
    Ok(out)
}

unsafe fn ready(objs: &[(c_int, PyRef)], set: &libc::fd_set) -> PyResult<PyRef> {
    let hits: Vec<*mut PyObject> = objs.iter().filter(|(fd, _)| libc::FD_ISSET(*fd, set)).map(|(_, o)| o.as_ptr()).collect();
    list::from_ptrs(&hits)
}

/// `select(rlist, wlist, xlist, timeout=None, /)`.
unsafe extern "C" fn select(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        if !crate::abstract_::getargs::check_positional(c"select".as_ptr(), nargs, 3, 4) {
            return Err(Raised::assume_set());
        }
        let a = args_slice(args, nargs);
        let timeout = timeout_seconds(a.get(3).copied().unwrap_or(core::ptr::null_mut()), 1.0, "timeout must be a float or None")?;
        if timeout.is_some_and(|t| t < 0.0) {
            return Err(value_error("timeout must be non-negative"));
        }
        let mut sets: [libc::fd_set; 3] = core::mem::zeroed();
        let mut max = -1;
        let mut lists = Vec::with_capacity(3);
        for (i, s) in sets.iter_mut().enumerate() {
            libc::FD_ZERO(s);
            lists.push(fd_list(a[i], s, &mut max)?);
        }
        let wanted = sets;
        wait_retrying(timeout, |left| {
            sets = wanted;
            let mut tv = left.map(|t| libc::timeval { tv_sec: t as libc::time_t, tv_usec: ((t.fract()) * 1e6).ceil() as libc::suseconds_t });
            let tvp = tv.as_mut().map_or(core::ptr::null_mut(), |t| t as *mut libc::timeval);
            let [r, w, x] = &mut sets;
            libc::select(max + 1, r, w, x, tvp)
        })?;
        tuple::from_vec(vec![ready(&lists[0], &sets[0])?, ready(&lists[1], &sets[1])?, ready(&lists[2], &sets[2])?])
    })())
}

static mut SELECT_FUNCTIONS: [PyMethodDef; 3] = [
    fast(c"select", select, c"select($module, rlist, wlist, xlist, timeout=None, /)\n--\n\nWait until one or more file descriptors are ready for some kind of I/O.\n\nThe first three arguments are iterables of file descriptors to be waited for:\nrlist -- wait until ready for reading\nwlist -- wait until ready for writing\nxlist -- wait for an \"exceptional condition\"\nIf only one kind of condition is required, pass [] for the other lists.\n\nA file descriptor is either a socket or file object, or a small integer\ngotten from a fileno() method call on one of those.\n\nThe optional 4th argument specifies a timeout in seconds; it may be\na floating point number to specify fractions of seconds.  If it is absent\nor None, the call will never time out.\n\nThe return value is a tuple of three lists corresponding to the first three\narguments; each contains the subset of the corresponding file descriptors\nthat are ready.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file\ndescriptors can be used."),
    crate::modules::meth(c"poll", poll::new_poll, crate::object::methods::METH_NOARGS, c"poll($module, /)\n--\n\nReturns a polling object.\n\nThis object supports registering and unregistering file descriptors, and then\npolling them for I/O events."),
    END,
];

static mut SELECT_DEF: PyModuleDef =
    module_def(c"select", c"This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.", (&raw mut SELECT_FUNCTIONS) as *mut PyMethodDef);

/// The module's types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut poll::Poll_Type, &raw mut epoll::Epoll_Type]
}

const CONSTANTS: &[(&str, i64)] = &[
    ("PIPE_BUF", libc::PIPE_BUF as i64),
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", 0x2000),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
];

/// `PyInit_select` for the inittab.
pub(crate) unsafe extern "C" fn init_select() -> *mut PyObject {
    use crate::modules::module_init::{add, add_ints, create, dict_of};
    ret((|| {
        let m = create(&raw mut SELECT_DEF)?;
        let d = dict_of(&m);
        add(d, "error", &raw mut exc::_PyExc_OSError as *mut PyObject)?;
        add_ints(d, CONSTANTS)?;
        add(d, "epoll", &raw mut epoll::Epoll_Type as *mut PyObject)?;
        Ok(m)
    })())
}
