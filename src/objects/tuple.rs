//! `PyTupleObject` (CPython's cpython/tupleobject.h): a fixed-size array of object
//! pointers allocated inline after the variable-size header.
use crate::object::object::{PyObject, PyVarObject};

/// `PyTupleObject`: `ob_size` item pointers follow the header (declared as a 1-item array,
/// the C idiom for a trailing variable-length array).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyTupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 1],
}
assert_layout!(PyTupleObject, size = 32, ob_base @ 0, ob_item @ 24);

// ---- The tuple type -------------------------------------------------------------------------
// A tuple is one block: the header, then `ob_size` item pointers. Items are set once, right
// after creation (NULL until then, which dealloc tolerates), and never change afterwards.

use crate::errors::raised::PyResult;
use crate::object::pending_error::{no_memory, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_SEQUENCE,
    Py_TPFLAGS_TUPLE_SUBCLASS, _Py_TPFLAGS_MATCH_SELF,
};
use crate::pyport::Py_ssize_t;
use core::ffi::{c_int, c_ulong, c_void};

/// `PyTuple_Type`: the tuple type.
#[no_mangle]
pub static mut PyTuple_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(tuple_dealloc),
    tp_traverse: Some(tuple_traverse),
    ..static_type(
        c"tuple",
        core::mem::size_of::<PyTupleObject>() - core::mem::size_of::<*mut PyObject>(),
        core::mem::size_of::<*mut PyObject>(),
        Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_TUPLE_SUBCLASS
            | _Py_TPFLAGS_MATCH_SELF
            | Py_TPFLAGS_SEQUENCE as c_ulong,
        Some(c"tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object."),
    )
};

/// Whether `op` is a tuple or an instance of a subclass of tuple (`PyTuple_Check`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn is_tuple(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS != 0
}

/// A new tuple of `size` NULL items, to be filled with `init_item` (`PyTuple_New`).
/// TODO(core-mem): CPython tracks a new tuple at once (`PyObject_GC_Track`).
pub(crate) fn new(size: usize) -> PyResult<PyRef> {
    let n = Py_ssize_t::try_from(size).map_err(|_| no_memory())?;
    // SAFETY: PyTuple_Type is a live type and the new block has room for `size` items,
    // which are set to NULL (the allocator need not zero).
    unsafe {
        let t = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyTuple_Type, n)).ok_or_else(no_memory)?;
        core::ptr::write_bytes(items_ptr(t.as_ptr()), 0, size);
        Ok(t)
    }
}

/// A new tuple holding new references to `items`.
pub(crate) fn from_slice(items: &[PyRef]) -> PyResult<PyRef> {
    let t = new(items.len())?;
    for (i, item) in items.iter().enumerate() {
        // SAFETY: `t` is a fresh tuple of this length.
        unsafe { init_item(t.as_ptr(), i, item.clone()) };
    }
    Ok(t)
}

/// The number of items (`PyTuple_GET_SIZE`).
///
/// # Safety
/// `t` is a live tuple.
#[inline]
pub(crate) unsafe fn len(t: *mut PyObject) -> usize {
    (*(t as *mut PyVarObject)).ob_size as usize
}

#[inline]
unsafe fn items_ptr(t: *mut PyObject) -> *mut *mut PyObject {
    (*(t as *mut PyTupleObject)).ob_item.as_mut_ptr()
}

/// The items, borrowed.
///
/// # Safety
/// `t` is a live tuple, which outlives the slice.
pub(crate) unsafe fn items<'a>(t: *mut PyObject) -> &'a [*mut PyObject] {
    core::slice::from_raw_parts(items_ptr(t), len(t))
}

/// Item `index`, borrowed (`PyTuple_GetItem`): IndexError outside the tuple.
///
/// # Safety
/// `t` is a live tuple.
// Internal API of the type; its first callers outside tests are the C-API layer.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) unsafe fn get_item(t: *mut PyObject, index: Py_ssize_t) -> PyResult<*mut PyObject> {
    if index < 0 || index as usize >= len(t) {
        return Err(raise(ExcType::IndexError, "tuple index out of range"));
    }
    Ok(*items_ptr(t).add(index as usize))
}

/// Stores `item` at `index` of a tuple being built (`PyTuple_SET_ITEM`), taking the
/// reference; an item already there is released.
///
/// # Safety
/// `t` is a live tuple not yet shared and `index < len(t)`.
pub(crate) unsafe fn init_item(t: *mut PyObject, index: usize, item: PyRef) {
    debug_assert!(index < len(t));
    let slot = items_ptr(t).add(index);
    let old = core::mem::replace(&mut *slot, item.into_ptr());
    drop(PyRef::from_owned(old));
}

unsafe extern "C" fn tuple_dealloc(op: *mut PyObject) {
    for i in (0..len(op)).rev() {
        drop(PyRef::from_owned(*items_ptr(op).add(i)));
    }
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => temp_alloc::free_gc_object(op as *mut c_void),
    }
}

unsafe extern "C" fn tuple_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    for &item in items(op) {
        if !item.is_null() {
            let r = visit(item, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

#[cfg(test)]
mod tuple_tests {
    use super::*;
    use crate::objects::str as pystr;

    #[test]
    fn create_fill_read_and_release() {
        let _gil = crate::object::test_lock();
        unsafe {
            let a = pystr::from_utf8("a").unwrap();
            let b = pystr::from_utf8("b").unwrap();
            let t = from_slice(&[a.clone(), b.clone(), a.clone()]).unwrap();
            let tp = t.as_ptr();
            assert_eq!(len(tp), 3);
            assert!(is_tuple(tp));
            assert_eq!(items(tp), &[a.as_ptr(), b.as_ptr(), a.as_ptr()]);
            assert_eq!(get_item(tp, 1).unwrap(), b.as_ptr());
            assert!(get_item(tp, 3).is_err());
            assert_eq!(
                crate::object::pending_error::take(),
                Some((ExcType::IndexError, "tuple index out of range".into()))
            );
            assert!(get_item(tp, -1).is_err());
            assert_eq!((*a.as_ptr()).ob_refcnt, 3);
            drop(t);
            assert_eq!((*a.as_ptr()).ob_refcnt, 1);
            assert_eq!((*b.as_ptr()).ob_refcnt, 1);
            // A tuple dropped before it is filled.
            drop(new(4).unwrap());
            assert_eq!(len(new(0).unwrap().as_ptr()), 0);
        }
    }
}
