//! Configuration values: `sysconf`, `confstr`, `pathconf`, `fpathconf`. A name is an int
//! or one of the strings of the matching `*_names` dict (`conf_names.rs`).
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::type_error;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, check_args, errno_error, value_error};
use crate::modules::posix::conf_names::{CONFSTR_NAMES, PATHCONF_NAMES, SYSCONF_NAMES};
use crate::modules::posix::fds::fildes;
use crate::modules::posix::path::{path_arg, PATH_OR_FD};
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{dict, int, str as pystr};

/// A configuration name: an int as is, a str looked up in `table`.
unsafe fn conf_name(op: *mut PyObject, table: &[(&str, i64)]) -> PyResult<c_int> {
    if int::is_int(op) {
        return c_int_arg(op);
    }
    if !pystr::is_str(op) {
        return Err(type_error("configuration names must be strings or integers"));
    }
    let name = crate::objects::str_utf8::as_str(op)?;
    match table.iter().find(|(n, _)| *n == name) {
        Some(&(_, v)) => Ok(v as c_int),
        None => Err(value_error("unrecognized configuration name")),
    }
}

/// A `-1` result is an error only when the call set errno.
unsafe fn long_result(r: libc::c_long) -> PyResult<PyRef> {
    if r == -1 && *libc::__errno_location() != 0 {
        return Err(errno_error());
    }
    int::from_i64(r as i64)
}

/// `sysconf(name, /)`.
unsafe extern "C" fn sysconf(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = conf_name(name, SYSCONF_NAMES)?;
        *libc::__errno_location() = 0;
        long_result(libc::sysconf(name))
    })())
}

/// `confstr(name, /)`: the string, or None when the name has no value.
unsafe extern "C" fn confstr(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = conf_name(name, CONFSTR_NAMES)?;
        *libc::__errno_location() = 0;
        let needed = libc::confstr(name, core::ptr::null_mut(), 0);
        if needed == 0 {
            if *libc::__errno_location() != 0 {
                return Err(errno_error());
            }
            return Ok(none_ref());
        }
        let mut buf = vec![0u8; needed];
        libc::confstr(name, buf.as_mut_ptr().cast(), needed);
        buf.truncate(needed - 1);
        crate::codecs::fs_encoding::decode(&buf)
    })())
}

/// `pathconf(path, name)`: path may be a descriptor.
unsafe extern "C" fn pathconf(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "pathconf", names: &["path", "name"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("pathconf", "path", b[0], PATH_OR_FD)?;
        let name = conf_name(b[1].unwrap(), PATHCONF_NAMES)?;
        *libc::__errno_location() = 0;
        let r = if path.fd >= 0 { libc::fpathconf(path.fd, name) } else { libc::pathconf(path.ptr(), name) };
        if r == -1 && *libc::__errno_location() != 0 {
            // EINVAL may be the name's fault: CPython names no file then.
            return Err(if *libc::__errno_location() == libc::EINVAL { errno_error() } else { path.error() });
        }
        int::from_i64(r as i64)
    })())
}

/// `fpathconf(fd, name, /)`: fd may be an object with `fileno()`.
unsafe extern "C" fn fpathconf(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"fpathconf", a.len(), 2, 2)?;
        let fd = fildes(a[0])?;
        let name = conf_name(a[1], PATHCONF_NAMES)?;
        *libc::__errno_location() = 0;
        long_result(libc::fpathconf(fd, name))
    })())
}

/// The `*_names` dicts, as module attributes.
pub(crate) unsafe fn name_dicts() -> PyResult<Vec<(&'static str, PyRef)>> {
    let mut out = Vec::new();
    for (attr, table) in [("sysconf_names", SYSCONF_NAMES), ("confstr_names", CONFSTR_NAMES), ("pathconf_names", PATHCONF_NAMES)] {
        let d = dict::new()?;
        for &(name, value) in table {
            dict::set_item(d.as_ptr(), pystr::from_utf8(name)?.as_ptr(), int::from_i64(value)?.as_ptr())?;
        }
        out.push((attr, d));
    }
    Ok(out)
}

pub(crate) const FUNCTIONS: [PyMethodDef; 4] = [
    meth(c"sysconf", sysconf, METH_O, c"sysconf($module, name, /)\n--\n\nReturn an integer-valued system configuration variable."),
    meth(c"confstr", confstr, METH_O, c"confstr($module, name, /)\n--\n\nReturn a string-valued system configuration variable."),
    fast_kw(c"pathconf", pathconf, c"pathconf($module, /, path, name)\n--\n\nReturn the configuration limit name for the file or directory path."),
    fast(c"fpathconf", fpathconf, c"fpathconf($module, fd, name, /)\n--\n\nReturn the configuration limit name for the file descriptor fd."),
];
