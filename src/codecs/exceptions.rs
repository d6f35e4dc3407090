//! Making and raising `UnicodeDecodeError`/`UnicodeEncodeError`/`UnicodeTranslateError`
//! instances for the codecs, and the C constructors `PyUnicodeDecodeError_Create` and
//! `_PyUnicodeTranslateError_Create`. The instances are made by calling the exception type,
//! so their fields and str() are those of src/errors/unicodeerror.rs.
use core::ffi::{c_char, CStr};

use crate::abstract_::ret_obj;
use crate::errors::exception_types as exc;
use crate::errors::exceptions::PyUnicodeErrorObject;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytes, int, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

unsafe fn instantiate(tp: *mut PyTypeObject, items: Vec<PyRef>) -> PyResult<PyRef> {
    let args = tuple::from_vec(items)?;
    crate::errors::normalize::instantiate(tp, args.as_ptr())
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)` for a bytes `object`.
pub(crate) unsafe fn decode_error(encoding: &str, object: *mut PyObject, start: usize, end: usize, reason: &str) -> PyResult<PyRef> {
    instantiate(
        &raw mut exc::_PyExc_UnicodeDecodeError,
        vec![
            pystr::from_utf8(encoding)?,
            PyRef::from_borrowed(object).ok_or_else(bad_internal_call)?,
            int::from_i64(start as i64)?,
            int::from_i64(end as i64)?,
            pystr::from_utf8(reason)?,
        ],
    )
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` for a str `object`.
pub(crate) unsafe fn encode_error(encoding: &str, object: *mut PyObject, start: usize, end: usize, reason: &str) -> PyResult<PyRef> {
    crate::errors::unicodeerror::new_encode_error(encoding, object, start, end, reason)
}

/// Raises the exception instance `e` (its own type).
pub(crate) unsafe fn raise_instance(e: &PyRef) -> Raised {
    crate::errors::pyerr::PyErr_SetObject((*e.as_ptr()).ob_type as *mut PyObject, e.as_ptr());
    Raised::assume_set()
}

/// The fields of a Unicode error instance (the codecs' own exceptions have this layout).
///
/// # Safety
/// `e` is a live instance of a Unicode error type.
pub(crate) unsafe fn fields<'a>(e: *mut PyObject) -> &'a mut PyUnicodeErrorObject {
    &mut *(e as *mut PyUnicodeErrorObject)
}

/// Updates a reused exception for the next error: start, end and reason.
pub(crate) unsafe fn update(e: *mut PyObject, start: usize, end: usize, reason: &str) -> PyResult<()> {
    let r = pystr::from_utf8(reason)?;
    let f = fields(e);
    f.start = start as Py_ssize_t;
    f.end = end as Py_ssize_t;
    let old = core::mem::replace(&mut f.reason, r.into_ptr());
    drop(PyRef::from_owned(old));
    Ok(())
}

/// A str decoded (strict UTF-8) from a C string argument.
unsafe fn c_str(p: *const c_char) -> PyResult<PyRef> {
    if p.is_null() {
        return Err(bad_internal_call());
    }
    crate::codecs::utf8::decode_strict(CStr::from_ptr(p).to_bytes())
}

/// `PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object,
/// Py_ssize_t length, Py_ssize_t start, Py_ssize_t end, const char *reason)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_Create(
    encoding: *const c_char,
    object: *const c_char,
    length: Py_ssize_t,
    start: Py_ssize_t,
    end: Py_ssize_t,
    reason: *const c_char,
) -> *mut PyObject {
    ret_obj((|| {
        if (object.is_null() && length != 0) || length < 0 {
            return Err(bad_internal_call());
        }
        let data = if length == 0 { &[][..] } else { core::slice::from_raw_parts(object as *const u8, length as usize) };
        let obj = bytes::from_slice(data)?;
        instantiate(
            &raw mut exc::_PyExc_UnicodeDecodeError,
            vec![
                c_str(encoding)?,
                obj,
                int::from_i64(start as i64)?,
                int::from_i64(end as i64)?,
                c_str(reason)?,
            ],
        )
    })())
}

/// `PyObject *_PyUnicodeTranslateError_Create(PyObject *object, Py_ssize_t start,
/// Py_ssize_t end, const char *reason)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicodeTranslateError_Create(
    object: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
    reason: *const c_char,
) -> *mut PyObject {
    ret_obj((|| {
        if object.is_null() {
            return Err(bad_internal_call());
        }
        instantiate(
            &raw mut exc::_PyExc_UnicodeTranslateError,
            vec![
                PyRef::from_borrowed(object).ok_or_else(bad_internal_call)?,
                int::from_i64(start as i64)?,
                int::from_i64(end as i64)?,
                c_str(reason)?,
            ],
        )
    })())
}

/// Re-raises the pending error as "<prefix> (<Type>: <message>)" of the same type with the
/// original as its cause, when the type is a plain one (BaseException's `__init__` and
/// `__new__`, no extra fields, no instance attributes); other errors pass unchanged. This
/// is what CPython does to errors out of codecs reached through the codec machinery
/// ("decoding with 'utf-16-le' codec failed (TypeError: ...)").
pub(crate) unsafe fn wrap_pending(prefix: &str) -> Raised {
    use crate::errors::exception_types::_PyExc_BaseException as BASE;
    use crate::errors::exceptions::PyBaseExceptionObject;
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    let tp = t as *mut PyTypeObject;
    let plain = !tp.is_null()
        && !v.is_null()
        && (*tp).tp_init.map(|f| f as usize) == BASE.tp_init.map(|f| f as usize)
        && (*tp).tp_new.map(|f| f as usize) == BASE.tp_new.map(|f| f as usize)
        && (*tp).tp_basicsize as usize == core::mem::size_of::<PyBaseExceptionObject>()
        && {
            let d = (*(v as *mut PyBaseExceptionObject)).dict;
            d.is_null() || crate::objects::dict::len(d) == 0
        };
    if !plain {
        crate::errors::pyerr::PyErr_Restore(t, v, tb);
        return Raised::assume_set();
    }
    let made = (|| {
        let text = crate::errors::objtext::str_string(v)?;
        let name = crate::abstract_::type_name_of(tp);
        let msg = pystr::from_utf8(&format!("{prefix} ({name}: {text})"))?;
        instantiate(tp, vec![msg])
    })();
    match made {
        Ok(new) => {
            if !tb.is_null() {
                crate::errors::baseexception::PyException_SetTraceback(v, tb);
            }
            crate::errors::baseexception::PyException_SetCause(new.as_ptr(), v); // steals v
            crate::errors::baseexception::PyException_SetContext(new.as_ptr(), PyRef::from_borrowed(v).unwrap().into_ptr());
            drop(PyRef::from_owned(t));
            drop(PyRef::from_owned(tb));
            raise_instance(&new)
        }
        Err(e) => {
            drop(PyRef::from_owned(t));
            drop(PyRef::from_owned(v));
            drop(PyRef::from_owned(tb));
            e
        }
    }
}
