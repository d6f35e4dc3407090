//! Generators (`PyGen_Type`) and coroutines (`PyCoro_Type`): an object owning a suspended
//! frame (a heap block, pointed to from `gi_iframe[0]`). `send`/`next` push the frame on
//! the thread's frame chain and run it until `YIELD_VALUE` or its end; `throw` resumes it
//! with an exception; `close` throws GeneratorExit. `yield from`/`await` delegation (the
//! receiver kept on the frame's stack under a suspended `SEND`) is honoured by `throw` and
//! `close`. A StopIteration escaping the frame becomes RuntimeError (PEP 479).
use core::ffi::{c_int, c_void};

use crate::abstract_::{from_slot, new_ref, none, tp_name, type_error};
use crate::errors::baseexception::{END_GETSET, END_MEMBER};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::eval::interp_frame::{self, Frame, COMPLETED, CREATED, RUNNING, SUSPENDED};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Del, PyObject_GC_Track, PyObject_GC_UnTrack, _PyObject_GC_New};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::code::{PyCodeObject, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE};
use crate::objects::gen::PyGenObject;
use crate::objects::{str as pystr, tuple};

/// `PyGen_Type`: `generator`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyGen_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(gen_dealloc),
    tp_finalize: Some(gen_finalize),
    tp_weaklistoffset: core::mem::offset_of!(PyGenObject, gi_weakreflist) as isize,
    tp_repr: Some(gen_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(gen_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(gen_iternext),
    tp_methods: &raw mut GEN_METHODS as *mut PyMethodDef,
    tp_members: &raw mut GEN_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut GEN_GETSET as *mut PyGetSetDef,
    ..static_type(c"generator", core::mem::size_of::<PyGenObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `PyCoro_Type`: `coroutine`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyCoro_Type: PyTypeObject = PyTypeObject {
    tp_as_async: &raw mut CORO_ASYNC,
    tp_dealloc: Some(gen_dealloc),
    tp_finalize: Some(gen_finalize),
    tp_weaklistoffset: core::mem::offset_of!(PyGenObject, gi_weakreflist) as isize,
    tp_repr: Some(gen_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(gen_traverse),
    tp_methods: &raw mut CORO_METHODS as *mut PyMethodDef,
    tp_members: &raw mut CORO_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut CORO_GETSET as *mut PyGetSetDef,
    ..static_type(c"coroutine", core::mem::size_of::<PyGenObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// What resuming a generator produced.
pub(crate) enum Sent {
    Yielded(PyRef),
    Returned(PyRef),
}

#[inline]
pub(crate) unsafe fn is_gen(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyGen_Type
}

#[inline]
pub(crate) unsafe fn is_coro(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyCoro_Type
}

pub(crate) unsafe fn g<'a>(op: *mut PyObject) -> &'a mut PyGenObject {
    &mut *(op as *mut PyGenObject)
}

unsafe fn frame_of(op: *mut PyObject) -> *mut Frame {
    g(op).gi_iframe[0] as *mut Frame
}

#[inline]
pub(crate) unsafe fn is_async_gen(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut crate::objects::asyncgen_type::PyAsyncGen_Type
}

/// How messages name the object: "generator", "coroutine" or "async generator".
fn kind(op: *mut PyObject) -> &'static str {
    // SAFETY: a live object.
    unsafe {
        if is_coro(op) {
            "coroutine"
        } else if is_async_gen(op) {
            "async generator"
        } else {
            "generator"
        }
    }
}

pub(crate) unsafe fn state(op: *mut PyObject) -> u8 {
    let f = frame_of(op);
    if f.is_null() { COMPLETED } else { (*f).state }
}

/// Makes the generator (or coroutine) for the running frame `f` at `RETURN_GENERATOR`:
/// the frame's header, slots and stack move into a heap block the generator owns; it
/// resumes at word `resume`. `f` is left empty for its caller to release.
pub(crate) unsafe fn from_frame(f: *mut Frame, stackdepth: usize, resume: u32) -> PyResult<PyRef> {
    let co = (*f).code;
    let tp = if (*co).co_flags & CO_COROUTINE != 0 {
        &raw mut PyCoro_Type
    } else if (*co).co_flags & CO_ASYNC_GENERATOR != 0 {
        &raw mut crate::objects::asyncgen_type::PyAsyncGen_Type
    } else {
        &raw mut PyGen_Type
    };
    // Read while `f` still links to its caller.
    let origin = if tp == &raw mut PyCoro_Type { crate::modules::sys_coro_origin::origin_of(f)? } else { None };
    let op = from_frame_as(f, stackdepth, resume, tp)?;
    if let Some(origin) = origin {
        g(op.as_ptr()).gi_origin_or_finalizer = origin.into_ptr();
    }
    Ok(op)
}

/// As `from_frame`, with the type given (`PyGen_New`, `PyCoro_New`, `PyAsyncGen_New`).
pub(crate) unsafe fn from_frame_as(f: *mut Frame, stackdepth: usize, resume: u32, tp: *mut crate::object::typeobject::PyTypeObject) -> PyResult<PyRef> {
    let co = (*f).code;
    let words = interp_frame::HEADER_WORDS + (*f).rt().frame_slots();
    // One word before the frame points back at the generator (`PyFrame_GetGenerator`).
    let mem = crate::object::pymem::PyMem_Malloc((words + 1) * 8) as *mut *mut PyObject;
    if mem.is_null() {
        return Err(crate::object::pending_error::no_memory());
    }
    let block = mem.add(1) as *mut Frame;
    let op = _PyObject_GC_New(tp);
    if op.is_null() {
        crate::object::pymem::PyMem_Free(mem as *mut c_void);
        return Err(Raised::assume_set());
    }
    *mem = op;
    core::ptr::copy_nonoverlapping(f as *const *mut PyObject, block as *mut *mut PyObject, words);
    (*block).owned_by_gen = true;
    (*block).is_entry = false;
    (*block).previous = core::ptr::null_mut();
    (*block).stackdepth = stackdepth as u32;
    (*block).lasti = resume;
    (*block).state = CREATED;
    if !(*block).frame_obj.is_null() {
        (*((*block).frame_obj as *mut crate::eval::frame_object::FrameObject)).frame = block;
    }
    // The original frame no longer owns anything.
    core::ptr::write_bytes((f as *mut *mut PyObject).add(interp_frame::HEADER_WORDS), 0, words - interp_frame::HEADER_WORDS);
    (*f).code = core::ptr::null_mut();
    (*f).func = core::ptr::null_mut();
    (*f).locals = core::ptr::null_mut();
    (*f).frame_obj = core::ptr::null_mut();
    (*f).stackdepth = 0;
    let gen = g(op);
    let func = (*block).func as *mut crate::objects::function::PyFunctionObject;
    gen.gi_code = new_ref(co as *mut PyObject).into_ptr() as *mut PyCodeObject;
    gen.gi_weakreflist = core::ptr::null_mut();
    gen.gi_name = new_ref((*func).func_name).into_ptr();
    gen.gi_qualname = new_ref((*func).func_qualname).into_ptr();
    gen.gi_exc_state.exc_value = core::ptr::null_mut();
    gen.gi_exc_state.previous_item = core::ptr::null_mut();
    gen.gi_origin_or_finalizer = core::ptr::null_mut();
    gen.gi_hooks_inited = 0;
    gen.gi_closed = 0;
    gen.gi_running_async = 0;
    gen.gi_frame_state = CREATED as i8;
    gen.gi_iframe[0] = block as *mut PyObject;
    PyObject_GC_Track(op as *mut c_void);
    Ok(PyRef::from_owned(op).unwrap_unchecked())
}

/// Resumes the generator with `arg` (pushed as the value of the suspended `yield`), or
/// with the exception set when `throw` is true.
pub(crate) unsafe fn send_ex(op: *mut PyObject, arg: *mut PyObject, throw: bool) -> PyResult<Sent> {
    let f = frame_of(op);
    let st = state(op);
    if st == RUNNING {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("{} already executing", kind(op))));
    }
    if st == COMPLETED {
        if is_coro(op) && !throw {
            return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "cannot reuse already awaited coroutine"));
        }
        if !throw {
            return Ok(Sent::Returned(new_ref(none())));
        }
        return Err(Raised::assume_set());
    }
    if st == CREATED && !throw && !arg.is_null() && arg != none() {
        return Err(type_error(format!("can't send non-None value to a just-started {}", kind(op))));
    }
    let ts = crate::runtime::pystate::current();
    if !throw {
        let slots = (*f).slots();
        let top = slots.add((*f).rt().nlocalsplus() + (*f).stackdepth as usize);
        *top = new_ref(if arg.is_null() { none() } else { arg }).into_ptr();
        (*f).stackdepth += 1;
    }
    (*f).previous = interp_frame::current(ts);
    interp_frame::set_current(ts, f);
    let gen = g(op);
    gen.gi_exc_state.previous_item = (*ts).exc_info;
    (*ts).exc_info = &mut gen.gi_exc_state;
    if throw {
        // The thrown exception's `__context__` is what the generator itself was handling at
        // its `yield` (CPython's _PyErr_ChainStackItem: its own entry only, not the handlers
        // of the frames below).
        let handled = gen.gi_exc_state.exc_value;
        if !handled.is_null() && handled != none() {
            let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
            crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
            crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
            if !v.is_null() {
                crate::errors::normalize::chain_context(v, handled);
            }
            crate::errors::pyerr::PyErr_Restore(t, v, tb);
        }
    }
    let resumed_from = (*f).state;
    (*f).state = RUNNING;
    gen.gi_frame_state = RUNNING as i8;
    // A PEP 523 hook sees every resume, as CPython's gen_send_ex.
    let result = match crate::runtime::interpreter::Interpreter::from_c((*ts).interp).eval_frame {
        Some(hook) => hook(ts, f as *mut crate::eval::frame::_PyInterpreterFrame, throw as core::ffi::c_int),
        None => crate::eval::ceval_loop::run_resumed(ts, f, throw, resumed_from),
    };
    (*ts).exc_info = gen.gi_exc_state.previous_item;
    gen.gi_exc_state.previous_item = core::ptr::null_mut();
    let st = (*f).state;
    gen.gi_frame_state = st as i8;
    if st == SUSPENDED {
        return Ok(Sent::Yielded(PyRef::from_owned(result).unwrap_unchecked()));
    }
    // Finished: the exception state the frame handled goes too.
    drop(PyRef::from_owned(core::mem::replace(&mut gen.gi_exc_state.exc_value, core::ptr::null_mut())));
    if !result.is_null() {
        return Ok(Sent::Returned(PyRef::from_owned(result).unwrap_unchecked()));
    }
    // PEP 479: StopIteration (and StopAsyncIteration from an async generator) must not
    // escape a generator.
    let stop_async = is_async_gen(op)
        && crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_StopAsyncIteration as *mut PyObject) != 0;
    if stop_async || crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_StopIteration as *mut PyObject) != 0 {
        let cause = crate::eval::ops::fetch_exception();
        let what = if stop_async { "StopAsyncIteration" } else { "StopIteration" };
        let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, format!("{} raised {what}", kind(op)));
        let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
        crate::errors::baseexception::PyException_SetContext(v, new_ref(cause.as_ptr()).into_ptr());
        crate::errors::baseexception::PyException_SetCause(v, cause.into_ptr());
        crate::errors::pyerr::PyErr_Restore(t, v, tb);
    }
    Err(Raised::assume_set())
}

/// Sets StopIteration for a generator's return value (`_PyGen_SetStopIterationValue`).
pub(crate) unsafe fn set_stop_iteration(value: *mut PyObject) -> Raised {
    let si = &raw mut exc::_PyExc_StopIteration;
    if tuple::is_tuple(value) || crate::errors::pyerr::is_exception_instance(value) {
        match tuple::from_ptrs(&[value]).and_then(|a| crate::errors::normalize::instantiate(si, a.as_ptr())) {
            Ok(e) => crate::errors::pyerr::PyErr_SetObject(si as *mut PyObject, e.as_ptr()),
            Err(r) => return r,
        }
    } else {
        crate::errors::pyerr::PyErr_SetObject(si as *mut PyObject, value);
    }
    Raised::assume_set()
}

/// The receiver a generator suspended in `yield from`/`await` delegates to (borrowed).
pub(crate) unsafe fn yield_from(op: *mut PyObject) -> *mut PyObject {
    let f = frame_of(op);
    if f.is_null() || (*f).state != SUSPENDED {
        return core::ptr::null_mut();
    }
    let words = (*f).rt().words();
    let next = words.get((*f).lasti as usize + 1).copied().unwrap_or(0);
    if next as u8 != ferropy_compiler::opcode::Op::RESUME as u8 || (next >> 8) < 2 {
        return core::ptr::null_mut();
    }
    let top = (*f).slots().add((*f).rt().nlocalsplus() + (*f).stackdepth as usize - 1);
    *top
}

pub(crate) unsafe extern "C" fn gen_iternext(op: *mut PyObject) -> *mut PyObject {
    match send_ex(op, core::ptr::null_mut(), false) {
        Ok(Sent::Yielded(v)) => v.into_ptr(),
        Ok(Sent::Returned(v)) => {
            if v.as_ptr() != none() {
                let _ = set_stop_iteration(v.as_ptr());
            }
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

pub(crate) unsafe fn send_result(r: PyResult<Sent>) -> *mut PyObject {
    match r {
        Ok(Sent::Yielded(v)) => v.into_ptr(),
        Ok(Sent::Returned(v)) => {
            let _ = set_stop_iteration(v.as_ptr());
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

pub(crate) unsafe extern "C" fn gen_send(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    send_result(send_ex(op, arg, false))
}

/// Closes the receiver of a delegation (its `close` method, if any).
unsafe fn close_iter(yf: *mut PyObject) -> PyResult<()> {
    if is_gen(yf) || is_coro(yf) {
        return close(yf);
    }
    if let Some(m) = crate::object::object_attr::lookup_attr(yf, pystr::intern("close")?.as_ptr())? {
        drop(from_slot(crate::abstract_::call::PyObject_CallNoArgs(m.as_ptr()))?);
    }
    Ok(())
}

/// The generator owning frame `f` (borrowed), NULL for a frame of the frame stack.
pub(crate) unsafe fn of_frame(f: *mut Frame) -> *mut PyObject {
    if (*f).owned_by_gen { *(f as *mut *mut PyObject).sub(1) } else { core::ptr::null_mut() }
}

pub(crate) unsafe fn close(op: *mut PyObject) -> PyResult<()> {
    let st = state(op);
    if st == CREATED {
        let f = frame_of(op);
        (*f).previous = core::ptr::null_mut();
        interp_frame::clear(f);
        (*f).state = COMPLETED;
        g(op).gi_frame_state = COMPLETED as i8;
        return Ok(());
    }
    if st == COMPLETED {
        return Ok(());
    }
    let yf = yield_from(op);
    let mut err = Ok(());
    if !yf.is_null() {
        let f = frame_of(op);
        (*f).state = RUNNING;
        err = close_iter(yf);
        (*f).state = SUSPENDED;
    }
    if err.is_ok() {
        crate::errors::pyerr::PyErr_SetNone(&raw mut exc::_PyExc_GeneratorExit as *mut PyObject);
    }
    match send_ex(op, core::ptr::null_mut(), true) {
        Ok(Sent::Yielded(_)) => Err(raise_type(&raw mut exc::_PyExc_RuntimeError, format!("{} ignored GeneratorExit", kind(op)))),
        Ok(Sent::Returned(_)) => Ok(()),
        Err(e) => {
            let ge = &raw mut exc::_PyExc_GeneratorExit as *mut PyObject;
            let si = &raw mut exc::_PyExc_StopIteration as *mut PyObject;
            if crate::errors::pyerr::PyErr_ExceptionMatches(ge) != 0 || crate::errors::pyerr::PyErr_ExceptionMatches(si) != 0 {
                crate::errors::pyerr::PyErr_Clear();
                return Ok(());
            }
            Err(e)
        }
    }
}

pub(crate) unsafe extern "C" fn gen_close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    match close(op) {
        Ok(()) => new_ref(none()).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `throw(type[, value[, traceback]])`.
pub(crate) unsafe fn throw(op: *mut PyObject, typ: *mut PyObject, val: *mut PyObject, tb: *mut PyObject) -> PyResult<Sent> {
    let val = if val.is_null() || val == none() { core::ptr::null_mut() } else { val };
    let tb = if tb.is_null() || tb == none() { core::ptr::null_mut() } else { tb };
    if !tb.is_null() && (*tb).ob_type != &raw mut crate::eval::traceback::PyTraceBack_Type {
        return Err(type_error("throw() third argument must be a traceback object"));
    }
    let yf = yield_from(op);
    if !yf.is_null() {
        let f = frame_of(op);
        let ge = &raw mut exc::_PyExc_GeneratorExit as *mut PyObject;
        if crate::errors::pyerr::PyErr_GivenExceptionMatches(typ, ge) != 0 {
            (*f).state = RUNNING;
            let r = close_iter(yf);
            (*f).state = SUSPENDED;
            if r.is_err() {
                return send_ex(op, core::ptr::null_mut(), true);
            }
        } else {
            let yf = new_ref(yf);
            (*f).state = RUNNING;
            let r: PyResult<Option<PyRef>> = if is_gen(yf.as_ptr()) || is_coro(yf.as_ptr()) {
                match throw(yf.as_ptr(), typ, val, tb) {
                    Ok(Sent::Yielded(v)) => Ok(Some(v)),
                    Ok(Sent::Returned(v)) => Err(set_stop_iteration(v.as_ptr())),
                    Err(e) => Err(e),
                }
            } else {
                match crate::object::object_attr::lookup_attr(yf.as_ptr(), pystr::intern("throw")?.as_ptr()) {
                    Err(e) => Err(e),
                    Ok(None) => Ok(None),
                    Ok(Some(m)) => {
                        let args: Vec<*mut PyObject> = [typ, val, tb].into_iter().take_while(|p| !p.is_null()).collect();
                        let t = tuple::from_ptrs(&args)?;
                        from_slot(crate::abstract_::call::PyObject_Call(m.as_ptr(), t.as_ptr(), core::ptr::null_mut())).map(Some)
                    }
                }
            };
            (*f).state = SUSPENDED;
            match r {
                Ok(Some(v)) => return Ok(Sent::Yielded(v)),
                Ok(None) => {}
                Err(_) => {
                    // The receiver finished: pop it and continue after the SEND loop with
                    // its StopIteration value, or re-raise its error in this frame.
                    let si = &raw mut exc::_PyExc_StopIteration as *mut PyObject;
                    if crate::errors::pyerr::PyErr_ExceptionMatches(si) != 0 {
                        let value = crate::abstract_::iter::stop_iteration_value()?;
                        let slots = (*f).slots();
                        let at = (*f).rt().nlocalsplus() + (*f).stackdepth as usize - 1;
                        drop(PyRef::from_owned(core::mem::replace(&mut *slots.add(at), core::ptr::null_mut())));
                        (*f).stackdepth -= 1;
                        let send_at = (*f).lasti as usize - 1;
                        let target = (*f).rt().words()[send_at] >> 8;
                        (*f).lasti = target - 1;
                        return send_ex(op, value.as_ptr(), false);
                    }
                    return send_ex(op, core::ptr::null_mut(), true);
                }
            }
        }
    }
    // Raise the exception in the generator's frame.
    if crate::errors::pyerr::is_exception_class(typ) {
        crate::object::refcount::Py_IncRef(typ);
        if !val.is_null() {
            crate::object::refcount::Py_IncRef(val);
        }
        if !tb.is_null() {
            crate::object::refcount::Py_IncRef(tb);
        }
        crate::errors::pyerr::PyErr_Restore(typ, val, tb);
        let (mut t, mut v, mut b) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut b);
        crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut b);
        crate::errors::pyerr::PyErr_Restore(t, v, b);
    } else if crate::errors::pyerr::is_exception_instance(typ) {
        if !val.is_null() {
            return Err(type_error("instance exception may not have a separate value"));
        }
        let t = (*typ).ob_type as *mut PyObject;
        crate::object::refcount::Py_IncRef(t);
        crate::object::refcount::Py_IncRef(typ);
        let tb = if tb.is_null() { crate::errors::baseexception::PyException_GetTraceback(typ) } else { new_ref(tb).into_ptr() };
        crate::errors::pyerr::PyErr_Restore(t, typ, tb);
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            tp_name(typ)
        )));
    }
    send_ex(op, core::ptr::null_mut(), true)
}

/// `throw(*args)`: the arguments checked, then `throw`.
pub(crate) unsafe fn throw_args(op: *mut PyObject, args: *mut PyObject) -> PyResult<Sent> {
    let a = tuple::items(args);
    if a.is_empty() || a.len() > 3 {
        let what = if a.is_empty() { "at least 1 argument" } else { "at most 3 arguments" };
        return Err(type_error(format!("throw expected {what}, got {}", a.len())));
    }
    let get = |i: usize| a.get(i).copied().unwrap_or(core::ptr::null_mut());
    throw(op, a[0], get(1), get(2))
}

pub(crate) unsafe extern "C" fn gen_throw(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    send_result(throw_args(op, args))
}

pub(crate) unsafe extern "C" fn gen_repr(op: *mut PyObject) -> *mut PyObject {
    let q = pystr::to_string(g(op).gi_qualname);
    crate::abstract_::ret_obj(pystr::from_utf8(&format!("<{} object {q} at {op:p}>", tp_name(op))))
}

pub(crate) unsafe extern "C" fn gen_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let gen = g(op);
    let r = crate::errors::baseexception::visit_all(&[gen.gi_code as *mut PyObject, gen.gi_name, gen.gi_qualname, gen.gi_exc_state.exc_value], visit, arg);
    if r != 0 {
        return r;
    }
    let f = frame_of(op);
    if f.is_null() || (*f).code.is_null() {
        return 0;
    }
    let n = (*f).rt().nlocalsplus() + (*f).stackdepth as usize;
    let slots = (*f).slots();
    let items: Vec<*mut PyObject> = (0..n).map(|i| *slots.add(i)).chain([(*f).func, (*f).locals, (*f).frame_obj]).collect();
    crate::errors::baseexception::visit_all(&items, visit, arg)
}

/// `tp_finalize` (PEP 442; run once, by the collector for a generator in a garbage cycle or
/// by the dealloc): a suspended generator is closed (its `finally` blocks run); an async
/// generator with a finalizer hook is handed to it instead (sys.set_asyncgen_hooks).
pub(crate) unsafe extern "C" fn gen_finalize(op: *mut PyObject) {
    if never_awaited(op) {
        let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        warn_unawaited(op);
        crate::errors::pyerr::PyErr_Restore(t, v, tb);
        return;
    }
    if !matches!(state(op), SUSPENDED) {
        return;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let finalizer = g(op).gi_origin_or_finalizer;
    if is_async_gen(op) && !finalizer.is_null() && g(op).gi_closed == 0 {
        let r = crate::abstract_::call::PyObject_CallOneArg(finalizer, op);
        if r.is_null() {
            crate::errors::print::PyErr_WriteUnraisable(finalizer);
        }
        crate::object::refcount::Py_DecRef(r);
    } else if close(op).is_err() {
        crate::errors::print::PyErr_WriteUnraisable(op);
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

/// A coroutine (code flagged `CO_COROUTINE`) that was never started: finalizing it warns.
unsafe fn never_awaited(op: *mut PyObject) -> bool {
    state(op) == CREATED && !g(op).gi_code.is_null() && (*g(op).gi_code).co_flags & CO_COROUTINE != 0
}

/// "coroutine '...' was never awaited" (CPython's `_PyErr_WarnUnawaitedCoroutine`): through
/// `warnings._warn_unawaited_coroutine`, which adds the `cr_origin` traceback, else as a
/// plain RuntimeWarning.
unsafe fn warn_unawaited(op: *mut PyObject) {
    let mut warned = false;
    let warnings = crate::import::api::PyImport_ImportModule(c"warnings".as_ptr());
    if !warnings.is_null() {
        let warnings = PyRef::from_owned(warnings).unwrap_unchecked();
        if let Some(f) = PyRef::from_owned(crate::object::object_attr::PyObject_GetAttrString(warnings.as_ptr(), c"_warn_unawaited_coroutine".as_ptr())) {
            let r = crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), op);
            let runtime_warning = &raw mut crate::errors::exception_types::_PyExc_RuntimeWarning as *mut PyObject;
            warned = !r.is_null() || crate::errors::pyerr::PyErr_ExceptionMatches(runtime_warning) != 0;
            crate::object::refcount::Py_DecRef(r);
        }
    }
    if !crate::errors::pyerr::PyErr_Occurred().is_null() {
        crate::errors::print::PyErr_WriteUnraisable(op);
    }
    if !warned {
        let text = format!("coroutine '{}' was never awaited", crate::objects::str::to_string(g(op).gi_qualname));
        let text = std::ffi::CString::new(text).unwrap_or_default();
        if crate::errors::warnings::PyErr_WarnEx(core::ptr::null_mut(), text.as_ptr(), 1) < 0 {
            crate::errors::print::PyErr_WriteUnraisable(op);
        }
    }
}

pub(crate) unsafe extern "C" fn gen_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::objects::weakref::clear_weakrefs_if_any(op);
    if matches!(state(op), SUSPENDED) || never_awaited(op) {
        // Tracked while finalizing, so a generator its finalizer resurrects stays tracked.
        crate::object::objimpl::PyObject_GC_Track(op as *mut c_void);
        if crate::object::subtype::PyObject_CallFinalizerFromDealloc(op) != 0 {
            return;
        }
        PyObject_GC_UnTrack(op as *mut c_void);
    }
    let gen = g(op);
    let f = frame_of(op);
    if !f.is_null() {
        (*f).previous = core::ptr::null_mut();
        interp_frame::clear(f);
        crate::object::pymem::PyMem_Free((f as *mut *mut PyObject).sub(1) as *mut c_void);
        gen.gi_iframe[0] = core::ptr::null_mut();
    }
    for field in [&mut gen.gi_name, &mut gen.gi_qualname, &mut gen.gi_exc_state.exc_value, &mut gen.gi_origin_or_finalizer] {
        drop(PyRef::from_owned(core::mem::replace(field, core::ptr::null_mut())));
    }
    drop(PyRef::from_owned(core::mem::replace(&mut gen.gi_code, core::ptr::null_mut()) as *mut PyObject));
    PyObject_GC_Del(op as *mut c_void);
}

pub(crate) unsafe extern "C" fn get_frame(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = frame_of(op);
    if f.is_null() || (*f).state == COMPLETED {
        return new_ref(none()).into_ptr();
    }
    match crate::eval::frame_object::materialize(f) {
        Ok(o) => new_ref(o).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

pub(crate) unsafe extern "C" fn get_running(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::bool::PyBool_FromLong((state(op) == RUNNING) as _)
}

pub(crate) unsafe extern "C" fn get_suspended(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::bool::PyBool_FromLong((state(op) == SUSPENDED) as _)
}

pub(crate) unsafe extern "C" fn get_yieldfrom(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let yf = yield_from(op);
    new_ref(if yf.is_null() { none() } else { yf }).into_ptr()
}

pub(crate) unsafe extern "C" fn get_name(op: *mut PyObject, closure: *mut c_void) -> *mut PyObject {
    let gen = g(op);
    new_ref(if closure.is_null() { gen.gi_name } else { gen.gi_qualname }).into_ptr()
}

pub(crate) unsafe extern "C" fn set_name(op: *mut PyObject, value: *mut PyObject, closure: *mut c_void) -> c_int {
    let which = if closure.is_null() { "__name__" } else { "__qualname__" };
    if value.is_null() || !pystr::is_str(value) {
        let _ = type_error(format!("{which} must be set to a string object"));
        return -1;
    }
    let gen = g(op);
    let field = if closure.is_null() { &mut gen.gi_name } else { &mut gen.gi_qualname };
    drop(PyRef::from_owned(core::mem::replace(field, new_ref(value).into_ptr())));
    0
}

unsafe extern "C" fn coro_await(op: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj(crate::objects::coro_wrapper::new(op))
}

static mut CORO_ASYNC: crate::object::slots::PyAsyncMethods =
    crate::object::slots::PyAsyncMethods { am_await: Some(coro_await), am_aiter: None, am_anext: None, am_send: None };

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut GEN_GETSET: [PyGetSetDef; 7] = [
    PyGetSetDef { name: c"__name__".as_ptr(), get: Some(get_name), set: Some(set_name), doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__qualname__".as_ptr(), get: Some(get_name), set: Some(set_name), doc: core::ptr::null(), closure: 1 as *mut c_void },
    getter(c"gi_frame", get_frame),
    getter(c"gi_running", get_running),
    getter(c"gi_suspended", get_suspended),
    getter(c"gi_yieldfrom", get_yieldfrom),
    END_GETSET,
];

static mut CORO_GETSET: [PyGetSetDef; 7] = [
    PyGetSetDef { name: c"__name__".as_ptr(), get: Some(get_name), set: Some(set_name), doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__qualname__".as_ptr(), get: Some(get_name), set: Some(set_name), doc: core::ptr::null(), closure: 1 as *mut c_void },
    getter(c"cr_frame", get_frame),
    getter(c"cr_running", get_running),
    getter(c"cr_suspended", get_suspended),
    getter(c"cr_await", get_yieldfrom),
    END_GETSET,
];

static mut GEN_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef { name: c"gi_code".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(PyGenObject, gi_code) as isize, flags: READONLY, doc: core::ptr::null() },
    END_MEMBER,
];

static mut CORO_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"cr_code".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(PyGenObject, gi_code) as isize, flags: READONLY, doc: core::ptr::null() },
    // NULL reads as None: tracking was off when the coroutine was made.
    PyMemberDef { name: c"cr_origin".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(PyGenObject, gi_origin_or_finalizer) as isize, flags: READONLY, doc: core::ptr::null() },
    END_MEMBER,
];

static mut GEN_METHODS: [PyMethodDef; 4] = [
    crate::modules::meth(c"send", gen_send, METH_O, c"send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    crate::modules::meth(c"throw", gen_throw, METH_VARARGS, c"throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    crate::modules::meth(c"close", gen_close, METH_NOARGS, c"close() -> raise GeneratorExit inside generator."),
    crate::modules::END,
];

static mut CORO_METHODS: [PyMethodDef; 4] = [
    crate::modules::meth(c"send", gen_send, METH_O, c"send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."),
    crate::modules::meth(c"throw", gen_throw, METH_VARARGS, c"throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."),
    crate::modules::meth(c"close", gen_close, METH_NOARGS, c"close() -> raise GeneratorExit inside coroutine."),
    crate::modules::END,
];

/// `GET_AWAITABLE`'s iterator for `o` (CPython's `_PyCoro_GetAwaitableIter`).
pub(crate) unsafe fn awaitable_iter(o: *mut PyObject) -> PyResult<PyRef> {
    if is_coro(o) || (is_gen(o) && (*g(o).gi_code).co_flags & CO_ITERABLE_COROUTINE != 0) {
        return Ok(new_ref(o));
    }
    let am = (*(*o).ob_type).tp_as_async;
    if !am.is_null() {
        if let Some(await_) = (*am).am_await {
            let r = from_slot(await_(o))?;
            if is_coro(r.as_ptr()) {
                return Err(type_error("__await__() returned a coroutine"));
            }
            if !crate::abstract_::iter::is_iterator(r.as_ptr()) {
                return Err(type_error(format!("__await__() returned non-iterator of type '{}'", tp_name(r.as_ptr()))));
            }
            return Ok(r);
        }
    }
    Err(type_error(format!("object {} can't be used in 'await' expression", tp_name(o))))
}
