//! `collections.OrderedDict` in C form (`PyODict_Type`, `PyODict_New/SetItem/DelItem`): a
//! dict subclass that remembers its own key order, which `move_to_end` can change.
//!
//! Keys and values live in the dict itself (so the header macros `PyODict_GetItem` and
//! friends, which are `PyDict_*` calls, see them). The order is a doubly linked list of
//! nodes in a slab (`Order`), found from a key through a side dict mapping each key to its
//! node's index: every operation stays O(1), `move_to_end(last=False)` included. Any
//! change of the order bumps `state`, which the iterators check, as CPython's do.
//!
//! The views (`odict_keys`, ...) and the iterator (`odict_iterator`) are in odict_iter.rs.
use core::ffi::{c_int, c_void};

use crate::abstract_::call::{PyObject_CallNoArgs, PyObject_CallOneArg};
use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::object::repr_guarded;
use crate::abstract_::{from_slot, is_instance_of, new_ref, none, not_implemented, ret_obj, type_error};
use crate::errors::raised::{PyResult, Raised};
use crate::object::method_table::{fast_kw, plain, with_kw, END};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_VARARGS};
use crate::object::object::{PyObject, Py_EQ, Py_NE};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PyNumberMethods};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC};
use crate::objects::dict::{self, PyDictObject};
use crate::objects::{int, list, str as pystr, tuple};
use crate::pyport::{Py_hash_t, Py_ssize_t};

/// No node.
pub(crate) const NIL: usize = usize::MAX;

pub(crate) struct Node {
    /// Owned; NULL in a free slot.
    pub key: *mut PyObject,
    pub prev: usize,
    pub next: usize,
}

/// The key order of one OrderedDict.
pub(crate) struct Order {
    pub nodes: Vec<Node>,
    free: Vec<usize>,
    pub head: usize,
    pub tail: usize,
    pub len: usize,
    /// key -> index of its node (an int), owned.
    map: *mut PyObject,
    /// Bumped by every change of the order (not by replacing a value).
    pub state: u64,
}

impl Order {
    fn new() -> PyResult<Order> {
        Ok(Order { nodes: Vec::new(), free: Vec::new(), head: NIL, tail: NIL, len: 0, map: dict::new()?.into_ptr(), state: 0 })
    }

    /// The live node at `i`, if `i` names one (indices from the map are checked: a key's
    /// `__eq__` can change the dict under us).
    pub(crate) fn node(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i).filter(|n| !n.key.is_null())
    }

    fn unlink(&mut self, i: usize) {
        let (prev, next) = (self.nodes[i].prev, self.nodes[i].next);
        if prev == NIL { self.head = next } else { self.nodes[prev].next = next }
        if next == NIL { self.tail = prev } else { self.nodes[next].prev = prev }
    }

    fn link_last(&mut self, i: usize) {
        self.nodes[i].prev = self.tail;
        self.nodes[i].next = NIL;
        if self.tail == NIL { self.head = i } else { self.nodes[self.tail].next = i }
        self.tail = i;
    }

    fn link_first(&mut self, i: usize) {
        self.nodes[i].next = self.head;
        self.nodes[i].prev = NIL;
        if self.head == NIL { self.tail = i } else { self.nodes[self.head].prev = i }
        self.head = i;
    }

    /// Drops every node (the keys' references with them).
    unsafe fn clear(&mut self) {
        let nodes = core::mem::take(&mut self.nodes);
        self.free.clear();
        self.head = NIL;
        self.tail = NIL;
        self.len = 0;
        self.state += 1;
        dict::clear(self.map);
        for n in nodes {
            drop(PyRef::from_owned(n.key));
        }
    }
}

#[repr(C)]
pub(crate) struct ODict {
    dict: PyDictObject,
    order: *mut Order,
    inst_dict: *mut PyObject,
    weakreflist: *mut PyObject,
    /// CPython's object has five more words here (its node table); kept so that
    /// `tp_basicsize` and `__sizeof__` are CPython's.
    _reserved: [usize; 5],
}

static_assertions::const_assert_eq!(core::mem::size_of::<ODict>(), 112);

/// `op`'s order (made on first use for an object that bypassed `tp_new`).
pub(crate) unsafe fn order<'a>(op: *mut PyObject) -> PyResult<&'a mut Order> {
    let o = op as *mut ODict;
    if (*o).order.is_null() {
        (*o).order = Box::into_raw(Box::new(Order::new()?));
    }
    Ok(&mut *(*o).order)
}

pub(crate) unsafe fn is_odict(op: *mut PyObject) -> bool {
    is_instance_of(op, &raw mut PyODict_Type)
}

/// The node index of `key` (hashed `hash`), if it is in the order.
unsafe fn find(op: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<Option<usize>> {
    let map = order(op)?.map;
    match dict::get_item_known_hash(map, key, hash)? {
        Some(ix) => {
            let i = int::medium_value(ix).unwrap_or(-1);
            Ok(if i >= 0 && order(op)?.node(i as usize).is_some() { Some(i as usize) } else { None })
        }
        None => Ok(None),
    }
}

/// Appends `key` to the order (it is not in it).
unsafe fn append(op: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<()> {
    let ord = order(op)?;
    let i = match ord.free.last() {
        Some(&i) => i,
        None => ord.nodes.len(),
    };
    dict::set_item_known_hash(ord.map, key, hash, int::from_i64(i as i64)?.as_ptr())?;
    let ord = order(op)?;
    if i == ord.nodes.len() {
        ord.nodes.push(Node { key: core::ptr::null_mut(), prev: NIL, next: NIL });
    } else {
        ord.free.pop();
    }
    ord.nodes[i].key = new_ref(key).into_ptr();
    ord.link_last(i);
    ord.len += 1;
    ord.state += 1;
    Ok(())
}

/// Removes `key`'s node, if it has one.
unsafe fn forget(op: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<()> {
    let Some(i) = find(op, key, hash)? else { return Ok(()) };
    let ord = order(op)?;
    ord.unlink(i);
    let k = core::mem::replace(&mut ord.nodes[i].key, core::ptr::null_mut());
    ord.free.push(i);
    ord.len -= 1;
    ord.state += 1;
    let map = ord.map;
    let r = dict::del_item(map, k).map(|_| ());
    drop(PyRef::from_owned(k));
    r
}

/// `od[key] = value` without dispatch to a subclass.
pub(crate) unsafe fn set(op: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    let hash = dict::hash_of(key)?;
    dict::set_item_known_hash(op, key, hash, value)?;
    if find(op, key, hash)?.is_none() {
        if let Err(e) = append(op, key, hash) {
            let _ = dict::pop_known_hash(op, key, hash);
            return Err(e);
        }
    }
    Ok(())
}

/// `del od[key]` without dispatch to a subclass.
pub(crate) unsafe fn del(op: *mut PyObject, key: *mut PyObject) -> PyResult<()> {
    let hash = dict::hash_of(key)?;
    if dict::pop_known_hash(op, key, hash)?.is_none() {
        return Err(dict::set_key_error(key));
    }
    forget(op, key, hash)
}

/// The keys in order (new references).
pub(crate) unsafe fn keys(op: *mut PyObject) -> PyResult<Vec<PyRef>> {
    let ord = order(op)?;
    let mut out = Vec::with_capacity(ord.len);
    let mut i = ord.head;
    while let Some(n) = ord.node(i) {
        out.push(new_ref(n.key));
        i = n.next;
    }
    Ok(out)
}

unsafe fn mutated() -> Raised {
    raise_type(&raw mut crate::errors::exception_types::_PyExc_RuntimeError, "OrderedDict mutated during iteration")
}

/// `od[key]`: the dict's value for an exact OrderedDict, else through `__getitem__`.
unsafe fn value_of(op: *mut PyObject, key: *mut PyObject) -> PyResult<PyRef> {
    if (*op).ob_type == &raw mut PyODict_Type {
        match dict::get_item(op, key)? {
            Some(v) => Ok(new_ref(v)),
            None => Err(dict::set_key_error(key)),
        }
    } else {
        crate::abstract_::item::get_item(op, key)
    }
}

// ---- slots -------------------------------------------------------------------------------------

unsafe extern "C" fn odict_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let op = crate::objects::container_new::dict_new(tp, args, kwds);
    if op.is_null() {
        return op;
    }
    match Order::new() {
        Ok(o) => {
            (*(op as *mut ODict)).order = Box::into_raw(Box::new(o));
            op
        }
        Err(_) => {
            drop(PyRef::from_owned(op));
            core::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn odict_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    match update_from(op, args, kwds) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

unsafe extern "C" fn odict_ass_sub(op: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> c_int {
    let r = if value.is_null() { del(op, key) } else { set(op, key, value) };
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn odict_length(op: *mut PyObject) -> Py_ssize_t {
    dict::len(op) as Py_ssize_t
}

static mut ODICT_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(odict_length),
    mp_subscript: Some(dict::dict_subscript),
    mp_ass_subscript: Some(odict_ass_sub),
};

unsafe extern "C" fn odict_dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op.cast());
    let o = op as *mut ODict;
    if !(*o).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    let ord = core::mem::replace(&mut (*o).order, core::ptr::null_mut());
    if !ord.is_null() {
        let ord = Box::from_raw(ord);
        for n in &ord.nodes {
            drop(PyRef::from_owned(n.key));
        }
        drop(PyRef::from_owned(ord.map));
    }
    drop(PyRef::from_owned(core::mem::replace(&mut (*o).inst_dict, core::ptr::null_mut())));
    ((*(&raw mut dict::PyDict_Type)).tp_dealloc.expect("dict has a dealloc"))(op)
}

unsafe extern "C" fn odict_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    if let Some(v) = visit {
        let o = op as *mut ODict;
        if !(*o).inst_dict.is_null() {
            let r = v((*o).inst_dict, arg);
            if r != 0 {
                return r;
            }
        }
        if !(*o).order.is_null() {
            let ord = &*(*o).order;
            let r = v(ord.map, arg);
            if r != 0 {
                return r;
            }
            for n in &ord.nodes {
                if !n.key.is_null() {
                    let r = v(n.key, arg);
                    if r != 0 {
                        return r;
                    }
                }
            }
        }
    }
    ((*(&raw mut dict::PyDict_Type)).tp_traverse.expect("dict has a traverse"))(op, visit, arg)
}

unsafe extern "C" fn odict_tp_clear(op: *mut PyObject) -> c_int {
    let o = op as *mut ODict;
    drop(PyRef::from_owned(core::mem::replace(&mut (*o).inst_dict, core::ptr::null_mut())));
    if !(*o).order.is_null() {
        (*(*o).order).clear();
    }
    ((*(&raw mut dict::PyDict_Type)).tp_clear.expect("dict has a clear"))(op)
}

unsafe extern "C" fn odict_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::objects::odict_iter::new_iter(op, crate::objects::odict_iter::KEYS, false))
}

unsafe extern "C" fn odict_repr(op: *mut PyObject) -> *mut PyObject {
    ret_obj(repr_guarded(op, "...", || {
        let name = crate::modules::itertools::short_type_name(op);
        if dict::len(op) == 0 {
            return pystr::from_utf8(&format!("{name}()"));
        }
        let pairs = if (*op).ob_type == &raw mut PyODict_Type {
            let mut items = Vec::new();
            for k in keys(op)? {
                let v = value_of(op, k.as_ptr())?;
                items.push(tuple::from_vec(vec![k, v])?);
            }
            list::from_vec(items)?
        } else {
            let items = call_method(op, "items", &[])?;
            from_slot(crate::abstract_::sequence::PySequence_List(items.as_ptr()))?
        };
        if crate::objects::list::len(pairs.as_ptr()) == 0 {
            return pystr::from_utf8(&format!("{name}()"));
        }
        let r = crate::abstract_::object::repr(pairs.as_ptr())?;
        pystr::from_utf8(&format!("{name}({})", pystr::to_string(r.as_ptr())))
    }))
}

/// `a == b` for two OrderedDicts also compares the order; otherwise as dicts.
unsafe extern "C" fn odict_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_odict(a) || !is_odict(b) || (op != Py_EQ && op != Py_NE) {
        return ((*(&raw mut dict::PyDict_Type)).tp_richcompare.expect("dict compares"))(a, b, op);
    }
    ret_obj((|| -> PyResult<PyRef> {
        let same = from_slot(((*(&raw mut dict::PyDict_Type)).tp_richcompare.expect("dict compares"))(a, b, Py_EQ))?;
        let mut equal = crate::abstract_::object::is_true(same.as_ptr())?;
        if equal {
            equal = same_order(a, b)?;
        }
        Ok(crate::abstract_::compare::bool_ref(equal == (op == Py_EQ)))
    })())
}

unsafe fn same_order(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    let (ka, kb) = (keys(a)?, keys(b)?);
    if ka.len() != kb.len() {
        return Ok(false);
    }
    let (sa, sb) = (order(a)?.state, order(b)?.state);
    for (x, y) in ka.iter().zip(kb.iter()) {
        if !rich_compare_bool(x.as_ptr(), y.as_ptr(), Py_EQ)? {
            return Ok(false);
        }
        if order(a)?.state != sa || order(b)?.state != sb {
            return Err(mutated());
        }
    }
    Ok(true)
}

// ---- methods -----------------------------------------------------------------------------------

unsafe fn call_method(op: *mut PyObject, name: &str, args: &[*mut PyObject]) -> PyResult<PyRef> {
    let name = pystr::intern(name)?;
    let mut call = vec![op];
    call.extend_from_slice(args);
    from_slot(crate::abstract_::call_shims::PyObject_VectorcallMethod(name.as_ptr(), call.as_ptr(), call.len(), core::ptr::null_mut()))
}

/// Stores each `(key, value)` pair of the iterable `pairs` with `self[key] = value`; each
/// pair is unpacked as an iterable of exactly two items.
unsafe fn add_pairs(op: *mut PyObject, pairs: *mut PyObject) -> PyResult<()> {
    use crate::abstract_::iter::{get_iter, next};
    let it = get_iter(pairs)?;
    while let Some(item) = next(it.as_ptr())? {
        let inner = get_iter(item.as_ptr())?;
        let mut kv = Vec::with_capacity(2);
        while kv.len() < 2 {
            match next(inner.as_ptr())? {
                Some(x) => kv.push(x),
                None => break,
            }
        }
        if kv.len() < 2 {
            let n = kv.len();
            return Err(raise_type(&raw mut crate::errors::exception_types::_PyExc_ValueError,
                                  format!("need more than {n} value{} to unpack", if n == 1 { "" } else { "s" })));
        }
        if next(inner.as_ptr())?.is_some() {
            return Err(raise_type(&raw mut crate::errors::exception_types::_PyExc_ValueError, "too many values to unpack (expected 2)"));
        }
        crate::abstract_::item::set_item(op, kv[0].as_ptr(), kv[1].as_ptr())?;
    }
    Ok(())
}

/// `MutableMapping.update`'s rules for one positional argument.
unsafe fn update_arg(op: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if dict::is_exact(other) {
        for (k, v) in dict::items(other).into_iter().map(|(k, v)| (new_ref(k), new_ref(v))).collect::<Vec<_>>() {
            crate::abstract_::item::set_item(op, k.as_ptr(), v.as_ptr())?;
        }
        return Ok(());
    }
    if let Some(keys_fn) = crate::object::object_attr::lookup_attr(other, pystr::intern("keys")?.as_ptr())? {
        let ks = from_slot(PyObject_CallNoArgs(keys_fn.as_ptr()))?;
        let it = crate::abstract_::iter::get_iter(ks.as_ptr())?;
        while let Some(k) = crate::abstract_::iter::next(it.as_ptr())? {
            let v = crate::abstract_::item::get_item(other, k.as_ptr())?;
            crate::abstract_::item::set_item(op, k.as_ptr(), v.as_ptr())?;
        }
        return Ok(());
    }
    if let Some(items_fn) = crate::object::object_attr::lookup_attr(other, pystr::intern("items")?.as_ptr())? {
        let items = from_slot(PyObject_CallNoArgs(items_fn.as_ptr()))?;
        return add_pairs(op, items.as_ptr());
    }
    add_pairs(op, other)
}

/// `update(self, other=(), /, **kwds)` from a tuple and a dict.
unsafe fn update_from(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<()> {
    let a = if args.is_null() { &[][..] } else { tuple::items(args) };
    if a.len() > 1 {
        return Err(type_error(format!("update() takes at most 1 positional argument ({} given)", a.len())));
    }
    if let Some(&other) = a.first() {
        update_arg(op, other)?;
    }
    if !kwds.is_null() && dict::len(kwds) > 0 {
        let items = from_slot(crate::objects::dict::PyDict_Items(kwds))?;
        add_pairs(op, items.as_ptr())?;
    }
    Ok(())
}

unsafe extern "C" fn od_update(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    ret_obj(update_from(op, args, kwds).map(|_| crate::modules::none_ref()))
}

unsafe extern "C" fn od_clear(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    dict::clear(op);
    ret_obj(order(op).map(|o| {
        o.clear();
        crate::modules::none_ref()
    }))
}

unsafe extern "C" fn od_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let new = from_slot(PyObject_CallNoArgs((*op).ob_type as *mut PyObject))?;
        let exact = (*op).ob_type == &raw mut PyODict_Type;
        let st = order(op)?.state;
        for k in keys(op)? {
            let v = value_of(op, k.as_ptr())?;
            if exact {
                set(new.as_ptr(), k.as_ptr(), v.as_ptr())?;
            } else {
                crate::abstract_::item::set_item(new.as_ptr(), k.as_ptr(), v.as_ptr())?;
            }
            if order(op)?.state != st {
                return Err(mutated());
            }
        }
        Ok(new)
    })())
}

static MOVE_PARAMS: crate::abstract_::unpack_keywords::Params =
    crate::abstract_::unpack_keywords::Params { function: "move_to_end", names: &["key", "last"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn od_move_to_end(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = crate::abstract_::unpack_keywords::bind(&MOVE_PARAMS, args, nargs as usize, kwnames)?;
        let key = b[0].expect("required");
        let last = match b[1] {
            Some(l) => crate::abstract_::object::is_true(l)?,
            None => true,
        };
        let hash = dict::hash_of(key)?;
        let Some(i) = find(op, key, hash)? else { return Err(dict::set_key_error(key)) };
        let ord = order(op)?;
        if (last && ord.tail != i) || (!last && ord.head != i) {
            ord.unlink(i);
            if last { ord.link_last(i) } else { ord.link_first(i) }
            ord.state += 1;
        }
        Ok(crate::modules::none_ref())
    })())
}

static POPITEM_PARAMS: crate::abstract_::unpack_keywords::Params =
    crate::abstract_::unpack_keywords::Params { function: "popitem", names: &["last"], positional_only: 0, max_positional: 1, required: 0 };

unsafe extern "C" fn od_popitem(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = crate::abstract_::unpack_keywords::bind(&POPITEM_PARAMS, args, nargs as usize, kwnames)?;
        let last = match b[0] {
            Some(l) => crate::abstract_::object::is_true(l)?,
            None => true,
        };
        let ord = order(op)?;
        let i = if last { ord.tail } else { ord.head };
        let Some(n) = ord.node(i) else {
            return Err(raise_type(&raw mut crate::errors::exception_types::_PyExc_KeyError, "dictionary is empty"));
        };
        let key = new_ref(n.key);
        let hash = dict::hash_of(key.as_ptr())?;
        let value = match dict::pop_known_hash(op, key.as_ptr(), hash)? {
            Some(v) => v,
            None => return Err(dict::set_key_error(key.as_ptr())),
        };
        forget(op, key.as_ptr(), hash)?;
        tuple::from_vec(vec![key, value])
    })())
}

static POP_PARAMS: crate::abstract_::unpack_keywords::Params =
    crate::abstract_::unpack_keywords::Params { function: "pop", names: &["key", "default"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn od_pop(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = crate::abstract_::unpack_keywords::bind(&POP_PARAMS, args, nargs as usize, kwnames)?;
        let key = b[0].expect("required");
        let hash = dict::hash_of(key)?;
        // Subclasses too: the dict's own storage, not their __getitem__/__delitem__ (as CPython).
        if let Some(value) = dict::pop_known_hash(op, key, hash)? {
            forget(op, key, hash)?;
            return Ok(value);
        }
        match b[1] {
            Some(d) => Ok(new_ref(d)),
            None => Err(dict::set_key_error(key)),
        }
    })())
}

static SETDEFAULT_PARAMS: crate::abstract_::unpack_keywords::Params =
    crate::abstract_::unpack_keywords::Params { function: "setdefault", names: &["key", "default"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn od_setdefault(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = crate::abstract_::unpack_keywords::bind(&SETDEFAULT_PARAMS, args, nargs as usize, kwnames)?;
        let key = b[0].expect("required");
        let default = b[1].unwrap_or(none());
        if (*op).ob_type == &raw mut PyODict_Type {
            if let Some(v) = dict::get_item(op, key)? {
                return Ok(new_ref(v));
            }
            set(op, key, default)?;
            return Ok(new_ref(default));
        }
        // A subclass: membership through `in` (its __missing__ must not answer), then its
        // own __getitem__ or __setitem__.
        if crate::abstract_::sequence::contains(op, key)? {
            return crate::abstract_::item::get_item(op, key);
        }
        crate::abstract_::item::set_item(op, key, default)?;
        Ok(new_ref(default))
    })())
}

static FROMKEYS_PARAMS: crate::abstract_::unpack_keywords::Params =
    crate::abstract_::unpack_keywords::Params { function: "fromkeys", names: &["iterable", "value"], positional_only: 0, max_positional: 2, required: 1 };

unsafe extern "C" fn od_fromkeys(cls: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let b = crate::abstract_::unpack_keywords::bind(&FROMKEYS_PARAMS, args, nargs as usize, kwnames)?;
        let value = b[1].unwrap_or(none());
        let new = from_slot(PyObject_CallNoArgs(cls))?;
        let it = crate::abstract_::iter::get_iter(b[0].expect("required"))?;
        while let Some(k) = crate::abstract_::iter::next(it.as_ptr())? {
            crate::abstract_::item::set_item(new.as_ptr(), k.as_ptr(), value)?;
        }
        Ok(new)
    })())
}

unsafe extern "C" fn od_sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let mut size = crate::objects::dict_sizeof::size_of(op);
        // CPython's node table (a pointer per dict slot) and nodes (key, hash, links).
        if let Some((slots, _)) = dict::table_shape(op) {
            size += 8 * slots;
        }
        size += 32 * order(op)?.len;
        int::from_i64(size as i64)
    })())
}

unsafe extern "C" fn od_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let state = from_slot(crate::object::object_methods::_PyObject_GetState(op))?;
        let state = if state.as_ptr() == none() || (dict::is_dict(state.as_ptr()) && dict::len(state.as_ptr()) == 0) {
            crate::modules::none_ref()
        } else {
            state
        };
        let items = call_method(op, "items", &[])?;
        let it = crate::abstract_::iter::get_iter(items.as_ptr())?;
        tuple::from_vec(vec![new_ref((*op).ob_type as *mut PyObject), tuple::new(0)?, state, crate::modules::none_ref(), it])
    })())
}

unsafe extern "C" fn od_reversed(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::objects::odict_iter::new_iter(op, crate::objects::odict_iter::KEYS, true))
}

unsafe extern "C" fn od_keys(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::objects::dict_views::new_view(op, &raw mut crate::objects::odict_iter::PyODictKeys_Type))
}

unsafe extern "C" fn od_values(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::objects::dict_views::new_view(op, &raw mut crate::objects::odict_iter::PyODictValues_Type))
}

unsafe extern "C" fn od_items(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::objects::dict_views::new_view(op, &raw mut crate::objects::odict_iter::PyODictItems_Type))
}

static mut ODICT_METHODS: [PyMethodDef; 16] = [
    plain(c"__sizeof__", od_sizeof, METH_NOARGS),
    plain(c"__reduce__", od_reduce, METH_NOARGS).doc(c"Return state information for pickling"),
    fast_kw(c"setdefault", od_setdefault, METH_FASTCALL | METH_KEYWORDS)
        .doc(c"setdefault($self, /, key, default=None)\n--\n\nInsert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."),
    fast_kw(c"pop", od_pop, METH_FASTCALL | METH_KEYWORDS)
        .doc(c"pop($self, /, key, default=<unrepresentable>)\n--\n\nod.pop(key[,default]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."),
    fast_kw(c"popitem", od_popitem, METH_FASTCALL | METH_KEYWORDS)
        .doc(c"popitem($self, /, last=True)\n--\n\nRemove and return a (key, value) pair from the dictionary.\n\nPairs are returned in LIFO order if last is true or FIFO order if false."),
    plain(c"keys", od_keys, METH_NOARGS),
    plain(c"values", od_values, METH_NOARGS),
    plain(c"items", od_items, METH_NOARGS),
    with_kw(c"update", od_update, METH_VARARGS | METH_KEYWORDS),
    plain(c"clear", od_clear, METH_NOARGS).doc(c"od.clear() -> None.  Remove all items from od."),
    plain(c"copy", od_copy, METH_NOARGS).doc(c"od.copy() -> a shallow copy of od"),
    plain(c"__reversed__", od_reversed, METH_NOARGS).doc(c"od.__reversed__() <==> reversed(od)"),
    fast_kw(c"move_to_end", od_move_to_end, METH_FASTCALL | METH_KEYWORDS)
        .doc(c"move_to_end($self, /, key, last=True)\n--\n\nMove an existing element to the end (or beginning if last is false).\n\nRaise KeyError if the element does not exist."),
    fast_kw(c"fromkeys", od_fromkeys, METH_FASTCALL | METH_KEYWORDS | METH_CLASS)
        .doc(c"fromkeys($type, /, iterable, value=None)\n--\n\nCreate a new ordered dictionary with keys from iterable and values set to value."),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

static mut ODICT_GETSET: [crate::object::descr::PyGetSetDef; 2] = [
    crate::object::descr::PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(crate::object::generic_getattr::PyObject_GenericGetDict),
        set: Some(crate::object::generic_getattr::PyObject_GenericSetDict),
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
    crate::object::descr::PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

/// `a | b`: a new OrderedDict of the OrderedDict operand's type, updated with the other.
unsafe extern "C" fn odict_or(left: *mut PyObject, right: *mut PyObject) -> *mut PyObject {
    if !dict::is_dict(left) || !dict::is_dict(right) {
        return new_ref(not_implemented()).into_ptr();
    }
    let tp = if is_odict(left) { (*left).ob_type } else { (*right).ob_type };
    ret_obj((|| {
        let new = from_slot(PyObject_CallOneArg(tp as *mut PyObject, left))?;
        update_arg(new.as_ptr(), right)?;
        Ok(new)
    })())
}

unsafe extern "C" fn odict_ior(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    ret_obj(update_arg(op, other).map(|_| new_ref(op)))
}

static mut ODICT_AS_NUMBER: PyNumberMethods =
    PyNumberMethods { nb_or: Some(odict_or), nb_inplace_or: Some(odict_ior), ..unsafe { core::mem::zeroed() } };

/// `collections.OrderedDict`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyODict_Type: PyTypeObject = PyTypeObject {
    tp_base: &raw mut dict::PyDict_Type,
    tp_dealloc: Some(odict_dealloc),
    tp_repr: Some(odict_repr),
    tp_as_number: &raw mut ODICT_AS_NUMBER,
    tp_as_mapping: &raw mut ODICT_AS_MAPPING,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(odict_traverse),
    tp_clear: Some(odict_tp_clear),
    tp_richcompare: Some(odict_richcompare),
    tp_weaklistoffset: core::mem::offset_of!(ODict, weakreflist) as Py_ssize_t,
    tp_iter: Some(odict_iter),
    tp_methods: &raw mut ODICT_METHODS as *mut PyMethodDef,
    tp_getset: &raw mut ODICT_GETSET as *mut crate::object::descr::PyGetSetDef,
    tp_dictoffset: core::mem::offset_of!(ODict, inst_dict) as Py_ssize_t,
    tp_init: Some(odict_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(odict_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"collections.OrderedDict",
        core::mem::size_of::<ODict>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | crate::object::typeobject::Py_TPFLAGS_DICT_SUBCLASS,
        Some(c"Dictionary that remembers insertion order"),
    )
};

// ---- C-API -------------------------------------------------------------------------------------

/// `PyObject *PyODict_New(void)`: a new empty OrderedDict.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyODict_New() -> *mut PyObject {
    PyObject_CallNoArgs(&raw mut PyODict_Type as *mut PyObject)
}

/// `int PyODict_SetItem(PyObject *od, PyObject *key, PyObject *item)`: `od[key] = item`,
/// appending a new key at the end of the order.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyODict_SetItem(od: *mut PyObject, key: *mut PyObject, item: *mut PyObject) -> c_int {
    if od.is_null() || key.is_null() || item.is_null() || !is_odict(od) {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return -1;
    }
    if set(od, key, item).is_ok() { 0 } else { -1 }
}

/// `int PyODict_DelItem(PyObject *od, PyObject *key)`: `del od[key]` (KeyError if absent).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyODict_DelItem(od: *mut PyObject, key: *mut PyObject) -> c_int {
    if od.is_null() || key.is_null() || !is_odict(od) {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return -1;
    }
    if del(od, key).is_ok() { 0 } else { -1 }
}
