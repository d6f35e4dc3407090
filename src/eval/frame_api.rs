//! What C code asks of the running frame: `PyEval_GetGlobals`, `PyEval_GetLocals`,
//! `PyEval_GetFuncName`, `PyEval_GetFuncDesc`, and the builtins a new frame inherits.
use core::ffi::c_char;

use crate::eval::interp_frame;
use crate::object::object::PyObject;

/// The builtins of the running frame, else the interpreter's (borrowed).
pub(crate) unsafe fn current_builtins() -> *mut PyObject {
    let f = interp_frame::current(crate::runtime::pystate::current());
    if !f.is_null() {
        return (*f).builtins;
    }
    crate::runtime::interpreter::current().map_or(core::ptr::null_mut(), |i| i.builtins)
}

/// `PyObject *PyEval_GetGlobals(void)`: the running frame's globals (borrowed), or NULL.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetGlobals() -> *mut PyObject {
    let f = interp_frame::current(crate::runtime::pystate::current());
    if f.is_null() { core::ptr::null_mut() } else { (*f).globals }
}

/// `PyObject *PyEval_GetLocals(void)`: the running frame's locals mapping (borrowed), or
/// NULL with SystemError when no frame runs. For function frames the fast locals are
/// copied into a dict the frame keeps.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetLocals() -> *mut PyObject {
    let f = interp_frame::current(crate::runtime::pystate::current());
    if f.is_null() {
        let _ = crate::object::pending_error::raise(crate::object::pending_error::ExcType::SystemError, "frame does not exist");
        return core::ptr::null_mut();
    }
    crate::eval::locals::frame_locals(f).unwrap_or(core::ptr::null_mut())
}

/// `const char *PyEval_GetFuncName(PyObject *func)`: a function's or method's name, else
/// the `tp_name` of the object's type (for a class too, as in 3.11).
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFuncName(func: *mut PyObject) -> *const c_char {
    use crate::objects::{cfunction, function_type, method};
    if method::is_method(func) {
        return PyEval_GetFuncName((*(func as *mut method::PyMethodObject)).im_func);
    }
    if function_type::is_function(func) {
        let name = (*(func as *mut crate::objects::function::PyFunctionObject)).func_name;
        return crate::objects::str_utf8::as_utf8(name).map_or(core::ptr::null(), |s| s.as_ptr() as *const c_char);
    }
    if crate::abstract_::is_instance_of(func, &raw mut cfunction::PyCFunction_Type) {
        return (*(*(func as *mut cfunction::PyCFunctionObject)).m_ml).ml_name;
    }
    (*(*func).ob_type).tp_name
}

/// `const char *PyEval_GetFuncDesc(PyObject *func)`.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFuncDesc(func: *mut PyObject) -> *const c_char {
    use crate::objects::{cfunction, function_type, method};
    if method::is_method(func)
        || function_type::is_function(func)
        || crate::abstract_::is_instance_of(func, &raw mut cfunction::PyCFunction_Type)
    {
        return c"()".as_ptr();
    }
    c" object".as_ptr()
}
