//! Copies between descriptors inside the kernel: `sendfile` (shutil's fast copy),
//! `copy_file_range` and `splice`. An offset of None means the descriptor's own position.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, c_int_or, errno_error, i64_arg, retry_eintr, value_error};
use crate::modules::{fast_kw, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::int;

/// An optional offset: None (or absent) is no offset.
unsafe fn offset_arg(op: Option<*mut PyObject>) -> PyResult<Option<i64>> {
    match op {
        None => Ok(None),
        Some(o) if o == crate::abstract_::none() => Ok(None),
        Some(o) => i64_arg(o).map(Some),
    }
}

fn offset_ptr(o: &mut Option<i64>) -> *mut i64 {
    o.as_mut().map_or(core::ptr::null_mut(), |v| v as *mut i64)
}

/// A `count` that must not be negative (a C size_t).
unsafe fn count_arg(op: *mut PyObject) -> PyResult<usize> {
    let v = i64_arg(op)?;
    usize::try_from(v).map_err(|_| value_error("negative value for 'count' not allowed"))
}

unsafe fn count_result(n: isize) -> PyResult<PyRef> {
    if n < 0 {
        return Err(errno_error());
    }
    int::from_i64(n as i64)
}

/// `sendfile(out_fd, in_fd, offset, count)`: the number of bytes sent.
unsafe extern "C" fn sendfile(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "sendfile", names: &["out_fd", "in_fd", "offset", "count"], positional_only: 0, max_positional: 4, required: 4 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let out_fd = c_int_arg(b[0].unwrap())?;
        let in_fd = c_int_arg(b[1].unwrap())?;
        let mut offset = offset_arg(b[2])?;
        // A negative count reaches the kernel as a huge size_t (EINVAL), as in CPython.
        let count = i64_arg(b[3].unwrap())? as usize;
        let off = offset_ptr(&mut offset);
        count_result(retry_eintr(|| libc::sendfile(out_fd, in_fd, off, count))?)
    })())
}

/// `copy_file_range(src, dst, count, offset_src=None, offset_dst=None)`.
unsafe extern "C" fn copy_file_range(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "copy_file_range", names: &["src", "dst", "count", "offset_src", "offset_dst"], positional_only: 0, max_positional: 5, required: 3 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let src = c_int_arg(b[0].unwrap())?;
        let dst = c_int_arg(b[1].unwrap())?;
        let count = count_arg(b[2].unwrap())?;
        let (mut off_src, mut off_dst) = (offset_arg(b[3])?, offset_arg(b[4])?);
        let (ps, pd) = (offset_ptr(&mut off_src), offset_ptr(&mut off_dst));
        count_result(retry_eintr(|| libc::copy_file_range(src, ps, dst, pd, count, 0))?)
    })())
}

/// `splice(src, dst, count, offset_src=None, offset_dst=None, flags=0)`.
unsafe extern "C" fn splice(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "splice", names: &["src", "dst", "count", "offset_src", "offset_dst", "flags"], positional_only: 0, max_positional: 6, required: 3 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let src = c_int_arg(b[0].unwrap())?;
        let dst = c_int_arg(b[1].unwrap())?;
        let count = count_arg(b[2].unwrap())?;
        let (mut off_src, mut off_dst) = (offset_arg(b[3])?, offset_arg(b[4])?);
        let flags: c_int = c_int_or(b[5], 0)?;
        let (ps, pd) = (offset_ptr(&mut off_src), offset_ptr(&mut off_dst));
        count_result(retry_eintr(|| libc::splice(src, ps, dst, pd, count, flags as libc::c_uint))?)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 3] = [
    fast_kw(c"sendfile", sendfile, c"sendfile($module, /, out_fd, in_fd, offset, count)\n--\n\nCopy count bytes from file descriptor in_fd to file descriptor out_fd."),
    fast_kw(c"copy_file_range", copy_file_range, c"copy_file_range($module, /, src, dst, count, offset_src=None,\n                offset_dst=None)\n--\n\nCopy count bytes from one file descriptor to another."),
    fast_kw(c"splice", splice, c"splice($module, /, src, dst, count, offset_src=None, offset_dst=None,\n       flags=0)\n--\n\nTransfer count bytes from one pipe to a descriptor or vice versa."),
];
