//! The process environment: `environ` (a dict of bytes to bytes made at import, as
//! CPython's posix has it; `os.environ` wraps it), `putenv`, `unsetenv`.
use std::ffi::CString;

use crate::errors::raised::PyResult;
use crate::modules::posix::args::{errno_error, value_error};
use crate::modules::{args_slice, fast, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, dict};

/// A dict of the environment's bytes (the first of duplicate names wins, as in CPython).
pub(crate) unsafe fn environ_dict() -> PyResult<PyRef> {
    use std::os::unix::ffi::OsStrExt;
    let d = dict::new()?;
    for (k, v) in std::env::vars_os() {
        let key = bytes::from_slice(k.as_bytes())?;
        if dict::get_item(d.as_ptr(), key.as_ptr())?.is_none() {
            dict::set_item(d.as_ptr(), key.as_ptr(), bytes::from_slice(v.as_bytes())?.as_ptr())?;
        }
    }
    Ok(d)
}

/// A name or value argument: str (filesystem encoding), bytes or PathLike, without NUL.
unsafe fn env_arg(op: *mut PyObject) -> PyResult<CString> {
    let mut out: *mut PyObject = core::ptr::null_mut();
    if crate::codecs::fs_encoding::PyUnicode_FSConverter(op, (&raw mut out).cast()) == 0 {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    let owned = PyRef::from_owned(out).unwrap();
    Ok(CString::new(bytes::as_slice(owned.as_ptr())).expect("FSConverter rejects NUL"))
}

unsafe fn name_arg(op: *mut PyObject) -> PyResult<CString> {
    let name = env_arg(op)?;
    if name.as_bytes().contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    Ok(name)
}

/// `putenv(name, value, /)`.
unsafe extern "C" fn putenv(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"putenv".as_ptr(), a.len() as isize, 2, 2) {
            return Err(crate::errors::raised::Raised::assume_set());
        }
        let name = name_arg(a[0])?;
        let value = env_arg(a[1])?;
        if libc::setenv(name.as_ptr(), value.as_ptr(), 1) != 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

/// `unsetenv(name, /)`.
unsafe extern "C" fn unsetenv(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = env_arg(name)?;
        if libc::unsetenv(name.as_ptr()) != 0 {
            return Err(errno_error());
        }
        Ok(none_ref())
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 2] = [
    fast(c"putenv", putenv, c"putenv($module, name, value, /)\n--\n\nChange or add an environment variable."),
    meth(c"unsetenv", unsetenv, METH_O, c"unsetenv($module, name, /)\n--\n\nDelete an environment variable."),
];
