//! `_collections._deque_iterator` and `_deque_reverse_iterator`: positions into a deque
//! that fail with RuntimeError once the deque was mutated.
use crate::abstract_::{new_ref, ret_obj};
use crate::errors::raised::PyResult;
use crate::modules::collections::deque::{items, len, mutated, state};
use crate::modules::itertools::{alloc_as, iter_type, next_ret};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

#[repr(C)]
struct DequeIter {
    ob_base: PyObject,
    deque: *mut PyObject,
    /// Items produced so far.
    index: usize,
    /// The deque's mutation counter when the iterator was made.
    state: usize,
}

static mut DEQUE_ITER_METHODS: [PyMethodDef; 2] = [
    plain(c"__length_hint__", iter_len, METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    END,
];

iter_type!(DequeIter_Type, c"_collections._deque_iterator", DequeIter, 1, next: iter_next, doc: c"",
    tp_methods: &raw mut DEQUE_ITER_METHODS as *mut PyMethodDef);
iter_type!(DequeRevIter_Type, c"_collections._deque_reverse_iterator", DequeIter, 1, next: rev_next, doc: c"",
    tp_methods: &raw mut DEQUE_ITER_METHODS as *mut PyMethodDef);

pub(crate) unsafe fn new_iter(deque: *mut PyObject, reverse: bool) -> PyResult<PyRef> {
    let tp = if reverse { &raw mut DequeRevIter_Type } else { &raw mut DequeIter_Type };
    let (op, it) = alloc_as::<DequeIter>(tp)?;
    (*it).deque = new_ref(deque).into_ptr();
    (*it).state = state(deque);
    Ok(op)
}

unsafe fn step(op: *mut PyObject, reverse: bool) -> *mut PyObject {
    let it = op as *mut DequeIter;
    next_ret((|| -> PyResult<Option<PyRef>> {
        let d = (*it).deque;
        if state(d) != (*it).state {
            (*it).index = usize::MAX;
            return Err(mutated());
        }
        let n = len(d);
        if (*it).index >= n {
            return Ok(None);
        }
        let i = if reverse { n - 1 - (*it).index } else { (*it).index };
        (*it).index += 1;
        Ok(Some(new_ref(items(d)[i])))
    })())
}

unsafe extern "C" fn iter_next(op: *mut PyObject) -> *mut PyObject {
    step(op, false)
}

unsafe extern "C" fn rev_next(op: *mut PyObject) -> *mut PyObject {
    step(op, true)
}

unsafe extern "C" fn iter_len(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut DequeIter;
    let left = len((*it).deque).saturating_sub((*it).index);
    ret_obj(crate::objects::int::from_i64(left as i64))
}
