//! `PySliceObject` (CPython's sliceobject.h, outside the limited API).
use crate::object::object::PyObject;

/// `PySliceObject`: `start`, `stop`, `step` are arbitrary objects (`None` when omitted).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PySliceObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
}
assert_layout!(PySliceObject, size = 40, ob_base @ 0, start @ 16, stop @ 24, step @ 32);

// ---- The slice type --------------------------------------------------------------------------
// Slices are immutable triples; `PySlice_Unpack` turns one into C integers (None means the
// default for the step's direction, out-of-range values are clamped to Py_ssize_t) and
// `PySlice_AdjustIndices` clips them to a sequence length, giving the number of items.

use core::ffi::{c_int, c_void};

use crate::abstract_::compare::rich_compare;
use crate::abstract_::{new_ref, none, not_implemented, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// `PySlice_Type`: `slice`.
#[no_mangle]
pub static mut PySlice_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(slice_dealloc),
    tp_repr: Some(slice_repr),
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_traverse: Some(slice_traverse),
    tp_richcompare: Some(slice_richcompare),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: &raw mut crate::objects::slice_methods::SLICE_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_members: &raw mut crate::objects::slice_methods::SLICE_MEMBERS as *mut crate::object::member::PyMemberDef,
    tp_new: Some(crate::objects::slice_methods::slice_new),
    ..static_type(
        c"slice",
        core::mem::size_of::<PySliceObject>(),
        0,
        Py_TPFLAGS_HAVE_GC,
        Some(c"slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2])."),
    )
};

/// Whether `op` is a slice (`PySlice_Check`: exact type, slice cannot be subclassed).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_slice(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PySlice_Type
}

/// A new slice; NULL parts are None (`PySlice_New`).
///
/// # Safety
/// Each part is NULL or a live object.
pub(crate) unsafe fn new(start: *mut PyObject, stop: *mut PyObject, step: *mut PyObject) -> PyResult<PyRef> {
    let s = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PySlice_Type, 0)).ok_or_else(no_memory)?;
    let p = s.as_ptr() as *mut PySliceObject;
    let part = |o: *mut PyObject| new_ref(if o.is_null() { none() } else { o }).into_ptr();
    (*p).start = part(start);
    (*p).stop = part(stop);
    (*p).step = part(step);
    PyObject_GC_Track(p as *mut c_void);
    Ok(s)
}

/// `PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step)`.
#[no_mangle]
pub unsafe extern "C" fn PySlice_New(start: *mut PyObject, stop: *mut PyObject, step: *mut PyObject) -> *mut PyObject {
    ret_obj(new(start, stop, step))
}

/// A slice part as an index (`_PyEval_SliceIndex`): clamped to Py_ssize_t.
pub(crate) unsafe fn slice_index(v: *mut PyObject) -> PyResult<Py_ssize_t> {
    if !crate::abstract_::item::is_index(v) && !crate::abstract_::is_instance_of(v, &raw mut crate::objects::int::PyLong_Type) {
        return Err(type_error("slice indices must be integers or None or have an __index__ method"));
    }
    crate::abstract_::item::as_ssize(v, None)
}

/// `int _PyEval_SliceIndex(PyObject *v, Py_ssize_t *pi)`: stores a slice bound's index in
/// `*pi` (None leaves it untouched); 1 on success, 0 with TypeError set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyEval_SliceIndex(v: *mut PyObject, pi: *mut Py_ssize_t) -> core::ffi::c_int {
    if v.is_null() || v == none() {
        return 1;
    }
    match slice_index(v) {
        Ok(i) => {
            *pi = i;
            1
        }
        Err(_) => 0,
    }
}

/// The slice's start, stop and step as C integers (`PySlice_Unpack`): defaults for None,
/// ValueError for a zero step, the step kept above -PY_SSIZE_T_MAX (so that negating it
/// cannot overflow).
///
/// # Safety
/// `s` is a live slice.
pub(crate) unsafe fn unpack(s: *mut PyObject) -> PyResult<(Py_ssize_t, Py_ssize_t, Py_ssize_t)> {
    let r = s as *mut PySliceObject;
    let step = if (*r).step == none() {
        1
    } else {
        let v = slice_index((*r).step)?;
        if v == 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "slice step cannot be zero"));
        }
        v.max(-Py_ssize_t::MAX)
    };
    let start = if (*r).start == none() {
        if step < 0 { Py_ssize_t::MAX } else { 0 }
    } else {
        slice_index((*r).start)?
    };
    let stop = if (*r).stop == none() {
        if step < 0 { Py_ssize_t::MIN } else { Py_ssize_t::MAX }
    } else {
        slice_index((*r).stop)?
    };
    Ok((start, stop, step))
}

/// Clips `start` and `stop` to a sequence of `length` items for `step` and returns the number
/// of items the slice selects (`PySlice_AdjustIndices`).
pub(crate) fn adjust_indices(length: Py_ssize_t, start: &mut Py_ssize_t, stop: &mut Py_ssize_t, step: Py_ssize_t) -> Py_ssize_t {
    let clip = |v: &mut Py_ssize_t| {
        if *v < 0 {
            *v += length;
            if *v < 0 {
                *v = if step < 0 { -1 } else { 0 };
            }
        } else if *v >= length {
            *v = if step < 0 { length - 1 } else { length };
        }
    };
    clip(start);
    clip(stop);
    if step < 0 {
        if *stop < *start {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if *start < *stop {
        return (*stop - *start - 1) / step + 1;
    }
    0
}

/// `int PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)`.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PySlice_Unpack(
    slice: *mut PyObject,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
) -> c_int {
    if slice.is_null() || !is_slice(slice) {
        let _ = bad_internal_call();
        return -1;
    }
    match unpack(slice) {
        Ok((a, b, c)) => {
            *start = a;
            *stop = b;
            *step = c;
            0
        }
        Err(_) => -1,
    }
}

/// `Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step)`.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PySlice_AdjustIndices(
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: Py_ssize_t,
) -> Py_ssize_t {
    adjust_indices(length, &mut *start, &mut *stop, step)
}

/// `int PySlice_GetIndicesEx(...)` (deprecated; the header's macro of the same name is what
/// C code compiles to): unpack, then adjust.
#[no_mangle]
pub unsafe extern "C" fn PySlice_GetIndicesEx(
    slice: *mut PyObject,
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
    slicelength: *mut Py_ssize_t,
) -> c_int {
    if PySlice_Unpack(slice, start, stop, step) < 0 {
        *slicelength = 0;
        return -1;
    }
    *slicelength = adjust_indices(length, &mut *start, &mut *stop, *step);
    0
}

/// `int PySlice_GetIndices(PyObject *r, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)`:
/// the old form, which accepts only exact ints and returns -1 without an exception for a
/// start or stop out of range.
#[no_mangle]
pub unsafe extern "C" fn PySlice_GetIndices(
    r: *mut PyObject,
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
) -> c_int {
    if r.is_null() || !is_slice(r) {
        let _ = bad_internal_call();
        return -1;
    }
    let s = r as *mut PySliceObject;
    let int_tp = &raw mut crate::objects::int::PyLong_Type;
    let part = |v: *mut PyObject, default: Py_ssize_t| -> Option<Py_ssize_t> {
        if v == none() {
            Some(default)
        } else if crate::abstract_::is_instance_of(v, int_tp) {
            crate::abstract_::item::int_as_ssize(v)
        } else {
            None
        }
    };
    let Some(st) = part((*s).step, 1) else { return -1 };
    if st == 0 {
        return -1;
    }
    let Some(mut a) = part((*s).start, if st < 0 { length - 1 } else { 0 }) else { return -1 };
    if (*s).start != none() && a < 0 {
        a += length;
    }
    let Some(mut b) = part((*s).stop, if st < 0 { -1 } else { length }) else { return -1 };
    if (*s).stop != none() && b < 0 {
        b += length;
    }
    if b > length || a >= length {
        return -1;
    }
    *step = st;
    *start = a;
    *stop = b;
    0
}

unsafe extern "C" fn slice_repr(op: *mut PyObject) -> *mut PyObject {
    let s = op as *mut PySliceObject;
    let r = (|| -> PyResult<PyRef> {
        let mut text = String::from("slice(");
        for (i, part) in [(*s).start, (*s).stop, (*s).step].into_iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(&pystr::to_string(crate::abstract_::object::repr(part)?.as_ptr()));
        }
        text.push(')');
        pystr::from_utf8(&text)
    })();
    ret_obj(r)
}

/// Slices compare as the tuples `(start, stop, step)`.
unsafe extern "C" fn slice_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_slice(v) || !is_slice(w) {
        return new_ref(not_implemented()).into_ptr();
    }
    if v == w && (op == crate::object::object::Py_EQ || op == crate::object::object::Py_NE) {
        return crate::abstract_::compare::bool_ref(op == crate::object::object::Py_EQ).into_ptr();
    }
    let as_tuple = |o: *mut PyObject| -> PyResult<PyRef> {
        let s = o as *mut PySliceObject;
        let items = [new_ref((*s).start), new_ref((*s).stop), new_ref((*s).step)];
        tuple::from_slice(&items)
    };
    ret_obj((|| rich_compare(as_tuple(v)?.as_ptr(), as_tuple(w)?.as_ptr(), op))())
}

unsafe extern "C" fn slice_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let s = op as *mut PySliceObject;
    drop(PyRef::from_owned((*s).start));
    drop(PyRef::from_owned((*s).stop));
    drop(PyRef::from_owned((*s).step));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn slice_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    let s = op as *mut PySliceObject;
    for o in [(*s).start, (*s).stop, (*s).step] {
        let r = visit(o, arg);
        if r != 0 {
            return r;
        }
    }
    0
}

