//! `PyBytesObject` (CPython's cpython/bytesobject.h).
use crate::object::object::PyVarObject;
use crate::pyport::Py_hash_t;
use core::ffi::c_char;

/// `PyBytesObject`: `ob_size` bytes plus a terminating NUL stored inline in `ob_sval`;
/// `ob_shash` caches the hash (-1 until computed).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyBytesObject {
    pub ob_base: PyVarObject,
    pub ob_shash: Py_hash_t,
    pub ob_sval: [c_char; 1],
}
assert_layout!(PyBytesObject, size = 40, ob_base @ 0, ob_shash @ 24, ob_sval @ 32);

/// `_PyBytesWriter`: the stack-allocated builder of the `_PyBytesWriter_*` functions; small
/// results stay in `small_buffer`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyBytesWriter {
    /// bytes or bytearray being built, or NULL while `small_buffer` is used.
    pub buffer: *mut crate::object::object::PyObject,
    pub allocated: crate::pyport::Py_ssize_t,
    pub min_size: crate::pyport::Py_ssize_t,
    pub use_bytearray: core::ffi::c_int,
    pub overallocate: core::ffi::c_int,
    pub use_small_buffer: core::ffi::c_int,
    pub small_buffer: [c_char; 512],
}
assert_layout!(_PyBytesWriter, size = 552, buffer @ 0, allocated @ 8, min_size @ 16,
               use_bytearray @ 24, overallocate @ 28, use_small_buffer @ 32,
               small_buffer @ 36);

// ---- The bytes type ---------------------------------------------------------------------------
// A bytes object is one block: the header, the cached hash, then `ob_size` bytes and a NUL.
// The empty bytes and the 256 one-byte bytes are shared singletons made at first use and
// never freed (as in CPython, `b'' is b''` and `bytes([65]) is b'A'`).

use crate::abstract_::compare::bool_ref;
use crate::abstract_::{new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::{PyObject, Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE};
use crate::object::pending_error::{bad_internal_call, no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::slots::{PyBufferProcs, PyMappingMethods, PySequenceMethods};
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BYTES_SUBCLASS, _Py_TPFLAGS_MATCH_SELF,
};
use crate::pyport::Py_ssize_t;
use core::ffi::c_int;

static mut BYTES_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(bytes_length),
    sq_concat: Some(bytes_concat),
    sq_repeat: Some(bytes_repeat),
    sq_item: Some(bytes_item),
    was_sq_slice: core::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: core::ptr::null_mut(),
    sq_contains: Some(bytes_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

static mut BYTES_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(bytes_length),
    mp_subscript: Some(bytes_subscript),
    mp_ass_subscript: None,
};

static mut BYTES_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(crate::objects::bytes_buffer::bytes_getbuffer),
    bf_releasebuffer: None,
};

/// `PyBytes_Type`: the bytes type.
#[no_mangle]
pub static mut PyBytes_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(bytes_dealloc),
    tp_repr: Some(bytes_repr),
    tp_str: Some(bytes_repr),
    tp_as_number: &raw mut crate::objects::bytes_percent::BYTES_AS_NUMBER,
    tp_as_sequence: &raw mut BYTES_AS_SEQUENCE,
    tp_as_mapping: &raw mut BYTES_AS_MAPPING,
    tp_as_buffer: &raw mut BYTES_AS_BUFFER,
    tp_hash: Some(bytes_hash),
    tp_richcompare: Some(bytes_richcompare),
    tp_iter: Some(crate::objects::bytes_iter::bytes_iter),
    tp_methods: &raw mut crate::objects::bytes_methods::BYTES_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_new: Some(crate::objects::bytes_new::bytes_new),
    tp_free: Some(temp_alloc::free_object),
    ..static_type(
        c"bytes",
        BASIC_SIZE,
        1,
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
        Some(c"bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer"),
    )
};

/// Whether `op` is a bytes or an instance of a subclass (`PyBytes_Check`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_bytes(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_BYTES_SUBCLASS != 0
}

/// Whether `op` is exactly a bytes (`PyBytes_CheckExact`).
#[inline]
pub(crate) unsafe fn is_exact(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyBytes_Type
}

/// The number of bytes (`PyBytes_GET_SIZE`).
///
/// # Safety
/// `op` is a live bytes.
#[inline]
pub(crate) unsafe fn len(op: *mut PyObject) -> usize {
    (*(op as *mut PyVarObject)).ob_size as usize
}

/// The first byte (`PyBytes_AS_STRING`); a NUL follows the last.
///
/// # Safety
/// `op` is a live bytes.
#[inline]
pub(crate) unsafe fn data_ptr(op: *mut PyObject) -> *mut u8 {
    (*(op as *mut PyBytesObject)).ob_sval.as_mut_ptr() as *mut u8
}

/// The bytes, borrowed.
///
/// # Safety
/// `op` is a live bytes, which outlives the slice.
#[inline]
pub(crate) unsafe fn as_slice<'a>(op: *mut PyObject) -> &'a [u8] {
    core::slice::from_raw_parts(data_ptr(op), len(op))
}

static mut EMPTY: *mut PyObject = core::ptr::null_mut();
static mut CHARACTERS: [*mut PyObject; 256] = [core::ptr::null_mut(); 256];

/// CPython's `PyBytesObject_SIZE`: the header, the hash and the terminating NUL.
pub(crate) const BASIC_SIZE: usize = core::mem::offset_of!(PyBytesObject, ob_sval) + 1;

/// A fresh, unshared bytes of `size` bytes (contents uninitialized, NUL-terminated).
pub(crate) fn alloc(size: usize) -> PyResult<PyRef> {
    let n = Py_ssize_t::try_from(size)
        .ok()
        .filter(|&n| n <= isize::MAX - core::mem::size_of::<PyBytesObject>() as isize)
        .ok_or_else(no_memory)?;
    // SAFETY: the type is a live static type; the block has room for size + 1 bytes.
    unsafe {
        let op = PyRef::from_owned(temp_alloc::malloc_object(&raw mut PyBytes_Type, BASIC_SIZE + size))
            .ok_or_else(no_memory)?;
        (*(op.as_ptr() as *mut PyVarObject)).ob_size = n;
        (*(op.as_ptr() as *mut PyBytesObject)).ob_shash = -1;
        *data_ptr(op.as_ptr()).add(size) = 0;
        Ok(op)
    }
}

unsafe fn singleton(slot: *mut *mut PyObject, data: &[u8]) -> PyResult<PyRef> {
    if (*slot).is_null() {
        let b = alloc(data.len())?;
        core::ptr::copy_nonoverlapping(data.as_ptr(), data_ptr(b.as_ptr()), data.len());
        *slot = b.into_ptr();
    }
    Ok(new_ref(*slot))
}

/// A new bytes holding a copy of `data` (the shared object for 0 or 1 bytes).
pub(crate) fn from_slice(data: &[u8]) -> PyResult<PyRef> {
    // SAFETY: under the GIL; singletons live until finalization.
    unsafe {
        match data.len() {
            0 => singleton(&raw mut EMPTY, data),
            1 => singleton((&raw mut CHARACTERS as *mut *mut PyObject).add(data[0] as usize), data),
            n => {
                let b = alloc(n)?;
                core::ptr::copy_nonoverlapping(data.as_ptr(), data_ptr(b.as_ptr()), n);
                Ok(b)
            }
        }
    }
}

/// Forgets the singletons (at finalization; they belong to the runtime that made them).
pub(crate) fn clear_singletons() {
    // SAFETY: finalization under the GIL.
    unsafe {
        for slot in core::iter::once(&raw mut EMPTY).chain((0..256).map(|i| (&raw mut CHARACTERS as *mut *mut PyObject).add(i))) {
            let p = core::mem::replace(&mut *slot, core::ptr::null_mut());
            drop(PyRef::from_owned(p));
        }
    }
}

/// The bytes of a bytes object or a buffer exporter, as a Vec (`bytes` methods take any
/// bytes-like argument); TypeError "a bytes-like object is required, not 'T'" otherwise.
pub(crate) unsafe fn bytes_like(op: *mut PyObject) -> PyResult<Vec<u8>> {
    if is_bytes(op) {
        return Ok(as_slice(op).to_vec());
    }
    if crate::objects::bytearray::is_bytearray(op) {
        return Ok(crate::objects::bytearray::as_slice(op).to_vec());
    }
    crate::objects::bytes_buffer::copy_buffer(op).ok_or_else(|| {
        type_error(format!("a bytes-like object is required, not '{}'", tp_name(op)))
    })?
}

// ---- C-API ------------------------------------------------------------------------------------

/// `PyObject *PyBytes_FromStringAndSize(const char *v, Py_ssize_t len)`: NULL `v` gives
/// `len` uninitialized bytes for the caller to fill.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromStringAndSize(v: *const c_char, len: Py_ssize_t) -> *mut PyObject {
    if len < 0 {
        let _ = raise(ExcType::SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return core::ptr::null_mut();
    }
    if v.is_null() {
        if len == 0 {
            return ret_obj(from_slice(&[]));
        }
        return ret_obj(alloc(len as usize));
    }
    ret_obj(from_slice(core::slice::from_raw_parts(v as *const u8, len as usize)))
}

/// `PyObject *PyBytes_FromString(const char *v)`: a copy of the NUL-terminated `v`.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromString(v: *const c_char) -> *mut PyObject {
    if v.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(from_slice(core::ffi::CStr::from_ptr(v).to_bytes()))
}

fn expected_bytes(op: *mut PyObject) -> Raised {
    // SAFETY: callers pass a live object.
    type_error(format!("expected bytes, {} found", unsafe { tp_name(op) }))
}

/// `Py_ssize_t PyBytes_Size(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_Size(o: *mut PyObject) -> Py_ssize_t {
    if o.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if !is_bytes(o) {
        let _ = expected_bytes(o);
        return -1;
    }
    len(o) as Py_ssize_t
}

/// `char *PyBytes_AsString(PyObject *o)`: the inner buffer.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsString(o: *mut PyObject) -> *mut c_char {
    if o.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if !is_bytes(o) {
        let _ = expected_bytes(o);
        return core::ptr::null_mut();
    }
    data_ptr(o) as *mut c_char
}

/// `int PyBytes_AsStringAndSize(PyObject *obj, char **buffer, Py_ssize_t *length)`: with
/// NULL `length`, ValueError when the data holds a NUL.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsStringAndSize(obj: *mut PyObject, buffer: *mut *mut c_char, length: *mut Py_ssize_t) -> c_int {
    if buffer.is_null() || obj.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if !is_bytes(obj) {
        let _ = expected_bytes(obj);
        return -1;
    }
    *buffer = data_ptr(obj) as *mut c_char;
    if length.is_null() {
        if as_slice(obj).contains(&0) {
            let _ = raise_type(&raw mut exc::_PyExc_ValueError, "embedded null byte");
            return -1;
        }
    } else {
        *length = len(obj) as Py_ssize_t;
    }
    0
}

unsafe fn concat(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let av = bytes_like(a).map_err(|e| {
        drop(e);
        crate::errors::pyerr::PyErr_Clear();
        type_error(format!("can't concat {} to {}", tp_name(b), tp_name(a)))
    })?;
    let bv = match bytes_like(b) {
        Ok(v) => v,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error(format!("can't concat {} to {}", tp_name(b), tp_name(a))));
        }
    };
    if bv.is_empty() && is_exact(a) {
        return Ok(new_ref(a));
    }
    if av.is_empty() && is_exact(b) {
        return Ok(new_ref(b));
    }
    let n = av.len().checked_add(bv.len()).ok_or_else(no_memory)?;
    let r = alloc(n)?;
    let d = data_ptr(r.as_ptr());
    core::ptr::copy_nonoverlapping(av.as_ptr(), d, av.len());
    core::ptr::copy_nonoverlapping(bv.as_ptr(), d.add(av.len()), bv.len());
    Ok(r)
}

/// `void PyBytes_Concat(PyObject **bytes, PyObject *newpart)`: `*bytes` becomes
/// `*bytes + newpart` (NULL on error); the old `*bytes` is released.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_Concat(pv: *mut *mut PyObject, w: *mut PyObject) {
    if pv.is_null() {
        let _ = bad_internal_call();
        return;
    }
    let v = *pv;
    if v.is_null() {
        return;
    }
    if w.is_null() {
        *pv = core::ptr::null_mut();
        drop(PyRef::from_owned(v));
        return;
    }
    let r = concat(v, w);
    drop(PyRef::from_owned(v));
    *pv = ret_obj(r.and_then(|r| if len(r.as_ptr()) <= 1 { from_slice(as_slice(r.as_ptr())) } else { Ok(r) }));
}

/// `void PyBytes_ConcatAndDel(PyObject **bytes, PyObject *newpart)`: `PyBytes_Concat`,
/// then releases `newpart`.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_ConcatAndDel(pv: *mut *mut PyObject, w: *mut PyObject) {
    PyBytes_Concat(pv, w);
    if !w.is_null() {
        drop(PyRef::from_owned(w));
    }
}

/// `int _PyBytes_Resize(PyObject **bytes, Py_ssize_t newsize)`: resizes a bytes only its
/// caller holds; on failure `*bytes` is released and set to NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_Resize(pv: *mut *mut PyObject, newsize: Py_ssize_t) -> c_int {
    if pv.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    let v = *pv;
    if v.is_null() || !is_exact(v) || newsize < 0 || (*v).ob_refcnt != 1 && len(v) != newsize as usize {
        *pv = core::ptr::null_mut();
        drop(PyRef::from_owned(v));
        let _ = bad_internal_call();
        return -1;
    }
    if len(v) == newsize as usize {
        return 0;
    }
    let keep = len(v).min(newsize as usize);
    let r = if newsize <= 1 && newsize as usize == keep {
        from_slice(&as_slice(v)[..keep])
    } else {
        alloc(newsize as usize).map(|r| {
            core::ptr::copy_nonoverlapping(data_ptr(v), data_ptr(r.as_ptr()), keep);
            r
        })
    };
    drop(PyRef::from_owned(v));
    *pv = ret_obj(r);
    if (*pv).is_null() { -1 } else { 0 }
}

/// `PyObject *PyBytes_Repr(PyObject *bytes, int smartquotes)`: `b'...'`, with double
/// quotes when `smartquotes` and the data has `'` but no `"`.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_Repr(op: *mut PyObject, smartquotes: c_int) -> *mut PyObject {
    if op.is_null() || !is_bytes(op) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(crate::objects::str::from_utf8(&repr_text(as_slice(op), smartquotes != 0)))
}

/// The text of a bytes repr (shared with bytearray's).
pub(crate) fn repr_text(data: &[u8], smartquotes: bool) -> String {
    let quote = if smartquotes && data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::with_capacity(data.len() + 3);
    s.push('b');
    s.push(quote);
    for &c in data {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            _ if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                s.push_str("\\x");
                s.push(HEX[(c >> 4) as usize] as char);
                s.push(HEX[(c & 15) as usize] as char);
            }
        }
    }
    s.push(quote);
    s
}

/// `PyObject *PyObject_Bytes(PyObject *o)`: `bytes(o)`; `b'<NULL>'` for NULL.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Bytes(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return ret_obj(from_slice(b"<NULL>"));
    }
    if is_exact(o) {
        return new_ref(o).into_ptr();
    }
    ret_obj(crate::objects::bytes_new::object_bytes(o))
}

/// `PyObject *PyBytes_FromObject(PyObject *o)`: a bytes from a buffer or an iterable of
/// ints (no `__bytes__`, no str, no int).
#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromObject(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if is_exact(o) {
        return new_ref(o).into_ptr();
    }
    ret_obj(crate::objects::bytes_new::from_object(o))
}

// ---- Slots --------------------------------------------------------------------------------------

unsafe extern "C" fn bytes_dealloc(op: *mut PyObject) {
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut core::ffi::c_void),
        None => temp_alloc::free_object(op as *mut core::ffi::c_void),
    }
}

unsafe extern "C" fn bytes_repr(op: *mut PyObject) -> *mut PyObject {
    PyBytes_Repr(op, 1)
}

unsafe extern "C" fn bytes_hash(op: *mut PyObject) -> crate::pyport::Py_hash_t {
    let b = op as *mut PyBytesObject;
    if (*b).ob_shash == -1 {
        (*b).ob_shash = crate::object::hash::_Py_HashBytes(data_ptr(op) as *const core::ffi::c_void, len(op) as Py_ssize_t);
    }
    (*b).ob_shash
}

unsafe extern "C" fn bytes_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_bytes(v) || !is_bytes(w) || !(Py_LT..=Py_GE).contains(&op) {
        return new_ref(not_implemented()).into_ptr();
    }
    let (a, b) = (as_slice(v), as_slice(w));
    let r = match op {
        Py_EQ => a == b,
        Py_NE => a != b,
        Py_LT => a < b,
        Py_LE => a <= b,
        Py_GT => a > b,
        _ => a >= b,
    };
    bool_ref(r).into_ptr()
}

unsafe extern "C" fn bytes_length(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

unsafe extern "C" fn bytes_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret_obj(concat(a, b).and_then(|r| if len(r.as_ptr()) <= 1 { from_slice(as_slice(r.as_ptr())) } else { Ok(r) }))
}

unsafe extern "C" fn bytes_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    if n == 1 && is_exact(op) {
        return new_ref(op).into_ptr();
    }
    let n = n.max(0) as usize;
    let src = as_slice(op);
    let Some(total) = src.len().checked_mul(n).filter(|&t| t < isize::MAX as usize / 2) else {
        let _ = raise_type(&raw mut exc::_PyExc_OverflowError, "repeated bytes are too long");
        return core::ptr::null_mut();
    };
    if total <= 1 {
        return ret_obj(from_slice(&src[..total.min(src.len())]));
    }
    ret_obj(alloc(total).map(|r| {
        let d = core::slice::from_raw_parts_mut(data_ptr(r.as_ptr()), total);
        fill_repeated(d, src);
        r
    }))
}

/// Fills `d` (a whole number of `src`s long) with copies of `src`: one byte is a memset,
/// longer ones double what is copied each time (`b"\0" * 65536` made 65,536 one-byte copies).
fn fill_repeated(d: &mut [u8], src: &[u8]) {
    if let [b] = src {
        d.fill(*b);
        return;
    }
    let mut done = src.len().min(d.len());
    d[..done].copy_from_slice(&src[..done]);
    while done < d.len() {
        let n = done.min(d.len() - done);
        d.copy_within(..n, done);
        done += n;
    }
}

unsafe extern "C" fn bytes_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if i < 0 || i as usize >= len(op) {
        let _ = raise(ExcType::IndexError, "index out of range");
        return core::ptr::null_mut();
    }
    ret_obj(crate::objects::int::from_i64(as_slice(op)[i as usize] as i64))
}

/// `x in b` for a bytes or bytearray `op`: an int in range(256) or a bytes-like
/// subsequence.
pub(crate) unsafe fn contains(op: *mut PyObject, x: *mut PyObject) -> PyResult<bool> {
    let hay = || crate::objects::bytes_methods::data_of(op);
    if crate::abstract_::item::is_index(x) {
        let v = crate::abstract_::item::as_ssize(x, None)?;
        if !(0..256).contains(&v) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "byte must be in range(0, 256)"));
        }
        return Ok(hay().contains(&(v as u8)));
    }
    let needle = bytes_like(x)?;
    Ok(crate::objects::bytes_methods::find_in(hay(), &needle, 0).is_some())
}

unsafe extern "C" fn bytes_contains(op: *mut PyObject, x: *mut PyObject) -> c_int {
    match contains(op, x) {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

unsafe extern "C" fn bytes_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if crate::abstract_::item::is_index(key) {
        let i = match crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError)) {
            Ok(i) => i,
            Err(_) => return core::ptr::null_mut(),
        };
        return bytes_item(op, if i < 0 { i + len(op) as Py_ssize_t } else { i });
    }
    if crate::objects::slice::is_slice(key) {
        let (mut start, mut stop, step) = match crate::objects::slice::unpack(key) {
            Ok(t) => t,
            Err(_) => return core::ptr::null_mut(),
        };
        let src = as_slice(op);
        let n = crate::objects::slice::adjust_indices(src.len() as Py_ssize_t, &mut start, &mut stop, step);
        if start == 0 && step == 1 && n as usize == src.len() && is_exact(op) {
            return new_ref(op).into_ptr();
        }
        if step == 1 {
            return ret_obj(from_slice(&src[start as usize..(start + n) as usize]));
        }
        let v: Vec<u8> = (0..n).map(|i| src[(start + i * step) as usize]).collect();
        return ret_obj(from_slice(&v));
    }
    let _ = type_error(format!("byte indices must be integers or slices, not {}", tp_name(key)));
    core::ptr::null_mut()
}
