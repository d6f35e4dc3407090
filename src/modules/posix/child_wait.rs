//! Waiting for children with resource usage or by id type: `wait3`, `wait4` (their
//! usage as `resource.struct_rusage`), `waitid` (as `waitid_result`).
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, check_args, errno_error, retry_eintr};
use crate::modules::posix::structseqs::{instance, WAITID_RESULT};
use crate::modules::{args_slice, fast, fast_kw, none_ref, owned, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{float, int, tuple};

/// `resource.struct_rusage` of `ru` (the `resource` module is imported on first use).
unsafe fn rusage_object(ru: &libc::rusage) -> PyResult<PyRef> {
    let module = owned(crate::import::api::PyImport_ImportModule(c"resource".as_ptr()))?;
    let name = crate::objects::str::intern("struct_rusage")?;
    let tp = crate::object::object_attr::get_attr(module.as_ptr(), name.as_ptr())?;
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    let counts = [
        ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss, ru.ru_minflt, ru.ru_majflt, ru.ru_nswap,
        ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw,
    ];
    let mut items = vec![float::new(seconds(ru.ru_utime))?, float::new(seconds(ru.ru_stime))?];
    for c in counts {
        items.push(int::from_i64(c as i64)?);
    }
    let fields = tuple::from_vec(items)?;
    let args = tuple::from_vec(vec![fields])?;
    owned(crate::abstract_::call::PyObject_Call(tp.as_ptr(), args.as_ptr(), core::ptr::null_mut()))
}

unsafe fn wait_result(pid: libc::pid_t, status: c_int, ru: &libc::rusage) -> PyResult<PyRef> {
    if pid < 0 {
        return Err(errno_error());
    }
    tuple::from_vec(vec![int::from_i64(pid as i64)?, int::from_i64(status as i64)?, rusage_object(ru)?])
}

/// `wait3(options)`: `(pid, status, rusage)`.
unsafe extern "C" fn wait3(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "wait3", names: &["options"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let options = c_int_arg(b[0].unwrap())?;
        let (mut status, mut ru): (c_int, libc::rusage) = (0, core::mem::zeroed());
        let pid = retry_eintr(|| libc::wait4(-1, &mut status, options, &mut ru))?;
        wait_result(pid, status, &ru)
    })())
}

/// `wait4(pid, options)`: `(pid, status, rusage)`.
unsafe extern "C" fn wait4(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "wait4", names: &["pid", "options"], positional_only: 0, max_positional: 2, required: 2 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let pid = c_int_arg(b[0].unwrap())?;
        let options = c_int_arg(b[1].unwrap())?;
        let (mut status, mut ru): (c_int, libc::rusage) = (0, core::mem::zeroed());
        let r = retry_eintr(|| libc::wait4(pid, &mut status, options, &mut ru))?;
        wait_result(r, status, &ru)
    })())
}

/// `waitid(idtype, id, options, /)`: a `waitid_result`, or None when WNOHANG found no
/// child to report.
unsafe extern "C" fn waitid(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"waitid", a.len(), 3, 3)?;
        let idtype = c_int_arg(a[0])?;
        let id = c_int_arg(a[1])?;
        let options = c_int_arg(a[2])?;
        let mut info: libc::siginfo_t = core::mem::zeroed();
        let r = retry_eintr(|| libc::waitid(idtype as libc::idtype_t, id as libc::id_t, &mut info, options))?;
        if r < 0 {
            return Err(errno_error());
        }
        if info.si_pid() == 0 {
            return Ok(none_ref());
        }
        let items = vec![
            int::from_i64(info.si_pid() as i64)?,
            crate::modules::posix::ids::id_object(info.si_uid())?,
            int::from_i64(info.si_signo as i64)?,
            int::from_i64(info.si_status() as i64)?,
            int::from_i64(info.si_code as i64)?,
        ];
        instance(WAITID_RESULT, items)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 3] = [
    fast_kw(c"wait3", wait3, c"wait3($module, /, options)\n--\n\nWait for completion of a child process.\n\nReturns a tuple of information about the child process:\n  (pid, status, rusage)"),
    fast_kw(c"wait4", wait4, c"wait4($module, /, pid, options)\n--\n\nWait for completion of a specific child process.\n\nReturns a tuple of information about the child process:\n  (pid, status, rusage)"),
    fast(c"waitid", waitid, c"waitid($module, idtype, id, options, /)\n--\n\nReturns the result of waiting for a process or processes."),
];
