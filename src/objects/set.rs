//! `setentry` and `PySetObject` (CPython's cpython/setobject.h).
use crate::object::object::PyObject;
use crate::pyport::{Py_hash_t, Py_ssize_t};
use core::ffi::{c_int, c_ulong, c_void};

/// Slots of the table embedded in every set (small sets need no separate allocation).
#[cfg(not(Py_LIMITED_API))]
pub const PySet_MINSIZE: c_int = 8;

/// `setentry`: one hash-table slot (unused: key NULL; dummy: hash -1).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct setentry {
    pub key: *mut PyObject,
    pub hash: Py_hash_t,
}
assert_layout!(setentry, size = 16, key @ 0, hash @ 8);

/// `PySetObject`: open-addressing table of `mask + 1` slots, `fill` active+dummy, `used`
/// active; `hash` caches a frozenset's hash.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PySetObject {
    pub ob_base: PyObject,
    pub fill: Py_ssize_t,
    pub used: Py_ssize_t,
    pub mask: Py_ssize_t,
    pub table: *mut setentry,
    pub hash: Py_hash_t,
    pub finger: Py_ssize_t,
    pub smalltable: [setentry; PySet_MINSIZE as usize],
    pub weakreflist: *mut PyObject,
}
assert_layout!(PySetObject, size = 200, ob_base @ 0, fill @ 16, used @ 24, mask @ 32,
               table @ 40, hash @ 48, finger @ 56, smalltable @ 64, weakreflist @ 192);

// ---- The set and frozenset types -------------------------------------------------------------
// An open-addressing table of `mask + 1` `setentry`s (the embedded `smalltable` while it has
// 8 slots). A slot is unused (key NULL, hash 0), active, or a dummy left by a deletion (key
// DUMMY, hash -1). Probing looks at a short linear run of slots from `hash & mask` (cheap on
// the cache), then jumps (i = 5*i + 1 + perturb, perturb >>= 5) and repeats; the table grows
// (to 4x the items, 2x for big sets) once 3/5 of it is filled. These rules, and the order
// of re-insertion on resize, are CPython's, so iteration orders and reprs are the same.
//
// A frozenset's hash combines its elements' hashes by XOR after a bit shuffle, then mixes
// in the size, as CPython's, and is cached in `hash`.


use crate::abstract_::compare::{bool_ref, rich_compare_bool};
use crate::abstract_::object::{hash as object_hash, repr_guarded};
use crate::abstract_::{new_ref, not_implemented, ret_obj, type_name_of};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::{Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE};
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::pymem::{PyMem_Calloc, PyMem_Free};
use crate::object::slots::{visitproc, PyNumberMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, _Py_TPFLAGS_MATCH_SELF};
use crate::objects::dict;
use crate::objects::str as pystr;

/// The slots of a linear run before the probe jumps.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// The key of a dummy slot (CPython's `_PySet_Dummy`): a private object that never equals
/// anything.
static mut DUMMY_OBJECT: PyObject = PyObject { ob_refcnt: 1, ob_type: core::ptr::null_mut() };

#[inline]
fn dummy() -> *mut PyObject {
    &raw mut DUMMY_OBJECT
}

static mut SET_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(set_len),
    sq_concat: None,
    sq_repeat: None,
    sq_item: None,
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(set_sq_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

const fn number_methods(inplace: bool) -> PyNumberMethods {
    // SAFETY: every field of the suite is an Option of a function pointer or a raw pointer.
    let mut n: PyNumberMethods = unsafe { core::mem::zeroed() };
    n.nb_subtract = Some(set_sub);
    n.nb_and = Some(set_and);
    n.nb_xor = Some(set_xor);
    n.nb_or = Some(set_or);
    if inplace {
        n.nb_inplace_subtract = Some(set_isub);
        n.nb_inplace_and = Some(set_iand);
        n.nb_inplace_xor = Some(set_ixor);
        n.nb_inplace_or = Some(set_ior);
    }
    n
}

static mut SET_AS_NUMBER: PyNumberMethods = number_methods(true);
static mut FROZENSET_AS_NUMBER: PyNumberMethods = number_methods(false);

/// `PySet_Type`: `set`.
#[no_mangle]
pub static mut PySet_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(set_dealloc),
    tp_repr: Some(set_repr),
    tp_as_number: &raw mut SET_AS_NUMBER,
    tp_as_sequence: &raw mut SET_AS_SEQUENCE,
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_traverse: Some(set_traverse),
    tp_clear: Some(set_tp_clear),
    tp_richcompare: Some(set_richcompare),
    tp_weaklistoffset: core::mem::offset_of!(PySetObject, weakreflist) as isize,
    tp_iter: Some(set_iter),
    tp_methods: &raw mut crate::objects::set_methods::SET_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_init: Some(crate::objects::container_new::set_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::objects::container_new::set_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"set",
        core::mem::size_of::<PySetObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF as c_ulong,
        Some(c"set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements."),
    )
};

/// `PyFrozenSet_Type`: `frozenset`.
#[no_mangle]
pub static mut PyFrozenSet_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(set_dealloc),
    tp_repr: Some(set_repr),
    tp_as_number: &raw mut FROZENSET_AS_NUMBER,
    tp_as_sequence: &raw mut SET_AS_SEQUENCE,
    tp_hash: Some(frozenset_hash),
    tp_traverse: Some(set_traverse),
    tp_clear: Some(set_tp_clear),
    tp_richcompare: Some(set_richcompare),
    tp_weaklistoffset: core::mem::offset_of!(PySetObject, weakreflist) as isize,
    tp_iter: Some(set_iter),
    tp_methods: &raw mut crate::objects::set_methods::FROZENSET_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::objects::container_new::frozenset_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"frozenset",
        core::mem::size_of::<PySetObject>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF as c_ulong,
        Some(c"frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements."),
    )
};

#[inline]
pub(crate) unsafe fn so(op: *mut PyObject) -> *mut PySetObject {
    op as *mut PySetObject
}

/// `PyAnySet_Check`: a set, a frozenset, or an instance of a subclass of either.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn is_any_set(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == &raw mut PySet_Type
        || tp == &raw mut PyFrozenSet_Type
        || crate::object::typetype::is_subtype(tp, &raw mut PySet_Type)
        || crate::object::typetype::is_subtype(tp, &raw mut PyFrozenSet_Type)
}

/// `PySet_Check`: a set or an instance of a subclass (not a frozenset).
pub(crate) unsafe fn is_set(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == &raw mut PySet_Type || crate::object::typetype::is_subtype(tp, &raw mut PySet_Type)
}

pub(crate) unsafe fn is_frozenset(op: *mut PyObject) -> bool {
    let tp = (*op).ob_type;
    tp == &raw mut PyFrozenSet_Type || crate::object::typetype::is_subtype(tp, &raw mut PyFrozenSet_Type)
}

/// The number of elements.
///
/// # Safety
/// `op` is a live set or frozenset.
#[inline]
pub(crate) unsafe fn len(op: *mut PyObject) -> usize {
    (*so(op)).used as usize
}

#[inline]
unsafe fn slots<'a>(s: *mut PySetObject) -> &'a mut [setentry] {
    core::slice::from_raw_parts_mut((*s).table, (*s).mask as usize + 1)
}

/// A new empty set of type `tp` (set, frozenset or a subclass), GC-tracked.
pub(crate) unsafe fn new_empty(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let op = match (*tp).tp_alloc {
        Some(alloc) if tp != &raw mut PySet_Type && tp != &raw mut PyFrozenSet_Type => alloc(tp, 0),
        _ => temp_alloc::gc_new_var(tp, 0),
    };
    let op = PyRef::from_owned(op).ok_or_else(no_memory)?;
    let s = so(op.as_ptr());
    (*s).fill = 0;
    (*s).used = 0;
    (*s).mask = PySet_MINSIZE as Py_ssize_t - 1;
    (*s).smalltable = core::mem::zeroed();
    (*s).table = (*s).smalltable.as_mut_ptr();
    (*s).hash = -1;
    (*s).finger = 0;
    (*s).weakreflist = core::ptr::null_mut();
    if crate::object::objimpl::PyObject_GC_IsTracked(op.as_ptr()) == 0 {
        PyObject_GC_Track(op.as_ptr() as *mut c_void);
    }
    Ok(op)
}

/// A new set (`frozen`: frozenset) of the items of `iterable` (NULL: empty).
///
/// # Safety
/// `iterable` is NULL or a live object.
pub(crate) unsafe fn new(frozen: bool, iterable: *mut PyObject) -> PyResult<PyRef> {
    let tp = if frozen { &raw mut PyFrozenSet_Type } else { &raw mut PySet_Type };
    let s = new_empty(tp)?;
    if !iterable.is_null() {
        update(s.as_ptr(), iterable)?;
    }
    Ok(s)
}

#[inline]
unsafe fn is_exact_str(o: *mut PyObject) -> bool {
    (*o).ob_type == &raw mut pystr::PyUnicode_Type
}

#[inline]
unsafe fn key_hash(key: *mut PyObject) -> PyResult<Py_hash_t> {
    if is_exact_str(key) {
        return Ok(pystr::hash(key));
    }
    object_hash(key)
}

/// What a probe found.
pub(crate) enum Probe {
    /// The active slot holding an equal key.
    Found(usize),
    /// The key is absent: the first dummy seen on the way, else the unused slot that ended
    /// the probe.
    Absent { dummy: Option<usize>, unused: usize },
}

/// Looks `key` up, comparing keys of equal hash (any code may run: a table changed under
/// the comparison restarts the probe).
pub(crate) unsafe fn probe(s: *mut PySetObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<Probe> {
    'restart: loop {
        let mut mask = (*s).mask as usize;
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        let mut first_dummy = None;
        loop {
            let run = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + run {
                let table = (*s).table;
                let e = &*table.add(j);
                if e.key.is_null() {
                    return Ok(Probe::Absent { dummy: first_dummy, unused: j });
                }
                if e.hash == hash {
                    let startkey = e.key;
                    if startkey == key {
                        return Ok(Probe::Found(j));
                    }
                    if startkey == dummy() {
                        if first_dummy.is_none() {
                            first_dummy = Some(j);
                        }
                        continue;
                    }
                    if is_exact_str(startkey) && is_exact_str(key) {
                        if pystr::eq(startkey, key) {
                            return Ok(Probe::Found(j));
                        }
                        continue;
                    }
                    let hold = new_ref(startkey);
                    let equal = rich_compare_bool(startkey, key, Py_EQ);
                    drop(hold);
                    let equal = equal?;
                    // A table changed under the comparison invalidates slot `j` even when
                    // the keys compared equal.
                    if (*s).table != table || (*table.add(j)).key != startkey {
                        continue 'restart;
                    }
                    if equal {
                        return Ok(Probe::Found(j));
                    }
                    mask = (*s).mask as usize;
                } else if e.key == dummy() && first_dummy.is_none() {
                    first_dummy = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

/// Whether some key of hash `hash` satisfies `f`, looking only where a probe for that hash
/// looks. `f` must run no Python code (the table is read without restarts); callers use it
/// to find a key by identity without making a probe object.
pub(crate) unsafe fn any_with_hash(op: *mut PyObject, hash: Py_hash_t, mut f: impl FnMut(*mut PyObject) -> bool) -> bool {
    let s = so(op);
    let (mask, table) = ((*s).mask as usize, (*s).table);
    let mut i = (hash as usize) & mask;
    let mut perturb = hash as usize;
    loop {
        let run = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for j in i..=i + run {
            let e = &*table.add(j);
            if e.key.is_null() {
                return false;
            }
            if e.hash == hash && e.key != dummy() && f(e.key) {
                return true;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

/// Puts a key known to be absent into a table without dummies (resizing, copying).
unsafe fn insert_clean(table: *mut setentry, mask: usize, key: *mut PyObject, hash: Py_hash_t) {
    let mut i = (hash as usize) & mask;
    let mut perturb = hash as usize;
    loop {
        let run = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for j in i..=i + run {
            let e = &mut *table.add(j);
            if e.key.is_null() {
                e.key = key;
                e.hash = hash;
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

/// Rebuilds the table with the smallest power-of-two size above `minused` (at least 8).
unsafe fn resize(s: *mut PySetObject, minused: usize) -> PyResult<()> {
    let mut newsize = PySet_MINSIZE as usize;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old_table = (*s).table;
    let old_len = (*s).mask as usize + 1;
    let small = (*s).smalltable.as_mut_ptr();
    // Keep a copy of the old entries when the small table is the old or the new table.
    let old: Vec<setentry> = (0..old_len).map(|i| core::ptr::read(old_table.add(i))).collect();
    let new_table = if newsize == PySet_MINSIZE as usize {
        small
    } else {
        let t = PyMem_Calloc(newsize, core::mem::size_of::<setentry>()) as *mut setentry;
        if t.is_null() {
            return Err(no_memory());
        }
        t
    };
    if new_table == small {
        core::ptr::write_bytes(small, 0, PySet_MINSIZE as usize);
    }
    let mask = newsize - 1;
    for e in old.iter().filter(|e| !e.key.is_null() && e.key != dummy()) {
        insert_clean(new_table, mask, e.key, e.hash);
    }
    (*s).table = new_table;
    (*s).mask = mask as Py_ssize_t;
    (*s).fill = (*s).used;
    if old_table != small {
        PyMem_Free(old_table as *mut c_void);
    }
    Ok(())
}

/// Adds `key` (a new reference is taken when it is absent).
///
/// # Safety
/// `op` is a live set, `key` a live object.
pub(crate) unsafe fn add_known_hash(op: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<()> {
    let s = so(op);
    // Held across the comparisons, which may drop the caller's reference.
    let k = new_ref(key);
    match probe(s, key, hash)? {
        Probe::Found(_) => Ok(()),
        Probe::Absent { dummy: Some(slot), .. } => {
            let e = &mut *(*s).table.add(slot);
            e.key = k.into_ptr();
            e.hash = hash;
            (*s).used += 1;
            Ok(())
        }
        Probe::Absent { dummy: None, unused } => {
            let e = &mut *(*s).table.add(unused);
            e.key = k.into_ptr();
            e.hash = hash;
            (*s).used += 1;
            (*s).fill += 1;
            if (*s).fill as usize * 5 < (*s).mask as usize * 3 {
                return Ok(());
            }
            let used = (*s).used as usize;
            resize(s, if used > 50000 { used * 2 } else { used * 4 })
        }
    }
}

/// `s.add(key)`.
///
/// # Safety
/// `op` is a live set, `key` a live object.
pub(crate) unsafe fn add(op: *mut PyObject, key: *mut PyObject) -> PyResult<()> {
    add_known_hash(op, key, key_hash(key)?)
}

/// Whether `key` is an element.
///
/// # Safety
/// `op` is a live set, `key` a live object.
pub(crate) unsafe fn contains(op: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    let hash = key_hash(key)?;
    Ok(matches!(probe(so(op), key, hash)?, Probe::Found(_)))
}

/// Removes `key`: whether it was there.
///
/// # Safety
/// `op` is a live set, `key` a live object.
pub(crate) unsafe fn discard(op: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    discard_known_hash(op, key, key_hash(key)?)
}

/// `discard` with the key's hash already known (from a set or dict entry: not computed
/// again, as CPython's set operations).
pub(crate) unsafe fn discard_known_hash(op: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<bool> {
    let s = so(op);
    let Probe::Found(slot) = probe(s, key, hash)? else { return Ok(false) };
    let e = &mut *(*s).table.add(slot);
    let old = core::mem::replace(&mut e.key, dummy());
    e.hash = -1;
    (*s).used -= 1;
    drop(PyRef::from_owned(old));
    Ok(true)
}

/// The elements, borrowed, in table order.
///
/// # Safety
/// `op` is a live set.
pub(crate) unsafe fn elements(op: *mut PyObject) -> Vec<(*mut PyObject, Py_hash_t)> {
    slots(so(op)).iter().filter(|e| !e.key.is_null() && e.key != dummy()).map(|e| (e.key, e.hash)).collect()
}

/// The elements, owned, in table order: a snapshot for loops whose comparisons run code
/// that may mutate (even clear) the set while it is walked.
///
/// # Safety
/// `op` is a live set.
pub(crate) unsafe fn elements_owned(op: *mut PyObject) -> Vec<(PyRef, Py_hash_t)> {
    slots(so(op)).iter().filter(|e| !e.key.is_null() && e.key != dummy()).map(|e| (new_ref(e.key), e.hash)).collect()
}

/// Empties the set; the elements are released once it is empty.
///
/// # Safety
/// `op` is a live set.
pub(crate) unsafe fn clear(op: *mut PyObject) {
    let s = so(op);
    let old = elements(op);
    let old_table = (*s).table;
    let small = (*s).smalltable.as_mut_ptr();
    (*s).smalltable = core::mem::zeroed();
    (*s).table = small;
    (*s).mask = PySet_MINSIZE as Py_ssize_t - 1;
    (*s).fill = 0;
    (*s).used = 0;
    if old_table != small {
        PyMem_Free(old_table as *mut c_void);
    }
    for (k, _) in old {
        drop(PyRef::from_owned(k));
    }
}

/// Adds every element of `other` (`s |= other`, `set_update_internal`).
///
/// # Safety
/// `op` is a live set, `other` a live object.
pub(crate) unsafe fn update(op: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if is_any_set(other) {
        return merge(op, other);
    }
    if dict::is_exact(other) {
        let s = so(op);
        let n = dict::len(other);
        if ((*s).fill as usize + n) * 5 >= (*s).mask as usize * 3 {
            resize(s, ((*s).used as usize + n) * 2)?;
        }
        let mut pos = 0;
        while let Some((k, _, h)) = dict::next_entry(other, &mut pos) {
            add_known_hash(op, k, h)?;
        }
        return Ok(());
    }
    let it = crate::abstract_::iter::get_iter(other)?;
    while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
        add(op, x.as_ptr())?;
    }
    Ok(())
}

/// Adds the elements of set `other`.
pub(crate) unsafe fn merge(op: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    let (s, o) = (so(op), so(other));
    if op == other || (*o).used == 0 {
        return Ok(());
    }
    if ((*s).fill + (*o).used) * 5 >= (*s).mask * 3 {
        resize(s, ((*s).used + (*o).used) as usize * 2)?;
    }
    let items = elements(other);
    if (*s).fill == 0 && (*s).mask == (*o).mask && (*o).fill == (*o).used {
        // Same size, no dummies: the same slots.
        let (src, dst) = ((*o).table, (*s).table);
        for i in 0..=(*o).mask as usize {
            let e = &*src.add(i);
            if !e.key.is_null() {
                *dst.add(i) = setentry { key: new_ref(e.key).into_ptr(), hash: e.hash };
            }
        }
        (*s).fill = (*o).fill;
        (*s).used = (*o).used;
        return Ok(());
    }
    if (*s).fill == 0 {
        let mask = (*s).mask as usize;
        for &(k, h) in &items {
            insert_clean((*s).table, mask, new_ref(k).into_ptr(), h);
        }
        (*s).fill = items.len() as Py_ssize_t;
        (*s).used = items.len() as Py_ssize_t;
        return Ok(());
    }
    drop(items);
    for (k, h) in elements_owned(other) {
        add_known_hash(op, k.as_ptr(), h)?;
    }
    Ok(())
}

/// Removes and returns an arbitrary element, scanning on from the last pop.
pub(crate) unsafe fn pop(op: *mut PyObject) -> PyResult<PyRef> {
    let s = so(op);
    if (*s).used == 0 {
        return Err(raise_type(&raw mut exc::_PyExc_KeyError, "pop from an empty set"));
    }
    let mask = (*s).mask as usize;
    let mut i = (*s).finger as usize & mask;
    loop {
        let e = &*(*s).table.add(i);
        if !e.key.is_null() && e.key != dummy() {
            break;
        }
        i = if i == mask { 0 } else { i + 1 };
    }
    let e = &mut *(*s).table.add(i);
    let key = core::mem::replace(&mut e.key, dummy());
    e.hash = -1;
    (*s).used -= 1;
    (*s).finger = (i + 1) as Py_ssize_t;
    Ok(PyRef::from_owned(key).unwrap_unchecked())
}

/// A new set or frozenset (the base type of `like`'s) holding the same elements.
pub(crate) unsafe fn copy_as(like: *mut PyObject, src: *mut PyObject) -> PyResult<PyRef> {
    let r = new_empty(if is_frozenset(like) { &raw mut PyFrozenSet_Type } else { &raw mut PySet_Type })?;
    merge(r.as_ptr(), src)?;
    Ok(r)
}

/// Whether every element of `a` is in `b`.
pub(crate) unsafe fn is_subset(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    if len(a) > len(b) {
        return Ok(false);
    }
    let _hold = (new_ref(a), new_ref(b));
    for (k, h) in elements_owned(a) {
        if !matches!(probe(so(b), k.as_ptr(), h)?, Probe::Found(_)) {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---- C-API ------------------------------------------------------------------------------------

/// `PyObject *PySet_New(PyObject *iterable)`.
#[no_mangle]
pub unsafe extern "C" fn PySet_New(iterable: *mut PyObject) -> *mut PyObject {
    ret_obj(new(false, iterable))
}

/// `PyObject *PyFrozenSet_New(PyObject *iterable)`.
#[no_mangle]
pub unsafe extern "C" fn PyFrozenSet_New(iterable: *mut PyObject) -> *mut PyObject {
    ret_obj(new(true, iterable))
}

/// `Py_ssize_t PySet_Size(PyObject *anyset)`.
#[no_mangle]
pub unsafe extern "C" fn PySet_Size(anyset: *mut PyObject) -> Py_ssize_t {
    if anyset.is_null() || !is_any_set(anyset) {
        let _ = bad_internal_call();
        return -1;
    }
    len(anyset) as Py_ssize_t
}

/// `int PySet_Contains(PyObject *anyset, PyObject *key)`.
#[no_mangle]
pub unsafe extern "C" fn PySet_Contains(anyset: *mut PyObject, key: *mut PyObject) -> c_int {
    if anyset.is_null() || key.is_null() || !is_any_set(anyset) {
        let _ = bad_internal_call();
        return -1;
    }
    contains(anyset, key).map_or(-1, |b| b as c_int)
}

/// `int PySet_Add(PyObject *set, PyObject *key)`: also fills a frozenset nobody else holds.
#[no_mangle]
pub unsafe extern "C" fn PySet_Add(anyset: *mut PyObject, key: *mut PyObject) -> c_int {
    if anyset.is_null()
        || key.is_null()
        || !(is_set(anyset) || (is_frozenset(anyset) && (*anyset).ob_refcnt == 1))
    {
        let _ = bad_internal_call();
        return -1;
    }
    add(anyset, key).map_or(-1, |()| 0)
}

/// `int PySet_Discard(PyObject *set, PyObject *key)`: 1 when found and removed, 0 when
/// absent, -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PySet_Discard(set: *mut PyObject, key: *mut PyObject) -> c_int {
    if set.is_null() || key.is_null() || !is_set(set) {
        let _ = bad_internal_call();
        return -1;
    }
    discard(set, key).map_or(-1, |b| b as c_int)
}

/// `int PySet_Clear(PyObject *set)`.
#[no_mangle]
pub unsafe extern "C" fn PySet_Clear(set: *mut PyObject) -> c_int {
    if set.is_null() || !is_set(set) {
        let _ = bad_internal_call();
        return -1;
    }
    clear(set);
    0
}

/// `PyObject *PySet_Pop(PyObject *set)`.
#[no_mangle]
pub unsafe extern "C" fn PySet_Pop(set: *mut PyObject) -> *mut PyObject {
    if set.is_null() || !is_set(set) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(pop(set))
}

/// `int _PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySet_NextEntry(set: *mut PyObject, pos: *mut Py_ssize_t, key: *mut *mut PyObject, hash: *mut Py_hash_t) -> c_int {
    if set.is_null() || !is_any_set(set) {
        let _ = bad_internal_call();
        return -1;
    }
    let s = so(set);
    let mut i = (*pos).max(0) as usize;
    while i <= (*s).mask as usize {
        let e = &*(*s).table.add(i);
        i += 1;
        if !e.key.is_null() && e.key != dummy() {
            *pos = i as Py_ssize_t;
            *key = e.key;
            *hash = e.hash;
            return 1;
        }
    }
    *pos = i as Py_ssize_t;
    0
}

/// `int _PySet_Update(PyObject *set, PyObject *iterable)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySet_Update(set: *mut PyObject, iterable: *mut PyObject) -> c_int {
    if set.is_null() || iterable.is_null() || !is_set(set) {
        let _ = bad_internal_call();
        return -1;
    }
    update(set, iterable).map_or(-1, |()| 0)
}

// ---- Slots ------------------------------------------------------------------------------------

unsafe extern "C" fn set_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::gc::trashcan::with_trashcan(op, set_dealloc, || {
        crate::objects::weakref::clear_weakrefs_if_any(op);
        clear(op);
        match (*(*op).ob_type).tp_free {
            Some(free) => free(op as *mut c_void),
            None => temp_alloc::free_gc_object(op as *mut c_void),
        }
    });
}

unsafe extern "C" fn set_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    // In place: every collection traverses every set (a copy of the elements cost more
    // than the visits). Visiting runs no code that could change the set.
    for e in slots(so(op)).iter() {
        if e.key.is_null() || e.key == dummy() {
            continue;
        }
        let r = visit(e.key, arg);
        if r != 0 {
            return r;
        }
    }
    0
}

unsafe extern "C" fn set_tp_clear(op: *mut PyObject) -> c_int {
    clear(op);
    0
}

unsafe extern "C" fn set_len(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

/// `x in s`: an unhashable set is looked up as the equal frozenset.
pub(crate) unsafe extern "C" fn set_sq_contains(op: *mut PyObject, key: *mut PyObject) -> c_int {
    match contains(op, key) {
        Ok(b) => b as c_int,
        Err(_) => {
            if is_set(key)
                && crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0
            {
                crate::errors::pyerr::PyErr_Clear();
                return match new(true, key).and_then(|f| contains(op, f.as_ptr())) {
                    Ok(b) => b as c_int,
                    Err(_) => -1,
                };
            }
            -1
        }
    }
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// The frozenset hash of elements with these hashes.
fn combine_hashes(hashes: impl Iterator<Item = Py_hash_t>, n: usize) -> Py_hash_t {
    let mut h: u64 = 0;
    for x in hashes {
        h ^= shuffle_bits(x as u64);
    }
    h ^= (n as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        h = 590923713;
    }
    h as Py_hash_t
}

unsafe extern "C" fn frozenset_hash(op: *mut PyObject) -> Py_hash_t {
    let s = so(op);
    if (*s).hash != -1 {
        return (*s).hash;
    }
    let els = elements(op);
    let h = combine_hashes(els.iter().map(|&(_, h)| h), els.len());
    (*s).hash = h;
    h
}

unsafe extern "C" fn set_repr(op: *mut PyObject) -> *mut PyObject {
    let tp = (*op).ob_type;
    let name = type_name_of(tp);
    let exact_set = tp == &raw mut PySet_Type;
    if len(op) == 0 {
        return ret_obj(pystr::from_utf8(&format!("{name}()")));
    }
    let _hold = new_ref(op);
    ret_obj(repr_guarded(op, &format!("{name}(...)"), || {
        let els: Vec<PyRef> = elements(op).into_iter().map(|(k, _)| new_ref(k)).collect();
        let mut out = crate::objects::str_repr::StrBuilder::with_capacity(8 + els.len() * 4);
        if !exact_set {
            out.push_str(&name);
            out.push('(' as u32);
        }
        out.push('{' as u32);
        for (i, k) in els.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_obj(crate::abstract_::object::repr(k.as_ptr())?.as_ptr());
        }
        out.push('}' as u32);
        if !exact_set {
            out.push(')' as u32);
        }
        out.finish()
    }))
}

unsafe extern "C" fn set_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_any_set(w) {
        return new_ref(not_implemented()).into_ptr();
    }
    let r = match op {
        Py_EQ | Py_NE => {
            let (hv, hw) = ((*so(v)).hash, (*so(w)).hash);
            let eq = if len(v) != len(w) || (hv != -1 && hw != -1 && hv != hw) {
                Ok(false)
            } else {
                is_subset(v, w)
            };
            eq.map(|e| e == (op == Py_EQ))
        }
        Py_LE => is_subset(v, w),
        Py_GE => is_subset(w, v),
        Py_LT => if len(v) < len(w) { is_subset(v, w) } else { Ok(false) },
        Py_GT => if len(v) > len(w) { is_subset(w, v) } else { Ok(false) },
        _ => return new_ref(not_implemented()).into_ptr(),
    };
    match r {
        Ok(b) => bool_ref(b).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

// The operators: both operands sets or frozensets, else NotImplemented; the result has the
// type (set or frozenset) of the left operand.

unsafe fn binary(a: *mut PyObject, b: *mut PyObject, f: unsafe fn(*mut PyObject, *mut PyObject) -> PyResult<PyRef>) -> *mut PyObject {
    if !is_any_set(a) || !is_any_set(b) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(f(a, b))
}

unsafe fn union(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let r = copy_as(a, a)?;
    merge(r.as_ptr(), b)?;
    Ok(r)
}

pub(crate) unsafe fn intersection(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let r = new_empty(if is_frozenset(a) { &raw mut PyFrozenSet_Type } else { &raw mut PySet_Type })?;
    // Iterate the smaller, probe the larger.
    let (small, large) = if len(b) > len(a) { (a, b) } else { (b, a) };
    let _hold = (new_ref(small), new_ref(large));
    for (k, h) in elements_owned(small) {
        if matches!(probe(so(large), k.as_ptr(), h)?, Probe::Found(_)) {
            add_known_hash(r.as_ptr(), k.as_ptr(), h)?;
        }
    }
    Ok(r)
}

/// `a - b`: when `b` is much smaller, a copy of `a` with `b`'s elements removed, else the
/// elements of `a` not in `b` (CPython's choice, which decides the iteration order).
pub(crate) unsafe fn difference(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if len(a) >> 2 > len(b) {
        let r = copy_as(a, a)?;
        let _hold = new_ref(b);
        for (k, _) in elements_owned(b) {
            discard(r.as_ptr(), k.as_ptr())?;
        }
        return Ok(r);
    }
    let r = new_empty(if is_frozenset(a) { &raw mut PyFrozenSet_Type } else { &raw mut PySet_Type })?;
    let _hold = (new_ref(a), new_ref(b));
    for (k, h) in elements_owned(a) {
        if !matches!(probe(so(b), k.as_ptr(), h)?, Probe::Found(_)) {
            add_known_hash(r.as_ptr(), k.as_ptr(), h)?;
        }
    }
    Ok(r)
}

/// `a ^ b`: a copy of `b` (with `a`'s type) updated with `a`, as CPython builds it (which
/// decides the iteration order).
unsafe fn symmetric_difference(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let r = copy_as(a, b)?;
    symmetric_update(r.as_ptr(), a)?;
    Ok(r)
}

/// `s ^= other` for a set `other`.
pub(crate) unsafe fn symmetric_update(op: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    let other = if op == other { copy_as(other, other)? } else { new_ref(other) };
    for (k, h) in elements_owned(other.as_ptr()) {
        match probe(so(op), k.as_ptr(), h)? {
            Probe::Found(_) => {
                discard_known_hash(op, k.as_ptr(), h)?;
            }
            _ => add_known_hash(op, k.as_ptr(), h)?,
        }
    }
    Ok(())
}

unsafe extern "C" fn set_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binary(a, b, union)
}

unsafe extern "C" fn set_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binary(a, b, intersection)
}

unsafe extern "C" fn set_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binary(a, b, difference)
}

unsafe extern "C" fn set_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binary(a, b, symmetric_difference)
}

unsafe fn inplace(a: *mut PyObject, b: *mut PyObject, f: unsafe fn(*mut PyObject, *mut PyObject) -> PyResult<()>) -> *mut PyObject {
    if !is_any_set(b) {
        return new_ref(not_implemented()).into_ptr();
    }
    match f(a, b) {
        Ok(()) => new_ref(a).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe fn replace_contents(a: *mut PyObject, r: PyRef) -> PyResult<()> {
    clear(a);
    merge(a, r.as_ptr())
}

unsafe extern "C" fn set_ior(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    inplace(a, b, merge)
}

unsafe extern "C" fn set_iand(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    inplace(a, b, |a, b| replace_contents(a, intersection(a, b)?))
}

unsafe extern "C" fn set_isub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    inplace(a, b, |a, b| {
        if a == b {
            clear(a);
            return Ok(());
        }
        for (k, _) in elements_owned(b) {
            discard(a, k.as_ptr())?;
        }
        Ok(())
    })
}

unsafe extern "C" fn set_ixor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    inplace(a, b, symmetric_update)
}

// ---- The set iterator ---------------------------------------------------------------------------

#[repr(C)]
struct SetIter {
    ob_base: PyObject,
    /// NULL once exhausted.
    si_set: *mut PyObject,
    si_used: Py_ssize_t,
    si_pos: Py_ssize_t,
    len: Py_ssize_t,
}

/// `PySetIter_Type`: `set_iterator`.
#[no_mangle]
pub static mut PySetIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(setiter_dealloc),
    tp_traverse: Some(setiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(setiter_next),
    tp_methods: &raw mut SETITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"set_iterator", core::mem::size_of::<SetIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

unsafe extern "C" fn set_iter(op: *mut PyObject) -> *mut PyObject {
    let it = temp_alloc::gc_new_var(&raw mut PySetIter_Type, 0) as *mut SetIter;
    if it.is_null() {
        let _ = no_memory();
        return core::ptr::null_mut();
    }
    (*it).si_set = new_ref(op).into_ptr();
    (*it).si_used = (*so(op)).used;
    (*it).si_pos = 0;
    (*it).len = (*so(op)).used;
    PyObject_GC_Track(it as *mut c_void);
    it as *mut PyObject
}

unsafe extern "C" fn setiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut SetIter;
    let set = (*it).si_set;
    if set.is_null() {
        return core::ptr::null_mut();
    }
    let s = so(set);
    if (*it).si_used != (*s).used {
        let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "Set changed size during iteration");
        (*it).si_used = -1;
        return core::ptr::null_mut();
    }
    let mut i = (*it).si_pos as usize;
    while i <= (*s).mask as usize {
        let e = &*(*s).table.add(i);
        i += 1;
        if !e.key.is_null() && e.key != dummy() {
            (*it).si_pos = i as Py_ssize_t;
            (*it).len -= 1;
            return new_ref(e.key).into_ptr();
        }
    }
    (*it).si_pos = i as Py_ssize_t;
    (*it).si_set = core::ptr::null_mut();
    drop(PyRef::from_owned(set));
    core::ptr::null_mut()
}

unsafe extern "C" fn setiter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned((*(op as *mut SetIter)).si_set));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn setiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let s = (*(op as *mut SetIter)).si_set;
    match visit {
        Some(v) if !s.is_null() => v(s, arg),
        _ => 0,
    }
}

static mut SETITER_METHODS: [crate::object::methods::PyMethodDef; 3] = [
    crate::object::method_table::plain(c"__length_hint__", setiter_length_hint, crate::object::methods::METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    crate::object::method_table::plain(c"__reduce__", setiter_reduce, crate::object::methods::METH_NOARGS).doc(c"Return state information for pickling."),
    crate::object::method_table::END,
];

/// `__length_hint__`: the items left, 0 once exhausted or after a size change.
unsafe extern "C" fn setiter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut SetIter;
    let left = if !(*it).si_set.is_null() && (*it).si_used == (*so((*it).si_set)).used { (*it).len } else { 0 };
    ret_obj(crate::objects::int::from_i64(left as i64))
}

/// `(iter, (list_of_the_elements_left,))`, without moving the iterator.
unsafe extern "C" fn setiter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut SetIter;
    ret_obj((|| {
        let set = (*it).si_set;
        let mut rest = Vec::new();
        if !set.is_null() {
            let s = so(set);
            if (*it).si_used != (*s).used {
                return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "Set changed size during iteration"));
            }
            let start = (*it).si_pos as usize;
            rest = slots(s)
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .filter(|e| !e.key.is_null() && e.key != dummy())
                .map(|e| e.key)
                .collect();
        }
        crate::objects::reduce_forms::reduce_to_list(crate::objects::list::from_ptrs(&rest)?)
    })())
}
