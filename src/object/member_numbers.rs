//! The numeric member types (`T_SHORT` ... `T_PYSSIZET`, `T_FLOAT`, `T_DOUBLE`): reading a
//! C field as int/float and converting a Python number back, as CPython 3.11 does: the
//! value goes through `PyLong_AsLong` (and friends, so `__index__` is honoured and too
//! large ints raise OverflowError "Python int too large to convert to C long"), narrow
//! fields are truncated with a RuntimeWarning, negative values in unsigned fields are
//! accepted with a RuntimeWarning.
use core::ffi::{c_char, c_int, c_long, c_longlong, c_short, c_uchar, c_uint, c_ulong, c_ulonglong, c_ushort, CStr};

use crate::errors::raised::{PyResult, Raised};
use crate::object::member::*;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::float::{PyFloat_AsDouble, PyFloat_FromDouble};
use crate::objects::long_convert::*;
use crate::pyport::Py_ssize_t;

fn owned(op: *mut PyObject) -> PyResult<PyRef> {
    // SAFETY: `op` is a new reference or NULL with an exception set.
    unsafe { PyRef::from_owned(op) }.ok_or_else(Raised::assume_set)
}

/// The value of numeric member type `t` at `p`; `None` for a type that is not numeric.
///
/// # Safety
/// `p` points at a field of the C type `t` stands for.
pub(crate) unsafe fn get_number(p: *const c_char, t: c_int) -> Option<PyResult<PyRef>> {
    Some(owned(match t {
        T_BYTE => PyLong_FromLong(*(p as *const i8) as c_long),
        T_UBYTE => PyLong_FromUnsignedLong(*(p as *const c_uchar) as c_ulong),
        T_SHORT => PyLong_FromLong(*(p as *const c_short) as c_long),
        T_USHORT => PyLong_FromUnsignedLong(*(p as *const c_ushort) as c_ulong),
        T_INT => PyLong_FromLong(*(p as *const c_int) as c_long),
        T_UINT => PyLong_FromUnsignedLong(*(p as *const c_uint) as c_ulong),
        T_LONG => PyLong_FromLong(*(p as *const c_long)),
        T_ULONG => PyLong_FromUnsignedLong(*(p as *const c_ulong)),
        T_PYSSIZET => PyLong_FromSsize_t(*(p as *const Py_ssize_t)),
        T_LONGLONG => PyLong_FromLongLong(*(p as *const c_longlong)),
        T_ULONGLONG => PyLong_FromUnsignedLongLong(*(p as *const c_ulonglong)),
        T_FLOAT => PyFloat_FromDouble(*(p as *const f32) as f64),
        T_DOUBLE => PyFloat_FromDouble(*(p as *const f64)),
        _ => return None,
    }))
}

fn failed() -> bool {
    // SAFETY: reads the current thread's error state.
    unsafe { !crate::errors::pyerr::PyErr_Occurred().is_null() }
}

/// A RuntimeWarning (which a warnings filter may turn into an error).
unsafe fn warn(text: &CStr) -> PyResult<()> {
    let category = crate::errors::exception_types::PyExc_RuntimeWarning;
    if crate::errors::warnings::PyErr_WarnEx(category, text.as_ptr(), 1) < 0 {
        return Err(Raised::assume_set());
    }
    Ok(())
}

/// `PyLong_AsLong(value)` with its errors.
unsafe fn as_long(value: *mut PyObject) -> PyResult<c_long> {
    let v = PyLong_AsLong(value);
    if v == -1 && failed() {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

/// An unsigned field: `PyLong_AsUnsignedLong`, or, for a negative int, its `PyLong_AsLong`
/// value with a warning (CPython accepts those for compatibility).
unsafe fn as_unsigned_long(value: *mut PyObject) -> PyResult<c_ulong> {
    let v = PyLong_AsUnsignedLong(value);
    if v == c_ulong::MAX && failed() {
        crate::errors::pyerr::PyErr_Clear();
        let v = as_long(value)?;
        warn(c"Writing negative value into unsigned field")?;
        return Ok(v as c_ulong);
    }
    Ok(v)
}

unsafe fn as_double(value: *mut PyObject) -> PyResult<f64> {
    let v = PyFloat_AsDouble(value);
    if v == -1.0 && failed() {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

/// Stores `value` into the numeric field of type `t` at `p`; `None` for a type that is
/// not numeric.
///
/// # Safety
/// As `get_number`; `value` is live.
pub(crate) unsafe fn set_number(p: *mut c_char, t: c_int, value: *mut PyObject) -> Option<PyResult<()>> {
    if !is_numeric(t) {
        return None;
    }
    Some((|| -> PyResult<()> {
        match t {
            T_BYTE => {
                let v = as_long(value)?;
                *(p as *mut i8) = v as i8;
                if v > i8::MAX as c_long || v < i8::MIN as c_long {
                    warn(c"Truncation of value to char")?;
                }
            }
            T_UBYTE => {
                let v = as_long(value)?;
                *(p as *mut c_uchar) = v as c_uchar;
                if v > c_uchar::MAX as c_long || v < 0 {
                    warn(c"Truncation of value to unsigned char")?;
                }
            }
            T_SHORT => {
                let v = as_long(value)?;
                *(p as *mut c_short) = v as c_short;
                if v > c_short::MAX as c_long || v < c_short::MIN as c_long {
                    warn(c"Truncation of value to short")?;
                }
            }
            T_USHORT => {
                let v = as_long(value)?;
                *(p as *mut c_ushort) = v as c_ushort;
                if v > c_ushort::MAX as c_long || v < 0 {
                    warn(c"Truncation of value to unsigned short")?;
                }
            }
            T_INT => {
                let v = as_long(value)?;
                *(p as *mut c_int) = v as c_int;
                if v > c_int::MAX as c_long || v < c_int::MIN as c_long {
                    warn(c"Truncation of value to int")?;
                }
            }
            T_UINT => {
                let v = as_unsigned_long(value)?;
                *(p as *mut c_uint) = v as c_uint;
                if v > c_uint::MAX as c_ulong {
                    warn(c"Truncation of value to unsigned int")?;
                }
            }
            T_LONG => *(p as *mut c_long) = as_long(value)?,
            T_ULONG => *(p as *mut c_ulong) = as_unsigned_long(value)?,
            T_PYSSIZET => {
                let v = PyLong_AsSsize_t(value);
                if v == -1 && failed() {
                    return Err(Raised::assume_set());
                }
                *(p as *mut Py_ssize_t) = v;
            }
            T_FLOAT => *(p as *mut f32) = as_double(value)? as f32,
            T_DOUBLE => *(p as *mut f64) = as_double(value)?,
            T_LONGLONG => {
                let v = PyLong_AsLongLong(value);
                if v == -1 && failed() {
                    return Err(Raised::assume_set());
                }
                *(p as *mut c_longlong) = v;
            }
            T_ULONGLONG => {
                // An int goes through the unsigned conversion; anything else through
                // `PyLong_AsLong` (its __index__), as CPython.
                let v = if crate::objects::int::is_int(value) {
                    PyLong_AsUnsignedLongLong(value)
                } else {
                    PyLong_AsLong(value) as c_ulonglong
                };
                if v == c_ulonglong::MAX && failed() {
                    return Err(Raised::assume_set());
                }
                *(p as *mut c_ulonglong) = v;
            }
            _ => {}
        }
        Ok(())
    })())
}

fn is_numeric(t: c_int) -> bool {
    matches!(
        t,
        T_BYTE | T_UBYTE | T_SHORT | T_USHORT | T_INT | T_UINT | T_LONG | T_ULONG | T_PYSSIZET | T_FLOAT | T_DOUBLE
            | T_LONGLONG | T_ULONGLONG
    )
}
