//! Argument converters (the `O&` kind) that CPython's modules pass to `PyArg_Parse*` and
//! Argument Clinic: optional Py_ssize_t (`mmap`, `_bisect`), uid_t/gid_t (`grp`,
//! `_posixsubprocess`, `os`), and the int forms of uid/gid values.
use core::ffi::{c_int, c_void};

use crate::abstract_::{tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::pyport::Py_ssize_t;

/// `int _Py_convert_optional_to_ssize_t(PyObject *obj, void *result)`: None leaves
/// `*result` unchanged; an index is clamped to Py_ssize_t (OverflowError beyond it); else
/// TypeError. 1 on success, 0 on error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_convert_optional_to_ssize_t(obj: *mut PyObject, result: *mut c_void) -> c_int {
    if obj.is_null() || obj == crate::abstract_::none() {
        return 1;
    }
    if !crate::abstract_::item::is_index(obj) {
        let _ = type_error(format!("argument should be integer or None, not '{:.200}'", tp_name(obj)));
        return 0;
    }
    match crate::abstract_::item::as_ssize(obj, Some(&raw mut exc::_PyExc_OverflowError)) {
        Ok(v) => {
            *(result as *mut Py_ssize_t) = v;
            1
        }
        Err(_) => 0,
    }
}

/// An id of uid_t/gid_t (`what` = "uid"/"gid") as CPython's converters take it: -1 means
/// (id_t)-1, other negatives and values that do not fit a C long's range "less than
/// minimum", values beyond it that do not fit 32 bits "greater than maximum".
unsafe fn id_value(obj: *mut PyObject, what: &str) -> PyResult<u32> {
    let index = match crate::abstract_::number::index(obj) {
        Ok(i) => i,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error(format!("{what} should be integer, not {:.200}", tp_name(obj))));
        }
    };
    let under = || -> Raised { raise_type(&raw mut exc::_PyExc_OverflowError, format!("{what} is less than minimum")) };
    let over = || -> Raised { raise_type(&raw mut exc::_PyExc_OverflowError, format!("{what} is greater than maximum")) };
    let v = crate::objects::long_convert::int_to_i128(index.as_ptr());
    match v {
        Some(-1) => Ok(u32::MAX),
        // Within a C long: exactly the values an id_t holds.
        Some(v) if (i64::MIN as i128..=i64::MAX as i128).contains(&v) => {
            if (0..=u32::MAX as i128).contains(&v) {
                Ok(v as u32)
            } else {
                Err(under())
            }
        }
        // Beyond a C long: negative ones are below, positive ones above (an unsigned long
        // that does not fit 32 bits, or does not fit at all).
        Some(v) if v < 0 => Err(under()),
        _ if crate::objects::int::_PyLong_Sign(index.as_ptr()) < 0 => Err(under()),
        _ => Err(over()),
    }
}

/// `int _Py_Uid_Converter(PyObject *obj, uid_t *p)`: 1, or 0 with an exception.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_Uid_Converter(obj: *mut PyObject, p: *mut libc::uid_t) -> c_int {
    match id_value(obj, "uid") {
        Ok(v) => {
            *p = v;
            1
        }
        Err(_) => 0,
    }
}

/// `int _Py_Gid_Converter(PyObject *obj, gid_t *p)`: 1, or 0 with an exception.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_Gid_Converter(obj: *mut PyObject, p: *mut libc::gid_t) -> c_int {
    match id_value(obj, "gid") {
        Ok(v) => {
            *p = v;
            1
        }
        Err(_) => 0,
    }
}

/// An id as an int: (id_t)-1 is -1.
unsafe fn id_object(id: u32) -> *mut PyObject {
    if id == u32::MAX {
        crate::objects::long_convert::PyLong_FromLong(-1)
    } else {
        crate::objects::long_convert::PyLong_FromUnsignedLong(id as core::ffi::c_ulong)
    }
}

/// `PyObject *_PyLong_FromUid(uid_t uid)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_FromUid(uid: libc::uid_t) -> *mut PyObject {
    id_object(uid)
}

/// `PyObject *_PyLong_FromGid(gid_t gid)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_FromGid(gid: libc::gid_t) -> *mut PyObject {
    id_object(gid)
}
