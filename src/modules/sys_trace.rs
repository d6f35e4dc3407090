//! `sys.settrace`/`gettrace`/`setprofile`/`getprofile`/`call_tracing`: a Python function
//! installed as the thread's C trace or profile function through a trampoline that calls
//! it with `(frame, event, arg)`, the frame's locals synchronised around the call.
use core::ffi::c_int;

use crate::abstract_::{new_ref, none, tp_name, type_error};
use crate::eval::frame::PyFrameObject;
use crate::eval::frame_trace::{local_trace, set_local_trace};
use crate::modules::{args_slice, ret};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::runtime::threadstate::{PyTrace_CALL, PyTrace_OPCODE};

const EVENT_NAMES: [&str; 8] = ["call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode"];

/// Interned event names, made once per process (interned strings live as long as it).
static mut EVENTS: [*mut PyObject; 8] = [core::ptr::null_mut(); 8];

unsafe fn event_name(what: c_int) -> *mut PyObject {
    let i = what.clamp(0, PyTrace_OPCODE) as usize;
    if EVENTS[i].is_null() {
        match crate::objects::str::intern(EVENT_NAMES[i]) {
            Ok(s) => EVENTS[i] = s.into_ptr(),
            Err(_) => return core::ptr::null_mut(),
        }
    }
    EVENTS[i]
}

/// Calls `callback(frame, event, arg)` with the frame's fast locals visible (and written
/// back) through `f_locals`; a new reference or NULL.
unsafe fn call_trampoline(callback: *mut PyObject, frame: *mut PyFrameObject, what: c_int, arg: *mut PyObject) -> *mut PyObject {
    if crate::eval::frame_fast_locals::PyFrame_FastToLocalsWithError(frame) < 0 {
        return core::ptr::null_mut();
    }
    let name = event_name(what);
    if name.is_null() {
        return core::ptr::null_mut();
    }
    let argv = [frame as *mut PyObject, name, if arg.is_null() { none() } else { arg }];
    let r = crate::abstract_::call::PyObject_Vectorcall(callback, argv.as_ptr(), 3, core::ptr::null_mut());
    crate::eval::frame_fast_locals::PyFrame_LocalsToFast(frame, 1);
    if r.is_null() {
        crate::eval::traceback::PyTraceBack_Here(frame);
    }
    r
}

/// The C trace function behind `sys.settrace(func)`: `func` for `call` events, the frame's
/// `f_trace` for the others; what they return becomes the frame's `f_trace` (None keeps
/// it). An exception turns tracing off.
unsafe extern "C" fn trace_trampoline(obj: *mut PyObject, frame: *mut PyFrameObject, what: c_int, arg: *mut PyObject) -> c_int {
    let fop = frame as *mut PyObject;
    let callback = if what == PyTrace_CALL { obj } else { local_trace(fop) };
    if callback.is_null() {
        return 0;
    }
    let callback = new_ref(callback);
    let r = call_trampoline(callback.as_ptr(), frame, what, arg);
    if r.is_null() {
        let ts = crate::runtime::pystate::current();
        crate::eval::trace::_PyEval_SetTrace(ts, None, core::ptr::null_mut());
        set_local_trace(fop, core::ptr::null_mut());
        return -1;
    }
    let r = PyRef::from_owned(r).unwrap_unchecked();
    if r.as_ptr() != none() {
        set_local_trace(fop, r.as_ptr());
    }
    0
}

/// The C profile function behind `sys.setprofile(func)`; an exception turns profiling off.
unsafe extern "C" fn profile_trampoline(obj: *mut PyObject, frame: *mut PyFrameObject, what: c_int, arg: *mut PyObject) -> c_int {
    let callback = new_ref(obj);
    let r = call_trampoline(callback.as_ptr(), frame, what, arg);
    if r.is_null() {
        let ts = crate::runtime::pystate::current();
        crate::eval::trace::_PyEval_SetProfile(ts, None, core::ptr::null_mut());
        return -1;
    }
    crate::object::refcount::Py_DecRef(r);
    0
}

unsafe fn set_hook(func: *mut PyObject, profile: bool) -> *mut PyObject {
    let ts = crate::runtime::pystate::current();
    let r = match (func == none(), profile) {
        (true, false) => crate::eval::trace::_PyEval_SetTrace(ts, None, core::ptr::null_mut()),
        (true, true) => crate::eval::trace::_PyEval_SetProfile(ts, None, core::ptr::null_mut()),
        (false, false) => crate::eval::trace::_PyEval_SetTrace(ts, Some(trace_trampoline), func),
        (false, true) => crate::eval::trace::_PyEval_SetProfile(ts, Some(profile_trampoline), func),
    };
    if r < 0 {
        return core::ptr::null_mut();
    }
    new_ref(none()).into_ptr()
}

unsafe fn hook_object(o: *mut PyObject) -> *mut PyObject {
    new_ref(if o.is_null() { none() } else { o }).into_ptr()
}

pub(crate) unsafe extern "C" fn settrace(_m: *mut PyObject, func: *mut PyObject) -> *mut PyObject {
    set_hook(func, false)
}

pub(crate) unsafe extern "C" fn gettrace(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    hook_object((*crate::runtime::pystate::current()).c_traceobj)
}

pub(crate) unsafe extern "C" fn setprofile(_m: *mut PyObject, func: *mut PyObject) -> *mut PyObject {
    set_hook(func, true)
}

pub(crate) unsafe extern "C" fn getprofile(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    hook_object((*crate::runtime::pystate::current()).c_profileobj)
}

pub(crate) unsafe extern "C" fn call_tracing(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let a = args_slice(args, nargs);
    if a.len() != 2 {
        return ret(Err(type_error(format!("call_tracing expected 2 arguments, got {}", a.len()))));
    }
    if !crate::objects::tuple::is_tuple(a[1]) {
        return ret(Err(type_error(format!("call_tracing() argument 2 must be tuple, not {}", tp_name(a[1])))));
    }
    crate::eval::trace::call_tracing(a[0], a[1])
}
