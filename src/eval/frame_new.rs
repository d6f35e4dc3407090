//! Frames made by C: `PyFrame_New` (a frame over a code object, globals and locals that
//! its frame object owns: for `PyTraceBack_Here`, as Cython adds traceback entries, and
//! for `PyEval_EvalFrame(Ex)`), `PyFrame_GetGenerator`.
use core::ffi::c_int;

use crate::abstract_::new_ref;
use crate::errors::raised::PyResult;
use crate::eval::frame::PyFrameObject;
use crate::eval::frame_object::{check, fo, materialize};
use crate::eval::interp_frame::{self, Frame};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise, ExcType};
use crate::objects::code::PyCodeObject;
use crate::objects::{code_rt, code_type, dict};
use crate::runtime::threadstate::PyThreadState;

unsafe fn new_frame(code: *mut PyCodeObject, globals: *mut PyObject, locals: *mut PyObject) -> PyResult<*mut PyObject> {
    if code.is_null() || !code_type::is_code(code as *mut PyObject) || globals.is_null() || !dict::is_dict(globals) {
        return Err(bad_internal_call());
    }
    let func = crate::objects::function_type::new(code as *mut PyObject, globals, core::ptr::null_mut())?;
    let rt = code_rt::rt(code);
    let words = interp_frame::HEADER_WORDS + rt.frame_slots();
    let f = crate::object::pymem::PyMem_Calloc(words, 8) as *mut Frame;
    if f.is_null() {
        return Err(crate::object::pending_error::no_memory());
    }
    let fo_ = func.as_ptr() as *mut crate::objects::function::PyFunctionObject;
    (*f).code = new_ref(code as *mut PyObject).into_ptr() as *mut PyCodeObject;
    (*f).globals = (*fo_).func_globals;
    (*f).builtins = (*fo_).func_builtins;
    (*f).func = func.into_ptr();
    (*f).locals = if locals.is_null() { locals } else { new_ref(locals).into_ptr() };
    // As if its RESUME had run: the line is the code's first.
    (*f).lasti = crate::eval::trace::first_traceable(f);
    let op = match materialize(f) {
        Ok(op) => op,
        Err(e) => {
            interp_frame::clear(f);
            crate::object::pymem::PyMem_Free(f as *mut core::ffi::c_void);
            return Err(e);
        }
    };
    // The object owns the frame; the frame's link back is not a reference.
    fo(op).owned = f;
    Ok(op)
}

/// `PyFrameObject *PyFrame_New(PyThreadState *tstate, PyCodeObject *code, PyObject
/// *globals, PyObject *locals)`: a new frame object, not running, at the code's first line.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_New(
    _tstate: *mut PyThreadState,
    code: *mut PyCodeObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> *mut PyFrameObject {
    new_frame(code, globals, locals).unwrap_or(core::ptr::null_mut()) as *mut PyFrameObject
}

/// The frame memory of frame object `op` (from `PyFrame_New`) goes (its deallocation).
pub(crate) unsafe fn release_owned(op: *mut PyObject) {
    let o = fo(op);
    let f = core::mem::replace(&mut o.owned, core::ptr::null_mut());
    if f.is_null() {
        return;
    }
    (*f).frame_obj = core::ptr::null_mut();
    interp_frame::clear(f);
    crate::object::pymem::PyMem_Free(f as *mut core::ffi::c_void);
    if o.frame == f {
        o.frame = core::ptr::null_mut();
    }
}

/// The not-yet-run frame a `PyFrame_New` frame object owns, or NULL.
pub(crate) unsafe fn owned_frame(op: *mut PyObject) -> *mut Frame {
    let f = fo(op).owned;
    if f.is_null() || (*f).code.is_null() { core::ptr::null_mut() } else { f }
}

/// `PyObject *PyFrame_GetGenerator(PyFrameObject *frame)`: a new reference to the
/// generator (or coroutine) running the frame, NULL (no exception) for other frames.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetGenerator(frame: *mut PyFrameObject) -> *mut PyObject {
    let Some(op) = check(frame) else { return core::ptr::null_mut() };
    let f = fo(op).frame;
    if f.is_null() {
        return core::ptr::null_mut();
    }
    let gen = crate::objects::gen_type::of_frame(f);
    if gen.is_null() { gen } else { new_ref(gen).into_ptr() }
}

/// `PyObject *PyEval_EvalFrameEx(PyFrameObject *f, int throwflag)`: runs a frame made by
/// `PyFrame_New` (its code from the start, with its globals and locals); with `throwflag`
/// the pending exception is raised in it first.
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalFrameEx(frame: *mut PyFrameObject, throwflag: c_int) -> *mut PyObject {
    let Some(op) = check(frame) else { return core::ptr::null_mut() };
    let owned = owned_frame(op);
    if owned.is_null() {
        let _ = raise(ExcType::SystemError, "PyEval_EvalFrameEx: only a frame made by PyFrame_New can be evaluated");
        return core::ptr::null_mut();
    }
    let code = (*owned).code;
    if crate::objects::code_new::is_foreign(code) {
        return crate::abstract_::ret_obj(Err(crate::objects::code_new::cannot_run(code)));
    }
    if (*code).co_nfreevars > 0 {
        let _ = raise(ExcType::SystemError, "PyEval_EvalFrameEx: the code has free variables and a new frame has no closure");
        return core::ptr::null_mut();
    }
    if throwflag != 0 && crate::errors::pyerr::PyErr_Occurred().is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let ts = crate::runtime::pystate::current();
    let f = interp_frame::push(ts, (*owned).func, (*owned).locals);
    let n = code_rt::rt(code).nlocalsplus();
    for i in 0..n {
        let v = *(*owned).slots().add(i);
        if !v.is_null() {
            *(*f).slots().add(i) = new_ref(v).into_ptr();
        }
    }
    if throwflag != 0 {
        crate::eval::ceval_loop::run(ts, f, true)
    } else {
        crate::eval::call_function::eval_frame(ts, f)
    }
}

/// `PyObject *PyEval_EvalFrame(PyFrameObject *f)`.
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalFrame(frame: *mut PyFrameObject) -> *mut PyObject {
    PyEval_EvalFrameEx(frame, 0)
}
