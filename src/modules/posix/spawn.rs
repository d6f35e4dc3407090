//! `posix_spawn` and `posix_spawnp` (subprocess uses them when it can): the program, its
//! argv and environment, file actions (`POSIX_SPAWN_OPEN`/`CLOSE`/`DUP2` tuples), and the
//! attributes (process group, reset ids, new session, signal mask and defaults,
//! scheduler).
use core::ffi::{c_int, c_short};
use std::ffi::CString;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::type_error;
use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, error_for, fs_bytes, value_error, without_gil};
use crate::modules::posix::path::{path_arg, PATH};
use crate::modules::posix::process::{c_array, envp_of};
use crate::modules::{fast_kw, owned, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{int, list, tuple};

const SPAWN_OPEN: i64 = 0;
const SPAWN_CLOSE: i64 = 1;
const SPAWN_DUP2: i64 = 2;

/// The file actions and attributes, destroyed on drop.
struct Spawn {
    actions: libc::posix_spawn_file_actions_t,
    attr: libc::posix_spawnattr_t,
    /// Paths of open actions, alive until the spawn.
    paths: Vec<CString>,
}

impl Drop for Spawn {
    fn drop(&mut self) {
        // SAFETY: both were initialized in `Spawn::new`.
        unsafe {
            libc::posix_spawn_file_actions_destroy(&mut self.actions);
            libc::posix_spawnattr_destroy(&mut self.attr);
        }
    }
}

unsafe fn check(err: c_int) -> PyResult<()> {
    if err != 0 {
        return Err(error_for(err));
    }
    Ok(())
}

impl Spawn {
    unsafe fn new() -> PyResult<Box<Spawn>> {
        let mut s: Box<Spawn> = Box::new(Spawn { actions: core::mem::zeroed(), attr: core::mem::zeroed(), paths: Vec::new() });
        check(libc::posix_spawn_file_actions_init(&mut s.actions))?;
        if let Err(e) = check(libc::posix_spawnattr_init(&mut s.attr)) {
            libc::posix_spawn_file_actions_destroy(&mut s.actions);
            core::mem::forget(s);
            return Err(e);
        }
        Ok(s)
    }

    /// Adds the actions of the `file_actions` sequence.
    unsafe fn add_actions(&mut self, seq: *mut PyObject) -> PyResult<()> {
        let fast = owned(crate::abstract_::sequence::PySequence_Fast(seq, c"file_actions must be a sequence or None".as_ptr()))?;
        for &action in crate::abstract_::sequence::fast_items(fast.as_ptr()) {
            if !tuple::is_tuple(action) || tuple::items(action).is_empty() {
                return Err(type_error("Each file_actions element must be a non-empty tuple"));
            }
            let items = tuple::items(action);
            let tag = crate::modules::posix::args::i64_arg(items[0])?;
            let arity = |n: usize, what: &str| -> PyResult<()> {
                if items.len() != n {
                    return Err(type_error(format!("A {what} file_action tuple must have {n} elements")));
                }
                Ok(())
            };
            match tag {
                SPAWN_OPEN => {
                    arity(5, "open")?;
                    let fd = c_int_arg(items[1])?;
                    let path = fs_bytes(items[2])?;
                    let (flags, mode) = (c_int_arg(items[3])?, c_int_arg(items[4])?);
                    check(libc::posix_spawn_file_actions_addopen(&mut self.actions, fd, path.as_ptr(), flags, mode as libc::mode_t))?;
                    self.paths.push(path);
                }
                SPAWN_CLOSE => {
                    arity(2, "close")?;
                    check(libc::posix_spawn_file_actions_addclose(&mut self.actions, c_int_arg(items[1])?))?;
                }
                SPAWN_DUP2 => {
                    arity(3, "dup2")?;
                    let (fd, new_fd) = (c_int_arg(items[1])?, c_int_arg(items[2])?);
                    check(libc::posix_spawn_file_actions_adddup2(&mut self.actions, fd, new_fd))?;
                }
                _ => return Err(type_error("Unknown file_actions identifier")),
            }
        }
        Ok(())
    }
}

/// A set of signal numbers from an iterable (CPython's sigset converter messages).
unsafe fn sigset_arg(op: *mut PyObject) -> PyResult<libc::sigset_t> {
    let mut set: libc::sigset_t = core::mem::zeroed();
    libc::sigemptyset(&mut set);
    let it = crate::abstract_::iter::get_iter(op)?;
    let max = libc::SIGRTMAX();
    while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
        let signum = crate::modules::posix::args::i64_arg(item.as_ptr())?;
        if signum <= 0 || signum > max as i64 {
            return Err(value_error(&format!("signal number {signum} out of range [1; {max}]")));
        }
        libc::sigaddset(&mut set, signum as c_int);
    }
    Ok(set)
}

unsafe fn argv_arg(function: &str, argv: *mut PyObject) -> PyResult<Vec<CString>> {
    if !list::is_list(argv) && !tuple::is_tuple(argv) {
        return Err(type_error(format!("{function}: argv must be a tuple or list")));
    }
    let items = crate::abstract_::sequence::fast_items(argv).to_vec();
    if items.is_empty() {
        return Err(value_error(&format!("{function}: argv must not be empty")));
    }
    let out = items.iter().map(|&i| fs_bytes(i)).collect::<PyResult<Vec<_>>>()?;
    if out[0].as_bytes().is_empty() {
        return Err(value_error(&format!("{function}: argv first element cannot be empty")));
    }
    Ok(out)
}

/// Shared by `posix_spawn` and `posix_spawnp` (`search`: look the program up in PATH).
unsafe fn spawn(function: &'static str, search: bool, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> PyResult<PyRef> {
    let p = Params {
        function,
        names: &["path", "argv", "env", "file_actions", "setpgroup", "resetids", "setsid", "setsigmask", "setsigdef", "scheduler"],
        positional_only: 3,
        max_positional: 3,
        required: 3,
    };
    let b = bind(&p, args, nargs as usize, kwnames)?;
    let path = path_arg(function, "path", b[0], PATH)?;
    let argv = argv_arg(function, b[1].unwrap())?;
    let envp = envp_of(function, b[2].unwrap())?;
    let mut s = Spawn::new()?;
    let none = crate::abstract_::none();
    if let Some(actions) = b[3].filter(|&a| a != none) {
        s.add_actions(actions)?;
    }
    let mut flags: c_int = 0;
    if let Some(pgroup) = b[4] {
        check(libc::posix_spawnattr_setpgroup(&mut s.attr, c_int_arg(pgroup)?))?;
        flags |= libc::POSIX_SPAWN_SETPGROUP;
    }
    // `resetids`/`setsid` take ints (bools included), not any truth value.
    if b[5].map_or(Ok(0), |o| c_int_arg(o))? != 0 {
        flags |= libc::POSIX_SPAWN_RESETIDS;
    }
    if b[6].map_or(Ok(0), |o| c_int_arg(o))? != 0 {
        flags |= libc::POSIX_SPAWN_SETSID as c_int;
    }
    if let Some(mask) = b[7] {
        let set = sigset_arg(mask)?;
        check(libc::posix_spawnattr_setsigmask(&mut s.attr, &set))?;
        flags |= libc::POSIX_SPAWN_SETSIGMASK;
    }
    if let Some(def) = b[8] {
        let set = sigset_arg(def)?;
        check(libc::posix_spawnattr_setsigdefault(&mut s.attr, &set))?;
        flags |= libc::POSIX_SPAWN_SETSIGDEF;
    }
    if let Some(sched) = b[9] {
        if !tuple::is_tuple(sched) || tuple::items(sched).len() != 2 {
            return Err(type_error("posix_spawn: scheduler must be a tuple of (policy, sched_param)"));
        }
        let items = tuple::items(sched);
        let param = crate::modules::posix::sched::param_arg(items[1])?;
        if items[0] != none {
            check(libc::posix_spawnattr_setschedpolicy(&mut s.attr, c_int_arg(items[0])?))?;
            flags |= libc::POSIX_SPAWN_SETSCHEDULER;
        }
        check(libc::posix_spawnattr_setschedparam(&mut s.attr, &param))?;
        flags |= libc::POSIX_SPAWN_SETSCHEDPARAM;
    }
    check(libc::posix_spawnattr_setflags(&mut s.attr, flags as c_short))?;
    let (argv_c, envp_c) = (c_array(&argv), c_array(&envp));
    let mut pid: libc::pid_t = 0;
    let (actions, attr) = (&raw const s.actions, &raw const s.attr);
    let err = without_gil(|| {
        let call = if search { libc::posix_spawnp } else { libc::posix_spawn };
        call(&mut pid, path.ptr(), actions, attr, argv_c.as_ptr() as *const *mut libc::c_char, envp_c.as_ptr() as *const *mut libc::c_char)
    });
    if err != 0 {
        *libc::__errno_location() = err;
        return Err(path.error());
    }
    drop(s);
    int::from_i64(pid as i64)
}

unsafe extern "C" fn posix_spawn(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret(spawn("posix_spawn", false, args, nargs, kwnames))
}

unsafe extern "C" fn posix_spawnp(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    ret(spawn("posix_spawnp", true, args, nargs, kwnames))
}

pub(crate) const FUNCTIONS: [PyMethodDef; 2] = [
    fast_kw(c"posix_spawn", posix_spawn, c"posix_spawn($module, path, argv, env, /, *, file_actions=(),\n            setpgroup=<unrepresentable>, resetids=False, setsid=False,\n            setsigmask=(), setsigdef=(), scheduler=<unrepresentable>)\n--\n\nExecute the program specified by path in a new process."),
    fast_kw(c"posix_spawnp", posix_spawnp, c"posix_spawnp($module, path, argv, env, /, *, file_actions=(),\n             setpgroup=<unrepresentable>, resetids=False, setsid=False,\n             setsigmask=(), setsigdef=(), scheduler=<unrepresentable>)\n--\n\nExecute the program specified by path in a new process."),
];
