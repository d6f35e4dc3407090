//! The `__reduce__` forms builtin objects share (CPython 3.11's, which pickle and `copy`
//! rebuild through `__reduce__`/`__setstate__`):
//!
//! - a method or descriptor reduces to `(getattr, (owner, name))`;
//! - an iterator at position `index` over a sequence reduces to `(iter, (seq,), index)`
//!   (`(reversed, (seq,), index)` for the reverse ones), and `__setstate__(index)` moves
//!   it, clamped to the sequence;
//! - an exhausted one reduces to `(iter, (empty,))`, `empty` of the sequence's kind;
//! - an iterator over a snapshot (sets, dicts) reduces to `(iter, (list_of_the_rest,))`.
//!
//! The "indexed" iterators (list, tuple, str, bytes, bytearray and the generic sequence
//! iterator) share one layout, [`IndexedIter`], so one `__reduce__`/`__setstate__` pair
//! serves them all.
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{dict, int, list, tuple};
use crate::pyport::Py_ssize_t;

/// The layout of the indexed iterators: the next index and the sequence (NULL once
/// exhausted). list_iterator, list_reverseiterator, tuple_iterator, str_iterator,
/// bytes_iterator, bytearray_iterator and `iterator` (PySeqIter) all have it.
#[repr(C)]
pub(crate) struct IndexedIter {
    pub(crate) ob_base: PyObject,
    pub(crate) it_index: Py_ssize_t,
    pub(crate) it_seq: *mut PyObject,
}

/// The builtin `name` from the current builtins (as CPython's `_PyEval_GetBuiltin`, so a
/// replaced `builtins.iter` is what pickles name). A full lookup: a key of another type
/// equal to the name is found too, and its `__eq__` may run (and change the iterator being
/// reduced, so callers read their state after this).
pub(crate) unsafe fn builtin(name: &str) -> PyResult<PyRef> {
    let builtins = crate::modules::builtins_module::PyEval_GetBuiltins();
    let key = crate::objects::str::intern(name)?;
    match dict::get_item(builtins, key.as_ptr())? {
        Some(f) => Ok(new_ref(f)),
        None => Err(raise_type(&raw mut exc::_PyExc_AttributeError, name)),
    }
}

/// `(getattr, (owner, name))`: how methods and descriptors pickle.
pub(crate) unsafe fn reduce_getattr(owner: *mut PyObject, name: *mut PyObject) -> PyResult<PyRef> {
    let args = tuple::from_ptrs(&[owner, name])?;
    tuple::from_vec(vec![builtin("getattr")?, args])
}

/// `(callable, (seq,), index)`.
pub(crate) unsafe fn reduce_at(callable: PyRef, seq: *mut PyObject, index: PyRef) -> PyResult<PyRef> {
    let args = tuple::from_ptrs(&[seq])?;
    tuple::from_vec(vec![callable, args, index])
}

/// `(callable, (arg,))`.
pub(crate) unsafe fn reduce_one(callable: PyRef, arg: PyRef) -> PyResult<PyRef> {
    let args = tuple::from_vec(vec![arg])?;
    tuple::from_vec(vec![callable, args])
}

/// `(iter, (items,))` for an iterator that reduces to a list of what it has left.
pub(crate) unsafe fn reduce_to_list(items: PyRef) -> PyResult<PyRef> {
    reduce_one(builtin("iter")?, items)
}

/// The `__setstate__` argument of the indexed iterators: an int (PyLong_AsSsize_t).
pub(crate) unsafe fn state_index(state: *mut PyObject) -> PyResult<Py_ssize_t> {
    let v = crate::objects::long_convert::PyLong_AsSsize_t(state);
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

/// What kind of sequence an indexed iterator walks (decides the empty sequence an exhausted
/// one reduces to, and whether `__setstate__` clamps to the length).
unsafe fn kind_of(op: *mut PyObject) -> (fn() -> PyResult<PyRef>, bool, bool) {
    use crate::objects as o;
    let tp = (*op).ob_type;
    // (empty sequence, clamps to the length, reversed)
    if tp == &raw mut o::list_iter::PyListIter_Type {
        (|| list::new(0), true, false)
    } else if tp == &raw mut o::list_iter::PyListRevIter_Type {
        (|| list::new(0), true, true)
    } else if tp == &raw mut o::str_iter::PyUnicodeIter_Type || tp == &raw mut o::str_iter::UnicodeASCIIIter_Type {
        (crate::objects::str::empty, true, false)
    } else if tp == &raw mut o::iterobject::PySeqIter_Type {
        (|| tuple::new(0), false, false)
    } else {
        // tuple, bytes and bytearray iterators
        (|| tuple::new(0), true, false)
    }
}

/// `__reduce__` of the indexed iterators.
pub(crate) unsafe extern "C" fn indexed_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut IndexedIter;
    ret_obj((|| {
        let (empty, _, reverse) = kind_of(op);
        // The lookups first: they may run code that exhausts this iterator.
        let reversed = if reverse { Some(builtin("reversed")?) } else { None };
        let iter = builtin("iter")?;
        let seq = (*it).it_seq;
        if seq.is_null() {
            return reduce_one(iter, empty()?);
        }
        reduce_at(reversed.unwrap_or(iter), seq, int::from_i64((*it).it_index as i64)?)
    })())
}

/// `__setstate__(index)` of the indexed iterators: clamped to `0..=len` (`-1..=len-1` for
/// the reverse ones); an exhausted iterator stays exhausted.
pub(crate) unsafe extern "C" fn indexed_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let it = op as *mut IndexedIter;
    ret_obj((|| {
        let mut index = state_index(state)?;
        let seq = (*it).it_seq;
        if !seq.is_null() {
            let (_, clamps, reverse) = kind_of(op);
            let (lo, hi) = if clamps {
                let n = crate::abstract_::object::size(seq)?;
                if reverse { (-1, n - 1) } else { (0, n) }
            } else {
                (0, Py_ssize_t::MAX)
            };
            index = index.clamp(lo, hi.max(lo));
            (*it).it_index = index;
        }
        Ok(new_ref(crate::abstract_::none()))
    })())
}

/// The `__reduce__`/`__setstate__` method-table entries of the indexed iterators.
pub(crate) const INDEXED_REDUCE: crate::object::methods::PyMethodDef = crate::object::method_table::plain(
    c"__reduce__",
    indexed_reduce,
    crate::object::methods::METH_NOARGS,
)
.doc(c"Return state information for pickling.");

pub(crate) const INDEXED_SETSTATE: crate::object::methods::PyMethodDef = crate::object::method_table::plain(
    c"__setstate__",
    indexed_setstate,
    crate::object::methods::METH_O,
)
.doc(c"Set state information for unpickling.");
