//! `sendmsg`, `recvmsg`, `recvmsg_into` (scatter/gather I/O with ancillary data, e.g.
//! SCM_RIGHTS descriptor passing) and the module's `CMSG_LEN`/`CMSG_SPACE`.
use core::ffi::{c_int, c_uint, c_void};

use crate::abstract_::{new_ref, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::bytes_arg::{self, Bytes};
use crate::modules::posix::args::{c_int_arg, c_int_or, i64_arg, value_error};
use crate::modules::{args_slice, meth, ret};
use crate::object::method_table;
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, list, tuple};

use super::address::{self, SockAddr};
use super::object::this;
use super::timeout;

/// The items of an iterable argument (TypeError `message` otherwise).
unsafe fn items_of(op: *mut PyObject, message: &str) -> PyResult<Vec<PyRef>> {
    let l = list::fast_list(op, message)?;
    Ok(list::items(l.as_ptr()).iter().map(|&o| new_ref(o)).collect())
}

/// The ancillary data items `(level, type, data)` packed into a control buffer.
unsafe fn control_buffer(ancdata: *mut PyObject) -> PyResult<(Vec<u64>, usize)> {
    let mut parts = Vec::new();
    for item in items_of(ancdata, "sendmsg() argument 2 must be an iterable")? {
        let fields = items_of(item.as_ptr(), "[sendmsg() ancillary data items]() argument must be sequence of length 3")?;
        if fields.len() != 3 {
            return Err(crate::abstract_::type_error(format!("[sendmsg() ancillary data items]() argument must be sequence of length 3, not {}", fields.len())));
        }
        let level = c_int_arg(fields[0].as_ptr())?;
        let kind = c_int_arg(fields[1].as_ptr())?;
        let data = bytes_arg::read(fields[2].as_ptr())?.as_slice().to_vec();
        parts.push((level, kind, data));
    }
    let total: usize = parts.iter().map(|(_, _, d)| libc::CMSG_SPACE(d.len() as c_uint) as usize).sum();
    // A u64-aligned buffer, as cmsghdr wants.
    let mut buf = vec![0u64; total.div_ceil(8)];
    if total == 0 {
        return Ok((buf, 0));
    }
    let mut msg: libc::msghdr = core::mem::zeroed();
    msg.msg_control = buf.as_mut_ptr() as *mut c_void;
    msg.msg_controllen = total;
    let mut c = libc::CMSG_FIRSTHDR(&msg);
    for (level, kind, data) in &parts {
        (*c).cmsg_level = *level;
        (*c).cmsg_type = *kind;
        (*c).cmsg_len = libc::CMSG_LEN(data.len() as c_uint) as usize;
        core::ptr::copy_nonoverlapping(data.as_ptr(), libc::CMSG_DATA(c), data.len());
        c = libc::CMSG_NXTHDR(&msg, c);
    }
    Ok((buf, total))
}

/// `sendmsg(buffers[, ancdata[, flags[, address]]])`: the number of bytes sent.
unsafe extern "C" fn sendmsg(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("sendmsg", a.len(), 1, 4)?;
        let views: Vec<Bytes> = items_of(a[0], "sendmsg() argument 1 must be an iterable")?.iter().map(|b| bytes_arg::read(b.as_ptr())).collect::<PyResult<_>>()?;
        let mut iov: Vec<libc::iovec> = views.iter().map(|v| libc::iovec { iov_base: v.as_slice().as_ptr() as *mut c_void, iov_len: v.as_slice().len() }).collect();
        let (mut control, control_len) = match a.get(1) {
            Some(&anc) => control_buffer(anc)?,
            None => (Vec::new(), 0),
        };
        let flags = c_int_or(a.get(2).copied(), 0)?;
        let to = match a.get(3) {
            Some(&addr) if addr != none() => Some(address::parse(this(op).family, addr, "sendmsg")?),
            _ => None,
        };
        let mut msg: libc::msghdr = core::mem::zeroed();
        if let Some(t) = &to {
            msg.msg_name = t.as_ptr() as *mut c_void;
            msg.msg_namelen = t.len;
        }
        msg.msg_iov = iov.as_mut_ptr();
        msg.msg_iovlen = iov.len();
        if control_len > 0 {
            msg.msg_control = control.as_mut_ptr() as *mut c_void;
            msg.msg_controllen = control_len;
        }
        let s = this(op);
        let mp = &msg as *const libc::msghdr as usize;
        let n = timeout::call(s.fd, s.timeout, true, timeout::deadline(s.timeout), |fd| libc::sendmsg(fd, mp as *const libc::msghdr, flags | libc::MSG_NOSIGNAL))?;
        int::from_i64(n as i64)
    })())
}

/// Receives into `iov`; `(count, ancdata, msg_flags, address)` with the count as given.
unsafe fn receive_msg(op: *mut PyObject, iov: &mut [libc::iovec], ancbufsize: usize, flags: c_int) -> PyResult<(usize, PyRef, c_int, PyRef)> {
    let mut control: Vec<u64> = Vec::new();
    control.try_reserve_exact(ancbufsize.div_ceil(8)).map_err(|_| crate::object::pending_error::no_memory())?;
    control.resize(ancbufsize.div_ceil(8), 0);
    let mut addr = SockAddr::empty();
    let mut msg: libc::msghdr = core::mem::zeroed();
    msg.msg_name = addr.as_mut_ptr() as *mut c_void;
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = iov.len();
    if ancbufsize > 0 {
        msg.msg_control = control.as_mut_ptr() as *mut c_void;
    }
    let s = this(op);
    let mp = &mut msg as *mut libc::msghdr as usize;
    let n = timeout::call(s.fd, s.timeout, false, timeout::deadline(s.timeout), |fd| {
        let m = mp as *mut libc::msghdr;
        (*m).msg_namelen = core::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        (*m).msg_controllen = ancbufsize;
        libc::recvmsg(fd, m, flags)
    })? as usize;
    addr.len = msg.msg_namelen;
    let anc = list::new(0)?;
    if ancbufsize > 0 && msg.msg_controllen > 0 {
        let end = control.as_ptr() as usize + msg.msg_controllen;
        let mut c = libc::CMSG_FIRSTHDR(&msg);
        while !c.is_null() {
            let data = libc::CMSG_DATA(c) as usize;
            let len = ((*c).cmsg_len as usize).saturating_sub(libc::CMSG_LEN(0) as usize).min(end.saturating_sub(data));
            let item = tuple::from_vec(vec![
                int::from_i64((*c).cmsg_level as i64)?,
                int::from_i64((*c).cmsg_type as i64)?,
                bytes::from_slice(core::slice::from_raw_parts(data as *const u8, len))?,
            ])?;
            list::append(anc.as_ptr(), item.as_ptr())?;
            c = libc::CMSG_NXTHDR(&msg, c);
        }
    }
    Ok((n, anc, msg.msg_flags, address::to_object(&addr)?))
}

unsafe fn anc_size(a: &[*mut PyObject]) -> PyResult<(usize, c_int)> {
    let ancbufsize = match a.get(1) {
        Some(&x) => i64_arg(x)?,
        None => 0,
    };
    if ancbufsize < 0 {
        return Err(value_error("invalid ancillary data buffer length"));
    }
    Ok((ancbufsize as usize, c_int_or(a.get(2).copied(), 0)?))
}

/// `recvmsg(bufsize[, ancbufsize[, flags]])`: `(data, ancdata, msg_flags, address)`.
unsafe extern "C" fn recvmsg(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("recvmsg", a.len(), 1, 3)?;
        let size = i64_arg(a[0])?;
        if size < 0 {
            return Err(value_error("negative buffer size in recvmsg()"));
        }
        let (ancbufsize, flags) = anc_size(a)?;
        let size = size as usize;
        let mut rest = None;
        let (data, n) = super::transfer::into_new_bytes(size, |p| {
            let mut iov = [libc::iovec { iov_base: p as *mut c_void, iov_len: size }];
            let (n, anc, mflags, addr) = receive_msg(op, &mut iov, ancbufsize, flags)?;
            rest = Some((anc, mflags, addr));
            Ok(n)
        })?;
        let (anc, mflags, addr) = rest.unwrap();
        tuple::from_vec(vec![super::transfer::shrunk(data, n)?, anc, int::from_i64(mflags as i64)?, addr])
    })())
}

/// `recvmsg_into(buffers[, ancbufsize[, flags]])`: `(nbytes, ancdata, msg_flags, address)`.
unsafe extern "C" fn recvmsg_into(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        super::arity("recvmsg_into", a.len(), 1, 3)?;
        let (ancbufsize, flags) = anc_size(a)?;
        let mut views: Vec<Bytes> = items_of(a[0], "recvmsg_into() argument 1 must be an iterable")?.iter().map(|b| {
            bytes_arg::write(b.as_ptr()).map_err(|_| {
                crate::errors::pyerr::PyErr_Clear();
                crate::abstract_::type_error("recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers")
            })
        }).collect::<PyResult<_>>()?;
        let mut iov: Vec<libc::iovec> = views.iter_mut().map(|v| { let s = v.as_mut_slice(); libc::iovec { iov_base: s.as_mut_ptr() as *mut c_void, iov_len: s.len() } }).collect();
        let (n, anc, mflags, addr) = receive_msg(op, &mut iov, ancbufsize, flags)?;
        tuple::from_vec(vec![int::from_i64(n as i64)?, anc, int::from_i64(mflags as i64)?, addr])
    })())
}

pub(crate) const METHODS: [PyMethodDef; 3] = [
    method_table::fast(c"sendmsg", sendmsg, METH_FASTCALL).doc(c"sendmsg(buffers[, ancdata[, flags[, address]]]) -> count\n\nSend normal and ancillary data to the socket, gathering the\nnon-ancillary data from a series of buffers and concatenating it into\na single message.  The buffers argument specifies the non-ancillary\ndata as an iterable of bytes-like objects (e.g. bytes objects).\nThe ancdata argument specifies the ancillary data (control messages)\nas an iterable of zero or more tuples (cmsg_level, cmsg_type,\ncmsg_data), where cmsg_level and cmsg_type are integers specifying the\nprotocol level and protocol-specific type respectively, and cmsg_data\nis a bytes-like object holding the associated data.  The flags\nargument defaults to 0 and has the same meaning as for send().  If\naddress is supplied and not None, it sets a destination address for\nthe message.  The return value is the number of bytes of non-ancillary\ndata sent."),
    method_table::fast(c"recvmsg", recvmsg, METH_FASTCALL).doc(c"recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)\n\nReceive normal data (up to bufsize bytes) and ancillary data from the\nsocket."),
    method_table::fast(c"recvmsg_into", recvmsg_into, METH_FASTCALL).doc(c"recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\nReceive normal data and ancillary data from the socket, scattering the\nnon-ancillary data into a series of buffers."),
];

/// The `CMSG_LEN`/`CMSG_SPACE` argument: 0 up to what fits in a socklen_t result.
unsafe fn cmsg_arg(op: *mut PyObject, name: &str) -> PyResult<c_uint> {
    let i = crate::abstract_::number::index(op)?;
    let v = crate::objects::long_convert::int_to_i128(i.as_ptr());
    match v {
        Some(v) if (0..=(u32::MAX as i128 - 64)).contains(&v) => Ok(v as c_uint),
        _ => Err(raise_type(&raw mut exc::_PyExc_OverflowError, &format!("{name}() argument out of range"))),
    }
}

unsafe extern "C" fn cmsg_len(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret(cmsg_arg(arg, "CMSG_LEN").and_then(|n| int::from_i64(libc::CMSG_LEN(n) as i64)))
}

unsafe extern "C" fn cmsg_space(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret(cmsg_arg(arg, "CMSG_SPACE").and_then(|n| int::from_i64(libc::CMSG_SPACE(n) as i64)))
}

pub(crate) const FUNCTIONS: [PyMethodDef; 2] = [
    meth(c"CMSG_LEN", cmsg_len, METH_O, c"CMSG_LEN(length) -> control message length\n\nReturn the total length, without trailing padding, of an ancillary\ndata item with associated data of the given length."),
    meth(c"CMSG_SPACE", cmsg_space, METH_O, c"CMSG_SPACE(length) -> buffer size\n\nReturn the buffer size needed for recvmsg() to receive an ancillary\ndata item with associated data of the given length, along with any\ntrailing padding."),
];
