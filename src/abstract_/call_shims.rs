//! The Rust side of the variadic call entry points (src/c/modsupport.c): arguments described
//! by a `Py_BuildValue` format (`PyObject_CallFunction`, `PyObject_CallMethod`, and
//! `PyEval_CallFunction`, `PyEval_CallMethod`, which are the same since 3.9) or given as a NULL-terminated list of objects
//! (`PyObject_CallFunctionObjArgs`, `PyObject_CallMethodObjArgs`); and
//! `PyObject_VectorcallMethod`, which the latter is built on.
use core::ffi::{c_char, c_int, c_void};

use crate::abstract_::build_value::{format_is_empty, ArgStack, Builder};
use crate::abstract_::call::vectorcall;
use crate::errors::exception_types::{_PyExc_SystemError, _PyExc_TypeError};
use crate::errors::pyerr::PyErr_Occurred;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
use crate::object::typetype::type_name;
use crate::objects::tuple;

/// A NULL argument from C (CPython's `null_error`).
unsafe fn null_error() -> *mut PyObject {
    if PyErr_Occurred().is_null() {
        let _ = raise_type(&raw mut _PyExc_SystemError, "null argument to internal routine");
    }
    core::ptr::null_mut()
}

/// `getattr(obj, name)`.
unsafe fn get_attr(obj: *mut PyObject, name: *mut PyObject) -> PyResult<PyRef> {
    crate::object::object_attr::get_attr(obj, name)
}

/// `getattr(obj, name)` for a C string name (`PyObject_GetAttrString`).
unsafe fn get_attr_str(obj: *mut PyObject, name: *const c_char) -> PyResult<PyRef> {
    PyRef::from_owned(crate::object::object_attr::PyObject_GetAttrString(obj, name)).ok_or_else(Raised::assume_set)
}

/// Calls `callable` with the values `format` describes (CPython's `_PyObject_CallFunctionVa`):
/// no format calls with no arguments; a single tuple value is spread into the arguments (so
/// `"O"` with a tuple and `"(OO)"` both give the tuple's items).
unsafe fn call_with_format(callable: *mut PyObject, format: *const c_char, va: *mut c_void, size_t: bool) -> *mut PyObject {
    if callable.is_null() {
        return null_error();
    }
    if format_is_empty(format) {
        return vectorcall(callable, core::ptr::null(), 0, core::ptr::null_mut());
    }
    let mut owned = ArgStack::new();
    if Builder::new(format, va, size_t).build_stack(&mut owned).is_err() {
        return core::ptr::null_mut();
    }
    let stack = owned.as_slice();
    if stack.len() == 1 && tuple::is_tuple(stack[0]) {
        let items = tuple::items(stack[0]);
        return vectorcall(callable, items.as_ptr(), items.len(), core::ptr::null_mut());
    }
    vectorcall(callable, stack.as_ptr(), stack.len(), core::ptr::null_mut())
}

#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_call_function(
    callable: *mut PyObject,
    format: *const c_char,
    va: *mut c_void,
    size_t_flag: c_int,
) -> *mut PyObject {
    call_with_format(callable, format, va, size_t_flag != 0)
}

/// `PyObject_CallMethod` and its spellings: `name` (a C string) or `name_obj` (a str).
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_call_method(
    obj: *mut PyObject,
    name: *const c_char,
    name_obj: *mut PyObject,
    format: *const c_char,
    va: *mut c_void,
    size_t_flag: c_int,
) -> *mut PyObject {
    if obj.is_null() || (name.is_null() && name_obj.is_null()) {
        return null_error();
    }
    let callable = if name_obj.is_null() { get_attr_str(obj, name) } else { get_attr(obj, name_obj) };
    let Ok(callable) = callable else { return core::ptr::null_mut() };
    if (*(*callable.as_ptr()).ob_type).tp_call.is_none() {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("attribute of type '{}' is not callable", type_name((*callable.as_ptr()).ob_type)),
        );
        return core::ptr::null_mut();
    }
    call_with_format(callable.as_ptr(), format, va, size_t_flag != 0)
}

#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_call_objargs(callable: *mut PyObject, args: *const *mut PyObject, nargs: usize) -> *mut PyObject {
    if callable.is_null() {
        return null_error();
    }
    vectorcall(callable, args, nargs, core::ptr::null_mut())
}

/// `PyObject_CallMethodObjArgs`: `args[0]` is free for `obj`.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_call_method_objargs(
    obj: *mut PyObject,
    name: *mut PyObject,
    args: *mut *mut PyObject,
    nargs: usize,
) -> *mut PyObject {
    if obj.is_null() || name.is_null() {
        return null_error();
    }
    *args = obj;
    vectorcall_method(name, args, nargs + 1, core::ptr::null_mut())
}

/// `PyObject_VectorcallMethod` as a Rust function. As CPython's `_PyObject_GetMethod`, a
/// method descriptor of the type that the instance does not shadow is called unbound with
/// `args[0]` as self (no bound method made and freed per call); anything else is bound by
/// `getattr` and called with the rest.
unsafe fn vectorcall_method(name: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    if name.is_null() || nargs == 0 || args.is_null() || (*args).is_null() {
        return null_error();
    }
    if (*name).ob_type == &raw mut crate::objects::str::PyUnicode_Type {
        if let Some(descr) = crate::eval::specialize_cache::unbound_method(*args, name) {
            let descr = PyRef::from_owned(descr).expect("non-NULL");
            return vectorcall(descr.as_ptr(), args, nargsf, kwnames);
        }
    }
    let Ok(callable) = get_attr(*args, name) else { return core::ptr::null_mut() };
    // `args[0]` is no longer an argument, so the callee may use it as `args[-1]`: the
    // offset flag the caller gave stays valid.
    vectorcall(callable.as_ptr(), args.add(1), nargsf - 1, kwnames)
}

/// `PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args,
/// size_t nargsf, PyObject *kwnames)`: calls method `name` of `args[0]` with the rest.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_VectorcallMethod(
    name: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    vectorcall_method(name, args, nargsf, kwnames)
}
