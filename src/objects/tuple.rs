//! `PyTupleObject` (CPython's cpython/tupleobject.h): a fixed-size array of object
//! pointers allocated inline after the variable-size header.
use crate::object::object::{PyObject, PyVarObject};

/// `PyTupleObject`: `ob_size` item pointers follow the header (declared as a 1-item array,
/// the C idiom for a trailing variable-length array).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyTupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 1],
}
assert_layout!(PyTupleObject, size = 32, ob_base @ 0, ob_item @ 24);

// ---- The tuple type -------------------------------------------------------------------------
// A tuple is one block: the header, then `ob_size` item pointers. Items are set once, right
// after creation (NULL until then, which dealloc tolerates), and never change afterwards.
// The empty tuple is one shared object, never freed. A new non-empty tuple is GC-tracked at
// once, as in CPython.

use crate::abstract_::compare::{bool_ref, rich_compare, rich_compare_bool};
use crate::abstract_::object::{hash as object_hash, repr as object_repr, repr_guarded};
use crate::abstract_::{new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::{Py_EQ, Py_NE};
use crate::object::objimpl::{PyObject_GC_Track, PyObject_GC_UnTrack};
use crate::object::pending_error::{bad_internal_call, no_memory, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::slots::{visitproc, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_SEQUENCE,
    Py_TPFLAGS_TUPLE_SUBCLASS, _Py_TPFLAGS_MATCH_SELF,
};
use crate::objects::str as pystr;
use crate::objects::tuple_freelist;
use crate::objects::str_repr::StrBuilder;
use crate::pyport::{Py_hash_t, Py_ssize_t};
use core::ffi::{c_int, c_ulong, c_void};

static mut TUPLE_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(tuple_length),
    sq_concat: Some(tuple_concat),
    sq_repeat: Some(tuple_repeat),
    sq_item: Some(tuple_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(tuple_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

static mut TUPLE_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(tuple_length),
    mp_subscript: Some(tuple_subscript),
    mp_ass_subscript: None,
};

/// `PyTuple_Type`: the tuple type.
#[no_mangle]
pub static mut PyTuple_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(tuple_dealloc),
    tp_repr: Some(tuple_repr),
    tp_as_sequence: &raw mut TUPLE_AS_SEQUENCE,
    tp_as_mapping: &raw mut TUPLE_AS_MAPPING,
    tp_hash: Some(tuple_hash),
    tp_traverse: Some(tuple_traverse),
    tp_richcompare: Some(tuple_richcompare),
    tp_iter: Some(tuple_iter),
    tp_methods: &raw mut TUPLE_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::objects::container_new::tuple_new),
    tp_free: Some(crate::object::temp_alloc::free_gc_object),
    ..static_type(
        c"tuple",
        core::mem::size_of::<PyTupleObject>() - core::mem::size_of::<*mut PyObject>(),
        core::mem::size_of::<*mut PyObject>(),
        Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_TUPLE_SUBCLASS
            | _Py_TPFLAGS_MATCH_SELF
            | Py_TPFLAGS_SEQUENCE as c_ulong,
        Some(c"tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object."),
    )
};

/// Whether `op` is a tuple or an instance of a subclass of tuple (`PyTuple_Check`).
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn is_tuple(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS != 0
}

/// Whether `op` is exactly a tuple (`PyTuple_CheckExact`).
#[inline]
pub(crate) unsafe fn is_exact(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyTuple_Type
}

/// The shared empty tuple (created at first use, never freed, not tracked).
static mut EMPTY: *mut PyObject = core::ptr::null_mut();

fn empty() -> PyResult<PyRef> {
    // SAFETY: under the GIL; the empty tuple is made once and lives forever.
    unsafe {
        if EMPTY.is_null() {
            let t = temp_alloc::gc_new_var(&raw mut PyTuple_Type, 0);
            if t.is_null() {
                return Err(no_memory());
            }
            EMPTY = t;
        }
        Ok(new_ref(EMPTY))
    }
}

/// A tuple block for `size` (> 0) items: reference count 1, untracked, items not set.
#[inline]
unsafe fn alloc_untracked(size: usize) -> PyResult<*mut PyObject> {
    if let Some(op) = tuple_freelist::pop(size) {
        return Ok(op);
    }
    let n = Py_ssize_t::try_from(size).map_err(|_| no_memory())?;
    let op = temp_alloc::gc_new_var(&raw mut PyTuple_Type, n);
    if op.is_null() {
        return Err(no_memory());
    }
    Ok(op)
}

/// A new tuple of `size` NULL items, to be filled with `init_item` (`PyTuple_New`); tracked
/// by the GC unless empty (the shared empty tuple).
pub(crate) fn new(size: usize) -> PyResult<PyRef> {
    if size == 0 {
        return empty();
    }
    // SAFETY: a fresh exact tuple (a GC object, untracked) with room for `size` items,
    // which are set to NULL (the allocator need not zero).
    unsafe {
        let op = alloc_untracked(size)?;
        let d = items_ptr(op);
        // Short tuples are the common case: stores of a known size beat a call to memset
        // (a loop here would be turned back into that call).
        match size {
            1 => core::ptr::write_bytes(d, 0, 1),
            2 => core::ptr::write_bytes(d, 0, 2),
            3 => core::ptr::write_bytes(d, 0, 3),
            4 => core::ptr::write_bytes(d, 0, 4),
            _ => core::ptr::write_bytes(d, 0, size),
        }
        crate::gc::head::track(op);
        Ok(PyRef::from_owned(op).unwrap_unchecked())
    }
}

/// A new tuple holding new references to `items`.
pub(crate) fn from_slice(items: &[PyRef]) -> PyResult<PyRef> {
    let t = new(items.len())?;
    for (i, item) in items.iter().enumerate() {
        // SAFETY: `t` is a fresh tuple of this length.
        unsafe { init_item(t.as_ptr(), i, item.clone()) };
    }
    Ok(t)
}

/// A new tuple holding new references to borrowed `items`.
///
/// # Safety
/// Every item is a live object.
pub(crate) unsafe fn from_ptrs(items: &[*mut PyObject]) -> PyResult<PyRef> {
    if items.is_empty() {
        return empty();
    }
    // Every item is set before the collector can see the tuple: no zeroing first.
    let op = alloc_untracked(items.len())?;
    let d = items_ptr(op);
    for (i, &item) in items.iter().enumerate() {
        (*item).ob_refcnt += 1;
        *d.add(i) = item;
    }
    crate::gc::head::track(op);
    Ok(PyRef::from_owned(op).unwrap_unchecked())
}

/// A new tuple taking the references of `items`.
pub(crate) fn from_vec(items: Vec<PyRef>) -> PyResult<PyRef> {
    let t = new(items.len())?;
    for (i, item) in items.into_iter().enumerate() {
        // SAFETY: `t` is a fresh tuple of this length.
        unsafe { *items_ptr(t.as_ptr()).add(i) = item.into_ptr() };
    }
    Ok(t)
}

/// The number of items (`PyTuple_GET_SIZE`).
///
/// # Safety
/// `t` is a live tuple.
#[inline]
pub(crate) unsafe fn len(t: *mut PyObject) -> usize {
    (*(t as *mut PyVarObject)).ob_size as usize
}

#[inline]
unsafe fn items_ptr(t: *mut PyObject) -> *mut *mut PyObject {
    (*(t as *mut PyTupleObject)).ob_item.as_mut_ptr()
}

/// The items, borrowed.
///
/// # Safety
/// `t` is a live tuple, which outlives the slice.
pub(crate) unsafe fn items<'a>(t: *mut PyObject) -> &'a [*mut PyObject] {
    core::slice::from_raw_parts(items_ptr(t), len(t))
}

/// Item `index`, borrowed (`PyTuple_GetItem`): IndexError outside the tuple.
///
/// # Safety
/// `t` is a live tuple.
pub(crate) unsafe fn get_item(t: *mut PyObject, index: Py_ssize_t) -> PyResult<*mut PyObject> {
    if index < 0 || index as usize >= len(t) {
        return Err(raise(ExcType::IndexError, "tuple index out of range"));
    }
    Ok(*items_ptr(t).add(index as usize))
}

/// Stores `item` at `index` of a tuple being built (`PyTuple_SET_ITEM`), taking the
/// reference; an item already there is released.
///
/// # Safety
/// `t` is a live tuple not yet shared and `index < len(t)`.
pub(crate) unsafe fn init_item(t: *mut PyObject, index: usize, item: PyRef) {
    debug_assert!(index < len(t));
    let slot = items_ptr(t).add(index);
    let old = core::mem::replace(&mut *slot, item.into_ptr());
    drop(PyRef::from_owned(old));
}

/// `t[lo:hi]` with the bounds clipped (`PyTuple_GetSlice`); the whole of an exact tuple is
/// the tuple itself.
///
/// # Safety
/// `t` is a live tuple.
pub(crate) unsafe fn get_slice(t: *mut PyObject, lo: Py_ssize_t, hi: Py_ssize_t) -> PyResult<PyRef> {
    let n = len(t) as Py_ssize_t;
    let lo = lo.clamp(0, n);
    let hi = hi.clamp(lo, n);
    if lo == 0 && hi == n && is_exact(t) {
        return Ok(new_ref(t));
    }
    from_ptrs(&items(t)[lo as usize..hi as usize])
}

// ---- C-API ------------------------------------------------------------------------------------

unsafe fn check_tuple(op: *mut PyObject) -> PyResult<()> {
    if op.is_null() || !is_tuple(op) {
        return Err(bad_internal_call());
    }
    Ok(())
}

/// `PyObject *PyTuple_New(Py_ssize_t size)`.
#[no_mangle]
pub unsafe extern "C" fn PyTuple_New(size: Py_ssize_t) -> *mut PyObject {
    if size < 0 {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(new(size as usize))
}

/// `Py_ssize_t PyTuple_Size(PyObject *p)`.
#[no_mangle]
pub unsafe extern "C" fn PyTuple_Size(p: *mut PyObject) -> Py_ssize_t {
    match check_tuple(p) {
        Ok(()) => len(p) as Py_ssize_t,
        Err(_) => -1,
    }
}

/// `PyObject *PyTuple_GetItem(PyObject *p, Py_ssize_t pos)`: borrowed.
#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetItem(p: *mut PyObject, pos: Py_ssize_t) -> *mut PyObject {
    check_tuple(p).and_then(|()| get_item(p, pos)).unwrap_or(core::ptr::null_mut())
}

/// `int PyTuple_SetItem(PyObject *p, Py_ssize_t pos, PyObject *o)`: steals `o` (even on
/// failure); only for tuples nobody else holds.
#[no_mangle]
pub unsafe extern "C" fn PyTuple_SetItem(p: *mut PyObject, pos: Py_ssize_t, o: *mut PyObject) -> c_int {
    let item = PyRef::from_owned(o);
    if p.is_null() || !is_tuple(p) || (*p).ob_refcnt != 1 {
        drop(item);
        let _ = bad_internal_call();
        return -1;
    }
    if pos < 0 || pos as usize >= len(p) {
        drop(item);
        let _ = raise(ExcType::IndexError, "tuple assignment index out of range");
        return -1;
    }
    let slot = items_ptr(p).add(pos as usize);
    let old = core::mem::replace(&mut *slot, o);
    drop(PyRef::from_owned(old));
    core::mem::forget(item);
    0
}

/// `PyObject *PyTuple_GetSlice(PyObject *p, Py_ssize_t low, Py_ssize_t high)`.
#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetSlice(p: *mut PyObject, low: Py_ssize_t, high: Py_ssize_t) -> *mut PyObject {
    ret_obj(check_tuple(p).and_then(|()| get_slice(p, low, high)))
}

/// The Rust half of `PyTuple_Pack` (src/c/tuple_pack.c): a tracked tuple of `n` items for
/// the C side to fill (`*items`) with new references before anything else runs (the
/// collector cannot run meanwhile: nothing allocates); the empty tuple for 0; NULL with
/// an exception for a negative `n`.
#[no_mangle]
pub(crate) unsafe extern "C" fn ferropy_tuple_pack_start(n: Py_ssize_t, items: *mut *mut *mut PyObject) -> *mut PyObject {
    if n <= 0 {
        return if n == 0 { ret_obj(empty()) } else { bad_internal_call_null() };
    }
    match alloc_untracked(n as usize) {
        Ok(op) => {
            *items = items_ptr(op);
            crate::gc::head::track(op);
            op
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// A NULL argument to `PyTuple_Pack`: the `filled` items stored so far are released with
/// the tuple, and SystemError is raised.
#[no_mangle]
pub(crate) unsafe extern "C" fn ferropy_tuple_pack_abandon(op: *mut PyObject, filled: Py_ssize_t) -> *mut PyObject {
    let d = items_ptr(op);
    for j in filled as usize..len(op) {
        *d.add(j) = core::ptr::null_mut();
    }
    drop(PyRef::from_owned(op));
    bad_internal_call_null()
}

fn bad_internal_call_null() -> *mut PyObject {
    let _ = bad_internal_call();
    core::ptr::null_mut()
}

/// `int _PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)`: resizes a tuple only its
/// caller holds; on failure `*pv` is released and set to NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTuple_Resize(pv: *mut *mut PyObject, newsize: Py_ssize_t) -> c_int {
    if pv.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    let v = *pv;
    let oldsize = if v.is_null() || !is_exact(v) { -1 } else { len(v) as Py_ssize_t };
    if v.is_null() || !is_exact(v) || newsize < 0 || (oldsize != 0 && (*v).ob_refcnt != 1) {
        *pv = core::ptr::null_mut();
        drop(PyRef::from_owned(v));
        let _ = bad_internal_call();
        return -1;
    }
    if oldsize == newsize {
        return 0;
    }
    let t = match new(newsize as usize) {
        Ok(t) => t,
        Err(e) => {
            *pv = core::ptr::null_mut();
            drop(PyRef::from_owned(v));
            let _ = e;
            return -1;
        }
    };
    // Move the kept items over; the old tuple gives up the rest when it goes.
    let keep = oldsize.min(newsize) as usize;
    core::ptr::copy_nonoverlapping(items_ptr(v), items_ptr(t.as_ptr()), keep);
    core::ptr::write_bytes(items_ptr(v), 0, keep);
    drop(PyRef::from_owned(v));
    *pv = t.into_ptr();
    0
}

// ---- Slots --------------------------------------------------------------------------------------

unsafe extern "C" fn tuple_dealloc(op: *mut PyObject) {
    // Tuples (and their subclasses) are GC objects: no need for PyObject_GC_UnTrack's checks.
    if crate::gc::head::is_tracked(op) {
        crate::gc::head::untrack(op);
    }
    crate::gc::trashcan::with_trashcan(op, tuple_dealloc, || {
        let n = len(op);
        for i in (0..n).rev() {
            drop(PyRef::from_owned(*items_ptr(op).add(i)));
        }
        if tuple_freelist::push(op, n) {
            return;
        }
        match (*(*op).ob_type).tp_free {
            Some(free) => free(op as *mut c_void),
            None => temp_alloc::free_gc_object(op as *mut c_void),
        }
    });
}

unsafe extern "C" fn tuple_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let Some(visit) = visit else { return 0 };
    each_referent(op, &mut |o| visit(o, arg))
}

/// What `tp_traverse` visits of the tuple `op`, in its order, given to `f` (stops at the
/// first non-zero result): the collector calls this directly for exact tuples, with its
/// visit inlined.
///
/// # Safety
/// `op` is a live tuple.
#[inline(always)]
pub(crate) unsafe fn each_referent(op: *mut PyObject, f: &mut impl FnMut(*mut PyObject) -> c_int) -> c_int {
    // Last item first, as CPython visits them (gc.get_referents shows the order).
    for &item in items(op).iter().rev() {
        if !item.is_null() {
            let r = f(item);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// The repr of a sequence of items between `open` and `close` (`(1,)` for a one-item tuple
/// when `one_comma`).
pub(crate) unsafe fn seq_repr(items: &[*mut PyObject], open: &str, close: &str, one_comma: bool) -> PyResult<PyRef> {
    let mut out = StrBuilder::with_capacity(2 + items.len() * 4);
    out.push_str(open);
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_obj(object_repr(item)?.as_ptr());
    }
    if one_comma && items.len() == 1 {
        out.push(',' as u32);
    }
    out.push_str(close);
    out.finish()
}

unsafe extern "C" fn tuple_repr(op: *mut PyObject) -> *mut PyObject {
    if len(op) == 0 {
        return ret_obj(pystr::from_utf8("()"));
    }
    // Items are borrowed across repr calls: hold the tuple.
    let _hold = new_ref(op);
    ret_obj(repr_guarded(op, "(...)", || seq_repr(items(op), "(", ")", true)))
}

// The xxHash64-style combination CPython 3.11 uses for tuples (the same primes and
// rotation), so that equal element hashes give CPython's tuple hash.
const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// The tuple hash of items with these hashes.
pub(crate) fn combine_hashes(hashes: impl ExactSizeIterator<Item = PyResult<Py_hash_t>>) -> PyResult<Py_hash_t> {
    let n = hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for h in hashes {
        let lane = h? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(n ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as Py_hash_t)
}

unsafe extern "C" fn tuple_hash(op: *mut PyObject) -> Py_hash_t {
    combine_hashes(items(op).iter().map(|&o| object_hash(o))).unwrap_or(-1)
}

unsafe extern "C" fn tuple_length(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

unsafe extern "C" fn tuple_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    match get_item(op, i) {
        Ok(v) => new_ref(v).into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn tuple_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_tuple(b) {
        let _ = type_error(format!("can only concatenate tuple (not \"{}\") to tuple", tp_name(b)));
        return core::ptr::null_mut();
    }
    if len(b) == 0 && is_exact(a) {
        return new_ref(a).into_ptr();
    }
    if len(a) == 0 && is_exact(b) {
        return new_ref(b).into_ptr();
    }
    let mut all = Vec::with_capacity(len(a) + len(b));
    all.extend_from_slice(items(a));
    all.extend_from_slice(items(b));
    ret_obj(from_ptrs(&all))
}

/// `n * items` as a Vec of borrowed pointers, MemoryError past the address space.
pub(crate) unsafe fn repeat_items(src: &[*mut PyObject], n: Py_ssize_t) -> PyResult<Vec<*mut PyObject>> {
    let n = n.max(0) as usize;
    let total = src.len().checked_mul(n).filter(|&t| t <= (isize::MAX as usize) / 8).ok_or_else(no_memory)?;
    let mut out = Vec::new();
    out.try_reserve_exact(total).map_err(|_| no_memory())?;
    for _ in 0..n {
        out.extend_from_slice(src);
    }
    Ok(out)
}

unsafe extern "C" fn tuple_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    if n == 1 && is_exact(op) {
        return new_ref(op).into_ptr();
    }
    ret_obj(repeat_items(items(op), n).and_then(|v| from_ptrs(&v)))
}

unsafe extern "C" fn tuple_contains(op: *mut PyObject, x: *mut PyObject) -> c_int {
    for &item in items(op) {
        match rich_compare_bool(item, x, Py_EQ) {
            Ok(true) => return 1,
            Ok(false) => {}
            Err(_) => return -1,
        }
    }
    0
}

/// The items a slice selects from `src` (start, step, count from the slice's indices).
pub(crate) unsafe fn slice_items(src: &[*mut PyObject], key: *mut PyObject) -> PyResult<Vec<*mut PyObject>> {
    let (mut start, mut stop, step) = crate::objects::slice::unpack(key)?;
    let n = crate::objects::slice::adjust_indices(src.len() as Py_ssize_t, &mut start, &mut stop, step);
    Ok((0..n).map(|i| src[(start + i * step) as usize]).collect())
}

unsafe extern "C" fn tuple_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if crate::abstract_::item::is_index(key) {
        let i = match crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError)) {
            Ok(i) => i,
            Err(_) => return core::ptr::null_mut(),
        };
        return tuple_item(op, if i < 0 { i + len(op) as Py_ssize_t } else { i });
    }
    if crate::objects::slice::is_slice(key) {
        let whole = match crate::objects::slice::unpack(key) {
            Ok((start, stop, step)) => {
                let (mut a, mut b) = (start, stop);
                let n = crate::objects::slice::adjust_indices(len(op) as Py_ssize_t, &mut a, &mut b, step);
                a == 0 && step == 1 && n as usize == len(op)
            }
            Err(_) => return core::ptr::null_mut(),
        };
        let r = slice_items(items(op), key).and_then(|v| {
            if whole && is_exact(op) {
                Ok(new_ref(op))
            } else {
                from_ptrs(&v)
            }
        });
        return ret_obj(r);
    }
    let _ = type_error(format!("tuple indices must be integers or slices, not {}", tp_name(key)));
    core::ptr::null_mut()
}

/// Lexicographic comparison of two item sequences (tuples and lists): the first pair that
/// is not equal decides; otherwise the lengths do.
pub(crate) unsafe fn compare_items(v: &[*mut PyObject], w: &[*mut PyObject], op: c_int) -> PyResult<PyRef> {
    if v.len() != w.len() && (op == Py_EQ || op == Py_NE) {
        return Ok(bool_ref(op == Py_NE));
    }
    let mut i = 0;
    while i < v.len() && i < w.len() {
        if !rich_compare_bool(v[i], w[i], Py_EQ)? {
            break;
        }
        i += 1;
    }
    if i >= v.len() || i >= w.len() {
        return Ok(bool_ref(crate::abstract_::compare::ordering_result(v.len().cmp(&w.len()), op)));
    }
    match op {
        Py_EQ => Ok(bool_ref(false)),
        Py_NE => Ok(bool_ref(true)),
        _ => rich_compare(v[i], w[i], op),
    }
}

unsafe extern "C" fn tuple_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_tuple(v) || !is_tuple(w) {
        return new_ref(not_implemented()).into_ptr();
    }
    // The caller's references keep both tuples, and so their items, alive.
    ret_obj(compare_items(items(v), items(w), op))
}

// ---- The tuple iterator -------------------------------------------------------------------------

#[repr(C)]
struct TupleIter {
    ob_base: PyObject,
    it_index: Py_ssize_t,
    /// NULL once exhausted.
    it_seq: *mut PyObject,
}

// The pickling methods of reduce_forms read this layout.
const _: () = assert!(
    core::mem::offset_of!(TupleIter, it_index) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_index)
        && core::mem::offset_of!(TupleIter, it_seq) == core::mem::offset_of!(crate::objects::reduce_forms::IndexedIter, it_seq)
);

/// `PyTupleIter_Type`: `tuple_iterator`.
#[no_mangle]
pub static mut PyTupleIter_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(tupleiter_dealloc),
    tp_traverse: Some(tupleiter_traverse),
    tp_iter: Some(crate::abstract_::object::PyObject_SelfIter),
    tp_iternext: Some(tupleiter_next),
    tp_methods: &raw mut TUPLEITER_METHODS as *mut crate::object::methods::PyMethodDef,
    ..static_type(c"tuple_iterator", core::mem::size_of::<TupleIter>(), 0, Py_TPFLAGS_HAVE_GC, None)
};

unsafe extern "C" fn tuple_iter(op: *mut PyObject) -> *mut PyObject {
    let it = temp_alloc::gc_new_var(&raw mut PyTupleIter_Type, 0) as *mut TupleIter;
    if it.is_null() {
        let _ = no_memory();
        return core::ptr::null_mut();
    }
    (*it).it_index = 0;
    (*it).it_seq = new_ref(op).into_ptr();
    PyObject_GC_Track(it as *mut c_void);
    it as *mut PyObject
}

unsafe extern "C" fn tupleiter_next(op: *mut PyObject) -> *mut PyObject {
    let it = op as *mut TupleIter;
    let seq = (*it).it_seq;
    if seq.is_null() {
        return core::ptr::null_mut();
    }
    let i = (*it).it_index as usize;
    if i < len(seq) {
        (*it).it_index += 1;
        return new_ref(*items_ptr(seq).add(i)).into_ptr();
    }
    (*it).it_seq = core::ptr::null_mut();
    drop(PyRef::from_owned(seq));
    core::ptr::null_mut()
}

unsafe extern "C" fn tupleiter_dealloc(op: *mut PyObject) {
    PyObject_GC_UnTrack(op as *mut c_void);
    drop(PyRef::from_owned((*(op as *mut TupleIter)).it_seq));
    temp_alloc::free_gc_object(op as *mut c_void);
}

unsafe extern "C" fn tupleiter_traverse(op: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let seq = (*(op as *mut TupleIter)).it_seq;
    match visit {
        Some(v) if !seq.is_null() => v(seq, arg),
        _ => 0,
    }
}

#[cfg(test)]
mod tuple_tests {
    use super::*;
    use crate::objects::str as pystr;

    #[test]
    fn create_fill_read_and_release() {
        let _gil = crate::object::test_lock();
        unsafe {
            let a = pystr::from_utf8("aa").unwrap();
            let b = pystr::from_utf8("bb").unwrap();
            let t = from_slice(&[a.clone(), b.clone(), a.clone()]).unwrap();
            let tp = t.as_ptr();
            assert_eq!(len(tp), 3);
            assert!(is_tuple(tp));
            assert_eq!(items(tp), &[a.as_ptr(), b.as_ptr(), a.as_ptr()]);
            assert_eq!(get_item(tp, 1).unwrap(), b.as_ptr());
            assert!(get_item(tp, 3).is_err());
            assert_eq!(
                crate::object::pending_error::take(),
                Some((ExcType::IndexError, "tuple index out of range".into()))
            );
            assert!(get_item(tp, -1).is_err());
            assert_eq!((*a.as_ptr()).ob_refcnt, 3);
            drop(t);
            assert_eq!((*a.as_ptr()).ob_refcnt, 1);
            assert_eq!((*b.as_ptr()).ob_refcnt, 1);
            // A tuple dropped before it is filled.
            drop(new(4).unwrap());
            assert_eq!(len(new(0).unwrap().as_ptr()), 0);
        }
    }
}

static mut TUPLEITER_METHODS: [crate::object::methods::PyMethodDef; 4] = [
    crate::object::method_table::plain(c"__length_hint__", tupleiter_length_hint, crate::object::methods::METH_NOARGS).doc(c"Private method returning an estimate of len(list(it))."),
    crate::objects::reduce_forms::INDEXED_REDUCE,
    crate::objects::reduce_forms::INDEXED_SETSTATE,
    crate::object::method_table::END,
];

/// `tuple_iterator.__length_hint__()`: the items left.
unsafe extern "C" fn tupleiter_length_hint(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let it = op as *mut TupleIter;
    let left = if (*it).it_seq.is_null() { 0 } else { len((*it).it_seq) as i64 - (*it).it_index as i64 };
    ret_obj(crate::objects::int::from_i64(left.max(0)))
}

// ---- Methods ------------------------------------------------------------------------------------

static mut TUPLE_METHODS: [crate::object::methods::PyMethodDef; 5] = [
    crate::object::method_table::plain(c"__getnewargs__", tuple_getnewargs, crate::object::methods::METH_NOARGS),
    crate::object::method_table::fast(c"index", tuple_index, crate::object::methods::METH_FASTCALL).doc(c"Return first index of value.\n\nRaises ValueError if the value is not present."),
    crate::object::method_table::plain(c"count", tuple_count, crate::object::methods::METH_O).doc(c"Return number of occurrences of value."),
    crate::objects::generic_alias::CLASS_GETITEM,
    crate::object::method_table::END,
];

/// `tuple.__getnewargs__()`: `(tuple(self),)`, an exact tuple, for pickling subclasses.
unsafe extern "C" fn tuple_getnewargs(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let copy = from_ptrs(items(op))?;
        from_vec(vec![copy])
    })())
}

/// `tuple.index(value, start=0, stop=sys.maxsize)`.
unsafe extern "C" fn tuple_index(op: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let r = (|| {
        crate::objects::container_methods::check_positional("index", n, 1, 3)?;
        let a = crate::objects::container_methods::args(a, n);
        let len_ = len(op) as Py_ssize_t;
        let bound = |o: *mut PyObject| -> PyResult<usize> {
            let mut v = crate::abstract_::item::as_ssize(o, None)?;
            if v < 0 {
                v = (v + len_).max(0);
            }
            Ok(v as usize)
        };
        let start = if a.len() > 1 { bound(a[1])? } else { 0 };
        let stop = if a.len() > 2 { bound(a[2])? } else { usize::MAX };
        for (i, &item) in items(op).iter().enumerate().take(stop.min(len(op))).skip(start) {
            if rich_compare_bool(item, a[0], Py_EQ)? {
                return crate::objects::int::from_i64(i as i64);
            }
        }
        Err(crate::object::pending_error::raise_type(
            &raw mut exc::_PyExc_ValueError,
            "tuple.index(x): x not in tuple",
        ))
    })();
    ret_obj(r)
}

/// `tuple.count(value)`.
unsafe extern "C" fn tuple_count(op: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let mut count = 0i64;
        for &item in items(op) {
            if rich_compare_bool(item, x, Py_EQ)? {
                count += 1;
            }
        }
        crate::objects::int::from_i64(count)
    })();
    ret_obj(r)
}

/// `void _PyTuple_MaybeUntrack(PyObject *op)`: untracks a tuple none of whose items the
/// collector needs to see (no cycle can pass through it), as the collector does itself.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTuple_MaybeUntrack(op: *mut PyObject) {
    if op.is_null() || !is_tuple(op) || crate::object::objimpl::PyObject_GC_IsTracked(op) == 0 {
        return;
    }
    if items(op).iter().all(|&o| !o.is_null() && !crate::objects::dict::may_be_tracked(o)) {
        PyObject_GC_UnTrack(op as *mut c_void);
    }
}
