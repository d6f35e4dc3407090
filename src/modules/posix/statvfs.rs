//! File-system statistics: `statvfs(path)` (path may be a descriptor) and `fstatvfs(fd)`,
//! as `statvfs_result`.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, errno_error, retry_eintr};
use crate::modules::posix::path::{path_arg, PATH_OR_FD};
use crate::modules::posix::structseqs::{instance, STATVFS_RESULT};
use crate::modules::{fast_kw, meth, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::int;

unsafe fn result_of(st: &libc::statvfs) -> PyResult<PyRef> {
    let values = [
        st.f_bsize as u64,
        st.f_frsize as u64,
        st.f_blocks as u64,
        st.f_bfree as u64,
        st.f_bavail as u64,
        st.f_files as u64,
        st.f_ffree as u64,
        st.f_favail as u64,
        st.f_flag as u64,
        st.f_namemax as u64,
        st.f_fsid as u64,
    ];
    instance(STATVFS_RESULT, values.iter().map(|&v| int::from_u64(v)).collect::<PyResult<Vec<_>>>()?)
}

/// `statvfs(path)`.
unsafe extern "C" fn statvfs(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "statvfs", names: &["path"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("statvfs", "path", b[0], PATH_OR_FD)?;
        let mut st: libc::statvfs = core::mem::zeroed();
        let r = if path.fd >= 0 {
            retry_eintr(|| libc::fstatvfs(path.fd, &mut st))?
        } else {
            crate::modules::posix::args::without_gil(|| libc::statvfs(path.ptr(), &mut st))
        };
        if r < 0 {
            return Err(path.error());
        }
        result_of(&st)
    })())
}

/// `fstatvfs(fd, /)`.
unsafe extern "C" fn fstatvfs(_m: *mut PyObject, fd: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let fd = c_int_arg(fd)?;
        let mut st: libc::statvfs = core::mem::zeroed();
        if retry_eintr(|| libc::fstatvfs(fd, &mut st))? < 0 {
            return Err(errno_error());
        }
        result_of(&st)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 2] = [
    fast_kw(c"statvfs", statvfs, c"statvfs($module, /, path)\n--\n\nPerform a statvfs system call on the given path."),
    meth(c"fstatvfs", fstatvfs, METH_O, c"fstatvfs($module, fd, /)\n--\n\nPerform an fstatvfs system call on the given fd."),
];
