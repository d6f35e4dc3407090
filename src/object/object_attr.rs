//! The attribute C-API of any object: `PyObject_GetAttr`, `SetAttr`, `HasAttr` and their
//! `const char *` forms, `_PyObject_LookupAttr`. They dispatch to the type's
//! `tp_getattro`/`tp_setattro` (or the old `char *` slots `tp_getattr`/`tp_setattr`).
//! `PyObject_DelAttr`/`DelAttrString` are macros over `SetAttr` in 3.11 (abstract.h).
// Slots are compared by address on purpose, as C does.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::{c_char, c_int, CStr};

use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_TypeError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::generic_getattr::{check_name, generic_get_attr, is_attribute_error_pending, name_upto, PyObject_GenericGetAttr};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::str as pystr;

/// Names given as C strings, mapped to interned str objects: a small table keyed by the
/// pointer, checked against the text (the same address may hold another name later), so
/// `PyObject_GetAttrString(o, "name")` allocates nothing and hits the method cache, whose
/// entries are keyed by the name object.
const NAME_CACHE_SIZE: usize = 256;
static mut NAME_CACHE: [(*const c_char, *mut PyObject); NAME_CACHE_SIZE] =
    [(core::ptr::null(), core::ptr::null_mut()); NAME_CACHE_SIZE];

/// The interned str for a C name (a new reference).
///
/// # Safety
/// `name` is a NUL-terminated string; the GIL is held.
pub(crate) unsafe fn interned_name(name: *const c_char) -> PyResult<PyRef> {
    let i = ((name as usize) >> 3) % NAME_CACHE_SIZE;
    let cache = &raw mut NAME_CACHE;
    let (p, s) = (*cache)[i];
    if p == name && !s.is_null() {
        let bytes = CStr::from_ptr(name).to_bytes();
        if pystr::data_bytes(s) == bytes {
            return Ok(PyRef::from_borrowed(s).expect("non-NULL"));
        }
    }
    let s = PyRef::from_owned(pystr::PyUnicode_InternFromString(name)).ok_or_else(Raised::assume_set)?;
    // Only ASCII names are cached (their code units are their UTF-8 bytes); the interned
    // table keeps the str alive until finalization, which empties this table.
    if (*(s.as_ptr() as *mut pystr::PyASCIIObject)).ascii() {
        (*cache)[i] = (name, s.as_ptr());
    }
    Ok(s)
}

/// Forgets the cached names (at finalization, with the interned strings).
pub(crate) fn clear_name_cache() {
    // SAFETY: finalization holds the runtime; no other user.
    unsafe {
        let cache = &raw mut NAME_CACHE;
        for e in (*cache).iter_mut() {
            *e = (core::ptr::null(), core::ptr::null_mut());
        }
    }
}

/// `getattr(obj, name)` for Rust (`name` any object: TypeError unless a str).
///
/// # Safety
/// `obj`, `name` are live.
#[inline]
pub(crate) unsafe fn get_attr(obj: *mut PyObject, name: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*obj).ob_type;
    // The common case without the indirect call (the generic lookup checks the name).
    if (*tp).tp_getattro == Some(PyObject_GenericGetAttr) {
        return match generic_get_attr(obj, name, core::ptr::null_mut(), false)? {
            Some(v) => Ok(v),
            None => unreachable_not_found(),
        };
    }
    // Attributes of classes (type's own getattro checks the name).
    if (*tp).tp_getattro == Some(crate::object::type_attr::type_getattro) {
        return crate::object::type_attr::type_get_attr(obj as *mut crate::object::typeobject::PyTypeObject, name);
    }
    check_name(name)?;
    if let Some(getattro) = (*tp).tp_getattro {
        return PyRef::from_owned(getattro(obj, name)).ok_or_else(Raised::assume_set);
    }
    if let Some(getattr) = (*tp).tp_getattr {
        let text = std::ffi::CString::new(pystr::to_string(name)).unwrap_or_default();
        return PyRef::from_owned(getattr(obj, text.as_ptr() as *mut c_char)).ok_or_else(Raised::assume_set);
    }
    Err(raise_type(
        &raw mut _PyExc_AttributeError,
        format!("'{}' object has no attribute '{}'", name_upto(tp, 50), pystr::to_string(name)),
    ))
}

/// Only a suppressing lookup reports "not found" without an exception.
#[cold]
fn unreachable_not_found() -> PyResult<PyRef> {
    Err(crate::object::pending_error::bad_internal_call())
}

/// `getattr(obj, name, <missing>)`: `Ok(None)` when the attribute does not exist
/// (AttributeError cleared), errors other than AttributeError propagate.
///
/// # Safety
/// `obj`, `name` are live.
pub(crate) unsafe fn lookup_attr(obj: *mut PyObject, name: *mut PyObject) -> PyResult<Option<PyRef>> {
    check_name(name)?;
    let tp = (*obj).ob_type;
    let found = if (*tp).tp_getattro == Some(PyObject_GenericGetAttr) {
        // Suppresses the missing-attribute error without making one; a descriptor's own
        // AttributeError (an unset slot) still needs clearing below.
        generic_get_attr(obj, name, core::ptr::null_mut(), true)
    } else {
        get_attr(obj, name).map(Some)
    };
    match found {
        Ok(v) => Ok(v),
        Err(e) => {
            if is_attribute_error_pending() {
                crate::errors::pyerr::PyErr_Clear();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `setattr(obj, name, value)` / `delattr(obj, name)` (`value` NULL) for Rust.
///
/// # Safety
/// `obj`, `name` are live; `value` NULL or live.
pub(crate) unsafe fn set_attr(obj: *mut PyObject, name: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    let tp = (*obj).ob_type;
    // The common case: an interned name and the generic setattr (which checks the name).
    if (*tp).tp_setattro == Some(crate::object::generic_getattr::PyObject_GenericSetAttr)
        && (*name).ob_type == &raw mut pystr::PyUnicode_Type
        && (*(name as *mut pystr::PyASCIIObject)).interned() != 0
    {
        return crate::object::generic_getattr::generic_set_attr(obj, name, value, core::ptr::null_mut());
    }
    check_name(name)?;
    // Attribute names are interned, as CPython does, so later lookups compare by address.
    let mut name_ref = PyRef::from_borrowed(name).expect("non-NULL");
    if (*name).ob_type == &raw mut pystr::PyUnicode_Type && (*(name as *mut pystr::PyASCIIObject)).interned() == 0 {
        let mut p = name_ref.into_ptr();
        pystr::PyUnicode_InternInPlace(&mut p);
        name_ref = PyRef::from_owned(p).expect("non-NULL");
    }
    let name = name_ref.as_ptr();
    if let Some(setattro) = (*tp).tp_setattro {
        return if setattro(obj, name, value) < 0 { Err(Raised::assume_set()) } else { Ok(()) };
    }
    if let Some(setattr) = (*tp).tp_setattr {
        let text = std::ffi::CString::new(pystr::to_string(name)).unwrap_or_default();
        return if setattr(obj, text.as_ptr() as *mut c_char, value) < 0 { Err(Raised::assume_set()) } else { Ok(()) };
    }
    let verb = if value.is_null() { "del" } else { "assign to" };
    let what = if (*tp).tp_getattr.is_none() && (*tp).tp_getattro.is_none() {
        "has no attributes"
    } else {
        "has only read-only attributes"
    };
    Err(raise_type(
        &raw mut _PyExc_TypeError,
        format!("'{}' object {what} ({verb} .{})", name_upto(tp, 100), pystr::to_string(name)),
    ))
}

/// An AttributeError raised by a failed `getattr(obj, name)` is normalized and records
/// `name` and `obj` (for the "Did you mean" suggestions of tracebacks), as in 3.10+.
#[cold]
pub(crate) unsafe fn set_attribute_error_context(obj: *mut PyObject, name: *mut PyObject) {
    use crate::errors::pyerr::*;
    if !crate::object::generic_getattr::is_attribute_error_pending() {
        return;
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    if !v.is_null() && PyErr_GivenExceptionMatches(v, &raw mut _PyExc_AttributeError as *mut PyObject) != 0 {
        let e = v as *mut crate::errors::exceptions::PyAttributeErrorObject;
        if (*e).name.is_null() && (*e).obj.is_null() {
            (*e).name = PyRef::from_borrowed(name).map_or(core::ptr::null_mut(), PyRef::into_ptr);
            (*e).obj = PyRef::from_borrowed(obj).map_or(core::ptr::null_mut(), PyRef::into_ptr);
        }
    }
    PyErr_Restore(t, v, tb);
}

/// `PyObject *PyObject_GetAttr(PyObject *o, PyObject *attr_name)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttr(obj: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    match get_attr(obj, name) {
        Ok(v) => v.into_ptr(),
        Err(_) => {
            set_attribute_error_context(obj, name);
            core::ptr::null_mut()
        }
    }
}

/// `PyObject *PyObject_GetAttrString(PyObject *o, const char *attr_name)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttrString(obj: *mut PyObject, name: *const c_char) -> *mut PyObject {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let tp = (*obj).ob_type;
    if (*tp).tp_getattr.is_some() && (*tp).tp_getattro.is_none() {
        return ((*tp).tp_getattr.unwrap())(obj, name as *mut c_char);
    }
    match interned_name(name) {
        Ok(n) => PyObject_GetAttr(obj, n.as_ptr()),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `int PyObject_SetAttr(PyObject *o, PyObject *attr_name, PyObject *v)`; NULL `v`
/// deletes (`PyObject_DelAttr`).
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttr(obj: *mut PyObject, name: *mut PyObject, value: *mut PyObject) -> c_int {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if set_attr(obj, name, value).is_ok() { 0 } else { -1 }
}

/// `int PyObject_SetAttrString(PyObject *o, const char *attr_name, PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttrString(obj: *mut PyObject, name: *const c_char, value: *mut PyObject) -> c_int {
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    let tp = (*obj).ob_type;
    if (*tp).tp_setattr.is_some() && (*tp).tp_setattro.is_none() {
        return ((*tp).tp_setattr.unwrap())(obj, name as *mut c_char, value);
    }
    match interned_name(name) {
        Ok(n) => if set_attr(obj, n.as_ptr(), value).is_ok() { 0 } else { -1 },
        Err(_) => -1,
    }
}

/// `int PyObject_HasAttr(PyObject *o, PyObject *attr_name)`: 1 or 0; any error is
/// cleared (3.11 semantics).
#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttr(obj: *mut PyObject, name: *mut PyObject) -> c_int {
    if obj.is_null() || name.is_null() {
        return 0;
    }
    match lookup_attr(obj, name) {
        Ok(v) => v.is_some() as c_int,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            0
        }
    }
}

/// `int PyObject_HasAttrString(PyObject *o, const char *attr_name)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttrString(obj: *mut PyObject, name: *const c_char) -> c_int {
    if obj.is_null() || name.is_null() {
        return 0;
    }
    let v = PyObject_GetAttrString(obj, name);
    if v.is_null() {
        crate::errors::pyerr::PyErr_Clear();
        return 0;
    }
    drop(PyRef::from_owned(v));
    1
}

/// `int _PyObject_LookupAttr(PyObject *obj, PyObject *name, PyObject **result)`: 1 with
/// `*result` set when found, 0 with `*result` NULL when not (no exception), -1 on error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_LookupAttr(obj: *mut PyObject, name: *mut PyObject, result: *mut *mut PyObject) -> c_int {
    if result.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    *result = core::ptr::null_mut();
    if obj.is_null() || name.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    match lookup_attr(obj, name) {
        Ok(Some(v)) => {
            *result = v.into_ptr();
            1
        }
        Ok(None) => 0,
        Err(_) => -1,
    }
}
