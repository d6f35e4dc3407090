//! `str_iterator` (`iter(s)`, CPython's `PyUnicodeIter_Type`): yields 1-character strs (the
//! shared Latin-1 ones where they fit), then drops the str so later calls stay at the end.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::str as pystr;
use crate::object::method_table::plain;
use crate::pyport::Py_ssize_t;

/// The next index and the str (NULL once exhausted).
#[repr(C)]
struct StrIter {
    ob_base: PyObject,
    it_index: Py_ssize_t,
    it_seq: *mut PyObject,
}

// The pickling methods of reduce_forms read this layout.
const _: () = assert!(
    core::mem::offset_of!(StrIter, it_index) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_index)
        && core::mem::offset_of!(StrIter, it_seq) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_seq)
);

static mut ITER_METHODS: [PyMethodDef; 4] = [
    plain(c"__length_hint__", length_hint, METH_NOARGS),
    crate::objects::reduce_forms::INDEXED_REDUCE,
    crate::objects::reduce_forms::INDEXED_SETSTATE,
    PyMethodDef { ml_name: core::ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: core::ptr::null() },
];

/// `PyUnicodeIter_Type`: the type of `iter(str)`.
#[no_mangle]
pub static mut PyUnicodeIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iter_dealloc),
    tp_traverse: Some(iter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(iter_next),
    tp_methods: &raw mut ITER_METHODS as *mut PyMethodDef,
    ..static_type(c"str_iterator", core::mem::size_of::<StrIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `str_ascii_iterator`: the type of `iter(s)` for an ASCII `s` in CPython 3.11 (internal
/// there, so not exported); the same iterator under its own name.
pub(crate) static mut UnicodeASCIIIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(iter_dealloc),
    tp_traverse: Some(iter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(iter_next),
    tp_methods: &raw mut ITER_METHODS as *mut PyMethodDef,
    ..static_type(c"str_ascii_iterator", core::mem::size_of::<StrIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// str's `tp_iter`.
pub(crate) unsafe extern "C" fn str_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let tp = if (*(op as *mut pystr::PyASCIIObject)).ascii() { &raw mut UnicodeASCIIIter_Type } else { &raw mut PyUnicodeIter_Type };
        let it = PyRef::from_owned(temp_alloc::gc_new_var(tp, 0)).ok_or_else(no_memory)?;
        let p = it.as_ptr() as *mut StrIter;
        (*p).it_index = 0;
        (*p).it_seq = new_ref(op).into_ptr();
        PyObject_GC_Track(p as *mut c_void);
        Ok(it)
    })())
}

unsafe extern "C" fn iter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut StrIter;
    let seq = (*it).it_seq;
    if seq.is_null() {
        return core::ptr::null_mut();
    }
    let i = (*it).it_index as usize;
    if i < pystr::len(seq) {
        (*it).it_index += 1;
        return ret_obj(crate::objects::str_access::char_str(pystr::read_char(seq, i)));
    }
    (*it).it_seq = core::ptr::null_mut();
    drop(PyRef::from_owned(seq));
    core::ptr::null_mut()
}

unsafe extern "C" fn length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut StrIter;
    let seq = (*it).it_seq;
    let left = if seq.is_null() { 0 } else { pystr::len(seq) as i64 - (*it).it_index as i64 };
    ret_obj(crate::objects::int::from_i64(left.max(0)))
}

unsafe extern "C" fn iter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned((*(op as *mut StrIter)).it_seq));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn iter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let seq = (*(op as *mut StrIter)).it_seq;
    match visit {
        Some(visit) if !seq.is_null() => visit(seq, arg),
        _ => 0,
    }
}
