//! The functions of the `sys` module (those that need no frames), with CPython 3.11's
//! argument checks and messages. The hooks (`displayhook`, `excepthook`,
//! `unraisablehook`) are in sys_hooks.rs, the audit functions in sys_audit.rs.
use core::ffi::c_int;

use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, fast_kw, meth, none_ref, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{float, int, str as pystr, tuple};
use crate::runtime::interpreter::{self, Interpreter};

fn value_error(message: impl Into<String>) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// An argument converted as the `i` format does (`__index__`, C int range).
pub(crate) unsafe fn as_c_int(o: *mut PyObject) -> PyResult<c_int> {
    let v = crate::objects::long_convert::_PyLong_AsInt(o);
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

fn interp<'a>() -> &'a mut Interpreter {
    // SAFETY: module functions run with a current thread state.
    interpreter::current().expect("sys functions run with a thread state")
}

// ---- recursion limit ----------------------------------------------------------------------------

unsafe extern "C" fn getrecursionlimit(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(interp().recursion_limit as i64))
}

/// Sets the interpreter's limit and moves every thread state of it to the new limit,
/// keeping each thread's current depth.
pub(crate) unsafe fn set_recursion_limit(owner: &mut Interpreter, limit: c_int) {
    owner.recursion_limit = limit;
    let _guard = crate::runtime::interpreter::head_lock();
    let mut ts = owner.tstate_head;
    while !ts.is_null() {
        let depth = (*ts).recursion_limit - (*ts).recursion_remaining;
        (*ts).recursion_limit = limit;
        (*ts).recursion_remaining = limit - depth;
        ts = (*ts).next;
    }
}

unsafe extern "C" fn setrecursionlimit(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let limit = as_c_int(arg)?;
        if limit < 1 {
            return Err(value_error("recursion limit must be greater or equal than 1"));
        }
        let ts = crate::runtime::pystate::current();
        let depth = (*ts).recursion_limit - (*ts).recursion_remaining;
        if depth >= limit {
            return Err(raise_type(
                &raw mut exc::_PyExc_RecursionError,
                format!("cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"),
            ));
        }
        set_recursion_limit(interp(), limit);
        Ok(none_ref())
    })())
}

/// `void Py_SetRecursionLimit(int new_limit)`.
#[no_mangle]
pub unsafe extern "C" fn Py_SetRecursionLimit(new_limit: c_int) {
    if let Some(owner) = interpreter::current() {
        set_recursion_limit(owner, new_limit);
    }
}

/// `int Py_GetRecursionLimit(void)`.
#[no_mangle]
pub extern "C" fn Py_GetRecursionLimit() -> c_int {
    interpreter::current().map_or(crate::runtime::pystate::DEFAULT_RECURSION_LIMIT, |i| i.recursion_limit)
}

// ---- objects ------------------------------------------------------------------------------------

unsafe extern "C" fn getrefcount(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64((*arg).ob_refcnt as i64))
}

/// `sys.getsizeof(object)` without a default: `__sizeof__()` plus the GC header.
pub(crate) unsafe fn sizeof_of(o: *mut PyObject) -> PyResult<PyRef> {
    let size = match crate::abstract_::object::lookup_special(o, "__sizeof__")? {
        Some(method) => {
            let r = owned(crate::abstract_::call::PyObject_CallNoArgs(method.as_ptr()))?;
            if !int::is_int(r.as_ptr()) {
                return Err(type_error("an integer is required"));
            }
            let n = crate::objects::long_convert::as_i64(r.as_ptr())?;
            if n < 0 {
                return Err(value_error("__sizeof__() should return >= 0"));
            }
            n as usize
        }
        None => return Err(type_error(format!("Type {} doesn't define __sizeof__", crate::objects::float::type_name_n((*o).ob_type, 100)))),
    };
    let gc = if crate::object::objimpl::PyObject_IS_GC(o) != 0 {
        core::mem::size_of::<crate::gc::head::PyGC_Head>()
    } else {
        0
    };
    int::from_u64((size + gc) as u64)
}

unsafe extern "C" fn getsizeof(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "getsizeof", names: &["object", "default"], positional_only: 0, max_positional: 2, required: 1 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let o = a[0].unwrap_or(core::ptr::null_mut());
        match (sizeof_of(o), a[1]) {
            (Ok(r), _) => Ok(r),
            (Err(e), Some(default)) => {
                if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 {
                    crate::errors::pyerr::PyErr_Clear();
                    Ok(new_ref(default))
                } else {
                    Err(e)
                }
            }
            (Err(e), None) => Err(e),
        }
    })())
}

unsafe extern "C" fn intern(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if !pystr::is_str(arg) {
        return ret(Err(type_error(format!("intern() argument must be str, not {}", tp_name(arg)))));
    }
    if (*arg).ob_type != &raw mut pystr::PyUnicode_Type {
        return ret(Err(type_error(format!("can't intern {}", tp_name(arg)))));
    }
    let mut s = new_ref(arg).into_ptr();
    pystr::PyUnicode_InternInPlace(&mut s);
    s
}

// ---- the exception being handled ----------------------------------------------------------------

unsafe extern "C" fn exception(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let v = crate::errors::normalize::handled(crate::runtime::pystate::current());
    new_ref(if v.is_null() { none() } else { v }).into_ptr()
}

unsafe extern "C" fn exc_info(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::normalize::PyErr_GetExcInfo(&mut t, &mut v, &mut tb);
    let items = [PyRef::from_owned(t), PyRef::from_owned(v), PyRef::from_owned(tb)];
    let items: Vec<PyRef> = items.into_iter().map(|r| r.unwrap_or_else(none_ref)).collect();
    ret(tuple::from_vec(items))
}

unsafe extern "C" fn exit(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() > 1 {
        return ret(Err(type_error(format!("exit expected at most 1 argument, got {}", a.len()))));
    }
    let t = &raw mut exc::_PyExc_SystemExit as *mut PyObject;
    // No argument is `exit(None)`.
    crate::errors::pyerr::PyErr_SetObject(t, a.first().copied().unwrap_or(none()));
    core::ptr::null_mut()
}

// ---- encodings ----------------------------------------------------------------------------------

/// A config string as a str object (the empty str for NULL).
pub(crate) unsafe fn wide_str(w: *const crate::pyport::wchar_t) -> PyResult<PyRef> {
    if w.is_null() {
        return pystr::intern("");
    }
    pystr::from_code_points(&crate::runtime::locale::wide_to_vec(w))
}

unsafe extern "C" fn getdefaultencoding(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(pystr::intern("utf-8"))
}

/// An encoding name as Python's codecs spell it (`UTF-8` -> `utf-8`).
pub(crate) fn codec_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    match lower.as_str() {
        "utf8" | "utf-8" => "utf-8".into(),
        "ansi-x3.4-1968" | "646" | "us-ascii" => "ascii".into(),
        _ => lower,
    }
}

unsafe extern "C" fn getfilesystemencoding(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(wide_str(interp().config.filesystem_encoding).and_then(|s| pystr::from_utf8(&codec_name(&pystr::to_string(s.as_ptr())))))
}

unsafe extern "C" fn getfilesystemencodeerrors(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(wide_str(interp().config.filesystem_errors))
}

// ---- switch interval, int digits, misc ----------------------------------------------------------

unsafe extern "C" fn getswitchinterval(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let us = crate::runtime::gil::RUNTIME_GIL.switch_interval_us();
    ret(float::new(us as f64 / 1e6))
}

unsafe extern "C" fn setswitchinterval(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let seconds = float::as_double(arg)?;
        if seconds <= 0.0 {
            return Err(value_error("switch interval must be strictly positive"));
        }
        crate::runtime::gil::RUNTIME_GIL.set_switch_interval_us((seconds * 1e6) as u64);
        Ok(none_ref())
    })())
}

/// The smallest limit `sys.set_int_max_str_digits` accepts (besides 0).
const MIN_MAX_STR_DIGITS: c_int = 640;

unsafe extern "C" fn get_int_max_str_digits(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_u64(interp().int_max_str_digits as u64))
}

unsafe extern "C" fn set_int_max_str_digits(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    const PARAMS: Params = Params { function: "set_int_max_str_digits", names: &["maxdigits"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let a = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let n = as_c_int(a[0].unwrap_or(core::ptr::null_mut()))?;
        if n != 0 && n < MIN_MAX_STR_DIGITS {
            return Err(value_error("maxdigits must be 0 or larger than 640"));
        }
        interp().int_max_str_digits = n as usize;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn is_finalizing(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    // True from the end of the atexit callbacks on (finalizers at exit see it).
    let finalizing = crate::runtime::gil::RUNTIME_GIL.is_finalizing();
    new_ref(if finalizing { crate::objects::bool::true_() } else { crate::objects::bool::false_() }).into_ptr()
}

unsafe extern "C" fn clear_type_cache(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    crate::object::type_cache::PyType_ClearCache();
    none_ref().into_ptr()
}

unsafe extern "C" fn getdlopenflags(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(int::from_i64(interp().dlopenflags as i64))
}

unsafe extern "C" fn setdlopenflags(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        interp().dlopenflags = as_c_int(arg)?;
        Ok(none_ref())
    })())
}

/// The functions of `sys` (the hooks and audit functions are added by sys_module.rs).
pub(crate) static mut SYS_FUNCTIONS: [PyMethodDef; 36] = [
    fast_kw(c"addaudithook", crate::modules::sys_audit::addaudithook, c"addaudithook($module, /, hook)\n--\n\nAdds a new audit hook callback."),
    fast_kw(c"audit", crate::modules::sys_audit::audit, c"audit(event, *args)\n\nPasses the event to any audit hooks that are attached."),
    meth(c"_clear_type_cache", clear_type_cache, METH_NOARGS, c"_clear_type_cache($module, /)\n--\n\nClear the internal type lookup cache."),
    fast(c"displayhook", crate::modules::sys_stdio::displayhook_fast, c"displayhook($module, object, /)\n--\n\nPrint an object to sys.stdout and also save it in builtins._"),
    meth(c"exception", exception, METH_NOARGS, c"exception($module, /)\n--\n\nReturn the current exception."),
    meth(c"exc_info", exc_info, METH_NOARGS, c"exc_info($module, /)\n--\n\nReturn current exception information: (type, value, traceback)."),
    fast(c"excepthook", crate::modules::sys_stdio::excepthook, c"excepthook($module, exctype, value, traceback, /)\n--\n\nHandle an exception by displaying it with a traceback on sys.stderr."),
    meth(c"unraisablehook", crate::errors::unraisable::sys_unraisablehook, METH_O, c"unraisablehook($module, unraisable, /)\n--\n\nHandle an unraisable exception.\n\nThe unraisable argument has the following attributes:\n\n* exc_type: Exception type.\n* exc_value: Exception value, can be None.\n* exc_traceback: Exception traceback, can be None.\n* err_msg: Error message, can be None.\n* object: Object causing the exception, can be None."),
    fast(c"exit", exit, c"exit($module, status=None, /)\n--\n\nExit the interpreter by raising SystemExit(status)."),
    meth(c"getdefaultencoding", getdefaultencoding, METH_NOARGS, c"getdefaultencoding($module, /)\n--\n\nReturn the current default encoding used by the Unicode implementation."),
    meth(c"getdlopenflags", getdlopenflags, METH_NOARGS, c"getdlopenflags($module, /)\n--\n\nReturn the current value of the flags that are used for dlopen calls."),
    meth(c"getfilesystemencoding", getfilesystemencoding, METH_NOARGS, c"getfilesystemencoding($module, /)\n--\n\nReturn the encoding used to convert Unicode filenames to OS filenames."),
    meth(c"getfilesystemencodeerrors", getfilesystemencodeerrors, METH_NOARGS, c"getfilesystemencodeerrors($module, /)\n--\n\nReturn the error mode used Unicode to OS filename conversion."),
    meth(c"getrefcount", getrefcount, METH_O, c"getrefcount($module, object, /)\n--\n\nReturn the reference count of object."),
    fast_kw(c"set_asyncgen_hooks", crate::modules::sys_asyncgen_hooks::set_asyncgen_hooks, c"set_asyncgen_hooks(* [, firstiter] [, finalizer])\n\nSet a finalizer for async generators objects."),
    fast_kw(c"set_coroutine_origin_tracking_depth", crate::modules::sys_coro_origin::set_depth, c"set_coroutine_origin_tracking_depth($module, /, depth)\n--\n\nEnable or disable origin tracking for coroutine objects in this thread.\n\nCoroutine objects will track 'depth' frames of traceback information\nabout where they came from, available in their cr_origin attribute.\n\nSet a depth of 0 to disable."),
    meth(c"get_coroutine_origin_tracking_depth", crate::modules::sys_coro_origin::get_depth, METH_NOARGS, c"get_coroutine_origin_tracking_depth($module, /)\n--\n\nCheck status of origin tracking for coroutine objects in this thread."),
    meth(c"get_asyncgen_hooks", crate::modules::sys_asyncgen_hooks::get_asyncgen_hooks, METH_NOARGS, c"get_asyncgen_hooks($module, /)\n--\n\nReturn the installed asynchronous generators hooks.\n\nThis returns a namedtuple of the form (firstiter, finalizer)."),
    meth(c"getrecursionlimit", getrecursionlimit, METH_NOARGS, c"getrecursionlimit($module, /)\n--\n\nReturn the current value of the recursion limit."),
    fast_kw(c"getsizeof", getsizeof, c"getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes."),
    meth(c"intern", intern, METH_O, c"intern($module, string, /)\n--\n\n``Intern'' the given string."),
    meth(c"is_finalizing", is_finalizing, METH_NOARGS, c"is_finalizing($module, /)\n--\n\nReturn True if Python is exiting."),
    meth(c"setswitchinterval", setswitchinterval, METH_O, c"setswitchinterval($module, interval, /)\n--\n\nSet the ideal thread switching delay inside the Python interpreter."),
    meth(c"getswitchinterval", getswitchinterval, METH_NOARGS, c"getswitchinterval($module, /)\n--\n\nReturn the current thread switch interval; see sys.setswitchinterval()."),
    meth(c"setdlopenflags", setdlopenflags, METH_O, c"setdlopenflags($module, flags, /)\n--\n\nSet the flags used by the interpreter for dlopen calls."),
    meth(c"setrecursionlimit", setrecursionlimit, METH_O, c"setrecursionlimit($module, limit, /)\n--\n\nSet the maximum depth of the Python interpreter stack to n."),
    fast_kw(c"breakpointhook", crate::modules::sys_breakpointhook::breakpointhook, c"breakpointhook(*args, **kws)\n\nThis hook function is called by built-in breakpoint().\n"),
    fast(c"call_tracing", crate::modules::sys_trace::call_tracing, c"call_tracing($module, func, args, /)\n--\n\nCall func(*args), while tracing is enabled."),
    meth(c"get_int_max_str_digits", get_int_max_str_digits, METH_NOARGS, c"get_int_max_str_digits($module, /)\n--\n\nSet the maximum string digits limit for non-binary int<->str conversions."),
    fast_kw(c"set_int_max_str_digits", set_int_max_str_digits, c"set_int_max_str_digits($module, /, maxdigits)\n--\n\nSet the maximum string digits limit for non-binary int<->str conversions."),
    fast(c"_getframe", crate::modules::sys_frames::getframe, c"_getframe($module, depth=0, /)\n--\n\nReturn a frame object from the call stack."),
    meth(c"settrace", crate::modules::sys_trace::settrace, METH_O, c"settrace(function)\n\nSet the global debug tracing function.  It will be called on each\nfunction call.  See the debugger chapter in the library manual."),
    meth(c"gettrace", crate::modules::sys_trace::gettrace, METH_NOARGS, c"gettrace($module, /)\n--\n\nReturn the global debug tracing function set with sys.settrace.\n\nSee the debugger chapter in the library manual."),
    meth(c"setprofile", crate::modules::sys_trace::setprofile, METH_O, c"setprofile(function)\n\nSet the profiling function.  It will be called on each function call\nand return.  See the profiler chapter in the library manual."),
    meth(c"getprofile", crate::modules::sys_trace::getprofile, METH_NOARGS, c"getprofile($module, /)\n--\n\nReturn the profiling function set with sys.setprofile.\n\nSee the profiler chapter in the library manual."),
    END,
];
