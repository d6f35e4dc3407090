//! `range` (CPython's rangeobject.c semantics): start, stop, step and the length kept as
//! Python ints, so any size works; arithmetic on them goes through the number protocol.
//! Iteration is the hot path: `range_iterator` counts in machine integers when every bound
//! fits in an i64, else `longrange_iterator` steps Python ints.
use core::ffi::{c_int, c_void};

use crate::abstract_::compare::{bool_ref, rich_compare_bool};
use crate::abstract_::{from_slot, new_ref, none, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::member::{PyMemberDef, READONLY, T_OBJECT};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::{PyObject, Py_EQ, Py_GE, Py_GT, Py_LT, Py_NE};
use crate::object::pending_error::{no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::slots::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_SEQUENCE};
use crate::object::method_table::{plain, END};
use crate::objects::{dict, int, tuple};
use crate::abstract_::number::{PyNumber_Add, PyNumber_FloorDivide, PyNumber_Index, PyNumber_Multiply, PyNumber_Negative, PyNumber_Remainder, PyNumber_Subtract};

/// `PyNumber_Index`: an exact int.
unsafe fn index(o: *mut PyObject) -> PyResult<PyRef> {
    from_slot(PyNumber_Index(o))
}
use crate::pyport::{Py_hash_t, Py_ssize_t};

#[repr(C)]
struct Range {
    ob_base: PyObject,
    start: *mut PyObject,
    stop: *mut PyObject,
    step: *mut PyObject,
    length: *mut PyObject,
}

unsafe fn r(op: *mut PyObject) -> &'static Range {
    &*(op as *mut Range)
}

static mut RANGE_AS_NUMBER: PyNumberMethods = {
    let mut n: PyNumberMethods = unsafe { core::mem::zeroed() };
    n.nb_bool = Some(range_bool);
    n
};

static mut RANGE_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(range_length),
    sq_concat: None,
    sq_repeat: None,
    sq_item: Some(range_sq_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(range_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

static mut RANGE_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: Some(range_length), mp_subscript: Some(range_subscript), mp_ass_subscript: None };

static mut RANGE_METHODS: [PyMethodDef; 6] = [
    plain(c"__reversed__", range_reversed, METH_NOARGS).doc(c"Return a reverse iterator."),
    plain(c"__reduce__", range_reduce, METH_NOARGS).doc(c""),
    plain(c"count", range_count, METH_O).doc(c"rangeobject.count(value) -> integer -- return number of occurrences of value"),
    plain(c"index", range_index, METH_O).doc(c"rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."),
    END,
    END,
];

const fn member(name: &'static core::ffi::CStr, offset: usize) -> PyMemberDef {
    PyMemberDef { name: name.as_ptr(), r#type: T_OBJECT, offset: offset as Py_ssize_t, flags: READONLY, doc: core::ptr::null() }
}

static mut RANGE_MEMBERS: [PyMemberDef; 4] = [
    member(c"start", core::mem::offset_of!(Range, start)),
    member(c"stop", core::mem::offset_of!(Range, stop)),
    member(c"step", core::mem::offset_of!(Range, step)),
    PyMemberDef { name: core::ptr::null(), r#type: 0, offset: 0, flags: 0, doc: core::ptr::null() },
];

/// `PyRange_Type`.
#[no_mangle]
pub static mut PyRange_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(range_dealloc),
    tp_repr: Some(range_repr),
    tp_as_number: &raw mut RANGE_AS_NUMBER,
    tp_as_sequence: &raw mut RANGE_AS_SEQUENCE,
    tp_as_mapping: &raw mut RANGE_AS_MAPPING,
    tp_hash: Some(range_hash),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_richcompare: Some(range_richcompare),
    tp_iter: Some(range_iter),
    tp_methods: &raw mut RANGE_METHODS as *mut PyMethodDef,
    tp_members: &raw mut RANGE_MEMBERS as *mut PyMemberDef,
    tp_new: Some(range_new),
    ..static_type(
        c"range",
        core::mem::size_of::<Range>(),
        0,
        Py_TPFLAGS_SEQUENCE as core::ffi::c_ulong,
        Some(c"range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement)."),
    )
};

// ---- arithmetic on Python ints ----------------------------------------------------------

unsafe fn add(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    from_slot(PyNumber_Add(a, b))
}
unsafe fn sub(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    from_slot(PyNumber_Subtract(a, b))
}
unsafe fn mul(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    from_slot(PyNumber_Multiply(a, b))
}
unsafe fn floordiv(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    from_slot(PyNumber_FloorDivide(a, b))
}
unsafe fn cmp(a: *mut PyObject, b: *mut PyObject, op: c_int) -> PyResult<bool> {
    rich_compare_bool(a, b, op)
}
fn small(v: i64) -> PyRef {
    int::small_ref(v)
}

/// The number of items of range(lo, hi, step) (CPython's formula, in Python ints).
unsafe fn compute_length(lo: *mut PyObject, hi: *mut PyObject, step: *mut PyObject) -> PyResult<PyRef> {
    let zero = small(0);
    let (lo, hi, step) = if cmp(step, zero.as_ptr(), Py_GT)? {
        (new_ref(lo), new_ref(hi), new_ref(step))
    } else {
        (new_ref(hi), new_ref(lo), from_slot(PyNumber_Negative(step))?)
    };
    if cmp(lo.as_ptr(), hi.as_ptr(), Py_GE)? {
        return Ok(zero);
    }
    let one = small(1);
    let diff = sub(sub(hi.as_ptr(), lo.as_ptr())?.as_ptr(), one.as_ptr())?;
    add(floordiv(diff.as_ptr(), step.as_ptr())?.as_ptr(), one.as_ptr())
}

/// A new range from index-converted bounds (`step` not zero).
unsafe fn make(start: PyRef, stop: PyRef, step: PyRef) -> PyResult<PyRef> {
    let length = compute_length(start.as_ptr(), stop.as_ptr(), step.as_ptr())?;
    let op = temp_alloc::malloc_object(&raw mut PyRange_Type, core::mem::size_of::<Range>()) as *mut Range;
    if op.is_null() {
        return Err(no_memory());
    }
    (*op).start = start.into_ptr();
    (*op).stop = stop.into_ptr();
    (*op).step = step.into_ptr();
    (*op).length = length.into_ptr();
    Ok(PyRef::from_owned(op as *mut PyObject).unwrap_unchecked())
}

unsafe extern "C" fn range_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let res = (|| -> PyResult<PyRef> {
        if !kwds.is_null() && dict::len(kwds) != 0 {
            return Err(type_error("range() takes no keyword arguments"));
        }
        let a = if args.is_null() { &[][..] } else { tuple::items(args) };
        match a.len() {
            0 => Err(type_error("range expected at least 1 argument, got 0")),
            1 => make(small(0), index(a[0])?, small(1)),
            2 | 3 => {
                let start = index(a[0])?;
                let stop = index(a[1])?;
                let step = if a.len() == 3 { index(a[2])? } else { small(1) };
                if cmp(step.as_ptr(), small(0).as_ptr(), Py_EQ)? {
                    return Err(raise_type(&raw mut exc::_PyExc_ValueError, "range() arg 3 must not be zero"));
                }
                make(start, stop, step)
            }
            n => Err(type_error(format!("range expected at most 3 arguments, got {n}"))),
        }
    })();
    ret_obj(res)
}

unsafe extern "C" fn range_dealloc(op: *mut PyObject) {
    let rg = op as *mut Range;
    for p in [(*rg).start, (*rg).stop, (*rg).step, (*rg).length] {
        drop(PyRef::from_owned(p));
    }
    temp_alloc::free_object(op as *mut c_void);
}

unsafe extern "C" fn range_repr(op: *mut PyObject) -> *mut PyObject {
    let rg = r(op);
    let res = (|| -> PyResult<PyRef> {
        let s = |o| -> PyResult<String> { Ok(crate::objects::str::to_string(crate::abstract_::object::repr(o)?.as_ptr())) };
        let text = if cmp(rg.step, small(1).as_ptr(), Py_EQ)? {
            format!("range({}, {})", s(rg.start)?, s(rg.stop)?)
        } else {
            format!("range({}, {}, {})", s(rg.start)?, s(rg.stop)?, s(rg.step)?)
        };
        crate::objects::str::from_utf8(&text)
    })();
    ret_obj(res)
}

unsafe extern "C" fn range_bool(op: *mut PyObject) -> c_int {
    crate::abstract_::object::PyObject_IsTrue(r(op).length)
}

unsafe extern "C" fn range_length(op: *mut PyObject) -> Py_ssize_t {
    crate::objects::long_convert::PyLong_AsSsize_t(r(op).length)
}

/// Item `i` (a Python int already in range): start + i * step.
unsafe fn item_at(rg: &Range, i: *mut PyObject) -> PyResult<PyRef> {
    add(rg.start, mul(i, rg.step)?.as_ptr())
}

/// `r[i]` for an index object: negative indices count from the end.
unsafe fn item_index(op: *mut PyObject, i: *mut PyObject) -> PyResult<PyRef> {
    let rg = r(op);
    let mut i = index(i)?;
    let zero = small(0);
    if cmp(i.as_ptr(), zero.as_ptr(), Py_LT)? {
        i = add(i.as_ptr(), rg.length)?;
    }
    if cmp(i.as_ptr(), zero.as_ptr(), Py_LT)? || cmp(i.as_ptr(), rg.length, Py_GE)? {
        return Err(raise(ExcType::IndexError, "range object index out of range"));
    }
    item_at(rg, i.as_ptr())
}

unsafe extern "C" fn range_sq_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    ret_obj(int::from_i64(i as i64).and_then(|i| item_index(op, i.as_ptr())))
}

unsafe extern "C" fn range_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    let res = (|| -> PyResult<PyRef> {
        if crate::objects::slice::is_slice(key) {
            let rg = r(op);
            // Computed exactly (CPython's compute_slice): the length, the slice's bounds and
            // its step may all exceed a Py_ssize_t.
            let len = crate::objects::long_convert::int_to_i128(rg.length)
                .ok_or_else(|| raise_type(&raw mut exc::_PyExc_OverflowError, "Python int too large to convert to C ssize_t"))?;
            let (lo, hi, step) = crate::objects::slice_methods::wide_indices(key, len)?;
            let step_obj = int::from_i128(step)?;
            let start = item_at(rg, int::from_i128(lo)?.as_ptr())?;
            let stop = item_at(rg, int::from_i128(hi)?.as_ptr())?;
            return make(start, stop, mul(rg.step, step_obj.as_ptr())?);
        }
        let tp = (*key).ob_type;
        if (*tp).tp_as_number.is_null() || (*(*tp).tp_as_number).nb_index.is_none() {
            return Err(type_error(format!("range indices must be integers or slices, not {}", tp_name(key))));
        }
        item_index(op, key)
    })();
    ret_obj(res)
}

/// Whether int `ob` is in the range: between the bounds and on a step.
unsafe fn contains_int(rg: &Range, ob: *mut PyObject) -> PyResult<bool> {
    let zero = small(0);
    let inside = if cmp(rg.step, zero.as_ptr(), Py_GT)? {
        cmp(rg.start, ob, crate::object::object::Py_LE)? && cmp(ob, rg.stop, Py_LT)?
    } else {
        cmp(rg.stop, ob, Py_LT)? && cmp(ob, rg.start, crate::object::object::Py_LE)?
    };
    if !inside {
        return Ok(false);
    }
    let off = sub(ob, rg.start)?;
    let m = from_slot(PyNumber_Remainder(off.as_ptr(), rg.step))?;
    cmp(m.as_ptr(), zero.as_ptr(), Py_EQ)
}

unsafe fn is_exact_int(ob: *mut PyObject) -> bool {
    (*ob).ob_type == &raw mut int::PyLong_Type || (*ob).ob_type == &raw mut crate::objects::bool::PyBool_Type
}

unsafe extern "C" fn range_contains(op: *mut PyObject, ob: *mut PyObject) -> c_int {
    let res = if is_exact_int(ob) {
        contains_int(r(op), ob)
    } else {
        search(op, ob, false).map(|n| n > 0)
    };
    match res {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// Iterates the range comparing items with `ob` (non-int values): the count, or (with
/// `first`) 1 at the first match.
unsafe fn search(op: *mut PyObject, ob: *mut PyObject, first_index: bool) -> PyResult<i64> {
    let it = crate::abstract_::iter::get_iter(op)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
        if cmp(x.as_ptr(), ob, Py_EQ)? {
            if first_index {
                return Ok(i + 1);
            }
            n += 1;
        }
        i += 1;
    }
    Ok(n)
}

unsafe extern "C" fn range_count(op: *mut PyObject, ob: *mut PyObject) -> *mut PyObject {
    let res = if is_exact_int(ob) {
        contains_int(r(op), ob).and_then(|b| int::from_i64(b as i64))
    } else {
        search(op, ob, false).and_then(int::from_i64)
    };
    ret_obj(res)
}

unsafe extern "C" fn range_index(op: *mut PyObject, ob: *mut PyObject) -> *mut PyObject {
    let res = (|| -> PyResult<PyRef> {
        let rg = r(op);
        if is_exact_int(ob) {
            if contains_int(rg, ob)? {
                return floordiv(sub(ob, rg.start)?.as_ptr(), rg.step);
            }
            let text = crate::objects::str::to_string(crate::abstract_::object::repr(ob)?.as_ptr());
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!("{text} is not in range")));
        }
        match search(op, ob, true)? {
            0 => Err(raise_type(&raw mut exc::_PyExc_ValueError, "sequence.index(x): x not in sequence")),
            n => int::from_i64(n - 1),
        }
    })();
    ret_obj(res)
}

unsafe extern "C" fn range_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if (*b).ob_type != &raw mut PyRange_Type || (op != Py_EQ && op != Py_NE) {
        return new_ref(not_implemented()).into_ptr();
    }
    let res = (|| -> PyResult<bool> {
        if a == b {
            return Ok(true);
        }
        let (x, y) = (r(a), r(b));
        if !cmp(x.length, y.length, Py_EQ)? {
            return Ok(false);
        }
        if !crate::abstract_::object::is_true(x.length)? {
            return Ok(true);
        }
        if !cmp(x.start, y.start, Py_EQ)? {
            return Ok(false);
        }
        if cmp(x.length, small(1).as_ptr(), Py_EQ)? {
            return Ok(true);
        }
        cmp(x.step, y.step, Py_EQ)
    })();
    ret_obj(res.map(|eq| bool_ref(eq == (op == Py_EQ))))
}

/// The hash of (length, start, step), with None for what does not matter.
unsafe extern "C" fn range_hash(op: *mut PyObject) -> Py_hash_t {
    let rg = r(op);
    let res = (|| -> PyResult<Py_hash_t> {
        let empty = !crate::abstract_::object::is_true(rg.length)?;
        let single = cmp(rg.length, small(1).as_ptr(), Py_EQ)?;
        let t = tuple::from_ptrs(&[
            rg.length,
            if empty { none() } else { rg.start },
            if empty || single { none() } else { rg.step },
        ])?;
        crate::abstract_::object::hash(t.as_ptr())
    })();
    res.unwrap_or(-1)
}

unsafe extern "C" fn range_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let rg = r(op);
    let res = (|| {
        let args = tuple::from_ptrs(&[rg.start, rg.stop, rg.step])?;
        tuple::from_vec(vec![new_ref(&raw mut PyRange_Type as *mut PyObject), args])
    })();
    ret_obj(res)
}

// ---- iterators ----------------------------------------------------------------------------

/// `range_iterator`: machine integers (every value it yields fits an i64). `start` and
/// `len` are the next value and the items left; `total` (the length it started with) gives
/// the position for pickling (`total - len`).
#[repr(C)]
struct RangeIter {
    ob_base: PyObject,
    start: i64,
    step: i64,
    len: i64,
    total: i64,
}

/// `longrange_iterator`: Python ints; `first` and `total` as `RangeIter`'s.
#[repr(C)]
struct LongRangeIter {
    ob_base: PyObject,
    start: *mut PyObject,
    step: *mut PyObject,
    len: *mut PyObject,
    first: *mut PyObject,
    total: *mut PyObject,
}

static mut RANGEITER_METHODS: [PyMethodDef; 4] = [
    plain(c"__length_hint__", rangeiter_length_hint, METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    plain(c"__reduce__", rangeiter_reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    plain(c"__setstate__", rangeiter_setstate, METH_O).doc(c"Set state information for unpickling."),
    END,
];
static mut LONGRANGEITER_METHODS: [PyMethodDef; 4] = [
    plain(c"__length_hint__", longrangeiter_length_hint, METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    plain(c"__reduce__", longrangeiter_reduce, METH_NOARGS).doc(c"Return state information for pickling."),
    plain(c"__setstate__", longrangeiter_setstate, METH_O).doc(c"Set state information for unpickling."),
    END,
];

/// `PyRangeIter_Type`.
#[no_mangle]
pub static mut PyRangeIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(rangeiter_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(rangeiter_next),
    tp_methods: &raw mut RANGEITER_METHODS as *mut PyMethodDef,
    ..static_type(c"range_iterator", core::mem::size_of::<RangeIter>(), 0, 0, None)
};

/// `PyLongRangeIter_Type`.
#[no_mangle]
pub static mut PyLongRangeIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(longrangeiter_dealloc),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(longrangeiter_next),
    tp_methods: &raw mut LONGRANGEITER_METHODS as *mut PyMethodDef,
    ..static_type(c"longrange_iterator", core::mem::size_of::<LongRangeIter>(), 0, 0, None)
};

unsafe fn to_i64(op: *mut PyObject) -> Option<i64> {
    crate::objects::long_convert::int_to_i128(op).and_then(|v| i64::try_from(v).ok())
}

/// An iterator over `len` items from `start` by `step`.
unsafe fn make_iter(start: *mut PyObject, step: *mut PyObject, len: *mut PyObject) -> PyResult<PyRef> {
    if let (Some(a), Some(s), Some(n)) = (to_i64(start), to_i64(step), to_i64(len)) {
        // Every yielded value (and the last one's successor) must fit an i64.
        let last = a as i128 + (n as i128) * (s as i128);
        if i64::try_from(last).is_ok() {
            let it = temp_alloc::malloc_object(&raw mut PyRangeIter_Type, core::mem::size_of::<RangeIter>()) as *mut RangeIter;
            if it.is_null() {
                return Err(no_memory());
            }
            (*it).start = a;
            (*it).step = s;
            (*it).len = n;
            (*it).total = n;
            return Ok(PyRef::from_owned(it as *mut PyObject).unwrap_unchecked());
        }
    }
    let it = temp_alloc::malloc_object(&raw mut PyLongRangeIter_Type, core::mem::size_of::<LongRangeIter>()) as *mut LongRangeIter;
    if it.is_null() {
        return Err(no_memory());
    }
    (*it).start = new_ref(start).into_ptr();
    (*it).step = new_ref(step).into_ptr();
    (*it).len = new_ref(len).into_ptr();
    (*it).first = new_ref(start).into_ptr();
    (*it).total = new_ref(len).into_ptr();
    Ok(PyRef::from_owned(it as *mut PyObject).unwrap_unchecked())
}

unsafe extern "C" fn range_iter(op: *mut PyObject) -> *mut PyObject {
    let rg = r(op);
    ret_obj(make_iter(rg.start, rg.step, rg.length))
}

/// `reversed(range)`: from the last item, by -step.
unsafe extern "C" fn range_reversed(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let rg = r(op);
    let res = (|| {
        let last_index = sub(rg.length, small(1).as_ptr())?;
        let last = item_at(rg, last_index.as_ptr())?;
        let neg = from_slot(PyNumber_Negative(rg.step))?;
        make_iter(last.as_ptr(), neg.as_ptr(), rg.length)
    })();
    ret_obj(res)
}

/// The next value of `op` when it is a `range_iterator` (the eval loop's `FOR_ITER`, which
/// then makes or reuses the int itself): `Some(Some(v))`, `Some(None)` when exhausted, and
/// `None` for any other iterator.
///
/// # Safety
/// `op` is a live object.
#[inline(always)]
pub(crate) unsafe fn range_iter_next_value(op: *mut PyObject) -> Option<Option<i64>> {
    if (*op).ob_type != &raw mut PyRangeIter_Type {
        return None;
    }
    let it = op as *mut RangeIter;
    if (*it).len <= 0 {
        return Some(None);
    }
    let v = (*it).start;
    (*it).start = v.wrapping_add((*it).step);
    (*it).len -= 1;
    Some(Some(v))
}

unsafe extern "C" fn rangeiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut RangeIter;
    if (*it).len <= 0 {
        return core::ptr::null_mut();
    }
    let v = (*it).start;
    (*it).start = v.wrapping_add((*it).step);
    (*it).len -= 1;
    ret_obj(int::from_i64(v))
}

unsafe extern "C" fn rangeiter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj(int::from_i64((*(op as *mut RangeIter)).len.max(0)))
}

unsafe extern "C" fn rangeiter_dealloc(op: *mut PyObject) {
    temp_alloc::free_object(op as *mut c_void);
}

unsafe extern "C" fn longrangeiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut LongRangeIter;
    let res = (|| -> PyResult<Option<PyRef>> {
        if !cmp((*it).len, small(0).as_ptr(), Py_GT)? {
            return Ok(None);
        }
        let v = new_ref((*it).start);
        let next = add((*it).start, (*it).step)?;
        let len = sub((*it).len, small(1).as_ptr())?;
        drop(PyRef::from_owned(core::mem::replace(&mut (*it).start, next.into_ptr())));
        drop(PyRef::from_owned(core::mem::replace(&mut (*it).len, len.into_ptr())));
        Ok(Some(v))
    })();
    match res {
        Ok(Some(v)) => v.into_ptr(),
        _ => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn longrangeiter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    new_ref((*(op as *mut LongRangeIter)).len).into_ptr()
}

unsafe extern "C" fn longrangeiter_dealloc(op: *mut PyObject) {
    let it = op as *mut LongRangeIter;
    for p in [(*it).start, (*it).step, (*it).len, (*it).first, (*it).total] {
        drop(PyRef::from_owned(p));
    }
    temp_alloc::free_object(op as *mut c_void);
}

// ---- Pickling: `(iter, (range(first, first + total*step, step),), index)` ------------------

/// `(iter, (range(first, first + total*step, step),), index)`: the range the iterator
/// started from and its position, as CPython 3.11 pickles it.
unsafe fn reduce_iter(first: *mut PyObject, step: *mut PyObject, total: *mut PyObject, index: PyRef) -> PyResult<PyRef> {
    let stop = add(first, mul(total, step)?.as_ptr())?;
    let rg = make(new_ref(first), stop, new_ref(step))?;
    crate::objects::reduce_forms::reduce_at(crate::objects::reduce_forms::builtin("iter")?, rg.as_ptr(), index)
}

unsafe extern "C" fn rangeiter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = &*(op as *mut RangeIter);
    ret_obj((|| {
        // Computed in i128: every value the iterator yields fits an i64, its products need not.
        let index = (it.total - it.len) as i128;
        let first = it.start as i128 - index * it.step as i128;
        let big = |v: i128| int::from_i128(v);
        reduce_iter(big(first)?.as_ptr(), int::from_i64(it.step)?.as_ptr(), int::from_i64(it.total)?.as_ptr(), big(index)?)
    })())
}

/// `__setstate__(index)`: the position, clamped to `0..=total` (PyLong_AsLong's errors).
unsafe extern "C" fn rangeiter_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let it = &mut *(op as *mut RangeIter);
    ret_obj((|| {
        let index = crate::objects::long_convert::as_i64(state)?.clamp(0, it.total);
        let done = (it.total - it.len) as i128;
        let first = it.start as i128 - done * it.step as i128;
        it.start = (first + index as i128 * it.step as i128) as i64;
        it.len = it.total - index;
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn longrangeiter_reduce(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = &*(op as *mut LongRangeIter);
    ret_obj((|| {
        let index = sub(it.total, it.len)?;
        reduce_iter(it.first, it.step, it.total, index)
    })())
}

/// `__setstate__(index)`: the position, clamped to `0..=total`.
unsafe extern "C" fn longrangeiter_setstate(op: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    let it = &mut *(op as *mut LongRangeIter);
    ret_obj((|| {
        let mut pos = index(state)?;
        if cmp(pos.as_ptr(), small(0).as_ptr(), Py_LT)? {
            pos = small(0);
        } else if cmp(pos.as_ptr(), it.total, Py_GT)? {
            pos = new_ref(it.total);
        }
        let start = add(it.first, mul(pos.as_ptr(), it.step)?.as_ptr())?;
        let len = sub(it.total, pos.as_ptr())?;
        drop(PyRef::from_owned(core::mem::replace(&mut it.start, start.into_ptr())));
        drop(PyRef::from_owned(core::mem::replace(&mut it.len, len.into_ptr())));
        Ok(new_ref(none()))
    })())
}
