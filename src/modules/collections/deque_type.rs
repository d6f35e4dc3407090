//! The `collections.deque` type object: its methods, sequence slots, repr and comparison
//! (the storage and the operations they share are in deque.rs).
use core::ffi::c_int;

use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::object::repr_guarded;
use crate::abstract_::{from_slot, new_ref, none, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::args_slice;
use crate::modules::collections::deque::*;
use crate::modules::itertools::short_type_name;
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{fast, plain, END};
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O};
use crate::object::object::{PyObject, Py_EQ};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::PySequenceMethods;
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_SEQUENCE};
use crate::objects::{int, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

macro_rules! o {
    ($f:ident, $body:expr) => {
        unsafe extern "C" fn $f(op: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
            let f: fn(*mut PyObject, *mut PyObject) -> PyResult<PyRef> = $body;
            ret_obj(f(op, arg))
        }
    };
}

o!(m_append, |op, x| { push(op, new_ref(x), false); Ok(crate::modules::none_ref()) });
o!(m_appendleft, |op, x| { push(op, new_ref(x), true); Ok(crate::modules::none_ref()) });
o!(m_pop, |op, _| pop(op, false));
o!(m_popleft, |op, _| pop(op, true));
o!(m_extend, |op, x| { extend(op, x, false)?; Ok(crate::modules::none_ref()) });
o!(m_extendleft, |op, x| { extend(op, x, true)?; Ok(crate::modules::none_ref()) });
o!(m_clear, |op, _| { clear(op); Ok(crate::modules::none_ref()) });
o!(m_copy, |op, _| copy(op));
o!(m_reverse, |op, _| { items(op).make_contiguous().reverse(); bump_state(op); Ok(crate::modules::none_ref()) });
o!(m_count, |op, x| {
    let st = state(op);
    let mut n = 0i64;
    let mut i = 0;
    while i < len(op) {
        let item = new_ref(items(op)[i]);
        let eq = rich_compare_bool(item.as_ptr(), x, Py_EQ)?;
        if state(op) != st {
            return Err(mutated());
        }
        n += eq as i64;
        i += 1;
    }
    int::from_i64(n)
});
o!(m_remove, |op, x| {
    match find(op, x, 0, usize::MAX)? {
        Some(i) => {
            if let Some(p) = items(op).remove(i) {
                bump_state(op);
                drop(PyRef::from_owned(p));
            }
            Ok(crate::modules::none_ref())
        }
        None => Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("{} is not in deque", repr_text(x)?))),
    }
});
o!(m_reduce, |op, _| {
    let tp = new_ref((*op).ob_type as *mut PyObject);
    let maxlen = (*(op as *mut Deque)).maxlen;
    let args = if maxlen < 0 { tuple::new(0)? } else { tuple::from_vec(vec![tuple::new(0)?, int::from_i64(maxlen as i64)?])? };
    let state = match crate::object::object_attr::lookup_attr(op, pystr::intern("__dict__")?.as_ptr())? {
        Some(d) if crate::objects::dict::len(d.as_ptr()) > 0 => d,
        _ => crate::modules::none_ref(),
    };
    let it = crate::abstract_::iter::get_iter(op)?;
    tuple::from_vec(vec![tp, args, state, it])
});

unsafe fn bump_state(op: *mut PyObject) {
    let d = op as *mut Deque;
    (*d).state = (*d).state.wrapping_add(1);
}

unsafe fn repr_text(x: *mut PyObject) -> PyResult<String> {
    crate::modules::itertools::repr_string(x)
}

/// `copy()`: the same items and maxlen, of the same type.
unsafe fn copy(op: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*op).ob_type;
    let maxlen = (*(op as *mut Deque)).maxlen;
    if tp == &raw mut super::deque_type::Deque_Type {
        let new = crate::modules::owned(deque_new(tp, core::ptr::null_mut(), core::ptr::null_mut()))?;
        (*(new.as_ptr() as *mut Deque)).maxlen = maxlen;
        for item in snapshot(op) {
            push(new.as_ptr(), item, false);
        }
        return Ok(new);
    }
    let args: Vec<*mut PyObject> = if maxlen < 0 { vec![op] } else { vec![op, int::from_i64(maxlen as i64)?.into_ptr()] };
    let owned_maxlen = if maxlen < 0 { None } else { PyRef::from_owned(args[1]) };
    let r = from_slot(crate::abstract_::call::vectorcall(tp as *mut PyObject, args.as_ptr(), args.len(), core::ptr::null_mut()));
    drop(owned_maxlen);
    r
}

/// `index(x[, start[, stop]])`.
unsafe extern "C" fn m_index(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"index".as_ptr(), a.len() as isize, 1, 3) {
            return Err(Raised::assume_set());
        }
        let n = len(op) as Py_ssize_t;
        let bound = |v| crate::objects::list_methods::bound(v, n);
        let start = match a.get(1) { Some(&v) => bound(v)?, None => 0 };
        let stop = match a.get(2) { Some(&v) => bound(v)?, None => n as usize };
        match find(op, a[0], start, stop)? {
            Some(i) => int::from_i64(i as i64),
            None => Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("{} is not in deque", repr_text(a[0])?))),
        }
    })())
}

/// `insert(i, x)`.
unsafe extern "C" fn m_insert(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"insert".as_ptr(), a.len() as isize, 2, 2) {
            return Err(Raised::assume_set());
        }
        let i = crate::abstract_::item::as_ssize(a[0], Some(&raw mut exc::_PyExc_OverflowError))?;
        let maxlen = (*(op as *mut Deque)).maxlen;
        let n = len(op) as Py_ssize_t;
        if maxlen >= 0 && n >= maxlen {
            return Err(index_error("deque already at its maximum size"));
        }
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        items(op).insert(at as usize, new_ref(a[1]).into_ptr());
        bump_state(op);
        Ok(crate::modules::none_ref())
    })())
}

/// `rotate(n=1)`.
unsafe extern "C" fn m_rotate(op: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"rotate".as_ptr(), a.len() as isize, 0, 1) {
            return Err(Raised::assume_set());
        }
        let k = match a.first() {
            Some(&v) => crate::abstract_::item::as_ssize(v, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => 1,
        };
        let n = len(op) as Py_ssize_t;
        if n > 1 {
            let k = k.rem_euclid(n) as usize;
            items(op).rotate_right(k);
            bump_state(op);
        }
        Ok(crate::modules::none_ref())
    })())
}

unsafe extern "C" fn get_maxlen(op: *mut PyObject, _: *mut core::ffi::c_void) -> *mut PyObject {
    let m = (*(op as *mut Deque)).maxlen;
    if m < 0 { new_ref(none()).into_ptr() } else { ret_obj(int::from_i64(m as i64)) }
}

static mut DEQUE_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: c"maxlen".as_ptr(), get: Some(get_maxlen), set: None, doc: c"maximum size of a deque or None if unbounded".as_ptr(), closure: core::ptr::null_mut() },
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut DEQUE_METHODS: [PyMethodDef; 20] = [
    plain(c"append", m_append, METH_O).doc(c"Add an element to the right side of the deque."),
    plain(c"appendleft", m_appendleft, METH_O).doc(c"Add an element to the left side of the deque."),
    plain(c"clear", m_clear, METH_NOARGS).doc(c"Remove all elements from the deque."),
    plain(c"__copy__", m_copy, METH_NOARGS).doc(c"Return a shallow copy of a deque."),
    plain(c"copy", m_copy, METH_NOARGS).doc(c"Return a shallow copy of a deque."),
    plain(c"count", m_count, METH_O).doc(c"D.count(value) -- return number of occurrences of value"),
    plain(c"extend", m_extend, METH_O).doc(c"Extend the right side of the deque with elements from the iterable"),
    plain(c"extendleft", m_extendleft, METH_O).doc(c"Extend the left side of the deque with elements from the iterable"),
    fast(c"index", m_index, METH_FASTCALL).doc(c"D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."),
    fast(c"insert", m_insert, METH_FASTCALL).doc(c"D.insert(index, object) -- insert object before index"),
    plain(c"pop", m_pop, METH_NOARGS).doc(c"Remove and return the rightmost element."),
    plain(c"popleft", m_popleft, METH_NOARGS).doc(c"Remove and return the leftmost element."),
    plain(c"__reduce__", m_reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    plain(c"remove", m_remove, METH_O).doc(c"D.remove(value) -- remove first occurrence of value."),
    plain(c"__reversed__", m_reversed, METH_NOARGS).doc(c"D.__reversed__() -- return a reverse iterator over the deque"),
    plain(c"reverse", m_reverse, METH_NOARGS).doc(c"D.reverse() -- reverse *IN PLACE*"),
    fast(c"rotate", m_rotate, METH_FASTCALL).doc(c"Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."),
    plain(c"__sizeof__", m_sizeof, METH_NOARGS).doc(c"D.__sizeof__() -- size of D in memory, in bytes"),
    crate::objects::generic_alias::CLASS_GETITEM,
    END,
];

unsafe extern "C" fn m_reversed(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(super::deque_iter::new_iter(op, true))
}

unsafe extern "C" fn m_sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let cap = (*(op as *mut Deque)).maxlen.max(len(op) as Py_ssize_t) as usize;
    ret_obj(int::from_i64(((*(*op).ob_type).tp_basicsize as usize + cap * 8) as i64))
}

// ----- sequence slots -----------------------------------------------------------------

unsafe extern "C" fn sq_len(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

unsafe fn checked_index(op: *mut PyObject, i: Py_ssize_t) -> PyResult<usize> {
    if i < 0 || i as usize >= len(op) {
        return Err(index_error("deque index out of range"));
    }
    Ok(i as usize)
}

unsafe extern "C" fn sq_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    ret_obj(checked_index(op, i).map(|i| new_ref(items(op)[i])))
}

unsafe extern "C" fn sq_ass_item(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    let Ok(i) = checked_index(op, i) else { return -1 };
    let old = if v.is_null() {
        let p = items(op).remove(i);
        bump_state(op);
        p
    } else {
        Some(core::mem::replace(&mut items(op)[i], new_ref(v).into_ptr()))
    };
    drop(old.and_then(|p| PyRef::from_owned(p)));
    0
}

unsafe extern "C" fn sq_contains(op: *mut PyObject, x: *mut PyObject) -> c_int {
    match find(op, x, 0, usize::MAX) {
        Ok(found) => found.is_some() as c_int,
        Err(_) => -1,
    }
}

unsafe extern "C" fn sq_concat(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        if !is_deque(other) {
            return Err(type_error(format!("can only concatenate deque (not \"{}\") to deque", tp_name(other))));
        }
        let new = copy(op)?;
        extend(new.as_ptr(), other, false)?;
        Ok(new)
    })())
}

unsafe extern "C" fn sq_inplace_concat(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    ret_obj(extend(op, other, false).map(|_| new_ref(op)))
}

unsafe fn repeat_in_place(op: *mut PyObject, n: Py_ssize_t) -> PyResult<()> {
    let once = snapshot(op);
    if n <= 0 || once.is_empty() {
        clear(op);
        return Ok(());
    }
    let total = once.len().checked_mul(n as usize).ok_or_else(crate::object::pending_error::no_memory)?;
    let maxlen = (*(op as *mut Deque)).maxlen;
    // A bounded deque keeps only the tail of the repeated sequence: build just that.
    let keep = if maxlen >= 0 { total.min(maxlen as usize) } else { total };
    clear(op);
    items(op).reserve(keep);
    for p in total - keep..total {
        push(op, once[p % once.len()].clone(), false);
    }
    Ok(())
}

unsafe extern "C" fn sq_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let new = copy(op)?;
        repeat_in_place(new.as_ptr(), n)?;
        Ok(new)
    })())
}

unsafe extern "C" fn sq_inplace_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj(repeat_in_place(op, n).map(|_| new_ref(op)))
}

static mut DEQUE_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(sq_len),
    sq_concat: Some(sq_concat),
    sq_repeat: Some(sq_repeat),
    sq_item: Some(sq_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: Some(sq_ass_item),
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(sq_contains),
    sq_inplace_concat: Some(sq_inplace_concat),
    sq_inplace_repeat: Some(sq_inplace_repeat),
};

unsafe extern "C" fn deque_repr(op: *mut PyObject) -> *mut PyObject {
    let name = short_type_name(op);
    ret_obj(repr_guarded(op, "[...]", || {
        let items = snapshot(op);
        let ptrs: Vec<*mut PyObject> = items.iter().map(PyRef::as_ptr).collect();
        let body = crate::objects::tuple::seq_repr(&ptrs, "[", "]", false)?;
        let body = pystr::to_string(body.as_ptr());
        let maxlen = (*(op as *mut Deque)).maxlen;
        if maxlen < 0 {
            pystr::from_utf8(&format!("{name}({body})"))
        } else {
            pystr::from_utf8(&format!("{name}({body}, maxlen={maxlen})"))
        }
    }))
}

unsafe extern "C" fn deque_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_deque(a) || !is_deque(b) {
        return new_ref(not_implemented()).into_ptr();
    }
    let (x, y) = (snapshot(a), snapshot(b));
    let xs: Vec<*mut PyObject> = x.iter().map(PyRef::as_ptr).collect();
    let ys: Vec<*mut PyObject> = y.iter().map(PyRef::as_ptr).collect();
    ret_obj(tuple::compare_items(&xs, &ys, op))
}

unsafe extern "C" fn deque_iter(op: *mut PyObject) -> *mut PyObject {
    ret_obj(super::deque_iter::new_iter(op, false))
}

/// `collections.deque`.
pub static mut Deque_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(deque_dealloc),
    tp_repr: Some(deque_repr),
    tp_as_sequence: &raw mut DEQUE_AS_SEQUENCE,
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_traverse: Some(deque_traverse),
    tp_clear: Some(deque_tp_clear),
    tp_richcompare: Some(deque_richcompare),
    tp_weaklistoffset: core::mem::offset_of!(Deque, weakreflist) as isize,
    tp_iter: Some(deque_iter),
    tp_methods: &raw mut DEQUE_METHODS as *mut PyMethodDef,
    tp_getset: &raw mut DEQUE_GETSET as *mut PyGetSetDef,
    tp_init: Some(deque_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(deque_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"collections.deque",
        core::mem::size_of::<Deque>(),
        0,
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE as core::ffi::c_ulong,
        Some(c"deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints."),
    )
};

