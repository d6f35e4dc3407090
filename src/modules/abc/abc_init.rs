//! `_abc_init(cls)`: computes `cls.__abstractmethods__`, attaches a fresh `_abc_data` as
//! `cls._abc_impl`, and turns `__abc_tpflags__` (set by `collections.abc` on `Sequence`
//! and `Mapping`) into the type's `Py_TPFLAGS_SEQUENCE`/`MAPPING` bit, which pattern
//! matching reads. `register` passes that bit on to the registered class and its
//! subclasses (`inherit_collection_flag`).
use core::ffi::c_ulong;

use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::owned;
use crate::object::object::PyObject;
use crate::object::object_attr::{get_attr, lookup_attr, set_attr};
use crate::object::ptr::PyRef;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_IMMUTABLETYPE, Py_TPFLAGS_MAPPING, Py_TPFLAGS_SEQUENCE};
use crate::objects::{dict, int, list, set, tuple};

const COLLECTION_FLAGS: c_ulong = (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING) as c_ulong;

/// `getattr(value, "__isabstractmethod__", False)` as a truth value.
unsafe fn is_abstract(value: *mut PyObject) -> PyResult<bool> {
    let name = crate::object::object_attr::interned_name(c"__isabstractmethod__".as_ptr())?;
    match lookup_attr(value, name.as_ptr())? {
        Some(v) => crate::abstract_::object::is_true(v.as_ptr()),
        None => Ok(false),
    }
}

/// The names abstract in `cls`: those of its namespace whose value is abstract, and those
/// abstract in a base that `cls` still resolves to an abstract value.
unsafe fn abstract_methods(cls: *mut PyObject) -> PyResult<PyRef> {
    let found = set::new(false, core::ptr::null_mut())?;
    let ns = get_attr(cls, crate::object::object_attr::interned_name(c"__dict__".as_ptr())?.as_ptr())?;
    let keys = owned(crate::abstract_::mapping::PyMapping_Keys(ns.as_ptr()))?;
    let keys: Vec<PyRef> = list::items(keys.as_ptr()).iter().map(|&k| crate::abstract_::new_ref(k)).collect();
    for key in keys {
        let value = crate::abstract_::item::get_item(ns.as_ptr(), key.as_ptr())?;
        if is_abstract(value.as_ptr())? {
            set::add(found.as_ptr(), key.as_ptr())?;
        }
    }
    let bases = get_attr(cls, crate::object::object_attr::interned_name(c"__bases__".as_ptr())?.as_ptr())?;
    if !tuple::is_tuple(bases.as_ptr()) {
        return Err(type_error("__bases__ is not tuple"));
    }
    let abstracts_name = crate::object::object_attr::interned_name(c"__abstractmethods__".as_ptr())?;
    for &base in tuple::items(bases.as_ptr()) {
        let Some(inherited) = lookup_attr(base, abstracts_name.as_ptr())? else { continue };
        let it = crate::abstract_::iter::get_iter(inherited.as_ptr())?;
        while let Some(key) = crate::abstract_::iter::next(it.as_ptr())? {
            let Some(value) = lookup_attr(cls, key.as_ptr())? else { continue };
            if is_abstract(value.as_ptr())? {
                set::add(found.as_ptr(), key.as_ptr())?;
            }
        }
    }
    set::new(true, found.as_ptr())
}

pub(super) unsafe fn init(cls: *mut PyObject) -> PyResult<()> {
    let abstracts = abstract_methods(cls)?;
    set_attr(cls, crate::object::object_attr::interned_name(c"__abstractmethods__".as_ptr())?.as_ptr(), abstracts.as_ptr())?;
    let data = super::abc_data::new_data(&raw mut super::abc_data::AbcData_Type)?;
    set_attr(cls, crate::object::object_attr::interned_name(c"_abc_impl".as_ptr())?.as_ptr(), data.as_ptr())?;
    if !crate::object::type_layout::is_type(cls) {
        return Ok(());
    }
    let tp = cls as *mut PyTypeObject;
    let key = crate::object::object_attr::interned_name(c"__abc_tpflags__".as_ptr())?;
    let Some(flags) = dict::get_item((*tp).tp_dict, key.as_ptr())? else { return Ok(()) };
    if int::is_exact_int(flags) {
        let v = crate::objects::long_convert::PyLong_AsLong(flags);
        if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(Raised::assume_set());
        }
        let v = v as c_ulong;
        if v & COLLECTION_FLAGS == COLLECTION_FLAGS {
            return Err(type_error("__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING"));
        }
        (*tp).tp_flags |= v & COLLECTION_FLAGS;
    }
    dict::del_item((*tp).tp_dict, key.as_ptr())?;
    crate::object::type_cache::PyType_Modified(tp);
    Ok(())
}

/// After `cls.register(sub)`: `sub` and its subclasses take `cls`'s collection flag.
pub(super) unsafe fn inherit_collection_flag(cls: *mut PyTypeObject, sub: *mut PyTypeObject) {
    let flag = (*cls).tp_flags & COLLECTION_FLAGS;
    if flag != 0 {
        set_flag_recursive(sub, flag);
    }
}

unsafe fn set_flag_recursive(tp: *mut PyTypeObject, flag: c_ulong) {
    // Immutable types (builtins) keep their flags; a type that has it already has passed
    // it on when it got it.
    if (*tp).tp_flags & Py_TPFLAGS_IMMUTABLETYPE != 0 || (*tp).tp_flags & COLLECTION_FLAGS == flag {
        return;
    }
    (*tp).tp_flags = ((*tp).tp_flags & !COLLECTION_FLAGS) | flag;
    for child in crate::object::type_cache::direct_subclasses(tp) {
        set_flag_recursive(child, flag);
    }
}
