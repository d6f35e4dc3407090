//! Bound methods and instance-method wrappers (CPython's cpython/classobject.h).
use crate::object::object::PyObject;

use crate::object::slots::vectorcallfunc;

/// `PyMethodObject`: a function bound to `im_self`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMethodObject {
    pub ob_base: PyObject,
    pub im_func: *mut PyObject,
    pub im_self: *mut PyObject,
    pub im_weakreflist: *mut PyObject,
    pub vectorcall: vectorcallfunc,
}
assert_layout!(PyMethodObject, size = 48, ob_base @ 0, im_func @ 16, im_self @ 24,
               im_weakreflist @ 32, vectorcall @ 40);

/// `PyInstanceMethodObject`: `instancemethod(func)`, binds like a function on lookup.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyInstanceMethodObject {
    pub ob_base: PyObject,
    pub func: *mut PyObject,
}
assert_layout!(PyInstanceMethodObject, size = 24, ob_base @ 0, func @ 16);

// ---- Bound methods (`method`) ---------------------------------------------------------------
// A callable bound to an object: calling it calls `im_func(im_self, *args)`. Made by
// `classmethod.__get__` (and, later, by functions' `__get__`).

use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::errors::exception_types::_PyExc_TypeError;
use crate::errors::raised::PyResult;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::objimpl::{alloc_object, PyObject_GC_Del, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PY_VECTORCALL_ARGUMENTS_OFFSET};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL};
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_hash_t;

unsafe fn as_method<'a>(op: *mut PyObject) -> &'a mut PyMethodObject {
    &mut *(op as *mut PyMethodObject)
}

/// `im_func(im_self, *args)`, reusing the caller's spare slot before `args` when offered.
unsafe extern "C" fn method_vectorcall(op: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let m = as_method(op);
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(kwnames) };
    if nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET != 0 {
        let slot = (args as *mut *mut PyObject).sub(1);
        let saved = *slot;
        *slot = m.im_self;
        let r = crate::abstract_::call::vectorcall(m.im_func, slot, nargs + 1, kwnames);
        *slot = saved;
        return r;
    }
    let mut stack = Vec::with_capacity(nargs + nkw + 1);
    stack.push(m.im_self);
    stack.extend_from_slice(core::slice::from_raw_parts(args, nargs + nkw));
    crate::abstract_::call::vectorcall(m.im_func, stack.as_ptr(), nargs + 1, kwnames)
}

unsafe extern "C" fn method_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let m = as_method(op);
    drop(PyRef::from_owned(m.im_func));
    drop(PyRef::from_owned(m.im_self));
    PyObject_GC_Del(op as *mut c_void);
}

unsafe extern "C" fn method_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let m = as_method(op);
    let Some(visit) = visit else { return 0 };
    for o in [m.im_func, m.im_self] {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// `<bound method NAME of REPR>`, NAME the function's `__qualname__` (or `__name__`).
unsafe extern "C" fn method_repr(op: *mut PyObject) -> *mut PyObject {
    let m = as_method(op);
    let r = (|| -> PyResult<PyRef> {
        let mut name = "?".to_string();
        for attr in [c"__qualname__", c"__name__"] {
            let key = crate::object::object_attr::interned_name(attr.as_ptr())?;
            if let Some(v) = crate::object::object_attr::lookup_attr(m.im_func, key.as_ptr())? {
                if pystr::is_str(v.as_ptr()) {
                    name = pystr::to_string(v.as_ptr());
                    break;
                }
            }
        }
        let self_repr = crate::abstract_::object::repr(m.im_self)?;
        pystr::from_utf8(&format!("<bound method {name} of {}>", pystr::to_string(self_repr.as_ptr())))
    })();
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// Attributes of the method type first (`__func__`, `__self__`), then the function's.
unsafe extern "C" fn method_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let tp = (*op).ob_type;
    match crate::object::type_cache::lookup(tp, name) {
        Ok(Some(descr)) => {
            let descr = PyRef::from_borrowed(descr).expect("non-NULL");
            return match (*(*descr.as_ptr()).ob_type).tp_descr_get {
                Some(get) => get(descr.as_ptr(), op, tp as *mut PyObject),
                None => descr.into_ptr(),
            };
        }
        Ok(None) => {}
        Err(_) => return core::ptr::null_mut(),
    }
    crate::object::object_attr::PyObject_GetAttr(as_method(op).im_func, name)
}

unsafe extern "C" fn method_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let not_impl = &raw mut crate::objects::singletons::_Py_NotImplementedStruct;
    if (op != 2 && op != 3) || (*a).ob_type != &raw mut PyMethod_Type || (*b).ob_type != &raw mut PyMethod_Type {
        (*not_impl).ob_refcnt += 1;
        return not_impl;
    }
    let (x, y) = (as_method(a), as_method(b));
    let eq = match crate::abstract_::compare::rich_compare_bool(x.im_func, y.im_func, 2) {
        Ok(e) => e && x.im_self == y.im_self,
        Err(_) => return core::ptr::null_mut(),
    };
    crate::objects::bool::PyBool_FromLong(((op == 2) == eq) as core::ffi::c_long)
}

unsafe extern "C" fn method_hash(op: *mut PyObject) -> Py_hash_t {
    let m = as_method(op);
    let a = crate::object::hash::_Py_HashPointer(m.im_self as *const c_void);
    match crate::abstract_::object::hash(m.im_func) {
        Ok(b) => {
            let h = a ^ b;
            if h == -1 { -2 } else { h }
        }
        Err(_) => -1,
    }
}

unsafe extern "C" fn method_descr_get(op: *mut PyObject, _obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    (*op).ob_refcnt += 1;
    op
}

/// `method(function, instance)`.
unsafe extern "C" fn method_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    if !kwds.is_null() && crate::objects::dict::len(kwds) != 0 {
        let _ = raise_type(&raw mut _PyExc_TypeError, "method() takes no keyword arguments");
        return core::ptr::null_mut();
    }
    let items = tuple::items(args);
    if items.len() != 2 {
        let _ = raise_type(&raw mut _PyExc_TypeError, format!("method expected 2 arguments, got {}", items.len()));
        return core::ptr::null_mut();
    }
    if (*(*items[0]).ob_type).tp_call.is_none() {
        let _ = raise_type(&raw mut _PyExc_TypeError, "first argument must be callable");
        return core::ptr::null_mut();
    }
    if items[1] == &raw mut crate::objects::singletons::_Py_NoneStruct {
        let _ = raise_type(&raw mut _PyExc_TypeError, "instance must not be None");
        return core::ptr::null_mut();
    }
    PyMethod_New(items[0], items[1])
}

static mut METHOD_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef { name: c"__func__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PyMethodObject, im_func) as isize, flags: READONLY, doc: c"the function (or other callable) implementing a method".as_ptr() },
    PyMemberDef { name: c"__self__".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PyMethodObject, im_self) as isize, flags: READONLY, doc: c"the instance to which a method is bound".as_ptr() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

/// `__doc__` is the function's.
unsafe extern "C" fn method_get_doc(op: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let key = match crate::object::object_attr::interned_name(c"__doc__".as_ptr()) {
        Ok(k) => k,
        Err(_) => return core::ptr::null_mut(),
    };
    crate::object::object_attr::PyObject_GetAttr(as_method(op).im_func, key.as_ptr())
}

static mut METHOD_GETSET: [crate::object::descr::PyGetSetDef; 2] = [
    crate::object::descr::PyGetSetDef { name: c"__doc__".as_ptr(), get: Some(method_get_doc), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    crate::object::descr::PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `PyMethod_Type`: `method`, a function bound to an object.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyMethod_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(method_dealloc),
    tp_vectorcall_offset: offset_of!(PyMethodObject, vectorcall) as isize,
    tp_repr: Some(method_repr),
    tp_hash: Some(method_hash),
    tp_call: Some(crate::abstract_::call::PyVectorcall_Call),
    tp_getattro: Some(method_getattro),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_traverse: Some(method_traverse),
    tp_richcompare: Some(method_richcompare),
    tp_weaklistoffset: offset_of!(PyMethodObject, im_weakreflist) as isize,
    tp_members: &raw mut METHOD_MEMBERS as *mut PyMemberDef,
    tp_getset: &raw mut METHOD_GETSET as *mut crate::object::descr::PyGetSetDef,
    tp_descr_get: Some(method_descr_get),
    tp_new: Some(method_new),
    tp_free: Some(PyObject_GC_Del),
    ..static_type(
        c"method",
        core::mem::size_of::<PyMethodObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
        Some(c"method(function, instance, /)\n--\n\nCreate a bound instance method object."),
    )
};

/// `PyObject *PyMethod_New(PyObject *func, PyObject *self)`: `func` bound to `self`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMethod_New(func: *mut PyObject, self_: *mut PyObject) -> *mut PyObject {
    if func.is_null() || self_.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let op = alloc_object(&raw mut PyMethod_Type, 0);
    if op.is_null() {
        return core::ptr::null_mut();
    }
    let m = as_method(op);
    (*func).ob_refcnt += 1;
    (*self_).ob_refcnt += 1;
    m.im_func = func;
    m.im_self = self_;
    m.im_weakreflist = core::ptr::null_mut();
    m.vectorcall = Some(method_vectorcall);
    op
}

unsafe fn check_method(op: *mut PyObject) -> Option<&'static mut PyMethodObject> {
    if op.is_null() || (*op).ob_type != &raw mut PyMethod_Type {
        let _ = bad_internal_call();
        return None;
    }
    Some(as_method(op))
}

/// `PyObject *PyMethod_Function(PyObject *im)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMethod_Function(op: *mut PyObject) -> *mut PyObject {
    check_method(op).map_or(core::ptr::null_mut(), |m| m.im_func)
}

/// `PyObject *PyMethod_Self(PyObject *im)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMethod_Self(op: *mut PyObject) -> *mut PyObject {
    check_method(op).map_or(core::ptr::null_mut(), |m| m.im_self)
}
