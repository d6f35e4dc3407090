//! Running a code object: `PyEval_EvalCode` (module and class bodies, `exec`) and
//! `PyEval_EvalCodeEx` (a code object called with arguments), both through a function
//! object made for the occasion, as CPython 3.11 does.
use core::ffi::c_int;

use crate::abstract_::{new_ref, none};
use crate::errors::raised::{PyResult, Raised};
use crate::eval::interp_frame;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::function::PyFunctionObject;
use crate::objects::{code_type, dict, function_type, tuple};

/// Runs `code` with `globals` and the namespace `locals` (NULL: the globals).
pub(crate) unsafe fn eval_code(code: *mut PyObject, globals: *mut PyObject, locals: *mut PyObject) -> PyResult<PyRef> {
    eval_code_with_closure(code, globals, locals, core::ptr::null_mut())
}

/// `eval_code` of a code object with free variables, bound to `closure` (a tuple of cells
/// the caller checked: `exec(code, closure=...)`), or none when `closure` is NULL.
pub(crate) unsafe fn eval_code_with_closure(code: *mut PyObject, globals: *mut PyObject, locals: *mut PyObject, closure: *mut PyObject) -> PyResult<PyRef> {
    if code.is_null() || !code_type::is_code(code) || globals.is_null() {
        return Err(bad_internal_call());
    }
    if !dict::is_dict(globals) {
        return Err(raise(ExcType::SystemError, "globals must be a dict"));
    }
    let func = function_type::new(code, globals, core::ptr::null_mut())?;
    if !closure.is_null() {
        (*(func.as_ptr() as *mut PyFunctionObject)).func_closure = new_ref(closure).into_ptr();
    }
    let locals = if locals.is_null() { globals } else { locals };
    let ts = crate::runtime::pystate::current();
    let f = interp_frame::push(ts, func.as_ptr(), locals);
    crate::abstract_::from_slot(crate::eval::call_function::eval_frame(ts, f))
}

/// `PyObject *PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals)`.
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalCode(co: *mut PyObject, globals: *mut PyObject, locals: *mut PyObject) -> *mut PyObject {
    crate::abstract_::ret_obj(eval_code(co, globals, locals))
}

/// `PyObject *PyEval_EvalCodeEx(PyObject *co, PyObject *globals, PyObject *locals,
/// PyObject *const *args, int argc, PyObject *const *kws, int kwc, PyObject *const *defs,
/// int defc, PyObject *kwdefs, PyObject *closure)`: `kws` holds `kwc` (name, value) pairs.
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalCodeEx(
    co: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    args: *const *mut PyObject,
    argc: c_int,
    kws: *const *mut PyObject,
    kwc: c_int,
    defs: *const *mut PyObject,
    defc: c_int,
    kwdefs: *mut PyObject,
    closure: *mut PyObject,
) -> *mut PyObject {
    crate::abstract_::ret_obj((|| -> PyResult<PyRef> {
        if co.is_null() || !code_type::is_code(co) || globals.is_null() {
            return Err(bad_internal_call());
        }
        if !dict::is_dict(globals) {
            return Err(raise(ExcType::SystemError, "globals must be a dict"));
        }
        let func = function_type::new(co, globals, core::ptr::null_mut())?;
        let fo = func.as_ptr() as *mut PyFunctionObject;
        if defc > 0 {
            (*fo).func_defaults = tuple::from_ptrs(core::slice::from_raw_parts(defs, defc as usize))?.into_ptr();
        }
        if !kwdefs.is_null() && kwdefs != none() {
            (*fo).func_kwdefaults = new_ref(kwdefs).into_ptr();
        }
        if !closure.is_null() && closure != none() {
            (*fo).func_closure = new_ref(closure).into_ptr();
        }
        let argc = argc.max(0) as usize;
        let kwc = kwc.max(0) as usize;
        let mut stack: Vec<*mut PyObject> = Vec::with_capacity(argc + kwc);
        stack.extend((0..argc).map(|i| *args.add(i)));
        let mut names = Vec::with_capacity(kwc);
        for i in 0..kwc {
            names.push(*kws.add(2 * i));
            stack.push(*kws.add(2 * i + 1));
        }
        let kwnames = if kwc > 0 { Some(tuple::from_ptrs(&names)?) } else { None };
        let ts = crate::runtime::pystate::current();
        let f = interp_frame::push(ts, func.as_ptr(), if locals == globals { core::ptr::null_mut() } else { locals });
        let bound = crate::eval::bind_args::bind(
            func.as_ptr(),
            (*f).slots(),
            stack.as_ptr(),
            argc,
            kwnames.as_ref().map_or(core::ptr::null_mut(), |k| k.as_ptr()),
        );
        if bound.is_err() {
            interp_frame::pop(ts, f);
            return Err(Raised::assume_set());
        }
        crate::abstract_::from_slot(crate::eval::call_function::eval_frame(ts, f))
    })())
}
