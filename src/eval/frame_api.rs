//! What C code asks of the running frame: `PyEval_GetGlobals`, `PyEval_GetLocals`,
//! `PyEval_GetFuncName`, `PyEval_GetFuncDesc`, and the builtins a new frame inherits.
use core::ffi::{c_char, CStr};

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

/// The name `PyEval_GetFuncName` gives a callable.
pub(crate) unsafe fn func_name(func: *mut PyObject) -> String {
    let p = PyEval_GetFuncName(func);
    if p.is_null() { String::new() } else { CStr::from_ptr(p).to_string_lossy().into_owned() }
}

/// `"()"`, `" constructor"` or `" object"`, as `PyEval_GetFuncDesc`.
pub(crate) unsafe fn func_desc_suffix(func: *mut PyObject) -> &'static str {
    CStr::from_ptr(PyEval_GetFuncDesc(func)).to_str().unwrap_or("")
}

/// `const char *PyEval_GetFuncName(PyObject *func)`: a function's or method's name, a
/// class's `tp_name`, else the `tp_name` of the object's type.
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
    if crate::object::type_layout::is_type(func) {
        return (*(func as *mut crate::object::typeobject::PyTypeObject)).tp_name;
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
    if crate::object::type_layout::is_type(func) {
        return c" constructor".as_ptr();
    }
    c" object".as_ptr()
}
