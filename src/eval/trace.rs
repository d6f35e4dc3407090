//! Tracing and profiling (`sys.settrace`/`setprofile`, `PyEval_SetTrace`/`SetProfile`): the
//! thread state's `c_tracefunc`/`c_profilefunc` are called for the events of CPython 3.11.
//! The loop tests `cframe->use_tracing` (non-zero while a function is set and none is
//! running) before each instruction and calls out of line from here, so tracing costs one
//! predictable branch when off. While a trace or profile function runs, `tracing` is
//! raised and no event is reported.
use core::ffi::c_int;

use ferropy_compiler::opcode::Op;

use crate::errors::raised::{PyResult, Raised};
use crate::eval::interp_frame::Frame;
use crate::object::object::PyObject;
use crate::runtime::threadstate::{
    PyThreadState, Py_tracefunc, PyTrace_CALL, PyTrace_C_CALL, PyTrace_C_EXCEPTION, PyTrace_C_RETURN,
    PyTrace_EXCEPTION, PyTrace_LINE, PyTrace_OPCODE, PyTrace_RETURN,
};

/// Set (for good) when some thread first turns `use_tracing` on. The eval loop tests this
/// static before it reads its thread's `use_tracing`: a RIP-relative byte instead of a
/// pointer kept across the whole loop, in a function where every register counts. Tracing
/// is only ever turned on here (C code that writes `use_tracing` itself, as Cython does,
/// only restores it while a function is set, so after this was set).
pub(crate) static TRACING_SEEN: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Recomputes `use_tracing` after a function was set or a trace call ended.
pub(crate) unsafe fn update_use_tracing(ts: *mut PyThreadState) {
    let on = (*ts).tracing <= 0 && ((*ts).c_tracefunc.is_some() || (*ts).c_profilefunc.is_some());
    if on {
        TRACING_SEEN.store(true, core::sync::atomic::Ordering::Relaxed);
    }
    (*(*ts).cframe).use_tracing = if on { 255 } else { 0 };
}

/// `void PyThreadState_EnterTracing(PyThreadState *tstate)`: no event is reported until the
/// matching `PyThreadState_LeaveTracing`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_EnterTracing(tstate: *mut PyThreadState) {
    (*tstate).tracing += 1;
    (*(*tstate).cframe).use_tracing = 0;
}

/// `void PyThreadState_LeaveTracing(PyThreadState *tstate)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_LeaveTracing(tstate: *mut PyThreadState) {
    (*tstate).tracing -= 1;
    update_use_tracing(tstate);
}

/// Replaces one function/object pair of `ts` (the old object is released only once the new
/// pair is in place, as its finalizer may run Python code).
unsafe fn install(
    ts: *mut PyThreadState,
    event: &core::ffi::CStr,
    profile: bool,
    func: Py_tracefunc,
    arg: *mut PyObject,
) -> c_int {
    if crate::modules::sys_audit::audit_no_args(event).is_err() {
        return -1;
    }
    let (slot_f, slot_o) = if profile {
        (&mut (*ts).c_profilefunc, &mut (*ts).c_profileobj)
    } else {
        (&mut (*ts).c_tracefunc, &mut (*ts).c_traceobj)
    };
    let old = core::mem::replace(slot_o, core::ptr::null_mut());
    *slot_f = None;
    if !arg.is_null() {
        crate::object::refcount::Py_IncRef(arg);
    }
    *slot_o = arg;
    *slot_f = func;
    update_use_tracing(ts);
    crate::object::refcount::Py_DecRef(old);
    0
}

/// `int _PyEval_SetTrace(PyThreadState *tstate, Py_tracefunc func, PyObject *arg)`: 0, or
/// -1 with an exception (an audit hook refused `sys.settrace`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyEval_SetTrace(tstate: *mut PyThreadState, func: Py_tracefunc, arg: *mut PyObject) -> c_int {
    if tstate.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    install(tstate, c"sys.settrace", false, func, arg)
}

/// `int _PyEval_SetProfile(PyThreadState *tstate, Py_tracefunc func, PyObject *arg)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyEval_SetProfile(tstate: *mut PyThreadState, func: Py_tracefunc, arg: *mut PyObject) -> c_int {
    if tstate.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    install(tstate, c"sys.setprofile", true, func, arg)
}

/// `void PyEval_SetTrace(Py_tracefunc func, PyObject *arg)`: for the current thread; a
/// refusal is reported as unraisable.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyEval_SetTrace(func: Py_tracefunc, arg: *mut PyObject) {
    if _PyEval_SetTrace(crate::runtime::pystate::current(), func, arg) < 0 {
        crate::errors::unraisable::write_unraisable(Some("Exception ignored in PyEval_SetTrace"), core::ptr::null_mut());
    }
}

/// `void PyEval_SetProfile(Py_tracefunc func, PyObject *arg)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyEval_SetProfile(func: Py_tracefunc, arg: *mut PyObject) {
    if _PyEval_SetProfile(crate::runtime::pystate::current(), func, arg) < 0 {
        crate::errors::unraisable::write_unraisable(Some("Exception ignored in PyEval_SetProfile"), core::ptr::null_mut());
    }
}

/// Calls `func(obj, frame, what, arg)` for frame `f`, unless a trace function is running.
/// The frame's `lasti` is the instruction the event is about.
pub(crate) unsafe fn call(
    ts: *mut PyThreadState,
    func: Py_tracefunc,
    obj: *mut PyObject,
    f: *mut Frame,
    what: c_int,
    arg: *mut PyObject,
) -> PyResult<()> {
    let Some(func) = func else { return Ok(()) };
    if (*ts).tracing != 0 {
        return Ok(());
    }
    let fo = crate::eval::frame_object::materialize(f)?;
    let old_what = core::mem::replace(&mut (*ts).tracing_what, what);
    PyThreadState_EnterTracing(ts);
    // The function may drop the last other reference to the frame object.
    crate::object::refcount::Py_IncRef(fo);
    let r = func(obj, fo as *mut crate::eval::frame::PyFrameObject, what, arg);
    crate::object::refcount::Py_DecRef(fo);
    PyThreadState_LeaveTracing(ts);
    (*ts).tracing_what = old_what;
    if r != 0 { Err(Raised::assume_set()) } else { Ok(()) }
}

/// As `call`, with the pending exception (if any) set aside and put back when the function
/// succeeds; when it fails, its exception replaces the pending one.
pub(crate) unsafe fn call_protected(
    ts: *mut PyThreadState,
    func: Py_tracefunc,
    obj: *mut PyObject,
    f: *mut Frame,
    what: c_int,
    arg: *mut PyObject,
) -> PyResult<()> {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let r = call(ts, func, obj, f, what, arg);
    if r.is_ok() {
        crate::errors::pyerr::PyErr_Restore(t, v, tb);
    } else {
        for o in [t, v, tb] {
            crate::object::refcount::Py_DecRef(o);
        }
    }
    r
}

/// The first instruction that reports events: the function's `RESUME` (what comes before
/// it makes cells and generators, and is not the function's own code).
pub(crate) unsafe fn first_traceable(f: *mut Frame) -> u32 {
    let words = (*f).rt().words();
    words.iter().position(|&w| w as u8 == Op::RESUME as u8).unwrap_or(0) as u32
}

#[inline]
unsafe fn line_at(f: *mut Frame, at: u32) -> u32 {
    (*f).rt().position(at).line
}

/// The `call` event for trace and profile functions (a function starts, a generator
/// resumes).
pub(crate) unsafe fn function_entry(ts: *mut PyThreadState, f: *mut Frame) -> PyResult<()> {
    let none = crate::abstract_::none();
    call_protected(ts, (*ts).c_tracefunc, (*ts).c_traceobj, f, PyTrace_CALL, none)?;
    call_protected(ts, (*ts).c_profilefunc, (*ts).c_profileobj, f, PyTrace_CALL, none)
}

/// The `return` event: `value` returned or yielded, NULL when an exception leaves.
pub(crate) unsafe fn function_exit(ts: *mut PyThreadState, f: *mut Frame, value: *mut PyObject) -> PyResult<()> {
    call_protected(ts, (*ts).c_tracefunc, (*ts).c_traceobj, f, PyTrace_RETURN, value)?;
    call_protected(ts, (*ts).c_profilefunc, (*ts).c_profileobj, f, PyTrace_RETURN, value)
}

/// The `exception` event for the pending exception, reported to the trace function with
/// `(type, value, traceback)`. A failing trace function's exception replaces it.
#[cold]
pub(crate) unsafe fn exception(ts: *mut PyThreadState, f: *mut Frame) {
    if (*ts).c_tracefunc.is_none() || (*ts).tracing != 0 {
        return;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    if t.is_null() {
        return;
    }
    if v.is_null() {
        v = crate::abstract_::new_ref(crate::abstract_::none()).into_ptr();
    }
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let tbv = if tb.is_null() { crate::abstract_::none() } else { tb };
    let arg = match crate::objects::tuple::from_ptrs(&[t, v, tbv]) {
        Ok(a) => a,
        Err(_) => {
            crate::errors::pyerr::PyErr_Restore(t, v, tb);
            return;
        }
    };
    let r = call(ts, (*ts).c_tracefunc, (*ts).c_traceobj, f, PyTrace_EXCEPTION, arg.as_ptr());
    if r.is_ok() {
        crate::errors::pyerr::PyErr_Restore(t, v, tb);
    } else {
        for o in [t, v, tb] {
            crate::object::refcount::Py_DecRef(o);
        }
    }
}

/// Before the instruction at `ip` of `f` while tracing is on: the `call` event at the
/// function's `RESUME`, else `line` (a new line, or a jump back to the start of one) and
/// `opcode` events. Returns where to continue: `ip`, or the target of a jump made by
/// setting `f_lineno` (the frame's stack depth is then the target's).
#[cold]
#[inline(never)]
pub(crate) unsafe fn instruction(ts: *mut PyThreadState, f: *mut Frame, ip: usize) -> PyResult<usize> {
    let prev = (*f).lasti;
    let first = first_traceable(f);
    if (ip as u32) < first {
        return Ok(ip);
    }
    (*f).lasti = ip as u32;
    let op = *(*f).rt().words().get_unchecked(ip) as u8;
    if op == Op::RESUME as u8 {
        function_entry(ts, f)?;
        return Ok(ip);
    }
    if (*ts).c_tracefunc.is_none() || (*ts).tracing != 0 {
        return Ok(ip);
    }
    let fo = crate::eval::frame_object::materialize(f)?;
    let (trace_lines, trace_opcodes) = crate::eval::frame_trace::flags(fo);
    let line = line_at(f, ip as u32);
    let mut r = Ok(());
    if line != 0 && trace_lines {
        let last = if prev <= first { u32::MAX } else { line_at(f, prev) };
        let backward = (ip as u32) < prev && op != Op::SEND as u8;
        if line != last || backward {
            r = call(ts, (*ts).c_tracefunc, (*ts).c_traceobj, f, PyTrace_LINE, crate::abstract_::none());
        }
    }
    if r.is_ok() && trace_opcodes {
        r = call(ts, (*ts).c_tracefunc, (*ts).c_traceobj, f, PyTrace_OPCODE, crate::abstract_::none());
    }
    r?;
    // A line trace function may have moved the frame (f_lineno); lasti is where to go.
    Ok((*f).lasti as usize)
}

/// Runs `call_c` (the call of `func`, a C function) between the profile function's
/// `c_call` and `c_return` (or `c_exception`) events.
unsafe fn around_c_call(ts: *mut PyThreadState, func: *mut PyObject, call_c: impl FnOnce() -> *mut PyObject) -> *mut PyObject {
    let f = crate::eval::interp_frame::current(ts);
    if (*ts).c_profilefunc.is_none() || (*ts).tracing != 0 || f.is_null() {
        return call_c();
    }
    if call(ts, (*ts).c_profilefunc, (*ts).c_profileobj, f, PyTrace_C_CALL, func).is_err() {
        return core::ptr::null_mut();
    }
    let r = call_c();
    if (*ts).c_profilefunc.is_none() {
        return r;
    }
    if r.is_null() {
        let _ = call_protected(ts, (*ts).c_profilefunc, (*ts).c_profileobj, f, PyTrace_C_EXCEPTION, func);
        return r;
    }
    if call(ts, (*ts).c_profilefunc, (*ts).c_profileobj, f, PyTrace_C_RETURN, func).is_err() {
        crate::object::refcount::Py_DecRef(r);
        return core::ptr::null_mut();
    }
    r
}

unsafe fn is_c_function(func: *mut PyObject) -> bool {
    let tp = (*func).ob_type;
    tp == &raw mut crate::objects::cfunction::PyCFunction_Type || tp == &raw mut crate::objects::cfunction::PyCMethod_Type
}

unsafe fn is_method_descriptor(func: *mut PyObject) -> bool {
    (*func).ob_type == &raw mut crate::object::descr_objects::PyMethodDescr_Type
}

/// The `CALL` of a callable that is not inlined, while tracing is on: C functions and
/// method descriptors (bound to their first argument for the event) are reported to the
/// profile function.
#[cold]
#[inline(never)]
pub(crate) unsafe fn vectorcall(
    ts: *mut PyThreadState,
    func: *mut PyObject,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    use crate::abstract_::call::PyObject_Vectorcall;
    use crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
    if is_c_function(func) {
        return around_c_call(ts, func, || PyObject_Vectorcall(func, args, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames));
    }
    if is_method_descriptor(func) && nargs > 0 {
        let this = *args;
        let bound = match (*(*func).ob_type).tp_descr_get {
            Some(get) => get(func, this, (*this).ob_type as *mut PyObject),
            None => core::ptr::null_mut(),
        };
        if bound.is_null() {
            return core::ptr::null_mut();
        }
        let r = around_c_call(ts, bound, || PyObject_Vectorcall(bound, args.add(1), nargs - 1, kwnames));
        crate::object::refcount::Py_DecRef(bound);
        return r;
    }
    PyObject_Vectorcall(func, args, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames)
}

/// `CALL_FUNCTION_EX` while tracing is on: as `vectorcall`, for a tuple and a dict.
#[cold]
#[inline(never)]
pub(crate) unsafe fn call_ex(ts: *mut PyThreadState, func: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::call::PyObject_Call;
    if is_c_function(func) {
        return around_c_call(ts, func, || PyObject_Call(func, args, kwargs));
    }
    let n = crate::objects::tuple::len(args);
    if is_method_descriptor(func) && n > 0 {
        let items = crate::objects::tuple::items(args);
        let this = items[0];
        let bound = match (*(*func).ob_type).tp_descr_get {
            Some(get) => get(func, this, (*this).ob_type as *mut PyObject),
            None => core::ptr::null_mut(),
        };
        if bound.is_null() {
            return core::ptr::null_mut();
        }
        let rest = match crate::objects::tuple::from_ptrs(&items[1..]) {
            Ok(t) => t,
            Err(_) => {
                crate::object::refcount::Py_DecRef(bound);
                return core::ptr::null_mut();
            }
        };
        let r = around_c_call(ts, bound, || PyObject_Call(bound, rest.as_ptr(), kwargs));
        crate::object::refcount::Py_DecRef(bound);
        return r;
    }
    PyObject_Call(func, args, kwargs)
}

/// `sys.call_tracing(func, args)`: calls `func(*args)` with the `tracing` count cleared,
/// as CPython 3.11 does (its `use_tracing` stays as it was, so inside a trace function the
/// call itself reports no events).
pub(crate) unsafe fn call_tracing(func: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let ts = crate::runtime::pystate::current();
    let saved = core::mem::replace(&mut (*ts).tracing, 0);
    let saved_use = (*(*ts).cframe).use_tracing;
    let r = crate::abstract_::call::PyObject_Call(func, args, core::ptr::null_mut());
    (*ts).tracing = saved;
    (*(*ts).cframe).use_tracing = saved_use;
    r
}
