//! `anext_awaitable`: what `anext(it, default)` returns. Awaiting it drives the awaitable of
//! `it.__anext__()`; when that ends with StopAsyncIteration, the await returns the default
//! instead (raised as StopIteration(default), the way an awaitable returns a value).
use core::ffi::{c_int, c_void};

use crate::abstract_::type_error;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::owned;
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::slots::PyAsyncMethods;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};

#[repr(C)]
struct AnextAwaitable {
    ob_base: PyObject,
    wrapped: *mut PyObject,
    default_value: *mut PyObject,
}

static mut ANEXT_ASYNC: PyAsyncMethods = PyAsyncMethods {
    am_await: Some(crate::abstract_::object::PyObject_SelfIter),
    am_aiter: None,
    am_anext: None,
    am_send: None,
};

static mut ANEXT_METHODS: [PyMethodDef; 4] = [
    crate::modules::meth(c"send", send, METH_O, c"send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."),
    crate::modules::meth(c"throw", throw, METH_VARARGS, c"throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in the wrapped iterator, return next yielded value\nor raise StopIteration.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a future version of Python."),
    crate::modules::meth(c"close", close, METH_NOARGS, c"close() -> raise GeneratorExit inside generator."),
    crate::modules::END,
];

/// The `anext_awaitable` type (not in `builtins`, as in CPython).
pub(crate) static mut ANEXT_AWAITABLE_TYPE: PyTypeObject = PyTypeObject {
    tp_as_async: &raw mut ANEXT_ASYNC,
    tp_dealloc: Some(anext_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(anext_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(anext_next),
    tp_methods: &raw mut ANEXT_METHODS as *mut PyMethodDef,
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    ..static_type(c"anext_awaitable", core::mem::size_of::<AnextAwaitable>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `anext(it, default)`'s result around the awaitable `it.__anext__()` gave.
///
/// # Safety
/// Both are live objects.
pub(crate) unsafe fn wrap(awaitable: PyRef, default: *mut PyObject) -> PyResult<PyRef> {
    crate::abstract_::object::ensure_ready(&raw mut ANEXT_AWAITABLE_TYPE)?;
    let op = alloc(&raw mut ANEXT_AWAITABLE_TYPE)?;
    let a = op.as_ptr() as *mut AnextAwaitable;
    (*a).wrapped = awaitable.into_ptr();
    (*a).default_value = crate::abstract_::new_ref(default).into_ptr();
    Ok(op)
}

/// The iterator behind the wrapped awaitable: its `__await__()`.
unsafe fn awaitable_iter(a: *mut AnextAwaitable) -> PyResult<PyRef> {
    let w = (*a).wrapped;
    let Some(getter) = (*(*w).ob_type).tp_as_async.as_ref().and_then(|x| x.am_await) else {
        return Err(type_error(format!("object {} can't be used in 'await' expression", crate::objects::float::type_name_n((*w).ob_type, 100))));
    };
    let it = owned(getter(w))?;
    if !crate::abstract_::iter::is_iterator(it.as_ptr()) {
        return Err(type_error(format!("__await__() returned non-iterator of type '{}'", crate::objects::float::type_name_n((*it.as_ptr()).ob_type, 100))));
    }
    Ok(it)
}

/// A NULL result of the wrapped iterator: StopAsyncIteration becomes StopIteration(default).
unsafe fn finish(a: *mut AnextAwaitable, r: *mut PyObject) -> *mut PyObject {
    if !r.is_null() {
        return r;
    }
    let stop_async = &raw mut exc::_PyExc_StopAsyncIteration as *mut PyObject;
    if crate::errors::pyerr::PyErr_ExceptionMatches(stop_async) != 0 {
        crate::errors::pyerr::PyErr_Clear();
        // An instance, so that a tuple or exception default is the value itself.
        let stop = &raw mut exc::_PyExc_StopIteration as *mut PyObject;
        let args = [(*a).default_value];
        let e = crate::abstract_::call::vectorcall(stop, args.as_ptr(), 1, core::ptr::null_mut());
        if !e.is_null() {
            crate::errors::pyerr::PyErr_SetObject(stop, e);
            drop(PyRef::from_owned(e));
        }
    }
    core::ptr::null_mut()
}

unsafe extern "C" fn anext_next(op: *mut PyObject) -> *mut PyObject {
    let a = op as *mut AnextAwaitable;
    match awaitable_iter(a) {
        Ok(it) => {
            let next = (*(*it.as_ptr()).ob_type).tp_iternext.expect("checked iterator");
            finish(a, next(it.as_ptr()))
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// `self.<name>(*args)` forwarded to the wrapped iterator.
unsafe fn proxy(op: *mut PyObject, name: &str, args: Option<*mut PyObject>) -> *mut PyObject {
    let a = op as *mut AnextAwaitable;
    let r = (|| -> PyResult<PyRef> {
        let it = awaitable_iter(a)?;
        let method = crate::object::object_attr::get_attr(it.as_ptr(), crate::objects::str::intern(name)?.as_ptr())?;
        let tuple = match args {
            Some(t) if crate::objects::tuple::is_tuple(t) => crate::abstract_::new_ref(t),
            Some(x) => crate::objects::tuple::from_slice(&[crate::abstract_::new_ref(x)])?,
            None => crate::objects::tuple::new(0)?,
        };
        owned(crate::abstract_::call::call_tuple(method.as_ptr(), tuple.as_ptr(), core::ptr::null_mut()))
    })();
    match r {
        Ok(v) => v.into_ptr(),
        Err(_) => finish(a, core::ptr::null_mut()),
    }
}

unsafe extern "C" fn send(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    proxy(op, "send", Some(arg))
}

unsafe extern "C" fn throw(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    proxy(op, "throw", Some(args))
}

unsafe extern "C" fn close(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    proxy(op, "close", None)
}

unsafe extern "C" fn anext_dealloc(op: *mut PyObject) {
    dealloc_fields(op, 2);
}

unsafe extern "C" fn anext_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 2, visit, arg)
}

