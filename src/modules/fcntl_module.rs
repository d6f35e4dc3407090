//! The `fcntl` module: `fcntl`, `ioctl`, `flock`, `lockf` and the F_*/LOCK_*/DN_*/FD_*
//! constants. A string or buffer argument is copied into a 1024-byte buffer the call may
//! fill, and the result is those bytes, as CPython's module does; calls release the GIL
//! and retry on EINTR (PEP 475).
use core::ffi::{c_int, c_ulong};

use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{c_int_arg, errno_error, retry_eintr, value_error};
use crate::modules::select::fd_of;
use crate::modules::{args_slice, fast, module_def, none_ref, ret, END};
use crate::object::buffer::{PyBUF_SIMPLE, PyBUF_WRITABLE};
use crate::object::buffer_contig::View;
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{bytes, int};

const BUF_SIZE: usize = 1024;

fn check(name: &core::ffi::CStr, nargs: isize, min: isize, max: isize) -> PyResult<()> {
    // SAFETY: a static C string.
    if unsafe { crate::abstract_::getargs::check_positional(name.as_ptr(), nargs, min, max) } {
        Ok(())
    } else {
        Err(Raised::assume_set())
    }
}

/// The bytes of a str (UTF-8) or of a read-only buffer, if `op` is one of those.
unsafe fn string_arg(op: *mut PyObject) -> PyResult<Option<Vec<u8>>> {
    if crate::objects::str::is_str(op) {
        return crate::objects::str_utf8::as_str(op).map(|s| Some(s.as_bytes().to_vec()));
    }
    if crate::objects::bytes_buffer::PyObject_CheckBuffer(op) == 0 {
        return Ok(None);
    }
    let v = View::get(op, PyBUF_SIMPLE)?;
    Ok(Some(core::slice::from_raw_parts(v.0.buf as *const u8, v.0.len as usize).to_vec()))
}

/// Calls `f` on a 1024-byte copy of `data`; the result is the first `data.len()` bytes.
unsafe fn with_copy(data: &[u8], too_long: &str, mut f: impl FnMut(*mut u8) -> c_int) -> PyResult<PyRef> {
    if data.len() > BUF_SIZE {
        return Err(value_error(too_long));
    }
    let mut buf = [0u8; BUF_SIZE];
    buf[..data.len()].copy_from_slice(data);
    let p = buf.as_mut_ptr();
    if retry_eintr(|| f(p))? < 0 {
        return Err(errno_error());
    }
    bytes::from_slice(&buf[..data.len()])
}

/// `fcntl(fd, cmd, arg=0, /)`.
unsafe extern "C" fn fcntl(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        check(c"fcntl", nargs, 2, 3)?;
        let a = args_slice(args, nargs);
        let fd = fd_of(a[0])?;
        let cmd = c_int_arg(a[1])?;
        if let Some(&arg) = a.get(2) {
            if let Some(data) = string_arg(arg)? {
                return with_copy(&data, "fcntl string arg too long", |p| libc::fcntl(fd, cmd, p));
            }
        }
        let value = match a.get(2) {
            Some(&arg) => c_int_arg(arg)?,
            None => 0,
        };
        let r = retry_eintr(|| libc::fcntl(fd, cmd, value))?;
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `ioctl(fd, request, arg=0, mutate_flag=True, /)`: a writable buffer is passed (through a
/// copy if it is small) and updated when `mutate_flag` is true; a read-only one or a str
/// gives back the bytes the call left in the copy.
unsafe extern "C" fn ioctl(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        check(c"ioctl", nargs, 2, 4)?;
        let a = args_slice(args, nargs);
        let fd = fd_of(a[0])?;
        // C `unsigned int` without overflow checking (the `I` converter).
        let request = {
            let i = crate::abstract_::number::index(a[1])?;
            crate::objects::long_convert::PyLong_AsUnsignedLongMask(i.as_ptr()) as u32 as c_ulong
        };
        let mutate = match a.get(3) {
            Some(&m) => crate::abstract_::object::is_true(m)?,
            None => true,
        };
        if let Some(&arg) = a.get(2) {
            if crate::objects::bytes_buffer::PyObject_CheckBuffer(arg) != 0 {
                if let Ok(v) = View::get(arg, PyBUF_WRITABLE) {
                    let len = v.0.len as usize;
                    let data = v.0.buf as *mut u8;
                    if mutate && len > BUF_SIZE {
                        // Too big for the copy: the call works on the buffer itself.
                        let r = retry_eintr(|| libc::ioctl(fd, request, data))?;
                        return if r < 0 { Err(errno_error()) } else { int::from_i64(r as i64) };
                    }
                    let copy = core::slice::from_raw_parts(data, len).to_vec();
                    if !mutate {
                        drop(v);
                        return with_copy(&copy, "ioctl string arg too long", |p| libc::ioctl(fd, request, p));
                    }
                    let mut buf = [0u8; BUF_SIZE];
                    buf[..len].copy_from_slice(&copy);
                    let p = buf.as_mut_ptr();
                    let r = retry_eintr(|| libc::ioctl(fd, request, p))?;
                    if r < 0 {
                        return Err(errno_error());
                    }
                    core::ptr::copy_nonoverlapping(buf.as_ptr(), data, len);
                    return int::from_i64(r as i64);
                }
                crate::errors::pyerr::PyErr_Clear();
            }
            if let Some(data) = string_arg(arg)? {
                return with_copy(&data, "ioctl string arg too long", |p| libc::ioctl(fd, request, p));
            }
        }
        let value = match a.get(2) {
            Some(&arg) => c_int_arg(arg)?,
            None => 0,
        };
        let r = retry_eintr(|| libc::ioctl(fd, request, value as libc::c_long))?;
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `flock(fd, operation, /)`.
unsafe extern "C" fn flock(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        check(c"flock", nargs, 2, 2)?;
        let a = args_slice(args, nargs);
        let fd = fd_of(a[0])?;
        let op = c_int_arg(a[1])?;
        if retry_eintr(|| libc::flock(fd, op))? < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `lockf(fd, cmd, len=0, start=0, whence=0, /)`: a POSIX record lock through
/// `fcntl(F_SETLK[W])`, the LOCK_* command mapped to a lock type.
unsafe extern "C" fn lockf(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        check(c"lockf", nargs, 2, 5)?;
        let a = args_slice(args, nargs);
        let fd = fd_of(a[0])?;
        let code = c_int_arg(a[1])?;
        let off = |i: usize| -> PyResult<i64> {
            match a.get(i) {
                Some(&o) => crate::objects::long_convert::as_i64(crate::abstract_::number::index(o)?.as_ptr()),
                None => Ok(0),
            }
        };
        let (len, start) = (off(2)?, off(3)?);
        let whence = match a.get(4) {
            Some(&w) => c_int_arg(w)?,
            None => 0,
        };
        let l_type = if code == libc::LOCK_UN {
            libc::F_UNLCK
        } else if code & libc::LOCK_SH != 0 {
            libc::F_RDLCK
        } else if code & libc::LOCK_EX != 0 {
            libc::F_WRLCK
        } else {
            return Err(value_error("unrecognized lockf argument"));
        };
        let mut fl: libc::flock = core::mem::zeroed();
        fl.l_type = l_type as _;
        fl.l_whence = whence as _;
        fl.l_start = start as _;
        fl.l_len = len as _;
        let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
        let flp: *mut libc::flock = &mut fl;
        if retry_eintr(|| libc::fcntl(fd, cmd, flp))? < 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

static mut FCNTL_FUNCTIONS: [PyMethodDef; 5] = [
    fast(c"fcntl", fcntl, c"fcntl($module, fd, cmd, arg=0, /)\n--\n\nPerform the operation `cmd` on file descriptor fd.\n\nThe values used for `cmd` are operating system dependent, and are available\nas constants in the fcntl module, using the same names as used in\nthe relevant C header files.  The argument arg is optional, and\ndefaults to 0; it may be an int or a string.  If arg is given as a string,\nthe return value of fcntl is a string of that length, containing the\nresulting value put in the arg buffer by the operating system.  The length\nof the arg string is not allowed to exceed 1024 bytes.  If the arg given\nis an integer or if none is specified, the result value is an integer\ncorresponding to the return value of the fcntl call in the C code."),
    fast(c"ioctl", ioctl, c"ioctl($module, fd, request, arg=0, mutate_flag=True, /)\n--\n\nPerform the operation `request` on file descriptor `fd`."),
    fast(c"flock", flock, c"flock($module, fd, operation, /)\n--\n\nPerform the lock operation `operation` on file descriptor `fd`.\n\nSee the Unix manual page for flock(2) for details (On some systems, this\nfunction is emulated using fcntl())."),
    fast(c"lockf", lockf, c"lockf($module, fd, cmd, len=0, start=0, whence=0, /)\n--\n\nA wrapper around the fcntl() locking calls."),
    END,
];

static mut FCNTL_DEF: PyModuleDef = module_def(
    c"fcntl",
    c"This module performs file control and I/O control on file\ndescriptors.  It is an interface to the fcntl() and ioctl() Unix\nroutines.  File descriptors can be obtained with the fileno() method of\na file or socket object.",
    (&raw mut FCNTL_FUNCTIONS) as *mut PyMethodDef,
);

const CONSTANTS: &[(&str, i64)] = &[
    ("LOCK_SH", libc::LOCK_SH as i64),
    ("LOCK_EX", libc::LOCK_EX as i64),
    ("LOCK_NB", libc::LOCK_NB as i64),
    ("LOCK_UN", libc::LOCK_UN as i64),
    ("LOCK_MAND", 32),
    ("LOCK_READ", 64),
    ("LOCK_WRITE", 128),
    ("LOCK_RW", 192),
    ("F_DUPFD", libc::F_DUPFD as i64),
    ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
    ("F_GETFD", libc::F_GETFD as i64),
    ("F_SETFD", libc::F_SETFD as i64),
    ("F_GETFL", libc::F_GETFL as i64),
    ("F_SETFL", libc::F_SETFL as i64),
    ("F_GETLK", libc::F_GETLK as i64),
    ("F_SETLK", libc::F_SETLK as i64),
    ("F_SETLKW", libc::F_SETLKW as i64),
    ("F_OFD_GETLK", libc::F_OFD_GETLK as i64),
    ("F_OFD_SETLK", libc::F_OFD_SETLK as i64),
    ("F_OFD_SETLKW", libc::F_OFD_SETLKW as i64),
    ("F_GETOWN", libc::F_GETOWN as i64),
    ("F_SETOWN", libc::F_SETOWN as i64),
    ("F_GETSIG", 11),
    ("F_SETSIG", 10),
    ("F_RDLCK", libc::F_RDLCK as i64),
    ("F_WRLCK", libc::F_WRLCK as i64),
    ("F_UNLCK", libc::F_UNLCK as i64),
    ("F_GETLK64", libc::F_GETLK as i64),
    ("F_SETLK64", libc::F_SETLK as i64),
    ("F_SETLKW64", libc::F_SETLKW as i64),
    ("F_EXLCK", 4),
    ("F_SHLCK", 8),
    ("F_SETLEASE", libc::F_SETLEASE as i64),
    ("F_GETLEASE", libc::F_GETLEASE as i64),
    ("F_NOTIFY", libc::F_NOTIFY as i64),
    ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
    ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
    ("F_ADD_SEALS", libc::F_ADD_SEALS as i64),
    ("F_GET_SEALS", libc::F_GET_SEALS as i64),
    ("F_SEAL_SEAL", libc::F_SEAL_SEAL as i64),
    ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK as i64),
    ("F_SEAL_GROW", libc::F_SEAL_GROW as i64),
    ("F_SEAL_WRITE", libc::F_SEAL_WRITE as i64),
    ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
    ("FASYNC", libc::O_ASYNC as i64),
    ("DN_ACCESS", 0x1),
    ("DN_MODIFY", 0x2),
    ("DN_CREATE", 0x4),
    ("DN_DELETE", 0x8),
    ("DN_RENAME", 0x10),
    ("DN_ATTRIB", 0x20),
    ("DN_MULTISHOT", 0x80000000),
];

/// `PyInit_fcntl` for the inittab.
pub(crate) unsafe extern "C" fn init_fcntl() -> *mut PyObject {
    use crate::modules::module_init::{add_ints, create, dict_of};
    ret((|| {
        let m = create(&raw mut FCNTL_DEF)?;
        add_ints(dict_of(&m), CONSTANTS)?;
        Ok(m)
    })())
}
