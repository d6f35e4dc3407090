//! The common shape of a Python-to-Python call, bound without the general binder: only
//! positional arguments, exactly as many as the function's positional parameters, and no
//! `*args`, `**kwargs` or keyword-only parameters. The eval loop then moves the argument
//! references straight from its stack into the callee's first slots.
use crate::object::object::PyObject;
use crate::objects::code::{PyCodeObject, CO_VARARGS, CO_VARKEYWORDS};
use crate::objects::function::PyFunctionObject;

/// Whether a call of the function `func` with `nargs` positional arguments and no keyword
/// arguments fills exactly its positional parameters.
///
/// # Safety
/// `func` is a live function.
#[inline(always)]
pub(crate) unsafe fn binds_positionally(func: *mut PyObject, nargs: usize) -> bool {
    let co = (*(func as *mut PyFunctionObject)).func_code as *mut PyCodeObject;
    (*co).co_argcount as usize == nargs && (*co).co_kwonlyargcount == 0 && (*co).co_flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
}

