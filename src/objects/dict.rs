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
// A compact, insertion-ordered hash table: `ma_keys` points to a `KeyTable` (dict_keys.rs,
// private, opaque to C), one block holding a dense array of entries in insertion order and a
// sparse index table of 1- to 8-byte items probed by open addressing (the perturbed probe sequence i = 5*i + perturb + 1, perturb >>= 5,
// which visits every slot and lets all hash bits matter). Deleted entries leave a hole in
// the entries and a dummy in the index, reclaimed at the next resize. Sizes, load factor
// (2/3) and growth (to 3 x used) are CPython's, so positions (`PyDict_Next`) and orders
// agree with CPython's for the same operations.
//
// Keys are compared by identity, then (exact str keys) by value, then by rich comparison,
// which may run any code — even code that changes the dict: a lookup that sees its table
// or entry changed under it starts again.
//
// A new dict is not GC-tracked; it becomes tracked when it first holds an object that the
// collector may need to see (as CPython's MAINTAIN_TRACKING).

use crate::abstract_::compare::{bool_ref, rich_compare_bool};
use crate::abstract_::object::repr_guarded;
use crate::abstract_::{new_ref, not_implemented, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::pyerr;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::{Py_EQ, Py_NE};
use crate::object::objimpl::{PyObject_GC_IsTracked, PyObject_GC_Track, PyObject_GC_UnTrack, PyObject_IS_GC};
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_MAPPING, _Py_TPFLAGS_MATCH_SELF,
};
use crate::objects::dict_keys::{usable_for, with_width, Entry, Ix, KeyTable, DUMMY, EMPTY, PERTURB_SHIFT};
use crate::objects::str as pystr;
use crate::objects::{int, list, long_ops, tuple};
use crate::pyport::Py_hash_t;
use core::ffi::{c_char, c_int, c_ulong, c_void};
use std::sync::atomic::{AtomicU64, Ordering};

static mut DICT_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: None,
    sq_concat: None,
    sq_repeat: None,
    sq_item: None,
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(dict_sq_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

static mut DICT_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(dict_length),
    mp_subscript: Some(dict_subscript),
    mp_ass_subscript: Some(dict_ass_subscript),
};

/// `PyDict_Type`: the dict type.
#[no_mangle]
pub static mut PyDict_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(dict_dealloc),
    tp_repr: Some(dict_repr),
    tp_as_number: &raw mut crate::objects::dict_methods::DICT_AS_NUMBER,
    tp_as_sequence: &raw mut DICT_AS_SEQUENCE,
    tp_as_mapping: &raw mut DICT_AS_MAPPING,
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_traverse: Some(dict_traverse),
    tp_clear: Some(dict_tp_clear),
    tp_richcompare: Some(dict_richcompare),
    tp_iter: Some(crate::objects::dict_views::dict_iter),
    tp_methods: &raw mut crate::objects::dict_methods::DICT_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_init: Some(crate::objects::container_new::dict_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::objects::container_new::dict_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
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

const MIN_SIZE: usize = 8;
/// The largest table `_PyDict_NewPresized` makes in advance.
const MAX_PRESIZE: usize = 128 * 1024;

/// Every mutation of any dict takes a new version (the eval loop's lookup caches compare
/// `ma_version_tag`), unique in the process as in CPython.
static DICT_VERSION: AtomicU64 = AtomicU64::new(0);

#[inline]
pub(crate) fn next_version() -> u64 {
    // Mutations happen under the GIL: a plain load and store (no locked read-modify-write,
    // which costs as much as the rest of an insertion).
    let v = DICT_VERSION.load(Ordering::Relaxed) + 1;
    DICT_VERSION.store(v, Ordering::Relaxed);
    v
}

/// A new table of `size` slots, or MemoryError.
fn new_table(size: usize) -> PyResult<*mut PyDictKeysObject> {
    let t = KeyTable::alloc(size);
    if t.is_null() {
        return Err(no_memory());
    }
    Ok(t as *mut PyDictKeysObject)
}

/// The table size (a power of two, at least 8) for `minsize` slots.
fn size_for(minsize: usize) -> usize {
    minsize.max(MIN_SIZE).checked_next_power_of_two().unwrap_or(1 << 62)
}

/// The table size that holds `n` items without growing.
fn size_for_items(n: usize) -> usize {
    size_for((n * 3 + 1) / 2)
}

/// # Safety
/// `d` is a live dict.
#[inline]
unsafe fn table_ptr(d: *mut PyObject) -> *mut KeyTable {
    (*(d as *mut PyDictObject)).ma_keys as *mut KeyTable
}

/// # Safety
/// `d` is a live dict.
#[inline]
unsafe fn table<'a>(d: *mut PyObject) -> Option<&'a mut KeyTable> {
    table_ptr(d).as_mut()
}

/// Whether `op` is a dict or an instance of a subclass of dict (`PyDict_Check`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_dict(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_DICT_SUBCLASS != 0
}

/// Whether `op` is exactly a dict (`PyDict_CheckExact`).
#[inline]
pub(crate) unsafe fn is_exact(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyDict_Type
}

/// A new empty dict of type `tp` (`PyDict_New` for dict itself), not GC-tracked.
unsafe fn new_of_type(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let d = PyRef::from_owned(temp_alloc::gc_new_var(tp, 0)).ok_or_else(no_memory)?;
    // SAFETY: a new dict object; every field is set (the allocator need not zero), and a
    // new dict has a version of its own, as every mutation gives.
    let dict = d.as_ptr() as *mut PyDictObject;
    (*dict).ma_used = 0;
    (*dict).ma_keys = core::ptr::null_mut();
    (*dict).ma_values = core::ptr::null_mut();
    (*dict).ma_version_tag = next_version();
    Ok(d)
}

/// A new empty dict (`PyDict_New`).
pub(crate) fn new() -> PyResult<PyRef> {
    // SAFETY: PyDict_Type is a live type.
    unsafe { new_of_type(&raw mut PyDict_Type) }
}

/// A new empty dict with room for `n` items (`_PyDict_NewPresized`).
pub(crate) fn new_presized(n: usize) -> PyResult<PyRef> {
    let d = new()?;
    if n > usable_for(MIN_SIZE) {
        let size = if n > usable_for(MAX_PRESIZE) { MAX_PRESIZE } else { size_for_items(n) };
        // SAFETY: a fresh dict without a table.
        unsafe {
            (*(d.as_ptr() as *mut PyDictObject)).ma_keys = new_table(size)?;
        }
    }
    Ok(d)
}

/// The number of items (`PyDict_GET_SIZE`).
///
/// # Safety
/// `d` is a live dict.
#[inline]
pub(crate) unsafe fn len(d: *mut PyObject) -> usize {
    (*(d as *mut PyDictObject)).ma_used as usize
}

/// `hash(key)`, with the cached hash of exact strs read directly.
///
/// # Safety
/// `key` is a live object.
#[inline]
pub(crate) unsafe fn hash_of(key: *mut PyObject) -> PyResult<Py_hash_t> {
    if (*key).ob_type == &raw mut pystr::PyUnicode_Type {
        return Ok(pystr::hash(key));
    }
    crate::abstract_::object::hash(key)
}

#[inline]
unsafe fn is_exact_str(o: *mut PyObject) -> bool {
    (*o).ob_type == &raw mut pystr::PyUnicode_Type
}

/// What probing one table for a key found.
enum Probe {
    Found(usize, usize),
    Absent,
    /// A comparison changed the dict: probe its current table again.
    Restart,
}

/// The slot and entry index of `key` in `d`'s current table (`None`: absent).
unsafe fn lookup(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<Option<(usize, usize)>> {
    loop {
        let t = table_ptr(d);
        if t.is_null() {
            return Ok(None);
        }
        match with_width!(t, I => lookup_in::<I>(d, t, key, hash)?) {
            Probe::Found(slot, ix) => return Ok(Some((slot, ix))),
            Probe::Absent => return Ok(None),
            Probe::Restart => {}
        }
    }
}

/// `lookup` in table `t` (d's table) with index items of type `I`.
#[inline(always)]
unsafe fn lookup_in<I: Ix>(d: *mut PyObject, t: *mut KeyTable, key: *mut PyObject, hash: Py_hash_t) -> PyResult<Probe> {
    let mask = (*t).mask();
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        let ix = I::load(t, i);
        if ix == EMPTY {
            return Ok(Probe::Absent);
        }
        if ix >= 0 {
            let e = (*t).entry_unchecked(ix as usize);
            if e.key == key {
                return Ok(Probe::Found(i, ix as usize));
            }
            if e.hash == hash {
                let startkey = e.key;
                if is_exact_str(startkey) && is_exact_str(key) {
                    if pystr::eq(startkey, key) {
                        return Ok(Probe::Found(i, ix as usize));
                    }
                } else if int::is_exact_int(startkey) && int::is_exact_int(key) {
                    // Equal ints that are not the same object (`d[i % 1000]`): compared
                    // by value, as int's `==` would, without a call that could run code.
                    if long_ops::compare(startkey, key) == core::cmp::Ordering::Equal {
                        return Ok(Probe::Found(i, ix as usize));
                    }
                } else {
                    let hold = new_ref(startkey);
                    let equal = rich_compare_bool(startkey, key, Py_EQ);
                    drop(hold);
                    let equal = equal?;
                    // The comparison may have run any code: the table (and so `t`) is only
                    // still valid when it is still the dict's and the entry unchanged.
                    let unchanged = table_ptr(d) == t && (*t).entry(ix as usize).is_some_and(|e| e.key == startkey);
                    if !unchanged {
                        return Ok(Probe::Restart);
                    }
                    if equal {
                        return Ok(Probe::Found(i, ix as usize));
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// The value for `key` with a known hash, borrowed, or `None`.
///
/// # Safety
/// `d` is a live dict, `key` a live object.
#[inline]
pub(crate) unsafe fn get_item_known_hash(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<Option<*mut PyObject>> {
    if is_exact_str(key) {
        let t = table_ptr(d);
        if t.is_null() {
            return Ok(None);
        }
        match with_width!(t, I => find_str::<I>(t, key, hash)) {
            StrProbe::Found(e) => return Ok(Some((*e).value)),
            StrProbe::Absent => return Ok(None),
            StrProbe::Other => {}
        }
    }
    Ok(lookup(d, key, hash)?.map(|(_, ix)| (*table_ptr(d)).entry_unchecked(ix).value))
}

/// What probing for an exact str key found.
enum StrProbe {
    Found(*mut Entry),
    Absent,
    /// An entry of the same hash whose key is not an exact str: only a rich comparison
    /// (which may run code) can tell, so the general `lookup` must decide.
    Other,
}

/// The entry of the exact str `key` in table `t`: the common lookup (attribute names,
/// globals, keyword names), with no call out and so no table change to guard against.
#[inline(always)]
unsafe fn find_str<I: Ix>(t: *mut KeyTable, key: *mut PyObject, hash: Py_hash_t) -> StrProbe {
    let mask = (*t).mask();
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        let ix = I::load(t, i);
        if ix == EMPTY {
            return StrProbe::Absent;
        }
        if ix >= 0 {
            let e = (*t).entry_unchecked(ix as usize) as *mut Entry;
            let k = (*e).key;
            if k == key {
                return StrProbe::Found(e);
            }
            if (*e).hash == hash {
                if !is_exact_str(k) {
                    return StrProbe::Other;
                }
                if pystr::eq(k, key) {
                    return StrProbe::Found(e);
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// The entry index of `key` in `d`, or `None` (the eval loop's attribute caches remember
/// it; see `value_at` and `replace_at`).
///
/// # Safety
/// `d` is a live dict, `key` a live object.
pub(crate) unsafe fn index_of(d: *mut PyObject, key: *mut PyObject) -> PyResult<Option<usize>> {
    let hash = hash_of(key)?;
    Ok(lookup(d, key, hash)?.map(|(_, ix)| ix))
}

/// The value of entry `ix` when that entry holds exactly the object `key` (borrowed).
///
/// # Safety
/// `d` is a live dict.
#[inline(always)]
pub(crate) unsafe fn value_at(d: *mut PyObject, key: *mut PyObject, ix: usize) -> Option<*mut PyObject> {
    let t = table_ptr(d);
    if t.is_null() {
        return None;
    }
    let e = (*t).entry(ix)?;
    if e.key == key { Some(e.value) } else { None }
}

/// Replaces the value of entry `ix` when that entry holds exactly `key` (taking a new
/// reference to `value`); false when it does not.
///
/// # Safety
/// `d` is a live dict, `value` a live object.
#[inline(always)]
pub(crate) unsafe fn replace_at(d: *mut PyObject, key: *mut PyObject, ix: usize, value: *mut PyObject) -> bool {
    let t = table_ptr(d);
    if t.is_null() {
        return false;
    }
    let Some(e) = (*t).entry(ix) else { return false };
    if e.key != key {
        return false;
    }
    let old = core::mem::replace(&mut e.value, new_ref(value).into_ptr());
    maintain_tracking(d, key, value);
    (*(d as *mut PyDictObject)).ma_version_tag = next_version();
    drop(PyRef::from_owned(old));
    true
}

/// The value for `key`, borrowed, or `None` (`PyDict_GetItemWithError`).
///
/// # Safety
/// `d` is a live dict, `key` a live object.
pub(crate) unsafe fn get_item(d: *mut PyObject, key: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    let hash = hash_of(key)?;
    get_item_known_hash(d, key, hash)
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
    Ok(get_item_ascii_hashed(d, name, crate::object::siphash::hash_name(name.as_bytes())))
}

/// `get_item_str` for an ASCII `name` whose str hash is `hash` (`hash_bytes` of it).
///
/// # Safety
/// `d` is a live dict; `name` is ASCII.
pub(crate) unsafe fn get_item_ascii_hashed(d: *mut PyObject, name: &str, hash: Py_hash_t) -> Option<*mut PyObject> {
    let t = table_ptr(d);
    if t.is_null() {
        return None;
    }
    let found = with_width!(t, I => KeyTable::find::<I>(t, hash, |e| {
        e.hash == hash && pystr::is_str(e.key) && pystr::eq_ascii(e.key, name)
    }));
    found.map(|(_, ix)| (*t).entry_unchecked(ix).value)
}

/// Whether the collector may need to see `o` (CPython's `_PyObject_GC_MAY_BE_TRACKED`).
#[inline]
pub(crate) unsafe fn may_be_tracked(o: *mut PyObject) -> bool {
    PyObject_IS_GC(o) != 0 && (!tuple::is_exact(o) || PyObject_GC_IsTracked(o) != 0)
}

#[inline]
unsafe fn maintain_tracking(d: *mut PyObject, key: *mut PyObject, value: *mut PyObject) {
    if PyObject_GC_IsTracked(d) == 0 && (may_be_tracked(key) || may_be_tracked(value)) {
        PyObject_GC_Track(d as *mut c_void);
    }
}

/// `d[key] = value` with a known hash; both references are taken as new.
///
/// # Safety
/// `d` is a live dict, `key` and `value` live objects.
pub(crate) unsafe fn set_item_known_hash(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t, value: *mut PyObject) -> PyResult<()> {
    let dict = d as *mut PyDictObject;
    if let Some((_, ix)) = lookup(d, key, hash)? {
        // Replace the value; the old one goes last, as its destructor may run any code.
        let e = (*table_ptr(d)).entry_unchecked(ix);
        let old = core::mem::replace(&mut e.value, new_ref(value).into_ptr());
        maintain_tracking(d, key, value);
        (*dict).ma_version_tag = next_version();
        drop(PyRef::from_owned(old));
        return Ok(());
    }
    insert_absent(d, key, hash, value)
}

/// Adds `key: value` for a key just looked up and not found (no comparison made again);
/// both references are taken as new.
unsafe fn insert_absent(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t, value: *mut PyObject) -> PyResult<()> {
    let dict = d as *mut PyDictObject;
    if table_ptr(d).is_null() {
        (*dict).ma_keys = new_table(MIN_SIZE)?;
    } else if (*table_ptr(d)).usable == 0 {
        resize(d, size_for((*dict).ma_used as usize * 3))?;
    }
    let t = &mut *table_ptr(d);
    t.push(hash, new_ref(key).into_ptr(), new_ref(value).into_ptr());
    maintain_tracking(d, key, value);
    (*dict).ma_used += 1;
    (*dict).ma_version_tag = next_version();
    Ok(())
}

/// `d[key] = value`; both references are taken as new (`PyDict_SetItem`).
///
/// # Safety
/// `d` is a live dict, `key` and `value` live objects.
pub(crate) unsafe fn set_item(d: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    let hash = hash_of(key)?;
    set_item_known_hash(d, key, hash, value)
}

/// Removes the entry at (`slot`, `ix`) and returns its key and value (owned).
unsafe fn remove_entry(d: *mut PyObject, slot: usize, ix: usize) -> (PyRef, PyRef) {
    let t = &mut *table_ptr(d);
    t.set_index(slot, DUMMY);
    let e = t.entry_unchecked(ix);
    let k = core::mem::replace(&mut e.key, core::ptr::null_mut());
    let v = core::mem::replace(&mut e.value, core::ptr::null_mut());
    let dict = d as *mut PyDictObject;
    (*dict).ma_used -= 1;
    (*dict).ma_version_tag = next_version();
    (PyRef::from_owned(k).unwrap_unchecked(), PyRef::from_owned(v).unwrap_unchecked())
}

/// Removes `key` and returns its value, or `None` when absent.
///
/// # Safety
/// `d` is a live dict, `key` a live object.
pub(crate) unsafe fn pop_known_hash(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<Option<PyRef>> {
    let Some((slot, ix)) = lookup(d, key, hash)? else { return Ok(None) };
    let (_k, v) = remove_entry(d, slot, ix);
    Ok(Some(v))
}

/// `del d[key]`: `Ok(false)` when the key is absent (the caller decides on KeyError).
///
/// # Safety
/// `d` is a live dict, `key` a live object.
pub(crate) unsafe fn del_item(d: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    let hash = hash_of(key)?;
    Ok(pop_known_hash(d, key, hash)?.is_some())
}

/// Rebuilds the table with `size` slots for the live entries, in order.
unsafe fn resize(d: *mut PyObject, size: usize) -> PyResult<()> {
    let dict = d as *mut PyDictObject;
    let old = (*dict).ma_keys as *mut KeyTable;
    let t = new_table(size)? as *mut KeyTable;
    for e in (*old).entries().iter().filter(|e| !e.key.is_null()) {
        (*t).push(e.hash, e.key, e.value);
    }
    (*dict).ma_keys = t as *mut PyDictKeysObject;
    KeyTable::free(old);
    Ok(())
}

/// The items in insertion order, borrowed (valid until the dict changes).
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn items(d: *mut PyObject) -> Vec<(*mut PyObject, *mut PyObject)> {
    match table(d) {
        Some(t) => t.entries().iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value)).collect(),
        None => Vec::new(),
    }
}

/// The entry at position `*pos` or after it (`PyDict_Next`): key, value (borrowed) and
/// hash, with `*pos` moved past it.
///
/// # Safety
/// `d` is a live dict.
#[inline]
pub(crate) unsafe fn next_entry(d: *mut PyObject, pos: &mut usize) -> Option<(*mut PyObject, *mut PyObject, Py_hash_t)> {
    let t = table(d)?;
    while *pos < t.nentries() {
        let e = t.entry_unchecked(*pos);
        *pos += 1;
        if !e.key.is_null() {
            return Some((e.key, e.value, e.hash));
        }
    }
    None
}

/// The live entry at the highest position up to `*pos`, walking down (reverse iteration);
/// `*pos` is left one below it (-1 when there is no more).
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn prev_entry(d: *mut PyObject, pos: &mut isize) -> Option<(*mut PyObject, *mut PyObject, Py_hash_t)> {
    let t = table(d)?;
    *pos = (*pos).min(t.nentries() as isize - 1);
    while *pos >= 0 {
        let e = t.entry_unchecked(*pos as usize);
        *pos -= 1;
        if !e.key.is_null() {
            return Some((e.key, e.value, e.hash));
        }
    }
    None
}

/// The table's slot count and whether every live key is an exact str (`None`: no table,
/// as an empty dict shares CPython's static empty keys), for `dict_sizeof.rs`.
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn table_shape(d: *mut PyObject) -> Option<(usize, bool)> {
    let t = table(d)?;
    let str_keys = t.entries().iter().all(|e| e.key.is_null() || is_exact_str(e.key));
    Some((t.mask() + 1, str_keys))
}

/// The number of entry positions (live and deleted) of the table.
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn positions(d: *mut PyObject) -> usize {
    table(d).map_or(0, |t| t.nentries())
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
    let t = keys as *mut KeyTable;
    for e in (*t).entries().iter().filter(|e| !e.key.is_null()) {
        drop(PyRef::from_owned(e.key));
        drop(PyRef::from_owned(e.value));
    }
    KeyTable::free(t);
}

/// A shallow copy (`PyDict_Copy`): a dense table is cloned as it is (same positions, as
/// CPython), a sparse one is rebuilt compactly.
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn copy(d: *mut PyObject) -> PyResult<PyRef> {
    let c = new()?;
    let Some(t) = table(d) else { return Ok(c) };
    let used = len(d);
    if used == 0 {
        return Ok(c);
    }
    let cp = c.as_ptr();
    if used >= t.nentries() * 2 / 3 {
        let clone = KeyTable::clone_block(t);
        if clone.is_null() {
            return Err(no_memory());
        }
        for e in (*clone).entries().iter().filter(|e| !e.key.is_null()) {
            core::mem::forget(new_ref(e.key));
            core::mem::forget(new_ref(e.value));
        }
        (*(cp as *mut PyDictObject)).ma_keys = clone as *mut PyDictKeysObject;
        (*(cp as *mut PyDictObject)).ma_used = used as isize;
        if PyObject_GC_IsTracked(d) != 0 {
            PyObject_GC_Track(cp as *mut c_void);
        }
        return Ok(c);
    }
    merge(cp, d, 1)?;
    Ok(c)
}

/// `a.update(b)` for a dict `b` (`override_` 1), or adding only missing keys (0), or
/// KeyError on a duplicate key (2) (`PyDict_Merge`, `_PyDict_MergeEx`).
///
/// # Safety
/// `a` is a live dict, `b` a live object.
pub(crate) unsafe fn merge(a: *mut PyObject, b: *mut PyObject, override_: c_int) -> PyResult<()> {
    // A dict subclass that iterates its own way (OrderedDict) merges through keys(), as in
    // CPython.
    let plain_dict = is_dict(b)
        && (*(*b).ob_type).tp_iter.map(|f| f as usize) == Some(crate::objects::dict_views::dict_iter as *const () as usize);
    if a == b || !plain_dict {
        if a == b {
            return Ok(());
        }
        // Another mapping: its keys(), then b[key] for each.
        let keys = crate::abstract_::mapping::method_list(b, "keys")?;
        let mut i = 0;
        while i < list::len(keys.as_ptr()) {
            let k = new_ref(list::items(keys.as_ptr())[i]);
            i += 1;
            if override_ != 1 && get_item(a, k.as_ptr())?.is_some() {
                if override_ == 2 {
                    return Err(set_key_error(k.as_ptr()));
                }
                continue;
            }
            let v = crate::abstract_::item::get_item(b, k.as_ptr())?;
            set_item(a, k.as_ptr(), v.as_ptr())?;
        }
        return Ok(());
    }
    let other_used = len(b);
    if other_used == 0 {
        return Ok(());
    }
    // Presize, as CPython does, when the target could not hold the other's items.
    let needed = len(a) + other_used;
    if table(a).map_or(0, |t| t.usable + len(a)) < other_used {
        if table_ptr(a).is_null() {
            (*(a as *mut PyDictObject)).ma_keys = new_table(size_for_items(needed))?;
        } else {
            resize(a, size_for_items(needed))?;
        }
    }
    // Hold b: setting items can run code (comparisons, destructors) that changes it.
    let _hold = new_ref(b);
    let mut pos = 0;
    let positions_at_start = positions(b);
    while let Some((k, v, h)) = next_entry(b, &mut pos) {
        let (k, v) = (new_ref(k), new_ref(v));
        match override_ {
            1 => set_item_known_hash(a, k.as_ptr(), h, v.as_ptr())?,
            _ => {
                if lookup(a, k.as_ptr(), h)?.is_none() {
                    set_item_known_hash(a, k.as_ptr(), h, v.as_ptr())?;
                } else if override_ == 2 {
                    return Err(set_key_error(k.as_ptr()));
                }
            }
        }
        if len(b) != other_used || positions(b) != positions_at_start {
            return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "dict mutated during update"));
        }
    }
    Ok(())
}

/// `d.update(seq2)` from an iterable of key/value pairs (`PyDict_MergeFromSeq2`).
///
/// # Safety
/// `d` is a live dict, `seq2` a live object.
pub(crate) unsafe fn merge_from_seq2(d: *mut PyObject, seq2: *mut PyObject, override_: bool) -> PyResult<()> {
    let it = crate::abstract_::iter::get_iter(seq2)?;
    let mut i = 0usize;
    while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
        let fast = match crate::abstract_::sequence::fast(item.as_ptr(), "") {
            Ok(f) => f,
            Err(e) => {
                if pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 {
                    pyerr::PyErr_Clear();
                    return Err(type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")));
                }
                return Err(e);
            }
        };
        let pair = crate::abstract_::sequence::fast_items(fast.as_ptr());
        if pair.len() != 2 {
            return Err(raise_type(
                &raw mut exc::_PyExc_ValueError,
                format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()),
            ));
        }
        let (k, v) = (new_ref(pair[0]), new_ref(pair[1]));
        if override_ {
            set_item(d, k.as_ptr(), v.as_ptr())?;
        } else if get_item(d, k.as_ptr())?.is_none() {
            set_item(d, k.as_ptr(), v.as_ptr())?;
        }
        i += 1;
    }
    Ok(())
}

/// `d.setdefault(key, default)`: the value, borrowed.
///
/// # Safety
/// `d` is a live dict, `key` and `default` live objects.
pub(crate) unsafe fn set_default(d: *mut PyObject, key: *mut PyObject, default: *mut PyObject) -> PyResult<*mut PyObject> {
    let hash = hash_of(key)?;
    if let Some(v) = get_item_known_hash(d, key, hash)? {
        return Ok(v);
    }
    // One lookup only: `__eq__` runs once, as in CPython (bpo-13521).
    insert_absent(d, key, hash, default)?;
    Ok(default)
}

/// `d.popitem()`: the last item, removed; KeyError when empty.
///
/// # Safety
/// `d` is a live dict.
pub(crate) unsafe fn pop_item(d: *mut PyObject) -> PyResult<(PyRef, PyRef)> {
    if len(d) == 0 {
        return Err(set_key_error_message("popitem(): dictionary is empty"));
    }
    let t = &mut *table_ptr(d);
    let ix = t.entries().iter().rposition(|e| !e.key.is_null()).unwrap_or(0);
    let slot = t.slot_of_entry(t.entry_unchecked(ix).hash, ix);
    let r = remove_entry(d, slot, ix);
    // As CPython, the positions after the last live entry are reused.
    let t = &mut *table_ptr(d);
    t.truncate(ix);
    Ok(r)
}

/// Raises KeyError(key) (CPython's `_PyErr_SetKeyError`: the value is the 1-tuple, so a
/// tuple key is not taken for the arguments).
///
/// # Safety
/// `key` is a live object.
pub(crate) unsafe fn set_key_error(key: *mut PyObject) -> Raised {
    match tuple::from_ptrs(&[key]) {
        Ok(t) => {
            pyerr::PyErr_SetObject(&raw mut exc::_PyExc_KeyError as *mut PyObject, t.as_ptr());
            Raised::assume_set()
        }
        Err(e) => e,
    }
}

fn set_key_error_message(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_KeyError, message)
}

// ---- C-API ------------------------------------------------------------------------------------

unsafe fn check_dict(op: *mut PyObject) -> PyResult<()> {
    if op.is_null() || !is_dict(op) {
        return Err(bad_internal_call());
    }
    Ok(())
}

/// A str key from a C string (`PyUnicode_FromString`).
unsafe fn str_key(key: *const c_char) -> PyResult<PyRef> {
    if key.is_null() {
        return Err(bad_internal_call());
    }
    PyRef::from_owned(pystr::PyUnicode_FromString(key)).ok_or_else(Raised::assume_set)
}

/// `PyObject *PyDict_New(void)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_New() -> *mut PyObject {
    ret_obj(new())
}

/// `PyObject *_PyDict_NewPresized(Py_ssize_t minused)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_NewPresized(minused: Py_ssize_t) -> *mut PyObject {
    ret_obj(new_presized(minused.max(0) as usize))
}

/// `PyObject *PyDict_GetItem(PyObject *p, PyObject *key)`: borrowed, or NULL; every error
/// (unhashable key, failing comparison) is swallowed and an exception already set is kept.
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItem(d: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if d.is_null() || key.is_null() || !is_dict(d) {
        return core::ptr::null_mut();
    }
    let hash = if is_exact_str(key) {
        pystr::hash(key)
    } else {
        match crate::abstract_::object::hash(key) {
            Ok(h) => h,
            Err(_) => {
                pyerr::PyErr_Clear();
                return core::ptr::null_mut();
            }
        }
    };
    // Keep the current exception across the lookup, which may raise and clear its own.
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let r = get_item_known_hash(d, key, hash);
    if r.is_err() {
        pyerr::PyErr_Clear();
    }
    pyerr::PyErr_Restore(t, v, tb);
    r.ok().flatten().unwrap_or(core::ptr::null_mut())
}

/// `PyObject *PyDict_GetItemWithError(PyObject *p, PyObject *key)`: borrowed; NULL without
/// an exception when absent.
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemWithError(d: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if check_dict(d).is_err() || key.is_null() {
        if key.is_null() {
            let _ = bad_internal_call();
        }
        return core::ptr::null_mut();
    }
    get_item(d, key).ok().flatten().unwrap_or(core::ptr::null_mut())
}

/// `PyObject *_PyDict_GetItemWithError(PyObject *dp, PyObject *key)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_GetItemWithError(d: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    PyDict_GetItemWithError(d, key)
}

/// `PyObject *_PyDict_GetItem_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_GetItem_KnownHash(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> *mut PyObject {
    if check_dict(d).is_err() || key.is_null() {
        return core::ptr::null_mut();
    }
    get_item_known_hash(d, key, hash).ok().flatten().unwrap_or(core::ptr::null_mut())
}

/// `PyObject *PyDict_GetItemString(PyObject *p, const char *key)`: as `PyDict_GetItem`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemString(d: *mut PyObject, key: *const c_char) -> *mut PyObject {
    // An ASCII name is looked up without making a str (only str keys can equal it).
    if !key.is_null() && !d.is_null() && is_dict(d) {
        if let Ok(name) = core::ffi::CStr::from_ptr(key).to_str() {
            if name.is_ascii() {
                return get_item_str(d, name).ok().flatten().unwrap_or(core::ptr::null_mut());
            }
        }
    }
    let Ok(k) = str_key(key) else {
        pyerr::PyErr_Clear();
        return core::ptr::null_mut();
    };
    PyDict_GetItem(d, k.as_ptr())
}

/// `PyObject *_PyDict_GetItemStringWithError(PyObject *v, const char *key)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_GetItemStringWithError(d: *mut PyObject, key: *const c_char) -> *mut PyObject {
    match str_key(key) {
        Ok(k) => PyDict_GetItemWithError(d, k.as_ptr()),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `int PyDict_SetItem(PyObject *p, PyObject *key, PyObject *val)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItem(d: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> c_int {
    if d.is_null() || key.is_null() || value.is_null() || !is_dict(d) {
        let _ = bad_internal_call();
        return -1;
    }
    set_item(d, key, value).map_or(-1, |()| 0)
}

/// `int _PyDict_SetItem_KnownHash(PyObject *mp, PyObject *key, PyObject *item, Py_hash_t hash)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_SetItem_KnownHash(d: *mut PyObject, key: *mut PyObject, value: *mut PyObject, hash: Py_hash_t) -> c_int {
    if d.is_null() || key.is_null() || value.is_null() || !is_dict(d) {
        let _ = bad_internal_call();
        return -1;
    }
    set_item_known_hash(d, key, hash, value).map_or(-1, |()| 0)
}

/// `int PyDict_SetItemString(PyObject *p, const char *key, PyObject *val)`: the key is
/// interned, as in CPython.
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItemString(d: *mut PyObject, key: *const c_char, value: *mut PyObject) -> c_int {
    let Ok(k) = str_key(key) else { return -1 };
    let mut kp = k.into_ptr();
    pystr::PyUnicode_InternInPlace(&mut kp);
    let r = PyDict_SetItem(d, kp, value);
    drop(PyRef::from_owned(kp));
    r
}

unsafe fn del_or_key_error(d: *mut PyObject, key: *mut PyObject, hash: PyResult<Py_hash_t>) -> c_int {
    let r = hash.and_then(|h| pop_known_hash(d, key, h));
    match r {
        Ok(Some(_)) => 0,
        Ok(None) => {
            let _ = set_key_error(key);
            -1
        }
        Err(_) => -1,
    }
}

/// `int PyDict_DelItem(PyObject *p, PyObject *key)`: KeyError when absent.
#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItem(d: *mut PyObject, key: *mut PyObject) -> c_int {
    if check_dict(d).is_err() || key.is_null() {
        if key.is_null() {
            let _ = bad_internal_call();
        }
        return -1;
    }
    del_or_key_error(d, key, hash_of(key))
}

/// `int _PyDict_DelItem_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_DelItem_KnownHash(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> c_int {
    if check_dict(d).is_err() || key.is_null() {
        return -1;
    }
    del_or_key_error(d, key, Ok(hash))
}

/// `int PyDict_DelItemString(PyObject *p, const char *key)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItemString(d: *mut PyObject, key: *const c_char) -> c_int {
    match str_key(key) {
        Ok(k) => PyDict_DelItem(d, k.as_ptr()),
        Err(_) => -1,
    }
}

/// `void PyDict_Clear(PyObject *p)`: ignores a non-dict.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Clear(d: *mut PyObject) {
    if !d.is_null() && is_dict(d) {
        clear(d);
    }
}

/// `int PyDict_Next(PyObject *p, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)`:
/// borrowed key and value of the entry at or after `*ppos`; 0 at the end.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Next(d: *mut PyObject, ppos: *mut Py_ssize_t, pkey: *mut *mut PyObject, pvalue: *mut *mut PyObject) -> c_int {
    _PyDict_Next(d, ppos, pkey, pvalue, core::ptr::null_mut())
}

/// `int _PyDict_Next(PyObject *mp, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue, Py_hash_t *phash)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_Next(
    d: *mut PyObject,
    ppos: *mut Py_ssize_t,
    pkey: *mut *mut PyObject,
    pvalue: *mut *mut PyObject,
    phash: *mut Py_hash_t,
) -> c_int {
    if d.is_null() || ppos.is_null() || !is_dict(d) || *ppos < 0 {
        return 0;
    }
    let mut pos = *ppos as usize;
    let Some((k, v, h)) = next_entry(d, &mut pos) else { return 0 };
    *ppos = pos as Py_ssize_t;
    if !pkey.is_null() {
        *pkey = k;
    }
    if !pvalue.is_null() {
        *pvalue = v;
    }
    if !phash.is_null() {
        *phash = h;
    }
    1
}

/// A new list of the keys, values or items (`which` 0, 1, 2).
unsafe fn listing(d: *mut PyObject, which: u8) -> PyResult<PyRef> {
    let n = len(d);
    let l = list::new(n)?;
    let dst = (*(l.as_ptr() as *mut list::PyListObject)).ob_item;
    let mut pos = 0;
    let mut i = 0;
    while let Some((k, v, _)) = next_entry(d, &mut pos) {
        let o = match which {
            0 => new_ref(k),
            1 => new_ref(v),
            _ => tuple::from_ptrs(&[k, v])?,
        };
        *dst.add(i) = o.into_ptr();
        i += 1;
    }
    Ok(l)
}

/// `PyObject *PyDict_Keys(PyObject *p)`: a new list.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Keys(d: *mut PyObject) -> *mut PyObject {
    ret_obj(check_dict(d).and_then(|()| listing(d, 0)))
}

/// `PyObject *PyDict_Values(PyObject *p)`: a new list.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Values(d: *mut PyObject) -> *mut PyObject {
    ret_obj(check_dict(d).and_then(|()| listing(d, 1)))
}

/// `PyObject *PyDict_Items(PyObject *p)`: a new list of (key, value) tuples.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Items(d: *mut PyObject) -> *mut PyObject {
    ret_obj(check_dict(d).and_then(|()| listing(d, 2)))
}

/// `Py_ssize_t PyDict_Size(PyObject *p)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Size(d: *mut PyObject) -> Py_ssize_t {
    match check_dict(d) {
        Ok(()) => len(d) as Py_ssize_t,
        Err(_) => -1,
    }
}

/// `PyObject *PyDict_Copy(PyObject *p)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Copy(d: *mut PyObject) -> *mut PyObject {
    ret_obj(check_dict(d).and_then(|()| copy(d)))
}

/// `int PyDict_Contains(PyObject *p, PyObject *key)`: 1, 0, or -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Contains(d: *mut PyObject, key: *mut PyObject) -> c_int {
    if check_dict(d).is_err() || key.is_null() {
        return -1;
    }
    match get_item(d, key) {
        Ok(v) => v.is_some() as c_int,
        Err(_) => -1,
    }
}

/// `int _PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_Contains_KnownHash(d: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> c_int {
    if check_dict(d).is_err() || key.is_null() {
        return -1;
    }
    match get_item_known_hash(d, key, hash) {
        Ok(v) => v.is_some() as c_int,
        Err(_) => -1,
    }
}

/// `int PyDict_Update(PyObject *a, PyObject *b)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Update(a: *mut PyObject, b: *mut PyObject) -> c_int {
    PyDict_Merge(a, b, 1)
}

/// `int PyDict_Merge(PyObject *a, PyObject *b, int override)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Merge(a: *mut PyObject, b: *mut PyObject, override_: c_int) -> c_int {
    if a.is_null() || b.is_null() || !is_dict(a) {
        let _ = bad_internal_call();
        return -1;
    }
    merge(a, b, (override_ != 0) as c_int).map_or(-1, |()| 0)
}

/// `int _PyDict_MergeEx(PyObject *a, PyObject *b, int override)`: 2 raises KeyError for a
/// key already in `a`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_MergeEx(a: *mut PyObject, b: *mut PyObject, override_: c_int) -> c_int {
    if a.is_null() || b.is_null() || !is_dict(a) {
        let _ = bad_internal_call();
        return -1;
    }
    merge(a, b, override_.clamp(0, 2)).map_or(-1, |()| 0)
}

/// `int PyDict_MergeFromSeq2(PyObject *a, PyObject *seq2, int override)`.
#[no_mangle]
pub unsafe extern "C" fn PyDict_MergeFromSeq2(d: *mut PyObject, seq2: *mut PyObject, override_: c_int) -> c_int {
    if d.is_null() || seq2.is_null() || !is_dict(d) {
        let _ = bad_internal_call();
        return -1;
    }
    merge_from_seq2(d, seq2, override_ != 0).map_or(-1, |()| 0)
}

/// `PyObject *PyDict_SetDefault(PyObject *p, PyObject *key, PyObject *defaultobj)`: borrowed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetDefault(d: *mut PyObject, key: *mut PyObject, default: *mut PyObject) -> *mut PyObject {
    if check_dict(d).is_err() || key.is_null() || default.is_null() {
        if !d.is_null() && is_dict(d) {
            let _ = bad_internal_call();
        }
        return core::ptr::null_mut();
    }
    set_default(d, key, default).unwrap_or(core::ptr::null_mut())
}

/// `PyObject *_PyDict_Pop(PyObject *dict, PyObject *key, PyObject *deflt)`: the removed
/// value; `deflt` (new reference) when absent, or KeyError without one.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_Pop(d: *mut PyObject, key: *mut PyObject, deflt: *mut PyObject) -> *mut PyObject {
    if check_dict(d).is_err() || key.is_null() {
        return core::ptr::null_mut();
    }
    ret_obj(pop(d, key, deflt))
}

/// `d.pop(key[, default])`.
///
/// # Safety
/// `d` is a live dict, `key` live, `deflt` NULL or live.
pub(crate) unsafe fn pop(d: *mut PyObject, key: *mut PyObject, deflt: *mut PyObject) -> PyResult<PyRef> {
    if len(d) == 0 {
        if !deflt.is_null() {
            return Ok(new_ref(deflt));
        }
        return Err(set_key_error(key));
    }
    let hash = hash_of(key)?;
    match pop_known_hash(d, key, hash)? {
        Some(v) => Ok(v),
        None if !deflt.is_null() => Ok(new_ref(deflt)),
        None => Err(set_key_error(key)),
    }
}

/// `int _PyDict_HasOnlyStringKeys(PyObject *mp)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_HasOnlyStringKeys(d: *mut PyObject) -> c_int {
    if d.is_null() || !is_dict(d) {
        return 0;
    }
    items(d).iter().all(|&(k, _)| pystr::is_str(k)) as c_int
}

/// `void _PyDict_MaybeUntrack(PyObject *op)`: untracks a dict that holds nothing the
/// collector needs to see.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_MaybeUntrack(d: *mut PyObject) {
    if d.is_null() || !is_dict(d) || PyObject_GC_IsTracked(d) == 0 {
        return;
    }
    if items(d).iter().all(|&(k, v)| !may_be_tracked(k) && !may_be_tracked(v)) {
        PyObject_GC_UnTrack(d as *mut c_void);
    }
}

// ---- Slots ------------------------------------------------------------------------------------

unsafe extern "C" fn dict_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::gc::trashcan::with_trashcan(op, dict_dealloc, || {
        clear(op);
        match (*(*op).ob_type).tp_free {
            Some(free) => free(op as *mut c_void),
            None => temp_alloc::free_gc_object(op as *mut c_void),
        }
    });
}

unsafe extern "C" fn dict_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    each_referent(op, &mut |o| visit(o, arg))
}

/// What `tp_traverse` visits of the dict `op`, in its order, given to `f` (stops at the
/// first non-zero result): the collector calls this directly for exact dicts, with its
/// visit inlined.
///
/// # Safety
/// `op` is a live dict.
#[inline(always)]
pub(crate) unsafe fn each_referent(op: *mut PyObject, f: &mut impl FnMut(*mut PyObject) -> c_int) -> c_int {
    // As CPython: value then key; a dict whose keys are all str (never GC objects) reports
    // its values only. The entries are walked in place: every collection traverses every
    // module and class dict, and a copy of the entries cost more than the visits.
    let Some(t) = table(op) else { return 0 };
    let live = || t.entries().iter().filter(|e| !e.key.is_null());
    let str_keys = live().all(|e| (*e.key).ob_type == &raw mut crate::objects::str::PyUnicode_Type);
    for e in live() {
        let r = f(e.value);
        if r != 0 {
            return r;
        }
        if !str_keys {
            let r = f(e.key);
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

unsafe extern "C" fn dict_length(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

/// `d[key]` for a dict or subclass (also its `__getitem__` method): the stored value, else
/// the subclass's `__missing__(key)`, else KeyError. Never dispatches through the type's
/// slot, which a subclass may have pointed at its own `__getitem__`.
pub(crate) unsafe extern "C" fn dict_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    match get_item(op, key) {
        Ok(Some(v)) => new_ref(v).into_ptr(),
        Ok(None) => {
            // A subclass may define `__missing__(key)`.
            if !is_exact(op) {
                match crate::abstract_::object::lookup_special(op, "__missing__") {
                    Ok(Some(missing)) => return crate::abstract_::call::PyObject_CallOneArg(missing.as_ptr(), key),
                    Ok(None) => {}
                    Err(_) => return core::ptr::null_mut(),
                }
            }
            let _ = set_key_error(key);
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn dict_ass_subscript(op: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> c_int {
    if value.is_null() {
        return del_or_key_error(op, key, hash_of(key));
    }
    set_item(op, key, value).map_or(-1, |()| 0)
}

unsafe extern "C" fn dict_sq_contains(op: *mut PyObject, key: *mut PyObject) -> c_int {
    match get_item(op, key) {
        Ok(v) => v.is_some() as c_int,
        Err(_) => -1,
    }
}

unsafe extern "C" fn dict_repr(op: *mut PyObject) -> *mut PyObject {
    if len(op) == 0 {
        return ret_obj(pystr::from_utf8("{}"));
    }
    let _hold = new_ref(op);
    ret_obj(repr_guarded(op, "{...}", || {
        let mut out = crate::objects::str_repr::StrBuilder::with_capacity(2 + len(op) * 8);
        out.push('{' as u32);
        let mut pos = 0;
        let mut first = true;
        // Reprs may change the dict: each entry is held while its parts are repr'd.
        while let Some((k, v, _)) = next_entry(op, &mut pos) {
            let (k, v) = (new_ref(k), new_ref(v));
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_obj(crate::abstract_::object::repr(k.as_ptr())?.as_ptr());
            out.push_str(": ");
            out.push_obj(crate::abstract_::object::repr(v.as_ptr())?.as_ptr());
        }
        out.push('}' as u32);
        out.finish()
    }))
}

/// `a == b` for dicts: the same keys, with equal values.
unsafe fn dict_equal(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((k, v, h)) = next_entry(a, &mut pos) {
        let (k, v) = (new_ref(k), new_ref(v));
        let Some(bv) = get_item_known_hash(b, k.as_ptr(), h)? else { return Ok(false) };
        let bv = new_ref(bv);
        if !rich_compare_bool(v.as_ptr(), bv.as_ptr(), Py_EQ)? {
            return Ok(false);
        }
    }
    Ok(true)
}

unsafe extern "C" fn dict_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_dict(v) || !is_dict(w) || (op != Py_EQ && op != Py_NE) {
        return new_ref(not_implemented()).into_ptr();
    }
    let (_hv, _hw) = (new_ref(v), new_ref(w));
    match dict_equal(v, w) {
        Ok(eq) => bool_ref(eq == (op == Py_EQ)).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
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
