//! The process: ids (`getpid`, `getuid`, ...), `kill`, `_exit`, `abort`, `umask`, `fork`
//! with `register_at_fork` callbacks, `execv`/`execve`, `waitpid`/`wait` and the
//! `W*` status decoders, `waitstatus_to_exitcode`, `times`.
use core::ffi::{c_char, c_int};
use std::ffi::CString;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{tp_name, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{check_args, fs_bytes, c_int_arg, errno_error, retry_eintr, value_error};
use crate::modules::posix::path::{path_arg, PATH};
use crate::modules::posix::structseqs::{instance, TIMES_RESULT};
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, owned, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{float, int, list, tuple};

macro_rules! id_getter {
    ($fn_name:ident, $call:expr) => {
        unsafe extern "C" fn $fn_name(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
            ret(int::from_i64($call as i64))
        }
    };
}

id_getter!(getpid, libc::getpid());
id_getter!(getppid, libc::getppid());
id_getter!(getuid, libc::getuid());
id_getter!(geteuid, libc::geteuid());
id_getter!(getgid, libc::getgid());
id_getter!(getegid, libc::getegid());
id_getter!(getpgrp, libc::getpgrp());

/// `getsid(pid, /)`, `getpgid(pid, /)`.
unsafe extern "C" fn getsid(_m: *mut PyObject, pid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = libc::getsid(c_int_arg(pid)?);
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

unsafe extern "C" fn getpgid(_m: *mut PyObject, pid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = libc::getpgid(c_int_arg(pid)?);
        if r < 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

/// `kill(pid, signal, /)`: a Python handler for a signal sent to ourselves runs before
/// `kill` returns, as in CPython.
unsafe extern "C" fn kill(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"kill", a.len(), 2, 2)?;
        let pid = c_int_arg(a[0])?;
        let sig = c_int_arg(a[1])?;
        if libc::kill(pid, sig) < 0 {
            return Err(errno_error());
        }
        if crate::runtime::signals::PyErr_CheckSignals() < 0 {
            return Err(Raised::assume_set());
        }
        Ok(none_ref())
    })())
}

/// `_exit(status)`: ends the process at once (no cleanup, no flushing).
unsafe extern "C" fn exit_now(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "_exit", names: &["status"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let status = c_int_arg(b[0].unwrap())?;
        libc::_exit(status)
    })())
}

unsafe extern "C" fn abort(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    libc::abort()
}

/// `umask(mask, /)`: the previous mask.
unsafe extern "C" fn umask(_m: *mut PyObject, mask: *mut PyObject) -> *mut PyObject {
    ret(c_int_arg(mask).and_then(|m| int::from_i64(libc::umask(m as libc::mode_t) as i64)))
}

// ---- fork and its callbacks ----

/// `register_at_fork` callables: (before, after_in_parent, after_in_child); the runtime's
/// objects, kept until its finalization.
static mut AT_FORK: Option<[Vec<PyRef>; 3]> = None;

/// At finalization: the callables go with the interpreter that registered them (as
/// CPython's interpreter-state teardown drops them).
pub(crate) unsafe fn clear_at_fork() {
    drop((*(&raw mut AT_FORK)).take());
}

unsafe fn at_fork() -> &'static mut [Vec<PyRef>; 3] {
    (*(&raw mut AT_FORK)).get_or_insert_with(|| [Vec::new(), Vec::new(), Vec::new()])
}

/// Calls the registered callables of one kind (before: last registered first); an
/// exception is reported as unraisable, as CPython does.
unsafe fn run_at_fork(kind: usize) {
    let calls: Vec<PyRef> = at_fork()[kind].to_vec();
    let order: Box<dyn Iterator<Item = &PyRef>> = if kind == 0 { Box::new(calls.iter().rev()) } else { Box::new(calls.iter()) };
    for f in order {
        let r = crate::abstract_::call::PyObject_CallNoArgs(f.as_ptr());
        if r.is_null() {
            crate::errors::print::PyErr_WriteUnraisable(f.as_ptr());
        } else {
            drop(PyRef::from_owned(r));
        }
    }
}

/// `register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`.
unsafe extern "C" fn register_at_fork(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "register_at_fork", names: &["before", "after_in_child", "after_in_parent"], positional_only: 0, max_positional: 0, required: 0 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        // Slots: 0 before, 1 after_in_parent, 2 after_in_child; checked in parameter order.
        let given: Vec<(usize, &str, *mut PyObject)> = [(0, "before", b[0]), (2, "after_in_child", b[1]), (1, "after_in_parent", b[2])]
            .into_iter()
            .filter_map(|(k, name, f)| f.map(|f| (k, name, f)))
            .collect();
        if given.is_empty() {
            return Err(type_error("At least one argument is required."));
        }
        for &(_, name, f) in &given {
            if crate::abstract_::call::PyCallable_Check(f) == 0 {
                return Err(type_error(format!("'{name}' must be callable, not {}", tp_name(f))));
            }
        }
        for (k, _, f) in given {
            at_fork()[k].push(PyRef::from_borrowed(f).unwrap());
        }
        Ok(none_ref())
    })())
}

/// Runs a fork-like call (`fork`, `forkpty`) between the runtime's fork hooks and the
/// `register_at_fork` callables: 0 in the child, the child's pid in the parent.
pub(crate) unsafe fn fork_with_hooks(call: impl FnOnce() -> libc::pid_t) -> PyResult<libc::pid_t> {
    run_at_fork(0);
    crate::runtime::fork::PyOS_BeforeFork();
    let pid = call();
    let saved = *libc::__errno_location();
    if pid == 0 {
        crate::runtime::fork::PyOS_AfterFork_Child();
        run_at_fork(2);
    } else {
        crate::runtime::fork::PyOS_AfterFork_Parent();
        run_at_fork(1);
    }
    if pid < 0 {
        *libc::__errno_location() = saved;
        return Err(errno_error());
    }
    Ok(pid)
}

/// `fork()`: 0 in the child, the child's pid in the parent.
unsafe extern "C" fn fork(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(fork_with_hooks(|| libc::fork()).and_then(|pid| int::from_i64(pid as i64)))
}

// ---- exec ----

/// The items of a list or tuple (`execv`'s argv).
unsafe fn sequence_items(function: &str, what: &str, op: *mut PyObject) -> PyResult<Vec<*mut PyObject>> {
    if list::is_list(op) || tuple::is_tuple(op) {
        return Ok(crate::abstract_::sequence::fast_items(op).to_vec());
    }
    Err(type_error(format!("{function}() arg 2 must be a tuple or list{what}")))
}

unsafe fn argv_of(function: &str, argv: *mut PyObject) -> PyResult<Vec<CString>> {
    let items = sequence_items(function, "", argv)?;
    if items.is_empty() {
        return Err(value_error(&format!("{function}() arg 2 must not be empty")));
    }
    let out = items.iter().map(|&i| fs_bytes(i)).collect::<PyResult<Vec<_>>>()?;
    if out[0].as_bytes().is_empty() {
        return Err(value_error(&format!("{function}() arg 2 first element cannot be empty")));
    }
    Ok(out)
}

/// `NAME=VALUE` strings of an environment mapping.
pub(crate) unsafe fn envp_of(function: &str, env: *mut PyObject) -> PyResult<Vec<CString>> {
    if crate::abstract_::mapping::PyMapping_Check(env) == 0 {
        return Err(type_error(format!("{function}: environment must be a mapping object")));
    }
    let keys = owned(crate::abstract_::mapping::PyMapping_Keys(env))?;
    let mut out = Vec::new();
    for &k in crate::abstract_::sequence::fast_items(keys.as_ptr()) {
        let v = crate::abstract_::item::get_item(env, k)?;
        let (k, v) = (fs_bytes(k)?, fs_bytes(v.as_ptr())?);
        if k.as_bytes().is_empty() || k.as_bytes()[1..].contains(&b'=') {
            return Err(value_error("illegal environment variable name"));
        }
        let mut entry = k.into_bytes();
        entry.push(b'=');
        entry.extend_from_slice(v.as_bytes());
        out.push(CString::new(entry).expect("no NUL"));
    }
    Ok(out)
}

pub(crate) fn c_array(strings: &[CString]) -> Vec<*const c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(core::iter::once(core::ptr::null())).collect()
}

/// `execv(path, argv, /)`: returns only by raising.
unsafe extern "C" fn execv(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"execv", a.len(), 2, 2)?;
        let path = path_arg("execv", "path", Some(a[0]), PATH)?;
        let argv = argv_of("execv", a[1])?;
        libc::execv(path.ptr(), c_array(&argv).as_ptr());
        Err(errno_error())
    })())
}

/// `execve(path, argv, env)`.
unsafe extern "C" fn execve(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "execve", names: &["path", "argv", "env"], positional_only: 0, max_positional: 3, required: 3 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = path_arg("execve", "path", b[0], crate::modules::posix::path::PATH_OR_FD)?;
        let argv = argv_of("execve", b[1].unwrap())?;
        let envp = envp_of("execve", b[2].unwrap())?;
        let (argv, envp) = (c_array(&argv), c_array(&envp));
        if path.fd >= 0 {
            libc::fexecve(path.fd, argv.as_ptr(), envp.as_ptr());
        } else {
            libc::execve(path.ptr(), argv.as_ptr(), envp.as_ptr());
        }
        Err(path.error())
    })())
}

// ---- waiting for children ----

unsafe fn pid_status(pid: libc::pid_t, status: c_int) -> PyResult<PyRef> {
    tuple::from_vec(vec![int::from_i64(pid as i64)?, int::from_i64(status as i64)?])
}

/// `waitpid(pid, options, /)`: `(pid, status)`.
unsafe extern "C" fn waitpid(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        check_args(c"waitpid", a.len(), 2, 2)?;
        let pid = c_int_arg(a[0])?;
        let options = c_int_arg(a[1])?;
        let mut status: c_int = 0;
        let r = retry_eintr(|| libc::waitpid(pid, &mut status, options))?;
        if r < 0 {
            return Err(errno_error());
        }
        pid_status(r, status)
    })())
}

/// `wait()`: `(pid, status)` of any child.
unsafe extern "C" fn wait(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut status: c_int = 0;
        let r = retry_eintr(|| libc::wait(&mut status))?;
        if r < 0 {
            return Err(errno_error());
        }
        pid_status(r, status)
    })())
}

unsafe fn status_arg(args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject, p: &Params) -> PyResult<c_int> {
    let b = bind(p, args, nargs as usize, kwnames)?;
    c_int_arg(b[0].unwrap())
}

macro_rules! status_decoder {
    ($fn_name:ident, $py:literal, $decode:expr, $to_obj:expr) => {
        unsafe extern "C" fn $fn_name(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
            static P: Params = Params { function: $py, names: &["status"], positional_only: 0, max_positional: 1, required: 1 };
            ret(status_arg(args, nargs, kwnames, &P).map(|s| $to_obj($decode(s))))
        }
    };
}

fn bool_obj(b: bool) -> PyRef {
    crate::abstract_::compare::bool_ref(b)
}
fn int_obj(v: c_int) -> PyRef {
    int::from_i64(v as i64).expect("small int")
}

status_decoder!(wcoredump, "WCOREDUMP", libc::WCOREDUMP, bool_obj);
status_decoder!(wifcontinued, "WIFCONTINUED", libc::WIFCONTINUED, bool_obj);
status_decoder!(wifstopped, "WIFSTOPPED", libc::WIFSTOPPED, bool_obj);
status_decoder!(wifsignaled, "WIFSIGNALED", libc::WIFSIGNALED, bool_obj);
status_decoder!(wifexited, "WIFEXITED", libc::WIFEXITED, bool_obj);
status_decoder!(wexitstatus, "WEXITSTATUS", libc::WEXITSTATUS, int_obj);
status_decoder!(wtermsig, "WTERMSIG", libc::WTERMSIG, int_obj);
status_decoder!(wstopsig, "WSTOPSIG", libc::WSTOPSIG, int_obj);

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the killing signal.
unsafe extern "C" fn waitstatus_to_exitcode(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "waitstatus_to_exitcode", names: &["status"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let s = status_arg(args, nargs, kwnames, &P)?;
        if libc::WIFEXITED(s) {
            return int::from_i64(libc::WEXITSTATUS(s) as i64);
        }
        if libc::WIFSIGNALED(s) {
            return int::from_i64(-(libc::WTERMSIG(s) as i64));
        }
        if libc::WIFSTOPPED(s) {
            return Err(value_error(&format!("process stopped by delivery of signal {}", libc::WSTOPSIG(s))));
        }
        Err(value_error(&format!("invalid wait status: {s}")))
    })())
}

/// `times()`: user/system times of the process and its children, and elapsed real time.
unsafe extern "C" fn times(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut t: libc::tms = core::mem::zeroed();
        let c = libc::times(&mut t);
        if c == (-1i64) as libc::clock_t {
            return Err(errno_error());
        }
        let ticks = libc::sysconf(libc::_SC_CLK_TCK) as f64;
        let values = [t.tms_utime, t.tms_stime, t.tms_cutime, t.tms_cstime, c];
        let items = values.iter().map(|&v| float::new(v as f64 / ticks)).collect::<PyResult<Vec<_>>>()?;
        instance(TIMES_RESULT, items)
    })())
}

/// `nice(increment, /)`: the new niceness.
unsafe extern "C" fn nice(_m: *mut PyObject, inc: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let inc = c_int_arg(inc)?;
        *libc::__errno_location() = 0;
        let r = libc::nice(inc);
        if r == -1 && *libc::__errno_location() != 0 {
            return Err(errno_error());
        }
        int::from_i64(r as i64)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 30] = [
    meth(c"getpid", getpid, METH_NOARGS, c"getpid($module, /)\n--\n\nReturn the current process id."),
    meth(c"getppid", getppid, METH_NOARGS, c"getppid($module, /)\n--\n\nReturn the parent's process id."),
    meth(c"getuid", getuid, METH_NOARGS, c"getuid($module, /)\n--\n\nReturn the current process's user id."),
    meth(c"geteuid", geteuid, METH_NOARGS, c"geteuid($module, /)\n--\n\nReturn the current process's effective user id."),
    meth(c"getgid", getgid, METH_NOARGS, c"getgid($module, /)\n--\n\nReturn the current process's group id."),
    meth(c"getegid", getegid, METH_NOARGS, c"getegid($module, /)\n--\n\nReturn the current process's effective group id."),
    meth(c"getpgrp", getpgrp, METH_NOARGS, c"getpgrp($module, /)\n--\n\nReturn the current process group id."),
    meth(c"getsid", getsid, METH_O, c"getsid($module, pid, /)\n--\n\nCall the system call getsid(pid) and return the result."),
    meth(c"getpgid", getpgid, METH_O, c"getpgid($module, pid, /)\n--\n\nCall the system call getpgid(), and return the result."),
    fast(c"kill", kill, c"kill($module, pid, signal, /)\n--\n\nKill a process with a signal."),
    fast_kw(c"_exit", exit_now, c"_exit($module, /, status)\n--\n\nExit to the system with specified status, without normal exit processing."),
    meth(c"abort", abort, METH_NOARGS, c"abort($module, /)\n--\n\nAbort the interpreter immediately."),
    meth(c"umask", umask, METH_O, c"umask($module, mask, /)\n--\n\nSet the current numeric umask and return the previous umask."),
    fast_kw(c"register_at_fork", register_at_fork, c"register_at_fork($module, /, *, before=<unrepresentable>,\n                 after_in_child=<unrepresentable>,\n                 after_in_parent=<unrepresentable>)\n--\n\nRegister callables to be called when forking a new process."),
    meth(c"fork", fork, METH_NOARGS, c"fork($module, /)\n--\n\nFork a child process."),
    fast(c"execv", execv, c"execv($module, path, argv, /)\n--\n\nExecute an executable path with arguments, replacing current process."),
    fast_kw(c"execve", execve, c"execve($module, /, path, argv, env)\n--\n\nExecute an executable path with arguments, replacing current process."),
    fast(c"waitpid", waitpid, c"waitpid($module, pid, options, /)\n--\n\nWait for completion of a given child process."),
    meth(c"wait", wait, METH_NOARGS, c"wait($module, /)\n--\n\nWait for completion of a child process."),
    fast_kw(c"WCOREDUMP", wcoredump, c"WCOREDUMP($module, status, /)\n--\n\nReturn True if the process returning status was dumped to a core file."),
    fast_kw(c"WIFCONTINUED", wifcontinued, c"WIFCONTINUED($module, /, status)\n--\n\nReturn True if a particular process was continued from a job control stop."),
    fast_kw(c"WIFSTOPPED", wifstopped, c"WIFSTOPPED($module, /, status)\n--\n\nReturn True if the process returning status was stopped."),
    fast_kw(c"WIFSIGNALED", wifsignaled, c"WIFSIGNALED($module, /, status)\n--\n\nReturn True if the process returning status was terminated by a signal."),
    fast_kw(c"WIFEXITED", wifexited, c"WIFEXITED($module, /, status)\n--\n\nReturn True if the process returning status exited via the exit() system call."),
    fast_kw(c"WEXITSTATUS", wexitstatus, c"WEXITSTATUS($module, /, status)\n--\n\nReturn the process return code from status."),
    fast_kw(c"WTERMSIG", wtermsig, c"WTERMSIG($module, /, status)\n--\n\nReturn the signal that terminated the process that provided the status value."),
    fast_kw(c"WSTOPSIG", wstopsig, c"WSTOPSIG($module, /, status)\n--\n\nReturn the signal that stopped the process that provided the status value."),
    fast_kw(c"waitstatus_to_exitcode", waitstatus_to_exitcode, c"waitstatus_to_exitcode($module, /, status)\n--\n\nConvert a wait status to an exit code."),
    meth(c"times", times, METH_NOARGS, c"times($module, /)\n--\n\nReturn a collection containing process timing information."),
    meth(c"nice", nice, METH_O, c"nice($module, increment, /)\n--\n\nAdd increment to the priority of process and return the new priority."),
];
