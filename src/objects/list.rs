//! `PyListObject` (CPython's cpython/listobject.h): a header plus a separately allocated
//! vector of item pointers.
use crate::object::object::{PyObject, PyVarObject};
use crate::pyport::Py_ssize_t;

/// `PyListObject`: `ob_size` items in use out of `allocated` slots of `ob_item`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyListObject {
    pub ob_base: PyVarObject,
    pub ob_item: *mut *mut PyObject,
    pub allocated: Py_ssize_t,
}
assert_layout!(PyListObject, size = 40, ob_base @ 0, ob_item @ 24, allocated @ 32);

// ---- The list type ---------------------------------------------------------------------------
// `ob_item` is a block of `allocated` slots (list_storage.rs: PyMem, or a mapping when big), the first `ob_size` in use (C code reads
// them through PyList_GET_ITEM). It grows by about 1/8 plus a little, as CPython's, so
// appends are amortized O(1), and shrinks when less than half is used. Every operation that
// may run Python code (comparisons, reprs, destructors) re-reads the list afterwards: the
// code may have changed it.

use core::ffi::{c_int, c_ulong, c_void};

use crate::abstract_::compare::{rich_compare_bool};
use crate::abstract_::object::repr_guarded;
use crate::abstract_::{new_ref, not_implemented, null_error, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::Py_EQ;
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::objects::list_storage;
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_LIST_SUBCLASS,
    Py_TPFLAGS_SEQUENCE, _Py_TPFLAGS_MATCH_SELF,
};
use crate::objects::tuple;

static mut LIST_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(list_length),
    sq_concat: Some(list_concat),
    sq_repeat: Some(list_repeat),
    sq_item: Some(list_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: Some(list_ass_item),
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(list_contains),
    sq_inplace_concat: Some(list_inplace_concat),
    sq_inplace_repeat: Some(list_inplace_repeat),
};

static mut LIST_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(list_length),
    mp_subscript: Some(list_subscript),
    mp_ass_subscript: Some(list_ass_subscript),
};

/// `PyList_Type`: `list`.
#[no_mangle]
pub static mut PyList_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(list_dealloc),
    tp_repr: Some(list_repr),
    tp_as_sequence: &raw mut LIST_AS_SEQUENCE,
    tp_as_mapping: &raw mut LIST_AS_MAPPING,
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_traverse: Some(list_traverse),
    tp_clear: Some(list_tp_clear),
    tp_richcompare: Some(list_richcompare),
    tp_iter: Some(crate::objects::list_iter::list_iter),
    tp_methods: &raw mut crate::objects::list_methods::LIST_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_init: Some(crate::objects::container_new::list_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::objects::container_new::list_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"list",
        core::mem::size_of::<PyListObject>(),
        0,
        Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_LIST_SUBCLASS
            | _Py_TPFLAGS_MATCH_SELF
            | Py_TPFLAGS_SEQUENCE as c_ulong,
        Some(c"list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified."),
    )
};

/// Whether `op` is a list or an instance of a subclass (`PyList_Check`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_list(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_LIST_SUBCLASS != 0
}

/// Whether `op` is exactly a list (`PyList_CheckExact`).
#[inline]
pub(crate) unsafe fn is_exact(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyList_Type
}

#[inline]
unsafe fn as_list(op: *mut PyObject) -> *mut PyListObject {
    op as *mut PyListObject
}

/// The number of items.
///
/// # Safety
/// `op` is a live list.
#[inline]
pub(crate) unsafe fn len(op: *mut PyObject) -> usize {
    (*as_list(op)).ob_base.ob_size as usize
}

/// The items, borrowed (valid until the list changes).
///
/// # Safety
/// `op` is a live list.
#[inline]
pub(crate) unsafe fn items<'a>(op: *mut PyObject) -> &'a [*mut PyObject] {
    let l = as_list(op);
    if (*l).ob_item.is_null() {
        return &[];
    }
    core::slice::from_raw_parts((*l).ob_item, (*l).ob_base.ob_size as usize)
}

/// Item `i`, borrowed.
///
/// # Safety
/// `op` is a live list and `i < len(op)`.
#[inline(always)]
pub(crate) unsafe fn item_unchecked(op: *mut PyObject, i: usize) -> *mut PyObject {
    *(*as_list(op)).ob_item.add(i)
}

/// A new list of `n` NULL items (`PyList_New`), GC-tracked.
pub(crate) fn new(n: usize) -> PyResult<PyRef> {
    // SAFETY: a fresh list object whose every field is set here.
    unsafe {
        let op = PyRef::from_owned(temp_alloc::gc_new_var(&raw mut PyList_Type, 0)).ok_or_else(no_memory)?;
        let l = as_list(op.as_ptr());
        (*l).ob_base.ob_size = 0;
        (*l).ob_item = core::ptr::null_mut();
        (*l).allocated = 0;
        if n > 0 {
            n.checked_mul(8).filter(|&b| b <= isize::MAX as usize).ok_or_else(no_memory)?;
            let block = list_storage::alloc_zeroed(n);
            if block.is_null() {
                return Err(no_memory());
            }
            (*l).ob_item = block;
            (*l).allocated = n as Py_ssize_t;
            (*l).ob_base.ob_size = n as Py_ssize_t;
        }
        PyObject_GC_Track(op.as_ptr() as *mut c_void);
        Ok(op)
    }
}

/// A new list taking over the references of `items`.
pub(crate) fn from_vec(items: Vec<PyRef>) -> PyResult<PyRef> {
    let ptrs: Vec<_> = items.iter().map(PyRef::as_ptr).collect();
    // SAFETY: `items` keeps every object alive until the list holds its own references.
    unsafe { from_ptrs(&ptrs) }
}

/// A new list holding new references to borrowed `items`.
///
/// # Safety
/// Every item is a live object.
pub(crate) unsafe fn from_ptrs(items: &[*mut PyObject]) -> PyResult<PyRef> {
    let l = new(items.len())?;
    let d = (*as_list(l.as_ptr())).ob_item;
    for (i, &item) in items.iter().enumerate() {
        (*item).ob_refcnt += 1;
        *d.add(i) = item;
    }
    Ok(l)
}

/// Makes room for `newsize` items and sets `ob_size` to it: the new slots are not
/// initialized; items past `newsize` must have been released by the caller.
unsafe fn resize(op: *mut PyObject, newsize: usize) -> PyResult<()> {
    let l = as_list(op);
    let allocated = (*l).allocated as usize;
    if allocated >= newsize && newsize >= (allocated >> 1) {
        (*l).ob_base.ob_size = newsize as Py_ssize_t;
        return Ok(());
    }
    // Over-allocate about 1/8 plus a little, rounded to a multiple of 4, as CPython; a big
    // jump (an extend) gets just what it needs. Big vectors are remapped in place
    // (list_storage.rs), so small steps stay cheap.
    let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
    let old_size = ((*l).ob_base.ob_size.max(0) as usize).min(newsize);
    if newsize - old_size > new_allocated - newsize {
        new_allocated = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    if new_allocated > (isize::MAX as usize) / 8 {
        return Err(no_memory());
    }
    let block = list_storage::realloc((*l).ob_item, allocated, new_allocated);
    if block.is_null() && new_allocated != 0 {
        return Err(no_memory());
    }
    (*l).ob_item = block;
    (*l).allocated = new_allocated as Py_ssize_t;
    (*l).ob_base.ob_size = newsize as Py_ssize_t;
    Ok(())
}

/// Appends a new reference to `item` (`PyList_Append`).
///
/// # Safety
/// `op` is a live list, `item` a live object.
#[inline]
pub(crate) unsafe fn append(op: *mut PyObject, item: *mut PyObject) -> PyResult<()> {
    let l = as_list(op);
    let n = (*l).ob_base.ob_size;
    if n < (*l).allocated {
        (*item).ob_refcnt += 1;
        *(*l).ob_item.add(n as usize) = item;
        (*l).ob_base.ob_size = n + 1;
        return Ok(());
    }
    resize(op, n as usize + 1)?;
    (*item).ob_refcnt += 1;
    *(*l).ob_item.add(n as usize) = item;
    Ok(())
}

/// Inserts a new reference to `item` before `where_` (clamped, negative from the end).
///
/// # Safety
/// `op` is a live list, `item` a live object.
pub(crate) unsafe fn insert(op: *mut PyObject, where_: Py_ssize_t, item: *mut PyObject) -> PyResult<()> {
    let n = len(op) as Py_ssize_t;
    let mut w = where_;
    if w < 0 {
        w += n;
        if w < 0 {
            w = 0;
        }
    }
    if w > n {
        w = n;
    }
    resize(op, n as usize + 1)?;
    let d = (*as_list(op)).ob_item;
    core::ptr::copy(d.add(w as usize), d.add(w as usize + 1), (n - w) as usize);
    (*item).ob_refcnt += 1;
    *d.add(w as usize) = item;
    Ok(())
}

/// Replaces items `lo..hi` (clamped) with `new` (new references taken): `a[lo:hi] = new`.
/// The replaced items are released after the list is consistent.
///
/// # Safety
/// `op` is a live list; `new` borrowed live objects.
pub(crate) unsafe fn replace_range(op: *mut PyObject, lo: usize, hi: usize, new: &[*mut PyObject]) -> PyResult<()> {
    let n = len(op);
    let lo = lo.min(n);
    let hi = hi.clamp(lo, n);
    let removed: Vec<*mut PyObject> = items(op)[lo..hi].to_vec();
    let delta = new.len() as isize - (hi - lo) as isize;
    for &o in new {
        (*o).ob_refcnt += 1;
    }
    if delta < 0 {
        let d = (*as_list(op)).ob_item;
        core::ptr::copy(d.add(hi), d.add((hi as isize + delta) as usize), n - hi);
        resize(op, (n as isize + delta) as usize).ok();
    } else if delta > 0 {
        if let Err(e) = resize(op, n + delta as usize) {
            for &o in new {
                (*o).ob_refcnt -= 1;
            }
            return Err(e);
        }
        let d = (*as_list(op)).ob_item;
        core::ptr::copy(d.add(hi), d.add(hi + delta as usize), n - hi);
    }
    let d = (*as_list(op)).ob_item;
    if !new.is_empty() {
        core::ptr::copy_nonoverlapping(new.as_ptr(), d.add(lo), new.len());
    }
    for o in removed.into_iter().rev() {
        drop(PyRef::from_owned(o));
    }
    Ok(())
}

/// Empties the list; the items are released after it is empty.
///
/// # Safety
/// `op` is a live list.
pub(crate) unsafe fn clear(op: *mut PyObject) {
    let l = as_list(op);
    let block = (*l).ob_item;
    if block.is_null() {
        return;
    }
    let n = (*l).ob_base.ob_size as usize;
    let slots = (*l).allocated as usize;
    (*l).ob_item = core::ptr::null_mut();
    (*l).ob_base.ob_size = 0;
    (*l).allocated = 0;
    for i in (0..n).rev() {
        drop(PyRef::from_owned(*block.add(i)));
    }
    list_storage::free(block, slots);
}

/// `list(iterable)`: a new list of the items of any iterable.
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn from_iterable(o: *mut PyObject) -> PyResult<PyRef> {
    let l = new(0)?;
    extend(l.as_ptr(), o)?;
    Ok(l)
}

/// `l.extend(iterable)`.
///
/// # Safety
/// `op` is a live list, `o` a live object.
pub(crate) unsafe fn extend(op: *mut PyObject, o: *mut PyObject) -> PyResult<()> {
    // Only exact lists and tuples: a subclass may override __iter__.
    if is_exact(o) || tuple::is_exact(o) {
        // A snapshot first: `l.extend(l)` doubles the list.
        let src: Vec<PyRef> = seq_items(o).iter().map(|&x| new_ref(x)).collect();
        let n = len(op);
        resize(op, n + src.len())?;
        let d = (*as_list(op)).ob_item;
        for (i, x) in src.into_iter().enumerate() {
            *d.add(n + i) = x.into_ptr();
        }
        return Ok(());
    }
    let it = crate::abstract_::iter::get_iter(o)?;
    while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
        append(op, x.as_ptr())?;
    }
    Ok(())
}

/// The items of a list or tuple, borrowed.
unsafe fn seq_items<'a>(o: *mut PyObject) -> &'a [*mut PyObject] {
    if is_list(o) { items(o) } else { tuple::items(o) }
}

/// Reverses the items in place.
///
/// # Safety
/// `op` is a live list.
pub(crate) unsafe fn reverse(op: *mut PyObject) {
    let n = len(op);
    if n > 1 {
        core::slice::from_raw_parts_mut((*as_list(op)).ob_item, n).reverse();
    }
}

// ---- C-API ------------------------------------------------------------------------------------

unsafe fn check_list(op: *mut PyObject) -> PyResult<()> {
    if op.is_null() || !is_list(op) {
        return Err(bad_internal_call());
    }
    Ok(())
}

fn index_error(msg: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_IndexError, msg)
}

/// `PyObject *PyList_New(Py_ssize_t len)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_New(size: Py_ssize_t) -> *mut PyObject {
    if size < 0 {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(new(size as usize))
}

/// `Py_ssize_t PyList_Size(PyObject *list)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_Size(op: *mut PyObject) -> Py_ssize_t {
    match check_list(op) {
        Ok(()) => len(op) as Py_ssize_t,
        Err(_) => -1,
    }
}

/// `PyObject *PyList_GetItem(PyObject *list, Py_ssize_t index)`: borrowed.
#[no_mangle]
pub unsafe extern "C" fn PyList_GetItem(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if check_list(op).is_err() {
        return core::ptr::null_mut();
    }
    if i < 0 || i as usize >= len(op) {
        let _ = index_error("list index out of range");
        return core::ptr::null_mut();
    }
    items(op)[i as usize]
}

/// `int PyList_SetItem(PyObject *list, Py_ssize_t index, PyObject *item)`: steals `item`
/// (even on failure).
#[no_mangle]
pub unsafe extern "C" fn PyList_SetItem(op: *mut PyObject, i: Py_ssize_t, item: *mut PyObject) -> c_int {
    let item = PyRef::from_owned(item);
    if check_list(op).is_err() {
        return -1;
    }
    if i < 0 || i as usize >= len(op) {
        let _ = index_error("list assignment index out of range");
        return -1;
    }
    let slot = (*as_list(op)).ob_item.add(i as usize);
    let old = core::mem::replace(&mut *slot, item.map_or(core::ptr::null_mut(), |r| r.into_ptr()));
    drop(PyRef::from_owned(old));
    0
}

/// `int PyList_Insert(PyObject *list, Py_ssize_t index, PyObject *item)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_Insert(op: *mut PyObject, i: Py_ssize_t, item: *mut PyObject) -> c_int {
    if check_list(op).is_err() || item.is_null() {
        if item.is_null() {
            let _ = bad_internal_call();
        }
        return -1;
    }
    insert(op, i, item).map_or(-1, |()| 0)
}

/// `int PyList_Append(PyObject *list, PyObject *item)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_Append(op: *mut PyObject, item: *mut PyObject) -> c_int {
    if !op.is_null() && !item.is_null() && is_list(op) {
        // The common case in line, with no stack frame: a free slot.
        let l = as_list(op);
        let n = (*l).ob_base.ob_size;
        if n < (*l).allocated {
            (*item).ob_refcnt += 1;
            *(*l).ob_item.add(n as usize) = item;
            (*l).ob_base.ob_size = n + 1;
            return 0;
        }
    }
    append_checked_slow(op, item)
}

#[inline(never)]
#[cold]
unsafe fn append_checked_slow(op: *mut PyObject, item: *mut PyObject) -> c_int {
    if op.is_null() || item.is_null() || !is_list(op) {
        let _ = bad_internal_call();
        return -1;
    }
    append(op, item).map_or(-1, |()| 0)
}

/// `PyObject *PyList_GetSlice(PyObject *list, Py_ssize_t low, Py_ssize_t high)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_GetSlice(op: *mut PyObject, lo: Py_ssize_t, hi: Py_ssize_t) -> *mut PyObject {
    if check_list(op).is_err() {
        return core::ptr::null_mut();
    }
    let n = len(op) as Py_ssize_t;
    let lo = lo.clamp(0, n);
    let hi = hi.clamp(lo, n);
    ret_obj(from_ptrs(&items(op)[lo as usize..hi as usize]))
}

/// `a[lo:hi] = v` for a list, tuple or NULL (deletion) `v`; another sequence is turned into
/// a list first.
unsafe fn set_slice(op: *mut PyObject, lo: Py_ssize_t, hi: Py_ssize_t, v: *mut PyObject) -> PyResult<()> {
    let n = len(op) as Py_ssize_t;
    let lo = lo.clamp(0, n);
    let hi = hi.clamp(lo, n);
    if v.is_null() {
        return replace_range(op, lo as usize, hi as usize, &[]);
    }
    let holder;
    let src: Vec<*mut PyObject> = if v == op || !(is_list(v) || tuple::is_tuple(v)) {
        holder = if v == op { from_ptrs(items(v))? } else { fast_list(v, "can only assign an iterable")? };
        items(holder.as_ptr()).to_vec()
    } else {
        holder = new_ref(v);
        seq_items(holder.as_ptr()).to_vec()
    };
    replace_range(op, lo as usize, hi as usize, &src)
}

/// A list of the items of an iterable, with `message` as the TypeError for a non-iterable
/// (`PySequence_Fast` for lists: a list is returned as is).
pub(crate) unsafe fn fast_list(v: *mut PyObject, message: &str) -> PyResult<PyRef> {
    if is_list(v) {
        return Ok(new_ref(v));
    }
    match crate::abstract_::iter::get_iter(v) {
        Ok(it) => {
            let l = new(0)?;
            while let Some(x) = crate::abstract_::iter::next(it.as_ptr())? {
                append(l.as_ptr(), x.as_ptr())?;
            }
            Ok(l)
        }
        Err(e) => {
            if crate::errors::pyerr::PyErr_ExceptionMatches(&raw mut exc::_PyExc_TypeError as *mut PyObject) != 0 {
                crate::errors::pyerr::PyErr_Clear();
                return Err(type_error(message));
            }
            Err(e)
        }
    }
}

/// `int PyList_SetSlice(PyObject *list, Py_ssize_t low, Py_ssize_t high, PyObject *itemlist)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_SetSlice(op: *mut PyObject, lo: Py_ssize_t, hi: Py_ssize_t, v: *mut PyObject) -> c_int {
    if check_list(op).is_err() {
        return -1;
    }
    set_slice(op, lo, hi, v).map_or(-1, |()| 0)
}

/// `int PyList_Sort(PyObject *list)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_Sort(op: *mut PyObject) -> c_int {
    if check_list(op).is_err() {
        return -1;
    }
    crate::objects::list_sort::sort(op, None, false).map_or(-1, |()| 0)
}

/// `int PyList_Reverse(PyObject *list)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_Reverse(op: *mut PyObject) -> c_int {
    if check_list(op).is_err() {
        return -1;
    }
    reverse(op);
    0
}

/// `PyObject *PyList_AsTuple(PyObject *list)`.
#[no_mangle]
pub unsafe extern "C" fn PyList_AsTuple(op: *mut PyObject) -> *mut PyObject {
    if check_list(op).is_err() {
        return core::ptr::null_mut();
    }
    ret_obj(tuple::from_ptrs(items(op)))
}

/// `PyObject *_PyList_Extend(PyListObject *self, PyObject *iterable)`: None, or NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyList_Extend(op: *mut PyListObject, iterable: *mut PyObject) -> *mut PyObject {
    let op = op as *mut PyObject;
    if op.is_null() || iterable.is_null() || !is_list(op) {
        let _ = null_error();
        return core::ptr::null_mut();
    }
    ret_obj(extend(op, iterable).map(|()| new_ref(crate::abstract_::none())))
}

// ---- Slots ------------------------------------------------------------------------------------

unsafe extern "C" fn list_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    crate::gc::trashcan::with_trashcan(op, list_dealloc, || {
        clear(op);
        match (*(*op).ob_type).tp_free {
            Some(free) => free(op as *mut c_void),
            None => temp_alloc::free_gc_object(op as *mut c_void),
        }
    });
}

unsafe extern "C" fn list_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    // Last item first, as CPython visits them (gc.get_referents shows the order).
    for &item in items(op).iter().rev() {
        if !item.is_null() {
            let r = visit(item, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn list_tp_clear(op: *mut PyObject) -> c_int {
    clear(op);
    0
}

unsafe extern "C" fn list_repr(op: *mut PyObject) -> *mut PyObject {
    if len(op) == 0 {
        return ret_obj(crate::objects::str::from_utf8("[]"));
    }
    let _hold = new_ref(op);
    ret_obj(repr_guarded(op, "[...]", || {
        // Items may change while their reprs run: read the list afresh at each step.
        let mut out = crate::objects::str_repr::StrBuilder::with_capacity(2 + len(op) * 4);
        out.push('[' as u32);
        let mut i = 0;
        while i < len(op) {
            if i > 0 {
                out.push_str(", ");
            }
            let item = new_ref(items(op)[i]);
            out.push_obj(crate::abstract_::object::repr(item.as_ptr())?.as_ptr());
            i += 1;
        }
        out.push(']' as u32);
        out.finish()
    }))
}

unsafe extern "C" fn list_length(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

unsafe extern "C" fn list_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if i < 0 || i as usize >= len(op) {
        let _ = index_error("list index out of range");
        return core::ptr::null_mut();
    }
    new_ref(items(op)[i as usize]).into_ptr()
}

unsafe extern "C" fn list_ass_item(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    if i < 0 || i as usize >= len(op) {
        let _ = index_error("list assignment index out of range");
        return -1;
    }
    if v.is_null() {
        return replace_range(op, i as usize, i as usize + 1, &[]).map_or(-1, |()| 0);
    }
    let slot = (*as_list(op)).ob_item.add(i as usize);
    let old = core::mem::replace(&mut *slot, new_ref(v).into_ptr());
    drop(PyRef::from_owned(old));
    0
}

unsafe extern "C" fn list_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_list(b) {
        let _ = type_error(format!("can only concatenate list (not \"{}\") to list", tp_name(b)));
        return core::ptr::null_mut();
    }
    let mut all = Vec::with_capacity(len(a) + len(b));
    all.extend_from_slice(items(a));
    all.extend_from_slice(items(b));
    ret_obj(from_ptrs(&all))
}

unsafe extern "C" fn list_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj(tuple::repeat_items(items(op), n).and_then(|v| from_ptrs(&v)))
}

unsafe extern "C" fn list_inplace_concat(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    match extend(op, other) {
        Ok(()) => new_ref(op).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn list_inplace_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| -> PyResult<()> {
        if n <= 0 {
            clear(op);
            return Ok(());
        }
        if n == 1 || len(op) == 0 {
            return Ok(());
        }
        let src: Vec<*mut PyObject> = items(op).to_vec();
        let all = tuple::repeat_items(&src, n - 1)?;
        let m = len(op);
        resize(op, m + all.len())?;
        let d = (*as_list(op)).ob_item;
        for (i, &x) in all.iter().enumerate() {
            (*x).ob_refcnt += 1;
            *d.add(m + i) = x;
        }
        Ok(())
    })();
    match r {
        Ok(()) => new_ref(op).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn list_contains(op: *mut PyObject, x: *mut PyObject) -> c_int {
    let mut i = 0;
    while i < len(op) {
        let item = new_ref(items(op)[i]);
        match rich_compare_bool(item.as_ptr(), x, Py_EQ) {
            Ok(true) => return 1,
            Ok(false) => {}
            Err(_) => return -1,
        }
        i += 1;
    }
    0
}

unsafe extern "C" fn list_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if crate::abstract_::item::is_index(key) {
        let i = match crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError)) {
            Ok(i) => i,
            Err(_) => return core::ptr::null_mut(),
        };
        return list_item(op, if i < 0 { i + len(op) as Py_ssize_t } else { i });
    }
    if crate::objects::slice::is_slice(key) {
        return ret_obj(tuple::slice_items(items(op), key).and_then(|v| from_ptrs(&v)));
    }
    let _ = type_error(format!("list indices must be integers or slices, not {}", tp_name(key)));
    core::ptr::null_mut()
}

unsafe extern "C" fn list_ass_subscript(op: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> c_int {
    if crate::abstract_::item::is_index(key) {
        let i = match crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError)) {
            Ok(i) => i,
            Err(_) => return -1,
        };
        return list_ass_item(op, if i < 0 { i + len(op) as Py_ssize_t } else { i }, v);
    }
    if crate::objects::slice::is_slice(key) {
        return ass_slice(op, key, v).map_or(-1, |()| 0);
    }
    let _ = type_error(format!("list indices must be integers or slices, not {}", tp_name(key)));
    -1
}

/// `l[slice] = v` / `del l[slice]`.
unsafe fn ass_slice(op: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    let (mut start, mut stop, step) = crate::objects::slice::unpack(key)?;
    let n = crate::objects::slice::adjust_indices(len(op) as Py_ssize_t, &mut start, &mut stop, step);
    if step == 1 {
        return set_slice(op, start, stop, v);
    }
    let positions: Vec<usize> = (0..n).map(|i| (start + i * step) as usize).collect();
    if v.is_null() {
        // Keep the items not selected, in order; release the others afterwards.
        let mut keep = Vec::with_capacity(len(op) - positions.len());
        let mut gone = Vec::with_capacity(positions.len());
        let mut selected = vec![false; len(op)];
        for &p in &positions {
            selected[p] = true;
        }
        for (i, &x) in items(op).iter().enumerate() {
            if selected[i] { gone.push(x) } else { keep.push(x) }
        }
        let d = (*as_list(op)).ob_item;
        core::ptr::copy_nonoverlapping(keep.as_ptr(), d, keep.len());
        resize(op, keep.len()).ok();
        for o in gone {
            drop(PyRef::from_owned(o));
        }
        return Ok(());
    }
    let seq = if v == op { from_ptrs(items(v))? } else { fast_list(v, "must assign iterable to extended slice")? };
    let src = items(seq.as_ptr());
    if src.len() != positions.len() {
        return Err(raise_type(
            &raw mut exc::_PyExc_ValueError,
            format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                src.len(),
                positions.len()
            ),
        ));
    }
    let d = (*as_list(op)).ob_item;
    let mut old = Vec::with_capacity(src.len());
    for (&p, &x) in positions.iter().zip(src) {
        (*x).ob_refcnt += 1;
        old.push(core::mem::replace(&mut *d.add(p), x));
    }
    for o in old {
        drop(PyRef::from_owned(o));
    }
    Ok(())
}

unsafe extern "C" fn list_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_list(v) || !is_list(w) {
        return new_ref(not_implemented()).into_ptr();
    }
    let (_hv, _hw) = (new_ref(v), new_ref(w));
    ret_obj(compare_live(v, w, op))
}

/// Lexicographic comparison that reads the lists afresh at each step, as CPython's: item
/// comparisons may change either list, so each pair is held while compared and the lengths
/// that decide are the current ones.
unsafe fn compare_live(v: *mut PyObject, w: *mut PyObject, op: c_int) -> PyResult<PyRef> {
    use crate::abstract_::compare::{bool_ref, ordering_result, rich_compare, rich_compare_bool};
    use crate::object::object::{Py_EQ, Py_NE};
    if len(v) != len(w) && (op == Py_EQ || op == Py_NE) {
        return Ok(bool_ref(op == Py_NE));
    }
    let mut i = 0;
    while i < len(v) && i < len(w) {
        let (x, y) = (new_ref(items(v)[i]), new_ref(items(w)[i]));
        if x.as_ptr() != y.as_ptr() && !rich_compare_bool(x.as_ptr(), y.as_ptr(), Py_EQ)? {
            break;
        }
        i += 1;
    }
    if i >= len(v) || i >= len(w) {
        return Ok(bool_ref(ordering_result(len(v).cmp(&len(w)), op)));
    }
    match op {
        Py_EQ => Ok(bool_ref(false)),
        Py_NE => Ok(bool_ref(true)),
        _ => {
            let (x, y) = (new_ref(items(v)[i]), new_ref(items(w)[i]));
            rich_compare(x.as_ptr(), y.as_ptr(), op)
        }
    }
}
