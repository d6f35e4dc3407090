//! Connection methods of `_socket.socket`: `bind`, `listen`, `_accept`, `connect`,
//! `connect_ex`, `shutdown`, `getsockname`, `getpeername`.
use core::ffi::{c_int, c_void};

use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{c_int_arg, errno_error, error_for, without_gil};
use crate::modules::{args_slice, none_ref, ret};
use crate::object::method_table::{fast, plain};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::objects::{int, tuple};

use super::address::{self, SockAddr};
use super::object::this;
use super::timeout;

unsafe extern "C" fn bind(op: *mut PyObject, addr: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let s = this(op);
        let a = address::parse(s.family, addr, "bind")?;
        if libc::bind(s.fd, a.as_ptr(), a.len) < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

unsafe extern "C" fn listen(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("listen", a.len(), 0, 1)?;
        let backlog = match a.first() {
            Some(&b) => c_int_arg(b)?.max(0),
            None => libc::SOMAXCONN.min(128),
        };
        let fd = this(op).fd;
        if without_gil(|| libc::listen(fd, backlog)) < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `_accept()`: `(fd, address)` of a new connection; the descriptor is non-inheritable.
unsafe extern "C" fn accept(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let s = this(op);
        let mut a = SockAddr::empty();
        let (ap, lp) = (a.as_mut_ptr() as usize, &mut a.len as *mut libc::socklen_t as usize);
        let fd = timeout::call(s.fd, s.timeout, false, timeout::deadline(s.timeout), |fd| {
            *(lp as *mut libc::socklen_t) = core::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            libc::accept4(fd, ap as *mut libc::sockaddr, lp as *mut libc::socklen_t, libc::SOCK_CLOEXEC) as isize
        })? as c_int;
        let addr = match address::to_object(&a) {
            Ok(addr) => addr,
            Err(e) => {
                libc::close(fd);
                return Err(e);
            }
        };
        tuple::from_vec(vec![int::from_i64(fd as i64)?, addr])
    })())
}

unsafe fn pending_error(fd: c_int) -> PyResult<c_int> {
    let mut err: c_int = 0;
    let mut len = core::mem::size_of::<c_int>() as libc::socklen_t;
    if libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, &mut err as *mut c_int as *mut c_void, &mut len) < 0 {
        return Err(errno_error());
    }
    Ok(err)
}

/// Connects; the errno the connection ended with (0 on success). Errors other than the
/// connection's own (bad address, signal handler exceptions, timeouts) are raised.
unsafe fn connect_errno(op: *mut PyObject, addr: *mut PyObject, caller: &str) -> PyResult<c_int> {
    let s = this(op);
    let a = address::parse(s.family, addr, caller)?;
    let (fd, t) = (s.fd, s.timeout);
    let (r, e) = without_gil(|| (libc::connect(fd, a.as_ptr(), a.len), *libc::__errno_location()));
    if r == 0 {
        return Ok(0);
    }
    if e == libc::EINTR {
        if crate::runtime::signals::PyErr_CheckSignals() < 0 {
            return Err(Raised::assume_set());
        }
        if t == 0 {
            return Ok(e);
        }
        // The connection goes on in the kernel: wait for its end.
        timeout::wait(fd, true, timeout::deadline(t))?;
        return pending_error(fd);
    }
    if e == libc::EINPROGRESS && t != 0 {
        timeout::wait(fd, true, timeout::deadline(t))?;
        return pending_error(fd);
    }
    Ok(e)
}

unsafe extern "C" fn connect(op: *mut PyObject, addr: *mut PyObject) -> *mut PyObject {
    ret((|| match connect_errno(op, addr, "connect")? {
        0 => Ok(none_ref()),
        e => Err(error_for(e)),
    })())
}

unsafe extern "C" fn connect_ex(op: *mut PyObject, addr: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let e = connect_errno(op, addr, "connect_ex")?;
        int::from_i64(e as i64)
    })())
}

unsafe extern "C" fn shutdown(op: *mut PyObject, how: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let how = c_int_arg(how)?;
        let fd = this(op).fd;
        if without_gil(|| libc::shutdown(fd, how)) < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

unsafe fn name_of(op: *mut PyObject, f: unsafe extern "C" fn(c_int, *mut libc::sockaddr, *mut libc::socklen_t) -> c_int) -> *mut PyObject {
    ret((|| {
        let mut a = SockAddr::empty();
        if f(this(op).fd, a.as_mut_ptr(), &mut a.len) < 0 {
            return Err(errno_error());
        }
        address::to_object(&a)
    })())
}

unsafe extern "C" fn getsockname(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    name_of(op, libc::getsockname)
}

unsafe extern "C" fn getpeername(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    name_of(op, libc::getpeername)
}

pub(crate) const METHODS: [PyMethodDef; 8] = [
    plain(c"bind", bind, METH_O).doc(c"bind(address)\n\nBind the socket to a local address.  For IP sockets, the address is a\npair (host, port); the host must refer to the local host. For raw packet\nsockets the address is a tuple (ifname, proto [,pkttype [,hatype [,addr]]])"),
    fast(c"listen", listen, METH_FASTCALL).doc(c"listen([backlog])\n\nEnable a server to accept connections.  If backlog is specified, it must be\nat least 0 (if it is lower, it is set to 0); it specifies the number of\nunaccepted connections that the system will allow before refusing new\nconnections. If not specified, a default reasonable value is chosen."),
    plain(c"_accept", accept, METH_NOARGS).doc(c"_accept() -> (integer, address info)\n\nWait for an incoming connection.  Return a new socket file descriptor\nrepresenting the connection, and the address of the client.\nFor IP sockets, the address info is a pair (hostaddr, port)."),
    plain(c"connect", connect, METH_O).doc(c"connect(address)\n\nConnect the socket to a remote address.  For IP sockets, the address\nis a pair (host, port)."),
    plain(c"connect_ex", connect_ex, METH_O).doc(c"connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code (the errno value)\ninstead of raising an exception when an error occurs."),
    plain(c"shutdown", shutdown, METH_O).doc(c"shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing side\nof the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR)."),
    plain(c"getsockname", getsockname, METH_NOARGS).doc(c"getsockname() -> address info\n\nReturn the address of the local endpoint. The format depends on the\naddress family. For IPv4 sockets, the address info is a pair\n(hostaddr, port)."),
    plain(c"getpeername", getpeername, METH_NOARGS).doc(c"getpeername() -> address info\n\nReturn the address of the remote endpoint.  For IP sockets, the address\ninfo is a pair (hostaddr, port)."),
];
