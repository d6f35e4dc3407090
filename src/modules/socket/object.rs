//! The `_socket.socket` type (subclassed by `socket.socket`): the object (descriptor,
//! family, type, protocol, timeout), construction (a new socket, or an adopted descriptor
//! whose family/type/protocol are asked of the kernel), `close`/`detach`/`fileno`,
//! blocking mode and timeouts, repr, and the finalizer that warns about an unclosed
//! socket (ResourceWarning) and closes it. The I/O methods live in connection.rs,
//! transfer.rs, messages.rs and options.rs.
use core::ffi::{c_int, c_void};

use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::none;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, errno_error, error_for, value_error, without_gil};
use crate::modules::{none_ref, ret};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_INT};
use crate::object::method_table::{concat, count, plain};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DEFAULT};
use crate::objects::{int, str as pystr};

use super::timeout;

#[repr(C)]
pub(crate) struct Socket {
    ob_base: PyObject,
    /// The descriptor; -1 once closed or detached.
    pub fd: c_int,
    pub family: c_int,
    /// The type without SOCK_NONBLOCK/SOCK_CLOEXEC.
    pub kind: c_int,
    pub proto: c_int,
    /// What `_ssl` calls to raise the error of a failed call (CPython's `errorhandler`):
    /// the layout up to `timeout` is CPython's `PySocketSockObject`, which `_ssl` reads.
    pub errorhandler: Option<unsafe extern "C" fn() -> *mut PyObject>,
    /// Nanoseconds; `timeout::NONE` for blocking, 0 for non-blocking.
    pub timeout: i64,
}
assert_layout!(Socket, size = 48, fd @ 16, family @ 20, kind @ 24, proto @ 28, errorhandler @ 32, timeout @ 40);

/// The socket's `errorhandler`: OSError from errno.
unsafe extern "C" fn errno_error_handler() -> *mut PyObject {
    crate::errors::setters::PyErr_SetFromErrno(&raw mut exc::_PyExc_OSError as *mut PyObject)
}

pub(crate) unsafe fn this<'a>(op: *mut PyObject) -> &'a mut Socket {
    &mut *(op as *mut Socket)
}

/// Sets or clears O_NONBLOCK on `fd`.
pub(crate) unsafe fn set_nonblocking(fd: c_int, nonblocking: bool) -> PyResult<()> {
    let flags = libc::fcntl(fd, libc::F_GETFL);
    if flags < 0 {
        return Err(errno_error());
    }
    let new = if nonblocking { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
    if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
        return Err(errno_error());
    }
    Ok(())
}

/// Fills a fresh socket object: the default timeout (0 for SOCK_NONBLOCK), applied to
/// the descriptor's blocking mode.
pub(crate) unsafe fn setup(op: *mut PyObject, fd: c_int, family: c_int, kind: c_int, proto: c_int) -> PyResult<()> {
    let s = this(op);
    s.errorhandler = Some(errno_error_handler);
    s.fd = fd;
    s.family = family;
    s.kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    s.proto = proto;
    s.timeout = if kind & libc::SOCK_NONBLOCK != 0 { 0 } else { timeout::default_timeout() };
    if s.timeout >= 0 {
        set_nonblocking(fd, true)?;
    }
    Ok(())
}

unsafe fn sockopt_int(fd: c_int, name: c_int) -> PyResult<c_int> {
    let mut v: c_int = 0;
    let mut len = core::mem::size_of::<c_int>() as libc::socklen_t;
    if libc::getsockopt(fd, libc::SOL_SOCKET, name, &mut v as *mut c_int as *mut c_void, &mut len) < 0 {
        return Err(errno_error());
    }
    Ok(v)
}

unsafe extern "C" fn socket_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
    let op = alloc(tp, 0);
    if !op.is_null() {
        let s = this(op);
        s.errorhandler = Some(errno_error_handler);
        s.fd = -1;
        s.timeout = timeout::NONE;
    }
    op
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`.
unsafe extern "C" fn socket_init(op: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    static P: Params = Params { function: "socket", names: &["family", "type", "proto", "fileno"], positional_only: 0, max_positional: 4, required: 0 };
    let r = (|| -> PyResult<()> {
        let [family, kind, proto, fileno] = bind_tuple_dict_array::<4>(&P, args, kw)?;
        let arg = |o: *mut PyObject| if o.is_null() { Ok(-1) } else { c_int_arg(o) };
        let (mut family, mut kind, mut proto) = (arg(family)?, arg(kind)?, arg(proto)?);
        if !fileno.is_null() && fileno != none() {
            if crate::objects::float::is_float(fileno) {
                return Err(crate::abstract_::type_error("'float' object cannot be interpreted as an integer"));
            }
            let fd = c_int_arg(fileno)?;
            if fd < 0 {
                return Err(value_error("negative file descriptor"));
            }
            if family == -1 {
                let mut a = super::address::SockAddr::empty();
                if libc::getsockname(fd, a.as_mut_ptr(), &mut a.len) < 0 {
                    return Err(errno_error());
                }
                family = a.storage.ss_family as c_int;
            }
            if kind == -1 {
                kind = sockopt_int(fd, libc::SO_TYPE)?;
            }
            if proto == -1 {
                proto = sockopt_int(fd, libc::SO_PROTOCOL)?;
            }
            return setup(op, fd, family, kind, proto);
        }
        if family == -1 {
            family = libc::AF_INET;
        }
        if kind == -1 {
            kind = libc::SOCK_STREAM;
        }
        if proto == -1 {
            proto = 0;
        }
        let fd = libc::socket(family, kind | libc::SOCK_CLOEXEC, proto);
        if fd < 0 {
            return Err(errno_error());
        }
        if let Err(e) = setup(op, fd, family, kind, proto) {
            libc::close(fd);
            this(op).fd = -1;
            return Err(e);
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// Closes the descriptor (once); ECONNRESET is not an error (the peer is gone anyway).
pub(crate) unsafe fn close_fd(fd: c_int) -> PyResult<()> {
    let (r, e) = without_gil(|| (libc::close(fd), *libc::__errno_location()));
    if r < 0 && e != libc::ECONNRESET {
        return Err(error_for(e));
    }
    Ok(())
}

unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let s = this(op);
        if s.fd != -1 {
            let fd = core::mem::replace(&mut s.fd, -1);
            close_fd(fd)?;
        }
        Ok(none_ref())
    })())
}

unsafe extern "C" fn detach(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let fd = core::mem::replace(&mut this(op).fd, -1);
    ret(int::from_i64(fd as i64))
}

unsafe extern "C" fn fileno(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(this(op).fd as i64))
}

unsafe extern "C" fn setblocking(op: *mut PyObject, flag: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let blocking = crate::abstract_::object::is_true(flag)?;
        let s = this(op);
        s.timeout = if blocking { timeout::NONE } else { 0 };
        set_nonblocking(s.fd, !blocking)?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn getblocking(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::abstract_::compare::bool_ref(this(op).timeout != 0).into_ptr()
}

unsafe extern "C" fn settimeout(op: *mut PyObject, value: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let t = timeout::parse(value)?;
        let s = this(op);
        s.timeout = t;
        set_nonblocking(s.fd, t >= 0)?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn gettimeout(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(timeout::to_object(this(op).timeout))
}

unsafe extern "C" fn get_timeout(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    ret(timeout::to_object(this(op).timeout))
}

unsafe extern "C" fn socket_repr(op: *mut PyObject) -> *mut PyObject {
    let s = this(op);
    ret(pystr::from_utf8(&format!("<socket object, fd={}, family={}, type={}, proto={}>", s.fd, s.family, s.kind, s.proto)))
}

/// `__del__`: an open socket warns "unclosed <repr>" (ResourceWarning) and is closed.
unsafe extern "C" fn socket_finalize(op: *mut PyObject) {
    if this(op).fd == -1 {
        return;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    if let Ok(text) = crate::errors::objtext::repr_string(op) {
        if let Ok(msg) = pystr::from_utf8(&format!("unclosed {text}")) {
            let _ = crate::errors::warnings::do_warn(msg.as_ptr(), &raw mut exc::_PyExc_ResourceWarning as *mut PyObject, 1, op);
        }
    }
    crate::errors::pyerr::PyErr_Clear();
    let fd = core::mem::replace(&mut this(op).fd, -1);
    libc::close(fd);
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

unsafe extern "C" fn socket_dealloc(op: *mut PyObject) {
    if crate::object::subtype::PyObject_CallFinalizerFromDealloc(op) < 0 {
        return;
    }
    let tp = (*op).ob_type;
    match (*tp).tp_free {
        Some(free) => free(op as *mut c_void),
        None => crate::object::pymem::PyObject_Free(op as *mut c_void),
    }
}

const LIFECYCLE: [PyMethodDef; 7] = [
    plain(c"close", close, METH_NOARGS).doc(c"close()\n\nClose the socket.  It cannot be used after this call."),
    plain(c"detach", detach, METH_NOARGS).doc(c"detach()\n\nClose the socket object without closing the underlying file descriptor.\nThe object cannot be used after this call, but the file descriptor\ncan be reused for other purposes.  The file descriptor is returned."),
    plain(c"fileno", fileno, METH_NOARGS).doc(c"fileno() -> integer\n\nReturn the integer file descriptor of the socket."),
    plain(c"setblocking", setblocking, METH_O).doc(c"setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false).\nsetblocking(True) is equivalent to settimeout(None);\nsetblocking(False) is equivalent to settimeout(0.0)."),
    plain(c"getblocking", getblocking, METH_NOARGS).doc(c"getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in non-blocking mode."),
    plain(c"settimeout", settimeout, METH_O).doc(c"settimeout(timeout)\n\nSet a timeout on socket operations.  'timeout' can be a float,\ngiving in seconds, or None.  Setting a timeout of None disables\nthe timeout feature and is equivalent to setblocking(1).\nSetting a timeout of zero is the same as setblocking(0)."),
    plain(c"gettimeout", gettimeout, METH_NOARGS).doc(c"gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\noperations. A timeout of None indicates that timeouts on socket\noperations are disabled."),
];

const TABLES: &[&[PyMethodDef]] = &[
    &LIFECYCLE,
    &super::connection::METHODS,
    &super::transfer::METHODS,
    &super::messages::METHODS,
    &super::options::METHODS,
];

static mut SOCKET_METHODS: [PyMethodDef; count(TABLES) + 1] = concat(TABLES);

const fn member(name: &'static core::ffi::CStr, offset: usize, doc: &'static core::ffi::CStr) -> PyMemberDef {
    PyMemberDef { name: name.as_ptr(), r#type: T_INT, offset: offset as isize, flags: READONLY, doc: doc.as_ptr() }
}

static mut SOCKET_MEMBERS: [PyMemberDef; 4] = [
    member(c"family", core::mem::offset_of!(Socket, family), c"the socket family"),
    member(c"type", core::mem::offset_of!(Socket, kind), c"the socket type"),
    member(c"proto", core::mem::offset_of!(Socket, proto), c"the socket protocol"),
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut SOCKET_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"timeout".as_ptr(), get: Some(get_timeout), set: None, doc: c"the socket timeout".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `_socket.socket`.
pub static mut Socket_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(socket_dealloc),
    tp_repr: Some(socket_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut SOCKET_METHODS) as *mut PyMethodDef,
    tp_members: (&raw mut SOCKET_MEMBERS) as *mut PyMemberDef,
    tp_getset: (&raw mut SOCKET_GETSET) as *mut PyGetSetDef,
    tp_init: Some(socket_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(socket_new),
    tp_finalize: Some(socket_finalize),
    ..static_type(
        c"_socket.socket",
        core::mem::size_of::<Socket>(),
        0,
        (Py_TPFLAGS_DEFAULT as core::ffi::c_ulong) | Py_TPFLAGS_BASETYPE,
        Some(c"socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type.  The family argument specifies the\naddress family; it defaults to AF_INET.  The type argument specifies\nwhether this is a stream (SOCK_STREAM, this is the default)\nor datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,\nspecifying the default protocol.  Keyword arguments are accepted.\nThe socket is created as non-inheritable.\n\nWhen a fileno is passed in, family, type and proto are auto-detected,\nunless they are explicitly set.\n\nA socket object represents one endpoint of a network connection.\n\nMethods of socket objects (keyword arguments not allowed):\n\n_accept() -- accept connection, returning new socket fd and client address\nbind(addr) -- bind the socket to a local address\nclose() -- close the socket\nconnect(addr) -- connect the socket to a remote address\nconnect_ex(addr) -- connect, return an error code instead of an exception\ndup() -- return a new socket fd duplicated from fileno()\nfileno() -- return underlying file descriptor\ngetpeername() -- return remote address [*]\ngetsockname() -- return local address\ngetsockopt(level, optname[, buflen]) -- get socket options\ngettimeout() -- return timeout or None\nlisten([n]) -- start listening for incoming connections\nrecv(buflen[, flags]) -- receive data\nrecv_into(buffer[, nbytes[, flags]]) -- receive data (into a buffer)\nrecvfrom(buflen[, flags]) -- receive data and sender's address\nrecvfrom_into(buffer[, nbytes, [, flags])\n  -- receive data and sender's address (into a buffer)\nsendall(data[, flags]) -- send all data\nsend(data[, flags]) -- send data, may not send all of it\nsendto(data[, flags], addr) -- send data to a given address\nsetblocking(bool) -- set or clear the blocking I/O flag\ngetblocking() -- return True if socket is blocking, False if non-blocking\nsetsockopt(level, optname, value[, optlen]) -- set socket options\nsettimeout(None | float) -- set or clear the timeout\nshutdown(how) -- shut down traffic in one or both directions\n\n [*] not available on all platforms!"),
    )
};
