//! Positioned and scatter/gather I/O on descriptors: `pread`, `pwrite`, `readv`, `writev`,
//! `preadv`, `pwritev` (the `RWF_*` flags go through `preadv2`/`pwritev2`). Blocking calls
//! release the GIL and retry on EINTR (PEP 475).
use core::ffi::c_int;

use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{c_int_arg, c_int_or, check_args, errno_error, error_for, i64_arg, retry_eintr};
use crate::modules::{args_slice, fast, ret};
use crate::object::buffer::{PyBUF_SIMPLE, PyBUF_WRITABLE};
use crate::object::buffer_contig::View;
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int};

/// `pread(fd, length, offset, /)`.
unsafe extern "C" fn pread(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"pread", a.len(), 3, 3)?;
        let fd = c_int_arg(a[0])?;
        let length = i64_arg(a[1])?;
        let offset = i64_arg(a[2])?;
        if length < 0 {
            return Err(error_for(libc::EINVAL));
        }
        let mut buf = vec![0u8; length as usize];
        let n = retry_eintr(|| libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), offset))?;
        if n < 0 {
            return Err(errno_error());
        }
        bytes::from_slice(&buf[..n as usize])
    })())
}

/// `pwrite(fd, buffer, offset, /)`: the number of bytes written.
unsafe extern "C" fn pwrite(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"pwrite", a.len(), 3, 3)?;
        let fd = c_int_arg(a[0])?;
        let view = View::get(a[1], PyBUF_SIMPLE)?;
        let offset = i64_arg(a[2])?;
        let (ptr, len) = ((*view.0).buf as *const u8, (*view.0).len as usize);
        let n = retry_eintr(|| libc::pwrite(fd, ptr.cast(), len, offset))?;
        if n < 0 {
            return Err(errno_error());
        }
        int::from_i64(n as i64)
    })())
}

/// The buffers of a sequence as iovecs (kept alive by the views).
unsafe fn iovecs(function: &str, seq: *mut PyObject, writable: bool) -> PyResult<(Vec<View>, Vec<libc::iovec>)> {
    if crate::abstract_::sequence::PySequence_Check(seq) == 0 {
        return Err(type_error(format!("{function}() arg 2 must be a sequence")));
    }
    let n = crate::abstract_::sequence::PySequence_Size(seq);
    if n < 0 {
        return Err(Raised::assume_set());
    }
    let mut views = Vec::with_capacity(n as usize);
    for i in 0..n {
        let item = crate::modules::owned(crate::abstract_::item::PySequence_GetItem(seq, i))?;
        views.push(View::get(item.as_ptr(), if writable { PyBUF_WRITABLE } else { PyBUF_SIMPLE })?);
    }
    let iov = views.iter().map(|v| libc::iovec { iov_base: (*v.0).buf, iov_len: (*v.0).len as usize }).collect();
    Ok((views, iov))
}

unsafe fn count_result(n: isize) -> PyResult<PyRef> {
    if n < 0 {
        return Err(errno_error());
    }
    int::from_i64(n as i64)
}

/// `readv(fd, buffers, /)`: the total number of bytes read.
unsafe extern "C" fn readv(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"readv", a.len(), 2, 2)?;
        let fd = c_int_arg(a[0])?;
        let (_views, iov) = iovecs("readv", a[1], true)?;
        count_result(retry_eintr(|| libc::readv(fd, iov.as_ptr(), iov.len() as c_int))?)
    })())
}

/// `writev(fd, buffers, /)`: the total number of bytes written.
unsafe extern "C" fn writev(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"writev", a.len(), 2, 2)?;
        let fd = c_int_arg(a[0])?;
        let (_views, iov) = iovecs("writev", a[1], false)?;
        count_result(retry_eintr(|| libc::writev(fd, iov.as_ptr(), iov.len() as c_int))?)
    })())
}

/// `preadv(fd, buffers, offset, flags=0, /)`.
unsafe extern "C" fn preadv(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"preadv", a.len(), 3, 4)?;
        let fd = c_int_arg(a[0])?;
        // CPython names the call it makes in this message.
        let (_views, iov) = iovecs("preadv2", a[1], true)?;
        let offset = i64_arg(a[2])?;
        let flags = c_int_or(a.get(3).copied(), 0)?;
        count_result(retry_eintr(|| libc::preadv2(fd, iov.as_ptr(), iov.len() as c_int, offset, flags))?)
    })())
}

/// `pwritev(fd, buffers, offset, flags=0, /)`.
unsafe extern "C" fn pwritev(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"pwritev", a.len(), 3, 4)?;
        let fd = c_int_arg(a[0])?;
        let (_views, iov) = iovecs("pwritev", a[1], false)?;
        let offset = i64_arg(a[2])?;
        let flags = c_int_or(a.get(3).copied(), 0)?;
        count_result(retry_eintr(|| libc::pwritev2(fd, iov.as_ptr(), iov.len() as c_int, offset, flags))?)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 6] = [
    fast(c"pread", pread, c"pread($module, fd, length, offset, /)\n--\n\nRead a number of bytes from a file descriptor starting at a particular offset."),
    fast(c"pwrite", pwrite, c"pwrite($module, fd, buffer, offset, /)\n--\n\nWrite bytes to a file descriptor starting at a particular offset."),
    fast(c"readv", readv, c"readv($module, fd, buffers, /)\n--\n\nRead from a file descriptor fd into an iterable of buffers."),
    fast(c"writev", writev, c"writev($module, fd, buffers, /)\n--\n\nIterate over buffers, and write the contents of each to a file descriptor."),
    fast(c"preadv", preadv, c"preadv($module, fd, buffers, offset, flags=0, /)\n--\n\nReads from a file descriptor into a number of mutable bytes-like objects."),
    fast(c"pwritev", pwritev, c"pwritev($module, fd, buffers, offset, flags=0, /)\n--\n\nWrites the contents of bytes-like objects to a file descriptor at a given offset."),
];
