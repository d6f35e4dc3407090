//! `_PyObject_GetMethod`: an attribute lookup that, for a method found on the type (a
//! descriptor whose type says `Py_TPFLAGS_METHOD_DESCRIPTOR`), hands back the unbound
//! function instead of making a bound method, so the caller can call it with the object
//! as first argument. Any other attribute comes back as `getattr(obj, name)` would.
use core::ffi::c_int;

use crate::abstract_::new_ref;
use crate::object::generic_getattr::{no_attribute, PyObject_GenericGetAttr, _PyObject_GetDictPtr};
use crate::object::object::PyObject;
use crate::object::typeobject::Py_TPFLAGS_METHOD_DESCRIPTOR;
use crate::objects::{dict, str as pystr};

/// `int _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method)`: 1 with
/// `*method` the unbound method (a new reference); 0 with `*method` the attribute, or
/// NULL with AttributeError (or another error) set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GetMethod(obj: *mut PyObject, name: *mut PyObject, method: *mut *mut PyObject) -> c_int {
    let tp = (*obj).ob_type;
    let generic = (*tp).tp_getattro.map(|f| f as usize) == Some(PyObject_GenericGetAttr as *const () as usize);
    if !generic || !pystr::is_str(name) {
        *method = crate::object::object_attr::PyObject_GetAttr(obj, name);
        return 0;
    }
    if (*tp).tp_dict.is_null() && crate::object::type_ready::ready(tp).is_err() {
        *method = core::ptr::null_mut();
        return 0;
    }
    let descr = crate::object::type_cache::_PyType_Lookup(tp, name);
    // Hold the descriptor: a `__get__` or the instance dict's `__eq__` may drop the type's.
    let descr = if descr.is_null() { None } else { Some(new_ref(descr)) };
    let mut getter = None;
    let mut is_method = false;
    if let Some(d) = &descr {
        let dtp = (*d.as_ptr()).ob_type;
        if (*dtp).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR != 0 {
            is_method = true;
        } else if let Some(get) = (*dtp).tp_descr_get {
            if (*dtp).tp_descr_set.is_some() {
                *method = get(d.as_ptr(), obj, tp as *mut PyObject);
                return 0;
            }
            getter = Some(get);
        }
    }
    let dictptr = _PyObject_GetDictPtr(obj);
    if !dictptr.is_null() && !(*dictptr).is_null() {
        let d = new_ref(*dictptr);
        match dict::get_item(d.as_ptr(), name) {
            Ok(Some(v)) => {
                *method = new_ref(v).into_ptr();
                return 0;
            }
            Ok(None) => {}
            Err(_) => {
                *method = core::ptr::null_mut();
                return 0;
            }
        }
    }
    match (descr, getter) {
        (Some(d), _) if is_method => {
            *method = d.into_ptr();
            1
        }
        (Some(d), Some(get)) => {
            *method = get(d.as_ptr(), obj, tp as *mut PyObject);
            0
        }
        (Some(d), None) => {
            *method = d.into_ptr();
            0
        }
        (None, _) => {
            let _ = no_attribute(obj, name, 50);
            *method = core::ptr::null_mut();
            0
        }
    }
}
