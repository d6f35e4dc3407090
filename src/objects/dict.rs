//! `PyDictObject` (CPython's cpython/dictobject.h). The keys table and the split values are
//! private to the implementation: C sees them only as opaque pointers.
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

/// `struct _dictkeysobject` (`PyDictKeysObject`), opaque to C.
pub struct _dictkeysobject {
    _opaque: [u8; 0],
}
pub type PyDictKeysObject = _dictkeysobject;

/// `struct _dictvalues` (`PyDictValues`), opaque to C.
pub struct _dictvalues {
    _opaque: [u8; 0],
}
pub type PyDictValues = _dictvalues;

/// `PyDictObject`: `ma_used` live items; `ma_version_tag` changes on every mutation (the
/// eval loop's lookup caches key on it); `ma_values` is non-NULL for split tables.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDictObject {
    pub ob_base: PyObject,
    pub ma_used: Py_ssize_t,
    pub ma_version_tag: u64,
    pub ma_keys: *mut PyDictKeysObject,
    pub ma_values: *mut PyDictValues,
}
assert_layout!(PyDictObject, size = 48, ob_base @ 0, ma_used @ 16, ma_version_tag @ 24,
               ma_keys @ 32, ma_values @ 40);

/// `_PyDictViewObject`: the keys/values/items views.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyDictViewObject {
    pub ob_base: PyObject,
    pub dv_dict: *mut PyDictObject,
}
assert_layout!(_PyDictViewObject, size = 24, ob_base @ 0, dv_dict @ 16);

// ---- The dict type --------------------------------------------------------------------------
// A compact, insertion-ordered hash table: `ma_keys` points to a `KeyTable` (private, opaque
// to C) holding a dense array of entries in insertion order and a sparse index table probed
// by open addressing (the perturbed probe sequence i = 5*i + perturb + 1, perturb >>= 5,
// which visits every slot and lets all hash bits matter). Deleted entries leave a hole in
// the entries and a dummy in the index, reclaimed at the next resize. Keys are hashed
// through their type's `tp_hash` and compared by identity, then by value; value comparison
// is implemented for str keys, which is all the type machinery needs until the rich
// comparison protocol exists.

use crate::errors::raised::PyResult;
use crate::object::pending_error::{no_memory, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_MAPPING, _Py_TPFLAGS_MATCH_SELF,
};
use crate::object::slots::visitproc;
use crate::objects::str as pystr;
use crate::pyport::Py_hash_t;
use core::ffi::{c_int, c_ulong, c_void};
use std::sync::atomic::{AtomicU64, Ordering};

/// `PyDict_Type`: the dict type.
#[no_mangle]
pub static mut PyDict_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(dict_dealloc),
    tp_traverse: Some(dict_traverse),
    tp_clear: Some(dict_tp_clear),
    ..static_type(
        c"dict",
        core::mem::size_of::<PyDictObject>(),
        0,
        Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_DICT_SUBCLASS
            | _Py_TPFLAGS_MATCH_SELF
            | Py_TPFLAGS_MAPPING as c_ulong,
        Some(c"dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)"),
    )
};

const EMPTY: isize = -1;
const DUMMY: isize = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

/// Every mutation of any dict takes a new version (the eval loop's lookup caches compare
/// `ma_version_tag`), unique in the process as in CPython.
static DICT_VERSION: AtomicU64 = AtomicU64::new(0);

fn next_version() -> u64 {
    DICT_VERSION.fetch_add(1, Ordering::Relaxed) + 1
}

struct Entry {
    hash: Py_hash_t,
    /// NULL for a deleted entry.
    key: *mut PyObject,
    value: *mut PyObject,
}

/// What `ma_keys` points to.
struct KeyTable {
    /// Index of the entry for each slot, or EMPTY/DUMMY; length a power of two.
    indices: Box<[isize]>,
    entries: Vec<Entry>,
    /// Insertions left before the table must grow (2/3 load factor).
    usable: usize,
}

impl KeyTable {
    fn with_size(size: usize) -> KeyTable {
        KeyTable {
            indices: vec![EMPTY; size].into_boxed_slice(),
            entries: Vec::with_capacity(usable_for(size)),
            usable: usable_for(size),
        }
    }

    /// The probe sequence of `hash` over this table.
    fn probe(&self, hash: Py_hash_t) -> impl Iterator<Item = usize> {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        let mut first = true;
        core::iter::from_fn(move || {
            if !first {
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
            first = false;
            Some(i)
        })
    }

    /// The first slot for `hash` that holds no entry (for inserting a new key).
    fn free_slot(&self, hash: Py_hash_t) -> usize {
        self.probe(hash).find(|&i| self.indices[i] < 0).unwrap_or(0)
    }
}

fn usable_for(size: usize) -> usize {
    (size << 1) / 3
}

/// # Safety
/// `d` is a live dict.
unsafe fn table<'a>(d: *mut PyObject) -> Option<&'a mut KeyTable> {
    ((*(d as *mut PyDictObject)).ma_keys as *mut KeyTable).as_mut()
}

/// Whether `op` is a dict or an instance of a subclass of dict (`PyDict_Check`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn is_dict(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_DICT_SUBCLASS != 0
}

/// A new empty dict (`PyDict_New`). Not GC-tracked: like CPython 3.11, a dict needs tracking
/// only once it holds a GC object (TODO(core-mem): track on inserting one).
pub(crate) fn new() -> PyResult<PyRef> {
    let d = unsafe { PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyDict_Type, 0)) }
        .ok_or_else(no_memory)?;
    // SAFETY: a new dict object; every field is set (the allocator need not zero), and a
    // new dict has a version of its own, as every mutation gives.
    unsafe {
        let dict = d.as_ptr() as *mut PyDictObject;
        (*dict).ma_used = 0;
        (*dict).ma_keys = core::ptr::null_mut();
        (*dict).ma_values = core::ptr::null_mut();
        (*dict).ma_version_tag = next_version();
    }
    Ok(d)
}

/// The number of items (`PyDict_GET_SIZE`).
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn len(d: *mut PyObject) -> usize {
    (*(d as *mut PyDictObject)).ma_used as usize
}

/// `hash(key)` through the key's `tp_hash`.
///
/// # Safety
/// `key` is a live object.
pub(crate) unsafe fn hash_of(key: *mut PyObject) -> PyResult<Py_hash_t> {
    if (*key).ob_type == &raw mut pystr::PyUnicode_Type {
        return Ok(pystr::hash(key));
    }
    match (*(*key).ob_type).tp_hash {
        Some(h) => match h(key) {
            -1 => Err(crate::errors::raised::Raised::assume_set()),
            v => Ok(v),
        },
        None => Err(raise(
            ExcType::TypeError,
            format!("unhashable type: '{}'", crate::object::typetype::short_name((*key).ob_type)),
        )),
    }
}

/// `a == b` for keys of equal hash: identity, str value, else rich comparison.
unsafe fn keys_equal(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    if pystr::is_str(a) && pystr::is_str(b) && (*a).ob_type == (*b).ob_type {
        return Ok(pystr::eq(a, b));
    }
    // The comparison may run any code: hold the stored key meanwhile.
    let _hold = crate::abstract_::new_ref(a);
    crate::abstract_::compare::rich_compare_bool(a, b, crate::object::object::Py_EQ)
}

/// The entry index of `key` in `t`, and the slot that points to it.
unsafe fn find(t: &KeyTable, key: *mut PyObject, hash: Py_hash_t) -> PyResult<Option<(usize, usize)>> {
    for slot in t.probe(hash) {
        match t.indices[slot] {
            EMPTY => return Ok(None),
            DUMMY => continue,
            ix => {
                let e = &t.entries[ix as usize];
                if e.hash == hash && keys_equal(e.key, key)? {
                    return Ok(Some((slot, ix as usize)));
                }
            }
        }
    }
    Ok(None)
}

/// The value for `key`, borrowed, or `None` (`PyDict_GetItemWithError`).
///
/// # Safety
/// `d` is a live dict, `key` a live object.
pub(crate) unsafe fn get_item(d: *mut PyObject, key: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    let hash = hash_of(key)?;
    let Some(t) = table(d) else { return Ok(None) };
    Ok(find(t, key, hash)?.map(|(_, ix)| t.entries[ix].value))
}

/// The value for the str key `name`, borrowed, or `None` (`_PyDict_GetItemStringWithError`):
/// ASCII names are looked up without making a str.
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn get_item_str(d: *mut PyObject, name: &str) -> PyResult<Option<*mut PyObject>> {
    if !name.is_ascii() {
        let key = pystr::from_utf8(name)?;
        return get_item(d, key.as_ptr());
    }
    let Some(t) = table(d) else { return Ok(None) };
    let hash = crate::object::siphash::hash_bytes(name.as_bytes());
    for slot in t.probe(hash) {
        match t.indices[slot] {
            EMPTY => return Ok(None),
            DUMMY => continue,
            ix => {
                let e = &t.entries[ix as usize];
                if e.hash == hash && pystr::is_str(e.key) && pystr::eq_ascii(e.key, name) {
                    return Ok(Some(e.value));
                }
            }
        }
    }
    Ok(None)
}

/// `d[key] = value`; both references are taken as new (`PyDict_SetItem`).
///
/// # Safety
/// `d` is a live dict, `key` and `value` live objects.
pub(crate) unsafe fn set_item(d: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    let hash = hash_of(key)?;
    let dict = d as *mut PyDictObject;
    if table(d).is_none() {
        (*dict).ma_keys = Box::into_raw(Box::new(KeyTable::with_size(MIN_SIZE))) as *mut PyDictKeysObject;
    }
    let t = table(d).ok_or_else(no_memory)?;
    if let Some((_, ix)) = find(t, key, hash)? {
        // Replace the value; the old one goes last, as its destructor may run any code.
        let old = core::mem::replace(&mut t.entries[ix].value, PyRef::from_borrowed(value).ok_or_else(no_memory)?.into_ptr());
        (*dict).ma_version_tag = next_version();
        drop(PyRef::from_owned(old));
        return Ok(());
    }
    if t.usable == 0 {
        grow(d)?;
    }
    let t = table(d).ok_or_else(no_memory)?;
    let slot = t.free_slot(hash);
    t.indices[slot] = t.entries.len() as isize;
    t.entries.push(Entry {
        hash,
        key: PyRef::from_borrowed(key).ok_or_else(no_memory)?.into_ptr(),
        value: PyRef::from_borrowed(value).ok_or_else(no_memory)?.into_ptr(),
    });
    t.usable -= 1;
    (*dict).ma_used += 1;
    (*dict).ma_version_tag = next_version();
    Ok(())
}

/// `del d[key]`: `Ok(false)` when the key is absent (the caller decides on KeyError).
///
/// # Safety
/// `d` is a live dict, `key` a live object.
// Internal API of the type; its first callers outside tests are the C-API layer.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) unsafe fn del_item(d: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    let hash = hash_of(key)?;
    let Some(t) = table(d) else { return Ok(false) };
    let Some((slot, ix)) = find(t, key, hash)? else { return Ok(false) };
    t.indices[slot] = DUMMY;
    let e = &mut t.entries[ix];
    let (k, v) = (core::mem::replace(&mut e.key, core::ptr::null_mut()), e.value);
    e.value = core::ptr::null_mut();
    let dict = d as *mut PyDictObject;
    (*dict).ma_used -= 1;
    (*dict).ma_version_tag = next_version();
    drop(PyRef::from_owned(k));
    drop(PyRef::from_owned(v));
    Ok(true)
}

/// Rebuilds the table for the live entries with room to grow (3 * used, as CPython sizes it).
unsafe fn grow(d: *mut PyObject) -> PyResult<()> {
    let dict = d as *mut PyDictObject;
    let old = Box::from_raw((*dict).ma_keys as *mut KeyTable);
    let wanted = ((*dict).ma_used as usize).saturating_mul(3).max(MIN_SIZE);
    let size = wanted.checked_next_power_of_two().ok_or_else(no_memory)?;
    let mut t = KeyTable::with_size(size);
    for e in old.entries.into_iter().filter(|e| !e.key.is_null()) {
        let slot = t.free_slot(e.hash);
        t.indices[slot] = t.entries.len() as isize;
        t.entries.push(e);
        t.usable -= 1;
    }
    (*dict).ma_keys = Box::into_raw(Box::new(t)) as *mut PyDictKeysObject;
    Ok(())
}

/// The items in insertion order, borrowed (valid until the dict changes).
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn items(d: *mut PyObject) -> Vec<(*mut PyObject, *mut PyObject)> {
    match table(d) {
        Some(t) => t.entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value)).collect(),
        None => Vec::new(),
    }
}

/// Empties the dict (`PyDict_Clear`): the table is detached first, then its references
/// dropped, so destructors that run meanwhile see an empty dict.
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn clear(d: *mut PyObject) {
    let dict = d as *mut PyDictObject;
    let keys = core::mem::replace(&mut (*dict).ma_keys, core::ptr::null_mut());
    if keys.is_null() {
        return;
    }
    (*dict).ma_used = 0;
    (*dict).ma_version_tag = next_version();
    let t = Box::from_raw(keys as *mut KeyTable);
    for e in t.entries.iter().filter(|e| !e.key.is_null()) {
        drop(PyRef::from_owned(e.key));
        drop(PyRef::from_owned(e.value));
    }
}

unsafe extern "C" fn dict_dealloc(op: *mut PyObject) {
    clear(op);
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => temp_alloc::free_gc_object(op as *mut c_void),
    }
}

unsafe extern "C" fn dict_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    for (k, v) in items(op) {
        for o in [k, v] {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn dict_tp_clear(op: *mut PyObject) -> c_int {
    clear(op);
    0
}

#[cfg(test)]
mod dict_tests {
    use super::*;

    #[test]
    fn insert_lookup_replace_delete_in_order() {
        let _gil = crate::object::test_lock();
        unsafe {
            let d = new().unwrap();
            let dp = d.as_ptr();
            let names: Vec<String> = (0..100).map(|i| format!("name{i}")).collect();
            let keys: Vec<PyRef> = names.iter().map(|n| pystr::from_utf8(n).unwrap()).collect();
            for (i, k) in keys.iter().enumerate() {
                set_item(dp, k.as_ptr(), keys[(i + 1) % 100].as_ptr()).unwrap();
            }
            assert_eq!(len(dp), 100);
            let version = (*(dp as *mut PyDictObject)).ma_version_tag;
            for (i, n) in names.iter().enumerate() {
                let v = get_item_str(dp, n).unwrap().unwrap();
                assert_eq!(v, keys[(i + 1) % 100].as_ptr());
                // An equal key that is another object finds the same entry.
                let other = pystr::from_utf8(n).unwrap();
                assert_eq!(get_item(dp, other.as_ptr()).unwrap(), Some(v));
            }
            assert_eq!(get_item_str(dp, "missing").unwrap(), None);
            // Replacing keeps the size and the order, and changes the version.
            set_item(dp, keys[0].as_ptr(), keys[0].as_ptr()).unwrap();
            assert_eq!(len(dp), 100);
            assert_ne!((*(dp as *mut PyDictObject)).ma_version_tag, version);
            assert!(del_item(dp, keys[1].as_ptr()).unwrap());
            assert!(!del_item(dp, keys[1].as_ptr()).unwrap());
            assert_eq!(get_item_str(dp, "name1").unwrap(), None);
            let order: Vec<String> = items(dp).iter().map(|(k, _)| pystr::to_string(*k)).collect();
            let expected: Vec<String> = names.iter().filter(|n| *n != "name1").cloned().collect();
            assert_eq!(order, expected);
            // Non-ASCII keys go through a str object.
            let e = pystr::from_utf8("\u{e9}t\u{e9}").unwrap();
            set_item(dp, e.as_ptr(), e.as_ptr()).unwrap();
            assert_eq!(get_item_str(dp, "\u{e9}t\u{e9}").unwrap(), Some(e.as_ptr()));
            // The dict owns one reference to each key and value.
            assert_eq!((*e.as_ptr()).ob_refcnt, 3);
            drop(d);
            assert_eq!((*e.as_ptr()).ob_refcnt, 1);
        }
    }
}
