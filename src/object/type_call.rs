//! Calling a type: `T(*args, **kwargs)` makes an instance (`type.__call__`, the `tp_call` of
//! `type`): `tp_new`, then `tp_init` when the result is an instance of `T`. `type(x)` with one
//! argument is `x`'s type instead, also through vectorcall (`type`'s `tp_vectorcall`).
use crate::abstract_::call::{check_result, make_tp_call};
use crate::errors::exception_types::_PyExc_TypeError;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::PY_VECTORCALL_ARGUMENTS_OFFSET;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DISALLOW_INSTANTIATION};
use crate::object::typetype::{is_subtype, type_name, PyType_Type};
use crate::objects::{dict, tuple};

fn type_error(message: impl Into<String>) -> *mut PyObject {
    let _ = raise_type(&raw mut _PyExc_TypeError, message);
    core::ptr::null_mut()
}

/// `type.__call__(T, *args, **kwargs)`.
pub(crate) unsafe extern "C" fn type_call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let tp = callable as *mut PyTypeObject;
    let has_kwargs = !kwargs.is_null() && dict::len(kwargs) != 0;
    if tp == &raw mut PyType_Type {
        let nargs = tuple::len(args);
        if nargs == 1 && !has_kwargs {
            let item = tuple::items(args)[0];
            return PyRef::from_borrowed((*item).ob_type as *mut PyObject).map_or(core::ptr::null_mut(), PyRef::into_ptr);
        }
        if nargs != 3 {
            return type_error("type() takes 1 or 3 arguments");
        }
    }
    let new = match (*tp).tp_new {
        Some(new) if (*tp).tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION == 0 => new,
        _ => return type_error(format!("cannot create '{}' instances", type_name(tp))),
    };
    let obj = check_result(callable, new(tp, args, kwargs), "");
    let Some(obj) = PyRef::from_owned(obj) else { return core::ptr::null_mut() };
    // An object of another type (`__new__` may return anything) is not initialized.
    let obj_tp = (*obj.as_ptr()).ob_type;
    if obj_tp != tp && !is_subtype(obj_tp, tp) {
        return obj.into_ptr();
    }
    if let Some(init) = (*obj_tp).tp_init {
        if init(obj.as_ptr(), args, kwargs) < 0 {
            return core::ptr::null_mut();
        }
    }
    obj.into_ptr()
}

/// `type`'s own vectorcall: `type(x)` without building a tuple; every other call of `type`
/// goes through `type_call`.
pub(crate) unsafe extern "C" fn type_vectorcall(
    metatype: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    if nargs == 1 && metatype == &raw mut PyType_Type as *mut PyObject {
        if !kwnames.is_null() && tuple::len(kwnames) != 0 {
            return type_error("type() takes no keyword arguments");
        }
        return PyRef::from_borrowed((**args).ob_type as *mut PyObject).map_or(core::ptr::null_mut(), PyRef::into_ptr);
    }
    make_tp_call(metatype, args, nargs, kwnames)
}
