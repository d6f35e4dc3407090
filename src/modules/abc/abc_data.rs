//! `_abc._abc_data`: the per-class state of a C-accelerated ABC (the registry, the positive
//! and negative caches, the negative cache's version), and the weak sets it keeps them in.
//!
//! Each set holds weak references whose callback removes them from the set (through a
//! weak reference to the set, so a dead class leaves no entry and a set never keeps
//! itself alive), as CPython's `_abc` does: `_get_dump` shows these weak references.
use core::sync::atomic::{AtomicU64, Ordering};

use crate::abstract_::{new_ref, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{none_ref, owned, ret};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::iter_common::{dealloc_fields, traverse_fields};
use crate::objects::{set, weakref};

/// `abc_invalidation_counter`: bumped by every `register`, so negative caches made before
/// it are stale. `get_cache_token()` returns it.
pub(crate) static INVALIDATION_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The object behind `cls._abc_impl`. The three sets are made when first needed.
#[repr(C)]
pub(crate) struct AbcData {
    ob_base: PyObject,
    pub(crate) registry: *mut PyObject,
    pub(crate) cache: *mut PyObject,
    pub(crate) negative_cache: *mut PyObject,
    pub(crate) negative_cache_version: u64,
}

const OBJECT_FIELDS: usize = 3;

pub static mut AbcData_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(abc_data_dealloc),
    tp_traverse: Some(abc_data_traverse),
    tp_new: Some(abc_data_tp_new),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(c"_abc._abc_data", core::mem::size_of::<AbcData>(), 0, Py_TPFLAGS_HAVE_GC, Some(c"Internal state held by ABC machinery."))
};

unsafe extern "C" fn abc_data_dealloc(op: *mut PyObject) {
    dealloc_fields(op, OBJECT_FIELDS)
}

unsafe extern "C" fn abc_data_traverse(op: *mut PyObject, visit: visitproc, arg: *mut core::ffi::c_void) -> core::ffi::c_int {
    traverse_fields(op, OBJECT_FIELDS, visit, arg)
}

/// `_abc_data()`: empty state at the current invalidation counter (arguments are ignored,
/// as in CPython).
unsafe extern "C" fn abc_data_tp_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    ret(new_data(tp))
}

pub(crate) unsafe fn new_data(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let op = crate::objects::iter_common::alloc(tp)?;
    let d = op.as_ptr() as *mut AbcData;
    (*d).negative_cache_version = INVALIDATION_COUNTER.load(Ordering::Relaxed);
    Ok(op)
}

/// `cls._abc_impl`, which must be an `_abc_data`.
pub(crate) unsafe fn get_impl(cls: *mut PyObject) -> PyResult<PyRef> {
    let name = crate::object::object_attr::interned_name(c"_abc_impl".as_ptr())?;
    let imp = crate::object::object_attr::get_attr(cls, name.as_ptr())?;
    if (*imp.as_ptr()).ob_type != &raw mut AbcData_Type {
        return Err(type_error("_abc_impl is set to a wrong type"));
    }
    Ok(imp)
}

pub(crate) unsafe fn data<'a>(imp: &'a PyRef) -> &'a mut AbcData {
    &mut *(imp.as_ptr() as *mut AbcData)
}

/// Whether `obj` is in the weak set (NULL is empty). An object that cannot be weakly
/// referenced is in no weak set.
pub(crate) unsafe fn in_weak_set(wset: *mut PyObject, obj: *mut PyObject) -> PyResult<bool> {
    if wset.is_null() || set::len(wset) == 0 || weakref::list_ptr(obj).is_null() {
        return Ok(false);
    }
    // A weak reference hashes as its referent. Our own entries are found by identity,
    // without making the weak reference CPython makes (it reuses a class's shared basic
    // reference, which classes here do not keep); only an entry of equal hash that is not
    // a reference to `obj` needs the full comparison below.
    let hash = crate::abstract_::object::hash(obj)?;
    let mut other = false;
    let found = set::any_with_hash(wset, hash, |k| {
        let same = (*k).ob_type == &raw mut crate::objects::weakref_ref::_PyWeakref_RefType && weakref::referent(k) == Some(obj);
        other |= !same;
        same
    });
    if found || !other {
        return Ok(found);
    }
    let r = weakref::PyWeakref_NewRef(obj, core::ptr::null_mut());
    if r.is_null() {
        if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 {
            crate::errors::pyerr::PyErr_Clear();
            return Ok(false);
        }
        return Err(Raised::assume_set());
    }
    let r = owned(r)?;
    set::contains(wset, r.as_ptr())
}

/// `_destroy(set_weakref, item_weakref)`: the callback of a weak set's entries; removes the
/// dead entry from the set if the set still lives.
unsafe extern "C" fn destroy(set_ref: *mut PyObject, item_ref: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if let Some(s) = weakref::referent(set_ref) {
            let s = new_ref(s);
            set::discard(s.as_ptr(), item_ref)?;
        }
        Ok(none_ref())
    })())
}

static mut DESTROY_DEF: PyMethodDef =
    crate::modules::meth(c"_destroy", destroy, METH_O, c"");

/// Adds a weak reference to `obj` to the set in `slot`, making the set if there is none.
pub(crate) unsafe fn add_to_weak_set(slot: &mut *mut PyObject, obj: *mut PyObject) -> PyResult<()> {
    if slot.is_null() {
        *slot = set::new(false, core::ptr::null_mut())?.into_ptr();
    }
    let wset = new_ref(*slot);
    let set_ref = owned(weakref::PyWeakref_NewRef(wset.as_ptr(), core::ptr::null_mut()))?;
    let callback = owned(crate::objects::cfunction::PyCFunction_NewEx(&raw mut DESTROY_DEF, set_ref.as_ptr(), core::ptr::null_mut()))?;
    let r = owned(weakref::PyWeakref_NewRef(obj, callback.as_ptr()))?;
    set::add(wset.as_ptr(), r.as_ptr())
}

/// Empties a weak set (NULL stays NULL).
pub(crate) unsafe fn clear_weak_set(wset: *mut PyObject) {
    if !wset.is_null() {
        set::clear(wset);
    }
}

/// The live objects a weak set refers to, as owned references (a snapshot: checks made on
/// them may run code that changes the set).
pub(crate) unsafe fn weak_set_members(wset: *mut PyObject) -> Vec<PyRef> {
    if wset.is_null() {
        return Vec::new();
    }
    set::elements(wset)
        .into_iter()
        .filter_map(|(r, _)| weakref::referent(r).map(|o| new_ref(o)))
        .collect()
}

/// A new set with the same weak references (an empty set for NULL): `_get_dump`'s view.
pub(crate) unsafe fn weak_set_copy(wset: *mut PyObject) -> PyResult<PyRef> {
    set::new(false, wset)
}
