//! The generic attribute protocol of instances (`object.__getattribute__`/`__setattr__`):
//! data descriptors of the type first, then the instance dict, then non-data descriptors
//! and plain class attributes. Also where an instance keeps its dict (`tp_dictoffset`,
//! negative for variable-size objects, or the managed-dict slot before the object).
use core::ffi::{c_int, c_void};

use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_TypeError};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::object::type_cache;
use crate::object::typeobject::*;
use crate::objects::{dict, str as pystr};
use crate::pyport::Py_ssize_t;

/// `tp_name` cut to `n` characters, as CPython's `%.Ns` formats show it.
///
/// # Safety
/// `tp` is a live type.
pub(crate) unsafe fn name_upto(tp: *mut PyTypeObject, n: usize) -> String {
    let name = crate::object::typetype::type_name(tp);
    match name.char_indices().nth(n) {
        Some((i, _)) => name[..i].to_string(),
        None => name,
    }
}

/// TypeError "attribute name must be string, not 'T'" unless `name` is a str.
///
/// # Safety
/// `name` is a live object.
#[inline(always)]
pub(crate) unsafe fn check_name(name: *mut PyObject) -> PyResult<()> {
    if pystr::is_str(name) {
        return Ok(());
    }
    Err(bad_name(name))
}

#[cold]
#[inline(never)]
unsafe fn bad_name(name: *mut PyObject) -> crate::errors::raised::Raised {
    raise_type(
        &raw mut _PyExc_TypeError,
        format!("attribute name must be string, not '{}'", name_upto((*name).ob_type, 200)),
    )
}

/// AttributeError "'T' object has no attribute 'x'" (`T` cut to `n` characters).
#[cold]
///
/// # Safety
/// `obj` and `name` are live, `name` a str.
pub(crate) unsafe fn no_attribute(obj: *mut PyObject, name: *mut PyObject, n: usize) -> crate::errors::raised::Raised {
    raise_type(
        &raw mut _PyExc_AttributeError,
        format!("'{}' object has no attribute '{}'", name_upto((*obj).ob_type, n), pystr::to_string(name)),
    )
}

/// Readies the type of an instance whose type was never readied (a C type used directly).
#[inline]
unsafe fn ensure_ready(tp: *mut PyTypeObject) -> PyResult<()> {
    if (*tp).tp_dict.is_null() {
        crate::object::type_ready::ready(tp)?;
    }
    Ok(())
}

/// Where `obj` keeps its `__dict__` pointer, or NULL when its type gives it none:
/// the managed-dict slot (`obj[-3]`) for `Py_TPFLAGS_MANAGED_DICT` types, else
/// `tp_dictoffset` bytes into the object, counted from its end when negative.
///
/// # Safety
/// `obj` is a live object.
pub(crate) unsafe fn dict_ptr(obj: *mut PyObject) -> *mut *mut PyObject {
    let tp = (*obj).ob_type;
    if (*tp).tp_flags & Py_TPFLAGS_MANAGED_DICT as u64 != 0 {
        return (obj as *mut *mut PyObject).sub(3);
    }
    let mut offset = (*tp).tp_dictoffset;
    if offset == 0 {
        return core::ptr::null_mut();
    }
    if offset < 0 {
        let mut n = (*(obj as *mut crate::object::object::PyVarObject)).ob_size;
        if n < 0 {
            n = -n;
        }
        let size = crate::object::objimpl::var_size(tp, n).unwrap_or(0) as Py_ssize_t;
        offset += size;
    }
    (obj as *mut u8).offset(offset) as *mut *mut PyObject
}

/// `PyObject **_PyObject_GetDictPtr(PyObject *obj)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GetDictPtr(obj: *mut PyObject) -> *mut *mut PyObject {
    if obj.is_null() {
        return core::ptr::null_mut();
    }
    dict_ptr(obj)
}

/// The type's descriptor for `name` (a new reference, so a `__get__` that changes the type
/// cannot free it under us), with its `__get__` slot and whether it is a data descriptor.
unsafe fn find_descriptor(
    tp: *mut PyTypeObject,
    name: *mut PyObject,
) -> PyResult<Option<(PyRef, crate::object::slots::descrgetfunc, bool)>> {
    let Some(d) = type_cache::lookup(tp, name)? else { return Ok(None) };
    let dtype = (*d).ob_type;
    let descr = PyRef::from_borrowed(d).expect("non-NULL");
    Ok(Some((descr, (*dtype).tp_descr_get, (*dtype).tp_descr_set.is_some())))
}

/// `object.__getattribute__(obj, name)` for Rust: `Ok(None)` only when `suppress` and
/// there is no such attribute (no exception set then). `dict`, when not NULL, is used
/// instead of the instance dict.
///
/// # Safety
/// `obj`, `name` are live; `dict` NULL or a live dict.
pub(crate) unsafe fn generic_get_attr(
    obj: *mut PyObject,
    name: *mut PyObject,
    dict: *mut PyObject,
    suppress: bool,
) -> PyResult<Option<PyRef>> {
    check_name(name)?;
    let tp = (*obj).ob_type;
    ensure_ready(tp)?;
    let descr = find_descriptor(tp, name)?;
    if let Some((d, Some(get), true)) = &descr {
        // Members are the most common data descriptors of C types: read them directly.
        if (*d.as_ptr()).ob_type == &raw mut crate::object::descr_objects::PyMemberDescr_Type {
            return crate::object::descr_objects::member_read(d.as_ptr(), obj).map(Some);
        }
        let r = get(d.as_ptr(), obj, tp as *mut PyObject);
        return from_get_result(r, obj, name, suppress);
    }
    let dict = if dict.is_null() {
        let p = dict_ptr(obj);
        if p.is_null() { core::ptr::null_mut() } else { *p }
    } else {
        dict
    };
    if !dict.is_null() {
        // Keep the dict alive through the lookup (a key's __eq__ could replace it).
        let dict = PyRef::from_borrowed(dict).expect("non-NULL");
        if let Some(v) = dict::get_item(dict.as_ptr(), name)? {
            return Ok(PyRef::from_borrowed(v));
        }
    }
    match descr {
        Some((d, Some(get), _)) => {
            let r = get(d.as_ptr(), obj, tp as *mut PyObject);
            from_get_result(r, obj, name, suppress)
        }
        Some((d, None, _)) => Ok(Some(d)),
        None if suppress => Ok(None),
        None => {
            // `object.__getattribute__(o, "x")` records name and obj too, as CPython 3.11's
            // generic getattr does (not only PyObject_GetAttr).
            let e = no_attribute(obj, name, 50);
            crate::object::object_attr::set_attribute_error_context(obj, name);
            Err(e)
        }
    }
}

/// A `__get__` result: NULL with AttributeError becomes "not found" when suppressing.
unsafe fn from_get_result(
    r: *mut PyObject,
    _obj: *mut PyObject,
    _name: *mut PyObject,
    suppress: bool,
) -> PyResult<Option<PyRef>> {
    if let Some(r) = PyRef::from_owned(r) {
        return Ok(Some(r));
    }
    if suppress && is_attribute_error_pending() {
        crate::errors::pyerr::PyErr_Clear();
        return Ok(None);
    }
    Err(crate::errors::raised::Raised::assume_set())
}

/// Whether the pending exception is an AttributeError (or a subclass).
pub(crate) unsafe fn is_attribute_error_pending() -> bool {
    crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut _PyExc_AttributeError as *mut PyObject) != 0
}

/// `object.__setattr__`/`__delattr__` (`value` NULL) for Rust; `dict` as in
/// `generic_get_attr`.
///
/// # Safety
/// `obj`, `name` are live; `value` and `dict` NULL or live.
pub(crate) unsafe fn generic_set_attr(
    obj: *mut PyObject,
    name: *mut PyObject,
    value: *mut PyObject,
    dict: *mut PyObject,
) -> PyResult<()> {
    check_name(name)?;
    let tp = (*obj).ob_type;
    ensure_ready(tp)?;
    let descr = type_cache::lookup(tp, name)?.map(|d| PyRef::from_borrowed(d).expect("non-NULL"));
    if let Some(d) = &descr {
        if (*d.as_ptr()).ob_type == &raw mut crate::object::descr_objects::PyMemberDescr_Type {
            return crate::object::descr_objects::member_write(d.as_ptr(), obj, value);
        }
        if let Some(set) = (*(*d.as_ptr()).ob_type).tp_descr_set {
            return if set(d.as_ptr(), obj, value) < 0 { Err(crate::errors::raised::Raised::assume_set()) } else { Ok(()) };
        }
    }
    let dict = if dict.is_null() {
        let p = dict_ptr(obj);
        if p.is_null() {
            return Err(match descr {
                None => no_attribute(obj, name, 100),
                Some(_) => raise_type(
                    &raw mut _PyExc_AttributeError,
                    format!("'{}' object attribute '{}' is read-only", name_upto(tp, 50), pystr::to_string(name)),
                ),
            });
        }
        if (*p).is_null() {
            if value.is_null() {
                return Err(no_attribute_on_delete(obj, name));
            }
            *p = dict::new()?.into_ptr();
        }
        *p
    } else {
        dict
    };
    let dict = PyRef::from_borrowed(dict).expect("non-NULL");
    if value.is_null() {
        if !dict::del_item(dict.as_ptr(), name)? {
            return Err(no_attribute_on_delete(obj, name));
        }
        Ok(())
    } else {
        dict::set_item(dict.as_ptr(), name, value)
    }
}

/// Deleting a missing attribute: types say "type object 'T' has no attribute 'x'".
unsafe fn no_attribute_on_delete(obj: *mut PyObject, name: *mut PyObject) -> crate::errors::raised::Raised {
    if (*(*obj).ob_type).tp_flags & Py_TPFLAGS_TYPE_SUBCLASS != 0 {
        return raise_type(
            &raw mut _PyExc_AttributeError,
            format!("type object '{}' has no attribute '{}'", name_upto(obj as *mut PyTypeObject, 50), pystr::to_string(name)),
        );
    }
    no_attribute(obj, name, 100)
}

#[inline]
fn ptr_or_null(r: PyResult<Option<PyRef>>) -> *mut PyObject {
    match r {
        Ok(Some(v)) => v.into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

#[inline]
fn status(r: PyResult<()>) -> c_int {
    if r.is_ok() { 0 } else { -1 }
}

/// `PyObject *PyObject_GenericGetAttr(PyObject *obj, PyObject *name)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetAttr(obj: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ptr_or_null(generic_get_attr(obj, name, core::ptr::null_mut(), false))
}

/// `PyObject *_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject
/// *dict, int suppress)`: NULL without an exception when `suppress` and not found.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GenericGetAttrWithDict(
    obj: *mut PyObject,
    name: *mut PyObject,
    dict: *mut PyObject,
    suppress: c_int,
) -> *mut PyObject {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ptr_or_null(generic_get_attr(obj, name, dict, suppress != 0))
}

/// `int PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)`; a NULL
/// value deletes.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetAttr(obj: *mut PyObject, name: *mut PyObject, value: *mut PyObject) -> c_int {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    status(generic_set_attr(obj, name, value, core::ptr::null_mut()))
}

/// `int _PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name, PyObject *value,
/// PyObject *dict)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GenericSetAttrWithDict(
    obj: *mut PyObject,
    name: *mut PyObject,
    value: *mut PyObject,
    dict: *mut PyObject,
) -> c_int {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    status(generic_set_attr(obj, name, value, dict))
}

unsafe fn no_dict() -> crate::errors::raised::Raised {
    raise_type(&raw mut _PyExc_AttributeError, "This object has no __dict__")
}

/// `PyObject *PyObject_GenericGetDict(PyObject *obj, void *context)`: the instance dict,
/// created empty on first use (a `__dict__` getter).
#[cfg(not(limited_api_before_3_10))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetDict(obj: *mut PyObject, _context: *mut c_void) -> *mut PyObject {
    if obj.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let p = dict_ptr(obj);
    if p.is_null() {
        let _ = no_dict();
        return core::ptr::null_mut();
    }
    if (*p).is_null() {
        match dict::new() {
            Ok(d) => *p = d.into_ptr(),
            Err(_) => return core::ptr::null_mut(),
        }
    }
    (**p).ob_refcnt += 1;
    *p
}

/// `int PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context)`: replaces
/// the instance dict (a `__dict__` setter); it cannot be deleted.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetDict(obj: *mut PyObject, value: *mut PyObject, _context: *mut c_void) -> c_int {
    if obj.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    let p = dict_ptr(obj);
    if p.is_null() {
        let _ = no_dict();
        return -1;
    }
    if value.is_null() {
        let _ = raise_type(&raw mut _PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if !dict::is_dict(value) {
        let _ = raise_type(
            &raw mut _PyExc_TypeError,
            format!("__dict__ must be set to a dictionary, not a '{}'", name_upto((*value).ob_type, 200)),
        );
        return -1;
    }
    (*value).ob_refcnt += 1;
    let old = core::mem::replace(&mut *p, value);
    drop(PyRef::from_owned(old));
    0
}
