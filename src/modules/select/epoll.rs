//! `select.epoll`: an epoll descriptor (close-on-exec) with `register`/`modify`/
//! `unregister`/`poll`, `close`/`closed`/`fileno`/`fromfd`, and the context-manager
//! protocol. Not subclassable, as in CPython 3.11.
use core::ffi::{c_int, c_void};

use crate::abstract_::unpack_keywords::{bind, bind_tuple_dict_array, Params};
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, errno_error, value_error};
use crate::modules::none_ref;
use crate::object::descr::PyGetSetDef;
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::method_table::{fast_kw, plain, END};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::{int, list, tuple};

use super::poll::millis;
use super::{fd_of, timeout_seconds, wait_retrying};

#[repr(C)]
pub(crate) struct Epoll {
    ob_base: PyObject,
    epfd: c_int,
}

unsafe fn epfd(op: *mut PyObject) -> c_int {
    (*(op as *mut Epoll)).epfd
}

unsafe fn open_fd(op: *mut PyObject) -> PyResult<c_int> {
    match epfd(op) {
        fd if fd < 0 => Err(value_error("I/O operation on closed epoll object")),
        fd => Ok(fd),
    }
}

unsafe fn with_fd(tp: *mut PyTypeObject, fd: c_int) -> PyResult<PyRef> {
    let op = crate::objects::iter_common::alloc(tp);
    let op = match op {
        Ok(op) => op,
        Err(e) => {
            libc::close(fd);
            return Err(e);
        }
    };
    (*(op.as_ptr() as *mut Epoll)).epfd = fd;
    Ok(op)
}

/// `epoll(sizehint=-1, flags=0)`: `flags` is accepted and ignored (the descriptor is always
/// close-on-exec), as in CPython.
unsafe extern "C" fn epoll_tp_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "epoll", names: &["sizehint", "flags"], positional_only: 0, max_positional: 2, required: 0 };
    ret_obj((|| {
        let [sizehint, flags] = bind_tuple_dict_array::<2>(&P, args, kwds)?;
        let sizehint = if sizehint.is_null() { -1 } else { c_int_arg(sizehint)? };
        if !flags.is_null() {
            c_int_arg(flags)?;
        }
        if sizehint != -1 && sizehint <= 0 {
            return Err(value_error("negative sizehint"));
        }
        let fd = libc::epoll_create1(libc::EPOLL_CLOEXEC);
        if fd < 0 {
            return Err(errno_error());
        }
        with_fd(tp, fd)
    })())
}

unsafe fn close_fd(op: *mut PyObject) -> c_int {
    let e = op as *mut Epoll;
    let fd = core::mem::replace(&mut (*e).epfd, -1);
    if fd >= 0 { libc::close(fd) } else { 0 }
}

unsafe extern "C" fn epoll_dealloc(op: *mut PyObject) {
    close_fd(op);
    super::free_object(op);
}

unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    if close_fd(op) < 0 {
        return ret_obj(Err(errno_error()));
    }
    none_ref().into_ptr()
}

unsafe extern "C" fn get_closed(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref(crate::objects::bool::PyBool_FromLong((epfd(op) < 0) as _)).into_ptr()
}

unsafe extern "C" fn fileno(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(open_fd(op).and_then(|fd| int::from_i64(fd as i64)))
}

/// `epoll.fromfd(fd, /)`: an epoll object owning `fd`.
unsafe extern "C" fn fromfd(cls: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj(c_int_arg(arg).and_then(|fd| with_fd(cls as *mut PyTypeObject, fd)))
}

unsafe fn ctl(op: *mut PyObject, how: c_int, fd: *mut PyObject, mask: u32) -> PyResult<PyRef> {
    let epfd = open_fd(op)?;
    let fd = fd_of(fd)?;
    let mut ev = libc::epoll_event { events: mask, u64: fd as u64 };
    if libc::epoll_ctl(epfd, how, fd, &mut ev) < 0 {
        return Err(errno_error());
    }
    Ok(none_ref())
}

unsafe fn mask_arg(op: Option<*mut PyObject>) -> PyResult<u32> {
    match op {
        None => Ok((libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32),
        Some(m) => {
            let i = crate::abstract_::number::index(m)?;
            let v = crate::objects::long_convert::as_i64(i.as_ptr())?;
            Ok(v as u32)
        }
    }
}

/// `register(fd, eventmask=EPOLLIN|EPOLLPRI|EPOLLOUT)`.
unsafe extern "C" fn register(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "register", names: &["fd", "eventmask"], positional_only: 0, max_positional: 2, required: 1 };
    ret_obj((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        ctl(op, libc::EPOLL_CTL_ADD, b[0].unwrap(), mask_arg(b[1])?)
    })())
}

/// `modify(fd, eventmask)`.
unsafe extern "C" fn modify(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "modify", names: &["fd", "eventmask"], positional_only: 0, max_positional: 2, required: 2 };
    ret_obj((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        ctl(op, libc::EPOLL_CTL_MOD, b[0].unwrap(), mask_arg(b[1])?)
    })())
}

/// `unregister(fd)`.
unsafe extern "C" fn unregister(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "unregister", names: &["fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret_obj((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        ctl(op, libc::EPOLL_CTL_DEL, b[0].unwrap(), 0)
    })())
}

/// `poll(timeout=None, maxevents=-1)`: `[(fd, events), ...]`; the timeout is in seconds.
unsafe extern "C" fn poll(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "poll", names: &["timeout", "maxevents"], positional_only: 0, max_positional: 2, required: 0 };
    ret_obj((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let epfd = open_fd(op)?;
        let timeout = timeout_seconds(b[0].unwrap_or(core::ptr::null_mut()), 1.0, "timeout must be an integer or None")?
            .filter(|&t| t >= 0.0);
        let mut maxevents = match b[1] {
            Some(m) => c_int_arg(m)?,
            None => -1,
        };
        if maxevents == -1 {
            maxevents = libc::FD_SETSIZE as c_int - 1;
        } else if maxevents < 1 {
            return Err(value_error(&format!("maxevents must be greater than 0, got {maxevents}")));
        }
        let mut events = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
        let n = wait_retrying(timeout, |left| libc::epoll_wait(epfd, events.as_mut_ptr(), maxevents, millis(left)))?;
        let out = list::new(0)?;
        for ev in &events[..n as usize] {
            let (fd, mask) = (ev.u64 as c_int, ev.events);
            let pair = tuple::from_vec(vec![int::from_i64(fd as i64)?, int::from_i64(mask as i64)?])?;
            list::append(out.as_ptr(), pair.as_ptr())?;
        }
        Ok(out)
    })())
}

unsafe extern "C" fn enter(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(open_fd(op).map(|_| new_ref(op)))
}

unsafe extern "C" fn exit(op: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    close(op, core::ptr::null_mut())
}

static mut EPOLL_METHODS: [PyMethodDef; 11] = [
    plain(c"close", close, METH_NOARGS).doc(c"close($self, /)\n--\n\nClose the epoll control file descriptor.\n\nFurther operations on the epoll object will raise an exception."),
    plain(c"fileno", fileno, METH_NOARGS).doc(c"fileno($self, /)\n--\n\nReturn the epoll control file descriptor."),
    plain(c"fromfd", fromfd, METH_O | METH_CLASS).doc(c"fromfd($type, fd, /)\n--\n\nCreate an epoll object from a given control fd."),
    fast_kw(c"register", register, METH_FASTCALL | METH_KEYWORDS).doc(c"register($self, /, fd,\n         eventmask=select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT)\n--\n\nRegisters a new fd or raises an OSError if the fd is already registered."),
    fast_kw(c"modify", modify, METH_FASTCALL | METH_KEYWORDS).doc(c"modify($self, /, fd, eventmask)\n--\n\nModify event mask for a registered file descriptor."),
    fast_kw(c"unregister", unregister, METH_FASTCALL | METH_KEYWORDS).doc(c"unregister($self, /, fd)\n--\n\nRemove a registered file descriptor from the epoll object."),
    fast_kw(c"poll", poll, METH_FASTCALL | METH_KEYWORDS).doc(c"poll($self, /, timeout=None, maxevents=-1)\n--\n\nWait for events on the epoll file descriptor.\n\n  timeout\n    the maximum time to wait in seconds (as float);\n    a timeout of None or -1 makes poll wait indefinitely\n  maxevents\n    the maximum number of events returned; -1 means no limit\n\nReturns a list containing any descriptors that have events to report,\nas a list of (fd, events) 2-tuples."),
    plain(c"__enter__", enter, METH_NOARGS),
    plain(c"__exit__", exit, METH_VARARGS),
    END,
    END,
];

static mut EPOLL_GETSETS: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"closed".as_ptr(), get: Some(get_closed), set: None, doc: c"True if the epoll handler is closed".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

pub static mut Epoll_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(epoll_dealloc),
    tp_methods: &raw mut EPOLL_METHODS as *mut PyMethodDef,
    tp_getset: &raw mut EPOLL_GETSETS as *mut PyGetSetDef,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_new: Some(epoll_tp_new),
    ..static_type(
        c"select.epoll",
        core::mem::size_of::<Epoll>(),
        0,
        Py_TPFLAGS_DEFAULT as core::ffi::c_ulong,
        Some(c"select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object\n\nsizehint must be a positive integer or -1 for the default size. The\nsizehint is used to optimize internal data structures. It doesn't limit\nthe maximum number of monitored events."),
    )
};
