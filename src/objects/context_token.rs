//! `contextvars.Token` (what `ContextVar.set` returns, for `reset`) and its `MISSING`
//! marker (the `old_value` of a token whose variable had no value).
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::PyGetSetDef;
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_O};
use crate::object::method_table::{plain, END};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::context::repr_of;

#[repr(C)]
pub(crate) struct Token {
    ob_base: PyObject,
    pub(crate) ctx: *mut PyObject,
    pub(crate) var: *mut PyObject,
    /// NULL: the variable had no value (`Token.MISSING`).
    pub(crate) old_value: *mut PyObject,
    pub(crate) used: c_int,
}

pub(crate) unsafe fn token<'a>(op: *mut PyObject) -> &'a mut Token {
    &mut *(op as *mut Token)
}

pub(crate) unsafe fn new_token(ctx: *mut PyObject, var: *mut PyObject, old_value: *mut PyObject) -> PyResult<PyRef> {
    add_missing_attribute()?;
    let op = PyRef::from_owned(crate::object::temp_alloc::gc_new_var(&raw mut PyContextToken_Type, 0))
        .ok_or_else(Raised::assume_set)?;
    let t = token(op.as_ptr());
    t.ctx = new_ref(ctx).into_ptr();
    t.var = new_ref(var).into_ptr();
    t.old_value = if old_value.is_null() { old_value } else { new_ref(old_value).into_ptr() };
    t.used = 0;
    PyObject_GC_Track(op.as_ptr() as *mut c_void);
    Ok(op)
}

/// Puts `MISSING` in `Token`'s dict (a class attribute that is no method, member or getset,
/// so readying the static type does not make it); done before the first token exists and
/// when `_contextvars` is imported.
pub(crate) unsafe fn add_missing_attribute() -> PyResult<()> {
    let d = PyContextToken_Type.tp_dict;
    if d.is_null() {
        return Ok(());
    }
    let name = crate::object::object_attr::interned_name(c"MISSING".as_ptr())?;
    if crate::objects::dict::get_item(d, name.as_ptr())?.is_none() {
        crate::objects::dict::set_item(d, name.as_ptr(), &raw mut TOKEN_MISSING)?;
        crate::object::type_cache::PyType_Modified(&raw mut PyContextToken_Type);
    }
    Ok(())
}

unsafe extern "C" fn token_tp_new(_tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "Tokens can only be created by ContextVars");
    core::ptr::null_mut()
}

unsafe extern "C" fn token_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    token_clear(op);
    crate::object::temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn token_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(f) = visit else { return 0 };
    let t = token(op);
    for p in [t.ctx, t.var, t.old_value] {
        if !p.is_null() {
            let r = f(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn token_clear(op: *mut PyObject) -> c_int {
    let t = token(op);
    for p in [&mut t.ctx, &mut t.var, &mut t.old_value] {
        drop(PyRef::from_owned(core::mem::replace(p, core::ptr::null_mut())));
    }
    0
}

unsafe extern "C" fn token_repr(op: *mut PyObject) -> *mut PyObject {
    let t = token(op);
    let used = if t.used != 0 { " used" } else { "" };
    ret_obj(crate::objects::str::from_utf8(&format!("<Token{used} var={} at {op:p}>", repr_of(t.var))))
}

unsafe extern "C" fn token_get_var(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    new_ref(token(op).var).into_ptr()
}

unsafe extern "C" fn token_get_old_value(op: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let v = token(op).old_value;
    new_ref(if v.is_null() { &raw mut TOKEN_MISSING } else { v }).into_ptr()
}

static mut TOKEN_GETSETS: [PyGetSetDef; 3] = [
    PyGetSetDef { name: c"var".as_ptr(), get: Some(token_get_var), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: c"old_value".as_ptr(), get: Some(token_get_old_value), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut TOKEN_METHODS: [PyMethodDef; 2] = [
    plain(c"__class_getitem__", crate::objects::context_var::class_getitem, METH_O | METH_CLASS).doc(c"See PEP 585"),
    END,
];

/// `PyContextToken_Type`: `_contextvars.Token`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyContextToken_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(token_dealloc),
    tp_traverse: Some(token_traverse),
    tp_clear: Some(token_clear),
    tp_repr: Some(token_repr),
    tp_getset: &raw mut TOKEN_GETSETS as *mut PyGetSetDef,
    tp_methods: &raw mut TOKEN_METHODS as *mut PyMethodDef,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_new: Some(token_tp_new),
    ..static_type(c"_contextvars.Token", core::mem::size_of::<Token>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

// ---- Token.MISSING -------------------------------------------------------------------------

unsafe extern "C" fn missing_repr(_op: *mut PyObject) -> *mut PyObject {
    crate::objects::singletons::repr_str("<Token.MISSING>")
}

unsafe extern "C" fn missing_dealloc(_op: *mut PyObject) {
    // A static object: never freed.
}

pub(crate) static mut TokenMissing_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(missing_dealloc),
    tp_repr: Some(missing_repr),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    ..static_type(c"Token.MISSING", core::mem::size_of::<PyObject>(), 0, crate::object::typeobject::Py_TPFLAGS_DEFAULT as _, None)
};

pub(crate) static mut TOKEN_MISSING: PyObject = PyObject { ob_refcnt: 1, ob_type: &raw mut TokenMissing_Type };

/// The context types, readied with the builtin types.
pub(crate) fn types() -> Vec<*mut PyTypeObject> {
    use crate::objects::context::PyContext_Type;
    use crate::objects::context_var::PyContextVar_Type;
    vec![&raw mut PyContext_Type, &raw mut PyContextVar_Type, &raw mut PyContextToken_Type, &raw mut TokenMissing_Type]
}
