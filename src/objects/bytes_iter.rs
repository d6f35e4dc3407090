//! `bytes_iterator` and `bytearray_iterator` (`iter(b'...')`, `iter(bytearray(...))`;
//! CPython's `PyBytesIter_Type` and `PyByteArrayIter_Type`): one implementation that yields
//! the bytes as ints, then drops the sequence so later calls stay at the end. A bytearray
//! may change size while iterated: its length is read at each step.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::pyport::Py_ssize_t;

/// The next index and the bytes (NULL once exhausted).
#[repr(C)]
struct BytesIter {
    ob_base: PyObject,
    it_index: Py_ssize_t,
    it_seq: *mut PyObject,
}

// The pickling methods of reduce_forms read this layout.
const _: () = assert!(
    core::mem::offset_of!(BytesIter, it_index) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_index)
        && core::mem::offset_of!(BytesIter, it_seq) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_seq)
);

static mut ITER_METHODS: [crate::object::methods::PyMethodDef; 4] = [
    crate::object::method_table::plain(c"__length_hint__", length_hint, crate::object::methods::METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    crate::objects::reduce_forms::INDEXED_REDUCE,
    crate::objects::reduce_forms::INDEXED_SETSTATE,
    crate::object::method_table::END,
];

/// `__length_hint__`: the items left.
unsafe extern "C" fn length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut BytesIter;
    let seq = (*it).it_seq;
    let left = if seq.is_null() { 0 } else { crate::objects::bytes_methods::data_of(seq).len() as i64 - (*it).it_index as i64 };
    ret_obj(crate::objects::int::from_i64(left.max(0)))
}

/// `PyBytesIter_Type`: the type of `iter(bytes)`.
#[no_mangle]
pub static mut PyBytesIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iter_dealloc),
    tp_traverse: Some(iter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(iter_next),
    tp_methods: &raw mut ITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"bytes_iterator", core::mem::size_of::<BytesIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `PyByteArrayIter_Type`: the type of `iter(bytearray)`.
#[no_mangle]
pub static mut PyByteArrayIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iter_dealloc),
    tp_traverse: Some(iter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(iter_next),
    tp_methods: &raw mut ITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"bytearray_iterator", core::mem::size_of::<BytesIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

unsafe fn new(tp: *mut PyTypeObject, seq: *mut PyObject) -> PyResult<PyRef> {
    let it = PyRef::from_owned(temp_alloc::gc_new_var(tp, 0)).ok_or_else(no_memory)?;
    let p = it.as_ptr() as *mut BytesIter;
    (*p).it_index = 0;
    (*p).it_seq = new_ref(seq).into_ptr();
    PyObject_GC_Track(p as *mut c_void);
    Ok(it)
}

/// bytes' `tp_iter`.
pub(crate) unsafe extern "C" fn bytes_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj(new(&raw mut PyBytesIter_Type, op))
}

/// bytearray's `tp_iter`.
pub(crate) unsafe extern "C" fn bytearray_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj(new(&raw mut PyByteArrayIter_Type, op))
}

unsafe extern "C" fn iter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut BytesIter;
    let seq = (*it).it_seq;
    if seq.is_null() {
        return core::ptr::null_mut();
    }
    let i = (*it).it_index as usize;
    let data = crate::objects::bytes_methods::data_of(seq);
    if i < data.len() {
        (*it).it_index += 1;
        return ret_obj(crate::objects::int::from_i64(data[i] as i64));
    }
    (*it).it_seq = core::ptr::null_mut();
    drop(PyRef::from_owned(seq));
    core::ptr::null_mut()
}

unsafe extern "C" fn iter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned((*(op as *mut BytesIter)).it_seq));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn iter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let seq = (*(op as *mut BytesIter)).it_seq;
    match visit {
        Some(visit) if !seq.is_null() => visit(seq, arg),
        _ => 0,
    }
}
