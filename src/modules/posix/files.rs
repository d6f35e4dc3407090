//! Operations on names in the file system: `mkdir`, `rmdir`, `unlink`/`remove`,
//! `rename`/`replace`, `chmod`, `utime`, `symlink`, `readlink`, `link`, `access`, `chdir`,
//! `mkfifo`. Each goes through the `*at` system call so `dir_fd` works everywhere.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::type_error;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{bool_or, c_int_arg, c_int_or, dir_fd_arg, overflow, retry_eintr, value_error};
use crate::modules::posix::path::{check_fd_combinations, name_object, path_arg, PATH, PATH_OR_FD};
use crate::modules::{fast_kw, none_ref, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{float, tuple};

type FastKwArgs = (*const *mut PyObject, isize, *mut PyObject);

unsafe fn bound(p: &Params, (args, nargs, kwnames): FastKwArgs) -> PyResult<Vec<Option<*mut PyObject>>> {
    bind(p, args, nargs as usize, kwnames)
}

/// `mkdir(path, mode=0o777, *, dir_fd=None)`.
unsafe extern "C" fn mkdir(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "mkdir", names: &["path", "mode", "dir_fd"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let path = path_arg("mkdir", "path", b[0], PATH)?;
        let mode = c_int_or(b[1], 0o777)?;
        let dir_fd = dir_fd_arg(b[2])?;
        if libc::mkdirat(dir_fd, path.ptr(), mode as libc::mode_t) < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `unlinkat` for `rmdir`, `unlink` and `remove`.
unsafe fn remove_name(function: &'static str, flags: c_int, a: FastKwArgs) -> PyResult<PyRef> {
    let p = Params { function, names: &["path", "dir_fd"], positional_only: 0, max_positional: 1, required: 1 };
    let b = bound(&p, a)?;
    let path = path_arg(function, "path", b[0], PATH)?;
    let dir_fd = dir_fd_arg(b[1])?;
    if libc::unlinkat(dir_fd, path.ptr(), flags) < 0 {
        return Err(path.error());
    }
    Ok(none_ref())
}

unsafe extern "C" fn rmdir(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret(remove_name("rmdir", libc::AT_REMOVEDIR, (args, nargs, kwnames)))
}

unsafe extern "C" fn unlink(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret(remove_name("unlink", 0, (args, nargs, kwnames)))
}

unsafe extern "C" fn remove(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret(remove_name("remove", 0, (args, nargs, kwnames)))
}

/// `rename`/`replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)` (the same on POSIX).
unsafe fn rename_impl(function: &'static str, a: FastKwArgs) -> PyResult<PyRef> {
    let p = Params { function, names: &["src", "dst", "src_dir_fd", "dst_dir_fd"], positional_only: 0, max_positional: 2, required: 2 };
    let b = bound(&p, a)?;
    let src = path_arg(function, "src", b[0], PATH)?;
    let dst = path_arg(function, "dst", b[1], PATH)?;
    let (src_dir, dst_dir) = (dir_fd_arg(b[2])?, dir_fd_arg(b[3])?);
    if libc::renameat(src_dir, src.ptr(), dst_dir, dst.ptr()) < 0 {
        return Err(src.error2(&dst));
    }
    Ok(none_ref())
}

unsafe extern "C" fn rename(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret(rename_impl("rename", (args, nargs, kwnames)))
}

unsafe extern "C" fn replace(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret(rename_impl("replace", (args, nargs, kwnames)))
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`; path may be a descriptor.
unsafe extern "C" fn chmod(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "chmod", names: &["path", "mode", "dir_fd", "follow_symlinks"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let path = path_arg("chmod", "path", b[0], PATH_OR_FD)?;
        let mode = c_int_arg(b[1].unwrap())? as libc::mode_t;
        let dir_fd = dir_fd_arg(b[2])?;
        let follow = bool_or(b[3], true)?;
        check_fd_combinations("chmod", &path, dir_fd, follow)?;
        let r = if path.fd >= 0 {
            libc::fchmod(path.fd, mode)
        } else {
            libc::fchmodat(dir_fd, path.ptr(), mode, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW })
        };
        if r < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// A timestamp in seconds (int or float, floored) as a timespec.
unsafe fn timespec_of(op: *mut PyObject) -> PyResult<libc::timespec> {
    if float::is_float(op) {
        let f = float::value(op);
        if f.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        // Whole and fractional parts apart: f * 1e9 would lose the nanoseconds.
        let (mut sec, mut nsec) = (f.trunc(), (f.fract() * 1e9).floor());
        if nsec >= 1e9 {
            nsec -= 1e9;
            sec += 1.0;
        } else if nsec < 0.0 {
            nsec += 1e9;
            sec -= 1.0;
        }
        if !(-9.2e18..9.2e18).contains(&sec) {
            return Err(overflow("timestamp out of range for platform time_t"));
        }
        return Ok(libc::timespec { tv_sec: sec as i64, tv_nsec: nsec as i64 });
    }
    let sec = crate::objects::long_convert::as_i64_with(crate::abstract_::number::index(op)?.as_ptr(), "timestamp out of range for platform time_t")?;
    Ok(libc::timespec { tv_sec: sec, tv_nsec: 0 })
}

/// Nanoseconds (any int) as a timespec.
unsafe fn timespec_of_ns(op: *mut PyObject) -> PyResult<libc::timespec> {
    let i = crate::abstract_::number::index(op)?;
    let ns = crate::objects::long_convert::int_to_i128(i.as_ptr()).ok_or_else(|| overflow("timestamp too large to convert to C _PyTime_t"))?;
    Ok(libc::timespec { tv_sec: ns.div_euclid(1_000_000_000) as i64, tv_nsec: ns.rem_euclid(1_000_000_000) as i64 })
}

/// A 2-tuple's items, or None when `op` is not a tuple of two.
unsafe fn pair(op: *mut PyObject) -> Option<(*mut PyObject, *mut PyObject)> {
    if !tuple::is_tuple(op) || tuple::len(op) != 2 {
        return None;
    }
    let items = tuple::items(op);
    Some((items[0], items[1]))
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
unsafe extern "C" fn utime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "utime", names: &["path", "times", "ns", "dir_fd", "follow_symlinks"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let path = path_arg("utime", "path", b[0], PATH_OR_FD)?;
        let none = crate::abstract_::none();
        let times = b[1].filter(|&t| t != none);
        if times.is_some() && b[2].is_some() {
            return Err(value_error("utime: you may specify either 'times' or 'ns' but not both"));
        }
        let now = libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW };
        let ts = if let Some(t) = times {
            let (a, m) = pair(t).ok_or_else(|| type_error("utime: 'times' must be either a tuple of two ints or None"))?;
            [timespec_of(a)?, timespec_of(m)?]
        } else if let Some(ns) = b[2] {
            let (a, m) = pair(ns).ok_or_else(|| type_error("utime: 'ns' must be a tuple of two ints"))?;
            [timespec_of_ns(a)?, timespec_of_ns(m)?]
        } else {
            [now, now]
        };
        let dir_fd = dir_fd_arg(b[3])?;
        let follow = bool_or(b[4], true)?;
        check_fd_combinations("utime", &path, dir_fd, follow)?;
        let r = if path.fd >= 0 {
            libc::futimens(path.fd, ts.as_ptr())
        } else {
            libc::utimensat(dir_fd, path.ptr(), ts.as_ptr(), if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW })
        };
        if r < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
unsafe extern "C" fn symlink(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "symlink", names: &["src", "dst", "target_is_directory", "dir_fd"], positional_only: 0, max_positional: 3, required: 2 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let src = path_arg("symlink", "src", b[0], PATH)?;
        let dst = path_arg("symlink", "dst", b[1], PATH)?;
        bool_or(b[2], false)?;
        let dir_fd = dir_fd_arg(b[3])?;
        if libc::symlinkat(src.ptr(), dir_fd, dst.ptr()) < 0 {
            return Err(src.error2(&dst));
        }
        Ok(none_ref())
    })())
}

/// `readlink(path, *, dir_fd=None)`: str or bytes like `path`.
unsafe extern "C" fn readlink(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "readlink", names: &["path", "dir_fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let path = path_arg("readlink", "path", b[0], PATH)?;
        let dir_fd = dir_fd_arg(b[1])?;
        let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
        let n = libc::readlinkat(dir_fd, path.ptr(), buf.as_mut_ptr().cast(), buf.len());
        if n < 0 {
            return Err(path.error());
        }
        name_object(&buf[..n as usize], path.is_bytes)
    })())
}

/// `link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
unsafe extern "C" fn link(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "link", names: &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let src = path_arg("link", "src", b[0], PATH)?;
        let dst = path_arg("link", "dst", b[1], PATH)?;
        let (src_dir, dst_dir) = (dir_fd_arg(b[2])?, dir_fd_arg(b[3])?);
        let flags = if bool_or(b[4], true)? { libc::AT_SYMLINK_FOLLOW } else { 0 };
        if libc::linkat(src_dir, src.ptr(), dst_dir, dst.ptr(), flags) < 0 {
            return Err(src.error2(&dst));
        }
        Ok(none_ref())
    })())
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`: a bool,
/// never an error for a failing check.
unsafe extern "C" fn access(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "access", names: &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let path = path_arg("access", "path", b[0], PATH)?;
        let mode = c_int_arg(b[1].unwrap())?;
        let dir_fd = dir_fd_arg(b[2])?;
        let mut flags = if bool_or(b[3], false)? { libc::AT_EACCESS } else { 0 };
        if !bool_or(b[4], true)? {
            flags |= libc::AT_SYMLINK_NOFOLLOW;
        }
        let r = crate::modules::posix::args::without_gil(|| libc::faccessat(dir_fd, path.ptr(), mode, flags));
        Ok(crate::abstract_::compare::bool_ref(r == 0))
    })())
}

/// `chdir(path)`: path may be a descriptor.
unsafe extern "C" fn chdir(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "chdir", names: &["path"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let path = path_arg("chdir", "path", b[0], PATH_OR_FD)?;
        let r = if path.fd >= 0 { libc::fchdir(path.fd) } else { libc::chdir(path.ptr()) };
        if r < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `mkfifo(path, mode=0o666, *, dir_fd=None)`.
unsafe extern "C" fn mkfifo(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "mkfifo", names: &["path", "mode", "dir_fd"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let b = bound(&P, (args, nargs, kwnames))?;
        let path = path_arg("mkfifo", "path", b[0], PATH)?;
        let mode = c_int_or(b[1], 0o666)?;
        let dir_fd = dir_fd_arg(b[2])?;
        if retry_eintr(|| libc::mkfifoat(dir_fd, path.ptr(), mode as libc::mode_t))? < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 14] = [
    fast_kw(c"mkdir", mkdir, c"mkdir($module, /, path, mode=511, *, dir_fd=None)\n--\n\nCreate a directory."),
    fast_kw(c"rmdir", rmdir, c"rmdir($module, /, path, *, dir_fd=None)\n--\n\nRemove a directory."),
    fast_kw(c"unlink", unlink, c"unlink($module, /, path, *, dir_fd=None)\n--\n\nRemove a file (same as remove())."),
    fast_kw(c"remove", remove, c"remove($module, /, path, *, dir_fd=None)\n--\n\nRemove a file (same as unlink())."),
    fast_kw(c"rename", rename, c"rename($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)\n--\n\nRename a file or directory."),
    fast_kw(c"replace", replace, c"replace($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)\n--\n\nRename a file or directory, overwriting the destination."),
    fast_kw(c"chmod", chmod, c"chmod($module, /, path, mode, *, dir_fd=None, follow_symlinks=True)\n--\n\nChange the access permissions of a file."),
    fast_kw(c"utime", utime, c"utime($module, /, path, times=None, *, ns=<unrepresentable>, dir_fd=None,\n      follow_symlinks=True)\n--\n\nSet the access and modified time of path."),
    fast_kw(c"symlink", symlink, c"symlink($module, /, src, dst, target_is_directory=False, *, dir_fd=None)\n--\n\nCreate a symbolic link pointing to src named dst."),
    fast_kw(c"readlink", readlink, c"readlink($module, /, path, *, dir_fd=None)\n--\n\nReturn a string representing the path to which the symbolic link points."),
    fast_kw(c"link", link, c"link($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None,\n     follow_symlinks=True)\n--\n\nCreate a hard link to a file."),
    fast_kw(c"access", access, c"access($module, /, path, mode, *, dir_fd=None, effective_ids=False,\n       follow_symlinks=True)\n--\n\nUse the real uid/gid to test for access to a path."),
    fast_kw(c"chdir", chdir, c"chdir($module, /, path)\n--\n\nChange the current working directory to the specified path."),
    fast_kw(c"mkfifo", mkfifo, c"mkfifo($module, /, path, mode=438, *, dir_fd=None)\n--\n\nCreate a \"fifo\" (a POSIX named pipe)."),
];

