//! File descriptors: `open`, `read`, `write`, `close`, `closerange`, `lseek`, `dup`,
//! `dup2`, `pipe`, `isatty`, `fsync`, `ftruncate`, `get/set_inheritable`,
//! `get/set_blocking`. New descriptors are non-inheritable (PEP 446); blocking calls
//! release the GIL and retry on EINTR after running signal handlers (PEP 475).
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{check_args, bool_or, c_int_arg, c_int_or, dir_fd_arg, errno_error, error_for, i64_arg, retry_eintr, value_error};
use crate::modules::posix::path::{path_arg, PATH};
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, tuple};

/// `open(path, flags, mode=0o777, *, dir_fd=None)`.
unsafe extern "C" fn open(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "open", names: &["path", "flags", "mode", "dir_fd"], positional_only: 0, max_positional: 3, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("open", "path", b[0], PATH)?;
        let flags = c_int_arg(b[1].unwrap())? | libc::O_CLOEXEC;
        let mode = c_int_or(b[2], 0o777)?;
        let dir_fd = dir_fd_arg(b[3])?;
        let fd = retry_eintr(|| libc::openat(dir_fd, path.ptr(), flags, mode as libc::c_uint))?;
        if fd < 0 {
            return Err(path.error());
        }
        int::from_i64(fd as i64)
    })())
}

/// `close(fd)`: EINTR is not retried (the descriptor is gone either way).
unsafe extern "C" fn close(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "close", names: &["fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = c_int_arg(b[0].unwrap())?;
        if libc::close(fd) < 0 && *libc::__errno_location() != libc::EINTR {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `closerange(fd_low, fd_high, /)`: closes every descriptor in [low, high), ignoring errors.
unsafe extern "C" fn closerange(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"closerange", a.len(), 2, 2)?;
        let (low, high) = (c_int_arg(a[0])?.max(0), c_int_arg(a[1])?);
        for fd in low..high {
            libc::close(fd);
        }
        Ok(none_ref())
    })())
}

/// `read(fd, length, /)`.
unsafe extern "C" fn read(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"read", a.len(), 2, 2)?;
        let fd = c_int_arg(a[0])?;
        let length = i64_arg(a[1])?;
        if length < 0 {
            return Err(error_for(libc::EINVAL));
        }
        let mut buf = vec![0u8; length as usize];
        let n = retry_eintr(|| libc::read(fd, buf.as_mut_ptr().cast(), buf.len()))?;
        if n < 0 {
            return Err(errno_error());
        }
        bytes::from_slice(&buf[..n as usize])
    })())
}

/// `write(fd, data, /)`: the number of bytes written.
unsafe extern "C" fn write(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"write", a.len(), 2, 2)?;
        let fd = c_int_arg(a[0])?;
        let view = crate::object::buffer_contig::View::get(a[1], crate::object::buffer::PyBUF_SIMPLE)?;
        let (ptr, len) = ((*view.0).buf as *const u8, (*view.0).len as usize);
        let n = retry_eintr(|| libc::write(fd, ptr.cast(), len))?;
        if n < 0 {
            return Err(errno_error());
        }
        int::from_i64(n as i64)
    })())
}

/// `lseek(fd, position, whence, /)`: the new position.
unsafe extern "C" fn lseek(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"lseek", a.len(), 3, 3)?;
        let fd = c_int_arg(a[0])?;
        let pos = i64_arg(a[1])?;
        let how = c_int_arg(a[2])?;
        let r = crate::modules::posix::args::without_gil(|| libc::lseek(fd, pos, how));
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r)
    })())
}

/// `dup(fd, /)`: a non-inheritable copy.
unsafe extern "C" fn dup(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let fd = c_int_arg(fd)?;
        let r = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0);
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `dup2(fd, fd2, inheritable=True)`: `fd2`.
unsafe extern "C" fn dup2(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "dup2", names: &["fd", "fd2", "inheritable"], positional_only: 0, max_positional: 3, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = c_int_arg(b[0].unwrap())?;
        let fd2 = c_int_arg(b[1].unwrap())?;
        let inheritable = bool_or(b[2], true)?;
        let r = if inheritable || fd == fd2 { libc::dup2(fd, fd2) } else { libc::dup3(fd, fd2, libc::O_CLOEXEC) };
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `pipe()`: `(read_fd, write_fd)`, both non-inheritable.
unsafe extern "C" fn pipe(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut fds = [0 as c_int; 2];
        if libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) < 0 {
            return Err(errno_error());
        }
        tuple::from_vec(vec![int::from_i64(fds[0] as i64)?, int::from_i64(fds[1] as i64)?])
    })())
}

/// `isatty(fd, /)`.
unsafe extern "C" fn isatty(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret(c_int_arg(fd).map(|fd| crate::abstract_::compare::bool_ref(libc::isatty(fd) == 1)))
}

/// A descriptor or an object with `fileno()` (what CPython's `PyObject_AsFileDescriptor`
/// accepts, with its messages).
pub(crate) unsafe fn fildes(op: *mut PyObject) -> PyResult<c_int> {
    let fd = if int::is_int(op) {
        c_int_arg(op)?
    } else {
        let name = crate::objects::str::intern("fileno")?;
        let Some(method) = crate::object::object_attr::lookup_attr(op, name.as_ptr())? else {
            return Err(crate::abstract_::type_error("argument must be an int, or have a fileno() method."));
        };
        let r = crate::modules::owned(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr()))?;
        if !int::is_int(r.as_ptr()) {
            return Err(crate::abstract_::type_error("fileno() returned a non-integer"));
        }
        c_int_arg(r.as_ptr())?
    };
    if fd < 0 {
        return Err(value_error(&format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// `fsync(fd)`: fd may be any object with `fileno()`.
unsafe extern "C" fn fsync(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let fd = fildes(fd)?;
        if retry_eintr(|| libc::fsync(fd))? < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `ftruncate(fd, length, /)`.
unsafe extern "C" fn ftruncate(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"ftruncate", a.len(), 2, 2)?;
        let fd = c_int_arg(a[0])?;
        let length = i64_arg(a[1])?;
        if retry_eintr(|| libc::ftruncate(fd, length))? < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `truncate(path, length)`: path may be a descriptor.
unsafe extern "C" fn truncate(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "truncate", names: &["path", "length"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("truncate", "path", b[0], crate::modules::posix::path::PATH_OR_FD)?;
        let length = i64_arg(b[1].unwrap())?;
        let r = if path.fd >= 0 {
            retry_eintr(|| libc::ftruncate(path.fd, length))?
        } else {
            retry_eintr(|| libc::truncate(path.ptr(), length))?
        };
        if r < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

unsafe fn fd_flags(fd: c_int, get: c_int) -> PyResult<c_int> {
    let flags = libc::fcntl(fd, get);
    if flags < 0 {
        return Err(errno_error());
    }
    Ok(flags)
}

unsafe extern "C" fn get_inheritable(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let flags = fd_flags(c_int_arg(fd)?, libc::F_GETFD)?;
        Ok(crate::abstract_::compare::bool_ref(flags & libc::FD_CLOEXEC == 0))
    })())
}

/// Sets or clears a flag with F_GETx/F_SETx.
unsafe fn update_flag(fd: c_int, get: c_int, set: c_int, flag: c_int, on: bool) -> PyResult<PyRef> {
    let flags = fd_flags(fd, get)?;
    let new = if on { flags | flag } else { flags & !flag };
    if new != flags && libc::fcntl(fd, set, new) < 0 {
        return Err(errno_error());
    }
    Ok(none_ref())
}

unsafe extern "C" fn set_inheritable(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"set_inheritable", a.len(), 2, 2)?;
        let fd = c_int_arg(a[0])?;
        let inheritable = c_int_arg(a[1])? != 0;
        update_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, !inheritable)
    })())
}

unsafe extern "C" fn get_blocking(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let flags = fd_flags(c_int_arg(fd)?, libc::F_GETFL)?;
        Ok(crate::abstract_::compare::bool_ref(flags & libc::O_NONBLOCK == 0))
    })())
}

unsafe extern "C" fn set_blocking(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"set_blocking", a.len(), 2, 2)?;
        let fd = c_int_arg(a[0])?;
        let blocking = crate::abstract_::object::is_true(a[1])?;
        update_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, !blocking)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 17] = [
    fast_kw(c"open", open, c"open($module, /, path, flags, mode=511, *, dir_fd=None)\n--\n\nOpen a file for low level IO.  Returns a file descriptor (integer)."),
    fast_kw(c"close", close, c"close($module, /, fd)\n--\n\nClose a file descriptor."),
    fast(c"closerange", closerange, c"closerange($module, fd_low, fd_high, /)\n--\n\nCloses all file descriptors in [fd_low, fd_high), ignoring errors."),
    fast(c"read", read, c"read($module, fd, length, /)\n--\n\nRead from a file descriptor.  Returns a bytes object."),
    fast(c"write", write, c"write($module, fd, data, /)\n--\n\nWrite a bytes object to a file descriptor."),
    fast(c"lseek", lseek, c"lseek($module, fd, position, whence, /)\n--\n\nSet the position of a file descriptor.  Return the new position."),
    meth(c"dup", dup, METH_O, c"dup($module, fd, /)\n--\n\nReturn a duplicate of a file descriptor."),
    fast_kw(c"dup2", dup2, c"dup2($module, /, fd, fd2, inheritable=True)\n--\n\nDuplicate file descriptor."),
    meth(c"pipe", pipe, crate::object::methods::METH_NOARGS, c"pipe($module, /)\n--\n\nCreate a pipe."),
    meth(c"isatty", isatty, METH_O, c"isatty($module, fd, /)\n--\n\nReturn True if the fd is connected to a terminal."),
    meth(c"fsync", fsync, METH_O, c"fsync($module, /, fd)\n--\n\nForce write of fd to disk."),
    fast(c"ftruncate", ftruncate, c"ftruncate($module, fd, length, /)\n--\n\nTruncate a file, specified by file descriptor, to a specific length."),
    fast_kw(c"truncate", truncate, c"truncate($module, /, path, length)\n--\n\nTruncate a file, specified by path, to a specific length."),
    meth(c"get_inheritable", get_inheritable, METH_O, c"get_inheritable($module, fd, /)\n--\n\nGet the close-on-exe flag of the specified file descriptor."),
    fast(c"set_inheritable", set_inheritable, c"set_inheritable($module, fd, inheritable, /)\n--\n\nSet the inheritable flag of the specified file descriptor."),
    meth(c"get_blocking", get_blocking, METH_O, c"get_blocking($module, fd, /)\n--\n\nGet the blocking mode of the file descriptor."),
    fast(c"set_blocking", set_blocking, c"set_blocking($module, fd, blocking, /)\n--\n\nSet the blocking mode of the specified file descriptor."),
];

