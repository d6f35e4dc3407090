//! Python-to-Python calls. The common shape of a call, bound without the general binder: only
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

/// Pops the frame of a function that returned (its value stack is empty): the common case
/// (no frame object, not a generator's frame) drops the locals, function and code without
/// the bookkeeping of `interp_frame::pop`, which handles the rest.
///
/// # Safety
/// `f` is `ts`'s innermost frame, with an empty value stack.
#[inline(always)]
pub(crate) unsafe fn pop_returned(ts: *mut crate::runtime::threadstate::PyThreadState, f: *mut crate::eval::interp_frame::Frame) {
    use crate::eval::interp_frame;
    if !(*f).frame_obj.is_null() || (*f).owned_by_gen {
        interp_frame::pop(ts, f);
        return;
    }
    // Nothing reaches `f` once it is not current, so the slots need no clearing as they go.
    interp_frame::set_current(ts, (*f).previous);
    let slots = (*f).slots();
    for i in 0..(*f).rt().nlocalsplus() {
        let v = *slots.add(i);
        if !v.is_null() {
            decref(v);
        }
    }
    if !(*f).locals.is_null() {
        decref((*f).locals);
    }
    decref((*f).func);
    decref((*f).code as *mut PyObject);
    crate::eval::frame_stack::release(ts, f as *mut *mut PyObject);
}

#[inline(always)]
unsafe fn decref(o: *mut PyObject) {
    (*o).ob_refcnt -= 1;
    if (*o).ob_refcnt == 0 {
        crate::object::refcount::_Py_Dealloc(o);
    }
}
