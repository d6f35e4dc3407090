//! Ownership, modes and roots of files: `chown`/`fchown`/`lchown`, `fchmod`, `fchdir`,
//! `chroot`, and device nodes (`mknod`, `makedev`).
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{bool_or, c_int_arg, c_int_or, check_args, dir_fd_arg, errno_error, retry_eintr, value_error};
use crate::modules::posix::fds::fildes;
use crate::modules::posix::ids::id_arg;
use crate::modules::posix::path::{path_arg, PATH, PATH_OR_FD};
use crate::modules::{args_slice, fast, fast_kw, none_ref, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::int;

unsafe fn done(r: libc::c_int) -> PyResult<PyRef> {
    if r < 0 {
        return Err(errno_error());
    }
    Ok(none_ref())
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`; path may be a descriptor.
unsafe extern "C" fn chown(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "chown", names: &["path", "uid", "gid", "dir_fd", "follow_symlinks"], positional_only: 0, max_positional: 3, required: 3 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("chown", "path", b[0], PATH_OR_FD)?;
        let uid = id_arg(b[1].unwrap(), "uid")?;
        let gid = id_arg(b[2].unwrap(), "gid")?;
        let dir_fd = dir_fd_arg(b[3])?;
        let follow = bool_or(b[4], true)?;
        if path.fd != -1 && dir_fd != libc::AT_FDCWD {
            return Err(value_error("chown: can't specify both dir_fd and fd"));
        }
        // CPython tests `fd > 0` here, so descriptor 0 is let through.
        if path.fd > 0 && !follow {
            return Err(value_error("chown: cannot use fd and follow_symlinks together"));
        }
        let r = if path.fd >= 0 {
            libc::fchown(path.fd, uid, gid)
        } else {
            libc::fchownat(dir_fd, path.ptr(), uid, gid, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW })
        };
        if r < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `lchown(path, uid, gid)`: the link itself.
unsafe extern "C" fn lchown(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "lchown", names: &["path", "uid", "gid"], positional_only: 0, max_positional: 3, required: 3 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("lchown", "path", b[0], PATH)?;
        let uid = id_arg(b[1].unwrap(), "uid")?;
        let gid = id_arg(b[2].unwrap(), "gid")?;
        if libc::lchown(path.ptr(), uid, gid) < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `fchown(fd, uid, gid)`.
unsafe extern "C" fn fchown(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "fchown", names: &["fd", "uid", "gid"], positional_only: 0, max_positional: 3, required: 3 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = c_int_arg(b[0].unwrap())?;
        let uid = id_arg(b[1].unwrap(), "uid")?;
        let gid = id_arg(b[2].unwrap(), "gid")?;
        done(retry_eintr(|| libc::fchown(fd, uid, gid))?)
    })())
}

/// `fchmod(fd, mode)`.
unsafe extern "C" fn fchmod(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "fchmod", names: &["fd", "mode"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = c_int_arg(b[0].unwrap())?;
        let mode = c_int_arg(b[1].unwrap())?;
        done(retry_eintr(|| libc::fchmod(fd, mode as libc::mode_t))?)
    })())
}

/// `fchdir(fd)`: fd may be an object with `fileno()`.
unsafe extern "C" fn fchdir(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "fchdir", names: &["fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = fildes(b[0].unwrap())?;
        done(retry_eintr(|| libc::fchdir(fd))?)
    })())
}

/// `chroot(path)`.
unsafe extern "C" fn chroot(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "chroot", names: &["path"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("chroot", "path", b[0], PATH)?;
        if libc::chroot(path.ptr()) < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `mknod(path, mode=0o600, device=0, *, dir_fd=None)`.
unsafe extern "C" fn mknod(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "mknod", names: &["path", "mode", "device", "dir_fd"], positional_only: 0, max_positional: 3, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("mknod", "path", b[0], PATH)?;
        let mode = c_int_or(b[1], 0o600)?;
        let device = match b[2] {
            Some(d) => crate::modules::posix::args::dev_arg(d)?,
            None => 0,
        };
        let dir_fd = dir_fd_arg(b[3])?;
        if libc::mknodat(dir_fd, path.ptr(), mode as libc::mode_t, device) < 0 {
            return Err(path.error());
        }
        Ok(none_ref())
    })())
}

/// `makedev(major, minor, /)`.
unsafe extern "C" fn makedev(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"makedev", a.len(), 2, 2)?;
        let (major, minor) = (c_int_arg(a[0])?, c_int_arg(a[1])?);
        // C ints, and the result as a signed dev_t, as CPython's converters do.
        int::from_i64(libc::makedev(major as u32, minor as u32) as i64)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 8] = [
    fast_kw(c"chown", chown, c"chown($module, /, path, uid, gid, *, dir_fd=None, follow_symlinks=True)\n--\n\nChange the owner and group id of path to the numeric uid and gid."),
    fast_kw(c"lchown", lchown, c"lchown($module, /, path, uid, gid)\n--\n\nChange the owner and group id of path to the numeric uid and gid.\n\nThis function will not follow symbolic links."),
    fast_kw(c"fchown", fchown, c"fchown($module, /, fd, uid, gid)\n--\n\nChange the owner and group id of the file specified by file descriptor."),
    fast_kw(c"fchmod", fchmod, c"fchmod($module, /, fd, mode)\n--\n\nChange the access permissions of the file given by file descriptor fd."),
    fast_kw(c"fchdir", fchdir, c"fchdir($module, /, fd)\n--\n\nChange to the directory of the given file descriptor."),
    fast_kw(c"chroot", chroot, c"chroot($module, /, path)\n--\n\nChange root directory to path."),
    fast_kw(c"mknod", mknod, c"mknod($module, /, path, mode=384, device=0, *, dir_fd=None)\n--\n\nCreate a node in the file system."),
    fast(c"makedev", makedev, c"makedev($module, major, minor, /)\n--\n\nComposes a raw device number from the major and minor device numbers."),
];
