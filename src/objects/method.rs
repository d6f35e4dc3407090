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

// ---- The method types ------------------------------------------------------------------------
// A bound method calls its function with `im_self` prepended: through vectorcall, in place
// when the caller allows it (PY_VECTORCALL_ARGUMENTS_OFFSET), else in a copy.

use core::ffi::{c_int, c_void};
use core::mem::offset_of;

use crate::abstract_::call::{vectorcall, PyVectorcall_Call};
use crate::errors::exception_types::_PyExc_TypeError;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::object::{PyTypeObject, Py_EQ, Py_NE};
use crate::object::objimpl::{PyObject_GC_Del, PyObject_GC_Track, PyObject_GC_UnTrack, _PyObject_GC_New};
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PY_VECTORCALL_ARGUMENTS_OFFSET};
use crate::object::static_type::static_type;
use crate::object::typeobject::{Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL};
use crate::objects::singletons::{_Py_NoneStruct, _Py_NotImplementedStruct};
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_hash_t;

/// `PyMethod_Type`: `method`, a function bound to an instance.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyMethod_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(method_dealloc),
    tp_vectorcall_offset: offset_of!(PyMethodObject, vectorcall) as isize,
    tp_repr: Some(method_repr),
    tp_hash: Some(method_hash),
    tp_call: Some(PyVectorcall_Call),
    tp_getattro: Some(method_getattro),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_traverse: Some(method_traverse),
    tp_richcompare: Some(method_richcompare),
    tp_weaklistoffset: offset_of!(PyMethodObject, im_weakreflist) as isize,
    tp_members: (&raw const METHOD_MEMBERS) as *mut PyMemberDef,
    tp_getset: (&raw const METHOD_GETSET) as *mut PyGetSetDef,
    tp_methods: (&raw const METHOD_METHODS) as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(method_new),
    ..static_type(
        c"method",
        core::mem::size_of::<PyMethodObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
        Some(c"method(function, instance, /)\n--\n\nCreate a bound instance method object."),
    )
};

/// `PyInstanceMethod_Type`: `instancemethod`, which binds its function like a Python function
/// does when looked up on an instance.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyInstanceMethod_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(instancemethod_dealloc),
    tp_repr: Some(instancemethod_repr),
    tp_call: Some(instancemethod_call),
    tp_getattro: Some(instancemethod_getattro),
    tp_setattro: Some(crate::object::generic_getattr::PyObject_GenericSetAttr),
    tp_traverse: Some(instancemethod_traverse),
    tp_richcompare: Some(instancemethod_richcompare),
    tp_members: (&raw const INSTANCEMETHOD_MEMBERS) as *mut PyMemberDef,
    tp_getset: (&raw const INSTANCEMETHOD_GETSET) as *mut PyGetSetDef,
    tp_descr_get: Some(instancemethod_descr_get),
    tp_new: Some(instancemethod_new),
    ..static_type(
        c"instancemethod",
        core::mem::size_of::<PyInstanceMethodObject>(),
        0,
        Py_TPFLAGS_HAVE_GC,
        Some(c"instancemethod(function)\n--\n\nBind a function to a class."),
    )
};

const fn member(name: &'static core::ffi::CStr, offset: usize, doc: &'static core::ffi::CStr) -> PyMemberDef {
    PyMemberDef { name: name.as_ptr(), r#type: T_OBJECT, offset: offset as isize, flags: READONLY, doc: doc.as_ptr() }
}
const END_MEMBER: PyMemberDef = PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() };
const END_GETSET: PyGetSetDef =
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() };

static mut METHOD_MEMBERS: [PyMemberDef; 3] = [
    member(c"__func__", offset_of!(PyMethodObject, im_func), c"the function (or other callable) implementing a method"),
    member(c"__self__", offset_of!(PyMethodObject, im_self), c"the instance to which a method is bound"),
    END_MEMBER,
];
static mut METHOD_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", method_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];

/// A bound method pickles as `getattr(self, func.__name__)`.
unsafe extern "C" fn method_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let m = op as *mut PyMethodObject;
    crate::abstract_::ret_obj((|| {
        let name = crate::object::object_attr::interned_name(c"__name__".as_ptr())?;
        let fname = crate::object::object_attr::get_attr((*m).im_func, name.as_ptr())?;
        crate::objects::reduce_forms::reduce_getattr((*m).im_self, fname.as_ptr())
    })())
}

static mut METHOD_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"__doc__".as_ptr(), get: Some(method_get_doc), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    END_GETSET,
];
static mut INSTANCEMETHOD_MEMBERS: [PyMemberDef; 2] = [
    member(c"__func__", offset_of!(PyInstanceMethodObject, func), c"the function (or other callable) implementing a method"),
    END_MEMBER,
];
static mut INSTANCEMETHOD_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"__doc__".as_ptr(), get: Some(instancemethod_get_doc), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    END_GETSET,
];

fn new_ref(op: *mut PyObject) -> *mut PyObject {
    // SAFETY: callers pass live objects.
    unsafe { PyRef::from_borrowed(op).map_or(core::ptr::null_mut(), PyRef::into_ptr) }
}

fn type_error(message: impl Into<String>) -> *mut PyObject {
    let _ = raise_type(&raw mut _PyExc_TypeError, message);
    core::ptr::null_mut()
}

/// Whether `op` is a bound method (`PyMethod_Check`: exactly the type).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_method(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyMethod_Type
}

#[inline]
unsafe fn is_instancemethod(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyInstanceMethod_Type
}

/// A new bound method (the Rust side of `PyMethod_New`).
///
/// # Safety
/// `func` and `self_` are live objects.
pub(crate) unsafe fn new(func: *mut PyObject, self_: *mut PyObject) -> PyResult<PyRef> {
    let op = PyRef::from_owned(_PyObject_GC_New(&raw mut PyMethod_Type)).ok_or_else(Raised::assume_set)?;
    let m = op.as_ptr() as *mut PyMethodObject;
    (*m).im_func = new_ref(func);
    (*m).im_self = new_ref(self_);
    (*m).im_weakreflist = core::ptr::null_mut();
    (*m).vectorcall = Some(method_vectorcall);
    PyObject_GC_Track(op.as_ptr() as *mut c_void);
    Ok(op)
}

/// `PyObject *PyMethod_New(PyObject *func, PyObject *self)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMethod_New(func: *mut PyObject, self_: *mut PyObject) -> *mut PyObject {
    if func.is_null() || self_.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    new(func, self_).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `PyObject *PyMethod_Function(PyObject *im)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMethod_Function(im: *mut PyObject) -> *mut PyObject {
    if im.is_null() || !is_method(im) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    (*(im as *mut PyMethodObject)).im_func
}

/// `PyObject *PyMethod_Self(PyObject *im)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMethod_Self(im: *mut PyObject) -> *mut PyObject {
    if im.is_null() || !is_method(im) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    (*(im as *mut PyMethodObject)).im_self
}

/// Most calls of bound methods carry few arguments: copies up to this many stay on the stack.
const SMALL_STACK: usize = 8;

unsafe extern "C" fn method_vectorcall(
    method: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let m = &*(method as *mut PyMethodObject);
    let nargs = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    if nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET != 0 {
        // The caller lets us use args[-1]: put self there for the call, then restore it.
        let slot = (args as *mut *mut PyObject).sub(1);
        let saved = *slot;
        *slot = m.im_self;
        let result = vectorcall(m.im_func, slot, nargs + 1, kwnames);
        *slot = saved;
        return result;
    }
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(kwnames) };
    let total = nargs + nkw;
    if total + 1 <= SMALL_STACK {
        let mut stack = [core::ptr::null_mut::<PyObject>(); SMALL_STACK];
        stack[0] = m.im_self;
        core::ptr::copy_nonoverlapping(args, stack.as_mut_ptr().add(1), total);
        return vectorcall(m.im_func, stack.as_ptr(), nargs + 1, kwnames);
    }
    let mut stack = Vec::with_capacity(total + 1);
    stack.push(m.im_self);
    stack.extend_from_slice(core::slice::from_raw_parts(args, total));
    vectorcall(m.im_func, stack.as_ptr(), nargs + 1, kwnames)
}

/// `method(function, instance)`.
unsafe extern "C" fn method_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    if !kwargs.is_null() && dict::is_dict(kwargs) && dict::len(kwargs) != 0 {
        return type_error("method() takes no keyword arguments");
    }
    let items = tuple::items(args);
    if items.len() != 2 {
        return type_error(format!("method expected 2 arguments, got {}", items.len()));
    }
    let (func, self_) = (items[0], items[1]);
    if (*(*func).ob_type).tp_call.is_none() {
        return type_error("first argument must be callable");
    }
    if self_ == &raw mut _Py_NoneStruct {
        return type_error("instance must not be None");
    }
    new(func, self_).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn method_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::objects::weakref::clear_weakrefs_if_any(op);
    let m = &mut *(op as *mut PyMethodObject);
    drop(PyRef::from_owned(core::mem::replace(&mut m.im_func, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut m.im_self, core::ptr::null_mut())));
    PyObject_GC_Del(op as *mut c_void);
}

unsafe fn visit_all(objs: &[*mut PyObject], visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    for &o in objs {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn method_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let m = &*(op as *mut PyMethodObject);
    visit_all(&[m.im_func, m.im_self], visit, arg)
}

/// The function's `attr` as text when it is a str (`__qualname__`, `__name__`).
unsafe fn str_attr(func: *mut PyObject, attr: &core::ffi::CStr) -> PyResult<Option<String>> {
    let name = crate::object::object_attr::interned_name(attr.as_ptr())?;
    Ok(match crate::object::object_attr::lookup_attr(func, name.as_ptr())? {
        Some(v) if pystr::is_str(v.as_ptr()) => Some(pystr::to_string(v.as_ptr())),
        _ => None,
    })
}

/// `<bound method QUALNAME of REPR(self)>` (the function's `__qualname__`, else `__name__`,
/// else "?").
unsafe extern "C" fn method_repr(op: *mut PyObject) -> *mut PyObject {
    let m = &*(op as *mut PyMethodObject);
    let name = match str_attr(m.im_func, c"__qualname__") {
        Ok(Some(n)) => Some(n),
        Ok(None) => match str_attr(m.im_func, c"__name__") {
            Ok(n) => n,
            Err(_) => return core::ptr::null_mut(),
        },
        Err(_) => return core::ptr::null_mut(),
    };
    let Ok(self_repr) = crate::abstract_::object::repr(m.im_self) else { return core::ptr::null_mut() };
    let text = format!("<bound method {} of {}>", name.as_deref().unwrap_or("?"), pystr::to_string(self_repr.as_ptr()));
    pystr::from_utf8(&text).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// Self by identity, the function by its own hash (equal methods hash alike).
unsafe extern "C" fn method_hash(op: *mut PyObject) -> Py_hash_t {
    let m = &*(op as *mut PyMethodObject);
    let Ok(y) = crate::abstract_::object::hash(m.im_func) else { return -1 };
    let x = crate::object::hash::_Py_HashPointer(m.im_self as *const c_void) ^ y;
    if x == -1 { -2 } else { x }
}

fn bool_obj(b: bool) -> *mut PyObject {
    crate::abstract_::compare::bool_ref(b).into_ptr()
}

fn not_implemented() -> *mut PyObject {
    new_ref(&raw mut _Py_NotImplementedStruct)
}

/// `==`/`!=`: equal functions (`==`) bound to the same object (identity).
unsafe extern "C" fn method_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if (op != Py_EQ && op != Py_NE) || !is_method(a) || !is_method(b) {
        return not_implemented();
    }
    let (ma, mb) = (&*(a as *mut PyMethodObject), &*(b as *mut PyMethodObject));
    let eq = match crate::abstract_::compare::rich_compare_bool(ma.im_func, mb.im_func, Py_EQ) {
        Ok(e) => e && ma.im_self == mb.im_self,
        Err(_) => return core::ptr::null_mut(),
    };
    bool_obj(eq == (op == Py_EQ))
}

/// Attributes of the method type itself first (`__func__`, `__self__`, ...), then the
/// function's (`__name__`, `__qualname__`, `__module__`, ...).
unsafe extern "C" fn method_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let func = (*(op as *mut PyMethodObject)).im_func;
    getattro_then_function(op, name, func)
}

unsafe fn getattro_then_function(op: *mut PyObject, name: *mut PyObject, func: *mut PyObject) -> *mut PyObject {
    let tp = (*op).ob_type;
    match crate::object::type_cache::lookup(tp, name) {
        Ok(Some(descr)) => {
            // Held across the descriptor call, which may run code that changes the type.
            let descr = PyRef::from_borrowed(descr).unwrap_unchecked();
            return match (*(*descr.as_ptr()).ob_type).tp_descr_get {
                Some(get) => get(descr.as_ptr(), op, tp as *mut PyObject),
                None => descr.into_ptr(),
            };
        }
        Ok(None) => {}
        Err(_) => return core::ptr::null_mut(),
    }
    crate::object::object_attr::PyObject_GetAttr(func, name)
}

/// `__doc__`: the function's.
unsafe extern "C" fn method_get_doc(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let func = (*(op as *mut PyMethodObject)).im_func;
    doc_of(func)
}

unsafe fn doc_of(func: *mut PyObject) -> *mut PyObject {
    crate::object::object_attr::PyObject_GetAttrString(func, c"__doc__".as_ptr())
}

// ---- instancemethod ---------------------------------------------------------------------------

/// `PyObject *PyInstanceMethod_New(PyObject *func)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyInstanceMethod_New(func: *mut PyObject) -> *mut PyObject {
    if func.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let op = _PyObject_GC_New(&raw mut PyInstanceMethod_Type);
    if op.is_null() {
        return core::ptr::null_mut();
    }
    (*(op as *mut PyInstanceMethodObject)).func = new_ref(func);
    PyObject_GC_Track(op as *mut c_void);
    op
}

/// `PyObject *PyInstanceMethod_Function(PyObject *im)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyInstanceMethod_Function(im: *mut PyObject) -> *mut PyObject {
    if im.is_null() || !is_instancemethod(im) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    (*(im as *mut PyInstanceMethodObject)).func
}

unsafe fn im_func(op: *mut PyObject) -> *mut PyObject {
    (*(op as *mut PyInstanceMethodObject)).func
}

/// `instancemethod(function)`.
unsafe extern "C" fn instancemethod_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    if !kwargs.is_null() && dict::is_dict(kwargs) && dict::len(kwargs) != 0 {
        return type_error("instancemethod() takes no keyword arguments");
    }
    let items = tuple::items(args);
    if items.len() != 1 {
        return type_error(format!("instancemethod expected 1 argument, got {}", items.len()));
    }
    if (*(*items[0]).ob_type).tp_call.is_none() {
        return type_error("first argument must be callable");
    }
    PyInstanceMethod_New(items[0])
}

unsafe extern "C" fn instancemethod_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let m = &mut *(op as *mut PyInstanceMethodObject);
    drop(PyRef::from_owned(core::mem::replace(&mut m.func, core::ptr::null_mut())));
    PyObject_GC_Del(op as *mut c_void);
}

unsafe extern "C" fn instancemethod_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    visit_all(&[im_func(op)], visit, arg)
}

/// Calls the function with the arguments as they are.
unsafe extern "C" fn instancemethod_call(op: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    crate::abstract_::call::call_tuple(im_func(op), args, kwargs)
}

/// Looked up on an instance it binds (a bound method); on the class it is the function.
unsafe extern "C" fn instancemethod_descr_get(descr: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    let func = im_func(descr);
    if obj.is_null() {
        return new_ref(func);
    }
    new(func, obj).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `<instancemethod NAME at 0x...>` (the function's `__name__`, else "?").
unsafe extern "C" fn instancemethod_repr(op: *mut PyObject) -> *mut PyObject {
    let name = match str_attr(im_func(op), c"__name__") {
        Ok(n) => n,
        Err(_) => return core::ptr::null_mut(),
    };
    let text = format!("<instancemethod {} at {:p}>", name.as_deref().unwrap_or("?"), op);
    pystr::from_utf8(&text).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `==`/`!=`: equal functions.
unsafe extern "C" fn instancemethod_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if (op != Py_EQ && op != Py_NE) || !is_instancemethod(a) || !is_instancemethod(b) {
        return not_implemented();
    }
    match crate::abstract_::compare::rich_compare_bool(im_func(a), im_func(b), Py_EQ) {
        Ok(eq) => bool_obj(eq == (op == Py_EQ)),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn instancemethod_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    getattro_then_function(op, name, im_func(op))
}

unsafe extern "C" fn instancemethod_get_doc(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    doc_of(im_func(op))
}
