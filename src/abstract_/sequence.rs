//! The sequence protocol (CPython's `PySequence_*`): objects with `sq_item` that are not
//! dicts. Item access by index is in item.rs; this file has sizes, concatenation and
//! repetition, conversion to tuple/list (`PySequence_Fast`), and searching by iteration
//! (`count`, `in`, `index`).
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::compare::rich_compare_bool;
use crate::abstract_::{from_slot, new_ref, not_implemented, null_error, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::pyerr;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::{PyObject, Py_EQ};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{list, tuple};
use crate::pyport::Py_ssize_t;

/// `PySequence_Check`: has `sq_item` and is not a dict (whose `sq_item` would be a lie).
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn is_sequence(o: *mut PyObject) -> bool {
    if crate::objects::dict::is_dict(o) {
        return false;
    }
    (*(*o).ob_type).tp_as_sequence.as_ref().is_some_and(|s| s.sq_item.is_some())
}

/// `int PySequence_Check(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Check(o: *mut PyObject) -> c_int {
    is_sequence(o) as c_int
}

/// `len(s)` for a sequence (`PySequence_Size`).
///
/// # Safety
/// `s` is a live object.
pub(crate) unsafe fn size(s: *mut PyObject) -> PyResult<Py_ssize_t> {
    let tp = (*s).ob_type;
    if let Some(f) = (*tp).tp_as_sequence.as_ref().and_then(|m| m.sq_length) {
        let n = f(s);
        return if n < 0 { Err(Raised::assume_set()) } else { Ok(n) };
    }
    if (*tp).tp_as_mapping.as_ref().is_some_and(|m| m.mp_length.is_some()) {
        return Err(type_error(format!("{} is not a sequence", tp_name(s))));
    }
    Err(type_error(format!("object of type '{}' has no len()", tp_name(s))))
}

/// `Py_ssize_t PySequence_Size(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Size(s: *mut PyObject) -> Py_ssize_t {
    if s.is_null() {
        let _ = null_error();
        return -1;
    }
    size(s).unwrap_or(-1)
}

/// `Py_ssize_t PySequence_Length(PyObject *o)`: the same as `PySequence_Size`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Length(s: *mut PyObject) -> Py_ssize_t {
    PySequence_Size(s)
}

/// `a + b` through the number slots of `a`, then of `b` (sequences that implement `+` as a
/// number operation): `None` when both say NotImplemented or have none.
unsafe fn number_binary(a: *mut PyObject, b: *mut PyObject, pick: fn(&crate::object::slots::PyNumberMethods) -> crate::object::slots::binaryfunc) -> PyResult<Option<PyRef>> {
    let slot_of = |o: *mut PyObject| (*(*o).ob_type).tp_as_number.as_ref().and_then(pick);
    let sa = slot_of(a);
    let sb = if (*a).ob_type != (*b).ob_type { slot_of(b) } else { None };
    for f in [sa, sb].into_iter().flatten() {
        let r = from_slot(f(a, b))?;
        if r.as_ptr() != not_implemented() {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// `s + o` for sequences (`PySequence_Concat`).
///
/// # Safety
/// `s` and `o` are live objects.
pub(crate) unsafe fn concat(s: *mut PyObject, o: *mut PyObject) -> PyResult<PyRef> {
    if let Some(f) = (*(*s).ob_type).tp_as_sequence.as_ref().and_then(|m| m.sq_concat) {
        return from_slot(f(s, o));
    }
    if is_sequence(s) && is_sequence(o) {
        if let Some(r) = number_binary(s, o, |n| n.nb_add)? {
            return Ok(r);
        }
    }
    Err(type_error(format!("'{}' object can't be concatenated", tp_name(s))))
}

/// `PyObject *PySequence_Concat(PyObject *o1, PyObject *o2)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Concat(s: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    if s.is_null() || o.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(concat(s, o))
}

/// `PyObject *PySequence_InPlaceConcat(PyObject *o1, PyObject *o2)`: `s += o`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_InPlaceConcat(s: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    if s.is_null() || o.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    let r = (|| {
        let sq = (*(*s).ob_type).tp_as_sequence.as_ref();
        if let Some(f) = sq.and_then(|m| m.sq_inplace_concat) {
            return from_slot(f(s, o));
        }
        if let Some(f) = sq.and_then(|m| m.sq_concat) {
            return from_slot(f(s, o));
        }
        if is_sequence(s) && is_sequence(o) {
            if let Some(r) = number_binary(s, o, |n| n.nb_inplace_add)? {
                return Ok(r);
            }
            if let Some(r) = number_binary(s, o, |n| n.nb_add)? {
                return Ok(r);
            }
        }
        Err(type_error(format!("'{}' object can't be concatenated", tp_name(s))))
    })();
    ret_obj(r)
}

/// `PyObject *PySequence_Repeat(PyObject *o, Py_ssize_t count)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Repeat(s: *mut PyObject, count: Py_ssize_t) -> *mut PyObject {
    if s.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    if let Some(f) = (*(*s).ob_type).tp_as_sequence.as_ref().and_then(|m| m.sq_repeat) {
        return f(s, count);
    }
    // A sequence may repeat through the number protocol (`__mul__`).
    let r = (|| {
        if is_sequence(s) {
            let n = crate::objects::int::from_i64(count as i64)?;
            if let Some(r) = number_binary(s, n.as_ptr(), |m| m.nb_multiply)? {
                return Ok(r);
            }
        }
        Err(type_error(format!("'{}' object can't be repeated", tp_name(s))))
    })();
    ret_obj(r)
}

/// `PyObject *PySequence_InPlaceRepeat(PyObject *o, Py_ssize_t count)`: `s *= count`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_InPlaceRepeat(s: *mut PyObject, count: Py_ssize_t) -> *mut PyObject {
    if s.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    let sq = (*(*s).ob_type).tp_as_sequence.as_ref();
    if let Some(f) = sq.and_then(|m| m.sq_inplace_repeat) {
        return f(s, count);
    }
    if let Some(f) = sq.and_then(|m| m.sq_repeat) {
        return f(s, count);
    }
    let _ = type_error(format!("'{}' object can't be repeated", tp_name(s)));
    core::ptr::null_mut()
}

/// `tuple(v)` (`PySequence_Tuple`).
///
/// # Safety
/// `v` is a live object.
pub(crate) unsafe fn to_tuple(v: *mut PyObject) -> PyResult<PyRef> {
    if tuple::is_exact(v) {
        return Ok(new_ref(v));
    }
    // Only an exact list: a subclass may override __iter__.
    if list::is_exact(v) {
        return tuple::from_ptrs(list::items(v));
    }
    let items = crate::abstract_::iter::collect(v)?;
    tuple::from_vec(items)
}

/// `PyObject *PySequence_Tuple(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Tuple(v: *mut PyObject) -> *mut PyObject {
    if v.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(to_tuple(v))
}

/// `PyObject *PySequence_List(PyObject *o)`: a new list.
#[no_mangle]
pub unsafe extern "C" fn PySequence_List(v: *mut PyObject) -> *mut PyObject {
    if v.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(list::from_iterable(v))
}

/// `PySequence_Fast(v, message)`: an exact list or tuple as itself, anything iterable as a
/// new list; a non-iterable is TypeError(message).
///
/// # Safety
/// `v` is a live object.
pub(crate) unsafe fn fast(v: *mut PyObject, message: &str) -> PyResult<PyRef> {
    if list::is_exact(v) || tuple::is_exact(v) {
        return Ok(new_ref(v));
    }
    let it = match crate::abstract_::iter::get_iter(v) {
        Ok(it) => it,
        Err(e) => {
            if pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 {
                pyerr::PyErr_Clear();
                return Err(type_error(message));
            }
            return Err(e);
        }
    };
    let l = list::new(0)?;
    while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
        list::append(l.as_ptr(), x.as_ptr())?;
    }
    Ok(l)
}

/// The items of a `fast` result (a list or a tuple), borrowed.
///
/// # Safety
/// `f` is a live list or tuple.
pub(crate) unsafe fn fast_items<'a>(f: *mut PyObject) -> &'a [*mut PyObject] {
    if list::is_list(f) { list::items(f) } else { tuple::items(f) }
}

/// `PyObject *PySequence_Fast(PyObject *o, const char *m)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Fast(v: *mut PyObject, m: *const c_char) -> *mut PyObject {
    if v.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    let message = if m.is_null() { String::new() } else { CStr::from_ptr(m).to_string_lossy().into_owned() };
    ret_obj(fast(v, &message))
}

/// What `iter_search` looks for.
#[derive(Clone, Copy, PartialEq)]
enum Search {
    Count,
    Index,
    Contains,
}

/// CPython's `_PySequence_IterSearch`: iterates `seq` comparing each item with `obj`.
unsafe fn iter_search(seq: *mut PyObject, obj: *mut PyObject, what: Search) -> PyResult<Py_ssize_t> {
    let it = match crate::abstract_::iter::get_iter(seq) {
        Ok(it) => it,
        Err(e) => {
            if pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 {
                pyerr::PyErr_Clear();
                return Err(type_error(format!("argument of type '{}' is not iterable", tp_name(seq))));
            }
            return Err(e);
        }
    };
    let mut n: Py_ssize_t = 0;
    let mut i: Py_ssize_t = 0;
    while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
        if rich_compare_bool(item.as_ptr(), obj, Py_EQ)? {
            match what {
                Search::Count => n += 1,
                Search::Index => return Ok(i),
                Search::Contains => return Ok(1),
            }
        }
        i += 1;
    }
    match what {
        Search::Index => Err(raise_type(&raw mut exc::_PyExc_ValueError, "sequence.index(x): x not in sequence")),
        _ => Ok(n),
    }
}

/// `x in seq` (`PySequence_Contains`): `sq_contains`, else a search by iteration.
///
/// # Safety
/// `seq` and `obj` are live objects.
pub(crate) unsafe fn contains(seq: *mut PyObject, obj: *mut PyObject) -> PyResult<bool> {
    if let Some(f) = (*(*seq).ob_type).tp_as_sequence.as_ref().and_then(|m| m.sq_contains) {
        return match f(seq, obj) {
            r if r < 0 => Err(Raised::assume_set()),
            r => Ok(r != 0),
        };
    }
    Ok(iter_search(seq, obj, Search::Contains)? != 0)
}

/// `Py_ssize_t PySequence_Count(PyObject *o, PyObject *value)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Count(s: *mut PyObject, o: *mut PyObject) -> Py_ssize_t {
    if s.is_null() || o.is_null() {
        let _ = null_error();
        return -1;
    }
    iter_search(s, o, Search::Count).unwrap_or(-1)
}

/// `int PySequence_Contains(PyObject *o, PyObject *value)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Contains(s: *mut PyObject, o: *mut PyObject) -> c_int {
    match contains(s, o) {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// `int PySequence_In(PyObject *o, PyObject *value)`: the old name of `PySequence_Contains`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_In(s: *mut PyObject, o: *mut PyObject) -> c_int {
    PySequence_Contains(s, o)
}

/// `Py_ssize_t PySequence_Index(PyObject *o, PyObject *value)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Index(s: *mut PyObject, o: *mut PyObject) -> Py_ssize_t {
    if s.is_null() || o.is_null() {
        let _ = null_error();
        return -1;
    }
    iter_search(s, o, Search::Index).unwrap_or(-1)
}

/// `slice(i1, i2)` (`_PySlice_FromIndices`).
unsafe fn slice_of(i1: Py_ssize_t, i2: Py_ssize_t) -> PyResult<PyRef> {
    let a = crate::objects::int::from_i64(i1 as i64)?;
    let b = crate::objects::int::from_i64(i2 as i64)?;
    crate::objects::slice::new(a.as_ptr(), b.as_ptr(), core::ptr::null_mut())
}

/// `PyObject *PySequence_GetSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2)`: `s[i1:i2]`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_GetSlice(s: *mut PyObject, i1: Py_ssize_t, i2: Py_ssize_t) -> *mut PyObject {
    if s.is_null() {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    let r = match (*(*s).ob_type).tp_as_mapping.as_ref().and_then(|m| m.mp_subscript) {
        Some(f) => slice_of(i1, i2).and_then(|sl| from_slot(f(s, sl.as_ptr()))),
        None => Err(type_error(format!("'{}' object is unsliceable", tp_name(s)))),
    };
    ret_obj(r)
}

/// `s[i1:i2] = o`, or `del s[i1:i2]` for a NULL `o`.
unsafe fn set_slice(s: *mut PyObject, i1: Py_ssize_t, i2: Py_ssize_t, o: *mut PyObject) -> c_int {
    if s.is_null() {
        let _ = null_error();
        return -1;
    }
    let r = match (*(*s).ob_type).tp_as_mapping.as_ref().and_then(|m| m.mp_ass_subscript) {
        Some(f) => slice_of(i1, i2).map(|sl| f(s, sl.as_ptr(), o)),
        None => Err(type_error(if o.is_null() {
            format!("'{}' object doesn't support slice deletion", tp_name(s))
        } else {
            format!("'{}' object doesn't support slice assignment", tp_name(s))
        })),
    };
    r.unwrap_or(-1)
}

/// `int PySequence_SetSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2, PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_SetSlice(s: *mut PyObject, i1: Py_ssize_t, i2: Py_ssize_t, o: *mut PyObject) -> c_int {
    if o.is_null() {
        let _ = null_error();
        return -1;
    }
    set_slice(s, i1, i2, o)
}

/// `int PySequence_DelSlice(PyObject *s, Py_ssize_t i1, Py_ssize_t i2)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_DelSlice(s: *mut PyObject, i1: Py_ssize_t, i2: Py_ssize_t) -> c_int {
    set_slice(s, i1, i2, core::ptr::null_mut())
}

/// `_PySequence_IterSearch` operations.
#[cfg(not(Py_LIMITED_API))]
pub const PY_ITERSEARCH_COUNT: c_int = 1;
#[cfg(not(Py_LIMITED_API))]
pub const PY_ITERSEARCH_INDEX: c_int = 2;
#[cfg(not(Py_LIMITED_API))]
pub const PY_ITERSEARCH_CONTAINS: c_int = 3;

/// `Py_ssize_t _PySequence_IterSearch(PyObject *seq, PyObject *obj, int operation)`: a
/// search by iteration: `PY_ITERSEARCH_COUNT` (1) counts `obj`, `PY_ITERSEARCH_INDEX` (2)
/// finds its first position (ValueError if absent), `PY_ITERSEARCH_CONTAINS` (3) 1 or 0.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySequence_IterSearch(seq: *mut PyObject, obj: *mut PyObject, operation: c_int) -> Py_ssize_t {
    if seq.is_null() || obj.is_null() {
        let _ = null_error();
        return -1;
    }
    let how = match operation {
        PY_ITERSEARCH_COUNT => Search::Count,
        PY_ITERSEARCH_INDEX => Search::Index,
        PY_ITERSEARCH_CONTAINS => Search::Contains,
        _ => {
            let _ = crate::object::pending_error::bad_internal_call();
            return -1;
        }
    };
    iter_search(seq, obj, how).unwrap_or(-1)
}

/// `char *const *_PySequence_BytesToCharpArray(PyObject *self)`: a NULL-terminated array of
/// NUL-terminated copies of the bytes items of `self` (PyMem memory, for
/// `_Py_FreeCharPArray`), as `execv`-style calls need; NULL with the exception set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySequence_BytesToCharpArray(seq: *mut PyObject) -> *const *mut core::ffi::c_char {
    use crate::object::pymem::{PyMem_Free, PyMem_Malloc};
    let argc = PySequence_Size(seq);
    if argc < 0 {
        return core::ptr::null();
    }
    let array = PyMem_Malloc((argc as usize + 1) * core::mem::size_of::<*mut core::ffi::c_char>()) as *mut *mut core::ffi::c_char;
    if array.is_null() {
        let _ = crate::object::pending_error::no_memory();
        return core::ptr::null();
    }
    let fail = |filled: usize| {
        for j in 0..filled {
            PyMem_Free(*array.add(j) as *mut core::ffi::c_void);
        }
        PyMem_Free(array as *mut core::ffi::c_void);
        core::ptr::null()
    };
    for i in 0..argc as usize {
        let Ok(item) = crate::abstract_::item::seq_get_item(seq, i as Py_ssize_t) else { return fail(i) };
        let mut data: *mut core::ffi::c_char = core::ptr::null_mut();
        let mut size: Py_ssize_t = 0;
        if crate::objects::bytes::PyBytes_AsStringAndSize(item.as_ptr(), &mut data, &mut size) < 0 {
            return fail(i);
        }
        let copy = PyMem_Malloc(size as usize + 1) as *mut core::ffi::c_char;
        if copy.is_null() {
            let _ = crate::object::pending_error::no_memory();
            return fail(i);
        }
        core::ptr::copy_nonoverlapping(data, copy, size as usize + 1);
        *array.add(i) = copy;
    }
    *array.add(argc as usize) = core::ptr::null_mut();
    array as *const *mut core::ffi::c_char
}

/// `void _Py_FreeCharPArray(char *const array[])`: frees what `_PySequence_BytesToCharpArray`
/// returned.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_FreeCharPArray(array: *const *mut core::ffi::c_char) {
    if array.is_null() {
        return;
    }
    let mut i = 0;
    while !(*array.add(i)).is_null() {
        crate::object::pymem::PyMem_Free(*array.add(i) as *mut core::ffi::c_void);
        i += 1;
    }
    crate::object::pymem::PyMem_Free(array as *mut core::ffi::c_void);
}

/// `void _Py_add_one_to_index_C(int nd, Py_ssize_t *index, const Py_ssize_t *shape)`: the
/// next index of an `nd`-dimensional array in C order (the last dimension fastest),
/// wrapping to all zeros after the last.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_add_one_to_index_C(nd: c_int, index: *mut Py_ssize_t, shape: *const Py_ssize_t) {
    for k in (0..nd.max(0) as usize).rev() {
        if *index.add(k) < *shape.add(k) - 1 {
            *index.add(k) += 1;
            return;
        }
        *index.add(k) = 0;
    }
}

/// `void _Py_add_one_to_index_F(int nd, Py_ssize_t *index, const Py_ssize_t *shape)`: as
/// `_Py_add_one_to_index_C` in Fortran order (the first dimension fastest).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_add_one_to_index_F(nd: c_int, index: *mut Py_ssize_t, shape: *const Py_ssize_t) {
    for k in 0..nd.max(0) as usize {
        if *index.add(k) < *shape.add(k) - 1 {
            *index.add(k) += 1;
            return;
        }
        *index.add(k) = 0;
    }
}
