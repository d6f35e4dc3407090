//! The dict views (`d.keys()`, `d.values()`, `d.items()`: types `dict_keys`, `dict_values`,
//! `dict_items`) and the dict iterators (`dict_keyiterator`, `dict_valueiterator`,
//! `dict_itemiterator`, and for `reversed()` `dict_reversekeyiterator`,
//! `dict_reversevalueiterator`, `dict_reverseitemiterator`).
//!
//! An iterator walks the entry positions of the dict's table (a reverse one from the last
//! position down). It remembers the size at its start: a different size at any step is
//! "dictionary changed size during iteration" (RuntimeError), after which the iterator is
//! exhausted; a forward iterator finding more entries than the size promised (keys replaced
//! by others) raises "dictionary keys changed during iteration".
use core::ffi::{c_int, c_void, CStr};

use crate::abstract_::compare::{bool_ref, rich_compare_bool};
use crate::abstract_::object::repr_guarded;
use crate::abstract_::{new_ref, not_implemented, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::{PyObject, Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE};
use crate::object::method_table::{plain, END};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::{getiterfunc, iternextfunc, richcmpfunc, visitproc, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_HAVE_GC};
use crate::objects::dict::{self, PyDictObject, _PyDictViewObject};
use crate::objects::tuple;
use crate::pyport::Py_ssize_t;

// ---- Iterators ----------------------------------------------------------------------------------

#[repr(C)]
struct DictIter {
    ob_base: PyObject,
    /// NULL once exhausted.
    di_dict: *mut PyObject,
    /// The dict's size when iteration started (-1 after a size change).
    di_used: Py_ssize_t,
    di_pos: Py_ssize_t,
    /// Items still expected.
    len: Py_ssize_t,
    /// The last (key, value) tuple an items iterator returned, reused when no one else
    /// holds it (NULL until the first).
    di_result: *mut PyObject,
}

/// A dict iterator type (the six differ in name and `tp_iternext`).
const fn dict_iter_type(name: &'static CStr, next: iternextfunc) -> PyTypeObject {
    PyTypeObject {
        tp_dealloc: Some(dictiter_dealloc),
        tp_traverse: Some(dictiter_traverse),
        tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
        tp_iternext: next,
        tp_methods: &raw mut DICTITER_METHODS as *mut PyMethodDef,
        tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
        ..static_type(name, core::mem::size_of::<DictIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
    }
}

#[no_mangle]
pub static mut PyDictIterKey_Type: PyTypeObject = dict_iter_type(c"dict_keyiterator", Some(dictiter_next_key));
#[no_mangle]
pub static mut PyDictIterValue_Type: PyTypeObject = dict_iter_type(c"dict_valueiterator", Some(dictiter_next_value));
#[no_mangle]
pub static mut PyDictIterItem_Type: PyTypeObject = dict_iter_type(c"dict_itemiterator", Some(dictiter_next_item));
#[no_mangle]
pub static mut PyDictRevIterKey_Type: PyTypeObject = dict_iter_type(c"dict_reversekeyiterator", Some(dictreviter_next_key));
#[no_mangle]
pub static mut PyDictRevIterValue_Type: PyTypeObject =
    dict_iter_type(c"dict_reversevalueiterator", Some(dictreviter_next_value));
#[no_mangle]
pub static mut PyDictRevIterItem_Type: PyTypeObject = dict_iter_type(c"dict_reverseitemiterator", Some(dictreviter_next_item));

static mut DICTITER_METHODS: [PyMethodDef; 3] = [
    plain(c"__length_hint__", dictiter_length_hint, METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    plain(c"__reduce__", dictiter_reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    END,
];

/// `(iter, (list_of_what_is_left,))`: the rest is read through a copy of the iterator, so
/// this one does not move (a changed dict raises RuntimeError as iterating would).
unsafe extern "C" fn dictiter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut DictIter;
    ret_obj((|| {
        let copy = PyRef::from_owned(temp_alloc::gc_new_var((*op).ob_type, 0)).ok_or_else(no_memory)?;
        let c = copy.as_ptr() as *mut DictIter;
        (*c).di_dict = if (*it).di_dict.is_null() { core::ptr::null_mut() } else { new_ref((*it).di_dict).into_ptr() };
        (*c).di_used = (*it).di_used;
        (*c).di_pos = (*it).di_pos;
        (*c).len = (*it).len;
        (*c).di_result = core::ptr::null_mut();
        PyObject_GC_Track(c as *mut c_void);
        let rest = crate::objects::list::from_iterable(copy.as_ptr())?;
        crate::objects::reduce_forms::reduce_to_list(rest)
    })())
}

/// `__length_hint__`: the items still expected, 0 once exhausted or after a size change.
unsafe extern "C" fn dictiter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut DictIter;
    let d = (*it).di_dict;
    let n = if !d.is_null() && (*it).di_used == (*(d as *mut PyDictObject)).ma_used { (*it).len } else { 0 };
    ret_obj(crate::objects::int::from_i64(n as i64))
}

unsafe fn new_iter(d: *mut PyObject, tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let it = PyRef::from_owned(temp_alloc::gc_new_var(tp, 0)).ok_or_else(no_memory)?;
    let p = it.as_ptr() as *mut DictIter;
    (*p).di_dict = new_ref(d).into_ptr();
    (*p).di_used = dict::len(d) as Py_ssize_t;
    // A reverse iterator starts at the last position.
    let reverse = [&raw mut PyDictRevIterKey_Type, &raw mut PyDictRevIterValue_Type, &raw mut PyDictRevIterItem_Type].contains(&tp);
    (*p).di_pos = if reverse { dict::positions(d) as Py_ssize_t - 1 } else { 0 };
    (*p).len = (*p).di_used;
    (*p).di_result = core::ptr::null_mut();
    PyObject_GC_Track(p as *mut c_void);
    Ok(it)
}

/// `dict.__iter__`: an iterator over the keys.
pub(crate) unsafe extern "C" fn dict_iter(d: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(d, &raw mut PyDictIterKey_Type))
}

/// The next entry, or NULL (with RuntimeError set when the dict changed).
unsafe fn iter_step(op: *mut PyObject) -> Option<(*mut PyObject, *mut PyObject)> {
    let it = op as *mut DictIter;
    let d = (*it).di_dict;
    if d.is_null() {
        return None;
    }
    if (*it).di_used != (*(d as *mut PyDictObject)).ma_used {
        let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "dictionary changed size during iteration");
        (*it).di_used = -1;
        return None;
    }
    let mut pos = (*it).di_pos as usize;
    match dict::next_entry(d, &mut pos) {
        Some((k, v, _)) => {
            (*it).di_pos = pos as Py_ssize_t;
            if (*it).len == 0 {
                let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "dictionary keys changed during iteration");
                finish(it);
                return None;
            }
            (*it).len -= 1;
            Some((k, v))
        }
        None => {
            finish(it);
            None
        }
    }
}

unsafe fn finish(it: *mut DictIter) {
    let d = core::mem::replace(&mut (*it).di_dict, core::ptr::null_mut());
    drop(PyRef::from_owned(d));
}

unsafe extern "C" fn dictiter_next_key(op: *mut PyObject) -> *mut PyObject {
    iter_step(op).map_or(core::ptr::null_mut(), |(k, _)| new_ref(k).into_ptr())
}

unsafe extern "C" fn dictiter_next_value(op: *mut PyObject) -> *mut PyObject {
    iter_step(op).map_or(core::ptr::null_mut(), |(_, v)| new_ref(v).into_ptr())
}

unsafe extern "C" fn dictiter_next_item(op: *mut PyObject) -> *mut PyObject {
    match iter_step(op) {
        Some((k, v)) => item_result(op as *mut DictIter, k, v),
        None => core::ptr::null_mut(),
    }
}

/// `(k, v)` as a new reference: the iterator's last tuple refilled when only the iterator
/// still holds it (a loop that drops each item allocates one tuple in all), else a new one.
unsafe fn item_result(it: *mut DictIter, k: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    let r = (*it).di_result;
    if !r.is_null() && (*r).ob_refcnt == 1 {
        let items = core::slice::from_raw_parts_mut((*(r as *mut tuple::PyTupleObject)).ob_item.as_mut_ptr(), 2);
        let old = [items[0], items[1]];
        items[0] = new_ref(k).into_ptr();
        items[1] = new_ref(v).into_ptr();
        for o in old {
            drop(PyRef::from_owned(o));
        }
        if crate::object::objimpl::PyObject_GC_IsTracked(r) == 0 {
            PyObject_GC_Track(r as *mut c_void);
        }
        return new_ref(r).into_ptr();
    }
    match tuple::from_ptrs(&[k, v]) {
        Ok(t) => {
            let old = core::mem::replace(&mut (*it).di_result, new_ref(t.as_ptr()).into_ptr());
            drop(PyRef::from_owned(old));
            t.into_ptr()
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// The next entry of a reverse iterator, or NULL (with RuntimeError set when the dict
/// changed size).
unsafe fn rev_step(op: *mut PyObject) -> Option<(*mut PyObject, *mut PyObject)> {
    let it = op as *mut DictIter;
    let d = (*it).di_dict;
    if d.is_null() {
        return None;
    }
    if (*it).di_used != (*(d as *mut PyDictObject)).ma_used {
        let _ = raise_type(&raw mut exc::_PyExc_RuntimeError, "dictionary changed size during iteration");
        (*it).di_used = -1;
        return None;
    }
    let mut pos = (*it).di_pos as isize;
    match dict::prev_entry(d, &mut pos) {
        Some((k, v, _)) => {
            (*it).di_pos = pos as Py_ssize_t;
            (*it).len -= 1;
            Some((k, v))
        }
        None => {
            finish(it);
            None
        }
    }
}

unsafe extern "C" fn dictreviter_next_key(op: *mut PyObject) -> *mut PyObject {
    rev_step(op).map_or(core::ptr::null_mut(), |(k, _)| new_ref(k).into_ptr())
}

unsafe extern "C" fn dictreviter_next_value(op: *mut PyObject) -> *mut PyObject {
    rev_step(op).map_or(core::ptr::null_mut(), |(_, v)| new_ref(v).into_ptr())
}

unsafe extern "C" fn dictreviter_next_item(op: *mut PyObject) -> *mut PyObject {
    match rev_step(op) {
        Some((k, v)) => item_result(op as *mut DictIter, k, v),
        None => core::ptr::null_mut(),
    }
}

/// `dict.__reversed__()`, `dict_keys.__reversed__()`, ...: a reverse iterator over the dict
/// (or the view's dict).
unsafe extern "C" fn dict_reversed(d: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(d, &raw mut PyDictRevIterKey_Type))
}

unsafe extern "C" fn keys_reversed(v: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), &raw mut PyDictRevIterKey_Type))
}

unsafe extern "C" fn values_reversed(v: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), &raw mut PyDictRevIterValue_Type))
}

unsafe extern "C" fn items_reversed(v: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), &raw mut PyDictRevIterItem_Type))
}

/// dict's `__reversed__` entry (in dict_methods.rs's table).
pub(crate) const DICT_REVERSED: PyMethodDef =
    plain(c"__reversed__", dict_reversed, METH_NOARGS).doc(c"Return a reverse iterator over the dict keys.");

static mut KEYS_METHODS: [PyMethodDef; 3] = [
    crate::objects::dict_view_ops::ISDISJOINT,
    plain(c"__reversed__", keys_reversed, METH_NOARGS).doc(c"Return a reverse iterator over the dict keys."),
    END,
];

static mut VALUES_METHODS: [PyMethodDef; 2] = [
    plain(c"__reversed__", values_reversed, METH_NOARGS).doc(c"Return a reverse iterator over the dict values."),
    END,
];

static mut ITEMS_METHODS: [PyMethodDef; 3] = [
    crate::objects::dict_view_ops::ISDISJOINT,
    plain(c"__reversed__", items_reversed, METH_NOARGS).doc(c"Return a reverse iterator over the dict items."),
    END,
];

unsafe extern "C" fn dictiter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned((*(op as *mut DictIter)).di_dict));
    drop(PyRef::from_owned((*(op as *mut DictIter)).di_result));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn dictiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    for o in [(*(op as *mut DictIter)).di_dict, (*(op as *mut DictIter)).di_result] {
        if !o.is_null() {
            let r = visit(o, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

// ---- Views --------------------------------------------------------------------------------------

static mut KEYS_AS_SEQUENCE: PySequenceMethods = view_sequence_methods(Some(keys_contains));
static mut VALUES_AS_SEQUENCE: PySequenceMethods = view_sequence_methods(None);
static mut ITEMS_AS_SEQUENCE: PySequenceMethods = view_sequence_methods(Some(items_contains));

const fn view_sequence_methods(contains: crate::object::slots::objobjproc) -> PySequenceMethods {
    PySequenceMethods {
        sq_length: Some(view_len),
        sq_concat: None,
        sq_repeat: None,
        sq_item: None,
        was_sq_slice: core::ptr::null_mut(),
        sq_ass_item: None,
        was_sq_ass_slice: core::ptr::null_mut(),
        sq_contains: contains,
        sq_inplace_concat: None,
        sq_inplace_repeat: None,
    }
}

/// A view type; keys and items are set-like (comparisons and the number protocol).
const fn view_type(
    name: &'static CStr,
    seq: *mut PySequenceMethods,
    iter: getiterfunc,
    cmp: richcmpfunc,
    num: *mut crate::object::slots::PyNumberMethods,
    methods: *mut PyMethodDef,
) -> PyTypeObject {
    PyTypeObject {
        tp_as_number: num,
        tp_methods: methods,
        tp_getset: &raw mut crate::objects::dict_view_ops::VIEW_GETSETS as *mut crate::object::descr::PyGetSetDef,
        tp_dealloc: Some(view_dealloc),
        tp_repr: Some(view_repr),
        tp_as_sequence: seq,
        tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
        tp_traverse: Some(view_traverse),
        tp_richcompare: cmp,
        tp_iter: iter,
        ..static_type(name, core::mem::size_of::<_PyDictViewObject>(), 0, Py_TPFLAGS_HAVE_GC, None)
    }
}

#[no_mangle]
pub static mut PyDictKeys_Type: PyTypeObject = view_type(
    c"dict_keys",
    &raw mut KEYS_AS_SEQUENCE,
    Some(keys_iter),
    Some(view_richcompare),
    &raw mut crate::objects::dict_view_ops::VIEW_AS_NUMBER,
    &raw mut KEYS_METHODS as *mut PyMethodDef,
);
#[no_mangle]
pub static mut PyDictValues_Type: PyTypeObject = view_type(
    c"dict_values",
    &raw mut VALUES_AS_SEQUENCE,
    Some(values_iter),
    None,
    core::ptr::null_mut(),
    &raw mut VALUES_METHODS as *mut PyMethodDef,
);
#[no_mangle]
pub static mut PyDictItems_Type: PyTypeObject = view_type(
    c"dict_items",
    &raw mut ITEMS_AS_SEQUENCE,
    Some(items_iter),
    Some(view_richcompare),
    &raw mut crate::objects::dict_view_ops::VIEW_AS_NUMBER,
    &raw mut ITEMS_METHODS as *mut PyMethodDef,
);

/// A new view of type `tp` over dict `d` (`d.keys()`, ...).
///
/// # Safety
/// `d` is a live dict, `tp` one of the view types.
pub(crate) unsafe fn new_view(d: *mut PyObject, tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let v = PyRef::from_owned(temp_alloc::gc_new_var(tp, 0)).ok_or_else(no_memory)?;
    (*(v.as_ptr() as *mut _PyDictViewObject)).dv_dict = new_ref(d).into_ptr() as *mut PyDictObject;
    PyObject_GC_Track(v.as_ptr() as *mut c_void);
    Ok(v)
}

#[inline]
pub(crate) unsafe fn view_dict(v: *mut PyObject) -> *mut PyObject {
    (*(v as *mut _PyDictViewObject)).dv_dict as *mut PyObject
}

/// Whether `o` is a keys or items view (the set-like views).
pub(crate) unsafe fn is_set_view(o: *mut PyObject) -> bool {
    crate::abstract_::is_instance_of(o, &raw mut PyDictKeys_Type) || crate::abstract_::is_instance_of(o, &raw mut PyDictItems_Type)
}

unsafe extern "C" fn view_len(v: *mut PyObject) -> Py_ssize_t {
    let d = view_dict(v);
    if d.is_null() { 0 } else { dict::len(d) as Py_ssize_t }
}

unsafe extern "C" fn keys_iter(v: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), &raw mut PyDictIterKey_Type))
}

unsafe extern "C" fn values_iter(v: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), &raw mut PyDictIterValue_Type))
}

unsafe extern "C" fn items_iter(v: *mut PyObject) -> *mut PyObject {
    ret_obj(new_iter(view_dict(v), &raw mut PyDictIterItem_Type))
}

unsafe extern "C" fn keys_contains(v: *mut PyObject, key: *mut PyObject) -> c_int {
    match dict::get_item(view_dict(v), key) {
        Ok(found) => found.is_some() as c_int,
        Err(_) => -1,
    }
}

/// `(k, v) in d.items()`: a 2-tuple whose key is in the dict with an equal value.
unsafe extern "C" fn items_contains(view: *mut PyObject, item: *mut PyObject) -> c_int {
    if !tuple::is_tuple(item) || tuple::len(item) != 2 {
        return 0;
    }
    let (k, v) = (tuple::items(item)[0], tuple::items(item)[1]);
    let r = (|| -> PyResult<bool> {
        let Some(found) = dict::get_item(view_dict(view), k)? else { return Ok(false) };
        let found = new_ref(found);
        rich_compare_bool(found.as_ptr(), v, Py_EQ)
    })();
    match r {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

unsafe extern "C" fn view_repr(v: *mut PyObject) -> *mut PyObject {
    let name = crate::abstract_::tp_name(v);
    let _hold = new_ref(v);
    ret_obj(repr_guarded(v, "...", || {
        let items = crate::abstract_::iter::collect(v)?;
        let mut out = crate::objects::str_repr::StrBuilder::with_capacity(16 + items.len() * 8);
        out.push_str(&name);
        out.push_str("([");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_obj(crate::abstract_::object::repr(item.as_ptr())?.as_ptr());
        }
        out.push_str("])");
        out.finish()
    }))
}

/// Whether every item of iterable `a` is in `b` (which has `sq_contains`).
unsafe fn all_contained_in(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    let it = crate::abstract_::iter::get_iter(a)?;
    while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
        if !crate::abstract_::sequence::contains(b, x.as_ptr())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Keys and items views compare as sets with sets, frozensets and set-like views.
unsafe extern "C" fn view_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_set_view(b) && !crate::objects::set::is_any_set(b) {
        return new_ref(not_implemented()).into_ptr();
    }
    let (la, lb) = (view_len(a), crate::abstract_::object::size(b).unwrap_or(-1));
    if lb < 0 {
        return core::ptr::null_mut();
    }
    let r = match op {
        Py_EQ | Py_NE => {
            let eq = if la == lb { all_contained_in(a, b) } else { Ok(false) };
            eq.map(|e| e == (op == Py_EQ))
        }
        Py_LT => if la < lb { all_contained_in(a, b) } else { Ok(false) },
        Py_LE => if la <= lb { all_contained_in(a, b) } else { Ok(false) },
        Py_GT => if la > lb { all_contained_in(b, a) } else { Ok(false) },
        Py_GE => if la >= lb { all_contained_in(b, a) } else { Ok(false) },
        _ => return new_ref(not_implemented()).into_ptr(),
    };
    match r {
        Ok(b) => bool_ref(b).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn view_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned(view_dict(op)));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn view_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = view_dict(op);
    match visit {
        Some(v) if !d.is_null() => v(d, arg),
        _ => 0,
    }
}

/// `PyObject *_PyDictView_New(PyObject *dict, PyTypeObject *type)`: a view of type `type`
/// (`PyDictKeys_Type`, ... or a subtype with the same layout) over `dict`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDictView_New(d: *mut PyObject, tp: *mut PyTypeObject) -> *mut PyObject {
    if d.is_null() || tp.is_null() {
        crate::errors::pyerr::PyErr_BadInternalCall();
        return core::ptr::null_mut();
    }
    if !dict::is_dict(d) {
        let _ = crate::abstract_::type_error(format!(
            "{}() requires a dict argument, not '{}'",
            crate::abstract_::type_name_of(tp),
            crate::abstract_::tp_name(d)
        ));
        return core::ptr::null_mut();
    }
    ret_obj(new_view(d, tp))
}
