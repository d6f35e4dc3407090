//! `_posixsubprocess.fork_exec`, what `subprocess.Popen` starts children with (the 3.11
//! signature, 23 arguments). Everything the child needs (argv, envp, the executables, the
//! working directory) is converted before `fork`, so the child only makes system calls:
//! it wires the pipes to 0/1/2, closes the other descriptors, changes directory, umask,
//! session, process group, groups and ids, restores SIGPIPE/SIGXFSZ, runs `preexec_fn`
//! and tries each executable. A failure is reported through `errpipe_write` as
//! `OSError:<hex errno>:noexec` (before exec) or `OSError:<hex errno>:` (exec failed), which
//! subprocess.py turns into the exception; a `preexec_fn` exception as `SubprocessError:0:`.
use core::ffi::{c_char, c_int};
use std::ffi::CString;

use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{c_int_arg, errno_error, value_error};
use crate::modules::{args_slice, fast, module_def, ret, END};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{bytes, int, list, tuple};

unsafe fn fs_encoded(op: *mut PyObject) -> PyResult<CString> {
    let mut out: *mut PyObject = core::ptr::null_mut();
    if crate::codecs::fs_encoding::PyUnicode_FSConverter(op, (&raw mut out).cast()) == 0 {
        return Err(Raised::assume_set());
    }
    let out = PyRef::from_owned(out).ok_or_else(Raised::assume_set)?;
    Ok(CString::new(bytes::as_slice(out.as_ptr())).expect("FSConverter refuses NUL"))
}

/// The items of a sequence (list, tuple or any other: `PySequence_Fast`).
unsafe fn items_of(op: *mut PyObject, message: &str) -> PyResult<Vec<PyRef>> {
    let l = list::fast_list(op, message)?;
    Ok(list::items(l.as_ptr()).iter().map(|&o| crate::abstract_::new_ref(o)).collect())
}

unsafe fn fs_list(op: *mut PyObject, message: &str) -> PyResult<Vec<CString>> {
    items_of(op, message)?.iter().map(|o| fs_encoded(o.as_ptr())).collect()
}

/// A NULL-terminated pointer array over `strings` (which must outlive it).
fn pointers(strings: &[CString]) -> Vec<*const c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(core::iter::once(core::ptr::null())).collect()
}

unsafe fn optional_id(op: *mut PyObject, what: &str) -> PyResult<Option<u32>> {
    if op == crate::abstract_::none() {
        return Ok(None);
    }
    crate::modules::posix::ids::id_arg(op, what).map(Some)
}

/// What the child does, prepared in the parent.
struct Plan {
    argv: Vec<CString>,
    executables: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    /// Sorted; subprocess.py includes the error pipe (which is closed otherwise).
    keep: Vec<c_int>,
    close_fds: bool,
    fds: [c_int; 8],
    restore_signals: bool,
    setsid: bool,
    pgid: libc::pid_t,
    gid: Option<u32>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<u32>,
    umask: c_int,
    preexec: Option<*mut PyObject>,
}

// Indexes into `Plan::fds`.
const P2CREAD: usize = 0;
const P2CWRITE: usize = 1;
const C2PREAD: usize = 2;
const C2PWRITE: usize = 3;
const ERRREAD: usize = 4;
const ERRWRITE: usize = 5;
const ERRPIPE_READ: usize = 6;
const ERRPIPE_WRITE: usize = 7;

unsafe fn set_inheritable(fd: c_int) -> c_int {
    let flags = libc::fcntl(fd, libc::F_GETFD);
    if flags < 0 {
        return -1;
    }
    if flags & libc::FD_CLOEXEC == 0 {
        return 0;
    }
    libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC)
}

/// Closes every descriptor from 3 up except those in `keep` (sorted).
unsafe fn close_others(keep: &[c_int]) {
    let mut low: libc::c_uint = 3;
    for &k in keep.iter().filter(|&&k| k >= 3) {
        if (k as libc::c_uint) > low {
            close_range(low, k as libc::c_uint - 1);
        }
        low = k as libc::c_uint + 1;
    }
    close_range(low, libc::c_uint::MAX);
}

unsafe fn close_range(low: libc::c_uint, high: libc::c_uint) {
    if libc::syscall(libc::SYS_close_range, low, high, 0) == 0 {
        return;
    }
    // Older kernels: close one by one up to the descriptor limit.
    let max = libc::sysconf(libc::_SC_OPEN_MAX).clamp(256, 1 << 20) as libc::c_uint;
    for fd in low..=high.min(max) {
        libc::close(fd as c_int);
    }
}

/// Writes `OSError:<hex>:<what>` to the error pipe.
unsafe fn report(fd: c_int, errno: c_int, noexec: bool) {
    let mut msg = [0u8; 64];
    let mut n = 0;
    for &b in b"OSError:" {
        msg[n] = b;
        n += 1;
    }
    let digits = b"0123456789abcdef";
    let mut started = false;
    for shift in (0..8).rev() {
        let d = ((errno as u32) >> (shift * 4)) & 0xf;
        if d != 0 || started || shift == 0 {
            msg[n] = digits[d as usize];
            n += 1;
            started = true;
        }
    }
    msg[n] = b':';
    n += 1;
    if noexec {
        for &b in b"noexec" {
            msg[n] = b;
            n += 1;
        }
    }
    libc::write(fd, msg.as_ptr().cast(), n);
}

/// The child: never returns.
unsafe fn child(plan: &Plan, argv: &[*const c_char], envp: Option<&[*const c_char]>) -> ! {
    let mut f = plan.fds;
    let errpipe = f[ERRPIPE_WRITE];
    for i in [P2CWRITE, C2PREAD, ERRREAD, ERRPIPE_READ] {
        if f[i] != -1 {
            libc::close(f[i]);
        }
    }
    let fail = |noexec: bool| -> ! {
        report(errpipe, *libc::__errno_location(), noexec);
        libc::_exit(255)
    };
    // Keep the child's ends out of the way of 0/1/2 before they are wired.
    if f[C2PWRITE] == 0 {
        f[C2PWRITE] = libc::dup(f[C2PWRITE]);
        if f[C2PWRITE] < 0 {
            fail(true);
        }
    }
    while f[ERRWRITE] == 0 || f[ERRWRITE] == 1 {
        f[ERRWRITE] = libc::dup(f[ERRWRITE]);
        if f[ERRWRITE] < 0 {
            fail(true);
        }
    }
    for (src, target) in [(f[P2CREAD], 0), (f[C2PWRITE], 1), (f[ERRWRITE], 2)] {
        if src == target {
            if set_inheritable(src) < 0 {
                fail(true);
            }
        } else if src != -1 && libc::dup2(src, target) < 0 {
            fail(true);
        }
    }
    if let Some(cwd) = &plan.cwd {
        if libc::chdir(cwd.as_ptr()) < 0 {
            fail(true);
        }
    }
    if plan.umask >= 0 {
        libc::umask(plan.umask as libc::mode_t);
    }
    if plan.restore_signals {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
    }
    if plan.setsid && libc::setsid() < 0 {
        fail(true);
    }
    if plan.pgid >= 0 && libc::setpgid(0, plan.pgid) < 0 {
        fail(true);
    }
    if let Some(groups) = &plan.groups {
        if libc::setgroups(groups.len(), groups.as_ptr()) < 0 {
            fail(true);
        }
    }
    if let Some(gid) = plan.gid {
        if libc::setregid(gid, gid) < 0 {
            fail(true);
        }
    }
    if let Some(uid) = plan.uid {
        if libc::setreuid(uid, uid) < 0 {
            fail(true);
        }
    }
    if let Some(pre) = plan.preexec {
        let r = crate::abstract_::call::PyObject_CallNoArgs(pre);
        if r.is_null() {
            let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
            libc::write(errpipe, msg.as_ptr().cast(), msg.len());
            libc::_exit(255);
        }
    }
    // The error pipe stays close-on-exec: its closing tells the parent exec succeeded.
    for &fd in plan.keep.iter().filter(|&&fd| fd != errpipe) {
        set_inheritable(fd);
    }
    if plan.close_fds {
        close_others(&plan.keep);
    }
    // Try each executable; report the first error that is not "not found here".
    let mut saved = 0;
    for exe in &plan.executables {
        match envp {
            Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
            None => libc::execv(exe.as_ptr(), argv.as_ptr()),
        };
        let e = *libc::__errno_location();
        if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
            saved = e;
        }
    }
    if saved != 0 {
        *libc::__errno_location() = saved;
    }
    fail(false)
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite,
/// c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals,
/// call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,
/// allow_vfork, /)`: the child's pid.
unsafe extern "C" fn fork_exec(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        if nargs != 23 {
            return Err(type_error(format!("fork_exec() takes exactly 23 arguments ({nargs} given)")));
        }
        let a = args_slice(args, nargs);
        let none = crate::abstract_::none();
        let truth = |o: *mut PyObject| crate::abstract_::object::is_true(o);
        let close_fds = truth(a[2])?;
        if !tuple::is_tuple(a[3]) {
            return Err(type_error(format!("fork_exec() argument 4 must be tuple, not {}", crate::abstract_::tp_name(a[3]))));
        }
        let mut keep = Vec::new();
        let mut prev = -1;
        for &o in tuple::items(a[3]) {
            let fd = if int::is_int(o) { crate::objects::long_convert::as_i64(o).unwrap_or(-1) } else { -1 };
            if fd < 0 || fd <= prev || fd > c_int::MAX as i64 {
                crate::errors::pyerr::PyErr_Clear();
                return Err(value_error("bad value(s) in fds_to_keep"));
            }
            prev = fd;
            keep.push(fd as c_int);
        }
        let preexec = if a[21] == none { None } else { Some(a[21]) };
        let argv = if a[0] == none { Vec::new() } else { fs_list(a[0], "expected a sequence")? };
        let executables = fs_list(a[1], "executable_list must be a sequence")?;
        let env = if a[5] == none { None } else { Some(fs_list(a[5], "env must be a sequence")?) };
        let cwd = if a[4] == none { None } else { Some(fs_encoded(a[4])?) };
        let mut fds = [-1; 8];
        for (i, fd) in fds.iter_mut().enumerate() {
            *fd = c_int_arg(a[6 + i])?;
        }
        let groups = if a[18] == none {
            None
        } else {
            let items = items_of(a[18], "setgroups argument must be a sequence")?;
            let mut g = Vec::with_capacity(items.len());
            for o in items {
                if !int::is_int(o.as_ptr()) {
                    return Err(type_error("groups must be integers"));
                }
                // Any id a gid_t cannot hold is CPython's "invalid group id".
                match crate::modules::posix::ids::id_arg(o.as_ptr(), "gid") {
                    Ok(gid) => g.push(gid),
                    Err(_) => {
                        crate::errors::pyerr::PyErr_Clear();
                        return Err(value_error("invalid group id"));
                    }
                }
            }
            Some(g)
        };
        let plan = Plan {
            argv,
            executables,
            env,
            cwd,
            keep,
            close_fds,
            fds,
            restore_signals: truth(a[14])?,
            setsid: truth(a[15])?,
            pgid: c_int_arg(a[16])?,
            gid: optional_id(a[17], "gid")?,
            groups,
            uid: optional_id(a[19], "uid")?,
            umask: c_int_arg(a[20])?,
            preexec,
        };
        let argv_ptrs = pointers(&plan.argv);
        let env_ptrs = plan.env.as_ref().map(|e| pointers(e));
        if preexec.is_some() {
            crate::runtime::fork::PyOS_BeforeFork();
        }
        let pid = libc::fork();
        if pid == 0 {
            if preexec.is_some() {
                crate::runtime::fork::PyOS_AfterFork_Child();
            }
            child(&plan, &argv_ptrs, env_ptrs.as_deref());
        }
        let saved = *libc::__errno_location();
        if preexec.is_some() {
            crate::runtime::fork::PyOS_AfterFork_Parent();
        }
        if pid < 0 {
            *libc::__errno_location() = saved;
            return Err(errno_error());
        }
        int::from_i64(pid as i64)
    })())
}

static mut POSIXSUBPROCESS_FUNCTIONS: [PyMethodDef; 2] = [
    fast(c"fork_exec", fork_exec, c"fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,\n          p2cread, p2cwrite, c2pread, c2pwrite,\n          errread, errwrite, errpipe_read, errpipe_write,\n          restore_signals, call_setsid, pgid_to_set,\n          gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork)\n\nForks a child process, closes parent file descriptors as appropriate in the\nchild and dups the few that are needed before calling exec() in the child\nprocess.\n\nIf close_fds is true, close file descriptors 3 and higher, except those listed\nin the sorted tuple pass_fds.\n\nThe preexec_fn, if supplied, will be called immediately before closing file\ndescriptors and exec.\nWARNING: preexec_fn is NOT SAFE if your application uses threads.\n         It may trigger infrequent, difficult to debug deadlocks.\n\nIf an error occurs in the child process before the exec, it is\nserialized and written to the errpipe_write fd per subprocess.py.\n\nReturns: the child process's PID.\n\nRaises: Only on an error in the parent process.\n"),
    END,
];

static mut POSIXSUBPROCESS_DEF: PyModuleDef = module_def(
    c"_posixsubprocess",
    c"A POSIX helper for the subprocess module.",
    (&raw mut POSIXSUBPROCESS_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit__posixsubprocess` for the inittab.
pub(crate) unsafe extern "C" fn init_posixsubprocess() -> *mut PyObject {
    ret(crate::modules::module_init::create(&raw mut POSIXSUBPROCESS_DEF))
}
