//! OrderedDict's iterator (`odict_iterator`, `PyODictIter_Type`: keys, values or items,
//! forwards or reversed) and views (`odict_keys`, `odict_values`, `odict_items`: the dict
//! views, walking the OrderedDict's order and reversible).
//!
//! An iterator holds the index of its next node and the order's `state` when it started:
//! a changed order is "OrderedDict mutated during iteration", a changed size (the dict
//! changed behind the order's back) "OrderedDict changed size during iteration", after
//! which the iterator is exhausted, as in CPython.
use core::ffi::{c_int, c_void};

use crate::abstract_::{new_ref, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::visitproc;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::dict_views::view_dict;
use crate::objects::odict::order;
use crate::objects::{dict, tuple};
use crate::pyport::Py_ssize_t;

pub(crate) const KEYS: u8 = 1;
pub(crate) const VALUES: u8 = 2;
pub(crate) const ITEMS: u8 = KEYS | VALUES;

#[repr(C)]
struct ODictIter {
    ob_base: PyObject,
    /// The OrderedDict (owned); NULL once exhausted.
    od: *mut PyObject,
    next: usize,
    kind: u8,
    reversed: bool,
    state: u64,
    size: Py_ssize_t,
}

/// A new iterator over `od` (an OrderedDict).
pub(crate) unsafe fn new_iter(od: *mut PyObject, kind: u8, reversed: bool) -> PyResult<PyRef> {
    let ord = order(od)?;
    let (first, state) = (if reversed { ord.tail } else { ord.head }, ord.state);
    let it = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyODictIter_Type, 0)).ok_or_else(no_memory)?;
    let p = it.as_ptr() as *mut ODictIter;
    (*p).od = new_ref(od).into_ptr();
    (*p).next = first;
    (*p).kind = kind;
    (*p).reversed = reversed;
    (*p).state = state;
    (*p).size = dict::len(od) as Py_ssize_t;
    PyObject_GC_Track(p as *mut c_void);
    Ok(it)
}

unsafe fn exhaust(it: *mut ODictIter) {
    drop(PyRef::from_owned(core::mem::replace(&mut (*it).od, core::ptr::null_mut())));
}

/// The next key (new reference), None at the end.
unsafe fn next_key(it: *mut ODictIter) -> PyResult<Option<PyRef>> {
    let od = (*it).od;
    if od.is_null() {
        return Ok(None);
    }
    let ord = order(od)?;
    if ord.state != (*it).state {
        exhaust(it);
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "OrderedDict mutated during iteration"));
    }
    if dict::len(od) as Py_ssize_t != (*it).size {
        exhaust(it);
        return Err(raise_type(&raw mut exc::_PyExc_RuntimeError, "OrderedDict changed size during iteration"));
    }
    let Some(n) = ord.node((*it).next) else {
        exhaust(it);
        return Ok(None);
    };
    (*it).next = if (*it).reversed { n.prev } else { n.next };
    Ok(Some(new_ref(n.key)))
}

/// What the iterator yields for `key`: the key, its value, or the pair.
unsafe fn result_for(od: *mut PyObject, kind: u8, key: PyRef) -> PyResult<PyRef> {
    if kind == KEYS {
        return Ok(key);
    }
    let value = match dict::get_item(od, key.as_ptr())? {
        Some(v) => new_ref(v),
        None => return Err(dict::set_key_error(key.as_ptr())),
    };
    if kind == VALUES {
        return Ok(value);
    }
    tuple::from_vec(vec![key, value])
}

unsafe extern "C" fn odictiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ODictIter;
    let od = (*it).od;
    match next_key(it) {
        Ok(Some(k)) => ret_obj(result_for(od, (*it).kind, k)),
        Ok(None) => core::ptr::null_mut(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `__reduce__`: `(iter, (list_of_what_remains,))`, without advancing this iterator.
unsafe extern "C" fn odictiter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut ODictIter;
    ret_obj((|| {
        let mut rest = Vec::new();
        let od = (*it).od;
        if !od.is_null() {
            // A copy of this iterator's position (with its own reference to `od`) runs to the end.
            let mut copy = ODictIter { ob_base: PyObject { ob_refcnt: 1, ob_type: (*it).ob_base.ob_type }, od: new_ref(od).into_ptr(), next: (*it).next, kind: (*it).kind,
                                       reversed: (*it).reversed, state: (*it).state, size: (*it).size };
            let mut failed = None;
            loop {
                match next_key(&mut copy) {
                    Ok(Some(k)) => match result_for(od, copy.kind, k) {
                        Ok(v) => rest.push(v),
                        Err(e) => { failed = Some(e); break; }
                    },
                    Ok(None) => break,
                    Err(e) => { failed = Some(e); break; }
                }
            }
            exhaust(&mut copy);
            if let Some(e) = failed {
                return Err(e);
            }
        }
        crate::objects::reduce_forms::reduce_to_list(crate::objects::list::from_vec(rest)?)
    })())
}

unsafe extern "C" fn odictiter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    exhaust(op as *mut ODictIter);
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn odictiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let od = (*(op as *mut ODictIter)).od;
    match visit {
        Some(v) if !od.is_null() => v(od, arg),
        _ => 0,
    }
}

static mut ODICTITER_METHODS: [PyMethodDef; 2] = [
    plain(c"__reduce__", odictiter_reduce, METH_NOARGS).doc(c"Return state information for pickling"),
    END,
];

#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyODictIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(odictiter_dealloc),
    tp_traverse: Some(odictiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(odictiter_next),
    tp_methods: &raw mut ODICTITER_METHODS as *mut PyMethodDef,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    ..static_type(c"odict_iterator", core::mem::size_of::<ODictIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

// ---- views -------------------------------------------------------------------------------------

unsafe extern "C" fn keys_iter(v: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), KEYS, false))
}
unsafe extern "C" fn values_iter(v: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), VALUES, false))
}
unsafe extern "C" fn items_iter(v: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), ITEMS, false))
}
unsafe extern "C" fn keys_reversed(v: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), KEYS, true))
}
unsafe extern "C" fn values_reversed(v: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), VALUES, true))
}
unsafe extern "C" fn items_reversed(v: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), ITEMS, true))
}

static mut KEYS_METHODS: [PyMethodDef; 2] = [plain(c"__reversed__", keys_reversed, METH_NOARGS), END];
static mut VALUES_METHODS: [PyMethodDef; 2] = [plain(c"__reversed__", values_reversed, METH_NOARGS), END];
static mut ITEMS_METHODS: [PyMethodDef; 2] = [plain(c"__reversed__", items_reversed, METH_NOARGS), END];

const fn view_type(name: &'static core::ffi::CStr, base: *mut PyTypeObject, iter: crate::object::slots::getiterfunc, methods: *mut PyMethodDef) -> PyTypeObject {
    PyTypeObject {
        tp_base: base,
        tp_iter: iter,
        tp_methods: methods,
        ..static_type(name, core::mem::size_of::<dict::_PyDictViewObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
    }
}

#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyODictKeys_Type: PyTypeObject =
    view_type(c"odict_keys", &raw mut crate::objects::dict_views::PyDictKeys_Type, Some(keys_iter), &raw mut KEYS_METHODS as *mut PyMethodDef);
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyODictValues_Type: PyTypeObject =
    view_type(c"odict_values", &raw mut crate::objects::dict_views::PyDictValues_Type, Some(values_iter), &raw mut VALUES_METHODS as *mut PyMethodDef);
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut PyODictItems_Type: PyTypeObject =
    view_type(c"odict_items", &raw mut crate::objects::dict_views::PyDictItems_Type, Some(items_iter), &raw mut ITEMS_METHODS as *mut PyMethodDef);
