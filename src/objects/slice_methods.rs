//! The Python side of `slice`: the constructor `slice(stop)` / `slice(start, stop[, step])`,
//! the read-only `start`/`stop`/`step` members, `indices(length)` and pickling.
use core::mem::offset_of;

use crate::abstract_::{new_ref, none, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::slice::PySliceObject;
use crate::objects::{int, tuple};

pub(crate) static mut SLICE_MEMBERS: [PyMemberDef; 4] = [
    PyMemberDef { name: c"start".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PySliceObject, start) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"stop".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PySliceObject, stop) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: c"step".as_ptr(), r#type: T_OBJECT, offset: offset_of!(PySliceObject, step) as isize, flags: READONLY, doc: core::ptr::null() },
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

pub(crate) static mut SLICE_METHODS: [PyMethodDef; 3] = [
    plain(c"indices", slice_indices, METH_O).doc(c"S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\nindices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in a manner consistent with the\nhandling of normal slices."),
    plain(c"__reduce__", slice_reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    END,
];

/// `slice.__new__`: one to three positional arguments, no keywords.
pub(crate) unsafe extern "C" fn slice_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        crate::objects::iter_common::no_keywords("slice", kwds)?;
        let a = tuple::items(args);
        match a.len() {
            0 => Err(type_error("slice expected at least 1 argument, got 0")),
            1 => crate::objects::slice::new(core::ptr::null_mut(), a[0], core::ptr::null_mut()),
            2 => crate::objects::slice::new(a[0], a[1], core::ptr::null_mut()),
            3 => crate::objects::slice::new(a[0], a[1], a[2]),
            n => Err(type_error(format!("slice expected at most 3 arguments, got {n}"))),
        }
    })();
    ret_obj(r)
}

/// A slice part as a wide integer (`__index__`), for `indices`' exact arithmetic.
unsafe fn wide_index(v: *mut PyObject) -> PyResult<i128> {
    if !crate::abstract_::item::is_index(v) {
        return Err(type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = crate::abstract_::number::index(v)?;
    crate::objects::long_convert::int_to_i128(i.as_ptr())
        .ok_or_else(|| raise_type(&raw mut exc::_PyExc_OverflowError, "slice index too large"))
}

/// `(start, stop, step)` for a sequence of `length` items, clipped as slicing clips them.
unsafe extern "C" fn slice_indices(op: *mut PyObject, length: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let len = crate::abstract_::number::index(length)?;
        let len = crate::objects::long_convert::int_to_i128(len.as_ptr())
            .ok_or_else(|| raise_type(&raw mut exc::_PyExc_OverflowError, "length too large"))?;
        if len < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "length should not be negative"));
        }
        let (start, stop, step) = wide_indices(op, len)?;
        tuple::from_vec(vec![int::from_i128(start)?, int::from_i128(stop)?, int::from_i128(step)?])
    })();
    ret_obj(r)
}

/// `slice.indices(len)` in wide integers (also how a range is sliced: its length may not
/// fit a Py_ssize_t).
pub(crate) unsafe fn wide_indices(op: *mut PyObject, len: i128) -> PyResult<(i128, i128, i128)> {
    {
        let s = op as *mut PySliceObject;
        let step = if (*s).step == none() { 1 } else { wide_index((*s).step)? };
        if step == 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let bound = |v: *mut PyObject, default: i128| -> PyResult<i128> {
            if v == none() {
                return Ok(default);
            }
            let mut i = wide_index(v)?;
            if i < 0 {
                i += len;
            }
            Ok(i.clamp(lower, upper))
        };
        let start = bound((*s).start, if step < 0 { upper } else { lower })?;
        let stop = bound((*s).stop, if step < 0 { lower } else { upper })?;
        Ok((start, stop, step))
    }
}

/// `(slice, (start, stop, step))`.
unsafe extern "C" fn slice_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<PyRef> {
        let s = op as *mut PySliceObject;
        let parts = tuple::from_ptrs(&[(*s).start, (*s).stop, (*s).step])?;
        tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), parts])
    })();
    ret_obj(r)
}

/// `int _PySlice_GetLongIndices(PySliceObject *self, PyObject *length, PyObject **start_ptr,
/// PyObject **stop_ptr, PyObject **step_ptr)`: `self.indices(length)` as three new int
/// references (for lengths beyond a Py_ssize_t); 0, or -1 with the exception set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySlice_GetLongIndices(
    slice: *mut PySliceObject,
    length: *mut PyObject,
    start_ptr: *mut *mut PyObject,
    stop_ptr: *mut *mut PyObject,
    step_ptr: *mut *mut PyObject,
) -> core::ffi::c_int {
    let op = slice as *mut PyObject;
    if op.is_null() || length.is_null() || !crate::objects::slice::is_slice(op) || !int::is_int(length) {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return -1;
    }
    let r = (|| {
        let len = crate::objects::long_convert::int_to_i128(length)
            .ok_or_else(|| raise_type(&raw mut exc::_PyExc_OverflowError, "length too large"))?;
        if len < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "length should not be negative"));
        }
        let (start, stop, step) = wide_indices(op, len)?;
        Ok((int::from_i128(start)?, int::from_i128(stop)?, int::from_i128(step)?))
    })();
    match r {
        Ok((a, b, c)) => {
            *start_ptr = a.into_ptr();
            *stop_ptr = b.into_ptr();
            *step_ptr = c.into_ptr();
            0
        }
        Err(_) => -1,
    }
}

/// `PyObject *_PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop)`: `slice(start, stop)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySlice_FromIndices(start: crate::pyport::Py_ssize_t, stop: crate::pyport::Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        let (a, b) = (int::from_i64(start as i64)?, int::from_i64(stop as i64)?);
        crate::objects::slice::new(a.as_ptr(), b.as_ptr(), none())
    })())
}
