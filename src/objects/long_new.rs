//! `int.__new__`: `int()`, `int(x)`, `int(x, base)` (x positional-only, base also by
//! keyword), and the construction of int subclasses.
use core::ptr::null_mut;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BYTES_SUBCLASS};
use crate::objects::int::{digits, from_i64, size_of, PyLongObject, PyLong_Type};
use crate::objects::{dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

fn type_error(message: impl Into<String>) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_TypeError, message)
}

/// `int(x, base)` as an exact int.
unsafe fn new_exact(x: Option<*mut PyObject>, base: Option<*mut PyObject>) -> PyResult<PyRef> {
    let Some(x) = x else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return from_i64(0);
    };
    let Some(obase) = base else {
        return crate::abstract_::number::long(x);
    };
    let b = crate::abstract_::number::PyNumber_AsSsize_t(obase, null_mut());
    if b == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(crate::errors::raised::Raised::assume_set());
    }
    if b != 0 && !(2..=36).contains(&b) {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0"));
    }
    if pystr::is_str(x) {
        return crate::objects::long_str::from_unicode(x, b as u32);
    }
    if (*(*x).ob_type).tp_flags & Py_TPFLAGS_BYTES_SUBCLASS != 0 {
        return crate::abstract_::number::from_bytes_object(x, b as u32);
    }
    // With a base, CPython takes bytearray but no other buffer exporter.
    if crate::objects::bytearray::is_bytearray(x) {
        return crate::abstract_::number::from_bytes_like(x, b as u32);
    }
    Err(type_error("int() can't convert non-string with explicit base"))
}

/// The arguments of `int(...)`: (x, base).
unsafe fn parse_args(args: *mut PyObject, kwds: *mut PyObject) -> PyResult<(Option<*mut PyObject>, Option<*mut PyObject>)> {
    let pos: &[*mut PyObject] = if args.is_null() { &[] } else { tuple::items(args) };
    let nkw = if kwds.is_null() { 0 } else { dict::len(kwds) };
    if pos.len() + nkw > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", pos.len() + nkw)));
    }
    let mut base = pos.get(1).copied();
    if nkw > 0 {
        for (k, v) in dict::items(kwds) {
            if pystr::is_str(k) && pystr::eq_ascii(k, "base") {
                if base.is_some() {
                    return Err(type_error("argument for int() given by name ('base') and position (2)"));
                }
                base = Some(v);
            } else if pystr::is_str(k) {
                return Err(type_error(format!("'{}' is an invalid keyword argument for int()", pystr::to_string(k))));
            } else {
                return Err(type_error("keywords must be strings"));
            }
        }
    }
    Ok((pos.first().copied(), base))
}

/// `int.__new__(type, *args, **kwds)`.
pub(crate) unsafe extern "C" fn long_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let result = parse_args(args, kwds).and_then(|(x, base)| new_exact(x, base));
    let Ok(value) = result else { return null_mut() };
    if tp == &raw mut PyLong_Type {
        return value.into_ptr();
    }
    // A subclass: allocate through its tp_alloc and copy the digits.
    let v = value.as_ptr();
    let n = size_of(v).unsigned_abs();
    let Some(alloc) = (*tp).tp_alloc else {
        let _ = crate::object::pending_error::bad_internal_call();
        return null_mut();
    };
    let obj = alloc(tp, n as Py_ssize_t);
    if obj.is_null() {
        return null_mut();
    }
    let lo = obj as *mut PyLongObject;
    (*lo).ob_base.ob_size = size_of(v);
    let dst = core::ptr::addr_of_mut!((*lo).ob_digit) as *mut u32;
    core::ptr::copy_nonoverlapping(digits(v).as_ptr(), dst, n);
    obj
}
