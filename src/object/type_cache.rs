//! Looking a name up along a type's MRO (`_PyType_Lookup`), with the method cache that makes
//! repeated lookups one array probe: entries are keyed by the type's `tp_version_tag` and the
//! name object, so a type's tag is what invalidates them. Tags are handed out lazily at the
//! first cached lookup (a type and all its bases get one), and `PyType_Modified` withdraws the
//! tag of a type and of every subclass when a type dict changes.
//!
//! CPython 3.11 keeps the cache per interpreter and the tag counter global; here both are
//! process-wide and guarded by the GIL, which is one lock for the process today.
//! Subclasses are recorded in a side table (subclass_table.rs) instead of `tp_subclasses`.
use core::ffi::c_uint;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::typeobject::*;
use crate::objects::{dict, str as pystr, tuple};

/// 4096 entries, as CPython's cache.
const CACHE_SIZE_EXP: u32 = 12;
const CACHE_SIZE: usize = 1 << CACHE_SIZE_EXP;
/// Longer names are not cached (CPython's `MCACHE_MAX_ATTR_SIZE`).
const MAX_CACHED_NAME: usize = 100;

#[derive(Clone, Copy)]
struct Entry {
    version: c_uint,
    /// Strong reference (so the address cannot be reused by another name), or NULL.
    name: *mut PyObject,
    /// Borrowed: the MRO dict entry, valid while the version tag is.
    value: *mut PyObject,
}

const EMPTY_ENTRY: Entry = Entry { version: 0, name: core::ptr::null_mut(), value: core::ptr::null_mut() };

// SAFETY (all accesses): guarded by the GIL; static types and their dicts outlive entries.
static mut CACHE: [Entry; CACHE_SIZE] = [EMPTY_ENTRY; CACHE_SIZE];
/// The next version tag; 0 means none is assigned.
static mut NEXT_VERSION_TAG: c_uint = 1;

pub(crate) use crate::object::subclass_table::{add_subclass, direct_subclasses, remove_subclass, replace_bases};

/// Gives `tp` (and its bases) a version tag; false when the tags ran out or a type is not
/// ready.
unsafe fn assign_version_tag(tp: *mut PyTypeObject) -> bool {
    let t = &mut *tp;
    if t.tp_flags & Py_TPFLAGS_VALID_VERSION_TAG != 0 {
        return true;
    }
    if t.tp_flags & Py_TPFLAGS_READY == 0 || NEXT_VERSION_TAG == 0 {
        return false;
    }
    t.tp_version_tag = NEXT_VERSION_TAG;
    NEXT_VERSION_TAG = NEXT_VERSION_TAG.wrapping_add(1);
    // A tag stands for the whole MRO's dicts, so the bases need tags too.
    for &b in tuple::items(t.tp_bases) {
        if !assign_version_tag(b as *mut PyTypeObject) {
            return false;
        }
    }
    t.tp_flags |= Py_TPFLAGS_VALID_VERSION_TAG;
    true
}

/// `tp`'s version tag, given now if it has none; `None` when tags ran out or `tp` is not
/// ready.
///
/// # Safety
/// `tp` is a live type; the GIL is held.
pub(crate) unsafe fn version_tag(tp: *mut PyTypeObject) -> Option<c_uint> {
    assign_version_tag(tp).then(|| (*tp).tp_version_tag)
}

fn cacheable_name(name: *mut PyObject) -> bool {
    // SAFETY: `name` is a live object.
    unsafe {
        (*name).ob_type == &raw mut pystr::PyUnicode_Type && pystr::len(name) <= MAX_CACHED_NAME
    }
}

unsafe fn slot_index(version: c_uint, name: *mut PyObject) -> usize {
    ((version as usize) ^ (pystr::hash(name) as usize)) & (CACHE_SIZE - 1)
}

/// The first value for `name` in the dicts along `tp`'s MRO, borrowed (readying the type
/// first if needed).
unsafe fn find_in_mro(tp: *mut PyTypeObject, name: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    if (*tp).tp_mro.is_null() && (*tp).tp_flags & Py_TPFLAGS_READYING == 0 {
        crate::object::type_ready::ready(tp)?;
    }
    let mro = (*tp).tp_mro;
    if mro.is_null() {
        return Ok(None);
    }
    for &base in tuple::items(mro) {
        let d = (*(base as *mut PyTypeObject)).tp_dict;
        if d.is_null() {
            continue;
        }
        if let Some(v) = dict::get_item(d, name)? {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// `_PyType_Lookup` for Rust: the attribute `name` of type `tp` from its MRO, borrowed.
///
/// # Safety
/// `tp` is a live type, `name` a live str.
#[inline]
pub(crate) unsafe fn lookup(tp: *mut PyTypeObject, name: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    // A hit, in line: only exact strs are ever cached (and their hash is set by then), so
    // an exact str with its hash computed is all the check the name needs.
    if (*tp).tp_flags & Py_TPFLAGS_VALID_VERSION_TAG != 0 && (*name).ob_type == &raw mut pystr::PyUnicode_Type {
        let hash = (*(name as *mut pystr::PyASCIIObject)).hash;
        if hash != -1 {
            let version = (*tp).tp_version_tag;
            let e = &(*(&raw const CACHE))[((version as usize) ^ (hash as usize)) & (CACHE_SIZE - 1)];
            if e.version == version && e.name == name {
                return Ok((!e.value.is_null()).then_some(e.value));
            }
        }
    }
    lookup_slow(tp, name)
}

/// `lookup` past a cache hit: the MRO walk, and the cache entry it fills.
#[inline(never)]
unsafe fn lookup_slow(tp: *mut PyTypeObject, name: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    let cacheable = cacheable_name(name);
    let cache = &raw mut CACHE;
    if cacheable && (*tp).tp_flags & Py_TPFLAGS_VALID_VERSION_TAG != 0 {
        let e = (*cache)[slot_index((*tp).tp_version_tag, name)];
        if e.version == (*tp).tp_version_tag && e.name == name {
            return Ok((!e.value.is_null()).then_some(e.value));
        }
    }
    let found = find_in_mro(tp, name)?;
    if cacheable && assign_version_tag(tp) {
        let i = slot_index((*tp).tp_version_tag, name);
        (*name).ob_refcnt += 1;
        let old = core::mem::replace(
            &mut (*cache)[i],
            Entry { version: (*tp).tp_version_tag, name, value: found.unwrap_or(core::ptr::null_mut()) },
        );
        drop(crate::object::ptr::PyRef::from_owned(old.name));
    }
    Ok(found)
}

/// `PyObject *_PyType_Lookup(PyTypeObject *type, PyObject *name)`: the attribute `name`
/// found along the MRO, as a borrowed reference, or NULL; never raises.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyType_Lookup(tp: *mut PyTypeObject, name: *mut PyObject) -> *mut PyObject {
    if tp.is_null() || name.is_null() {
        return core::ptr::null_mut();
    }
    match lookup(tp, name) {
        Ok(found) => found.unwrap_or(core::ptr::null_mut()),
        Err(_) => {
            // CPython clears a lookup error and reports "not found".
            let _ = crate::object::pending_error::take();
            core::ptr::null_mut()
        }
    }
}

/// `PyObject *_PyType_LookupId(PyTypeObject *type, _Py_Identifier *name)`: `_PyType_Lookup`
/// with the name given as a static identifier (interned on use).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyType_LookupId(
    tp: *mut PyTypeObject,
    id: *mut crate::object::object::_Py_Identifier,
) -> *mut PyObject {
    if tp.is_null() || id.is_null() || (*id).string.is_null() {
        return core::ptr::null_mut();
    }
    let name = crate::objects::str::PyUnicode_InternFromString((*id).string);
    match crate::object::ptr::PyRef::from_owned(name) {
        // The interned table keeps the name alive after this reference goes.
        Some(name) => _PyType_Lookup(tp, name.as_ptr()),
        None => {
            let _ = crate::object::pending_error::take();
            core::ptr::null_mut()
        }
    }
}

/// `void PyType_Modified(PyTypeObject *type)`: withdraws the version tag of `type` and of
/// all its subclasses, so no cached lookup of the old dicts is used again. Call it after
/// changing a type's dict or bases directly.
#[no_mangle]
pub unsafe extern "C" fn PyType_Modified(tp: *mut PyTypeObject) {
    if tp.is_null() || (*tp).tp_flags & Py_TPFLAGS_VALID_VERSION_TAG == 0 {
        // Without a tag, no subclass can have one either (tags are given bases first).
        return;
    }
    for sub in direct_subclasses(tp) {
        PyType_Modified(sub);
    }
    (*tp).tp_flags &= !Py_TPFLAGS_VALID_VERSION_TAG;
    (*tp).tp_version_tag = 0;
}

/// Empties the cache; returns the last version tag handed out.
pub(crate) fn clear_cache() -> c_uint {
    crate::object::slot_memo::clear();
    // SAFETY: GIL held; entries own their names.
    unsafe {
        let cache = &raw mut CACHE;
        for e in (*cache).iter_mut() {
            let old = core::mem::replace(e, EMPTY_ENTRY);
            drop(crate::object::ptr::PyRef::from_owned(old.name));
        }
        NEXT_VERSION_TAG.wrapping_sub(1)
    }
}

/// `unsigned int PyType_ClearCache(void)`: empties the method cache and returns the current
/// version tag (the last one handed out).
#[no_mangle]
pub extern "C" fn PyType_ClearCache() -> c_uint {
    clear_cache()
}
