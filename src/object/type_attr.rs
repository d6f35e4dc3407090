//! Attribute access on type objects (`type.__getattribute__`/`__setattr__`): descriptors of
//! the metatype that are data descriptors win, then the MRO of the type itself (whose
//! descriptors are bound with no instance: `__get__(None, type)`), then the metatype's
//! other attributes. Setting goes to the type dict and invalidates the method cache;
//! static (immutable) types refuse it.
use core::ffi::c_int;

use crate::errors::exception_types::{_PyExc_AttributeError, _PyExc_TypeError};
use crate::errors::raised::{PyResult, Raised};
use crate::object::generic_getattr::{check_name, generic_set_attr, name_upto};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::type_cache::{self, PyType_Modified};
use crate::object::typeobject::*;
use crate::objects::str as pystr;

unsafe fn borrowed(op: *mut PyObject) -> PyRef {
    PyRef::from_borrowed(op).expect("non-NULL")
}

/// `type.__getattribute__(tp, name)` for Rust.
///
/// # Safety
/// `tp` is a live type, `name` a live object.
pub(crate) unsafe fn type_get_attr(tp: *mut PyTypeObject, name: *mut PyObject) -> PyResult<PyRef> {
    check_name(name)?;
    if (*tp).tp_dict.is_null() {
        crate::object::type_ready::ready(tp)?;
    }
    let metatype = (*tp).ob_base.ob_base.ob_type;
    let meta_attr = type_cache::lookup(metatype, name)?.map(|a| borrowed(a));
    let mut meta_get = None;
    if let Some(m) = &meta_attr {
        let mt = (*m.as_ptr()).ob_type;
        meta_get = (*mt).tp_descr_get;
        if let (Some(get), Some(_)) = (meta_get, (*mt).tp_descr_set) {
            return PyRef::from_owned(get(m.as_ptr(), tp as *mut PyObject, metatype as *mut PyObject))
                .ok_or_else(Raised::assume_set);
        }
    }
    if let Some(a) = type_cache::lookup(tp, name)? {
        let a = borrowed(a);
        return match (*(*a.as_ptr()).ob_type).tp_descr_get {
            Some(get) => PyRef::from_owned(get(a.as_ptr(), core::ptr::null_mut(), tp as *mut PyObject))
                .ok_or_else(Raised::assume_set),
            None => Ok(a),
        };
    }
    if let Some(m) = meta_attr {
        return match meta_get {
            Some(get) => PyRef::from_owned(get(m.as_ptr(), tp as *mut PyObject, metatype as *mut PyObject))
                .ok_or_else(Raised::assume_set),
            None => Ok(m),
        };
    }
    Err(raise_type(
        &raw mut _PyExc_AttributeError,
        format!("type object '{}' has no attribute '{}'", name_upto(tp, 50), pystr::to_string(name)),
    ))
}

/// `repr()` of a str name as the `%R` of CPython's messages shows it (plain names only
/// need the quotes).
unsafe fn quoted(name: *mut PyObject) -> String {
    let text = pystr::to_string(name);
    if text.contains('\'') && !text.contains('"') {
        format!("\"{text}\"")
    } else {
        format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// `type.__setattr__(tp, name, value)` (`value` NULL deletes) for Rust.
///
/// # Safety
/// `tp` is a live type, `name` live, `value` NULL or live.
pub(crate) unsafe fn type_set_attr(tp: *mut PyTypeObject, name: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    if (*tp).tp_flags & Py_TPFLAGS_IMMUTABLETYPE != 0 {
        let shown = if pystr::is_str(name) { quoted(name) } else { String::from("?") };
        return Err(raise_type(
            &raw mut _PyExc_TypeError,
            format!("cannot set {shown} attribute of immutable type '{}'", crate::object::typetype::type_name(tp)),
        ));
    }
    check_name(name)?;
    generic_set_attr(tp as *mut PyObject, name, value, core::ptr::null_mut())?;
    PyType_Modified(tp);
    crate::object::slot_dunders::update_slot_after_setattr(tp, name)?;
    Ok(())
}

/// `type`'s `tp_getattro`.
pub(crate) unsafe extern "C" fn type_getattro(op: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    type_get_attr(op as *mut PyTypeObject, name).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `type`'s `tp_setattro`.
pub(crate) unsafe extern "C" fn type_setattro(op: *mut PyObject, name: *mut PyObject, value: *mut PyObject) -> c_int {
    if type_set_attr(op as *mut PyTypeObject, name, value).is_ok() { 0 } else { -1 }
}
