//! `hamt`: an immutable mapping as a hash array mapped trie, what CPython's contexts are
//! built on and what `_PyContext_NewHamtForTests` hands to `_testcapi.hamt()` (and so to
//! test_context's HAMT tests). `set` and `delete` return new mappings that share every
//! subtree they did not change; `set` of a key to the value it already has (the same
//! object), and `delete` of a missing key, return the mapping itself.
//!
//! The trie: each level takes 5 bits of the key's 64-bit hash; a level's node is a bitmap
//! of the 32 slots in use and a dense array of entries, each a key/value leaf or a subtree.
//! Keys whose whole hashes are equal share a collision node (a plain list of pairs).
//!
//! Nodes are Rust values shared through `Rc` (all access is under the GIL). For the cycle
//! collector, a mapping visits the keys and values of the nodes it owns alone (those whose
//! `Rc` count is 1 all the way from its root): visiting a shared node from each mapping
//! would count its references more than once. A cycle through a shared subtree is thus
//! not collected while the sharing lasts, which costs memory, never correctness.
use core::ffi::{c_int, c_void};
use std::rc::Rc;

use crate::abstract_::compare::{bool_ref, rich_compare_bool};
use crate::abstract_::{new_ref, none, not_implemented, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O};
use crate::object::object::{PyObject, Py_EQ, Py_NE};
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::{dict, tuple};
use crate::pyport::Py_ssize_t;

const BITS: u32 = 5;

enum Entry {
    Leaf { hash: u64, key: PyRef, value: PyRef },
    Sub(Rc<Node>),
}

enum Node {
    Bitmap { bitmap: u32, entries: Vec<Entry> },
    Collision { hash: u64, pairs: Vec<(PyRef, PyRef)> },
}

impl Clone for Entry {
    fn clone(&self) -> Entry {
        match self {
            Entry::Leaf { hash, key, value } => Entry::Leaf { hash: *hash, key: key.clone(), value: value.clone() },
            Entry::Sub(n) => Entry::Sub(n.clone()),
        }
    }
}

fn slot_bit(hash: u64, shift: u32) -> u32 {
    1u32 << ((hash >> shift) & 31)
}

fn index_of(bitmap: u32, bit: u32) -> usize {
    (bitmap & (bit - 1)).count_ones() as usize
}

unsafe fn same_key(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    rich_compare_bool(a, b, Py_EQ)
}

/// The value of `key` under `node`.
unsafe fn find(node: &Node, shift: u32, hash: u64, key: *mut PyObject) -> PyResult<Option<PyRef>> {
    match node {
        Node::Bitmap { bitmap, entries } => {
            let bit = slot_bit(hash, shift);
            if bitmap & bit == 0 {
                return Ok(None);
            }
            match &entries[index_of(*bitmap, bit)] {
                Entry::Leaf { hash: h, key: k, value } => {
                    Ok(if *h == hash && same_key(k.as_ptr(), key)? { Some(value.clone()) } else { None })
                }
                Entry::Sub(sub) => find(sub, shift + BITS, hash, key),
            }
        }
        Node::Collision { hash: h, pairs } => {
            if *h != hash {
                return Ok(None);
            }
            for (k, v) in pairs {
                if same_key(k.as_ptr(), key)? {
                    return Ok(Some(v.clone()));
                }
            }
            Ok(None)
        }
    }
}

/// A node holding two leaves whose hashes agree below `shift`.
fn pair_node(shift: u32, a: Entry, ah: u64, b: Entry, bh: u64) -> Node {
    if ah == bh || shift >= 64 {
        let (Entry::Leaf { key: ka, value: va, .. }, Entry::Leaf { key: kb, value: vb, .. }) = (a, b) else {
            unreachable!("pair_node takes leaves")
        };
        return Node::Collision { hash: ah, pairs: vec![(ka, va), (kb, vb)] };
    }
    let (ba, bb) = (slot_bit(ah, shift), slot_bit(bh, shift));
    if ba == bb {
        let sub = pair_node(shift + BITS, a, ah, b, bh);
        return Node::Bitmap { bitmap: ba, entries: vec![Entry::Sub(Rc::new(sub))] };
    }
    let entries = if ba < bb { vec![a, b] } else { vec![b, a] };
    Node::Bitmap { bitmap: ba | bb, entries }
}

/// `node` with `key` set to `value`: None when nothing changes (the key already maps to
/// this very value); the flag says whether a key was added.
unsafe fn assoc(node: &Node, shift: u32, hash: u64, key: &PyRef, value: &PyRef) -> PyResult<Option<(Node, bool)>> {
    match node {
        Node::Bitmap { bitmap, entries } => {
            let bit = slot_bit(hash, shift);
            let ix = index_of(*bitmap, bit);
            if bitmap & bit == 0 {
                let mut e = entries.clone();
                e.insert(ix, Entry::Leaf { hash, key: key.clone(), value: value.clone() });
                return Ok(Some((Node::Bitmap { bitmap: bitmap | bit, entries: e }, true)));
            }
            let replacement = match &entries[ix] {
                Entry::Leaf { hash: h, key: k, value: v } => {
                    if *h == hash && same_key(k.as_ptr(), key.as_ptr())? {
                        if v.as_ptr() == value.as_ptr() {
                            return Ok(None);
                        }
                        (Entry::Leaf { hash, key: k.clone(), value: value.clone() }, false)
                    } else {
                        let old = Entry::Leaf { hash: *h, key: k.clone(), value: v.clone() };
                        let new = Entry::Leaf { hash, key: key.clone(), value: value.clone() };
                        (Entry::Sub(Rc::new(pair_node(shift + BITS, old, *h, new, hash))), true)
                    }
                }
                Entry::Sub(sub) => match assoc(sub, shift + BITS, hash, key, value)? {
                    None => return Ok(None),
                    Some((n, added)) => (Entry::Sub(Rc::new(n)), added),
                },
            };
            let mut e = entries.clone();
            e[ix] = replacement.0;
            Ok(Some((Node::Bitmap { bitmap: *bitmap, entries: e }, replacement.1)))
        }
        Node::Collision { hash: h, pairs } => {
            if *h != hash {
                // A different hash reaches this collision node: split at this level.
                let coll = Entry::Sub(Rc::new(Node::Collision { hash: *h, pairs: pairs.clone() }));
                let leaf = Entry::Leaf { hash, key: key.clone(), value: value.clone() };
                let (bc, bl) = (slot_bit(*h, shift), slot_bit(hash, shift));
                if bc == bl {
                    let inner = Node::Bitmap { bitmap: bc, entries: vec![coll] };
                    let Some((n, added)) = assoc(&inner, shift, hash, key, value)? else { unreachable!("a new key") };
                    return Ok(Some((n, added)));
                }
                let entries = if bc < bl { vec![coll, leaf] } else { vec![leaf, coll] };
                return Ok(Some((Node::Bitmap { bitmap: bc | bl, entries }, true)));
            }
            for (i, (k, v)) in pairs.iter().enumerate() {
                if same_key(k.as_ptr(), key.as_ptr())? {
                    if v.as_ptr() == value.as_ptr() {
                        return Ok(None);
                    }
                    let mut p = pairs.clone();
                    p[i].1 = value.clone();
                    return Ok(Some((Node::Collision { hash, pairs: p }, false)));
                }
            }
            let mut p = pairs.clone();
            p.push((key.clone(), value.clone()));
            Ok(Some((Node::Collision { hash, pairs: p }, true)))
        }
    }
}

enum Without {
    NotFound,
    Empty,
    Node(Node),
}

/// `node` without `key`.
unsafe fn without(node: &Node, shift: u32, hash: u64, key: *mut PyObject) -> PyResult<Without> {
    match node {
        Node::Bitmap { bitmap, entries } => {
            let bit = slot_bit(hash, shift);
            if bitmap & bit == 0 {
                return Ok(Without::NotFound);
            }
            let ix = index_of(*bitmap, bit);
            let replacement = match &entries[ix] {
                Entry::Leaf { hash: h, key: k, .. } => {
                    if *h != hash || !same_key(k.as_ptr(), key)? {
                        return Ok(Without::NotFound);
                    }
                    None
                }
                Entry::Sub(sub) => match without(sub, shift + BITS, hash, key)? {
                    Without::NotFound => return Ok(Without::NotFound),
                    Without::Empty => None,
                    Without::Node(n) => Some(Entry::Sub(Rc::new(n))),
                },
            };
            let mut e = entries.clone();
            match replacement {
                Some(r) => {
                    e[ix] = r;
                    Ok(Without::Node(Node::Bitmap { bitmap: *bitmap, entries: e }))
                }
                None => {
                    e.remove(ix);
                    if e.is_empty() {
                        Ok(Without::Empty)
                    } else {
                        Ok(Without::Node(Node::Bitmap { bitmap: bitmap & !bit, entries: e }))
                    }
                }
            }
        }
        Node::Collision { hash: h, pairs } => {
            if *h != hash {
                return Ok(Without::NotFound);
            }
            for (i, (k, _)) in pairs.iter().enumerate() {
                if same_key(k.as_ptr(), key)? {
                    let mut p = pairs.clone();
                    p.remove(i);
                    return Ok(if p.is_empty() { Without::Empty } else { Without::Node(Node::Collision { hash: *h, pairs: p }) });
                }
            }
            Ok(Without::NotFound)
        }
    }
}

/// Visits the keys and values of the nodes owned by this root alone (see the module doc).
unsafe fn traverse_owned(node: &Rc<Node>, visit: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int, arg: *mut c_void) -> c_int {
    if Rc::strong_count(node) != 1 {
        return 0;
    }
    match &**node {
        Node::Bitmap { entries, .. } => {
            for e in entries {
                let r = match e {
                    Entry::Leaf { key, value, .. } => {
                        let r = visit(key.as_ptr(), arg);
                        if r != 0 { r } else { visit(value.as_ptr(), arg) }
                    }
                    Entry::Sub(sub) => traverse_owned(sub, visit, arg),
                };
                if r != 0 {
                    return r;
                }
            }
        }
        Node::Collision { pairs, .. } => {
            for (k, v) in pairs {
                let r = visit(k.as_ptr(), arg);
                if r != 0 {
                    return r;
                }
                let r = visit(v.as_ptr(), arg);
                if r != 0 {
                    return r;
                }
            }
        }
    }
    0
}

// ---- the mapping object ------------------------------------------------------------------------

#[repr(C)]
struct Hamt {
    ob_base: PyObject,
    /// None when empty; owned through `Box` so the object stays a plain C struct.
    root: *mut Option<Rc<Node>>,
    count: Py_ssize_t,
    weakreflist: *mut PyObject,
}

unsafe fn root<'a>(op: *mut PyObject) -> &'a Option<Rc<Node>> {
    &*(*(op as *mut Hamt)).root
}

unsafe fn count(op: *mut PyObject) -> Py_ssize_t {
    (*(op as *mut Hamt)).count
}

unsafe fn make(node: Option<Rc<Node>>, count: Py_ssize_t) -> PyResult<PyRef> {
    let op = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyHamt_Type, 0)).ok_or_else(no_memory)?;
    let h = op.as_ptr() as *mut Hamt;
    (*h).root = Box::into_raw(Box::new(node));
    (*h).count = count;
    (*h).weakreflist = core::ptr::null_mut();
    PyObject_GC_Track(h as *mut c_void);
    Ok(op)
}

/// The key's hash as the trie uses it.
unsafe fn key_hash(key: *mut PyObject) -> PyResult<u64> {
    Ok(dict::hash_of(key)? as u64)
}

unsafe fn get(op: *mut PyObject, key: *mut PyObject) -> PyResult<Option<PyRef>> {
    let hash = key_hash(key)?;
    match root(op) {
        Some(n) => find(n, 0, hash, key),
        None => Ok(None),
    }
}

unsafe fn set(op: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<PyRef> {
    let hash = key_hash(key)?;
    let (k, v) = (new_ref(key), new_ref(value));
    match root(op) {
        None => make(Some(Rc::new(Node::Bitmap { bitmap: slot_bit(hash, 0), entries: vec![Entry::Leaf { hash, key: k, value: v }] })), 1),
        Some(n) => match assoc(n, 0, hash, &k, &v)? {
            None => Ok(new_ref(op)),
            Some((node, added)) => make(Some(Rc::new(node)), count(op) + added as Py_ssize_t),
        },
    }
}

unsafe fn delete(op: *mut PyObject, key: *mut PyObject) -> PyResult<PyRef> {
    let hash = key_hash(key)?;
    let r = match root(op) {
        None => Without::NotFound,
        Some(n) => without(n, 0, hash, key)?,
    };
    match r {
        Without::NotFound => Ok(new_ref(op)),
        Without::Empty => make(None, 0),
        Without::Node(n) => make(Some(Rc::new(n)), count(op) - 1),
    }
}

/// `_testcapi.hamt()`'s constructor: a new empty mapping.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyContext_NewHamtForTests() -> *mut PyObject {
    ret_obj(make(None, 0))
}

unsafe extern "C" fn hamt_set(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if !crate::abstract_::getargs::check_positional(c"set".as_ptr(), nargs, 2, 2) {
        return core::ptr::null_mut();
    }
    ret_obj(set(op, *args, *args.add(1)))
}

unsafe extern "C" fn hamt_get(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    if !crate::abstract_::getargs::check_positional(c"get".as_ptr(), nargs, 1, 2) {
        return core::ptr::null_mut();
    }
    let default = if nargs == 2 { *args.add(1) } else { none() };
    ret_obj(get(op, *args).map(|v| v.unwrap_or_else(|| new_ref(default))))
}

unsafe extern "C" fn hamt_delete(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret_obj(delete(op, key))
}

unsafe extern "C" fn hamt_keys(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(op, KEYS))
}

unsafe extern "C" fn hamt_values(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(op, VALUES))
}

unsafe extern "C" fn hamt_items(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(op, ITEMS))
}

unsafe extern "C" fn hamt_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(op, KEYS))
}

unsafe extern "C" fn hamt_len(op: *mut PyObject) -> Py_ssize_t {
    count(op)
}

unsafe extern "C" fn hamt_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret_obj(get(op, key).and_then(|v| v.ok_or_else(|| dict::set_key_error(key))))
}

unsafe extern "C" fn hamt_contains(op: *mut PyObject, key: *mut PyObject) -> c_int {
    match get(op, key) {
        Ok(v) => v.is_some() as c_int,
        Err(_) => -1,
    }
}

/// Equal mappings: the same size, and every key of one maps to an equal value in the other.
unsafe fn equal(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    if count(a) != count(b) {
        return Ok(false);
    }
    let it = new_iter(a, ITEMS)?;
    while let Some((k, v)) = iter_step(it.as_ptr()) {
        match get(b, k.as_ptr())? {
            Some(w) if rich_compare_bool(v.as_ptr(), w.as_ptr(), Py_EQ)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

unsafe extern "C" fn hamt_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if (*b).ob_type != &raw mut PyHamt_Type || (op != Py_EQ && op != Py_NE) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(equal(a, b).map(|e| bool_ref(e == (op == Py_EQ))))
}

unsafe extern "C" fn hamt_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    match (visit, root(op)) {
        (Some(v), Some(n)) => traverse_owned(n, v, arg),
        _ => 0,
    }
}

unsafe extern "C" fn hamt_tp_clear(op: *mut PyObject) -> c_int {
    let h = op as *mut Hamt;
    // Dropping the nodes may run arbitrary code (the last reference to a key): detach first.
    let old = core::mem::replace(&mut *(*h).root, None);
    (*h).count = 0;
    drop(old);
    0
}

unsafe extern "C" fn hamt_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let h = op as *mut Hamt;
    if !(*h).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    let r = core::mem::replace(&mut (*h).root, core::ptr::null_mut());
    if !r.is_null() {
        drop(Box::from_raw(r));
    }
    temp_alloc::free_gc_object(op as *mut c_void);
}

static mut HAMT_METHODS: [PyMethodDef; 7] = [
    fast(c"set", hamt_set, METH_FASTCALL),
    fast(c"get", hamt_get, METH_FASTCALL),
    plain(c"delete", hamt_delete, METH_O),
    plain(c"items", hamt_items, METH_NOARGS),
    plain(c"keys", hamt_keys, METH_NOARGS),
    plain(c"values", hamt_values, METH_NOARGS),
    END,
];

static mut HAMT_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: Some(hamt_len), mp_subscript: Some(hamt_subscript), mp_ass_subscript: None };

static mut HAMT_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: None,
    sq_concat: None,
    sq_repeat: None,
    sq_item: None,
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(hamt_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

/// The `hamt` type (CPython's `_PyHamt_Type`, internal there too).
pub static mut PyHamt_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(hamt_dealloc),
    tp_as_mapping: &raw mut HAMT_AS_MAPPING,
    tp_as_sequence: &raw mut HAMT_AS_SEQUENCE,
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(hamt_traverse),
    tp_clear: Some(hamt_tp_clear),
    tp_richcompare: Some(hamt_richcompare),
    tp_weaklistoffset: core::mem::offset_of!(Hamt, weakreflist) as Py_ssize_t,
    tp_iter: Some(hamt_iter),
    tp_methods: &raw mut HAMT_METHODS as *mut PyMethodDef,
    ..static_type(c"hamt", core::mem::size_of::<Hamt>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

// ---- iteration ---------------------------------------------------------------------------------

const KEYS: u8 = 1;
const VALUES: u8 = 2;
const ITEMS: u8 = 3;

#[repr(C)]
struct HamtIter {
    ob_base: PyObject,
    /// The mapping (owned).
    hamt: *mut PyObject,
    /// Its root, held so that the stack's node pointers stay valid whatever happens to the
    /// mapping (nodes never change).
    pin: *mut Option<Rc<Node>>,
    /// Nodes being walked and the next position in each (owned through `Box`).
    stack: *mut Vec<(*const Node, usize)>,
    kind: u8,
}

unsafe fn new_iter(op: *mut PyObject, kind: u8) -> PyResult<PyRef> {
    let tp = match kind {
        KEYS => &raw mut PyHamtKeys_Type,
        VALUES => &raw mut PyHamtValues_Type,
        _ => &raw mut PyHamtItems_Type,
    };
    let it = PyRef::from_owned(temp_alloc::gc_new_var(tp, 0)).ok_or_else(no_memory)?;
    let p = it.as_ptr() as *mut HamtIter;
    let mut stack = Vec::new();
    if let Some(n) = root(op) {
        stack.push((Rc::as_ptr(n), 0usize));
    }
    (*p).hamt = new_ref(op).into_ptr();
    (*p).pin = Box::into_raw(Box::new(root(op).clone()));
    (*p).stack = Box::into_raw(Box::new(stack));
    (*p).kind = kind;
    PyObject_GC_Track(p as *mut c_void);
    Ok(it)
}

/// The next key and value (new references), None at the end.
unsafe fn iter_step(op: *mut PyObject) -> Option<(PyRef, PyRef)> {
    let it = op as *mut HamtIter;
    let stack = &mut *(*it).stack;
    while let Some(&mut (node, ref mut pos)) = stack.last_mut() {
        match &*node {
            Node::Bitmap { entries, .. } => {
                if *pos >= entries.len() {
                    stack.pop();
                    continue;
                }
                let e = &entries[*pos];
                *pos += 1;
                match e {
                    Entry::Leaf { key, value, .. } => {
                        return Some((key.clone(), value.clone()));
                    }
                    Entry::Sub(sub) => stack.push((Rc::as_ptr(sub), 0)),
                }
            }
            Node::Collision { pairs, .. } => {
                if *pos >= pairs.len() {
                    stack.pop();
                    continue;
                }
                let (k, v) = &pairs[*pos];
                *pos += 1;
                return Some((k.clone(), v.clone()));
            }
        }
    }
    None
}

unsafe extern "C" fn hamtiter_next(op: *mut PyObject) -> *mut PyObject {
    let Some((k, v)) = iter_step(op) else { return core::ptr::null_mut() };
    match (*(op as *mut HamtIter)).kind {
        KEYS => k.into_ptr(),
        VALUES => v.into_ptr(),
        _ => ret_obj(tuple::from_vec(vec![k, v])),
    }
}

/// The length of a `keys`/`values`/`items` object: the mapping's, however far it has run.
unsafe extern "C" fn hamtiter_len(op: *mut PyObject) -> Py_ssize_t {
    count((*(op as *mut HamtIter)).hamt)
}

unsafe extern "C" fn hamtiter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    let it = op as *mut HamtIter;
    let s = core::mem::replace(&mut (*it).stack, core::ptr::null_mut());
    if !s.is_null() {
        drop(Box::from_raw(s));
    }
    let pin = core::mem::replace(&mut (*it).pin, core::ptr::null_mut());
    if !pin.is_null() {
        drop(Box::from_raw(pin));
    }
    drop(PyRef::from_owned(core::mem::replace(&mut (*it).hamt, core::ptr::null_mut())));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn hamtiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let h = (*(op as *mut HamtIter)).hamt;
    match visit {
        Some(v) if !h.is_null() => v(h, arg),
        _ => 0,
    }
}

static mut HAMTITER_AS_MAPPING: PyMappingMethods = PyMappingMethods { mp_length: Some(hamtiter_len), mp_subscript: None, mp_ass_subscript: None };

/// What `keys()` (and `iter()`), `values()` and `items()` return: iterators that also have
/// the mapping's length, as CPython's.
const fn iter_type(name: &'static core::ffi::CStr) -> PyTypeObject {
    PyTypeObject {
        tp_dealloc: Some(hamtiter_dealloc),
        tp_as_mapping: &raw mut HAMTITER_AS_MAPPING,
        tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
        tp_traverse: Some(hamtiter_traverse),
        tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
        tp_iternext: Some(hamtiter_next),
        ..static_type(name, core::mem::size_of::<HamtIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
    }
}

pub static mut PyHamtKeys_Type: PyTypeObject = iter_type(c"keys");
pub static mut PyHamtValues_Type: PyTypeObject = iter_type(c"values");
pub static mut PyHamtItems_Type: PyTypeObject = iter_type(c"items");
