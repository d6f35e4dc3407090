//! Calling a Python function: `_PyFunction_Vectorcall` (the `vectorcall` slot of every
//! function object) binds the arguments into a new frame and runs it, through the
//! interpreter's PEP 523 frame evaluator when one is installed.
use crate::eval::interp_frame::{self, Frame};
use crate::object::object::PyObject;
use crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
use crate::runtime::threadstate::PyThreadState;

/// Runs a pushed frame to completion (it is popped), honouring the PEP 523 hook.
///
/// # Safety
/// `f` is `ts`'s innermost frame, arguments bound.
#[inline]
pub(crate) unsafe fn eval_frame(ts: *mut PyThreadState, f: *mut Frame) -> *mut PyObject {
    let interp = crate::runtime::interpreter::Interpreter::from_c((*ts).interp);
    if let Some(hook) = interp.eval_frame {
        return hook(ts, f as *mut crate::eval::frame::_PyInterpreterFrame, 0);
    }
    crate::eval::ceval_loop::run(ts, f, false)
}

/// `PyObject *_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack, size_t nargsf,
/// PyObject *kwnames)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyFunction_Vectorcall(
    func: *mut PyObject,
    stack: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let ts = crate::runtime::pystate::current();
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let f = interp_frame::push(ts, func, core::ptr::null_mut());
    if crate::eval::bind_args::bind(func, (*f).slots(), stack, nargs, kwnames).is_err() {
        interp_frame::pop(ts, f);
        return core::ptr::null_mut();
    }
    eval_frame(ts, f)
}

/// `PyObject *_PyEval_EvalFrameDefault(PyThreadState *tstate, struct _PyInterpreterFrame
/// *frame, int throwflag)`: the default evaluator, for PEP 523 hooks to call.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyEval_EvalFrameDefault(
    tstate: *mut PyThreadState,
    frame: *mut crate::eval::frame::_PyInterpreterFrame,
    throwflag: core::ffi::c_int,
) -> *mut PyObject {
    let f = frame as *mut Frame;
    if (*f).owned_by_gen {
        // A generator resumed through a hook: after its yield when suspended there.
        let at_yield = *(*f).rt().words().get_unchecked((*f).lasti as usize) as u8 == ferropy_compiler::opcode::Op::YIELD_VALUE as u8;
        let from = if at_yield { interp_frame::SUSPENDED } else { interp_frame::CREATED };
        return crate::eval::ceval_loop::run_resumed(tstate, f, throwflag != 0, from);
    }
    crate::eval::ceval_loop::run(tstate, f, throwflag != 0)
}
