//! Builtin function objects (CPython's cpython/methodobject.h): a `PyMethodDef` bound to a
//! `self` and, for `METH_METHOD`, to the defining class.
use crate::object::object::{PyObject, PyTypeObject};

use crate::object::slots::vectorcallfunc;

use crate::object::methods::PyMethodDef;

/// `PyCFunctionObject`: `m_ml` describes the C function; `m_self` is passed as its first
/// argument; `m_module` is the `__module__`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCFunctionObject {
    pub ob_base: PyObject,
    pub m_ml: *mut PyMethodDef,
    pub m_self: *mut PyObject,
    pub m_module: *mut PyObject,
    pub m_weakreflist: *mut PyObject,
    pub vectorcall: vectorcallfunc,
}
assert_layout!(PyCFunctionObject, size = 56, ob_base @ 0, m_ml @ 16, m_self @ 24,
               m_module @ 32, m_weakreflist @ 40, vectorcall @ 48);

/// `PyCMethodObject`: a `METH_METHOD` builtin, which also receives its defining class.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCMethodObject {
    pub func: PyCFunctionObject,
    pub mm_class: *mut PyTypeObject,
}
assert_layout!(PyCMethodObject, size = 64, func @ 0, mm_class @ 56);

// ---- The builtin function types ------------------------------------------------------------
// A builtin function object binds a `PyMethodDef` to `m_self` (a module, an instance, or NULL)
// and calls it through `object/call_convention.rs`: by vectorcall for every convention but
// `METH_VARARGS`, which goes through `tp_call` as in CPython (its vectorcall is NULL).

use core::ffi::{c_int, c_void, CStr};
use core::mem::offset_of;

use crate::errors::exception_types::_PyExc_SystemError;
use crate::errors::raised::PyResult;
use crate::object::call_convention::{self, call_method_def_tuple, Convention};
use crate::object::descr::PyGetSetDef;
use crate::object::member::{PyMemberDef, T_OBJECT};
use crate::object::methods::{PyCFunction, METH_METHOD, METH_STATIC};
use crate::object::objimpl::{PyObject_GC_Del, PyObject_GC_Track, PyObject_GC_UnTrack, _PyObject_GC_New};
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL};
use crate::object::typetype::{is_subtype, type_name, PyType_GetQualName};
use crate::objects::singletons::{_Py_NoneStruct, _Py_NotImplementedStruct};
use crate::objects::str as pystr;
use crate::pyport::Py_hash_t;

/// `PyCFunction_Type`: `builtin_function_or_method`.
#[no_mangle]
pub static mut PyCFunction_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(cfunction_dealloc),
    tp_vectorcall_offset: offset_of!(PyCFunctionObject, vectorcall) as isize,
    tp_repr: Some(cfunction_repr),
    tp_hash: Some(cfunction_hash),
    tp_call: Some(cfunction_call),
    tp_traverse: Some(cfunction_traverse),
    tp_richcompare: Some(cfunction_richcompare),
    tp_weaklistoffset: offset_of!(PyCFunctionObject, m_weakreflist) as isize,
    tp_members: (&raw const CFUNCTION_MEMBERS) as *mut PyMemberDef,
    tp_getset: (&raw const CFUNCTION_GETSET) as *mut PyGetSetDef,
    tp_methods: (&raw const CFUNCTION_METHODS) as *mut crate::object::methods::PyMethodDef,
    ..static_type(
        c"builtin_function_or_method",
        core::mem::size_of::<PyCFunctionObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
        None,
    )
};

/// `PyCMethod_Type`: `builtin_method`, a builtin that also knows its defining class.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyCMethod_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(cfunction_dealloc),
    tp_traverse: Some(cfunction_traverse),
    tp_base: &raw mut PyCFunction_Type,
    ..static_type(
        c"builtin_method",
        core::mem::size_of::<PyCMethodObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
        None,
    )
};

static mut CFUNCTION_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"__module__".as_ptr(),
        r#type: T_OBJECT,
        offset: offset_of!(PyCFunctionObject, m_module) as isize,
        flags: 0,
        doc: core::ptr::null(),
    },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

const fn getset(name: &'static CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut CFUNCTION_GETSET: [PyGetSetDef; 6] = [
    getset(c"__doc__", get_doc),
    getset(c"__name__", get_name),
    getset(c"__qualname__", get_qualname),
    getset(c"__text_signature__", get_text_signature),
    getset(c"__self__", get_self),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut CFUNCTION_METHODS: [crate::object::methods::PyMethodDef; 2] = [
    crate::object::method_table::plain(c"__reduce__", cfunction_reduce, crate::object::methods::METH_NOARGS),
    crate::object::method_table::END,
];

/// A module function pickles by its name (a global); a method as `getattr(self, name)`.
unsafe extern "C" fn cfunction_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(op);
    crate::abstract_::ret_obj((|| {
        let name = pystr::from_utf8(&ml_name(f))?;
        if f.m_self.is_null() || is_module(f.m_self) {
            return Ok(name);
        }
        crate::objects::reduce_forms::reduce_getattr(f.m_self, name.as_ptr())
    })())
}

/// Whether `op` is a builtin function object (`PyCFunction_Check`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_cfunction(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == &raw mut PyCFunction_Type || is_subtype(tp, &raw mut PyCFunction_Type)
}

#[inline]
unsafe fn as_cfunction<'a>(op: *mut PyObject) -> &'a mut PyCFunctionObject {
    &mut *(op as *mut PyCFunctionObject)
}

/// `ml_name` as text.
unsafe fn ml_name(f: &PyCFunctionObject) -> String {
    let name = (*f.m_ml).ml_name;
    if name.is_null() { String::new() } else { CStr::from_ptr(name).to_string_lossy().into_owned() }
}

/// `self` as the C function receives it: NULL for `METH_STATIC`.
#[inline]
unsafe fn c_self(f: &PyCFunctionObject) -> *mut PyObject {
    if (*f.m_ml).ml_flags & METH_STATIC != 0 { core::ptr::null_mut() } else { f.m_self }
}

/// The defining class of a `METH_METHOD` builtin, else NULL.
#[inline]
unsafe fn defining_class(op: *mut PyObject) -> *mut PyTypeObject {
    if (*as_cfunction(op).m_ml).ml_flags & METH_METHOD != 0 {
        (*(op as *mut PyCMethodObject)).mm_class
    } else {
        core::ptr::null_mut()
    }
}

/// Whether `op` is a module (`PyModule_Check`).
unsafe fn is_module(op: *mut PyObject) -> bool {
    crate::objects::module::is_module(op)
}

/// `__qualname__`: the name alone for a module function (or no self); `T.name` for a method
/// of a class (self is the class) or of an instance of `T`.
unsafe fn qualname(f: &PyCFunctionObject) -> PyResult<String> {
    let name = ml_name(f);
    let self_ = f.m_self;
    if self_.is_null() || is_module(self_) {
        return Ok(name);
    }
    let tp = if (*(*self_).ob_type).tp_flags & crate::object::typeobject::Py_TPFLAGS_TYPE_SUBCLASS != 0 { self_ as *mut PyTypeObject } else { (*self_).ob_type };
    let q = PyRef::from_owned(PyType_GetQualName(tp)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
    Ok(format!("{}.{}", pystr::to_string(q.as_ptr()), name))
}

/// What CPython's messages print for the function before "()" (`_PyObject_FunctionStr`
/// without the parentheses): the qualified name, after `module.` unless the module is
/// `builtins` or unknown.
unsafe fn function_str(op: *mut PyObject) -> String {
    let f = as_cfunction(op);
    let q = qualname(f).unwrap_or_else(|_| {
        let _ = crate::object::pending_error::take();
        ml_name(f)
    });
    let m = f.m_module;
    if !m.is_null() && pystr::is_str(m) {
        let module = pystr::to_string(m);
        if module != "builtins" {
            return format!("{module}.{q}");
        }
    }
    q
}

// The vectorcall of each convention but `METH_VARARGS` (chosen at creation, so no call
// decodes the flags).

#[inline(always)]
unsafe fn meth_of(f: &PyCFunctionObject) -> call_convention::Meth {
    // SAFETY: `PyCMethod_New` refuses a PyMethodDef without a function.
    (*f.m_ml).ml_meth.unwrap_unchecked()
}

unsafe extern "C" fn vectorcall_noargs(func: *mut PyObject, _args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(func);
    call_convention::call_noargs(meth_of(f), c_self(f), nargsf, kwnames, move || function_str(func))
}

unsafe extern "C" fn vectorcall_o(func: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(func);
    call_convention::call_o(meth_of(f), c_self(f), args, nargsf, kwnames, move || function_str(func))
}

unsafe extern "C" fn vectorcall_fast(func: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(func);
    call_convention::call_fast(meth_of(f), c_self(f), args, nargsf, kwnames, move || function_str(func))
}

unsafe extern "C" fn vectorcall_fast_keywords(func: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(func);
    call_convention::call_fast_keywords(meth_of(f), c_self(f), args, nargsf, kwnames)
}

unsafe extern "C" fn vectorcall_method(func: *mut PyObject, args: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(func);
    let cls = (*(func as *mut PyCMethodObject)).mm_class;
    call_convention::call_method_fast_keywords(meth_of(f), c_self(f), cls, args, nargsf, kwnames)
}

/// `builtin_function_or_method.__call__`: `METH_VARARGS` functions get the tuple and dict as
/// they are (their messages name `ml_name` only, as CPython's); the others go through their
/// vectorcall.
unsafe extern "C" fn cfunction_call(func: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(func);
    let ml = f.m_ml;
    // The plain `METH_VARARGS` call without keywords, in line (no convention decoding).
    if kwargs.is_null() && !ml.is_null() && (*ml).ml_flags == crate::object::methods::METH_VARARGS && !args.is_null() && crate::objects::tuple::is_tuple(args) {
        if let Some(meth) = (*ml).ml_meth {
            return crate::abstract_::call::check_result(func, meth(c_self(f), args), "");
        }
    }
    let result = if f.vectorcall.is_none() {
        call_method_def_tuple(f.m_ml, c_self(f), defining_class(func), args, kwargs, &|| ml_name(as_cfunction(func)))
    } else {
        return crate::abstract_::call::PyVectorcall_Call(func, args, kwargs);
    };
    crate::abstract_::call::check_result(func, result, "")
}

/// `PyObject *PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module,
/// PyTypeObject *cls)`: `cls` is given exactly when `ml` is `METH_METHOD`.
#[cfg(not(limited_api_before_3_9))]
#[no_mangle]
pub unsafe extern "C" fn PyCMethod_New(
    ml: *mut PyMethodDef,
    self_: *mut PyObject,
    module: *mut PyObject,
    cls: *mut PyTypeObject,
) -> *mut PyObject {
    if ml.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let vectorcall: vectorcallfunc = match call_convention::convention((*ml).ml_flags) {
        None => return call_convention::bad_call_flags(ml),
        Some(Convention::VarArgs | Convention::VarArgsKeywords) => None,
        Some(Convention::NoArgs) => Some(vectorcall_noargs),
        Some(Convention::O) => Some(vectorcall_o),
        Some(Convention::FastCall) => Some(vectorcall_fast),
        Some(Convention::FastCallKeywords) => Some(vectorcall_fast_keywords),
        Some(Convention::MethodFastCallKeywords) => Some(vectorcall_method),
    };
    if (*ml).ml_meth.is_none() {
        // CPython would crash calling it; refuse it here instead.
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let is_method = (*ml).ml_flags & METH_METHOD != 0;
    let tp = if is_method {
        if cls.is_null() {
            let _ = raise_type(
                &raw mut _PyExc_SystemError,
                "attempting to create PyCMethod with a METH_METHOD flag but no class",
            );
            return core::ptr::null_mut();
        }
        &raw mut PyCMethod_Type
    } else {
        if !cls.is_null() {
            let _ = raise_type(
                &raw mut _PyExc_SystemError,
                "attempting to create PyCFunction with class but no METH_METHOD flag",
            );
            return core::ptr::null_mut();
        }
        &raw mut PyCFunction_Type
    };
    let op = _PyObject_GC_New(tp);
    if op.is_null() {
        return core::ptr::null_mut();
    }
    let f = as_cfunction(op);
    f.m_ml = ml;
    f.m_self = PyRef::from_borrowed(self_).map_or(core::ptr::null_mut(), PyRef::into_ptr);
    f.m_module = PyRef::from_borrowed(module).map_or(core::ptr::null_mut(), PyRef::into_ptr);
    f.m_weakreflist = core::ptr::null_mut();
    f.vectorcall = vectorcall;
    if is_method {
        (*(op as *mut PyCMethodObject)).mm_class =
            PyRef::from_borrowed(cls as *mut PyObject).map_or(core::ptr::null_mut(), PyRef::into_ptr) as *mut PyTypeObject;
    }
    PyObject_GC_Track(op as *mut c_void);
    op
}

/// `PyObject *PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module)`.
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_NewEx(ml: *mut PyMethodDef, self_: *mut PyObject, module: *mut PyObject) -> *mut PyObject {
    PyCMethod_New(ml, self_, module, core::ptr::null_mut())
}

/// `PyObject *PyCFunction_New(PyMethodDef *ml, PyObject *self)`.
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_New(ml: *mut PyMethodDef, self_: *mut PyObject) -> *mut PyObject {
    PyCMethod_New(ml, self_, core::ptr::null_mut(), core::ptr::null_mut())
}

/// `PyCFunction PyCFunction_GetFunction(PyObject *op)`.
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetFunction(op: *mut PyObject) -> PyCFunction {
    if op.is_null() || !is_cfunction(op) {
        let _ = bad_internal_call();
        return None;
    }
    (*as_cfunction(op).m_ml).ml_meth
}

/// `PyObject *PyCFunction_GetSelf(PyObject *op)`: borrowed; NULL for `METH_STATIC`.
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetSelf(op: *mut PyObject) -> *mut PyObject {
    if op.is_null() || !is_cfunction(op) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    c_self(as_cfunction(op))
}

/// `int PyCFunction_GetFlags(PyObject *op)`: `ml_flags`, -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetFlags(op: *mut PyObject) -> c_int {
    if op.is_null() || !is_cfunction(op) {
        let _ = bad_internal_call();
        return -1;
    }
    (*as_cfunction(op).m_ml).ml_flags
}

/// `PyObject *PyCFunction_Call(PyObject *callable, PyObject *args, PyObject *kwargs)`: the
/// deprecated spelling of `PyObject_Call`.
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_Call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    crate::abstract_::call::PyObject_Call(callable, args, kwargs)
}

unsafe extern "C" fn cfunction_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let f = as_cfunction(op);
    crate::objects::weakref::clear_weakrefs_if_any(op);
    drop(PyRef::from_owned(core::mem::replace(&mut f.m_self, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut f.m_module, core::ptr::null_mut())));
    if (*f.m_ml).ml_flags & METH_METHOD != 0 {
        let m = op as *mut PyCMethodObject;
        drop(PyRef::from_owned(core::mem::replace(&mut (*m).mm_class, core::ptr::null_mut()) as *mut PyObject));
    }
    PyObject_GC_Del(op as *mut c_void);
}

unsafe extern "C" fn cfunction_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    let f = as_cfunction(op);
    let mut refs = [f.m_self, f.m_module, core::ptr::null_mut()];
    if (*f.m_ml).ml_flags & METH_METHOD != 0 {
        refs[2] = (*(op as *mut PyCMethodObject)).mm_class as *mut PyObject;
    }
    for o in refs {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// `<built-in function f>` for module functions, `<built-in method f of T object at 0x...>`
/// for methods.
unsafe extern "C" fn cfunction_repr(op: *mut PyObject) -> *mut PyObject {
    let f = as_cfunction(op);
    let name = ml_name(f);
    let text = if f.m_self.is_null() || is_module(f.m_self) {
        format!("<built-in function {name}>")
    } else {
        format!("<built-in method {name} of {} object at {:p}>", type_name((*f.m_self).ob_type), f.m_self)
    };
    pystr::from_utf8(&text).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// Equal builtins (same self, same C function) hash alike.
unsafe extern "C" fn cfunction_hash(op: *mut PyObject) -> Py_hash_t {
    let f = as_cfunction(op);
    let meth = (*f.m_ml).ml_meth.map_or(core::ptr::null(), |m| m as *const c_void);
    let h = crate::object::hash::_Py_HashPointer(f.m_self as *const c_void)
        ^ crate::object::hash::_Py_HashPointer(meth);
    if h == -1 { -2 } else { h }
}

/// `==` and `!=`: the same self and the same C function; other comparisons are not
/// supported.
unsafe extern "C" fn cfunction_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    use crate::object::object::{Py_EQ, Py_NE};
    if (op != Py_EQ && op != Py_NE) || !is_cfunction(a) || !is_cfunction(b) {
        return PyRef::from_borrowed(&raw mut _Py_NotImplementedStruct).map_or(core::ptr::null_mut(), PyRef::into_ptr);
    }
    let (fa, fb) = (as_cfunction(a), as_cfunction(b));
    let same = fa.m_self == fb.m_self
        && (*fa.m_ml).ml_meth.map(|m| m as usize) == (*fb.m_ml).ml_meth.map(|m| m as usize);
    crate::objects::bool::PyBool_FromLong((same == (op == Py_EQ)) as core::ffi::c_long)
}

fn none() -> *mut PyObject {
    // SAFETY: None is a static object that lives forever.
    unsafe { PyRef::from_borrowed(&raw mut _Py_NoneStruct).map_or(core::ptr::null_mut(), PyRef::into_ptr) }
}

/// `__doc__`: `ml_doc` without its signature header, or None.
unsafe extern "C" fn get_doc(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let f = as_cfunction(op);
    let doc = (*f.m_ml).ml_doc;
    if doc.is_null() {
        return none();
    }
    let doc = CStr::from_ptr(doc).to_string_lossy();
    let name = ml_name(f);
    let text = crate::object::type_ready::doc_without_signature(&name, &doc);
    pystr::from_utf8(text).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `__text_signature__`: the `(...)` of a `name(...)\n--\n\n` doc header, or None.
unsafe extern "C" fn get_text_signature(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let f = as_cfunction(op);
    let doc = (*f.m_ml).ml_doc;
    if doc.is_null() {
        return none();
    }
    let doc = CStr::from_ptr(doc).to_string_lossy();
    let name = ml_name(f);
    let rest = crate::object::type_ready::doc_without_signature(&name, &doc);
    if rest.len() == doc.len() {
        return none();
    }
    // The signature runs from the '(' after the name to the ')' of the end marker.
    let end = doc.len() - rest.len() - ")\n--\n\n".len() + 1;
    pystr::from_utf8(&doc[name.len()..end]).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn get_name(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    pystr::from_utf8(&ml_name(as_cfunction(op))).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn get_qualname(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    match qualname(as_cfunction(op)) {
        Ok(q) => pystr::from_utf8(&q).map_or(core::ptr::null_mut(), PyRef::into_ptr),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `__self__`: the bound object, or None (module-less functions and `METH_STATIC`).
unsafe extern "C" fn get_self(op: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let s = c_self(as_cfunction(op));
    if s.is_null() { none() } else { PyRef::from_borrowed(s).map_or(core::ptr::null_mut(), PyRef::into_ptr) }
}

