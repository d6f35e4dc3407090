//! `stat`, `lstat`, `fstat` and the `stat_result` they build (integer times by index,
//! float times and `_ns` integers by name, as CPython).
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{bool_or, c_int_arg, dir_fd_arg, errno_error, retry_eintr};
use crate::modules::posix::path::{check_fd_combinations, path_arg, PathArg, PATH, PATH_OR_FD};
use crate::modules::posix::structseqs::{instance, STAT_RESULT};
use crate::modules::{fast_kw, meth, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{float, int};

/// The `stat_result` of a `struct stat`.
pub(crate) unsafe fn stat_result(st: &libc::stat) -> PyResult<PyRef> {
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let mut items = vec![
        int::from_i64(st.st_mode as i64)?,
        int::from_u64(st.st_ino)?,
        int::from_u64(st.st_dev)?,
        int::from_i64(st.st_nlink as i64)?,
        int::from_i64(st.st_uid as i64)?,
        int::from_i64(st.st_gid as i64)?,
        int::from_i64(st.st_size)?,
    ];
    for &(sec, _) in &times {
        items.push(int::from_i64(sec)?);
    }
    for &(sec, nsec) in &times {
        items.push(float::new(sec as f64 + nsec as f64 * 1e-9)?);
    }
    for &(sec, nsec) in &times {
        items.push(int::from_i128(sec as i128 * 1_000_000_000 + nsec as i128)?);
    }
    items.push(int::from_i64(st.st_blksize)?);
    items.push(int::from_i64(st.st_blocks)?);
    items.push(int::from_u64(st.st_rdev)?);
    instance(STAT_RESULT, items)
}

/// `stat(2)` of a path (relative to `dir_fd`, not following a final symlink when asked) or
/// of a descriptor.
pub(crate) unsafe fn stat_raw(path: &PathArg, dir_fd: c_int, follow_symlinks: bool) -> PyResult<Result<libc::stat, ()>> {
    let mut st: libc::stat = core::mem::zeroed();
    let r = if path.fd >= 0 {
        retry_eintr(|| libc::fstat(path.fd, &mut st))?
    } else {
        let flags = if follow_symlinks { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        retry_eintr(|| libc::fstatat(dir_fd, path.ptr(), &mut st, flags))?
    };
    Ok(if r == 0 { Ok(st) } else { Err(()) })
}

unsafe fn do_stat(function: &str, path: Option<*mut PyObject>, dir_fd: Option<*mut PyObject>, follow: bool, allow_fd: bool) -> PyResult<PyRef> {
    let path = path_arg(function, "path", path, if allow_fd { PATH_OR_FD } else { PATH })?;
    let dir_fd = dir_fd_arg(dir_fd)?;
    check_fd_combinations(function, &path, dir_fd, follow)?;
    match stat_raw(&path, dir_fd, follow)? {
        Ok(st) => stat_result(&st),
        Err(()) => Err(path.error()),
    }
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)`.
unsafe extern "C" fn stat(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "stat", names: &["path", "dir_fd", "follow_symlinks"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let follow = bool_or(b[2], true)?;
        do_stat("stat", b[0], b[1], follow, true)
    })())
}

/// `lstat(path, *, dir_fd=None)`.
unsafe extern "C" fn lstat(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "lstat", names: &["path", "dir_fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        do_stat("lstat", b[0], b[1], false, false)
    })())
}

/// `fstat(fd)`.
unsafe extern "C" fn fstat(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "fstat", names: &["fd"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let fd = c_int_arg(b[0].unwrap())?;
        let mut st: libc::stat = core::mem::zeroed();
        if retry_eintr(|| libc::fstat(fd, &mut st))? != 0 {
            return Err(errno_error());
        }
        stat_result(&st)
    })())
}

/// `major(device)`, `minor(device)`, `makedev(major, minor)`.
unsafe extern "C" fn major(_m: *mut PyObject, dev: *mut PyObject) -> *mut PyObject {
    ret(crate::modules::posix::args::dev_arg(dev).and_then(|d| int::from_i64(libc::major(d) as i64)))
}

unsafe extern "C" fn minor(_m: *mut PyObject, dev: *mut PyObject) -> *mut PyObject {
    ret(crate::modules::posix::args::dev_arg(dev).and_then(|d| int::from_i64(libc::minor(d) as i64)))
}

pub(crate) const FUNCTIONS: [PyMethodDef; 5] = [
    fast_kw(c"stat", stat, c"stat($module, /, path, *, dir_fd=None, follow_symlinks=True)\n--\n\nPerform a stat system call on the given path."),
    fast_kw(c"lstat", lstat, c"lstat($module, /, path, *, dir_fd=None)\n--\n\nPerform a stat system call on the given path, without following symbolic links."),
    fast_kw(c"fstat", fstat, c"fstat($module, /, fd)\n--\n\nPerform a stat system call on the given file descriptor."),
    meth(c"major", major, METH_O, c"major($module, device, /)\n--\n\nExtracts a device major number from a raw device number."),
    meth(c"minor", minor, METH_O, c"minor($module, device, /)\n--\n\nExtracts a device minor number from a raw device number."),
];
