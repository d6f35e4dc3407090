//! `repr(x)`, `str(x)` and small int reads/writes as the exception code needs them: the one
//! place to switch to the generic protocols (`PyObject_Repr`, `PyObject_Str`, `PyLong_*`)
//! as they land, so the rest of src/errors/ never calls type slots directly.
//!
//! Until every builtin type has its own `tp_repr`, `repr` renders the few types whose repr
//! exceptions need (str, tuple, int, None, bool) itself when the type has no slot.
// Slots are compared by address on purpose: an inherited slot is a copy of the base's pointer.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::CStr;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_LONG_SUBCLASS};
use crate::objects::{str as pystr, tuple};

/// `repr(op)` as a new str.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn repr(op: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*op).ob_type;
    if let Some(f) = (*tp).tp_repr {
        if !is_object_slot_fallback(tp) {
            return checked_text(f(op), "__repr__");
        }
    }
    let text = builtin_repr(op)?;
    pystr::from_utf8(&text)
}

/// `str(op)` as a new str.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn str(op: *mut PyObject) -> PyResult<PyRef> {
    if (*op).ob_type == &raw mut pystr::PyUnicode_Type {
        return Ok(PyRef::from_borrowed(op).expect("live object"));
    }
    let tp = (*op).ob_type;
    match (*tp).tp_str {
        Some(f) if !is_object_slot_fallback(tp) => checked_text(f(op), "__str__"),
        _ => repr(op),
    }
}

/// `repr(op)` as Rust text.
pub(crate) unsafe fn repr_string(op: *mut PyObject) -> PyResult<String> {
    Ok(pystr::to_string(repr(op)?.as_ptr()))
}

/// `str(op)` as Rust text.
pub(crate) unsafe fn str_string(op: *mut PyObject) -> PyResult<String> {
    Ok(pystr::to_string(str(op)?.as_ptr()))
}

/// A type that only has `object`'s repr although it is one of the builtins rendered here
/// (their own `tp_repr` is not written yet).
unsafe fn is_object_slot_fallback(tp: *mut PyTypeObject) -> bool {
    let object = &raw mut crate::object::baseobject::PyBaseObject_Type;
    let own = tp == &raw mut pystr::PyUnicode_Type
        || tp == &raw mut tuple::PyTuple_Type
        || (*tp).tp_flags & Py_TPFLAGS_LONG_SUBCLASS != 0;
    own && (*tp).tp_repr == (*object).tp_repr
}

unsafe fn checked_text(r: *mut PyObject, method: &str) -> PyResult<PyRef> {
    let r = PyRef::from_owned(r).ok_or_else(crate::errors::raised::Raised::assume_set)?;
    if !pystr::is_str(r.as_ptr()) {
        let name = type_name_of(r.as_ptr());
        return Err(raise(ExcType::TypeError, format!("{method} returned non-string (type {name})")));
    }
    Ok(r)
}

/// The `tp_name` of an object's type.
pub(crate) unsafe fn type_name_of(op: *mut PyObject) -> String {
    CStr::from_ptr((*(*op).ob_type).tp_name).to_string_lossy().into_owned()
}

unsafe fn builtin_repr(op: *mut PyObject) -> PyResult<String> {
    let tp = (*op).ob_type;
    if pystr::is_str(op) {
        return Ok(str_repr(&pystr::to_string(op)));
    }
    if tuple::is_tuple(op) {
        let items = tuple::items(op);
        let parts = items.iter().map(|&i| repr_string(i)).collect::<PyResult<Vec<_>>>()?;
        return Ok(match parts.len() {
            1 => format!("({},)", parts[0]),
            _ => format!("({})", parts.join(", ")),
        });
    }
    if (*tp).tp_flags & Py_TPFLAGS_LONG_SUBCLASS != 0 {
        if tp == &raw mut crate::objects::bool::PyBool_Type {
            return Ok(if int_value(op) == Some(0) { "False" } else { "True" }.into());
        }
        if let Some(v) = int_value(op) {
            return Ok(v.to_string());
        }
    }
    let (module, qualname) = crate::object::typetype::module_and_qualname(tp);
    Ok(match module.as_deref() {
        Some(m) if m != "builtins" => format!("<{m}.{qualname} object at {op:p}>"),
        _ => format!("<{qualname} object at {op:p}>"),
    })
}

/// CPython's str repr: single quotes unless the text has a single quote and no double one;
/// backslash escapes for the quote, backslash, \t \n \r and other control characters.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c)
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (0x80..0xa0).contains(&(c as u32)) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The value of an int object that fits an i64 (reads the 3.11 digit layout).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn int_value(op: *mut PyObject) -> Option<i64> {
    if (*(*op).ob_type).tp_flags & Py_TPFLAGS_LONG_SUBCLASS == 0 {
        return None;
    }
    let l = op as *mut crate::objects::int::PyLongObject;
    let size = (*l).ob_base.ob_size;
    let digits = (*l).ob_digit.as_ptr();
    let mut v: i128 = 0;
    for i in (0..size.unsigned_abs()).rev() {
        v = (v << 30) | *digits.add(i) as i128;
        if v > i64::MAX as i128 + 1 {
            return None;
        }
    }
    let v = if size < 0 { -v } else { v };
    i64::try_from(v).ok()
}

/// Whether `op` is an int (`PyLong_Check`).
pub(crate) unsafe fn is_int(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_LONG_SUBCLASS != 0
}

/// A new int (`PyLong_FromLongLong`). TEMP(numbers): built here in the 3.11 digit layout
/// until the int implementation's `PyLong_FromLongLong` is in main.
pub(crate) fn new_int(v: i64) -> PyResult<PyRef> {
    let mut digits = Vec::new();
    let mut m = v.unsigned_abs();
    while m != 0 {
        digits.push((m & 0x3fff_ffff) as u32);
        m >>= 30;
    }
    let tp = &raw mut crate::objects::int::PyLong_Type;
    let size = core::mem::size_of::<crate::objects::int::PyLongObject>() + 4 * digits.len().max(1);
    // SAFETY: a block of the int layout's size with room for every digit; each field is set.
    unsafe {
        let op = crate::object::temp_alloc::malloc_object(tp, size);
        let op = PyRef::from_owned(op).ok_or_else(crate::object::pending_error::no_memory)?;
        let l = op.as_ptr() as *mut crate::objects::int::PyLongObject;
        (*l).ob_base.ob_size = if v < 0 { -(digits.len() as isize) } else { digits.len() as isize };
        let d = (*l).ob_digit.as_mut_ptr();
        *d = 0;
        for (i, &x) in digits.iter().enumerate() {
            *d.add(i) = x;
        }
        Ok(op)
    }
}

/// `operator.index(op)` as an i64 (`PyNumber_AsSsize_t(op, OverflowError)`): TypeError for a
/// non-int, OverflowError when it does not fit.
pub(crate) unsafe fn index_value(op: *mut PyObject) -> PyResult<i64> {
    if !is_int(op) {
        let name = type_name_of(op);
        return Err(raise(ExcType::TypeError, format!("'{name}' object cannot be interpreted as an integer")));
    }
    int_value(op).ok_or_else(|| {
        crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

/// The items of a list (borrowed), read from the `PyListObject` layout; None for a non-list.
pub(crate) unsafe fn list_items(op: *mut PyObject) -> Option<Vec<*mut PyObject>> {
    if (*(*op).ob_type).tp_flags & crate::object::typeobject::Py_TPFLAGS_LIST_SUBCLASS == 0 {
        return None;
    }
    let l = op as *mut crate::objects::list::PyListObject;
    let n = (*l).ob_base.ob_size.max(0) as usize;
    if n == 0 {
        return Some(Vec::new());
    }
    Some(core::slice::from_raw_parts((*l).ob_item, n).to_vec())
}

#[cfg(test)]
mod tests {
    use super::str_repr;

    #[test]
    fn str_repr_quotes_like_cpython() {
        assert_eq!(str_repr("x"), "'x'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("a\nb\\"), "'a\\nb\\\\'");
        assert_eq!(str_repr("\x01é"), "'\\x01é'");
    }
}
