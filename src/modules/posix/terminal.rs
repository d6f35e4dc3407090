//! Terminals: `ctermid`, `ttyname`, the foreground process group (`tcgetpgrp`,
//! `tcsetpgrp`), and pseudo-terminals (`openpty`, `login_tty`, `forkpty`).
use core::ffi::{c_int, CStr};

use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, check_args, errno_error, error_for};
use crate::modules::{args_slice, fast, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::objects::{int, tuple};

/// `ctermid()`: the controlling terminal's path name.
unsafe extern "C" fn ctermid_fn(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    // glibc's <stdio.h>; the libc crate does not declare it for glibc targets. Declared
    // here, not at module level, so the header generator does not export it.
    extern "C" {
        fn ctermid(s: *mut libc::c_char) -> *mut libc::c_char;
    }
    ret((|| {
        let mut buf = [0 as libc::c_char; 64];
        let name = ctermid(buf.as_mut_ptr());
        if name.is_null() {
            return Err(errno_error());
        }
        crate::codecs::fs_encoding::decode(CStr::from_ptr(name).to_bytes())
    })())
}

/// `ttyname(fd, /)`.
unsafe extern "C" fn ttyname(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let fd = c_int_arg(fd)?;
        let mut buf = [0 as libc::c_char; 4096];
        let r = libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len());
        if r != 0 {
            return Err(error_for(r));
        }
        crate::codecs::fs_encoding::decode(CStr::from_ptr(buf.as_ptr()).to_bytes())
    })())
}

/// `tcgetpgrp(fd, /)`.
unsafe extern "C" fn tcgetpgrp(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = libc::tcgetpgrp(c_int_arg(fd)?);
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `tcsetpgrp(fd, pgid, /)`.
unsafe extern "C" fn tcsetpgrp(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"tcsetpgrp", a.len(), 2, 2)?;
        if libc::tcsetpgrp(c_int_arg(a[0])?, c_int_arg(a[1])?) < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// Marks a new descriptor non-inheritable (PEP 446).
unsafe fn non_inheritable(fd: c_int) -> PyResult<()> {
    let flags = libc::fcntl(fd, libc::F_GETFD);
    if flags < 0 || libc::fcntl(fd, libc::F_SETFD, flags | libc::FD_CLOEXEC) < 0 {
        return Err(errno_error());
    }
    Ok(())
}

/// `openpty()`: `(master_fd, slave_fd)`, both non-inheritable.
unsafe extern "C" fn openpty(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let (mut master, mut slave): (c_int, c_int) = (-1, -1);
        if libc::openpty(&mut master, &mut slave, core::ptr::null_mut(), core::ptr::null(), core::ptr::null()) < 0 {
            return Err(errno_error());
        }
        let marked = non_inheritable(master).and_then(|()| non_inheritable(slave));
        if let Err(e) = marked {
            libc::close(master);
            libc::close(slave);
            return Err(e);
        }
        tuple::from_vec(vec![int::from_i64(master as i64)?, int::from_i64(slave as i64)?])
    })())
}

/// `login_tty(fd, /)`: makes `fd` the controlling terminal and standard streams.
unsafe extern "C" fn login_tty(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if libc::login_tty(c_int_arg(fd)?) < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `forkpty()`: `(pid, master_fd)`; in the child pid is 0 and the pty is its terminal.
unsafe extern "C" fn forkpty(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut master: c_int = -1;
        let pid = crate::modules::posix::process::fork_with_hooks(|| {
            libc::forkpty(&mut master, core::ptr::null_mut(), core::ptr::null(), core::ptr::null())
        })?;
        tuple::from_vec(vec![int::from_i64(pid as i64)?, int::from_i64(master as i64)?])
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 7] = [
    meth(c"ctermid", ctermid_fn, METH_NOARGS, c"ctermid($module, /)\n--\n\nReturn the name of the controlling terminal for this process."),
    meth(c"ttyname", ttyname, METH_O, c"ttyname($module, fd, /)\n--\n\nReturn the name of the terminal device connected to 'fd'."),
    meth(c"tcgetpgrp", tcgetpgrp, METH_O, c"tcgetpgrp($module, fd, /)\n--\n\nReturn the process group associated with the terminal specified by fd."),
    fast(c"tcsetpgrp", tcsetpgrp, c"tcsetpgrp($module, fd, pgid, /)\n--\n\nSet the process group associated with the terminal specified by fd."),
    meth(c"openpty", openpty, METH_NOARGS, c"openpty($module, /)\n--\n\nOpen a pseudo-terminal.\n\nReturn a tuple of (master_fd, slave_fd) containing open file descriptors\nfor both the master and slave ends."),
    meth(c"login_tty", login_tty, METH_O, c"login_tty($module, fd, /)\n--\n\nPrepare the tty of which fd is a file descriptor for a new login session."),
    meth(c"forkpty", forkpty, METH_NOARGS, c"forkpty($module, /)\n--\n\nFork a new process with a new pseudo-terminal as controlling tty.\n\nReturns a tuple of (pid, master_fd)."),
];
