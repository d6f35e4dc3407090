//! Data methods of `_socket.socket`: `recv`, `recv_into`, `recvfrom`, `recvfrom_into`,
//! `send`, `sendall`, `sendto`. Each runs through `timeout::call` (GIL released, EINTR
//! retried, the socket's timeout honoured); `sendall` has one deadline for all its data.
use core::ffi::{c_int, c_void};

use crate::abstract_::type_error;
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::bytes_arg;
use crate::modules::posix::args::{c_int_arg, c_int_or, i64_arg, value_error};
use crate::modules::{args_slice, none_ref, ret};
use crate::object::method_table::{fast, fast_kw};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, tuple};

use super::address::{self, SockAddr};
use super::object::this;
use super::timeout;

/// One receive into `len` bytes at `buf` (optionally with the sender's address); the
/// byte count.
unsafe fn receive(op: *mut PyObject, buf: *mut u8, len: usize, flags: c_int, from: Option<&mut SockAddr>) -> PyResult<usize> {
    let s = this(op);
    let p = buf as usize;
    let n = match from {
        None => timeout::call(s.fd, s.timeout, false, timeout::deadline(s.timeout), |fd| libc::recv(fd, p as *mut c_void, len, flags))?,
        Some(a) => {
            let (ap, lp) = (a.as_mut_ptr() as usize, &mut a.len as *mut libc::socklen_t as usize);
            timeout::call(s.fd, s.timeout, false, timeout::deadline(s.timeout), |fd| {
                *(lp as *mut libc::socklen_t) = core::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                libc::recvfrom(fd, p as *mut c_void, len, flags, ap as *mut libc::sockaddr, lp as *mut libc::socklen_t)
            })?
        }
    };
    Ok(n as usize)
}

/// A writable buffer argument ("NAME() argument 1 must be read-write bytes-like object").
pub(crate) unsafe fn writable(op: *mut PyObject, name: &str) -> PyResult<bytes_arg::Bytes> {
    bytes_arg::write(op).map_err(|e| {
        if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut crate::errors::exception_types::_PyExc_TypeError as *mut PyObject) != 0 {
            crate::errors::pyerr::PyErr_Clear();
            return type_error(format!("{name}() argument 1 must be read-write bytes-like object, not {}", crate::abstract_::tp_name(op)));
        }
        e
    })
}

/// A new bytes object of `size` bytes filled by `fill` (which gives the count it wrote):
/// received data lands in its final object, without a zeroed scratch buffer.
pub(crate) unsafe fn into_new_bytes(size: usize, fill: impl FnOnce(*mut u8) -> PyResult<usize>) -> PyResult<(PyRef, usize)> {
    let data = bytes::alloc(size)?;
    let n = fill(bytes::data_ptr(data.as_ptr()))?;
    Ok((data, n.min(size)))
}

/// The first `n` bytes of a fresh bytes object made by `into_new_bytes`.
pub(crate) unsafe fn shrunk(data: PyRef, n: usize) -> PyResult<PyRef> {
    if n == bytes::len(data.as_ptr()) && n > 1 {
        return Ok(data);
    }
    bytes::from_slice(&bytes::as_slice(data.as_ptr())[..n])
}

/// A buffer size argument (`Py_ssize_t`), non-negative ("negative buffersize in NAME").
unsafe fn size_arg(op: *mut PyObject, name: &str) -> PyResult<usize> {
    let n = i64_arg(op)?;
    if n < 0 {
        return Err(value_error(&format!("negative buffersize in {name}")));
    }
    Ok(n as usize)
}

unsafe fn recv_bytes(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, name: &str, from: bool) -> PyResult<(PyRef, Option<SockAddr>)> {
    let a = args_slice(args, nargs);
    super::arity(name, a.len(), 1, 2)?;
    let size = size_arg(a[0], name)?;
    let flags = c_int_or(a.get(1).copied(), 0)?;
    let mut addr = from.then(SockAddr::empty);
    let (data, n) = into_new_bytes(size, |p| receive(op, p, size, flags, addr.as_mut()))?;
    Ok((shrunk(data, n)?, addr))
}

unsafe extern "C" fn recv(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret(recv_bytes(op, args, nargs, "recv", false).map(|(b, _)| b))
}

unsafe extern "C" fn recvfrom(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let (data, addr) = recv_bytes(op, args, nargs, "recvfrom", true)?;
        tuple::from_vec(vec![data, address::to_object(&addr.unwrap())?])
    })())
}

/// `recv_into`/`recvfrom_into(buffer, nbytes=0, flags=0)`: the count (and address).
unsafe fn recv_into_common(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject, params: &Params, from: bool) -> PyResult<(usize, Option<SockAddr>)> {
    let b = bind(params, args, nargs as usize, kwnames)?;
    let mut buf = writable(b[0].unwrap(), params.function)?;
    let nbytes = match b[1] {
        Some(n) => size_arg(n, params.function)?,
        None => 0,
    };
    let flags = c_int_or(b[2], 0)?;
    let slice = buf.as_mut_slice();
    let want = if nbytes == 0 { slice.len() } else { nbytes };
    if want > slice.len() {
        return Err(value_error(if from { "nbytes is greater than the length of the buffer" } else { "buffer too small for requested bytes" }));
    }
    let mut addr = from.then(SockAddr::empty);
    let n = receive(op, slice.as_mut_ptr(), want, flags, addr.as_mut())?;
    Ok((n, addr))
}

unsafe extern "C" fn recv_into(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "recv_into", names: &["buffer", "nbytes", "flags"], positional_only: 0, max_positional: 3, required: 1 };
    ret(recv_into_common(op, args, nargs, kwnames, &P, false).and_then(|(n, _)| int::from_i64(n as i64)))
}

unsafe extern "C" fn recvfrom_into(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "recvfrom_into", names: &["buffer", "nbytes", "flags"], positional_only: 0, max_positional: 3, required: 1 };
    ret((|| {
        let (n, addr) = recv_into_common(op, args, nargs, kwnames, &P, true)?;
        tuple::from_vec(vec![int::from_i64(n as i64)?, address::to_object(&addr.unwrap())?])
    })())
}

/// One send of `data` (to `to` when given) under `deadline`; the count.
unsafe fn send_once(op: *mut PyObject, data: &[u8], flags: c_int, to: Option<&SockAddr>, deadline: Option<i64>) -> PyResult<usize> {
    let s = this(op);
    let (p, len) = (data.as_ptr() as usize, data.len());
    let (ap, al) = to.map_or((0, 0), |a| (a.as_ptr() as usize, a.len));
    let n = timeout::call(s.fd, s.timeout, true, deadline, |fd| libc::sendto(fd, p as *const c_void, len, flags | libc::MSG_NOSIGNAL, ap as *const libc::sockaddr, al))?;
    Ok(n as usize)
}

unsafe extern "C" fn send(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("send", a.len(), 1, 2)?;
        let data = bytes_arg::read(a[0])?;
        let flags = c_int_or(a.get(1).copied(), 0)?;
        let n = send_once(op, data.as_slice(), flags, None, timeout::deadline(this(op).timeout))?;
        int::from_i64(n as i64)
    })())
}

unsafe extern "C" fn sendall(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("sendall", a.len(), 1, 2)?;
        let data = bytes_arg::read(a[0])?;
        let flags = c_int_or(a.get(1).copied(), 0)?;
        let deadline = timeout::deadline(this(op).timeout);
        let mut rest = data.as_slice();
        while !rest.is_empty() {
            let n = send_once(op, rest, flags, None, deadline)?;
            rest = &rest[n..];
            if !rest.is_empty() && crate::runtime::signals::PyErr_CheckSignals() < 0 {
                return Err(crate::errors::raised::Raised::assume_set());
            }
        }
        Ok(none_ref())
    })())
}

unsafe extern "C" fn sendto(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        let (data, flags, addr) = match a.len() {
            2 => (a[0], 0, a[1]),
            3 => (a[0], c_int_arg(a[1])?, a[2]),
            n => return Err(type_error(format!("sendto() takes 2 or 3 arguments ({n} given)"))),
        };
        let data = bytes_arg::read(data)?;
        let to = address::parse(this(op).family, addr, "sendto")?;
        let n = send_once(op, data.as_slice(), flags, Some(&to), timeout::deadline(this(op).timeout))?;
        int::from_i64(n as i64)
    })())
}

pub(crate) const METHODS: [PyMethodDef; 7] = [
    fast(c"recv", recv, METH_FASTCALL).doc(c"recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket.  For the optional flags\nargument, see the Unix manual.  When no data is available, block until\nat least one byte is available or until the remote end is closed.  When\nthe remote end is closed and all data is read, return the empty string."),
    fast_kw(c"recv_into", recv_into, METH_FASTCALL | METH_KEYWORDS).doc(c"recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its data into a buffer rather than creating\na new string.  Receive up to buffersize bytes from the socket.  If buffersize\nis not specified (or 0), receive up to the size available in the given buffer.\n\nSee recv() for documentation about the flags."),
    fast(c"recvfrom", recvfrom, METH_FASTCALL).doc(c"recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but also return the sender's address info."),
    fast_kw(c"recvfrom_into", recvfrom_into, METH_FASTCALL | METH_KEYWORDS).doc(c"recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info."),
    fast(c"send", send, METH_FASTCALL).doc(c"send(data[, flags]) -> count\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  Return the number of bytes\nsent; this may be less than len(data) if the network is busy."),
    fast(c"sendall", sendall, METH_FASTCALL).doc(c"sendall(data[, flags])\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  This calls send() repeatedly\nuntil all data is sent.  If an error occurs, it's impossible\nto tell how much data has been sent."),
    fast(c"sendto", sendto, METH_FASTCALL).doc(c"sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying the destination address.\nFor IP sockets, the address is a pair (hostaddr, port)."),
];
