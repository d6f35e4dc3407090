//! The mapping protocol (CPython's `PyMapping_*`): objects with `mp_subscript`, item access
//! by str keys given as C strings, and the keys/values/items lists.
use core::ffi::{c_char, c_int};

use crate::abstract_::{null_error, ret_obj};
use crate::errors::pyerr;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::pyport::Py_ssize_t;

/// `int PyMapping_Check(PyObject *o)`: has `mp_subscript`.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Check(o: *mut PyObject) -> c_int {
    (!o.is_null() && (*(*o).ob_type).tp_as_mapping.as_ref().is_some_and(|m| m.mp_subscript.is_some())) as c_int
}

/// `Py_ssize_t PyMapping_Size(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Size(o: *mut PyObject) -> Py_ssize_t {
    if o.is_null() {
        let _ = null_error();
        return -1;
    }
    crate::abstract_::object::mapping_size(o).unwrap_or(-1)
}

/// `Py_ssize_t PyMapping_Length(PyObject *o)`: the same as `PyMapping_Size`.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Length(o: *mut PyObject) -> Py_ssize_t {
    PyMapping_Size(o)
}

/// A str from a C string; NULL is SystemError.
unsafe fn key_of(key: *const c_char) -> PyResult<PyRef> {
    if key.is_null() {
        return Err(null_error());
    }
    PyRef::from_owned(crate::objects::str::PyUnicode_FromString(key)).ok_or_else(Raised::assume_set)
}

/// `PyObject *PyMapping_GetItemString(PyObject *o, const char *key)`.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_GetItemString(o: *mut PyObject, key: *const c_char) -> *mut PyObject {
    if o.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(key_of(key).and_then(|k| crate::abstract_::item::get_item(o, k.as_ptr())))
}

/// `int PyMapping_SetItemString(PyObject *o, const char *key, PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_SetItemString(o: *mut PyObject, key: *const c_char, v: *mut PyObject) -> c_int {
    if o.is_null() || v.is_null() {
        let _ = null_error();
        return -1;
    }
    key_of(key).and_then(|k| crate::abstract_::item::set_item(o, k.as_ptr(), v)).map_or(-1, |()| 0)
}

/// `int PyObject_DelItemString(PyObject *o, const char *key)` (what the
/// `PyMapping_DelItemString` macro calls).
#[no_mangle]
pub unsafe extern "C" fn PyObject_DelItemString(o: *mut PyObject, key: *const c_char) -> c_int {
    if o.is_null() {
        let _ = null_error();
        return -1;
    }
    key_of(key).and_then(|k| crate::abstract_::item::set_item(o, k.as_ptr(), core::ptr::null_mut())).map_or(-1, |()| 0)
}

/// `int PyMapping_HasKey(PyObject *o, PyObject *key)`: 1 when `o[key]` succeeds; any error
/// is cleared and counts as absent.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_HasKey(o: *mut PyObject, key: *mut PyObject) -> c_int {
    if o.is_null() || key.is_null() {
        let _ = null_error();
        pyerr::PyErr_Clear();
        return 0;
    }
    match crate::abstract_::item::get_item(o, key) {
        Ok(_) => 1,
        Err(_) => {
            pyerr::PyErr_Clear();
            0
        }
    }
}

/// `int PyMapping_HasKeyString(PyObject *o, const char *key)`.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_HasKeyString(o: *mut PyObject, key: *const c_char) -> c_int {
    let v = PyMapping_GetItemString(o, key);
    if v.is_null() {
        pyerr::PyErr_Clear();
        return 0;
    }
    drop(PyRef::from_owned(v));
    1
}


/// `o.<name>()` as a list: for an exact dict its own listing, otherwise the method is called
/// and its result turned into a list.
unsafe fn listing(o: *mut PyObject, name: &str, of_dict: unsafe extern "C" fn(*mut PyObject) -> *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    if crate::objects::dict::is_exact(o) {
        return of_dict(o);
    }
    ret_obj(method_list(o, name))
}

/// `list(o.<name>())`.
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn method_list(o: *mut PyObject, name: &str) -> PyResult<PyRef> {
    let n = crate::objects::str::intern(name)?;
    let m = crate::object::object_attr::get_attr(o, n.as_ptr())?;
    let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallNoArgs(m.as_ptr())).ok_or_else(Raised::assume_set)?;
    crate::objects::list::from_iterable(r.as_ptr())
}

/// `PyObject *PyMapping_Keys(PyObject *o)`: a list.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Keys(o: *mut PyObject) -> *mut PyObject {
    listing(o, "keys", crate::objects::dict::PyDict_Keys)
}

/// `PyObject *PyMapping_Values(PyObject *o)`: a list.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Values(o: *mut PyObject) -> *mut PyObject {
    listing(o, "values", crate::objects::dict::PyDict_Values)
}

/// `PyObject *PyMapping_Items(PyObject *o)`: a list.
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Items(o: *mut PyObject) -> *mut PyObject {
    listing(o, "items", crate::objects::dict::PyDict_Items)
}
