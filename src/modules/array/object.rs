//! The `array.array` object: a typed, resizable run of C items. The items live in a Rust
//! `Vec<u8>` (native byte order). The object is 64 bytes, as CPython's (`__sizeof__` is
//! checked by Lib/test), so an exported view's `shape` lives in a box held by the view's
//! `internal`. Resizing while a buffer is exported is a BufferError, as in CPython.
use core::ffi::{c_int, c_void};
use core::mem::ManuallyDrop;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::owned;
use crate::object::buffer::{Py_buffer, PyBUF_FORMAT, PyBUF_ND, PyBUF_STRIDES};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;

use super::item::Desc;

#[repr(C)]
pub(crate) struct ArrayObject {
    ob_base: PyObject,
    data: ManuallyDrop<Vec<u8>>,
    desc: *const Desc,
    exports: isize,
    pub(crate) weakreflist: *mut PyObject,
}

#[inline]
unsafe fn raw<'a>(op: *mut PyObject) -> &'a mut ArrayObject {
    &mut *(op as *mut ArrayObject)
}

pub(crate) fn array_type() -> *mut PyTypeObject {
    &raw mut super::type_::ARRAY_TYPE
}

pub(crate) unsafe fn is_array(op: *mut PyObject) -> bool {
    crate::abstract_::is_instance_of(op, array_type())
}

#[inline]
pub(crate) unsafe fn desc<'a>(op: *mut PyObject) -> &'a Desc {
    &*raw(op).desc
}

#[inline]
pub(crate) unsafe fn len(op: *mut PyObject) -> usize {
    let a = raw(op);
    a.data.len() / (*a.desc).size
}

#[inline]
pub(crate) unsafe fn bytes<'a>(op: *mut PyObject) -> &'a [u8] {
    &raw(op).data
}

#[inline]
pub(crate) unsafe fn bytes_mut<'a>(op: *mut PyObject) -> &'a mut [u8] {
    &mut raw(op).data
}

pub(crate) unsafe fn capacity(op: *mut PyObject) -> usize {
    raw(op).data.capacity()
}

/// The bytes of item `i` (in range).
#[inline]
pub(crate) unsafe fn item_bytes<'a>(op: *mut PyObject, i: usize) -> &'a [u8] {
    let s = desc(op).size;
    &bytes(op)[i * s..(i + 1) * s]
}

/// Item `i` (in range) as an object.
pub(crate) unsafe fn get(op: *mut PyObject, i: usize) -> PyResult<PyRef> {
    super::item::get(desc(op), item_bytes(op, i))
}

/// A new empty array of type `tp` for `d`.
pub(crate) unsafe fn new(tp: *mut PyTypeObject, d: &'static Desc) -> PyResult<PyRef> {
    let op = owned(((*tp).tp_alloc.unwrap())(tp, 0))?;
    let a = raw(op.as_ptr());
    core::ptr::write(&mut a.data, ManuallyDrop::new(Vec::new()));
    a.desc = d;
    a.exports = 0;
    Ok(op)
}

/// A new array of type `tp` for `d` holding `data` (a whole number of items).
pub(crate) unsafe fn from_bytes(tp: *mut PyTypeObject, d: &'static Desc, data: &[u8]) -> PyResult<PyRef> {
    let op = new(tp, d)?;
    reserve_exact(op.as_ptr(), data.len())?;
    raw(op.as_ptr()).data.extend_from_slice(data);
    Ok(op)
}

pub(crate) unsafe fn check_resizable(op: *mut PyObject) -> PyResult<()> {
    if raw(op).exports > 0 {
        return Err(raise_type(&raw mut exc::_PyExc_BufferError, "cannot resize an array that is exporting buffers"));
    }
    Ok(())
}

/// Replaces the bytes `[lo, hi)` by `with` (insertion, deletion, slice assignment).
pub(crate) unsafe fn splice(op: *mut PyObject, lo: usize, hi: usize, with: &[u8]) -> PyResult<()> {
    if hi - lo != with.len() {
        check_resizable(op)?;
    }
    let a = raw(op);
    if hi - lo == with.len() {
        a.data[lo..hi].copy_from_slice(with);
    } else {
        a.data.splice(lo..hi, with.iter().copied());
    }
    Ok(())
}

/// Makes room for `n` more bytes exactly (initializers of known size, as CPython sizes them).
pub(crate) unsafe fn reserve_exact(op: *mut PyObject, n: usize) -> PyResult<()> {
    raw(op).data.try_reserve_exact(n).map_err(|_| crate::object::pending_error::no_memory())
}

/// Appends whole items' bytes.
pub(crate) unsafe fn push_bytes(op: *mut PyObject, with: &[u8]) -> PyResult<()> {
    if with.is_empty() {
        return Ok(());
    }
    check_resizable(op)?;
    let a = raw(op);
    a.data.try_reserve(with.len()).map_err(|_| crate::object::pending_error::no_memory())?;
    a.data.extend_from_slice(with);
    Ok(())
}

/// Cuts the array to `n` items (n <= len).
pub(crate) unsafe fn truncate(op: *mut PyObject, n: usize) -> PyResult<()> {
    if n == len(op) {
        return Ok(());
    }
    check_resizable(op)?;
    let a = raw(op);
    a.data.truncate(n * (*a.desc).size);
    Ok(())
}

/// Appends `v` converted to one item.
pub(crate) unsafe fn append(op: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    let mut buf = [0u8; 8];
    let d = desc(op);
    super::item::set(d, v, &mut buf)?;
    push_bytes(op, &buf[..d.size])
}

/// Keeps only the items for which `keep(index)` holds (extended-slice deletion).
pub(crate) unsafe fn retain(op: *mut PyObject, mut keep: impl FnMut(usize) -> bool) -> PyResult<()> {
    check_resizable(op)?;
    let a = raw(op);
    let s = (*a.desc).size;
    let mut w = 0;
    for r in 0..a.data.len() / s {
        if keep(r) {
            a.data.copy_within(r * s..(r + 1) * s, w * s);
            w += 1;
        }
    }
    a.data.truncate(w * s);
    Ok(())
}

pub(crate) unsafe extern "C" fn array_dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op.cast());
    let a = raw(op);
    if !a.weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    ManuallyDrop::drop(&mut a.data);
    ((*(*op).ob_type).tp_free.unwrap())(op.cast());
}

/// An array holds no objects (a subclass's `__dict__` is visited by the subtype's traverse).
pub(crate) unsafe extern "C" fn array_traverse(_op: *mut PyObject, _visit: crate::object::slots::visitproc, _arg: *mut core::ffi::c_void) -> c_int {
    0
}

pub(crate) unsafe extern "C" fn array_getbuffer(op: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    let a = raw(op);
    // An empty Vec's pointer is dangling but non-null and aligned: fine for a 0-length view.
    let ptr = a.data.as_mut_ptr() as *mut c_void;
    let n = a.data.len() as isize;
    if crate::objects::bytes_buffer::PyBuffer_FillInfo(view, op, ptr, n, 0, flags) != 0 {
        return -1;
    }
    let d = &*a.desc;
    let v = &mut *view;
    v.itemsize = d.size as isize;
    if flags & PyBUF_ND == PyBUF_ND {
        let shape = Box::into_raw(Box::new((n as usize / d.size) as isize));
        v.internal = shape.cast();
        v.shape = shape;
    }
    if flags & PyBUF_STRIDES == PyBUF_STRIDES {
        v.strides = &raw mut v.itemsize;
    }
    if flags & PyBUF_FORMAT == PyBUF_FORMAT {
        v.format = d.format.as_ptr() as *mut core::ffi::c_char;
    }
    a.exports += 1;
    0
}

pub(crate) unsafe extern "C" fn array_releasebuffer(op: *mut PyObject, view: *mut Py_buffer) {
    if !(*view).internal.is_null() {
        drop(Box::from_raw((*view).internal as *mut isize));
        (*view).internal = core::ptr::null_mut();
    }
    raw(op).exports -= 1;
}
