//! The Python-level methods of `set` and `frozenset` (`tp_methods`): add, discard, remove,
//! pop, clear, copy, update, union, intersection(_update), difference(_update),
//! symmetric_difference(_update), issubset, issuperset, isdisjoint, `__contains__`,
//! `__reduce__`, `__sizeof__`. The multi-argument forms take any iterables, as CPython's.
use crate::abstract_::{new_ref, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_COEXIST, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::method_table::{plain, END};
use crate::objects::container_methods::{none_result, ret};
use crate::objects::set::{self, PyFrozenSet_Type, PySet_Type, Probe};
use crate::objects::{dict, tuple};

/// `set`'s method table.
pub(crate) static mut SET_METHODS: [PyMethodDef; 22] = [
    plain(c"add", set_add, METH_O).doc(c"Add an element to a set.\n\nThis has no effect if the element is already present."),
    plain(c"clear", set_clear, METH_NOARGS).doc(c"Remove all elements from this set."),
    plain(c"__contains__", contains_method, METH_O | METH_COEXIST).doc(c"x.__contains__(y) <==> y in x."),
    plain(c"copy", set_copy, METH_NOARGS).doc(c"Return a shallow copy of a set."),
    plain(c"discard", set_discard, METH_O).doc(c"Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."),
    plain(c"difference", difference_multi, METH_VARARGS).doc(c"Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
    plain(c"difference_update", difference_update_multi, METH_VARARGS).doc(c"Remove all elements of another set from this set."),
    plain(c"intersection", intersection_multi, METH_VARARGS).doc(c"Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
    plain(c"intersection_update", intersection_update_multi, METH_VARARGS).doc(c"Update a set with the intersection of itself and another."),
    plain(c"isdisjoint", isdisjoint, METH_O).doc(c"Return True if two sets have a null intersection."),
    plain(c"issubset", issubset, METH_O).doc(c"Report whether another set contains this set."),
    plain(c"issuperset", issuperset, METH_O).doc(c"Report whether this set contains another set."),
    plain(c"pop", set_pop, METH_NOARGS).doc(c"Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
    plain(c"__reduce__", reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    plain(c"remove", set_remove, METH_O).doc(c"Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."),
    plain(c"__sizeof__", sizeof, METH_NOARGS).doc(c"S.__sizeof__() -> size of S in memory, in bytes"),
    plain(c"symmetric_difference", symmetric_difference, METH_O).doc(c"Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
    plain(c"symmetric_difference_update", symmetric_difference_update, METH_O).doc(c"Update a set with the symmetric difference of itself and another."),
    plain(c"union", union_multi, METH_VARARGS).doc(c"Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
    plain(c"update", update_multi, METH_VARARGS).doc(c"Update a set with the union of itself and others."),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

/// `frozenset`'s method table.
pub(crate) static mut FROZENSET_METHODS: [PyMethodDef; 13] = [
    plain(c"__contains__", contains_method, METH_O | METH_COEXIST).doc(c"x.__contains__(y) <==> y in x."),
    plain(c"copy", frozenset_copy, METH_NOARGS).doc(c"Return a shallow copy of a set."),
    plain(c"difference", difference_multi, METH_VARARGS).doc(c"Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
    plain(c"intersection", intersection_multi, METH_VARARGS).doc(c"Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
    plain(c"isdisjoint", isdisjoint, METH_O).doc(c"Return True if two sets have a null intersection."),
    plain(c"issubset", issubset, METH_O).doc(c"Report whether another set contains this set."),
    plain(c"issuperset", issuperset, METH_O).doc(c"Report whether this set contains another set."),
    plain(c"__reduce__", reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    plain(c"__sizeof__", sizeof, METH_NOARGS).doc(c"S.__sizeof__() -> size of S in memory, in bytes"),
    plain(c"symmetric_difference", symmetric_difference, METH_O).doc(c"Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
    plain(c"union", union_multi, METH_VARARGS).doc(c"Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

/// Runs a key operation; an unhashable `set` key is retried as the equal frozenset, as
/// CPython's `remove`/`discard`/`__contains__` do.
unsafe fn with_frozen_key<T>(key: *mut PyObject, f: impl Fn(*mut PyObject) -> PyResult<T>) -> PyResult<T> {
    match f(key) {
        Err(e) if set::is_set(key)
            && crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 =>
        {
            let _ = e;
            crate::errors::pyerr::PyErr_Clear();
            let frozen = set::new(true, key)?;
            f(frozen.as_ptr())
        }
        r => r,
    }
}

/// A new, empty set or frozenset: the base type (of the two) of `like`.
unsafe fn empty_like(like: *mut PyObject) -> PyResult<PyRef> {
    set::new_empty(if set::is_frozenset(like) { &raw mut PyFrozenSet_Type } else { &raw mut PySet_Type })
}

/// `other` as a set: itself if it is one, else a new set of its elements.
unsafe fn as_set(other: *mut PyObject) -> PyResult<PyRef> {
    if set::is_any_set(other) {
        return Ok(new_ref(other));
    }
    set::new(false, other)
}

unsafe fn each_arg(args: *mut PyObject, mut f: impl FnMut(*mut PyObject) -> PyResult<()>) -> PyResult<()> {
    for &o in tuple::items(args) {
        f(o)?;
    }
    Ok(())
}

unsafe extern "C" fn set_add(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    none_result(set::add(op, key))
}

unsafe extern "C" fn set_clear(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    set::clear(op);
    none_result(Ok(()))
}

unsafe extern "C" fn contains_method(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    match set::set_sq_contains(op, key) {
        -1 => core::ptr::null_mut(),
        r => crate::abstract_::compare::bool_ref(r != 0).into_ptr(),
    }
}

unsafe extern "C" fn set_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(set::copy_as(op, op))
}

/// A frozenset is immutable, so an exact one is its own copy.
unsafe extern "C" fn frozenset_copy(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    if (*op).ob_type == &raw mut PyFrozenSet_Type {
        return new_ref(op).into_ptr();
    }
    ret(set::copy_as(op, op))
}

unsafe extern "C" fn set_discard(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    none_result(with_frozen_key(key, |k| set::discard(op, k)).map(|_| ()))
}

unsafe extern "C" fn set_remove(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    match with_frozen_key(key, |k| set::discard(op, k)) {
        Ok(true) => new_ref(none()).into_ptr(),
        Ok(false) => {
            let _ = dict::set_key_error(key);
            core::ptr::null_mut()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn set_pop(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret(set::pop(op))
}

/// Removes from `op` every element of `other` (any iterable).
unsafe fn difference_update(op: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if op == other {
        set::clear(op);
        return Ok(());
    }
    if set::is_any_set(other) {
        let _hold = new_ref(other);
        for (k, h) in set::elements_owned(other) {
            set::discard_known_hash(op, k.as_ptr(), h)?;
        }
        return Ok(());
    }
    if dict::is_exact(other) {
        // The dict's stored hashes serve (its keys are not hashed again).
        let _hold = new_ref(other);
        let mut pos = 0;
        while let Some((k, _, h)) = dict::next_entry(other, &mut pos) {
            let k = new_ref(k);
            set::discard_known_hash(op, k.as_ptr(), h)?;
        }
        return Ok(());
    }
    let it = crate::abstract_::iter::get_iter(other)?;
    while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
        set::discard(op, x.as_ptr())?;
    }
    Ok(())
}

/// `a.difference(b)` for one iterable `b`.
unsafe fn difference_one(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if set::is_any_set(b) {
        return set::difference(a, b);
    }
    if dict::is_exact(b) && set::len(a) >> 2 <= dict::len(b) {
        // `a`'s elements looked up in the dict by their stored hashes.
        let r = empty_like(a)?;
        let _hold = (new_ref(a), new_ref(b));
        for (k, h) in set::elements_owned(a) {
            if dict::get_item_known_hash(b, k.as_ptr(), h)?.is_none() {
                set::add_known_hash(r.as_ptr(), k.as_ptr(), h)?;
            }
        }
        return Ok(r);
    }
    let r = set::copy_as(a, a)?;
    difference_update(r.as_ptr(), b)?;
    Ok(r)
}

unsafe extern "C" fn difference_multi(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let others = tuple::items(args);
        let Some((&first, rest)) = others.split_first() else { return set::copy_as(op, op) };
        let r = difference_one(op, first)?;
        for &o in rest {
            difference_update(r.as_ptr(), o)?;
        }
        Ok(r)
    })())
}

unsafe extern "C" fn difference_update_multi(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    none_result(each_arg(args, |o| difference_update(op, o)))
}

/// `a.intersection(b)` for one iterable `b`: for a non-set, its elements found in `a`, in
/// `b`'s order.
unsafe fn intersection_one(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if set::is_any_set(b) {
        return set::intersection(a, b);
    }
    let r = empty_like(a)?;
    let it = crate::abstract_::iter::get_iter(b)?;
    while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
        if set::contains(a, x.as_ptr())? {
            set::add(r.as_ptr(), x.as_ptr())?;
        }
    }
    Ok(r)
}

unsafe fn intersection_all(op: *mut PyObject, args: *mut PyObject) -> PyResult<PyRef> {
    let mut r = set::copy_as(op, op)?;
    for &o in tuple::items(args) {
        r = intersection_one(r.as_ptr(), o)?;
    }
    Ok(r)
}

unsafe extern "C" fn intersection_multi(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret(intersection_all(op, args))
}

unsafe extern "C" fn intersection_update_multi(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    none_result((|| {
        let r = intersection_all(op, args)?;
        set::clear(op);
        set::merge(op, r.as_ptr())
    })())
}

unsafe extern "C" fn union_multi(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = set::copy_as(op, op)?;
        each_arg(args, |o| if o == op { Ok(()) } else { set::update(r.as_ptr(), o) })?;
        Ok(r)
    })())
}

unsafe extern "C" fn update_multi(op: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    none_result(each_arg(args, |o| set::update(op, o)))
}

/// A set of `other`'s elements (with `op`'s base type) updated symmetrically with `op`, as
/// CPython builds it (which decides the iteration order).
unsafe extern "C" fn symmetric_difference(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = empty_like(op)?;
        set::update(r.as_ptr(), other)?;
        set::symmetric_update(r.as_ptr(), op)?;
        Ok(r)
    })())
}

unsafe extern "C" fn symmetric_difference_update(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    none_result((|| {
        if op == other {
            set::clear(op);
            return Ok(());
        }
        let o = as_set(other)?;
        set::symmetric_update(op, o.as_ptr())
    })())
}

unsafe extern "C" fn issubset(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    bool_result((|| {
        let o = as_set(other)?;
        set::is_subset(op, o.as_ptr())
    })())
}

unsafe extern "C" fn issuperset(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    bool_result((|| {
        if set::is_any_set(other) {
            return set::is_subset(other, op);
        }
        let it = crate::abstract_::iter::get_iter(other)?;
        while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
            if !set::contains(op, x.as_ptr())? {
                return Ok(false);
            }
        }
        Ok(true)
    })())
}

unsafe extern "C" fn isdisjoint(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    bool_result((|| {
        if op == other {
            return Ok(set::len(op) == 0);
        }
        if set::is_any_set(other) {
            // Iterate the smaller, probe the larger.
            let (small, large) = if set::len(other) > set::len(op) { (op, other) } else { (other, op) };
            let _hold = (new_ref(small), new_ref(large));
            for (k, h) in set::elements_owned(small) {
                if matches!(set::probe(set::so(large), k.as_ptr(), h)?, Probe::Found(_)) {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        let it = crate::abstract_::iter::get_iter(other)?;
        while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
            if set::contains(op, x.as_ptr())? {
                return Ok(false);
            }
        }
        Ok(true)
    })())
}

/// `(type(s), (list(s),), s.__dict__ or None)`.
unsafe extern "C" fn reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let keys: Vec<*mut PyObject> = set::elements(op).into_iter().map(|(k, _)| k).collect();
        let list = crate::objects::list::from_ptrs(&keys)?;
        let args = tuple::from_vec(vec![list])?;
        // `__getstate__()`: the instance dict, with a subclass's slots (CPython's
        // _PyObject_GetState).
        let name = crate::object::object_attr::interned_name(c"__getstate__".as_ptr())?;
        let getstate = crate::object::object_attr::get_attr(op, name.as_ptr())?;
        let state = PyRef::from_owned(crate::abstract_::call::PyObject_CallNoArgs(getstate.as_ptr()))
            .ok_or_else(crate::errors::raised::Raised::assume_set)?;
        let tp = new_ref((*op).ob_type as *mut PyObject);
        tuple::from_vec(vec![tp, args, state])
    })())
}

/// The object's basic size plus its table when that is not the embedded one.
unsafe extern "C" fn sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let s = set::so(op);
    let mut n = (*(*op).ob_type).tp_basicsize as usize;
    if (*s).table != (&raw mut (*s).smalltable) as *mut set::setentry {
        n += ((*s).mask as usize + 1) * core::mem::size_of::<set::setentry>();
    }
    ret(crate::objects::int::from_i64(n as i64))
}

fn bool_result(r: PyResult<bool>) -> *mut PyObject {
    match r {
        Ok(b) => crate::abstract_::compare::bool_ref(b).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}
