//! `memory_iterator`: `iter(memoryview)`. Only 1-D views of a native single-character
//! format iterate (CPython 3.11's errors otherwise, raised by `iter()`); each step reads
//! the item as `view[i]` does, so a view released meanwhile raises ValueError.
use core::ffi::{c_int, c_void};

use crate::abstract_::{ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{alloc, dealloc_fields, traverse_fields};
use crate::objects::memoryview::{self, PyMemoryViewObject};
use crate::pyport::Py_ssize_t;

#[repr(C)]
struct MemoryIter {
    ob_base: PyObject,
    /// The memoryview; NULL once exhausted.
    seq: *mut PyObject,
    index: Py_ssize_t,
    length: Py_ssize_t,
}

/// The `memory_iterator` type (not exported: CPython keeps it internal).
pub(crate) static mut MEMORY_ITER_TYPE: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(memoryiter_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(memoryiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(memoryiter_next),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(c"memory_iterator", core::mem::size_of::<MemoryIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

/// `tp_iter` of memoryview.
pub(crate) unsafe extern "C" fn memoryview_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        memoryview::check_released(op)?;
        let v = &(*(op as *mut PyMemoryViewObject)).view;
        if v.ndim == 0 {
            return Err(type_error("invalid indexing of 0-dim memory"));
        }
        if v.ndim != 1 {
            return Err(raise_type(&raw mut exc::_PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented"));
        }
        memoryview::code_or_error(v)?;
        let it = alloc(&raw mut MEMORY_ITER_TYPE)?;
        let p = it.as_ptr() as *mut MemoryIter;
        (*p).seq = crate::abstract_::new_ref(op).into_ptr();
        (*p).index = 0;
        (*p).length = *v.shape;
        Ok(it)
    })())
}

unsafe extern "C" fn memoryiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut MemoryIter;
    if (*it).seq.is_null() {
        return core::ptr::null_mut();
    }
    if (*it).index >= (*it).length {
        drop(PyRef::from_owned(core::mem::replace(&mut (*it).seq, core::ptr::null_mut())));
        return core::ptr::null_mut();
    }
    let r = memoryview::item_at((*it).seq, (*it).index);
    if !r.is_null() {
        (*it).index += 1;
    }
    r
}

unsafe extern "C" fn memoryiter_dealloc(op: *mut PyObject) {
    dealloc_fields(op, 1);
}

unsafe extern "C" fn memoryiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    traverse_fields(op, 1, visit, arg)
}
