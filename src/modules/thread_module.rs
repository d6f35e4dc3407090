//! The `_thread` module: locks (thread_lock.rs), thread identity, the stack size of new
//! threads and `start_new_thread`. Each new thread makes its own thread state in the
//! starting thread's interpreter, takes the GIL, calls the function and then deletes its
//! thread state (which releases the GIL). Made at interpreter start-up and put in the
//! module table, like `atexit`, since there is no import system yet.
use core::ffi::c_void;

use crate::abstract_::{new_ref, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, meth, module_def, owned, ret, END};
use crate::modules::thread_lock::{new_lock, Lock_Type, RLock_Type, TIMEOUT_MAX_SECONDS};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::long_convert::PyLong_FromUnsignedLong;
use crate::objects::module::PyModuleDef;
use crate::objects::{dict, float, int, tuple};
use crate::runtime::interpreter::Interpreter;
use crate::runtime::threadstate::PyInterpreterState;
use crate::runtime::thread::{PyThread_get_thread_ident, PyThread_get_thread_native_id, PyThread_start_new_thread};

/// The running-thread count of `interp` (read and written with the GIL held).
unsafe fn thread_count<'a>(interp: *mut PyInterpreterState) -> &'a mut usize {
    &mut Interpreter::from_c(interp).thread_count
}

unsafe extern "C" fn allocate_lock(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(new_lock())
}

unsafe extern "C" fn get_ident(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    PyLong_FromUnsignedLong(PyThread_get_thread_ident())
}

unsafe extern "C" fn get_native_id(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    PyLong_FromUnsignedLong(PyThread_get_thread_native_id())
}

unsafe extern "C" fn count(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(*thread_count(crate::runtime::pystate::PyInterpreterState_Get()) as i64))
}

fn value_error(message: String) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// `stack_size([size])`: the previous size; 0 resets to the default, other sizes must be
/// at least 32 KiB.
unsafe extern "C" fn stack_size(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if a.len() > 1 {
            return Err(type_error(format!("stack_size() takes at most 1 argument ({} given)", a.len())));
        }
        let old = crate::runtime::thread::PyThread_get_stacksize();
        let Some(&size) = a.first() else {
            return int::from_i64(old as i64);
        };
        let size = crate::objects::long_convert::PyLong_AsSsize_t(size);
        if size == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        if size < 0 {
            return Err(value_error("size must be 0 or a positive value".into()));
        }
        match crate::runtime::thread::PyThread_set_stacksize(size as usize) {
            0 => int::from_i64(old as i64),
            -1 => Err(value_error(format!("size not valid: {size} bytes"))),
            _ => Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "setting stack size not supported")),
        }
    })())
}

/// What a new thread receives: its interpreter and the call to make (owned references).
struct Boot {
    interp: *mut PyInterpreterState,
    func: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
}

/// "C-unwind": a thread that meets finalization while taking the GIL ends by
/// `pthread_exit`, whose forced unwind must be allowed through this frame (a plain "C"
/// frame aborts the process).
unsafe extern "C-unwind" fn thread_main(raw: *mut c_void) {
    let boot = Box::from_raw(raw.cast::<Boot>());
    let tstate = crate::runtime::pystate::PyThreadState_New(boot.interp);
    crate::runtime::gil::PyEval_RestoreThread(tstate);
    let r = crate::abstract_::call::call_tuple(boot.func, boot.args, boot.kwargs);
    if r.is_null() {
        if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_SystemExit as *mut PyObject) != 0 {
            crate::errors::pyerr::PyErr_Clear();
        } else {
            crate::errors::print::write_unraisable(Some("Exception ignored in thread started by"), boot.func);
        }
    } else {
        drop(PyRef::from_owned(r));
    }
    for o in [boot.func, boot.args, boot.kwargs] {
        drop(PyRef::from_owned(o));
    }
    *thread_count(boot.interp) -= 1;
    crate::runtime::pystate::PyThreadState_Clear(tstate);
    crate::runtime::pystate::PyThreadState_DeleteCurrent();
}

/// `start_new_thread(function, args[, kwargs])`: the new thread's identifier.
unsafe extern "C" fn start_new_thread(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        if !(2..=3).contains(&a.len()) {
            let (how, n) = if a.len() < 2 { ("at least", 2) } else { ("at most", 3) };
            return Err(type_error(format!("start_new_thread expected {how} {n} arguments, got {}", a.len())));
        }
        if crate::abstract_::call::PyCallable_Check(a[0]) == 0 {
            return Err(type_error("first arg must be callable"));
        }
        if !tuple::is_tuple(a[1]) {
            return Err(type_error("2nd arg must be a tuple"));
        }
        let kwargs = a.get(2).copied().filter(|&k| k != crate::abstract_::none());
        if let Some(k) = kwargs {
            if !dict::is_dict(k) {
                return Err(type_error("optional 3rd arg must be a dictionary"));
            }
        }
        let boot = Box::new(Boot {
            interp: crate::runtime::pystate::PyInterpreterState_Get(),
            func: new_ref(a[0]).into_ptr(),
            args: new_ref(a[1]).into_ptr(),
            kwargs: kwargs.map_or(core::ptr::null_mut(), |k| new_ref(k).into_ptr()),
        });
        *thread_count(boot.interp) += 1;
        let raw = Box::into_raw(boot);
        // SAFETY: the same ABI; only the unwinding contract differs (see `thread_main`).
        let start: unsafe extern "C" fn(*mut c_void) = core::mem::transmute(thread_main as unsafe extern "C-unwind" fn(*mut c_void));
        let ident = PyThread_start_new_thread(Some(start), raw.cast());
        if ident == c_ulong_max() {
            let boot = Box::from_raw(raw);
            *thread_count(boot.interp) -= 1;
            for o in [boot.func, boot.args, boot.kwargs] {
                drop(PyRef::from_owned(o));
            }
            return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "can't start new thread"));
        }
        owned(PyLong_FromUnsignedLong(ident))
    })())
}

const fn c_ulong_max() -> core::ffi::c_ulong {
    core::ffi::c_ulong::MAX
}

/// `exit()`: ends the calling thread by raising SystemExit.
unsafe extern "C" fn exit_thread(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::errors::pyerr::PyErr_SetNone(&raw mut exc::_PyExc_SystemExit as *mut PyObject);
    core::ptr::null_mut()
}

/// `interrupt_main(signum=signal.SIGINT, /)`: the signal's Python handler runs in the main
/// thread, as if the signal had arrived (nothing when it is SIG_IGN or SIG_DFL).
unsafe extern "C" fn interrupt_main(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let a = tuple::items(args);
        if a.len() > 1 {
            // CPython 3.11 parses it as "|i:signum".
            return Err(type_error(format!("signum() takes at most 1 argument ({} given)", a.len())));
        }
        let signum = match a.first() {
            Some(&o) => crate::modules::sys_functions::as_c_int(o)?,
            None => libc::SIGINT,
        };
        if crate::runtime::signals::PyErr_SetInterruptEx(signum) != 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "signal number out of range"));
        }
        Ok(crate::modules::none_ref())
    })())
}

const START_DOC: &core::ffi::CStr = c"start_new_thread(function, args[, kwargs])\n(start_new() is an obsolete synonym)\n\nStart a new thread and return its identifier.";
const LOCK_DOC: &core::ffi::CStr = c"allocate_lock() -> lock object\n(allocate() is an obsolete synonym)\n\nCreate a new lock object.";
const EXIT_DOC: &core::ffi::CStr = c"exit()\n(exit_thread() is an obsolete synonym)\n\nThis is synonymous to ``raise SystemExit''.";

static mut THREAD_FUNCTIONS: [PyMethodDef; 14] = [
    fast(c"start_new_thread", start_new_thread, START_DOC),
    fast(c"start_new", start_new_thread, START_DOC),
    meth(c"allocate_lock", allocate_lock, METH_NOARGS, LOCK_DOC),
    meth(c"allocate", allocate_lock, METH_NOARGS, LOCK_DOC),
    meth(c"exit_thread", exit_thread, METH_NOARGS, EXIT_DOC),
    meth(c"exit", exit_thread, METH_NOARGS, EXIT_DOC),
    meth(c"get_ident", get_ident, METH_NOARGS, c"get_ident() -> integer\n\nReturn a non-zero integer that uniquely identifies the current thread."),
    meth(c"get_native_id", get_native_id, METH_NOARGS, c"get_native_id() -> integer\n\nReturn a non-negative integer identifying the thread as reported by the OS."),
    meth(c"_count", count, METH_NOARGS, c"_count() -> integer\n\nReturn the number of currently running Python threads."),
    fast(c"stack_size", stack_size, c"stack_size([size]) -> size\n\nReturn the thread stack size used when creating new threads."),
    meth(c"_excepthook", crate::modules::thread_excepthook::excepthook, crate::object::methods::METH_O, c"excepthook(exc_type, exc_value, exc_traceback, thread)\n\nHandle uncaught Thread.run() exception."),
    meth(c"interrupt_main", interrupt_main, crate::object::methods::METH_VARARGS, c"interrupt_main($module, signum=signal.SIGINT, /)\n--\n\nSimulate the arrival of the given signal in the main thread,\nwhere the corresponding signal handler will be executed.\nIf *signum* is omitted, SIGINT is assumed.\nA subthread can use this function to interrupt the main thread.\n\nNote: the default signal handler for SIGINT raises ``KeyboardInterrupt``."),
    meth(c"_set_sentinel", crate::modules::thread_lock::set_sentinel, METH_NOARGS, c"_set_sentinel() -> lock\n\nSet a sentinel lock that will be released when the current thread\nstate is finalized (after it is untied from the interpreter).\n\nThis is a private API for the threading module."),
    END,
];

static mut THREAD_DEF: PyModuleDef = module_def(
    c"_thread",
    c"This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.",
    (&raw mut THREAD_FUNCTIONS) as *mut PyMethodDef,
);

/// The `_thread` module's constructor (`PyInit__thread` for the inittab).
pub(crate) unsafe extern "C" fn init_thread() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut THREAD_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let timeout_max = float::new(TIMEOUT_MAX_SECONDS)?;
        let hook_args = crate::modules::thread_excepthook::args_type()? as *mut PyObject;
        let entries: [(&str, *mut PyObject); 6] = [
            ("_ExceptHookArgs", hook_args),
            ("LockType", &raw mut Lock_Type as *mut PyObject),
            ("RLock", &raw mut RLock_Type as *mut PyObject),
            ("error", &raw mut exc::_PyExc_RuntimeError as *mut PyObject),
            ("TIMEOUT_MAX", timeout_max.as_ptr()),
            ("_local", &raw mut crate::modules::thread_local::Local_Type as *mut PyObject),
        ];
        for (name, value) in entries {
            dict::set_item(d, crate::objects::str::intern(name)?.as_ptr(), value)?;
        }
        Ok(m)
    })())
}

/// Makes the module and puts it in the module table.
pub(crate) unsafe fn install(owner: &mut Interpreter) -> PyResult<()> {
    let m = owned(init_thread())?;
    dict::set_item(owner.modules, crate::objects::str::intern("_thread")?.as_ptr(), m.as_ptr())
}
