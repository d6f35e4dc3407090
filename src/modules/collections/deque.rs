//! `collections.deque`: a ring buffer of object pointers (VecDeque: amortized O(1) at both
//! ends, no allocation per item), an optional maximum length (appending to a full deque
//! drops from the other end), and a mutation counter that live iterators check.
use core::ffi::c_int;
use std::collections::VecDeque;

use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::iter::{get_iter, next};
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::{new_ref, none, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::{PyObject, Py_EQ};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::typeobject::PyTypeObject;
use crate::pyport::Py_ssize_t;

#[repr(C)]
pub(crate) struct Deque {
    ob_base: PyObject,
    /// The items (owned references); None only before tp_new finished (zeroed memory).
    items: Option<Box<VecDeque<*mut PyObject>>>,
    /// -1 for unbounded.
    pub(crate) maxlen: Py_ssize_t,
    /// Bumped by every mutation; iterators compare it with the value they started with.
    pub(crate) state: usize,
    pub(crate) weakreflist: *mut PyObject,
}

/// The items of a deque.
pub(crate) unsafe fn items<'a>(op: *mut PyObject) -> &'a mut VecDeque<*mut PyObject> {
    let d = op as *mut Deque;
    (*d).items.get_or_insert_with(Default::default)
}

pub(crate) unsafe fn len(op: *mut PyObject) -> usize {
    (*(op as *mut Deque)).items.as_ref().map_or(0, |v| v.len())
}

pub(crate) unsafe fn state(op: *mut PyObject) -> usize {
    (*(op as *mut Deque)).state
}

unsafe fn bump(op: *mut PyObject) {
    let d = op as *mut Deque;
    (*d).state = (*d).state.wrapping_add(1);
}

pub(crate) unsafe fn is_deque(op: *mut PyObject) -> bool {
    crate::abstract_::is_instance_of(op, &raw mut super::deque_type::Deque_Type)
}

pub(crate) fn index_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_IndexError, message)
}

pub(crate) fn mutated() -> Raised {
    raise_type(&raw mut exc::_PyExc_RuntimeError, "deque mutated during iteration")
}

/// Appends on the right (`left` false) or left, dropping from the other end when full.
pub(crate) unsafe fn push(op: *mut PyObject, item: PyRef, left: bool) {
    let maxlen = (*(op as *mut Deque)).maxlen;
    if maxlen == 0 {
        return;
    }
    let v = items(op);
    let dropped = if maxlen > 0 && v.len() >= maxlen as usize {
        if left { v.pop_back() } else { v.pop_front() }
    } else {
        None
    };
    if left {
        v.push_front(item.into_ptr());
    } else {
        v.push_back(item.into_ptr());
    }
    bump(op);
    // Released last: its dealloc may run code that touches the deque.
    drop(dropped.and_then(|p| PyRef::from_owned(p)));
}

pub(crate) unsafe fn pop(op: *mut PyObject, left: bool) -> PyResult<PyRef> {
    let v = items(op);
    let p = if left { v.pop_front() } else { v.pop_back() };
    match p {
        Some(p) => {
            bump(op);
            Ok(PyRef::from_owned(p).expect("deque items are not NULL"))
        }
        None => Err(index_error("pop from an empty deque")),
    }
}

/// Appends every item of `iterable` (a snapshot first when it is the deque itself).
pub(crate) unsafe fn extend(op: *mut PyObject, iterable: *mut PyObject, left: bool) -> PyResult<()> {
    if iterable == op {
        let snapshot = crate::objects::list::from_iterable(iterable)?;
        return extend(op, snapshot.as_ptr(), left);
    }
    let it = get_iter(iterable)?;
    while let Some(item) = next(it.as_ptr())? {
        push(op, item, left);
    }
    Ok(())
}

/// Removes every item (released after the deque is already empty).
pub(crate) unsafe fn clear(op: *mut PyObject) {
    let old = core::mem::take(items(op));
    bump(op);
    for p in old {
        drop(PyRef::from_owned(p));
    }
}

/// The items as owned references (safe against mutation while they are used).
pub(crate) unsafe fn snapshot(op: *mut PyObject) -> Vec<PyRef> {
    items(op).iter().map(|&p| new_ref(p)).collect()
}

/// The first index in `start..stop` whose item equals `x`, watching for mutation.
pub(crate) unsafe fn find(op: *mut PyObject, x: *mut PyObject, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let st = state(op);
    let mut i = start;
    while i < stop.min(len(op)) {
        let item = new_ref(items(op)[i]);
        let eq = rich_compare_bool(item.as_ptr(), x, Py_EQ)?;
        if state(op) != st {
            return Err(mutated());
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

/// A new empty deque of `tp`.
pub(crate) unsafe extern "C" fn deque_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kwds: *mut PyObject) -> *mut PyObject {
    let op = match crate::objects::iter_common::alloc(tp) {
        Ok(op) => op,
        Err(_) => return core::ptr::null_mut(),
    };
    let d = op.as_ptr() as *mut Deque;
    core::ptr::write(&mut (*d).items, Some(Box::default()));
    (*d).maxlen = -1;
    op.into_ptr()
}

static INIT_PARAMS: Params = Params { function: "deque", names: &["iterable", "maxlen"], positional_only: 0, max_positional: 2, required: 0 };

/// `deque.__init__(self, iterable=(), maxlen=None)`.
pub(crate) unsafe extern "C" fn deque_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let n = if args.is_null() { 0 } else { crate::objects::tuple::len(args) };
        if n > 2 {
            return Err(type_error(format!("deque() takes at most 2 arguments ({n} given)")));
        }
        let [iterable, maxlen] = bind_tuple_dict_array::<2>(&INIT_PARAMS, args, kwds)?;
        let mut m = -1;
        if !maxlen.is_null() && maxlen != none() {
            if !crate::objects::int::is_int(maxlen) && crate::abstract_::number::PyIndex_Check(maxlen) == 0 {
                return Err(type_error("an integer is required"));
            }
            m = crate::abstract_::item::as_ssize(maxlen, Some(&raw mut exc::_PyExc_OverflowError))?;
            if m < 0 {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "maxlen must be non-negative"));
            }
        }
        (*(op as *mut Deque)).maxlen = m;
        if len(op) > 0 {
            clear(op);
        }
        if !iterable.is_null() {
            extend(op, iterable, false)?;
        }
        Ok(())
    })();
    if r.is_ok() { 0 } else { -1 }
}

pub(crate) unsafe extern "C" fn deque_dealloc(op: *mut PyObject) {
    crate::object::objimpl::PyObject_GC_UnTrack(op as *mut core::ffi::c_void);
    let d = op as *mut Deque;
    if !(*d).weakreflist.is_null() {
        crate::objects::weakref::PyObject_ClearWeakRefs(op);
    }
    if let Some(v) = (*d).items.take() {
        for p in v.into_iter() {
            drop(PyRef::from_owned(p));
        }
    }
    // A subclass's heap type is released by subtype_dealloc, not here.
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut core::ffi::c_void),
        None => crate::object::temp_alloc::free_gc_object(op as *mut core::ffi::c_void),
    }
}

pub(crate) unsafe extern "C" fn deque_traverse(op: *mut PyObject, visit: visitproc, arg: *mut core::ffi::c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    if let Some(v) = (*(op as *mut Deque)).items.as_ref() {
        for &p in v.iter() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub(crate) unsafe extern "C" fn deque_tp_clear(op: *mut PyObject) -> c_int {
    clear(op);
    0
}
