//! `repr(x)`, `str(x)`, ints and a few type checks in the forms the exception code needs
//! them (Rust text, `PyResult`), over the generic protocols (`PyObject_Repr`,
//! `PyObject_Str`, `PyLong_*`).
use core::ffi::CStr;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::Py_TPFLAGS_LONG_SUBCLASS;
use crate::objects::{str as pystr, tuple};

/// `repr(op)` as a new str (`PyObject_Repr`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn repr(op: *mut PyObject) -> PyResult<PyRef> {
    crate::abstract_::object::repr(op)
}

/// `str(op)` as a new str (`PyObject_Str`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn str(op: *mut PyObject) -> PyResult<PyRef> {
    crate::abstract_::object::str(op)
}

/// `str(op)` as Rust text, "<NULL>" for NULL (what `PyObject_Str(NULL)` gives).
pub(crate) unsafe fn str_or_null(op: *mut PyObject) -> PyResult<String> {
    if op.is_null() {
        return Ok("<NULL>".into());
    }
    str_string(op)
}

/// `repr(op)` as Rust text.
pub(crate) unsafe fn repr_string(op: *mut PyObject) -> PyResult<String> {
    Ok(pystr::to_string(repr(op)?.as_ptr()))
}

/// `str(op)` as Rust text.
pub(crate) unsafe fn str_string(op: *mut PyObject) -> PyResult<String> {
    Ok(pystr::to_string(str(op)?.as_ptr()))
}

/// `tuple(o)`: the tuple itself, or a new tuple of the iterable's items (`PySequence_Tuple`).
pub(crate) unsafe fn as_tuple(o: *mut PyObject) -> PyResult<PyRef> {
    if (*o).ob_type == &raw mut tuple::PyTuple_Type {
        return Ok(PyRef::from_borrowed(o).expect("live"));
    }
    tuple::from_vec(crate::abstract_::iter::collect(o)?)
}

/// The `tp_name` of an object's type.
pub(crate) unsafe fn type_name_of(op: *mut PyObject) -> String {
    CStr::from_ptr((*(*op).ob_type).tp_name).to_string_lossy().into_owned()
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

/// A new int (`PyLong_FromLongLong`).
pub(crate) fn new_int(v: i64) -> PyResult<PyRef> {
    // SAFETY: no precondition; NULL means an exception is set.
    unsafe { PyRef::from_owned(crate::objects::long_convert::PyLong_FromLongLong(v)) }
        .ok_or_else(crate::errors::raised::Raised::assume_set)
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

