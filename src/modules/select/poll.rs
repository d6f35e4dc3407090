//! `select.poll` objects: a registration table (in registration order, which is the order
//! `poll()` reports events in) over `poll(2)`.
use core::ffi::c_int;

use crate::abstract_::ret_obj;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::error_for;
use crate::modules::{args_slice, none_ref};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_O};
use crate::object::method_table::{fast, plain, END};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::{int, list, long_convert, tuple};

use super::{fd_of, timeout_seconds, wait_retrying};

#[repr(C)]
pub(crate) struct Poll {
    ob_base: PyObject,
    fds: *mut Vec<(c_int, i16)>,
    polling: bool,
}

unsafe fn table<'a>(op: *mut PyObject) -> &'a mut Vec<(c_int, i16)> {
    &mut *(*(op as *mut Poll)).fds
}

/// `select.poll()`.
pub(crate) unsafe extern "C" fn new_poll(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let op = crate::objects::iter_common::alloc(&raw mut Poll_Type)?;
        let p = op.as_ptr() as *mut Poll;
        (*p).fds = Box::into_raw(Box::new(Vec::new()));
        (*p).polling = false;
        Ok(op)
    })())
}

unsafe extern "C" fn poll_dealloc(op: *mut PyObject) {
    let p = op as *mut Poll;
    if !(*p).fds.is_null() {
        drop(Box::from_raw((*p).fds));
    }
    crate::modules::select::free_object(op);
}

/// An event mask (C `unsigned short`).
pub(crate) unsafe fn event_mask(op: *mut PyObject) -> PyResult<i16> {
    let i = crate::abstract_::number::index(op)?;
    let v = long_convert::as_i64(i.as_ptr())?;
    if v < 0 {
        return Err(crate::modules::posix::args::value_error("value must be positive"));
    }
    if v > 0xffff {
        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "Python int too large for C unsigned short"));
    }
    Ok(v as u16 as i16)
}

const DEFAULT_MASK: i16 = libc::POLLIN | libc::POLLPRI | libc::POLLOUT;

/// `register(fd, eventmask=POLLIN|POLLPRI|POLLOUT, /)`: adds or replaces.
unsafe extern "C" fn register(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        if !crate::abstract_::getargs::check_positional(c"register".as_ptr(), nargs, 1, 2) {
            return Err(Raised::assume_set());
        }
        let a = args_slice(args, nargs);
        let fd = fd_of(a[0])?;
        let mask = match a.get(1) {
            Some(&m) => event_mask(m)?,
            None => DEFAULT_MASK,
        };
        let t = table(op);
        match t.iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => e.1 = mask,
            None => t.push((fd, mask)),
        }
        Ok(none_ref())
    })())
}

/// `modify(fd, eventmask, /)`: FileNotFoundError if `fd` is not registered.
unsafe extern "C" fn modify(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        if !crate::abstract_::getargs::check_positional(c"modify".as_ptr(), nargs, 2, 2) {
            return Err(Raised::assume_set());
        }
        let a = args_slice(args, nargs);
        let fd = fd_of(a[0])?;
        let mask = event_mask(a[1])?;
        match table(op).iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => e.1 = mask,
            None => return Err(error_for(libc::ENOENT)),
        }
        Ok(none_ref())
    })())
}

/// `unregister(fd, /)`: KeyError if `fd` is not registered.
unsafe extern "C" fn unregister(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let fd = fd_of(arg)?;
        let t = table(op);
        match t.iter().position(|(f, _)| *f == fd) {
            Some(i) => {
                t.remove(i);
                Ok(none_ref())
            }
            None => {
                let key = int::from_i64(fd as i64)?;
                crate::errors::pyerr::PyErr_SetObject(&raw mut exc::_PyExc_KeyError as *mut PyObject, key.as_ptr());
                Err(Raised::assume_set())
            }
        }
    })())
}

/// Milliseconds for `poll(2)`/`epoll_wait(2)` from seconds (None or negative: -1),
/// rounded up so a short timeout still waits.
pub(crate) fn millis(left: Option<f64>) -> c_int {
    match left {
        Some(s) if s >= 0.0 => (s * 1000.0).ceil().min(c_int::MAX as f64) as c_int,
        _ => -1,
    }
}

/// `poll(timeout=None, /)`: `[(fd, events), ...]`; the timeout is in milliseconds.
unsafe extern "C" fn poll(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        if !crate::abstract_::getargs::check_positional(c"poll".as_ptr(), nargs, 0, 1) {
            return Err(Raised::assume_set());
        }
        let a = args_slice(args, nargs);
        let timeout = timeout_seconds(a.first().copied().unwrap_or(core::ptr::null_mut()), 1000.0, "timeout must be an integer or None")?
            .filter(|&t| t >= 0.0);
        let p = op as *mut Poll;
        if (*p).polling {
            return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "concurrent poll() invocation"));
        }
        let mut fds: Vec<libc::pollfd> = table(op).iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
        (*p).polling = true;
        let r = wait_retrying(timeout, |left| libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis(left)));
        (*p).polling = false;
        r?;
        let out = list::new(0)?;
        for f in fds.iter().filter(|f| f.revents != 0) {
            let pair = tuple::from_vec(vec![int::from_i64(f.fd as i64)?, int::from_i64(f.revents as u16 as i64)?])?;
            list::append(out.as_ptr(), pair.as_ptr())?;
        }
        Ok(out)
    })())
}

static mut POLL_METHODS: [PyMethodDef; 5] = [
    fast(c"register", register, METH_FASTCALL).doc(c"register($self, fd,\n         eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT, /)\n--\n\nRegister a file descriptor with the polling object.\n\n  fd\n    either an integer, or an object with a fileno() method returning an int\n  eventmask\n    an optional bitmask describing the type of events to check for"),
    fast(c"modify", modify, METH_FASTCALL).doc(c"modify($self, fd, eventmask, /)\n--\n\nModify an already registered file descriptor.\n\n  fd\n    either an integer, or an object with a fileno() method returning\n    an int\n  eventmask\n    a bitmask describing the type of events to check for"),
    plain(c"unregister", unregister, METH_O).doc(c"unregister($self, fd, /)\n--\n\nRemove a file descriptor being tracked by the polling object."),
    fast(c"poll", poll, METH_FASTCALL).doc(c"poll($self, timeout=None, /)\n--\n\nPolls the set of registered file descriptors.\n\n  timeout\n    The maximum time to wait in milliseconds, or else None (or a negative\n    value) to wait indefinitely.\n\nReturns a list containing any descriptors that have events or errors to\nreport, as a list of (fd, event) 2-tuples."),
    END,
];

pub static mut Poll_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(poll_dealloc),
    tp_methods: &raw mut POLL_METHODS as *mut PyMethodDef,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    ..static_type(c"select.poll", core::mem::size_of::<Poll>(), 0, Py_TPFLAGS_DEFAULT as _, None)
};
