//! `contextvars.ContextVar` and the `PyContextVar_*` C-API.
//!
//! A variable caches the value it last read or wrote, tagged with the thread state's id
//! and context version (context.rs): while neither changed, `get` answers without a dict
//! lookup.
use core::ffi::{c_char, c_int, c_void};

use crate::abstract_::unpack_keywords::Params;
use crate::abstract_::{new_ref, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_FASTCALL, METH_O};
use crate::object::method_table::{fast, plain, END};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::context::{self, repr_of};
use crate::objects::context_token::{self, token, PyContextToken_Type};
use crate::objects::dict;

#[repr(C)]
pub(crate) struct ContextVar {
    ob_base: PyObject,
    name: *mut PyObject,
    /// NULL: no default.
    default: *mut PyObject,
    /// The cached value (owned; NULL: nothing cached) and what it is valid for.
    cached: *mut PyObject,
    cached_tsid: u64,
    cached_tsver: u64,
}

unsafe fn var<'a>(op: *mut PyObject) -> &'a mut ContextVar {
    &mut *(op as *mut ContextVar)
}

pub(crate) unsafe fn is_var(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyContextVar_Type
}

/// An exception of type `tp` whose single argument is `key` (`LookupError(var)`,
/// `KeyError(var)`).
pub(crate) unsafe fn var_key_error(tp: *mut PyTypeObject, key: *mut PyObject) -> Raised {
    crate::errors::pyerr::PyErr_SetObject(tp as *mut PyObject, key);
    Raised::assume_set()
}

unsafe fn new_var(name: *mut PyObject, default: *mut PyObject) -> PyResult<PyRef> {
    if !crate::objects::str::is_str(name) {
        return Err(type_error("context variable name must be a str"));
    }
    let op = PyRef::from_owned(crate::object::temp_alloc::gc_new_var(&raw mut PyContextVar_Type, 0))
        .ok_or_else(Raised::assume_set)?;
    let v = var(op.as_ptr());
    v.name = new_ref(name).into_ptr();
    v.default = if default.is_null() { default } else { new_ref(default).into_ptr() };
    v.cached = core::ptr::null_mut();
    v.cached_tsid = 0;
    v.cached_tsver = 0;
    PyObject_GC_Track(op.as_ptr() as *mut c_void);
    Ok(op)
}

unsafe fn set_cache(v: &mut ContextVar, value: *mut PyObject) {
    let ts = &*crate::runtime::pystate::current();
    let old = core::mem::replace(&mut v.cached, if value.is_null() { value } else { new_ref(value).into_ptr() });
    v.cached_tsid = ts.id;
    v.cached_tsver = ts.context_ver;
    drop(PyRef::from_owned(old));
}

/// The variable's value in the current context (borrowed from the cache), if any.
unsafe fn lookup(op: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    let ts = &*crate::runtime::pystate::current();
    let v = var(op);
    if !v.cached.is_null() && v.cached_tsid == ts.id && v.cached_tsver == ts.context_ver {
        return Ok(Some(v.cached));
    }
    if ts.context.is_null() {
        return Ok(None);
    }
    let vars = new_ref((*(ts.context as *mut context::Context)).vars);
    match dict::get_item(vars.as_ptr(), op)? {
        Some(found) => {
            set_cache(v, found);
            Ok(Some(var(op).cached))
        }
        None => Ok(None),
    }
}

/// The value, else `default`, else the variable's default: `None` if none of them.
unsafe fn get_or_default(op: *mut PyObject, default: *mut PyObject) -> PyResult<Option<PyRef>> {
    if let Some(v) = lookup(op)? {
        return Ok(Some(new_ref(v)));
    }
    for d in [default, var(op).default] {
        if !d.is_null() {
            return Ok(Some(new_ref(d)));
        }
    }
    Ok(None)
}

/// Sets the variable in the current context; returns the token that undoes it.
unsafe fn set(op: *mut PyObject, value: *mut PyObject) -> PyResult<PyRef> {
    let c = context::current()?;
    let c = new_ref(c);
    let vars = new_ref((*(c.as_ptr() as *mut context::Context)).vars);
    let old = dict::get_item(vars.as_ptr(), op)?.map(|o| new_ref(o));
    let tok = context_token::new_token(c.as_ptr(), op, old.as_ref().map_or(core::ptr::null_mut(), |o| o.as_ptr()))?;
    let updated = dict::copy(vars.as_ptr())?;
    dict::set_item(updated.as_ptr(), op, value)?;
    context::replace_vars(c.as_ptr(), updated);
    set_cache(var(op), value);
    Ok(tok)
}

/// Removes the variable from the current context (LookupError if it is not there).
unsafe fn delete(op: *mut PyObject) -> PyResult<()> {
    let c = new_ref(context::current()?);
    let vars = new_ref((*(c.as_ptr() as *mut context::Context)).vars);
    if dict::get_item(vars.as_ptr(), op)?.is_none() {
        return Err(var_key_error(&raw mut exc::_PyExc_LookupError, op));
    }
    let updated = dict::copy(vars.as_ptr())?;
    dict::del_item(updated.as_ptr(), op)?;
    context::replace_vars(c.as_ptr(), updated);
    set_cache(var(op), core::ptr::null_mut());
    Ok(())
}

unsafe fn reset(op: *mut PyObject, tok: *mut PyObject) -> PyResult<()> {
    if (*tok).ob_type != &raw mut PyContextToken_Type {
        return Err(type_error(format!("expected an instance of Token, got {}", repr_of(tok))));
    }
    let t = token(tok);
    if t.used != 0 {
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, &format!("{} has already been used once", repr_of(tok))));
    }
    if t.var != op {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, &format!("{} was created by a different ContextVar", repr_of(tok))));
    }
    if t.ctx != context::current()? {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, &format!("{} was created in a different Context", repr_of(tok))));
    }
    t.used = 1;
    if t.old_value.is_null() {
        delete(op)
    } else {
        let old = new_ref(t.old_value);
        set(op, old.as_ptr()).map(drop)
    }
}

// ---- C-API -------------------------------------------------------------------------------

unsafe fn ensure_var(op: *mut PyObject) -> PyResult<()> {
    if op.is_null() || !is_var(op) {
        return Err(type_error("an instance of ContextVar was expected"));
    }
    Ok(())
}

/// `PyObject *PyContextVar_New(const char *name, PyObject *def)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContextVar_New(name: *const c_char, def: *mut PyObject) -> *mut PyObject {
    if name.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj((|| {
        let n = PyRef::from_owned(crate::objects::str::PyUnicode_FromString(name)).ok_or_else(Raised::assume_set)?;
        new_var(n.as_ptr(), def)
    })())
}

/// `int PyContextVar_Get(PyObject *var, PyObject *default_value, PyObject **value)`: 0 with
/// `*value` the value (new reference), `default_value`, the variable's default or NULL;
/// -1 on error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContextVar_Get(op: *mut PyObject, default_value: *mut PyObject, value: *mut *mut PyObject) -> c_int {
    if value.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    match ensure_var(op).and_then(|()| get_or_default(op, default_value)) {
        Ok(v) => {
            *value = v.map_or(core::ptr::null_mut(), PyRef::into_ptr);
            0
        }
        // `*value` is left as it was, as in CPython.
        Err(_) => -1,
    }
}

/// `PyObject *PyContextVar_Set(PyObject *var, PyObject *value)`: the token.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContextVar_Set(op: *mut PyObject, value: *mut PyObject) -> *mut PyObject {
    if value.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(ensure_var(op).and_then(|()| set(op, value)))
}

/// `int PyContextVar_Reset(PyObject *var, PyObject *token)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContextVar_Reset(op: *mut PyObject, tok: *mut PyObject) -> c_int {
    if tok.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    let checked = ensure_var(op).and_then(|()| {
        if (*tok).ob_type != &raw mut PyContextToken_Type {
            return Err(type_error("an instance of Token was expected"));
        }
        Ok(())
    });
    match checked.and_then(|()| reset(op, tok)) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

// ---- The type ----------------------------------------------------------------------------

/// `ContextVar(name, *, default=<no default>)`.
unsafe extern "C" fn var_tp_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    static PARAMS: Params = Params { function: "ContextVar", names: &["name", "default"], positional_only: 1, max_positional: 1, required: 1 };
    ret_obj((|| {
        let [name, default] = crate::abstract_::unpack_keywords::bind_tuple_dict_array::<2>(&PARAMS, args, kwds)?;
        new_var(name, default)
    })())
}

unsafe extern "C" fn var_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    var_clear(op);
    crate::object::temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn var_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(f) = visit else { return 0 };
    let v = var(op);
    for p in [v.name, v.default, v.cached] {
        if !p.is_null() {
            let r = f(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn var_clear(op: *mut PyObject) -> c_int {
    let v = var(op);
    for p in [&mut v.name, &mut v.default, &mut v.cached] {
        drop(PyRef::from_owned(core::mem::replace(p, core::ptr::null_mut())));
    }
    0
}

unsafe extern "C" fn var_repr(op: *mut PyObject) -> *mut PyObject {
    let v = var(op);
    let mut s = format!("<ContextVar name={}", repr_of(v.name));
    if !v.default.is_null() {
        s.push_str(&format!(" default={}", repr_of(v.default)));
    }
    s.push_str(&format!(" at {op:p}>"));
    ret_obj(crate::objects::str::from_utf8(&s))
}

/// `get(default=<unset>, /)`: LookupError(var) if there is no value and no default.
unsafe extern "C" fn var_get(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    if !crate::abstract_::getargs::check_positional(c"get".as_ptr(), nargs, 0, 1) {
        return core::ptr::null_mut();
    }
    let default = if nargs == 1 { *args } else { core::ptr::null_mut() };
    ret_obj(get_or_default(op, default).and_then(|v| v.ok_or_else(|| var_key_error(&raw mut exc::_PyExc_LookupError, op))))
}

unsafe extern "C" fn var_set(op: *mut PyObject, value: *mut PyObject) -> *mut PyObject {
    ret_obj(set(op, value))
}

unsafe extern "C" fn var_reset(op: *mut PyObject, tok: *mut PyObject) -> *mut PyObject {
    ret_obj(reset(op, tok).map(|()| crate::modules::none_ref()))
}

/// `__class_getitem__`: `ContextVar[int]` is a `types.GenericAlias`.
pub(crate) unsafe extern "C" fn class_getitem(cls: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    crate::objects::generic_alias::Py_GenericAlias(cls, item)
}

static mut VAR_METHODS: [PyMethodDef; 5] = [
    fast(c"get", var_get, METH_FASTCALL).doc(c"get($self, default=<unrepresentable>, /)\n--\n\nReturn a value for the context variable for the current context.\n\nIf there is no value for the variable in the current context, the method will:\n * return the value of the default argument of the method, if provided; or\n * return the default value for the context variable, if it was created\n   with one; or\n * raise a LookupError."),
    plain(c"set", var_set, METH_O).doc(c"set($self, value, /)\n--\n\nCall to set a new value for the context variable in the current context.\n\nThe required value argument is the new value for the context variable.\n\nReturns a Token object that can be used to restore the variable to its previous\nvalue via the `ContextVar.reset()` method."),
    plain(c"reset", var_reset, METH_O).doc(c"reset($self, token, /)\n--\n\nReset the context variable.\n\nThe variable is reset to the value it had before the `ContextVar.set()` that\ncreated the token was used."),
    plain(c"__class_getitem__", class_getitem, METH_O | METH_CLASS).doc(c"See PEP 585"),
    END,
];

static mut VAR_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef { name: c"name".as_ptr(), r#type: T_OBJECT, offset: core::mem::offset_of!(ContextVar, name) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

/// `PyContextVar_Type`: `_contextvars.ContextVar`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyContextVar_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(var_dealloc),
    tp_traverse: Some(var_traverse),
    tp_clear: Some(var_clear),
    tp_repr: Some(var_repr),
    tp_methods: &raw mut VAR_METHODS as *mut PyMethodDef,
    tp_members: &raw mut VAR_MEMBERS as *mut PyMemberDef,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_new: Some(var_tp_new),
    ..static_type(c"_contextvars.ContextVar", core::mem::size_of::<ContextVar>(), 0, Py_TPFLAGS_HAVE_GC, None)
};
