//! User, group and session identity: the `set*id` family, `getresuid`/`getresgid`,
//! supplementary groups (`getgroups`, `setgroups`, `getgrouplist`, `initgroups`),
//! `setsid`, `setpgid`, `setpgrp`, `getlogin`, `killpg`, `getpriority`/`setpriority`.
//! Ids convert as CPython's uid/gid converters do: `-1` means "unchanged" (`(uid_t)-1`).
use core::ffi::{c_int, CStr};

use crate::abstract_::{tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{c_int_arg, fs_bytes, check_args, errno_error, overflow};
use crate::modules::{args_slice, fast, meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{int, list, long_convert, tuple};

/// A uid or gid argument; `what` is "uid" or "gid" for the messages.
pub(crate) unsafe fn id_arg(op: *mut PyObject, what: &str) -> PyResult<u32> {
    if crate::abstract_::number::PyIndex_Check(op) == 0 || crate::objects::float::is_float(op) {
        return Err(type_error(format!("{what} should be integer, not {}", tp_name(op))));
    }
    let i = crate::abstract_::number::index(op)?;
    let too_small = || overflow(&format!("{what} is less than minimum"));
    match long_convert::int_to_i128(i.as_ptr()) {
        Some(-1) => Ok(u32::MAX),
        Some(v) if v < 0 => Err(too_small()),
        // CPython reports any other value a uid_t cannot hold as "less than minimum"
        // while it fits a C long, and "greater than maximum" beyond.
        Some(v) if v > u32::MAX as i128 && v <= i64::MAX as i128 => Err(too_small()),
        Some(v) if v <= u32::MAX as i128 => Ok(v as u32),
        _ => Err(overflow(&format!("{what} is greater than maximum"))),
    }
}

/// A uid/gid as a Python int (`(uid_t)-1` as -1).
pub(crate) fn id_object(v: u32) -> PyResult<PyRef> {
    int::from_i64(if v == u32::MAX { -1 } else { v as i64 })
}

unsafe fn unit_result(r: c_int) -> PyResult<PyRef> {
    if r < 0 {
        return Err(errno_error());
    }
    Ok(none_ref())
}

macro_rules! set_one_id {
    ($fn_name:ident, $what:literal, $call:path) => {
        unsafe extern "C" fn $fn_name(_m: *mut PyObject, id: *mut PyObject) -> *mut PyObject {
            ret((|| unit_result($call(id_arg(id, $what)?)))())
        }
    };
}

set_one_id!(setuid, "uid", libc::setuid);
set_one_id!(seteuid, "uid", libc::seteuid);
set_one_id!(setgid, "gid", libc::setgid);
set_one_id!(setegid, "gid", libc::setegid);

macro_rules! set_ids {
    ($fn_name:ident, $py:literal, $what:literal, $n:literal, $call:expr) => {
        unsafe extern "C" fn $fn_name(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
            ret((|| {
                let a = args_slice(args, nargs);
                check_args($py, a.len(), $n, $n)?;
                let ids = a.iter().map(|&o| id_arg(o, $what)).collect::<PyResult<Vec<u32>>>()?;
                unit_result($call(&ids))
            })())
        }
    };
}

set_ids!(setreuid, c"setreuid", "uid", 2, |i: &[u32]| libc::setreuid(i[0], i[1]));
set_ids!(setregid, c"setregid", "gid", 2, |i: &[u32]| libc::setregid(i[0], i[1]));
set_ids!(setresuid, c"setresuid", "uid", 3, |i: &[u32]| libc::setresuid(i[0], i[1], i[2]));
set_ids!(setresgid, c"setresgid", "gid", 3, |i: &[u32]| libc::setresgid(i[0], i[1], i[2]));

unsafe fn id_triple(ids: [u32; 3]) -> PyResult<PyRef> {
    tuple::from_vec(ids.iter().map(|&v| id_object(v)).collect::<PyResult<Vec<_>>>()?)
}

/// `getresuid()`: `(ruid, euid, suid)`.
unsafe extern "C" fn getresuid(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let mut ids = [0u32; 3];
    if libc::getresuid(&mut ids[0], &mut ids[1], &mut ids[2]) < 0 {
        return ret(Err(errno_error()));
    }
    ret(id_triple(ids))
}

/// `getresgid()`: `(rgid, egid, sgid)`.
unsafe extern "C" fn getresgid(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let mut ids = [0u32; 3];
    if libc::getresgid(&mut ids[0], &mut ids[1], &mut ids[2]) < 0 {
        return ret(Err(errno_error()));
    }
    ret(id_triple(ids))
}

unsafe fn gid_list(groups: &[libc::gid_t]) -> PyResult<PyRef> {
    let out = list::new(0)?;
    for &g in groups {
        list::append(out.as_ptr(), id_object(g)?.as_ptr())?;
    }
    Ok(out)
}

/// `getgroups()`: the supplementary group ids.
unsafe extern "C" fn getgroups(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let n = libc::getgroups(0, core::ptr::null_mut());
        if n < 0 {
            return Err(errno_error());
        }
        let mut groups = vec![0 as libc::gid_t; n as usize];
        let n = libc::getgroups(n, groups.as_mut_ptr());
        if n < 0 {
            return Err(errno_error());
        }
        gid_list(&groups[..n as usize])
    })())
}

/// `setgroups(groups, /)`.
unsafe extern "C" fn setgroups(_m: *mut PyObject, groups: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if crate::abstract_::sequence::PySequence_Check(groups) == 0 {
            return Err(type_error("setgroups argument must be a sequence"));
        }
        let n = crate::abstract_::sequence::PySequence_Size(groups);
        if n < 0 {
            return Err(Raised::assume_set());
        }
        if n as usize > crate::modules::posix::constants::NGROUPS_MAX {
            return Err(crate::modules::posix::args::value_error("too many groups"));
        }
        let mut gids = Vec::with_capacity(n as usize);
        for i in 0..n {
            let item = crate::modules::owned(crate::abstract_::item::PySequence_GetItem(groups, i))?;
            if !int::is_int(item.as_ptr()) {
                return Err(type_error("groups must be integers"));
            }
            gids.push(id_arg(item.as_ptr(), "gid")?);
        }
        unit_result(libc::setgroups(gids.len(), gids.as_ptr()))
    })())
}

/// `getgrouplist(user, group, /)`: the groups `user` belongs to, `group` included.
unsafe extern "C" fn getgrouplist(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"getgrouplist", a.len(), 2, 2)?;
        // A str only (the `s` format: UTF-8, no NUL), unlike initgroups.
        if !crate::objects::str::is_str(a[0]) {
            return Err(type_error(format!("getgrouplist() argument 1 must be str, not {}", tp_name(a[0]))));
        }
        let user = std::ffi::CString::new(crate::objects::str_utf8::as_str(a[0])?)
            .map_err(|_| crate::modules::posix::args::value_error("embedded null character"))?;
        let group = id_arg(a[1], "gid")?;
        let mut n: c_int = 64;
        loop {
            let mut groups = vec![0 as libc::gid_t; n as usize];
            let mut count = n;
            if libc::getgrouplist(user.as_ptr(), group, groups.as_mut_ptr(), &mut count) >= 0 {
                return gid_list(&groups[..count as usize]);
            }
            // Too small: `count` now says how many there are (glibc), else double.
            n = if count > n { count } else { n.checked_mul(2).ok_or_else(|| overflow("too many groups"))? };
        }
    })())
}

/// `initgroups(username, gid, /)`.
unsafe extern "C" fn initgroups(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"initgroups", a.len(), 2, 2)?;
        let user = fs_bytes(a[0])?;
        let gid = id_arg(a[1], "gid")?;
        unit_result(libc::initgroups(user.as_ptr(), gid))
    })())
}

/// `setsid()`.
unsafe extern "C" fn setsid(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(unit_result(libc::setsid()))
}

/// `setpgrp()`: `setpgid(0, 0)`.
unsafe extern "C" fn setpgrp(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(unit_result(libc::setpgid(0, 0)))
}

/// `setpgid(pid, pgrp, /)`.
unsafe extern "C" fn setpgid(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"setpgid", a.len(), 2, 2)?;
        unit_result(libc::setpgid(c_int_arg(a[0])?, c_int_arg(a[1])?))
    })())
}

/// `killpg(pgid, signal, /)`.
unsafe extern "C" fn killpg(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"killpg", a.len(), 2, 2)?;
        unit_result(libc::killpg(c_int_arg(a[0])?, c_int_arg(a[1])?))
    })())
}

/// `getlogin()`: the name of the user logged in on the controlling terminal.
unsafe extern "C" fn getlogin(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        *libc::__errno_location() = 0;
        let name = libc::getlogin();
        if name.is_null() {
            if *libc::__errno_location() != 0 {
                return Err(errno_error());
            }
            return Err(crate::object::pending_error::raise_type(&raw mut crate::errors::exception_types::_PyExc_OSError, "unable to determine login name"));
        }
        crate::codecs::fs_encoding::decode(CStr::from_ptr(name).to_bytes())
    })())
}

/// `getpriority(which, who, /)`: -1 is a valid priority, so errno tells failure.
unsafe extern "C" fn getpriority(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"getpriority", a.len(), 2, 2)?;
        let (which, who) = (c_int_arg(a[0])?, c_int_arg(a[1])?);
        *libc::__errno_location() = 0;
        let r = libc::getpriority(which as libc::__priority_which_t, who as libc::id_t);
        if r == -1 && *libc::__errno_location() != 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `setpriority(which, who, priority, /)`.
unsafe extern "C" fn setpriority(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"setpriority", a.len(), 3, 3)?;
        let (which, who, prio) = (c_int_arg(a[0])?, c_int_arg(a[1])?, c_int_arg(a[2])?);
        unit_result(libc::setpriority(which as libc::__priority_which_t, who as libc::id_t, prio))
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 21] = [
    meth(c"setuid", setuid, METH_O, c"setuid($module, uid, /)\n--\n\nSet the current process's user id."),
    meth(c"seteuid", seteuid, METH_O, c"seteuid($module, euid, /)\n--\n\nSet the current process's effective user id."),
    meth(c"setgid", setgid, METH_O, c"setgid($module, gid, /)\n--\n\nSet the current process's group id."),
    meth(c"setegid", setegid, METH_O, c"setegid($module, egid, /)\n--\n\nSet the current process's effective group id."),
    fast(c"setreuid", setreuid, c"setreuid($module, ruid, euid, /)\n--\n\nSet the current process's real and effective user ids."),
    fast(c"setregid", setregid, c"setregid($module, rgid, egid, /)\n--\n\nSet the current process's real and effective group ids."),
    fast(c"setresuid", setresuid, c"setresuid($module, ruid, euid, suid, /)\n--\n\nSet the current process's real, effective, and saved user ids."),
    fast(c"setresgid", setresgid, c"setresgid($module, rgid, egid, sgid, /)\n--\n\nSet the current process's real, effective, and saved group ids."),
    meth(c"getresuid", getresuid, METH_NOARGS, c"getresuid($module, /)\n--\n\nReturn a tuple of the current process's real, effective, and saved user ids."),
    meth(c"getresgid", getresgid, METH_NOARGS, c"getresgid($module, /)\n--\n\nReturn a tuple of the current process's real, effective, and saved group ids."),
    meth(c"getgroups", getgroups, METH_NOARGS, c"getgroups($module, /)\n--\n\nReturn list of supplemental group IDs for the process."),
    meth(c"setgroups", setgroups, METH_O, c"setgroups($module, groups, /)\n--\n\nSet the groups of the current process to list."),
    fast(c"getgrouplist", getgrouplist, c"getgrouplist($module, user, group, /)\n--\n\nReturns a list of groups to which a user belongs."),
    fast(c"initgroups", initgroups, c"initgroups($module, username, gid, /)\n--\n\nInitialize the group access list."),
    meth(c"setsid", setsid, METH_NOARGS, c"setsid($module, /)\n--\n\nCall the system call setsid()."),
    meth(c"setpgrp", setpgrp, METH_NOARGS, c"setpgrp($module, /)\n--\n\nMake the current process the leader of its process group."),
    fast(c"setpgid", setpgid, c"setpgid($module, pid, pgrp, /)\n--\n\nCall the system call setpgid(pid, pgrp)."),
    fast(c"killpg", killpg, c"killpg($module, pgid, signal, /)\n--\n\nKill a process group with a signal."),
    meth(c"getlogin", getlogin, METH_NOARGS, c"getlogin($module, /)\n--\n\nReturn the actual login name."),
    fast(c"getpriority", getpriority, c"getpriority($module, which, who, /)\n--\n\nReturn program scheduling priority."),
    fast(c"setpriority", setpriority, c"setpriority($module, which, who, priority, /)\n--\n\nSet program scheduling priority."),
];
