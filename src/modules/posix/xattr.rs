//! Extended attributes: `getxattr`, `setxattr`, `listxattr`, `removexattr`. The path may
//! be a descriptor; `follow_symlinks=False` acts on a link itself (`l*xattr`).
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{bool_or, c_int_or, value_error};
use crate::modules::posix::path::{path_arg, PathArg, PathKind, PATH, PATH_OR_FD};
use crate::modules::{fast_kw, none_ref, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, list};

/// The largest attribute value Linux stores (`XATTR_SIZE_MAX`).
pub(crate) const XATTR_SIZE_MAX: usize = 65536;

/// An fd cannot be combined with `follow_symlinks=False` (CPython's message; it tests
/// `fd > 0`, so descriptor 0 is let through).
fn check_follow(function: &str, path: &PathArg, follow: bool) -> PyResult<()> {
    if path.fd > 0 && !follow {
        return Err(value_error(&format!("{function}: cannot use fd and follow_symlinks together")));
    }
    Ok(())
}

/// Calls `call(buf, size)` with a buffer large enough (asks for the size first, and asks
/// again if it grew in between); the bytes it filled.
unsafe fn sized_read(mut call: impl FnMut(*mut libc::c_char, usize) -> isize) -> Result<Vec<u8>, ()> {
    loop {
        let needed = call(core::ptr::null_mut(), 0);
        if needed < 0 {
            return Err(());
        }
        let mut buf = vec![0u8; needed as usize];
        let n = call(buf.as_mut_ptr().cast(), buf.len());
        if n >= 0 {
            buf.truncate(n as usize);
            return Ok(buf);
        }
        if *libc::__errno_location() != libc::ERANGE {
            return Err(());
        }
    }
}

/// `getxattr(path, attribute, *, follow_symlinks=True)`: the value as bytes.
unsafe extern "C" fn getxattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "getxattr", names: &["path", "attribute", "follow_symlinks"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("getxattr", "path", b[0], PATH_OR_FD)?;
        let attr = path_arg("getxattr", "attribute", b[1], PATH)?;
        let follow = bool_or(b[2], true)?;
        check_follow("getxattr", &path, follow)?;
        let value = sized_read(|buf, size| {
            if path.fd >= 0 {
                libc::fgetxattr(path.fd, attr.ptr(), buf.cast(), size)
            } else if follow {
                libc::getxattr(path.ptr(), attr.ptr(), buf.cast(), size)
            } else {
                libc::lgetxattr(path.ptr(), attr.ptr(), buf.cast(), size)
            }
        })
        .map_err(|()| path.error())?;
        bytes::from_slice(&value)
    })())
}

/// `setxattr(path, attribute, value, flags=0, *, follow_symlinks=True)`.
unsafe extern "C" fn setxattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "setxattr", names: &["path", "attribute", "value", "flags", "follow_symlinks"], positional_only: 0, max_positional: 4, required: 3 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("setxattr", "path", b[0], PATH_OR_FD)?;
        let attr = path_arg("setxattr", "attribute", b[1], PATH)?;
        let view = crate::object::buffer_contig::View::get(b[2].unwrap(), crate::object::buffer::PyBUF_SIMPLE)?;
        let flags = c_int_or(b[3], 0)?;
        let follow = bool_or(b[4], true)?;
        check_follow("setxattr", &path, follow)?;
        let (ptr, len) = ((*view.0).buf as *const libc::c_void, (*view.0).len as usize);
        let r = crate::modules::posix::args::without_gil(|| {
            if path.fd >= 0 {
                libc::fsetxattr(path.fd, attr.ptr(), ptr, len, flags)
            } else if follow {
                libc::setxattr(path.ptr(), attr.ptr(), ptr, len, flags)
            } else {
                libc::lsetxattr(path.ptr(), attr.ptr(), ptr, len, flags)
            }
        });
        if r < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `removexattr(path, attribute, *, follow_symlinks=True)`.
unsafe extern "C" fn removexattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "removexattr", names: &["path", "attribute", "follow_symlinks"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("removexattr", "path", b[0], PATH_OR_FD)?;
        let attr = path_arg("removexattr", "attribute", b[1], PATH)?;
        let follow = bool_or(b[2], true)?;
        check_follow("removexattr", &path, follow)?;
        let r = if path.fd >= 0 {
            libc::fremovexattr(path.fd, attr.ptr())
        } else if follow {
            libc::removexattr(path.ptr(), attr.ptr())
        } else {
            libc::lremovexattr(path.ptr(), attr.ptr())
        };
        if r < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `listxattr(path=None, *, follow_symlinks=True)`: the attribute names as str (None is
/// the current directory).
unsafe extern "C" fn listxattr(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "listxattr", names: &["path", "follow_symlinks"], positional_only: 0, max_positional: 1, required: 0 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("listxattr", "path", b[0], PathKind { allow_fd: true, nullable: true })?;
        let follow = bool_or(b[1], true)?;
        check_follow("listxattr", &path, follow)?;
        let names = sized_read(|buf, size| {
            if path.fd >= 0 {
                libc::flistxattr(path.fd, buf, size)
            } else if follow {
                libc::listxattr(path.ptr(), buf, size)
            } else {
                libc::llistxattr(path.ptr(), buf, size)
            }
        })
        .map_err(|()| path.error())?;
        let out = list::new(0)?;
        for name in names.split(|&c| c == 0).filter(|n| !n.is_empty()) {
            let item: PyRef = crate::codecs::fs_encoding::decode(name)?;
            list::append(out.as_ptr(), item.as_ptr())?;
        }
        Ok(out)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 4] = [
    fast_kw(c"getxattr", getxattr, c"getxattr($module, /, path, attribute, *, follow_symlinks=True)\n--\n\nReturn the value of extended attribute attribute on path."),
    fast_kw(c"setxattr", setxattr, c"setxattr($module, /, path, attribute, value, flags=0, *,\n         follow_symlinks=True)\n--\n\nSet extended attribute attribute on path to value."),
    fast_kw(c"listxattr", listxattr, c"listxattr($module, /, path=None, *, follow_symlinks=True)\n--\n\nReturn a list of extended attributes on path."),
    fast_kw(c"removexattr", removexattr, c"removexattr($module, /, path, attribute, *, follow_symlinks=True)\n--\n\nRemove extended attribute attribute on path."),
];
