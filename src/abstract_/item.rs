//! Item access (CPython's `PyObject_GetItem`/`SetItem`/`DelItem` and the sequence forms
//! `PySequence_GetItem`/`SetItem`/`DelItem`): the mapping slots first, then the sequence
//! slots with an integer index (negative indices counted from the end for sequences), with
//! CPython's messages for what does not support the operation.
use core::ffi::c_int;

use crate::abstract_::{from_slot, null_error, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::int::PyLongObject;
use crate::pyport::Py_ssize_t;

/// Whether `op` can be an index (`_PyIndex_Check`: its type has `nb_index`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_index(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_as_number.as_ref().is_some_and(|n| n.nb_index.is_some())
}

/// The value of an int as a `Py_ssize_t`, `None` when it does not fit.
///
/// # Safety
/// `v` is a live int.
pub(crate) unsafe fn int_as_ssize(v: *mut PyObject) -> Option<Py_ssize_t> {
    crate::objects::long_convert::int_to_i128(v).and_then(|x| i64::try_from(x).ok()).map(|x| x as Py_ssize_t)
}

/// `operator.index(op)` as a `Py_ssize_t` (`PyNumber_AsSsize_t(op, overflow)`): TypeError for
/// a non-integer; out of range, `overflow(...)` is raised, or with `None` the value is
/// clamped to the `Py_ssize_t` range.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn as_ssize(op: *mut PyObject, overflow: Option<*mut PyTypeObject>) -> PyResult<Py_ssize_t> {
    // Ints of up to two digits (indices, slice bounds): read in place.
    if crate::objects::int::is_int(op) {
        if let Some(v) = crate::objects::int::medium_value(op) {
            return Ok(v as Py_ssize_t);
        }
    }
    let int_tp = &raw mut crate::objects::int::PyLong_Type;
    let value = if crate::abstract_::is_instance_of(op, int_tp) {
        crate::abstract_::new_ref(op)
    } else {
        let Some(f) = (*(*op).ob_type).tp_as_number.as_ref().and_then(|n| n.nb_index) else {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tp_name(op)
            )));
        };
        let r = from_slot(f(op))?;
        if !crate::abstract_::is_instance_of(r.as_ptr(), int_tp) {
            return Err(type_error(format!("__index__ returned non-int (type {})", tp_name(r.as_ptr()))));
        }
        r
    };
    match int_as_ssize(value.as_ptr()) {
        Some(v) => Ok(v),
        None => match overflow {
            Some(e) => Err(raise_type(
                e,
                format!("cannot fit '{}' into an index-sized integer", tp_name(op)),
            )),
            None => Ok(if (*(value.as_ptr() as *mut PyLongObject)).ob_base.ob_size < 0 {
                Py_ssize_t::MIN
            } else {
                Py_ssize_t::MAX
            }),
        },
    }
}

/// `o[key]` (`PyObject_GetItem`).
///
/// # Safety
/// `o` and `key` are live objects.
pub(crate) unsafe fn get_item(o: *mut PyObject, key: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*o).ob_type;
    if let Some(f) = (*tp).tp_as_mapping.as_ref().and_then(|m| m.mp_subscript) {
        return from_slot(f(o, key));
    }
    if (*tp).tp_as_sequence.as_ref().is_some_and(|s| s.sq_item.is_some()) {
        if is_index(key) {
            let i = as_ssize(key, Some(&raw mut exc::_PyExc_IndexError))?;
            return seq_get_item(o, i);
        }
        return Err(type_error(format!("sequence index must be integer, not '{}'", tp_name(key))));
    }
    if (*tp).tp_flags & crate::object::typeobject::Py_TPFLAGS_TYPE_SUBCLASS != 0 {
        return class_getitem(o, key);
    }
    Err(type_error(format!("'{}' object is not subscriptable", tp_name(o))))
}

/// `cls[key]` for a class whose metaclass has no `__getitem__`: `type[...]` is a generic
/// alias, any other class answers through its `__class_getitem__` (PEP 560).
unsafe fn class_getitem(cls: *mut PyObject, key: *mut PyObject) -> PyResult<PyRef> {
    if cls == &raw mut crate::object::typetype::PyType_Type as *mut PyObject {
        return from_slot(crate::objects::generic_alias::Py_GenericAlias(cls, key));
    }
    let name = crate::object::object_attr::interned_name(c"__class_getitem__".as_ptr())?;
    match crate::object::object_attr::lookup_attr(cls, name.as_ptr())? {
        Some(meth) => from_slot(crate::abstract_::call::PyObject_CallOneArg(meth.as_ptr(), key)),
        None => Err(type_error(format!(
            "type '{}' is not subscriptable",
            crate::abstract_::type_name_of(cls as *mut PyTypeObject)
        ))),
    }
}

/// `o[key] = value`, or `del o[key]` when `value` is NULL (`PyObject_SetItem`/`DelItem`).
///
/// # Safety
/// `o` and `key` are live objects, `value` NULL or live.
pub(crate) unsafe fn set_item(o: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    let tp = (*o).ob_type;
    if let Some(f) = (*tp).tp_as_mapping.as_ref().and_then(|m| m.mp_ass_subscript) {
        return check(f(o, key, value));
    }
    if let Some(sq) = (*tp).tp_as_sequence.as_ref() {
        if is_index(key) {
            let i = as_ssize(key, Some(&raw mut exc::_PyExc_IndexError))?;
            return seq_set_item(o, i, value);
        }
        if sq.sq_ass_item.is_some() {
            return Err(type_error(format!("sequence index must be integer, not '{}'", tp_name(key))));
        }
    }
    Err(type_error(if value.is_null() {
        format!("'{}' object does not support item deletion", tp_name(o))
    } else {
        format!("'{}' object does not support item assignment", tp_name(o))
    }))
}

#[inline]
fn check(r: c_int) -> PyResult<()> {
    if r < 0 {
        Err(Raised::assume_set())
    } else {
        Ok(())
    }
}

/// `o[i]` for a sequence (`PySequence_GetItem`): a negative `i` counts from the end.
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn seq_get_item(o: *mut PyObject, mut i: Py_ssize_t) -> PyResult<PyRef> {
    let tp = (*o).ob_type;
    if let Some(sq) = (*tp).tp_as_sequence.as_ref() {
        if let Some(f) = sq.sq_item {
            if i < 0 {
                if let Some(len) = sq.sq_length {
                    let n = len(o);
                    if n < 0 {
                        return Err(Raised::assume_set());
                    }
                    i += n;
                }
            }
            return from_slot(f(o, i));
        }
    }
    if (*tp).tp_as_mapping.as_ref().is_some_and(|m| m.mp_subscript.is_some()) {
        return Err(type_error(format!("{} is not a sequence", tp_name(o))));
    }
    Err(type_error(format!("'{}' object does not support indexing", tp_name(o))))
}

/// `o[i] = value`, or `del o[i]` when `value` is NULL (`PySequence_SetItem`/`DelItem`).
///
/// # Safety
/// `o` is a live object, `value` NULL or live.
pub(crate) unsafe fn seq_set_item(o: *mut PyObject, mut i: Py_ssize_t, value: *mut PyObject) -> PyResult<()> {
    let tp = (*o).ob_type;
    if let Some(sq) = (*tp).tp_as_sequence.as_ref() {
        if let Some(f) = sq.sq_ass_item {
            if i < 0 {
                if let Some(len) = sq.sq_length {
                    let n = len(o);
                    if n < 0 {
                        return Err(Raised::assume_set());
                    }
                    i += n;
                }
            }
            return check(f(o, i, value));
        }
    }
    if (*tp).tp_as_mapping.as_ref().is_some_and(|m| m.mp_ass_subscript.is_some()) {
        return Err(type_error(format!("{} is not a sequence", tp_name(o))));
    }
    Err(type_error(if value.is_null() {
        format!("'{}' object doesn't support item deletion", tp_name(o))
    } else {
        format!("'{}' object does not support item assignment", tp_name(o))
    }))
}

/// `PyObject *PyObject_GetItem(PyObject *o, PyObject *key)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetItem(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if o.is_null() || key.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(get_item(o, key))
}

/// `int PyObject_SetItem(PyObject *o, PyObject *key, PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetItem(o: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> c_int {
    if o.is_null() || key.is_null() || v.is_null() {
        let _ = null_error();
        return -1;
    }
    set_item(o, key, v).map_or(-1, |()| 0)
}

/// `int PyObject_DelItem(PyObject *o, PyObject *key)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_DelItem(o: *mut PyObject, key: *mut PyObject) -> c_int {
    if o.is_null() || key.is_null() {
        let _ = null_error();
        return -1;
    }
    set_item(o, key, core::ptr::null_mut()).map_or(-1, |()| 0)
}

/// `PyObject *PySequence_GetItem(PyObject *s, Py_ssize_t i)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_GetItem(s: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if s.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(seq_get_item(s, i))
}

/// `int PySequence_SetItem(PyObject *s, Py_ssize_t i, PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_SetItem(s: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    if s.is_null() || v.is_null() {
        let _ = null_error();
        return -1;
    }
    seq_set_item(s, i, v).map_or(-1, |()| 0)
}

/// `int PySequence_DelItem(PyObject *s, Py_ssize_t i)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_DelItem(s: *mut PyObject, i: Py_ssize_t) -> c_int {
    if s.is_null() {
        let _ = null_error();
        return -1;
    }
    seq_set_item(s, i, core::ptr::null_mut()).map_or(-1, |()| 0)
}
