//! `PyByteArrayObject` (CPython's cpython/bytearrayobject.h): the type, its storage and
//! growth, the C-API and the slots. The methods it shares with bytes live in
//! bytes_methods.rs; its own mutators in bytearray_methods.rs.
use crate::object::object::PyVarObject;
use crate::pyport::Py_ssize_t;
use core::ffi::c_char;

/// `PyByteArrayObject`: a resizable buffer; the logical content starts at `ob_start`
/// inside the `ob_alloc`-byte allocation `ob_bytes`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyByteArrayObject {
    pub ob_base: PyVarObject,
    pub ob_alloc: Py_ssize_t,
    pub ob_bytes: *mut c_char,
    pub ob_start: *mut c_char,
    pub ob_exports: Py_ssize_t,
}
assert_layout!(PyByteArrayObject, size = 56, ob_base @ 0, ob_alloc @ 24, ob_bytes @ 32,
               ob_start @ 40, ob_exports @ 48);

/// `_PyByteArray_empty_string`: what `PyByteArray_AS_STRING` (a static inline function
/// compiled into extensions) returns for an empty bytearray, so it must be exported data.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _PyByteArray_empty_string: [c_char; 1] = [0];

// ---- The bytearray type -------------------------------------------------------------------------
// The data is a separate `PyObject_Malloc` block (`ob_bytes`, `ob_alloc` bytes) whose live
// part starts at `ob_start` and is followed by a NUL. Deleting from the front only moves
// `ob_start`; growth over-allocates by 1/8 so that appends are amortised O(1); a size under
// half the allocation shrinks it. These rules reproduce CPython's `__alloc__` values.

use crate::abstract_::compare::bool_ref;
use crate::abstract_::{new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::buffer::Py_buffer;
use crate::object::object::{PyObject, Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE};
use crate::object::pending_error::{bad_internal_call, no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::pymem::{PyObject_Free, PyObject_Malloc, PyObject_Realloc};
use crate::object::slots::{PyBufferProcs, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_SEQUENCE, _Py_TPFLAGS_MATCH_SELF};
use crate::objects::bytes_buffer::{PyBuffer_FillInfo, PyBuffer_Release, PyObject_GetBuffer};
use core::ffi::{c_int, c_void};

static mut BYTEARRAY_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(ba_length),
    sq_concat: Some(PyByteArray_Concat),
    sq_repeat: Some(ba_repeat),
    sq_item: Some(ba_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: Some(ba_ass_item),
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(ba_contains),
    sq_inplace_concat: Some(ba_iconcat),
    sq_inplace_repeat: Some(ba_irepeat),
};

static mut BYTEARRAY_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(ba_length),
    mp_subscript: Some(ba_subscript),
    mp_ass_subscript: Some(ba_ass_subscript),
};

static mut BYTEARRAY_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(ba_getbuffer),
    bf_releasebuffer: Some(ba_releasebuffer),
};

/// `PyByteArray_Type`: the bytearray type.
#[no_mangle]
pub static mut PyByteArray_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(ba_dealloc),
    tp_repr: Some(ba_repr),
    tp_str: Some(ba_repr),
    tp_as_number: &raw mut crate::objects::bytes_percent::BYTEARRAY_AS_NUMBER,
    tp_as_sequence: &raw mut BYTEARRAY_AS_SEQUENCE,
    tp_as_mapping: &raw mut BYTEARRAY_AS_MAPPING,
    tp_as_buffer: &raw mut BYTEARRAY_AS_BUFFER,
    tp_hash: Some(crate::abstract_::object::PyObject_HashNotImplemented),
    tp_richcompare: Some(ba_richcompare),
    tp_iter: Some(crate::objects::bytes_iter::bytearray_iter),
    tp_methods: &raw mut crate::objects::bytearray_methods::BYTEARRAY_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_init: Some(crate::objects::bytearray_methods::ba_init),
    tp_alloc: Some(crate::object::generic_alloc::PyType_GenericAlloc),
    tp_new: Some(crate::object::generic_alloc::PyType_GenericNew),
    tp_free: Some(crate::object::temp_alloc::free_object),
    ..static_type(
        c"bytearray",
        core::mem::size_of::<PyByteArrayObject>(),
        0,
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE as core::ffi::c_ulong | _Py_TPFLAGS_MATCH_SELF,
        Some(c"bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer"),
    )
};

#[inline]
unsafe fn raw(op: *mut PyObject) -> *mut PyByteArrayObject {
    op as *mut PyByteArrayObject
}

/// Whether `op` is a bytearray or an instance of a subclass (`PyByteArray_Check`).
#[inline]
pub(crate) unsafe fn is_bytearray(op: *mut PyObject) -> bool {
    crate::abstract_::is_instance_of(op, &raw mut PyByteArray_Type)
}

/// The number of bytes.
#[inline]
pub(crate) unsafe fn len(op: *mut PyObject) -> usize {
    (*raw(op)).ob_base.ob_size as usize
}

/// The bytes, borrowed: valid until the bytearray is resized.
#[inline]
pub(crate) unsafe fn as_slice<'a>(op: *mut PyObject) -> &'a [u8] {
    let n = len(op);
    if n == 0 { &[] } else { core::slice::from_raw_parts((*raw(op)).ob_start as *const u8, n) }
}

/// The bytes, mutable: valid until the bytearray is resized.
#[inline]
pub(crate) unsafe fn as_mut_slice<'a>(op: *mut PyObject) -> &'a mut [u8] {
    let n = len(op);
    if n == 0 { &mut [] } else { core::slice::from_raw_parts_mut((*raw(op)).ob_start as *mut u8, n) }
}

/// BufferError while a buffer view of `op` is exported (its memory must not move).
pub(crate) unsafe fn check_resizable(op: *mut PyObject) -> PyResult<()> {
    if (*raw(op)).ob_exports > 0 {
        return Err(raise_type(&raw mut exc::_PyExc_BufferError,
                              "Existing exports of data: object cannot be re-sized"));
    }
    Ok(())
}

/// Makes the logical size `n`, keeping the first min(old, n) bytes; new bytes are not
/// initialised. BufferError when exported and the size changes.
pub(crate) unsafe fn resize(op: *mut PyObject, n: usize) -> PyResult<()> {
    if n == len(op) {
        return Ok(());
    }
    check_resizable(op)?;
    relayout(op, n)
}

/// Sets the size to `n` under the growth/shrink rules (no export check).
unsafe fn relayout(op: *mut PyObject, n: usize) -> PyResult<()> {
    let b = raw(op);
    let size = len(op);
    if n >= isize::MAX as usize {
        return Err(no_memory());
    }
    let alloc = (*b).ob_alloc as usize;
    let offset = (*b).ob_start.offset_from((*b).ob_bytes) as usize;
    if n < alloc / 2 {
        // Shrink to exactly what is needed, moving the data back to the block's start.
        let block = PyObject_Malloc(n + 1) as *mut c_char;
        if block.is_null() {
            return Err(no_memory());
        }
        core::ptr::copy_nonoverlapping((*b).ob_start, block, n.min(size));
        PyObject_Free((*b).ob_bytes as *mut c_void);
        (*b).ob_bytes = block;
        (*b).ob_start = block;
        (*b).ob_alloc = (n + 1) as Py_ssize_t;
    } else if n + offset < alloc {
        // Fits where it is.
    } else {
        let want = if n as f64 <= alloc as f64 * 1.125 {
            n + (n >> 3) + if n < 9 { 3 } else { 6 }
        } else {
            n + 1
        };
        let block = if offset == 0 {
            PyObject_Realloc((*b).ob_bytes as *mut c_void, want) as *mut c_char
        } else {
            let block = PyObject_Malloc(want) as *mut c_char;
            if !block.is_null() {
                core::ptr::copy_nonoverlapping((*b).ob_start, block, size);
                PyObject_Free((*b).ob_bytes as *mut c_void);
            }
            block
        };
        if block.is_null() {
            return Err(no_memory());
        }
        (*b).ob_bytes = block;
        (*b).ob_start = block;
        (*b).ob_alloc = want as Py_ssize_t;
    }
    (*b).ob_base.ob_size = n as Py_ssize_t;
    *(*b).ob_start.add(n) = 0;
    Ok(())
}

/// Drops the first `k` bytes without moving the rest (then resizes, which may compact).
pub(crate) unsafe fn drop_front(op: *mut PyObject, k: usize) -> PyResult<()> {
    if k == 0 {
        return Ok(());
    }
    check_resizable(op)?;
    let b = raw(op);
    (*b).ob_start = (*b).ob_start.add(k);
    (*b).ob_base.ob_size -= k as Py_ssize_t;
    relayout(op, len(op))
}

/// An empty bytearray of exactly `tp` (no storage yet).
unsafe fn alloc_empty(tp: *mut PyTypeObject) -> PyResult<PyRef> {
    let op = if tp == &raw mut PyByteArray_Type {
        // Every field is set below: no need to zero the block.
        PyRef::from_owned(crate::object::temp_alloc::malloc_object(tp, core::mem::size_of::<PyByteArrayObject>())).ok_or_else(no_memory)?
    } else {
        PyRef::from_owned(crate::object::generic_alloc::PyType_GenericAlloc(tp, 0)).ok_or_else(Raised::assume_set)?
    };
    let b = raw(op.as_ptr());
    (*b).ob_base.ob_size = 0;
    (*b).ob_alloc = 0;
    (*b).ob_bytes = core::ptr::null_mut();
    (*b).ob_start = core::ptr::null_mut();
    (*b).ob_exports = 0;
    Ok(op)
}

/// A new bytearray holding a copy of `data` (allocated to exactly its size).
pub(crate) fn from_slice(data: &[u8]) -> PyResult<PyRef> {
    // SAFETY: the type is a live static type; the storage is made for `data.len()` bytes.
    unsafe {
        let op = alloc_empty(&raw mut PyByteArray_Type)?;
        if !data.is_empty() {
            resize(op.as_ptr(), data.len())?;
            as_mut_slice(op.as_ptr()).copy_from_slice(data);
        }
        Ok(op)
    }
}

/// Appends one byte (`append`): stored in place when the block has room and nothing is
/// exported, which is what `relayout` would do then without its calls and copy.
pub(crate) unsafe fn push_byte(op: *mut PyObject, byte: u8) -> PyResult<()> {
    let b = raw(op);
    let n = len(op);
    let alloc = (*b).ob_alloc as usize;
    let offset = (*b).ob_start as usize - (*b).ob_bytes as usize;
    if (*b).ob_exports == 0 && n + 1 + offset < alloc && n + 1 >= alloc / 2 {
        *(*b).ob_start.add(n) = byte as c_char;
        *(*b).ob_start.add(n + 1) = 0;
        (*b).ob_base.ob_size = (n + 1) as Py_ssize_t;
        return Ok(());
    }
    extend_from(op, &[byte])
}

/// Appends `data` at the end (growing as appends do).
pub(crate) unsafe fn extend_from(op: *mut PyObject, data: &[u8]) -> PyResult<()> {
    let n = len(op);
    resize(op, n.checked_add(data.len()).ok_or_else(no_memory)?)?;
    as_mut_slice(op)[n..].copy_from_slice(data);
    Ok(())
}

/// The bytes `o` exports through the buffer protocol, copied; None when `o` has none.
unsafe fn buffer_bytes(o: *mut PyObject) -> Option<PyResult<Vec<u8>>> {
    crate::objects::bytes_buffer::copy_buffer(o)
}

// ---- C-API ------------------------------------------------------------------------------------

/// `PyObject *PyByteArray_FromObject(PyObject *o)`: `bytearray(o)`.
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_FromObject(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    crate::abstract_::call::PyObject_CallOneArg(&raw mut PyByteArray_Type as *mut PyObject, o)
}

/// `PyObject *PyByteArray_FromStringAndSize(const char *v, Py_ssize_t len)`: NULL `v`
/// gives `len` uninitialized bytes.
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_FromStringAndSize(v: *const c_char, size: Py_ssize_t) -> *mut PyObject {
    if size < 0 {
        let _ = raise(ExcType::SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
        return core::ptr::null_mut();
    }
    ret_obj((|| {
        let op = alloc_empty(&raw mut PyByteArray_Type)?;
        if size > 0 {
            // Exactly size + 1 bytes, as CPython (what relayout gives an empty bytearray,
            // without its growth rules and realloc).
            let n = size as usize;
            let block = PyObject_Malloc(n + 1) as *mut c_char;
            if block.is_null() {
                return Err(no_memory());
            }
            let b = raw(op.as_ptr());
            (*b).ob_bytes = block;
            (*b).ob_start = block;
            (*b).ob_alloc = size + 1;
            (*b).ob_base.ob_size = size;
            *block.add(n) = 0;
            if !v.is_null() {
                core::ptr::copy_nonoverlapping(v, (*raw(op.as_ptr())).ob_start, size as usize);
            }
        }
        Ok(op)
    })())
}

unsafe fn checked(op: *mut PyObject) -> bool {
    if op.is_null() || !is_bytearray(op) {
        let _ = bad_internal_call();
        return false;
    }
    true
}

/// `Py_ssize_t PyByteArray_Size(PyObject *bytearray)`.
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_Size(op: *mut PyObject) -> Py_ssize_t {
    if !checked(op) {
        return -1;
    }
    len(op) as Py_ssize_t
}

/// `char *PyByteArray_AsString(PyObject *bytearray)`: the data, NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_AsString(op: *mut PyObject) -> *mut c_char {
    if !checked(op) {
        return core::ptr::null_mut();
    }
    if len(op) == 0 { (&raw mut _PyByteArray_empty_string) as *mut c_char } else { (*raw(op)).ob_start }
}

/// `int PyByteArray_Resize(PyObject *bytearray, Py_ssize_t len)`.
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_Resize(op: *mut PyObject, size: Py_ssize_t) -> c_int {
    if !checked(op) {
        return -1;
    }
    if size < 0 {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, format!("Can only resize to positive sizes, got {size}"));
        return -1;
    }
    match resize(op, size as usize) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

unsafe fn concat(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let cant = || {
        crate::errors::pyerr::PyErr_Clear();
        type_error(format!("can't concat {} to {}", tp_name(b), tp_name(a)))
    };
    let av = buffer_bytes(a).ok_or_else(cant)?.map_err(|_| cant())?;
    let bv = buffer_bytes(b).ok_or_else(cant)?.map_err(|_| cant())?;
    let r = from_slice(&av)?;
    extend_from(r.as_ptr(), &bv)?;
    Ok(r)
}

/// `PyObject *PyByteArray_Concat(PyObject *a, PyObject *b)`: a new bytearray `a + b`
/// from any two bytes-like objects.
#[no_mangle]
pub unsafe extern "C" fn PyByteArray_Concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if a.is_null() || b.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(concat(a, b))
}

// ---- Slots --------------------------------------------------------------------------------------

unsafe extern "C" fn ba_dealloc(op: *mut PyObject) {
    if (*raw(op)).ob_exports > 0 {
        crate::runtime::pystate::fatal_error("bytearray_dealloc", "deallocated bytearray object has exported buffers");
    }
    PyObject_Free((*raw(op)).ob_bytes as *mut c_void);
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => PyObject_Free(op as *mut c_void),
    }
}

unsafe extern "C" fn ba_repr(op: *mut PyObject) -> *mut PyObject {
    let name = crate::abstract_::type_name_of((*op).ob_type);
    let text = crate::objects::bytes::repr_text(as_slice(op), true);
    ret_obj(crate::objects::str::from_utf8(&format!("{name}({text})")))
}

unsafe extern "C" fn ba_length(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

unsafe extern "C" fn ba_iconcat(op: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let data = buffer_bytes(other)
            .ok_or_else(|| type_error(format!("can't concat {} to {}", tp_name(other), tp_name(op))))??;
        extend_from(op, &data)?;
        Ok(new_ref(op))
    })())
}

/// The bytes repeated `n` times (n <= 0 gives nothing); MemoryError past isize::MAX.
fn repeated(src: &[u8], n: Py_ssize_t) -> PyResult<Vec<u8>> {
    let n = n.max(0) as usize;
    let total = src.len().checked_mul(n).filter(|&t| t < isize::MAX as usize).ok_or_else(no_memory)?;
    let mut v = Vec::with_capacity(total);
    for _ in 0..if src.is_empty() { 0 } else { n } {
        v.extend_from_slice(src);
    }
    Ok(v)
}

unsafe extern "C" fn ba_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj(repeated(as_slice(op), n).and_then(|v| from_slice(&v)))
}

unsafe extern "C" fn ba_irepeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        let size = len(op);
        let n = n.max(0) as usize;
        let total = size.checked_mul(n).filter(|&t| t < isize::MAX as usize).ok_or_else(no_memory)?;
        resize(op, total)?;
        let d = as_mut_slice(op);
        for k in 1..if size == 0 { 0 } else { n } {
            d.copy_within(0..size, k * size);
        }
        Ok(new_ref(op))
    })())
}

unsafe extern "C" fn ba_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if i < 0 || i as usize >= len(op) {
        let _ = raise(ExcType::IndexError, "bytearray index out of range");
        return core::ptr::null_mut();
    }
    ret_obj(crate::objects::int::from_i64(as_slice(op)[i as usize] as i64))
}

/// An int in range(256) (`append`, item assignment, `insert`, `remove`).
pub(crate) unsafe fn byte_value(v: *mut PyObject) -> PyResult<u8> {
    let n = crate::abstract_::item::as_ssize(v, None)?;
    if !(0..256).contains(&n) {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "byte must be in range(0, 256)"));
    }
    Ok(n as u8)
}

/// Deletes the byte at `i` (already in range).
pub(crate) unsafe fn delete_at(op: *mut PyObject, i: usize) -> PyResult<()> {
    set_range(op, i, i + 1, &[])
}

unsafe fn set_item(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> PyResult<()> {
    // The value first: its `__index__` may resize the bytearray (as CPython, GH-91153).
    let value = if v.is_null() { None } else { Some(byte_value(v)?) };
    let n = len(op) as Py_ssize_t;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(raise(ExcType::IndexError, "bytearray index out of range"));
    }
    match value {
        Some(b) => {
            as_mut_slice(op)[i as usize] = b;
            Ok(())
        }
        None => delete_at(op, i as usize),
    }
}

unsafe extern "C" fn ba_ass_item(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    match set_item(op, i, v) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

unsafe extern "C" fn ba_contains(op: *mut PyObject, x: *mut PyObject) -> c_int {
    match crate::objects::bytes::contains(op, x) {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

unsafe extern "C" fn ba_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if crate::abstract_::item::is_index(key) {
        let i = match crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError)) {
            Ok(i) => i,
            Err(_) => return core::ptr::null_mut(),
        };
        return ba_item(op, if i < 0 { i + len(op) as Py_ssize_t } else { i });
    }
    if crate::objects::slice::is_slice(key) {
        let (mut start, mut stop, step) = match crate::objects::slice::unpack(key) {
            Ok(t) => t,
            Err(_) => return core::ptr::null_mut(),
        };
        let src = as_slice(op);
        let n = crate::objects::slice::adjust_indices(src.len() as Py_ssize_t, &mut start, &mut stop, step);
        if step == 1 {
            return ret_obj(from_slice(&src[start as usize..(start + n) as usize]));
        }
        let v: Vec<u8> = (0..n).map(|i| src[(start + i * step) as usize]).collect();
        return ret_obj(from_slice(&v));
    }
    let _ = type_error(format!("bytearray indices must be integers or slices, not {}", tp_name(key)));
    core::ptr::null_mut()
}

/// Replaces `[lo, hi)` by `data` (CPython's slice assignment for step 1).
pub(crate) unsafe fn set_range(op: *mut PyObject, lo: usize, hi: usize, data: &[u8]) -> PyResult<()> {
    let size = len(op);
    let hi = hi.max(lo);
    let old = hi - lo;
    if data.len() < old {
        let shrink = old - data.len();
        if lo == 0 {
            // Deleting at the front only moves the start.
            check_resizable(op)?;
            as_mut_slice(op)[shrink..hi].copy_from_slice(data);
            return drop_front(op, shrink);
        }
        check_resizable(op)?;
        let d = as_mut_slice(op);
        d[lo..lo + data.len()].copy_from_slice(data);
        d.copy_within(hi.., lo + data.len());
        resize(op, size - shrink)
    } else {
        let grow = data.len() - old;
        resize(op, size + grow)?;
        let d = as_mut_slice(op);
        d.copy_within(hi..size, hi + grow);
        d[lo..lo + data.len()].copy_from_slice(data);
        Ok(())
    }
}

unsafe fn ass_subscript(op: *mut PyObject, key: *mut PyObject, values: *mut PyObject) -> PyResult<()> {
    if crate::abstract_::item::is_index(key) {
        let i = crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError))?;
        return set_item(op, i, values);
    }
    if !crate::objects::slice::is_slice(key) {
        return Err(type_error(format!("bytearray indices must be integers or slices, not {}", tp_name(key))));
    }
    let (mut start, mut stop, step) = crate::objects::slice::unpack(key)?;
    let data: Option<Vec<u8>> = if values.is_null() {
        None
    } else if values == op {
        Some(as_slice(op).to_vec())
    } else if let Some(v) = buffer_bytes(values) {
        Some(v?)
    } else {
        if crate::abstract_::number::PyNumber_Check(values) != 0 || crate::objects::str::is_str(values) {
            return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
        }
        Some(crate::objects::bytearray_methods::ints_of(values)?)
    };
    // Bounds only after the values are read: an iterator or `__index__` may resize `op`.
    let count = crate::objects::slice::adjust_indices(len(op) as Py_ssize_t, &mut start, &mut stop, step) as usize;
    if step == 1 {
        let lo = start as usize;
        let hi = (stop.max(start)) as usize;
        return set_range(op, lo, hi, data.as_deref().unwrap_or(&[]));
    }
    // Assigning nothing to an extended slice deletes it (as CPython does).
    match data.filter(|d| !d.is_empty()) {
        Some(d) => {
            if d.len() != count {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, format!(
                    "attempt to assign bytes of size {} to extended slice of size {count}", d.len())));
            }
            let buf = as_mut_slice(op);
            for (k, &b) in d.iter().enumerate() {
                buf[(start + k as Py_ssize_t * step) as usize] = b;
            }
            Ok(())
        }
        None => {
            if count == 0 {
                return Ok(());
            }
            check_resizable(op)?;
            let (lo, step_abs) = if step < 0 {
                ((start + (count as Py_ssize_t - 1) * step) as usize, (-step) as usize)
            } else {
                (start as usize, step as usize)
            };
            let buf = as_mut_slice(op);
            let size = buf.len();
            let mut w = lo;
            for r in lo..size {
                let deleted = r >= lo && (r - lo) % step_abs == 0 && (r - lo) / step_abs < count;
                if !deleted {
                    buf[w] = buf[r];
                    w += 1;
                }
            }
            resize(op, size - count)
        }
    }
}

unsafe extern "C" fn ba_ass_subscript(op: *mut PyObject, key: *mut PyObject, values: *mut PyObject) -> c_int {
    match ass_subscript(op, key, values) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// The bytes of a simple buffer view of `o`, or None (error cleared) when it has none.
unsafe fn view_of(o: *mut PyObject, view: &mut Py_buffer) -> Option<&'static [u8]> {
    if PyObject_GetBuffer(o, view, 0) != 0 {
        crate::errors::pyerr::PyErr_Clear();
        return None;
    }
    Some(if view.len == 0 { &[] } else { core::slice::from_raw_parts(view.buf as *const u8, view.len as usize) })
}

unsafe extern "C" fn ba_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !(Py_LT..=Py_GE).contains(&op) {
        return new_ref(not_implemented()).into_ptr();
    }
    let (mut va, mut vb): (Py_buffer, Py_buffer) = (core::mem::zeroed(), core::mem::zeroed());
    let Some(a) = view_of(v, &mut va) else { return new_ref(not_implemented()).into_ptr() };
    let Some(b) = view_of(w, &mut vb) else {
        PyBuffer_Release(&mut va);
        return new_ref(not_implemented()).into_ptr();
    };
    let r = match op {
        Py_EQ => a == b,
        Py_NE => a != b,
        Py_LT => a < b,
        Py_LE => a <= b,
        Py_GT => a > b,
        _ => a >= b,
    };
    PyBuffer_Release(&mut va);
    PyBuffer_Release(&mut vb);
    bool_ref(r).into_ptr()
}

unsafe extern "C" fn ba_getbuffer(op: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    if view.is_null() {
        let _ = raise_type(&raw mut exc::_PyExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    let ptr = if len(op) == 0 { (&raw mut _PyByteArray_empty_string) as *mut c_void } else { (*raw(op)).ob_start as *mut c_void };
    if PyBuffer_FillInfo(view, op, ptr, len(op) as Py_ssize_t, 0, flags) != 0 {
        return -1;
    }
    (*raw(op)).ob_exports += 1;
    0
}

unsafe extern "C" fn ba_releasebuffer(op: *mut PyObject, _view: *mut Py_buffer) {
    (*raw(op)).ob_exports -= 1;
}
