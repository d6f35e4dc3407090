//! `contextvars.Context` (PEP 567) and the `PyContext_*` C-API.
//!
//! A context maps `ContextVar`s to values. Its mapping is a dict that is never changed once
//! a context refers to it: `ContextVar.set` installs a changed copy, so `copy()` shares the
//! dict and costs nothing, and a `Context` seen by other code never changes under it. (A
//! context holds a handful of variables in practice; copying those on `set` is cheaper
//! than a persistent tree would be on `get`.)
//!
//! Each thread state has a current context (`PyThreadState.context`, made empty on first
//! use) and a version (`context_ver`) bumped by every enter, exit and set, which the
//! variables' one-entry caches check (context_var.rs).
use core::ffi::{c_int, c_void};

use crate::abstract_::call::vectorcall;
use crate::abstract_::compare::rich_compare;
use crate::abstract_::{new_ref, not_implemented, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS};
use crate::object::method_table::{fast, fast_kw, plain, END};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PySequenceMethods, PY_VECTORCALL_ARGUMENTS_OFFSET};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::context_var::{is_var, var_key_error};
use crate::objects::{dict, tuple};
use crate::runtime::threadstate::PyThreadState;

/// The object behind a `Context` (CPython's struct is opaque: this layout is ours).
#[repr(C)]
pub(crate) struct Context {
    ob_base: PyObject,
    /// The context that was current when this one was entered (owned; NULL if none).
    prev: *mut PyObject,
    /// The immutable dict of variables to values.
    pub(crate) vars: *mut PyObject,
    weakreflist: *mut PyObject,
    entered: c_int,
}

unsafe fn ctx<'a>(op: *mut PyObject) -> &'a mut Context {
    &mut *(op as *mut Context)
}

pub(crate) unsafe fn is_context(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyContext_Type
}

/// A new context whose mapping is `vars` (or empty).
pub(crate) unsafe fn new_context(vars: Option<*mut PyObject>) -> PyResult<PyRef> {
    let vars = match vars {
        Some(v) => new_ref(v),
        None => dict::new()?,
    };
    let op = PyRef::from_owned(crate::object::temp_alloc::gc_new_var(&raw mut PyContext_Type, 0))
        .ok_or_else(Raised::assume_set)?;
    let c = ctx(op.as_ptr());
    c.prev = core::ptr::null_mut();
    c.vars = vars.into_ptr();
    c.weakreflist = core::ptr::null_mut();
    c.entered = 0;
    PyObject_GC_Track(op.as_ptr() as *mut c_void);
    Ok(op)
}

unsafe fn tstate() -> &'static mut PyThreadState {
    &mut *crate::runtime::pystate::current()
}

/// The current thread's context (borrowed), made empty on first use.
pub(crate) unsafe fn current() -> PyResult<*mut PyObject> {
    let ts = tstate();
    if ts.context.is_null() {
        ts.context = new_context(None)?.into_ptr();
        ts.context_ver += 1;
    }
    Ok(ts.context)
}

/// Replaces the current context's mapping (a variable was set or reset).
pub(crate) unsafe fn replace_vars(c: *mut PyObject, vars: PyRef) {
    let old = core::mem::replace(&mut ctx(c).vars, vars.into_ptr());
    tstate().context_ver += 1;
    drop(PyRef::from_owned(old));
}

pub(crate) unsafe fn repr_of(op: *mut PyObject) -> String {
    crate::abstract_::object::repr(op)
        .ok()
        .and_then(|r| crate::objects::str_utf8::as_str(r.as_ptr()).ok().map(str::to_owned))
        .unwrap_or_default()
}

unsafe fn enter(c: *mut PyObject) -> PyResult<()> {
    if ctx(c).entered != 0 {
        return Err(raise_type(
            &raw mut exc::_PyExc_RuntimeError,
            &format!("cannot enter context: {} is already entered", repr_of(c)),
        ));
    }
    let ts = tstate();
    ctx(c).prev = core::mem::replace(&mut ts.context, new_ref(c).into_ptr());
    ctx(c).entered = 1;
    ts.context_ver += 1;
    Ok(())
}

unsafe fn exit(c: *mut PyObject) -> PyResult<()> {
    if ctx(c).entered == 0 {
        return Err(raise_type(
            &raw mut exc::_PyExc_RuntimeError,
            &format!("cannot exit context: {} has not been entered", repr_of(c)),
        ));
    }
    let ts = tstate();
    if ts.context != c {
        return Err(raise_type(
            &raw mut exc::_PyExc_RuntimeError,
            "cannot exit context: thread state references a different context object",
        ));
    }
    let prev = core::mem::replace(&mut ctx(c).prev, core::ptr::null_mut());
    let this = core::mem::replace(&mut ts.context, prev);
    ctx(c).entered = 0;
    ts.context_ver += 1;
    drop(PyRef::from_owned(this));
    Ok(())
}

/// The C-API's check of a context argument.
unsafe fn ensure_context(op: *mut PyObject) -> PyResult<()> {
    if op.is_null() || !is_context(op) {
        return Err(type_error("an instance of Context was expected"));
    }
    Ok(())
}

fn status(r: PyResult<()>) -> c_int {
    if r.is_ok() { 0 } else { -1 }
}

/// `PyObject *PyContext_New(void)`: a new empty context.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContext_New() -> *mut PyObject {
    ret_obj(new_context(None))
}

/// `PyObject *PyContext_Copy(PyObject *ctx)`: a context with the same mapping.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContext_Copy(c: *mut PyObject) -> *mut PyObject {
    ret_obj(ensure_context(c).and_then(|()| new_context(Some(ctx(c).vars))))
}

/// `PyObject *PyContext_CopyCurrent(void)`: `contextvars.copy_context()`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContext_CopyCurrent() -> *mut PyObject {
    ret_obj(copy_current())
}

pub(crate) unsafe fn copy_current() -> PyResult<PyRef> {
    let c = current()?;
    new_context(Some(ctx(c).vars))
}

/// `int PyContext_Enter(PyObject *ctx)`: makes `ctx` current (RuntimeError if it is
/// current somewhere already).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContext_Enter(c: *mut PyObject) -> c_int {
    status(ensure_context(c).and_then(|()| enter(c)))
}

/// `int PyContext_Exit(PyObject *ctx)`: restores the context that was current before
/// `ctx` was entered.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyContext_Exit(c: *mut PyObject) -> c_int {
    status(ensure_context(c).and_then(|()| exit(c)))
}

// ---- The type ----------------------------------------------------------------------------

unsafe extern "C" fn context_tp_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let has_args = !args.is_null() && tuple::len(args) != 0;
    let has_kwds = !kwds.is_null() && dict::len(kwds) != 0;
    if has_args || has_kwds {
        let _ = type_error("Context() does not accept any arguments");
        return core::ptr::null_mut();
    }
    PyContext_New()
}

unsafe extern "C" fn context_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    if !ctx(op).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    context_clear(op);
    crate::object::temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn context_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(v) = visit else { return 0 };
    for p in [ctx(op).prev, ctx(op).vars] {
        if !p.is_null() {
            let r = v(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn context_clear(op: *mut PyObject) -> c_int {
    drop(PyRef::from_owned(core::mem::replace(&mut ctx(op).prev, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut ctx(op).vars, core::ptr::null_mut())));
    0
}

/// The mapping, owned (so a `set` during a comparison cannot free it under us).
unsafe fn vars_of(op: *mut PyObject) -> PyResult<PyRef> {
    let v = ctx(op).vars;
    if v.is_null() {
        return dict::new();
    }
    Ok(new_ref(v))
}

unsafe extern "C" fn context_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    use crate::object::object::{Py_EQ, Py_NE};
    if !is_context(a) || !is_context(b) || (op != Py_EQ && op != Py_NE) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj((|| {
        let (va, vb) = (vars_of(a)?, vars_of(b)?);
        rich_compare(va.as_ptr(), vb.as_ptr(), op)
    })())
}

unsafe fn check_var(key: *mut PyObject) -> PyResult<()> {
    if !is_var(key) {
        return Err(type_error(format!("a ContextVar key was expected, got {}", repr_of(key))));
    }
    Ok(())
}

unsafe extern "C" fn context_len(op: *mut PyObject) -> isize {
    let v = ctx(op).vars;
    if v.is_null() { 0 } else { dict::len(v) as isize }
}

unsafe extern "C" fn context_getitem(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        check_var(key)?;
        let vars = vars_of(op)?;
        match dict::get_item(vars.as_ptr(), key)? {
            Some(v) => Ok(new_ref(v)),
            None => Err(var_key_error(&raw mut exc::_PyExc_KeyError, key)),
        }
    })())
}

unsafe extern "C" fn context_contains(op: *mut PyObject, key: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<bool> {
        check_var(key)?;
        let vars = vars_of(op)?;
        Ok(dict::get_item(vars.as_ptr(), key)?.is_some())
    })();
    match r {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

unsafe extern "C" fn context_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj(vars_of(op).and_then(|v| crate::abstract_::iter::get_iter(v.as_ptr())))
}

/// `get(key, default=None, /)`.
unsafe extern "C" fn context_get(op: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        if !crate::abstract_::getargs::check_positional(c"get".as_ptr(), nargs, 1, 2) {
            return Err(Raised::assume_set());
        }
        let a = core::slice::from_raw_parts(args, nargs as usize);
        check_var(a[0])?;
        let vars = vars_of(op)?;
        Ok(match dict::get_item(vars.as_ptr(), a[0])? {
            Some(v) => new_ref(v),
            None => new_ref(a.get(1).copied().unwrap_or(crate::abstract_::none())),
        })
    })())
}

/// `keys()`, `values()`, `items()`: views of the (immutable) mapping.
unsafe fn view(op: *mut PyObject, name: &core::ffi::CStr) -> *mut PyObject {
    ret_obj((|| {
        let vars = vars_of(op)?;
        let n = crate::object::object_attr::interned_name(name.as_ptr())?;
        let m = crate::object::object_attr::get_attr(vars.as_ptr(), n.as_ptr())?;
        PyRef::from_owned(crate::abstract_::call::PyObject_CallNoArgs(m.as_ptr())).ok_or_else(Raised::assume_set)
    })())
}

unsafe extern "C" fn context_keys(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    view(op, c"keys")
}

unsafe extern "C" fn context_values(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    view(op, c"values")
}

unsafe extern "C" fn context_items(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    view(op, c"items")
}

unsafe extern "C" fn context_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(vars_of(op).and_then(|v| new_context(Some(v.as_ptr()))))
}

/// `run(callable, /, *args, **kwargs)`: calls `callable` with this context current.
unsafe extern "C" fn context_run(op: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    if nargs < 1 {
        let _ = type_error("run() missing 1 required positional argument");
        return core::ptr::null_mut();
    }
    if enter(op).is_err() {
        return core::ptr::null_mut();
    }
    let result = vectorcall(*args, args.add(1), (nargs as usize - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    let result = PyRef::from_owned(result);
    if exit(op).is_err() {
        return core::ptr::null_mut();
    }
    result.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

static mut CONTEXT_METHODS: [PyMethodDef; 8] = [
    fast_kw(c"run", context_run, METH_FASTCALL | METH_KEYWORDS),
    fast(c"get", context_get, METH_FASTCALL).doc(c"get($self, key, default=None, /)\n--\n\nReturn the value for `key` if `key` has the value in the context object.\n\nIf `key` does not exist, return `default`. If `default` is not given,\nreturn None."),
    plain(c"items", context_items, METH_NOARGS).doc(c"items($self, /)\n--\n\nReturn all variables and their values in the context object.\n\nThe result is returned as a list of 2-tuples (variable, value)."),
    plain(c"keys", context_keys, METH_NOARGS).doc(c"keys($self, /)\n--\n\nReturn a list of all variables in the context object."),
    plain(c"values", context_values, METH_NOARGS).doc(c"values($self, /)\n--\n\nReturn a list of all variables' values in the context object."),
    plain(c"copy", context_copy, METH_NOARGS).doc(c"copy($self, /)\n--\n\nReturn a shallow copy of the context object."),
    END,
    END,
];

static mut CONTEXT_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: Some(context_len), mp_subscript: Some(context_getitem), mp_ass_subscript: None };

static mut CONTEXT_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_contains: Some(context_contains),
    // SAFETY: every field of the table is an Option of a function pointer (None = zero).
    ..unsafe { core::mem::zeroed() }
};

/// `PyContext_Type`: `_contextvars.Context`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyContext_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(context_dealloc),
    tp_traverse: Some(context_traverse),
    tp_clear: Some(context_clear),
    tp_richcompare: Some(context_richcompare),
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_iter: Some(context_iter),
    tp_as_mapping: &raw mut CONTEXT_AS_MAPPING,
    tp_as_sequence: &raw mut CONTEXT_AS_SEQUENCE,
    tp_methods: &raw mut CONTEXT_METHODS as *mut PyMethodDef,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_weaklistoffset: core::mem::offset_of!(Context, weakreflist) as isize,
    tp_new: Some(context_tp_new),
    ..static_type(c"_contextvars.Context", core::mem::size_of::<Context>(), 0, Py_TPFLAGS_HAVE_GC, None)
};
