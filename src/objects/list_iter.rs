//! The list iterators: `list_iterator` (`iter(l)`) and `list_reverseiterator`
//! (`reversed(l)`). Both read the list at each step, so they see changes made meanwhile and
//! stop when the index leaves the list.
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
use crate::objects::list;
use crate::pyport::Py_ssize_t;

#[repr(C)]
struct ListIter {
    ob_base: PyObject,
    it_index: Py_ssize_t,
    /// NULL once exhausted.
    it_seq: *mut PyObject,
}

// The pickling methods of reduce_forms read this layout.
const _: () = assert!(
    core::mem::offset_of!(ListIter, it_index) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_index)
        && core::mem::offset_of!(ListIter, it_seq) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_seq)
);

/// `PyListIter_Type`: `list_iterator`.
#[no_mangle]
pub static mut PyListIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(listiter_dealloc),
    tp_traverse: Some(listiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(listiter_next),
    tp_methods: &raw mut LISTITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"list_iterator", core::mem::size_of::<ListIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `PyListRevIter_Type`: `list_reverseiterator`.
#[no_mangle]
pub static mut PyListRevIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(listiter_dealloc),
    tp_traverse: Some(listiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(listreviter_next),
    tp_methods: &raw mut LISTREVITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"list_reverseiterator", core::mem::size_of::<ListIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

unsafe fn new_iter(tp: *mut PyTypeObject, l: *mut PyObject, start: Py_ssize_t) -> PyResult<PyRef> {
    let it = PyRef::from_owned(temp_alloc::gc_new_var(tp, 0)).ok_or_else(no_memory)?;
    let p = it.as_ptr() as *mut ListIter;
    (*p).it_index = start;
    (*p).it_seq = new_ref(l).into_ptr();
    PyObject_GC_Track(p as *mut c_void);
    Ok(it)
}

/// `list.__iter__`.
pub(crate) unsafe extern "C" fn list_iter(l: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(&raw mut PyListIter_Type, l, 0))
}

/// `reversed(l)` (`list.__reversed__`).
///
/// # Safety
/// `l` is a live list.
pub(crate) unsafe fn reversed(l: *mut PyObject) -> PyResult<PyRef> {
    new_iter(&raw mut PyListRevIter_Type, l, list::len(l) as Py_ssize_t - 1)
}

unsafe fn finish(it: *mut ListIter) -> *mut PyObject {
    let seq = core::mem::replace(&mut (*it).it_seq, core::ptr::null_mut());
    drop(PyRef::from_owned(seq));
    core::ptr::null_mut()
}

/// `PyIter_Next`'s step for an exact `list_iterator` (abstract_/iter.rs): called directly, so
/// it inlines there, with no indirect call and no C-stack guard (it runs no Python code).
///
/// # Safety
/// `op` is a live object.
#[inline(always)]
pub(crate) unsafe fn next_if_list_iter(op: *mut PyObject) -> Option<*mut PyObject> {
    if (*op).ob_type == &raw mut PyListIter_Type {
        Some(listiter_next(op))
    } else {
        None
    }
}

#[inline]
unsafe extern "C" fn listiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ListIter;
    let seq = (*it).it_seq;
    if seq.is_null() {
        return core::ptr::null_mut();
    }
    let i = (*it).it_index;
    if (i as usize) < list::len(seq) {
        (*it).it_index = i + 1;
        // In bounds, so `ob_item` holds it: no second bounds check.
        return new_ref(list::item_unchecked(seq, i as usize)).into_ptr();
    }
    finish(it)
}

unsafe extern "C" fn listreviter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ListIter;
    let seq = (*it).it_seq;
    if seq.is_null() {
        return core::ptr::null_mut();
    }
    let i = (*it).it_index;
    if i >= 0 && (i as usize) < list::len(seq) {
        (*it).it_index = i - 1;
        return new_ref(list::item_unchecked(seq, i as usize)).into_ptr();
    }
    (*it).it_index = -1;
    finish(it)
}

unsafe extern "C" fn listiter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned((*(op as *mut ListIter)).it_seq));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn listiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let seq = (*(op as *mut ListIter)).it_seq;
    match visit {
        Some(v) if !seq.is_null() => v(seq, arg),
        _ => 0,
    }
}

static mut LISTITER_METHODS: [crate::object::methods::PyMethodDef; 4] = [
    crate::object::method_table::plain(c"__length_hint__", listiter_length_hint, crate::object::methods::METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    crate::objects::reduce_forms::INDEXED_REDUCE,
    crate::objects::reduce_forms::INDEXED_SETSTATE,
    crate::object::method_table::END,
];

static mut LISTREVITER_METHODS: [crate::object::methods::PyMethodDef; 4] = [
    crate::object::method_table::plain(c"__length_hint__", listreviter_length_hint, crate::object::methods::METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    crate::objects::reduce_forms::INDEXED_REDUCE,
    crate::objects::reduce_forms::INDEXED_SETSTATE,
    crate::object::method_table::END,
];

/// `list_iterator.__length_hint__()`: the items left.
unsafe extern "C" fn listiter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ListIter;
    let left = if (*it).it_seq.is_null() { 0 } else { list::len((*it).it_seq) as i64 - (*it).it_index as i64 };
    ret_obj(crate::objects::int::from_i64(left.max(0)))
}

/// `list_reverseiterator.__length_hint__()`: the items left.
unsafe extern "C" fn listreviter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ListIter;
    let left = if (*it).it_seq.is_null() || (*it).it_index as usize >= list::len((*it).it_seq) {
        0
    } else {
        (*it).it_index as i64 + 1
    };
    ret_obj(crate::objects::int::from_i64(left.max(0)))
}
