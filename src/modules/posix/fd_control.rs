//! More operations on one descriptor: `pipe2`, `lockf`, `posix_fallocate`,
//! `posix_fadvise`, `fdatasync`.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, check_args, errno_error, error_for, i64_arg, retry_eintr, without_gil};
use crate::modules::posix::fds::fildes;
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{int, tuple};

/// `pipe2(flags, /)`: `(read_fd, write_fd)` with `flags` (O_NONBLOCK, O_CLOEXEC) set.
unsafe extern "C" fn pipe2(_m: *mut PyObject, flags: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let flags = c_int_arg(flags)?;
        let mut fds = [0 as c_int; 2];
        if libc::pipe2(fds.as_mut_ptr(), flags) < 0 {
            return Err(errno_error());
        }
        tuple::from_vec(vec![int::from_i64(fds[0] as i64)?, int::from_i64(fds[1] as i64)?])
    })())
}

/// `lockf(fd, command, length, /)`.
unsafe extern "C" fn lockf(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"lockf", a.len(), 3, 3)?;
        let (fd, command, length) = (c_int_arg(a[0])?, c_int_arg(a[1])?, i64_arg(a[2])?);
        if without_gil(|| libc::lockf(fd, command, length)) < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// These calls return the error number instead of setting errno; EINTR is retried.
unsafe fn returned_errno(mut call: impl FnMut() -> c_int) -> PyResult<PyRef> {
    loop {
        match without_gil(&mut call) {
            0 => return Ok(none_ref()),
            libc::EINTR => {
                if crate::runtime::signals::PyErr_CheckSignals() < 0 {
                    return Err(crate::errors::raised::Raised::assume_set());
                }
            }
            e => return Err(error_for(e)),
        }
    }
}

/// `posix_fallocate(fd, offset, length, /)`.
unsafe extern "C" fn posix_fallocate(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"posix_fallocate", a.len(), 3, 3)?;
        let (fd, offset, length) = (c_int_arg(a[0])?, i64_arg(a[1])?, i64_arg(a[2])?);
        returned_errno(|| libc::posix_fallocate(fd, offset, length))
    })())
}

/// `posix_fadvise(fd, offset, length, advice, /)`.
unsafe extern "C" fn posix_fadvise(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"posix_fadvise", a.len(), 4, 4)?;
        let (fd, offset, length, advice) = (c_int_arg(a[0])?, i64_arg(a[1])?, i64_arg(a[2])?, c_int_arg(a[3])?);
        returned_errno(|| libc::posix_fadvise(fd, offset, length, advice))
    })())
}

/// `fdatasync(fd)`: fd may be an object with `fileno()`.
unsafe extern "C" fn fdatasync(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "fdatasync", names: &["fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = fildes(b[0].unwrap())?;
        if retry_eintr(|| libc::fdatasync(fd))? < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 5] = [
    meth(c"pipe2", pipe2, METH_O, c"pipe2($module, flags, /)\n--\n\nCreate a pipe with flags set atomically."),
    fast(c"lockf", lockf, c"lockf($module, fd, command, length, /)\n--\n\nApply, test or remove a POSIX lock on an open file descriptor."),
    fast(c"posix_fallocate", posix_fallocate, c"posix_fallocate($module, fd, offset, length, /)\n--\n\nEnsure a file has allocated at least a particular number of bytes on disk."),
    fast(c"posix_fadvise", posix_fadvise, c"posix_fadvise($module, fd, offset, length, advice, /)\n--\n\nAnnounce an intention to access data in a specific pattern."),
    fast_kw(c"fdatasync", fdatasync, c"fdatasync($module, /, fd)\n--\n\nForce write of fd to disk without forcing update of metadata."),
];
