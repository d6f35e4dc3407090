//! Path arguments (CPython's `path_t`): a str (encoded with the filesystem encoding),
//! bytes, an `os.PathLike`, and where the function allows it an int file descriptor or
//! None. The original object is kept for the OSError's filename, and whether it was bytes
//! decides the type of returned names.
use core::ffi::{c_char, c_int};
use std::ffi::CString;

use crate::abstract_::{tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{errno_error_paths, fd_value, value_error};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, str as pystr};

pub(crate) struct PathArg {
    /// The argument as passed (None when absent and allowed).
    pub object: PyRef,
    /// The encoded path; None for an fd or an absent path.
    pub c: Option<CString>,
    /// The descriptor when an int was passed, else -1.
    pub fd: c_int,
    /// The path was bytes (directly or through `__fspath__`): names come back as bytes.
    pub is_bytes: bool,
}

/// What a function accepts besides str/bytes/PathLike.
#[derive(Clone, Copy)]
pub(crate) struct PathKind {
    pub allow_fd: bool,
    pub nullable: bool,
}

pub(crate) const PATH: PathKind = PathKind { allow_fd: false, nullable: false };
pub(crate) const PATH_OR_FD: PathKind = PathKind { allow_fd: true, nullable: false };

impl PathArg {
    pub(crate) fn ptr(&self) -> *const c_char {
        self.c.as_ref().map_or(c".".as_ptr(), |c| c.as_ptr())
    }

    /// OSError from errno naming this path.
    pub(crate) unsafe fn error(&self) -> Raised {
        errno_error_paths(self.object.as_ptr(), core::ptr::null_mut())
    }

    /// OSError from errno naming this path and another.
    pub(crate) unsafe fn error2(&self, other: &PathArg) -> Raised {
        errno_error_paths(self.object.as_ptr(), other.object.as_ptr())
    }
}

/// Converts `op` (the argument `argname` of `function`).
pub(crate) unsafe fn path_arg(function: &str, argname: &str, op: Option<*mut PyObject>, kind: PathKind) -> PyResult<PathArg> {
    let none = crate::abstract_::none();
    let o = op.unwrap_or(none);
    if o == none && kind.nullable {
        return Ok(PathArg { object: PyRef::from_borrowed(none).unwrap(), c: None, fd: -1, is_bytes: false });
    }
    let object = PyRef::from_borrowed(o).unwrap();
    if kind.allow_fd && !pystr::is_str(o) && !bytes::is_bytes(o) && crate::abstract_::number::PyIndex_Check(o) != 0 {
        let i = crate::abstract_::number::index(o)?;
        let fd = fd_value(i.as_ptr())?;
        return Ok(PathArg { object, c: None, fd, is_bytes: false });
    }
    let allowed = match (kind.allow_fd, kind.nullable) {
        (false, false) => "string, bytes or os.PathLike",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (true, true) => "string, bytes, os.PathLike, integer or None",
    };
    let message = || format!("{function}: {argname} should be {allowed}, not {}", tp_name(o));
    let path = match crate::codecs::fs_encoding::fspath(o)? {
        Some(path) => path,
        // Other bytes-like objects still work in 3.11, with a DeprecationWarning.
        None if crate::objects::bytes_buffer::PyObject_CheckBuffer(o) != 0 => {
            let text = std::ffi::CString::new(message()).expect("type names have no NUL");
            let category = &raw mut crate::errors::exception_types::_PyExc_DeprecationWarning as *mut PyObject;
            if crate::errors::warnings::PyErr_WarnEx(category, text.as_ptr(), 1) < 0 {
                return Err(Raised::assume_set());
            }
            bytes::from_slice(&bytes::bytes_like(o)?)?
        }
        None => return Err(type_error(message())),
    };
    let is_bytes = bytes::is_bytes(path.as_ptr());
    let encoded = if is_bytes { path } else { crate::codecs::fs_encoding::encode(path.as_ptr())? };
    let data = bytes::as_slice(encoded.as_ptr());
    let c = CString::new(data).map_err(|_| {
        if is_bytes {
            value_error(&format!("{function}: embedded null character in {argname}"))
        } else {
            value_error("embedded null byte")
        }
    })?;
    Ok(PathArg { object, c: Some(c), fd: -1, is_bytes })
}

/// A name read from the system, as str (filesystem decoding) or bytes like the path given.
pub(crate) unsafe fn name_object(data: &[u8], as_bytes: bool) -> PyResult<PyRef> {
    if as_bytes {
        bytes::from_slice(data)
    } else {
        crate::codecs::fs_encoding::decode(data)
    }
}

/// `ValueError: f: can't specify dir_fd without matching path` and friends: the checks
/// CPython makes when an fd is combined with `dir_fd` or `follow_symlinks=False`.
pub(crate) fn check_fd_combinations(function: &str, path: &PathArg, dir_fd: c_int, follow_symlinks: bool) -> PyResult<()> {
    if path.fd >= 0 || path.c.is_none() {
        if dir_fd != libc::AT_FDCWD {
            return Err(value_error(&format!("{function}: can't specify dir_fd without matching path")));
        }
        if !follow_symlinks {
            return Err(value_error(&format!("{function}: cannot use fd and follow_symlinks together")));
        }
    }
    Ok(())
}

/// `os.fspath(path)`: str and bytes as they are, else `__fspath__()`'s str or bytes.
pub(crate) unsafe fn fspath_object(path: *mut PyObject) -> PyResult<PyRef> {
    match crate::codecs::fs_encoding::fspath(path)? {
        Some(p) => Ok(p),
        None => Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", tp_name(path)))),
    }
}

/// `PyObject *PyOS_FSPath(PyObject *path)`: the file system representation of `path`.
#[cfg(not(limited_api_before_3_6))]
#[no_mangle]
pub unsafe extern "C" fn PyOS_FSPath(path: *mut PyObject) -> *mut PyObject {
    if path.is_null() {
        return crate::abstract_::ret_obj(Err(crate::object::pending_error::bad_internal_call()));
    }
    crate::modules::ret(fspath_object(path))
}

