//! Special methods defined at run time (classes made by `type()`/`PyType_FromSpec` whose
//! dict gets `__add__`, `__repr__`, ...): the C slot of such a type points at a generic
//! function here that looks the dunder up on the object's type and calls it. Binary
//! operators follow CPython's reflected-operand rules (`__add__` / `__radd__`, the right
//! operand first when its type is a subclass that overrides the reflected method).
//!
//! `fixup_slot_dunders(tp)` sets every slot of a new heap type from what its MRO defines;
//! `update_slot_after_setattr(tp, name)` redoes the slots behind `name` for `tp` and its
//! subclasses when a class attribute changes. A slot whose dunders all resolve to the C
//! slot wrapper of one type keeps that C function (no Python-level indirection).
// Slots are compared by address on purpose, as C does.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_int, c_void, CStr};

use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_TypeError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::descr::{wrapperbase, PyWrapperDescrObject};
use crate::object::descr_objects::PyWrapperDescr_Type;
use crate::object::object::PyObject;
use crate::object::object_attr::interned_name;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slot_wrappers::{rows, slot_ptr};
use crate::object::slots::*;
use crate::object::type_cache;
use crate::object::typeobject::*;
use crate::object::typetype::{is_subtype, type_name};
use crate::objects::singletons::{_Py_NoneStruct, _Py_NotImplementedStruct};
use crate::objects::tuple;

// ---- Calling a special method ---------------------------------------------------------------

fn none_ptr() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

fn not_implemented() -> PyRef {
    // SAFETY: NotImplemented lives for the whole runtime.
    unsafe { PyRef::from_borrowed(&raw mut _Py_NotImplementedStruct).expect("non-NULL") }
}

fn is_not_implemented(r: &PyRef) -> bool {
    r.as_ptr() == &raw mut _Py_NotImplementedStruct
}

/// What the type of `self_` has for `name`: a callable to call with `self_` first (an
/// unbound method descriptor or function), or one already bound.
pub(crate) enum Method {
    Unbound(PyRef),
    Bound(PyRef),
}

pub(crate) unsafe fn lookup_method(self_: *mut PyObject, name: &CStr) -> PyResult<Option<Method>> {
    let tp = (*self_).ob_type;
    let name = interned_name(name.as_ptr())?;
    let Some(f) = type_cache::lookup(tp, name.as_ptr())? else { return Ok(None) };
    let f = PyRef::from_borrowed(f).expect("non-NULL");
    let ftype = (*f.as_ptr()).ob_type;
    if (*ftype).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR != 0 {
        return Ok(Some(Method::Unbound(f)));
    }
    match (*ftype).tp_descr_get {
        Some(get) => {
            let bound = PyRef::from_owned(get(f.as_ptr(), self_, tp as *mut PyObject)).ok_or_else(Raised::assume_set)?;
            Ok(Some(Method::Bound(bound)))
        }
        None => Ok(Some(Method::Bound(f))),
    }
}

unsafe fn call(m: &Method, self_: *mut PyObject, args: &[*mut PyObject]) -> PyResult<PyRef> {
    let r = match m {
        // Up to three arguments go on the stack (hooks and binary dunders are hot).
        Method::Unbound(f) if args.len() <= 3 => {
            let mut stack = [self_; 4];
            stack[1..=args.len()].copy_from_slice(args);
            crate::abstract_::call::vectorcall(f.as_ptr(), stack.as_ptr(), args.len() + 1, core::ptr::null_mut())
        }
        Method::Unbound(f) => {
            let mut stack = Vec::with_capacity(args.len() + 1);
            stack.push(self_);
            stack.extend_from_slice(args);
            crate::abstract_::call::vectorcall(f.as_ptr(), stack.as_ptr(), stack.len(), core::ptr::null_mut())
        }
        Method::Bound(f) => crate::abstract_::call::vectorcall(f.as_ptr(), args.as_ptr(), args.len(), core::ptr::null_mut()),
    };
    PyRef::from_owned(r).ok_or_else(Raised::assume_set)
}

/// `type(self).name(self, *args)` for the other slot modules.
pub(crate) unsafe fn call_dunder(self_: *mut PyObject, name: &CStr, args: &[*mut PyObject]) -> PyResult<PyRef> {
    call_method(self_, name, args)
}

/// What the type of `self_` has for `name` (None when nothing, or `name = None`).
pub(crate) unsafe fn lookup_dunder(self_: *mut PyObject, name: &CStr) -> PyResult<Option<Method>> {
    match lookup_method(self_, name)? {
        Some(Method::Bound(f)) if f.as_ptr() == none_ptr() => Ok(None),
        other => Ok(other),
    }
}

/// Calls what `lookup_dunder` found.
pub(crate) unsafe fn call_found(m: &Method, self_: *mut PyObject, args: &[*mut PyObject]) -> PyResult<PyRef> {
    call(m, self_, args)
}

/// `type(self).name(self, *args)`; AttributeError(name) when the type has no such method.
unsafe fn call_method(self_: *mut PyObject, name: &CStr, args: &[*mut PyObject]) -> PyResult<PyRef> {
    match lookup_method(self_, name)? {
        Some(m) => call(&m, self_, args),
        None => Err(raise_type(&raw mut _PyExc_AttributeError, name.to_string_lossy().into_owned())),
    }
}

/// `type(self).name(self, *args)`, or NotImplemented when the type has no such method.
unsafe fn call_maybe(self_: *mut PyObject, name: &CStr, args: &[*mut PyObject]) -> PyResult<PyRef> {
    match lookup_method(self_, name)? {
        Some(m) => call(&m, self_, args),
        None => Ok(not_implemented()),
    }
}

fn ptr(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

fn status(r: PyResult<PyRef>) -> c_int {
    if r.is_ok() { 0 } else { -1 }
}

// ---- Unary and simple slots ------------------------------------------------------------------

macro_rules! unary_slot {
    ($fname:ident, $dunder:literal) => {
        pub(crate) unsafe extern "C" fn $fname(s: *mut PyObject) -> *mut PyObject {
            ptr(call_method(s, $dunder, &[]))
        }
    };
}
unary_slot!(slot_tp_repr, c"__repr__");
unary_slot!(slot_tp_str, c"__str__");
unary_slot!(slot_nb_negative, c"__neg__");
unary_slot!(slot_nb_positive, c"__pos__");
unary_slot!(slot_nb_absolute, c"__abs__");
unary_slot!(slot_nb_invert, c"__invert__");
unary_slot!(slot_nb_int, c"__int__");
unary_slot!(slot_nb_float, c"__float__");
unary_slot!(slot_nb_index, c"__index__");
unary_slot!(slot_am_await, c"__await__");
unary_slot!(slot_am_aiter, c"__aiter__");
unary_slot!(slot_am_anext, c"__anext__");

macro_rules! one_arg_slot {
    ($fname:ident, $dunder:literal) => {
        pub(crate) unsafe extern "C" fn $fname(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
            ptr(call_method(s, $dunder, &[a]))
        }
    };
}
one_arg_slot!(slot_nb_inplace_add, c"__iadd__");
one_arg_slot!(slot_nb_inplace_subtract, c"__isub__");
one_arg_slot!(slot_nb_inplace_multiply, c"__imul__");
one_arg_slot!(slot_nb_inplace_remainder, c"__imod__");
one_arg_slot!(slot_nb_inplace_lshift, c"__ilshift__");
one_arg_slot!(slot_nb_inplace_rshift, c"__irshift__");
one_arg_slot!(slot_nb_inplace_and, c"__iand__");
one_arg_slot!(slot_nb_inplace_xor, c"__ixor__");
one_arg_slot!(slot_nb_inplace_or, c"__ior__");
one_arg_slot!(slot_nb_inplace_floor_divide, c"__ifloordiv__");
one_arg_slot!(slot_nb_inplace_true_divide, c"__itruediv__");
one_arg_slot!(slot_nb_inplace_matrix_multiply, c"__imatmul__");
one_arg_slot!(slot_mp_subscript, c"__getitem__");

/// `__ipow__` takes one operand (the modulus of `pow(a, b, m)` never reaches it).
pub(crate) unsafe extern "C" fn slot_nb_inplace_power(s: *mut PyObject, a: *mut PyObject, _m: *mut PyObject) -> *mut PyObject {
    ptr(call_method(s, c"__ipow__", &[a]))
}

pub(crate) unsafe extern "C" fn slot_tp_iter(s: *mut PyObject) -> *mut PyObject {
    // `__iter__ = None` says "not iterable".
    match lookup_method(s, c"__iter__") {
        Ok(Some(Method::Bound(f))) if f.as_ptr() == none_ptr() => {
            let _ = raise_type(&raw mut _PyExc_TypeError, format!("'{}' object is not iterable", type_name((*s).ob_type)));
            core::ptr::null_mut()
        }
        Ok(Some(m)) => ptr(call(&m, s, &[])),
        Ok(None) => {
            let _ = raise_type(&raw mut _PyExc_TypeError, format!("'{}' object is not iterable", type_name((*s).ob_type)));
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

pub(crate) unsafe extern "C" fn slot_tp_iternext(s: *mut PyObject) -> *mut PyObject {
    ptr(call_method(s, c"__next__", &[]))
}

pub(crate) unsafe extern "C" fn slot_tp_call(s: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let m = match lookup_method(s, c"__call__") {
        Ok(Some(m)) => m,
        Ok(None) => {
            let _ = raise_type(&raw mut _PyExc_AttributeError, "__call__");
            return core::ptr::null_mut();
        }
        Err(_) => return core::ptr::null_mut(),
    };
    match m {
        Method::Bound(f) => crate::abstract_::call::PyObject_Call(f.as_ptr(), args, kwds),
        Method::Unbound(f) => {
            let mut items = vec![PyRef::from_borrowed(s).expect("non-NULL")];
            items.extend(tuple::items(args).iter().map(|&o| PyRef::from_borrowed(o).expect("non-NULL")));
            match tuple::from_slice(&items) {
                Ok(all) => crate::abstract_::call::PyObject_Call(f.as_ptr(), all.as_ptr(), kwds),
                Err(_) => core::ptr::null_mut(),
            }
        }
    }
}

/// Calls `f` with `self_` prepended when unbound, positional `args` (a tuple) and `kwds`.
unsafe fn call_with_tuple(m: &Method, self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<PyRef> {
    let r = match m {
        Method::Bound(f) => crate::abstract_::call::PyObject_Call(f.as_ptr(), args, kwds),
        Method::Unbound(f) => {
            let mut items = vec![PyRef::from_borrowed(self_).expect("non-NULL")];
            items.extend(tuple::items(args).iter().map(|&o| PyRef::from_borrowed(o).expect("non-NULL")));
            let all = tuple::from_slice(&items)?;
            crate::abstract_::call::PyObject_Call(f.as_ptr(), all.as_ptr(), kwds)
        }
    };
    PyRef::from_owned(r).ok_or_else(Raised::assume_set)
}

pub(crate) unsafe extern "C" fn slot_tp_init(s: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let Some(m) = lookup_method(s, c"__init__")? else {
            return Err(raise_type(&raw mut _PyExc_AttributeError, "__init__"));
        };
        let r = call_with_tuple(&m, s, args, kwds)?;
        if r.as_ptr() != none_ptr() {
            return Err(raise_type(
                &raw mut _PyExc_TypeError,
                format!("__init__() should return None, not '{}'", type_name((*r.as_ptr()).ob_type)),
            ));
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

/// `tp_new` of a class with `__new__`: `T.__new__(T, *args, **kwds)` (found as an attribute
/// of the type, so a staticmethod is unwrapped).
pub(crate) unsafe extern "C" fn slot_tp_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let name = interned_name(c"__new__".as_ptr())?;
        let f = crate::object::object_attr::get_attr(tp as *mut PyObject, name.as_ptr())?;
        call_with_tuple(&Method::Unbound(f), tp as *mut PyObject, args, kwds)
    })();
    ptr(r)
}

/// `__del__`: errors cannot propagate from a finalizer; they are reported as unraisable
/// (`Exception ignored in: <function C.__del__ ...>`).
pub(crate) unsafe extern "C" fn slot_tp_finalize(s: *mut PyObject) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    if let Ok(Some(m)) = lookup_method(s, c"__del__") {
        if call(&m, s, &[]).is_err() {
            let (Method::Unbound(f) | Method::Bound(f)) = &m;
            crate::errors::print::PyErr_WriteUnraisable(f.as_ptr());
        }
    } else {
        crate::errors::pyerr::PyErr_Clear();
    }
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
}

pub(crate) unsafe extern "C" fn slot_tp_richcompare(s: *mut PyObject, other: *mut PyObject, op: c_int) -> *mut PyObject {
    const NAMES: [&CStr; 6] = [c"__lt__", c"__le__", c"__eq__", c"__ne__", c"__gt__", c"__ge__"];
    let Some(name) = NAMES.get(op as usize) else {
        return not_implemented().into_ptr();
    };
    // A lookup that fails (a property raising, say) means "not implemented" here, unlike
    // the other slots: the comparison falls back to the reflected one or identity.
    match lookup_method(s, name) {
        Ok(Some(m)) => ptr(call(&m, s, &[other])),
        Ok(None) => not_implemented().into_ptr(),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            not_implemented().into_ptr()
        }
    }
}

pub(crate) unsafe extern "C" fn slot_tp_descr_get(s: *mut PyObject, obj: *mut PyObject, tp: *mut PyObject) -> *mut PyObject {
    let m = match lookup_method(s, c"__get__") {
        Ok(Some(m)) => m,
        // A class whose __get__ went away: the object stands for itself.
        Ok(None) => return PyRef::from_borrowed(s).expect("non-NULL").into_ptr(),
        Err(_) => return core::ptr::null_mut(),
    };
    let obj = if obj.is_null() { none_ptr() } else { obj };
    let tp = if tp.is_null() { none_ptr() } else { tp };
    ptr(call(&m, s, &[obj, tp]))
}

pub(crate) unsafe extern "C" fn slot_tp_descr_set(s: *mut PyObject, target: *mut PyObject, value: *mut PyObject) -> c_int {
    if value.is_null() {
        status(call_method(s, c"__delete__", &[target]))
    } else {
        status(call_method(s, c"__set__", &[target, value]))
    }
}

pub(crate) unsafe extern "C" fn slot_tp_setattro(s: *mut PyObject, name: *mut PyObject, value: *mut PyObject) -> c_int {
    if value.is_null() {
        status(call_method(s, c"__delattr__", &[name]))
    } else {
        status(call_method(s, c"__setattr__", &[name, value]))
    }
}

pub(crate) unsafe extern "C" fn slot_mp_ass_subscript(s: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> c_int {
    if value.is_null() {
        status(call_method(s, c"__delitem__", &[key]))
    } else {
        status(call_method(s, c"__setitem__", &[key, value]))
    }
}

pub(crate) unsafe extern "C" fn slot_sq_contains(s: *mut PyObject, value: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<bool> {
        match lookup_method(s, c"__contains__")? {
            Some(Method::Bound(f)) if f.as_ptr() == none_ptr() => Err(raise_type(
                &raw mut _PyExc_TypeError,
                format!("'{}' object is not a container", type_name((*s).ob_type)),
            )),
            Some(m) => {
                let r = call(&m, s, &[value])?;
                crate::abstract_::object::is_true(r.as_ptr())
            }
            // Without __contains__, `in` iterates.
            None => {
                let it = crate::abstract_::iter::get_iter(s)?;
                while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
                    if crate::abstract_::compare::rich_compare_bool(item.as_ptr(), value, 2)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    })();
    match r {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// `__bool__` must return a bool; without it, `__len__` decides; without both, true.
pub(crate) unsafe extern "C" fn slot_nb_bool(s: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<bool> {
        if let Some(m) = lookup_method(s, c"__bool__")? {
            let r = call(&m, s, &[])?;
            let rt = (*r.as_ptr()).ob_type;
            if rt != &raw mut crate::objects::bool::PyBool_Type {
                return Err(raise_type(
                    &raw mut _PyExc_TypeError,
                    format!("__bool__ should return bool, returned {}", type_name(rt)),
                ));
            }
            return Ok(r.as_ptr() == crate::objects::bool::true_());
        }
        if let Some(m) = lookup_method(s, c"__len__")? {
            let r = call(&m, s, &[])?;
            return crate::abstract_::object::is_true(r.as_ptr());
        }
        Ok(true)
    })();
    match r {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// `__getattribute__` and `__getattr__`: the first, then the second when it raised
/// AttributeError (or the generic lookup when the class only defines `__getattr__`).
pub(crate) unsafe extern "C" fn slot_tp_getattr_hook(s: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let tp = (*s).ob_type;
        let getattr_name = interned_name(c"__getattr__".as_ptr())?;
        let getattr = type_cache::lookup(tp, getattr_name.as_ptr())?.map(|f| PyRef::from_borrowed(f).expect("non-NULL"));
        let method = lookup_method(s, c"__getattribute__")?;
        let generic = match &method {
            Some(Method::Unbound(f)) => is_generic_getattribute(f.as_ptr()),
            Some(_) => false,
            None => true,
        };
        // With the generic lookup and a `__getattr__`, a missing attribute makes no
        // AttributeError at all (as CPython): cheaper, and no exception is created (and
        // normalized) at the bottom of a recursive `__getattr__`, where that would fail.
        if generic {
            if let Some(g) = &getattr {
                if let Some(v) = crate::object::generic_getattr::generic_get_attr(s, name, core::ptr::null_mut(), true)? {
                    return Ok(v);
                }
                let m = bind(PyRef::from_borrowed(g.as_ptr()).expect("live"), s)?;
                return call(&m, s, &[name]);
            }
        }
        let first = match method {
            Some(m) if !generic => call(&m, s, &[name]),
            _ => crate::object::generic_getattr::generic_get_attr(s, name, core::ptr::null_mut(), false)
                .map(|v| v.expect("not suppressed")),
        };
        match (first, getattr) {
            (Ok(v), _) => Ok(v),
            (Err(e), None) => Err(e),
            (Err(e), Some(g)) => {
                if !crate::object::generic_getattr::is_attribute_error_pending() {
                    return Err(e);
                }
                crate::errors::pyerr::PyErr_Clear();
                let m = bind(g, s)?;
                call(&m, s, &[name])
            }
        }
    })();
    ptr(r)
}

/// `object.__getattribute__` (the wrapper of `PyObject_GenericGetAttr`).
unsafe fn is_generic_getattribute(f: *mut PyObject) -> bool {
    (*f).ob_type == &raw mut PyWrapperDescr_Type
        && (*(f as *mut PyWrapperDescrObject)).d_wrapped
            == crate::object::generic_getattr::PyObject_GenericGetAttr as *mut c_void
}

unsafe fn bind(f: PyRef, self_: *mut PyObject) -> PyResult<Method> {
    let ftype = (*f.as_ptr()).ob_type;
    if (*ftype).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR != 0 {
        return Ok(Method::Unbound(f));
    }
    match (*ftype).tp_descr_get {
        Some(get) => Ok(Method::Bound(
            PyRef::from_owned(get(f.as_ptr(), self_, (*self_).ob_type as *mut PyObject)).ok_or_else(Raised::assume_set)?,
        )),
        None => Ok(Method::Bound(f)),
    }
}

// ---- Binary operators with reflection ---------------------------------------------------------

/// Whether `op`'s type has `slot` (at heap offset `offset`) set to `f`.
unsafe fn has_slot(op: *mut PyObject, offset: c_int, f: *mut c_void) -> bool {
    let p = slot_ptr((*op).ob_type, offset);
    !p.is_null() && *p == f
}

/// Whether the right operand's class overrides the reflected method `rname` of the left
/// operand's class (only then is it asked first).
unsafe fn overrides_reflected(a: *mut PyObject, b: *mut PyObject, rname: &CStr) -> PyResult<bool> {
    let name = interned_name(rname.as_ptr())?;
    let lookup = |t: *mut PyTypeObject| -> PyResult<Option<PyRef>> {
        crate::object::object_attr::lookup_attr(t as *mut PyObject, name.as_ptr())
    };
    let Some(right) = lookup((*b).ob_type)? else { return Ok(false) };
    let Some(left) = lookup((*a).ob_type)? else { return Ok(true) };
    crate::abstract_::compare::rich_compare_bool(left.as_ptr(), right.as_ptr(), 3)
}

/// `a OP b` for a class defining `__op__`/`__rop__`: CPython's order (the right operand's
/// reflected method first when its type is a proper subclass of the left's).
unsafe fn binary(
    a: *mut PyObject,
    b: *mut PyObject,
    offset: c_int,
    this: *mut c_void,
    name: &CStr,
    rname: &CStr,
) -> PyResult<PyRef> {
    let same = (*a).ob_type == (*b).ob_type;
    let mut do_other = !same && has_slot(b, offset, this);
    if has_slot(a, offset, this) {
        if do_other && is_subtype((*b).ob_type, (*a).ob_type) && overrides_reflected(a, b, rname)? {
            let r = call_maybe(b, rname, &[a])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_maybe(a, name, &[b])?;
        if !is_not_implemented(&r) || same {
            return Ok(r);
        }
    }
    if do_other {
        return call_maybe(b, rname, &[a]);
    }
    Ok(not_implemented())
}

macro_rules! binary_slot {
    ($fname:ident, $field:ident, $dunder:literal, $rdunder:literal) => {
        pub(crate) unsafe extern "C" fn $fname(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            let offset = (core::mem::offset_of!(PyHeapTypeObject, as_number)
                + core::mem::offset_of!(PyNumberMethods, $field)) as c_int;
            ptr(binary(a, b, offset, $fname as *mut c_void, $dunder, $rdunder))
        }
    };
}
binary_slot!(slot_nb_add, nb_add, c"__add__", c"__radd__");
binary_slot!(slot_nb_subtract, nb_subtract, c"__sub__", c"__rsub__");
binary_slot!(slot_nb_multiply, nb_multiply, c"__mul__", c"__rmul__");
binary_slot!(slot_nb_remainder, nb_remainder, c"__mod__", c"__rmod__");
binary_slot!(slot_nb_divmod, nb_divmod, c"__divmod__", c"__rdivmod__");
binary_slot!(slot_nb_lshift, nb_lshift, c"__lshift__", c"__rlshift__");
binary_slot!(slot_nb_rshift, nb_rshift, c"__rshift__", c"__rrshift__");
binary_slot!(slot_nb_and, nb_and, c"__and__", c"__rand__");
binary_slot!(slot_nb_xor, nb_xor, c"__xor__", c"__rxor__");
binary_slot!(slot_nb_or, nb_or, c"__or__", c"__ror__");
binary_slot!(slot_nb_floor_divide, nb_floor_divide, c"__floordiv__", c"__rfloordiv__");
binary_slot!(slot_nb_true_divide, nb_true_divide, c"__truediv__", c"__rtruediv__");
binary_slot!(slot_nb_matrix_multiply, nb_matrix_multiply, c"__matmul__", c"__rmatmul__");

/// `pow(a, b)` reflects like the other operators; `pow(a, b, m)` only asks `a`.
pub(crate) unsafe extern "C" fn slot_nb_power(a: *mut PyObject, b: *mut PyObject, m: *mut PyObject) -> *mut PyObject {
    let offset = (core::mem::offset_of!(PyHeapTypeObject, as_number) + core::mem::offset_of!(PyNumberMethods, nb_power)) as c_int;
    if m.is_null() || m == none_ptr() {
        // Binary pow: as the other operators, with the modulus None passed along.
        let this = slot_nb_power as *mut c_void;
        let same = (*a).ob_type == (*b).ob_type;
        let r = (|| -> PyResult<PyRef> {
            let mut do_other = !same && has_slot(b, offset, this);
            if has_slot(a, offset, this) {
                if do_other && is_subtype((*b).ob_type, (*a).ob_type) && overrides_reflected(a, b, c"__rpow__")? {
                    let r = call_maybe(b, c"__rpow__", &[a])?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                    do_other = false;
                }
                let r = call_maybe(a, c"__pow__", &[b])?;
                if !is_not_implemented(&r) || same {
                    return Ok(r);
                }
            }
            if do_other {
                return call_maybe(b, c"__rpow__", &[a]);
            }
            Ok(not_implemented())
        })();
        return ptr(r);
    }
    if has_slot(a, offset, slot_nb_power as *mut c_void) {
        return ptr(call_maybe(a, c"__pow__", &[b, m]));
    }
    not_implemented().into_ptr()
}

// ---- Which generic function serves which row ----------------------------------------------------

/// The generic slot function of a row (by dunder name and slot offset), NULL for rows that
/// have none yet.
unsafe fn generic_for(row: &wrapperbase) -> *mut c_void {
    let name = CStr::from_ptr(row.name).to_bytes();
    let off = row.offset as usize;
    let tp_off = |f: usize| off == f;
    use core::mem::offset_of as o;
    macro_rules! f {
        ($e:expr) => {
            $e as *mut c_void
        };
    }
    let nb = o!(PyHeapTypeObject, as_number);
    let mp = o!(PyHeapTypeObject, as_mapping);
    let sq = o!(PyHeapTypeObject, as_sequence);
    let am = o!(PyHeapTypeObject, as_async);
    if tp_off(o!(PyTypeObject, tp_repr)) { return f!(slot_tp_repr); }
    if tp_off(o!(PyTypeObject, tp_str)) { return f!(slot_tp_str); }
    if tp_off(o!(PyTypeObject, tp_call)) { return f!(slot_tp_call); }
    if tp_off(o!(PyTypeObject, tp_getattro)) { return f!(slot_tp_getattr_hook); }
    if tp_off(o!(PyTypeObject, tp_setattro)) { return f!(slot_tp_setattro); }
    if tp_off(o!(PyTypeObject, tp_richcompare)) { return f!(slot_tp_richcompare); }
    if tp_off(o!(PyTypeObject, tp_iter)) { return f!(slot_tp_iter); }
    if tp_off(o!(PyTypeObject, tp_iternext)) { return f!(slot_tp_iternext); }
    if tp_off(o!(PyTypeObject, tp_descr_get)) { return f!(slot_tp_descr_get); }
    if tp_off(o!(PyTypeObject, tp_descr_set)) { return f!(slot_tp_descr_set); }
    if tp_off(o!(PyTypeObject, tp_init)) { return f!(slot_tp_init); }
    if tp_off(o!(PyTypeObject, tp_new)) { return f!(slot_tp_new); }
    if tp_off(o!(PyTypeObject, tp_finalize)) { return f!(slot_tp_finalize); }
    if tp_off(am + o!(PyAsyncMethods, am_await)) { return f!(slot_am_await); }
    if tp_off(am + o!(PyAsyncMethods, am_aiter)) { return f!(slot_am_aiter); }
    if tp_off(am + o!(PyAsyncMethods, am_anext)) { return f!(slot_am_anext); }
    if tp_off(mp + o!(PyMappingMethods, mp_subscript)) { return f!(slot_mp_subscript); }
    if tp_off(mp + o!(PyMappingMethods, mp_ass_subscript)) { return f!(slot_mp_ass_subscript); }
    if tp_off(sq + o!(PySequenceMethods, sq_contains)) { return f!(slot_sq_contains); }
    if off >= nb && off < nb + core::mem::size_of::<PyNumberMethods>() {
        let field = off - nb;
        let table: &[(usize, *mut c_void)] = &[
            (o!(PyNumberMethods, nb_add), f!(slot_nb_add)),
            (o!(PyNumberMethods, nb_subtract), f!(slot_nb_subtract)),
            (o!(PyNumberMethods, nb_multiply), f!(slot_nb_multiply)),
            (o!(PyNumberMethods, nb_remainder), f!(slot_nb_remainder)),
            (o!(PyNumberMethods, nb_divmod), f!(slot_nb_divmod)),
            (o!(PyNumberMethods, nb_power), f!(slot_nb_power)),
            (o!(PyNumberMethods, nb_negative), f!(slot_nb_negative)),
            (o!(PyNumberMethods, nb_positive), f!(slot_nb_positive)),
            (o!(PyNumberMethods, nb_absolute), f!(slot_nb_absolute)),
            (o!(PyNumberMethods, nb_bool), f!(slot_nb_bool)),
            (o!(PyNumberMethods, nb_invert), f!(slot_nb_invert)),
            (o!(PyNumberMethods, nb_lshift), f!(slot_nb_lshift)),
            (o!(PyNumberMethods, nb_rshift), f!(slot_nb_rshift)),
            (o!(PyNumberMethods, nb_and), f!(slot_nb_and)),
            (o!(PyNumberMethods, nb_xor), f!(slot_nb_xor)),
            (o!(PyNumberMethods, nb_or), f!(slot_nb_or)),
            (o!(PyNumberMethods, nb_int), f!(slot_nb_int)),
            (o!(PyNumberMethods, nb_float), f!(slot_nb_float)),
            (o!(PyNumberMethods, nb_inplace_add), f!(slot_nb_inplace_add)),
            (o!(PyNumberMethods, nb_inplace_subtract), f!(slot_nb_inplace_subtract)),
            (o!(PyNumberMethods, nb_inplace_multiply), f!(slot_nb_inplace_multiply)),
            (o!(PyNumberMethods, nb_inplace_remainder), f!(slot_nb_inplace_remainder)),
            (o!(PyNumberMethods, nb_inplace_power), f!(slot_nb_inplace_power)),
            (o!(PyNumberMethods, nb_inplace_lshift), f!(slot_nb_inplace_lshift)),
            (o!(PyNumberMethods, nb_inplace_rshift), f!(slot_nb_inplace_rshift)),
            (o!(PyNumberMethods, nb_inplace_and), f!(slot_nb_inplace_and)),
            (o!(PyNumberMethods, nb_inplace_xor), f!(slot_nb_inplace_xor)),
            (o!(PyNumberMethods, nb_inplace_or), f!(slot_nb_inplace_or)),
            (o!(PyNumberMethods, nb_floor_divide), f!(slot_nb_floor_divide)),
            (o!(PyNumberMethods, nb_true_divide), f!(slot_nb_true_divide)),
            (o!(PyNumberMethods, nb_inplace_floor_divide), f!(slot_nb_inplace_floor_divide)),
            (o!(PyNumberMethods, nb_inplace_true_divide), f!(slot_nb_inplace_true_divide)),
            (o!(PyNumberMethods, nb_index), f!(slot_nb_index)),
            (o!(PyNumberMethods, nb_matrix_multiply), f!(slot_nb_matrix_multiply)),
            (o!(PyNumberMethods, nb_inplace_matrix_multiply), f!(slot_nb_inplace_matrix_multiply)),
        ];
        if let Some(&(_, g)) = table.iter().find(|(o, _)| *o == field) {
            return g;
        }
    }
    let _ = name;
    crate::object::slot_dunders_int::generic_for_int_rows(off)
}

// ---- Setting the slots of a type ------------------------------------------------------------------

/// Sets the slot at `offset` of `tp` from what its MRO defines for the names of the rows at
/// that offset: the C function when every name found is a slot wrapper of that same
/// function, `PyObject_HashNotImplemented` for `__hash__ = None`, NULL when no name is
/// defined, the generic function otherwise.
unsafe fn update_one_slot(tp: *mut PyTypeObject, offset: c_int) -> PyResult<()> {
    update_slot_from_rows(tp, offset, rows_at(offset), SlotLookup { tp, base: core::ptr::null_mut() })
}

/// How the slot update finds a special-method name of `tp`: along `tp`'s MRO, or — when
/// that MRO is `tp` followed by its base's MRO (single inheritance, no custom `mro()`) —
/// in `tp`'s own dict, then in the base through the method cache. Both give the same
/// answer; the second avoids an MRO walk for each of the ~90 names of a class statement,
/// which the base (already looked up for its own and its other subclasses' slots)
/// answers from the cache.
#[derive(Clone, Copy)]
struct SlotLookup {
    tp: *mut PyTypeObject,
    /// NULL: walk `tp`'s MRO.
    base: *mut PyTypeObject,
}

impl SlotLookup {
    /// # Safety
    /// `tp` is a live, ready type.
    unsafe fn of(tp: *mut PyTypeObject) -> SlotLookup {
        let walk = SlotLookup { tp, base: core::ptr::null_mut() };
        let base = (*tp).tp_base;
        if base.is_null() || (*tp).tp_mro.is_null() || (*base).tp_mro.is_null() || (*tp).tp_dict.is_null() {
            return walk;
        }
        let mro = crate::objects::tuple::items((*tp).tp_mro);
        let base_mro = crate::objects::tuple::items((*base).tp_mro);
        if mro.len() == base_mro.len() + 1 && mro[0] == tp as *mut PyObject && mro[1..] == *base_mro {
            SlotLookup { tp, base }
        } else {
            walk
        }
    }

    /// The attribute `name` of `tp` (borrowed), as `type_cache::lookup` finds it.
    unsafe fn find(self, name: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
        if self.base.is_null() {
            return type_cache::lookup(self.tp, name);
        }
        if let Some(v) = crate::objects::dict::get_item((*self.tp).tp_dict, name)? {
            return Ok(Some(v));
        }
        type_cache::lookup(self.base, name)
    }
}

/// `update_one_slot` with the slot's rows (`rows_at(offset)`) already found.
unsafe fn update_slot_from_rows(tp: *mut PyTypeObject, offset: c_int, row_indices: &[u16], names: SlotLookup) -> PyResult<()> {
    let p = slot_ptr(tp, offset);
    if p.is_null() {
        return Ok(());
    }
    *p = slot_from_rows(tp, offset, row_indices, names)?;
    Ok(())
}

/// The value `update_slot_from_rows` gives the slot at `offset`. It depends on `tp` only
/// through the names `names` finds and through `is_subtype(tp, T)` for the types T that
/// define what is found, which `tp`'s MRO answers as its base's does (tp is not among them).
unsafe fn slot_from_rows(tp: *mut PyTypeObject, offset: c_int, row_indices: &[u16], names: SlotLookup) -> PyResult<*mut c_void> {
    let mut generic: *mut c_void = core::ptr::null_mut();
    let mut specific: *mut c_void = core::ptr::null_mut();
    let mut use_generic = false;
    let mut found_any = false;
    let table = rows();
    for &i in row_indices {
        // The row's own interned name (made once): a class statement looks up ~90 of them.
        let name = crate::object::slot_wrappers::row_name(&mut table[i as usize])?;
        let row = &table[i as usize];
        generic = generic_for(row);
        let Some(descr) = names.find(name)? else { continue };
        found_any = true;
        if descr == none_ptr() && offset == core::mem::offset_of!(PyTypeObject, tp_hash) as c_int {
            specific = crate::abstract_::object::PyObject_HashNotImplemented as *mut c_void;
            continue;
        }
        if (*descr).ob_type == &raw mut PyWrapperDescr_Type {
            let w = descr as *mut PyWrapperDescrObject;
            // The wrapper of this very slot, on a base whose slot it is: call the C function.
            if (*(*w).d_base).offset == offset
                && (*(*w).d_base).wrapper == row.wrapper
                && is_subtype(tp, (*w).d_common.d_type)
                && (specific.is_null() || specific == (*w).d_wrapped)
            {
                specific = (*w).d_wrapped;
                continue;
            }
        }
        if offset == core::mem::offset_of!(PyTypeObject, tp_new) as c_int && is_new_wrapper_of_base(descr, tp) {
            // `__new__` is the builtin bound to a C base: keep its tp_new.
            let base = (*(descr as *mut crate::objects::cfunction::PyCFunctionObject)).m_self as *mut PyTypeObject;
            specific = (*base).tp_new.map_or(core::ptr::null_mut(), |f| f as *mut c_void);
            continue;
        }
        use_generic = true;
    }
    // (A row without a generic function, such as sq_concat, ends up NULL when a
    // Python-level method stands behind its name.)
    Ok(if use_generic || (found_any && specific.is_null()) {
        generic
    } else if found_any {
        specific
    } else {
        core::ptr::null_mut()
    })
}

/// Whether `descr` is the `__new__` builtin that readying made for a base of `tp`.
unsafe fn is_new_wrapper_of_base(descr: *mut PyObject, tp: *mut PyTypeObject) -> bool {
    if !crate::objects::cfunction::is_cfunction(descr) {
        return false;
    }
    let f = descr as *mut crate::objects::cfunction::PyCFunctionObject;
    let ml = (*f).m_ml;
    if ml != crate::object::tp_new_wrapper::new_def() {
        return false;
    }
    let base = (*f).m_self;
    !base.is_null()
        && (*(*base).ob_type).tp_flags & Py_TPFLAGS_TYPE_SUBCLASS != 0
        && is_subtype(tp, base as *mut PyTypeObject)
}

/// The rows grouped by slot: each distinct offset (in table order) with the indices of its
/// rows. Made once: a class statement sets every slot, and scanning the whole table for
/// each slot was the biggest part of making a class.
pub(crate) fn slot_groups() -> &'static [(c_int, Box<[u16]>)] {
    static GROUPS: std::sync::OnceLock<Box<[(c_int, Box<[u16]>)]>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<(c_int, Vec<u16>)> = Vec::new();
        // SAFETY: the table is static; readers only.
        for (i, row) in unsafe { rows() }.iter().enumerate() {
            match groups.iter_mut().find(|g| g.0 == row.offset) {
                Some(g) => g.1.push(i as u16),
                None => groups.push((row.offset, vec![i as u16])),
            }
        }
        groups.into_iter().map(|(o, v)| (o, v.into_boxed_slice())).collect()
    })
}

/// The indices of the rows whose slot is at `offset`.
fn rows_at(offset: c_int) -> &'static [u16] {
    slot_groups().iter().find(|g| g.0 == offset).map_or(&[], |g| &g.1)
}

/// The distinct slot offsets of the rows named `name` (all rows if `name` is None).
unsafe fn offsets_for(name: Option<*mut PyObject>) -> Vec<c_int> {
    let mut out: Vec<c_int> = Vec::new();
    for row in rows().iter() {
        if let Some(n) = name {
            // Row names are ASCII: their bytes are compared as they are, without a copy.
            if !((*(n as *mut crate::objects::str::PyASCIIObject)).ascii()
                && CStr::from_ptr(row.name).to_bytes() == crate::objects::str::data_bytes(n))
            {
                continue;
            }
        }
        if !out.contains(&row.offset) {
            out.push(row.offset);
        }
    }
    out
}

/// Sets every special-method slot of a new heap type from its MRO (to call after the
/// type is readied, when its dict may hold Python-level `__add__`, `__repr__`, ...).
/// Static types are left alone.
///
/// # Safety
/// `tp` is a live, ready type.
#[allow(dead_code)] // called where heap types are created (class statement, type())
pub(crate) unsafe fn fixup_slot_dunders(tp: *mut PyTypeObject) -> PyResult<()> {
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE == 0 {
        return Ok(());
    }
    let names = SlotLookup::of(tp);
    let groups = slot_groups();
    // The slots whose names the class does not define are its base's (slot_memo.rs).
    let from_base = if names.base.is_null() {
        None
    } else {
        crate::object::slot_memo::own_groups(tp, groups).zip(type_cache::version_tag(names.base))
    };
    let Some((own, tag)) = from_base else {
        for (offset, row_indices) in groups {
            update_slot_from_rows(tp, *offset, row_indices, names)?;
        }
        return Ok(());
    };
    let mut inherited = crate::object::slot_memo::take(names.base, tag, groups.len());
    let mut result = Ok(());
    for (g, (offset, row_indices)) in groups.iter().enumerate() {
        let p = slot_ptr(tp, *offset);
        if p.is_null() {
            continue;
        }
        if own & (1u128 << g) == 0 {
            if let Some(v) = inherited.get(g, slot_ptr(names.base, *offset)) {
                *p = v;
                continue;
            }
        }
        match slot_from_rows(tp, *offset, row_indices, names) {
            Ok(v) => {
                *p = v;
                if own & (1u128 << g) == 0 {
                    inherited.set(g, v);
                }
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    crate::object::slot_memo::give_back(names.base, tag, inherited);
    result
}

/// After `tp.name = value` (or `del tp.name`): when `name` is a special method, recomputes
/// its slots in `tp` and in every heap subclass.
///
/// # Safety
/// `tp` is a live type, `name` a live str.
pub(crate) unsafe fn update_slot_after_setattr(tp: *mut PyTypeObject, name: *mut PyObject) -> PyResult<()> {
    if (*tp).tp_flags & Py_TPFLAGS_HEAPTYPE == 0 || !crate::objects::str::is_str(name) {
        return Ok(());
    }
    // Special-method names are ASCII, whose code units are their bytes.
    let ascii = (*(name as *mut crate::objects::str::PyASCIIObject)).ascii();
    let text = crate::objects::str::data_bytes(name);
    if !(ascii && text.starts_with(b"__") && text.ends_with(b"__")) {
        return Ok(());
    }
    let offsets = offsets_for(Some(name));
    if offsets.is_empty() {
        return Ok(());
    }
    let mut todo = vec![tp];
    while let Some(t) = todo.pop() {
        if (*t).tp_flags & Py_TPFLAGS_HEAPTYPE != 0 {
            for &off in &offsets {
                update_one_slot(t, off)?;
            }
        }
        todo.extend(type_cache::direct_subclasses(t));
    }
    Ok(())
}
