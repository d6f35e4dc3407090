//! `classmethod` and `staticmethod`: wrappers that change how a callable binds when found
//! on a class. Both keep the callable (`__func__`, `__wrapped__`), copy its `__module__`,
//! `__name__`, `__qualname__`, `__doc__` and `__annotations__` into their own `__dict__`
//! (3.10+), and report `__isabstractmethod__` from it.
use core::ffi::{c_int, c_void, CStr};
use core::mem::offset_of;

use crate::errors::exception_types::_PyExc_TypeError;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::generic_getattr::{PyObject_GenericGetAttr, PyObject_GenericGetDict, PyObject_GenericSetAttr, PyObject_GenericSetDict};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Del, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::*;
use crate::objects::{dict, str as pystr, tuple};

/// The layout of both types (CPython's `classmethod` struct): the callable and the dict.
#[repr(C)]
pub(crate) struct CallableWrapper {
    pub ob_base: PyObject,
    pub callable: *mut PyObject,
    pub dict: *mut PyObject,
}

unsafe fn as_wrapper<'a>(op: *mut PyObject) -> &'a mut CallableWrapper {
    &mut *(op as *mut CallableWrapper)
}

unsafe extern "C" fn wrapper_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let w = as_wrapper(op);
    drop(PyRef::from_owned(core::mem::replace(&mut w.callable, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut w.dict, core::ptr::null_mut())));
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => PyObject_GC_Del(op as *mut c_void),
    }
}

unsafe extern "C" fn wrapper_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let w = as_wrapper(op);
    let Some(visit) = visit else { return 0 };
    for o in [w.callable, w.dict] {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn wrapper_clear(op: *mut PyObject) -> c_int {
    let w = as_wrapper(op);
    drop(PyRef::from_owned(core::mem::replace(&mut w.callable, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut w.dict, core::ptr::null_mut())));
    0
}

/// Copies the callable's descriptive attributes into the wrapper's dict (those it has).
unsafe fn copy_attributes(op: *mut PyObject, callable: *mut PyObject) -> PyResult<()> {
    for name in [c"__module__", c"__name__", c"__qualname__", c"__doc__", c"__annotations__"] {
        let key = crate::object::object_attr::interned_name(name.as_ptr())?;
        if let Some(v) = crate::object::object_attr::lookup_attr(callable, key.as_ptr())? {
            crate::object::object_attr::set_attr(op, key.as_ptr(), v.as_ptr())?;
        }
    }
    Ok(())
}

/// `__init__(callable)` of both types; `what` is the type's name for errors.
unsafe fn init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject, what: &str) -> c_int {
    let r = (|| -> PyResult<()> {
        if !kwds.is_null() && dict::len(kwds) != 0 {
            return Err(raise_type(&raw mut _PyExc_TypeError, format!("{what}() takes no keyword arguments")));
        }
        let items = tuple::items(args);
        if items.len() != 1 {
            return Err(raise_type(&raw mut _PyExc_TypeError, format!("{what} expected 1 argument, got {}", items.len())));
        }
        let w = as_wrapper(op);
        (*items[0]).ob_refcnt += 1;
        drop(PyRef::from_owned(core::mem::replace(&mut w.callable, items[0])));
        copy_attributes(op, items[0])
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn classmethod_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    init(op, args, kwds, "classmethod")
}

unsafe extern "C" fn staticmethod_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    init(op, args, kwds, "staticmethod")
}

/// `classmethod.__get__`: the callable bound to the class (or, when the callable is itself
/// a descriptor, what its `__get__(cls, cls)` gives, as 3.9-3.12 chain).
unsafe extern "C" fn classmethod_get(op: *mut PyObject, obj: *mut PyObject, tp: *mut PyObject) -> *mut PyObject {
    let callable = as_wrapper(op).callable;
    if callable.is_null() {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_RuntimeError, "uninitialized classmethod object");
        return core::ptr::null_mut();
    }
    let tp = if tp.is_null() { (*obj).ob_type as *mut PyObject } else { tp };
    if let Some(get) = (*(*callable).ob_type).tp_descr_get {
        return get(callable, tp, tp);
    }
    crate::objects::method::PyMethod_New(callable, tp)
}

/// `staticmethod.__get__`: the callable itself.
unsafe extern "C" fn staticmethod_get(op: *mut PyObject, _obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    let callable = as_wrapper(op).callable;
    if callable.is_null() {
        let _ = raise_type(&raw mut crate::errors::exception_types::_PyExc_RuntimeError, "uninitialized staticmethod object");
        return core::ptr::null_mut();
    }
    (*callable).ob_refcnt += 1;
    callable
}

/// `staticmethod.__call__` (3.10+): calls the callable.
unsafe extern "C" fn staticmethod_call(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    crate::abstract_::call::PyObject_Call(as_wrapper(op).callable, args, kwds)
}

unsafe fn repr(op: *mut PyObject, what: &str) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let callable = as_wrapper(op).callable;
        let inner = if callable.is_null() {
            "NULL".to_string()
        } else {
            pystr::to_string(crate::abstract_::object::repr(callable)?.as_ptr())
        };
        pystr::from_utf8(&format!("<{what}({inner})>"))
    })();
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn classmethod_repr(op: *mut PyObject) -> *mut PyObject {
    repr(op, "classmethod")
}

unsafe extern "C" fn staticmethod_repr(op: *mut PyObject) -> *mut PyObject {
    repr(op, "staticmethod")
}

/// `__isabstractmethod__`: whether the callable says it is abstract.
pub(crate) unsafe fn is_abstract(callable: *mut PyObject) -> PyResult<bool> {
    if callable.is_null() {
        return Ok(false);
    }
    let key = crate::object::object_attr::interned_name(c"__isabstractmethod__".as_ptr())?;
    match crate::object::object_attr::lookup_attr(callable, key.as_ptr())? {
        Some(v) => crate::abstract_::object::is_true(v.as_ptr()),
        None => Ok(false),
    }
}

unsafe extern "C" fn get_isabstract(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    match is_abstract(as_wrapper(op).callable) {
        Ok(b) => crate::objects::bool::PyBool_FromLong(b as core::ffi::c_long),
        Err(_) => core::ptr::null_mut(),
    }
}

static mut WRAPPER_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"__func__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(CallableWrapper, callable) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"__wrapped__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(CallableWrapper, callable) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

static mut WRAPPER_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef { name: c"__isabstractmethod__".as_ptr(), get: Some(get_isabstract), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"__dict__".as_ptr(), get: Some(PyObject_GenericGetDict), set: Some(PyObject_GenericSetDict), doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

const fn wrapper_type(name: &'static CStr, doc: &'static CStr) -> PyTypeObject {
    PyTypeObject {
        tp_dealloc: Some(wrapper_dealloc),
        tp_getattro: Some(PyObject_GenericGetAttr),
        tp_setattro: Some(PyObject_GenericSetAttr),
        tp_traverse: Some(wrapper_traverse),
        tp_clear: Some(wrapper_clear),
        tp_members: &raw mut WRAPPER_MEMBERS as *mut PyMemberDef,
        tp_getset: &raw mut WRAPPER_GETSET as *mut PyGetSetDef,
        tp_dictoffset: offset_of!(CallableWrapper, dict) as isize,
        tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
        tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
        tp_free: Some(PyObject_GC_Del),
        ..static_type(name, core::mem::size_of::<CallableWrapper>(), 0, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, Some(doc))
    }
}

/// `PyClassMethod_Type`: `classmethod`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyClassMethod_Type: PyTypeObject = PyTypeObject {
    tp_repr: Some(classmethod_repr),
    tp_descr_get: Some(classmethod_get),
    tp_init: Some(classmethod_init),
    ..wrapper_type(c"classmethod", c"classmethod(function) -> method\n\nConvert a function to be a class method.\n\nA class method receives the class as implicit first argument,\njust like an instance method receives the instance.\nTo declare a class method, use this idiom:\n\n  class C:\n      @classmethod\n      def f(cls, arg1, arg2, argN):\n          ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()).  The instance is ignored except for its class.\nIf a class method is called for a derived class, the derived class\nobject is passed as the implied first argument.\n\nClass methods are different than C++ or Java static methods.\nIf you want those, see the staticmethod builtin.")
};

/// `PyStaticMethod_Type`: `staticmethod`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyStaticMethod_Type: PyTypeObject = PyTypeObject {
    tp_repr: Some(staticmethod_repr),
    tp_call: Some(staticmethod_call),
    tp_descr_get: Some(staticmethod_get),
    tp_init: Some(staticmethod_init),
    ..wrapper_type(c"staticmethod", c"staticmethod(function) -> method\n\nConvert a function to be a static method.\n\nA static method does not receive an implicit first argument.\nTo declare a static method, use this idiom:\n\n     class C:\n         @staticmethod\n         def f(arg1, arg2, argN):\n             ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()). Both the class and the instance are ignored, and\nneither is passed implicitly as the first argument to the method.\n\nStatic methods in Python are similar to those found in Java or C++.\nFor a more advanced concept, see the classmethod builtin.")
};

/// A new wrapper of type `tp` around `callable` (unlike `tp(callable)`, nothing is copied
/// into its dict, as in CPython).
unsafe fn new_wrapper(tp: *mut PyTypeObject, callable: *mut PyObject) -> PyResult<PyRef> {
    if callable.is_null() {
        return Err(bad_internal_call());
    }
    let op = PyRef::from_owned(crate::object::generic_alloc::PyType_GenericAlloc(tp, 0)).ok_or_else(Raised::assume_set)?;
    (*callable).ob_refcnt += 1;
    as_wrapper(op.as_ptr()).callable = callable;
    Ok(op)
}

/// `PyObject *PyClassMethod_New(PyObject *callable)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyClassMethod_New(callable: *mut PyObject) -> *mut PyObject {
    new_wrapper(&raw mut PyClassMethod_Type, callable).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `PyObject *PyStaticMethod_New(PyObject *callable)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyStaticMethod_New(callable: *mut PyObject) -> *mut PyObject {
    new_wrapper(&raw mut PyStaticMethod_Type, callable).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// The `staticmethod` readying makes for a `METH_STATIC` entry of `tp_methods`: a builtin
/// function whose `self` is the type.
///
/// # Safety
/// `ml` is a live method definition.
pub(crate) unsafe fn static_method_from_def(tp: *mut PyTypeObject, ml: *mut PyMethodDef) -> PyResult<PyRef> {
    let f = crate::objects::cfunction::PyCFunction_NewEx(ml, tp as *mut PyObject, core::ptr::null_mut());
    let f = PyRef::from_owned(f).ok_or_else(Raised::assume_set)?;
    PyRef::from_owned(PyStaticMethod_New(f.as_ptr())).ok_or_else(Raised::assume_set)
}
