//! Facts about the system and small services: `uname`, `cpu_count`, `urandom`,
//! `strerror`, `get_terminal_size`, `device_encoding`, `fspath`, `sync`, `system`,
//! `getloadavg`.
use core::ffi::{c_int, CStr};

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, errno_error, i64_arg, value_error};
use crate::modules::posix::path::fspath_object;
use crate::modules::posix::structseqs::{instance, TERMINAL_SIZE, UNAME_RESULT};
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::objects::{bytes, int, str as pystr};

/// `uname()`: `uname_result(sysname, nodename, release, version, machine)`.
unsafe extern "C" fn uname(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut u: libc::utsname = core::mem::zeroed();
        if libc::uname(&mut u) < 0 {
            return Err(errno_error());
        }
        let fields = [u.sysname.as_ptr(), u.nodename.as_ptr(), u.release.as_ptr(), u.version.as_ptr(), u.machine.as_ptr()];
        let items = fields.iter().map(|&f| crate::codecs::fs_encoding::decode(CStr::from_ptr(f).to_bytes())).collect::<PyResult<Vec<_>>>()?;
        instance(UNAME_RESULT, items)
    })())
}

/// `cpu_count()`: the online processors, None if unknown.
unsafe extern "C" fn cpu_count(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let n = libc::sysconf(libc::_SC_NPROCESSORS_ONLN);
    ret(if n >= 1 { int::from_i64(n) } else { Ok(none_ref()) })
}

/// Fills `buf` from the kernel's random source (getrandom, retried on EINTR).
pub(crate) unsafe fn random_bytes(buf: &mut [u8]) -> PyResult<()> {
    let mut filled = 0;
    while filled < buf.len() {
        let n = libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0);
        if n < 0 {
            if *libc::__errno_location() == libc::EINTR {
                if crate::runtime::signals::PyErr_CheckSignals() < 0 {
                    return Err(crate::errors::raised::Raised::assume_set());
                }
                continue;
            }
            return Err(errno_error());
        }
        filled += n as usize;
    }
    Ok(())
}

/// `urandom(size, /)`.
unsafe extern "C" fn urandom(_m: *mut PyObject, size: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let n = i64_arg(size)?;
        if n < 0 {
            return Err(value_error("negative argument not allowed"));
        }
        let mut buf = vec![0u8; n as usize];
        random_bytes(&mut buf)?;
        bytes::from_slice(&buf)
    })())
}

/// `strerror(code, /)`.
unsafe extern "C" fn strerror(_m: *mut PyObject, code: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let code = c_int_arg(code)?;
        let text = CStr::from_ptr(libc::strerror(code));
        crate::codecs::fs_encoding::decode(text.to_bytes())
    })())
}

/// `get_terminal_size(fd=STDOUT_FILENO, /)`: `terminal_size(columns, lines)`.
unsafe extern "C" fn get_terminal_size(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"get_terminal_size".as_ptr(), a.len() as isize, 0, 1) {
            return Err(crate::errors::raised::Raised::assume_set());
        }
        let fd = match a.first() {
            Some(&f) => c_int_arg(f)?,
            None => libc::STDOUT_FILENO,
        };
        let mut w: libc::winsize = core::mem::zeroed();
        if libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) != 0 {
            return Err(errno_error());
        }
        instance(TERMINAL_SIZE, vec![int::from_i64(w.ws_col as i64)?, int::from_i64(w.ws_row as i64)?])
    })())
}

/// `device_encoding(fd)`: the locale encoding for a terminal, else None.
unsafe extern "C" fn device_encoding(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "device_encoding", names: &["fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd: c_int = c_int_arg(b[0].unwrap())?;
        if libc::isatty(fd) != 1 {
            return Ok(none_ref());
        }
        let codeset = libc::nl_langinfo(libc::CODESET);
        let name = if codeset.is_null() || *codeset == 0 { "utf-8".to_string() } else { CStr::from_ptr(codeset).to_string_lossy().into_owned() };
        pystr::from_utf8(&name)
    })())
}

/// `fspath(path)`.
unsafe extern "C" fn fspath(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "fspath", names: &["path"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        fspath_object(b[0].unwrap())
    })())
}

unsafe extern "C" fn sync(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::modules::posix::args::without_gil(|| libc::sync());
    ret(Ok(none_ref()))
}

/// `system(command)`: the wait status of `/bin/sh -c command`.
unsafe extern "C" fn system(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "system", names: &["command"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let command = crate::modules::posix::args::fs_bytes(b[0].unwrap())?;
        let status = crate::modules::posix::args::without_gil(|| libc::system(command.as_ptr()));
        int::from_i64(status as i64)
    })())
}

/// `getloadavg()`: the 1, 5 and 15 minute load averages.
unsafe extern "C" fn getloadavg(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut loads = [0f64; 3];
        if libc::getloadavg(loads.as_mut_ptr(), 3) != 3 {
            return Err(crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_OSError, "Load averages are unobtainable"));
        }
        crate::objects::tuple::from_vec(loads.iter().map(|&l| crate::objects::float::new(l)).collect::<PyResult<Vec<_>>>()?)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 10] = [
    meth(c"uname", uname, METH_NOARGS, c"uname($module, /)\n--\n\nReturn an object identifying the current operating system."),
    meth(c"cpu_count", cpu_count, METH_NOARGS, c"cpu_count($module, /)\n--\n\nReturn the number of CPUs in the system; return None if indeterminable."),
    meth(c"urandom", urandom, METH_O, c"urandom($module, size, /)\n--\n\nReturn a bytes object containing random bytes suitable for cryptographic use."),
    meth(c"strerror", strerror, METH_O, c"strerror($module, code, /)\n--\n\nTranslate an error code to a message string."),
    fast(c"get_terminal_size", get_terminal_size, c"get_terminal_size($module, fd=<unrepresentable>, /)\n--\n\nReturn the size of the terminal window as (columns, lines)."),
    fast_kw(c"device_encoding", device_encoding, c"device_encoding($module, /, fd)\n--\n\nReturn a string describing the encoding of a terminal's file descriptor."),
    fast_kw(c"fspath", fspath, c"fspath($module, /, path)\n--\n\nReturn the file system path representation of the object."),
    meth(c"sync", sync, METH_NOARGS, c"sync($module, /)\n--\n\nForce write of everything to disk."),
    fast_kw(c"system", system, c"system($module, /, command)\n--\n\nExecute the command in a subshell."),
    meth(c"getloadavg", getloadavg, METH_NOARGS, c"getloadavg($module, /)\n--\n\nReturn average recent system load information.\n\nReturn the number of processes in the system run queue averaged over\nthe last 1, 5, and 15 minutes as a tuple of three floats.\nRaises OSError if the load average was unobtainable."),
];
