//! Assigning `type.__bases__`: CPython's checks and messages (mutable type, a non-empty
//! tuple of classes, no inheritance cycle, a compatible instance layout), then the new
//! bases, best base and MRO of the class and of every subclass, restored on failure, and
//! the slots and method cache brought up to date.
#![allow(unpredictable_function_pointer_comparisons)]
use core::ffi::c_int;

use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::type_layout::{best_base, is_type};
use crate::object::typeobject::*;
use crate::object::typetype::{is_subtype, type_name};
use crate::objects::tuple;

const PTR: isize = core::mem::size_of::<*mut PyObject>() as isize;

/// Whether `child` lays its instances out exactly as its `tp_base` does.
unsafe fn same_as_base(child: *mut PyTypeObject) -> bool {
    let parent = (*child).tp_base;
    if parent.is_null() {
        return false;
    }
    let (c, p) = (&*child, &*parent);
    c.tp_basicsize == p.tp_basicsize
        && c.tp_itemsize == p.tp_itemsize
        && c.tp_dictoffset == p.tp_dictoffset
        && c.tp_weaklistoffset == p.tp_weaklistoffset
        && c.tp_flags & Py_TPFLAGS_HAVE_GC == p.tp_flags & Py_TPFLAGS_HAVE_GC
        && (c.tp_dealloc == Some(crate::object::subtype::subtype_dealloc) || c.tp_dealloc == p.tp_dealloc)
}

/// Whether two heap types with the same base add the same fields to it (dict, weakref and
/// the same `__slots__`).
unsafe fn same_fields_added(a: *mut PyTypeObject, b: *mut PyTypeObject) -> PyResult<bool> {
    let mut size = (*(*a).tp_base).tp_basicsize;
    if (*a).tp_dictoffset == size && (*b).tp_dictoffset == size {
        size += PTR;
    }
    if (*a).tp_weaklistoffset == size && (*b).tp_weaklistoffset == size {
        size += PTR;
    }
    let heap = |t: *mut PyTypeObject| (*t).tp_flags & Py_TPFLAGS_HEAPTYPE != 0;
    if !heap(a) || !heap(b) {
        return Ok(false);
    }
    let (sa, sb) = ((*(a as *mut PyHeapTypeObject)).ht_slots, (*(b as *mut PyHeapTypeObject)).ht_slots);
    if !sa.is_null() && !sb.is_null() {
        let r = crate::abstract_::compare::PyObject_RichCompareBool(sa, sb, crate::object::object::Py_EQ);
        if r < 0 {
            return Err(crate::errors::raised::Raised::assume_set());
        }
        if r == 0 {
            return Ok(false);
        }
        size += PTR * tuple::len(sa) as isize;
    }
    Ok(size == (*a).tp_basicsize && size == (*b).tp_basicsize)
}

/// Whether instances laid out for `old` fit `new` (CPython's `compatible_for_assignment`).
///
/// # Safety
/// Both are live types.
pub(crate) unsafe fn check_compatible(old: *mut PyTypeObject, new: *mut PyTypeObject, attr: &str) -> PyResult<()> {
    if (*new).tp_free != (*old).tp_free {
        return Err(type_error(format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            type_name(new),
            type_name(old)
        )));
    }
    let (mut n, mut o) = (new, old);
    while same_as_base(n) {
        n = (*n).tp_base;
    }
    while same_as_base(o) {
        o = (*o).tp_base;
    }
    if n != o && ((*n).tp_base != (*o).tp_base || !same_fields_added(n, o)?) {
        return Err(type_error(format!(
            "{attr} assignment: '{}' object layout differs from '{}'",
            type_name(new),
            type_name(old)
        )));
    }
    Ok(())
}

/// Whether `base` reaches `tp` through its `tp_base` chain.
unsafe fn base_chain_reaches(mut base: *mut PyTypeObject, tp: *mut PyTypeObject) -> bool {
    while !base.is_null() {
        if base == tp {
            return true;
        }
        base = (*base).tp_base;
    }
    false
}

/// The class and its subclasses, each before its own subclasses.
unsafe fn hierarchy(tp: *mut PyTypeObject, out: &mut Vec<*mut PyTypeObject>) {
    if out.contains(&tp) {
        return;
    }
    out.push(tp);
    for sub in crate::object::type_cache::direct_subclasses(tp) {
        hierarchy(sub, out);
    }
}

/// Replaces the MRO of each type of `types` (in order); on failure, the old MROs are back.
unsafe fn recompute_mros(types: &[*mut PyTypeObject]) -> PyResult<()> {
    let mut old: Vec<*mut PyObject> = Vec::new();
    for &t in types {
        match crate::object::type_ready::mro_of(t) {
            Ok(mro) => old.push(core::mem::replace(&mut (*t).tp_mro, mro.into_ptr())),
            Err(e) => {
                for (&t, &m) in types.iter().zip(old.iter()) {
                    drop(PyRef::from_owned(core::mem::replace(&mut (*t).tp_mro, m)));
                }
                return Err(e);
            }
        }
    }
    for m in old {
        drop(PyRef::from_owned(m));
    }
    Ok(())
}

unsafe fn set_bases(tp: *mut PyTypeObject, value: *mut PyObject) -> PyResult<()> {
    crate::object::type_getsets::check_settable(tp, value, "__bases__")?;
    if !tuple::is_tuple(value) {
        return Err(type_error(format!("can only assign tuple to {}.__bases__, not {}", type_name(tp), tp_name(value))));
    }
    if tuple::len(value) == 0 {
        return Err(type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", type_name(tp))));
    }
    for &b in tuple::items(value) {
        if !is_type(b) {
            return Err(type_error(format!("{}.__bases__ must be tuple of classes, not '{}'", type_name(tp), tp_name(b))));
        }
        let base = b as *mut PyTypeObject;
        if is_subtype(base, tp) || (!(*base).tp_mro.is_null() && base_chain_reaches(base, tp)) {
            return Err(type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let Some(new_base) = best_base(value)? else { return Err(crate::object::pending_error::bad_internal_call()) };
    check_compatible((*tp).tp_base, new_base, "__bases__")?;

    let old_bases = core::mem::replace(&mut (*tp).tp_bases, new_ref(value).into_ptr());
    let old_base = core::mem::replace(&mut (*tp).tp_base, new_ref(new_base as *mut PyObject).into_ptr() as *mut PyTypeObject);
    let mut types = Vec::new();
    hierarchy(tp, &mut types);
    if let Err(e) = recompute_mros(&types) {
        drop(PyRef::from_owned(core::mem::replace(&mut (*tp).tp_bases, old_bases)));
        drop(PyRef::from_owned(core::mem::replace(&mut (*tp).tp_base, old_base) as *mut PyObject));
        return Err(e);
    }
    drop(PyRef::from_owned(old_bases));
    drop(PyRef::from_owned(old_base as *mut PyObject));
    crate::object::type_cache::replace_bases(tp);
    crate::object::type_cache::PyType_Modified(tp);
    // Until every type of the hierarchy is fixed up, a subclass must not inherit the
    // stale slots of a base that is not yet (slot_memo.rs).
    let recorded: Vec<bool> = types.iter().map(|&t| crate::object::slot_memo::withdraw_record(t)).collect();
    for &t in &types {
        crate::object::slot_dunders::fixup_slot_dunders(t)?;
    }
    for (&t, had) in types.iter().zip(recorded) {
        if had {
            crate::object::slot_memo::record_own_slots(t);
        }
    }
    Ok(())
}

/// The setter of `type.__bases__`.
pub(crate) unsafe extern "C" fn set(op: *mut PyObject, value: *mut PyObject, _: *mut core::ffi::c_void) -> c_int {
    if set_bases(op as *mut PyTypeObject, value).is_ok() { 0 } else { -1 }
}
