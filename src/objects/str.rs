//! The PEP 393 string layouts (CPython's unicodeobject.h and cpython/unicodeobject.h):
//! `PyASCIIObject`, `PyCompactUnicodeObject`, `PyUnicodeObject`, the code-unit types and
//! the kind and interning constants.
//!
//! `PyASCIIObject.state` is a C bitfield struct (`interned:2, kind:3, compact:1, ascii:1,
//! ready:1`, padded to 32 bits) that extensions read through `op->state.kind` and friends.
//! cbindgen can print a bitfield only as one C field per Rust field, and Rust has no
//! bitfields, so the three string structs are written by hand in
//! include/cpython/unicodeobject.h (the other two embed `PyASCIIObject`, so they must follow
//! it there) and excluded from cbindgen. The Rust mirrors below keep the same layout with the
//! state as one `c_uint` word, read and written through the accessors, which use the bit
//! positions gcc and clang give those fields on x86_64 (first field in the low bits).
use crate::object::object::PyObject;
use crate::pyport::{wchar_t, Py_hash_t, Py_ssize_t};
use core::ffi::{c_char, c_int, c_uint, c_void};

/// `Py_UCS4`: a code point.
pub type Py_UCS4 = u32;
/// `Py_UCS2`: a code unit of 2-byte-kind strings.
pub type Py_UCS2 = u16;
/// `Py_UCS1`: a code unit of 1-byte-kind strings.
pub type Py_UCS1 = u8;
/// `Py_UNICODE`: the deprecated wchar_t code unit of the legacy API.
#[cfg(not(Py_LIMITED_API))]
pub type Py_UNICODE = wchar_t;

/// U+FFFD, what decoders substitute for undecodable input (`((Py_UCS4) 0xFFFD)` in C,
/// hand-written in include/unicodeobject.h since cbindgen cannot print the cast).
pub(crate) const Py_UNICODE_REPLACEMENT_CHARACTER: Py_UCS4 = 0xFFFD;

/// Values of `state.interned`.
#[cfg(not(Py_LIMITED_API))]
pub const SSTATE_NOT_INTERNED: c_int = 0;
#[cfg(not(Py_LIMITED_API))]
pub const SSTATE_INTERNED_MORTAL: c_int = 1;
#[cfg(not(Py_LIMITED_API))]
pub const SSTATE_INTERNED_IMMORTAL: c_int = 2;

/// `enum PyUnicode_Kind`: the code-unit width of a string's canonical data, as CPython
/// declares it (an enum, so the names are enumerators, not macros).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyUnicode_Kind {
    /// Legacy string whose data is still only in `wstr` (not ready).
    PyUnicode_WCHAR_KIND = 0,
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4,
}

/// Rust mirror of `PyASCIIObject` (hand-written in C, see the module comment). The data of a
/// compact ASCII string follows the struct.
#[repr(C)]
pub struct PyASCIIObject {
    pub ob_base: PyObject,
    /// Number of code points.
    pub length: Py_ssize_t,
    /// Cached hash, -1 until computed.
    pub hash: Py_hash_t,
    /// The C bitfield struct `state`, as one word: use the accessors.
    pub state: c_uint,
    /// Cached wchar_t form (NUL-terminated), or NULL.
    pub wstr: *mut wchar_t,
}
assert_layout!(PyASCIIObject, size = 48, ob_base @ 0, length @ 16, hash @ 24, state @ 32,
               wstr @ 40);

// Bit positions of the `state` fields in the 32-bit word (x86_64 SysV bitfield layout).
const INTERNED_SHIFT: u32 = 0;
const INTERNED_MASK: c_uint = 0b11;
const KIND_SHIFT: u32 = 2;
const KIND_MASK: c_uint = 0b111;
const COMPACT_BIT: c_uint = 1 << 5;
const ASCII_BIT: c_uint = 1 << 6;
const READY_BIT: c_uint = 1 << 7;

impl PyASCIIObject {
    /// `state.interned`: one of the `SSTATE_*` values.
    #[inline]
    pub fn interned(&self) -> c_uint {
        (self.state >> INTERNED_SHIFT) & INTERNED_MASK
    }
    #[inline]
    pub fn set_interned(&mut self, v: c_uint) {
        self.state = (self.state & !(INTERNED_MASK << INTERNED_SHIFT))
            | ((v & INTERNED_MASK) << INTERNED_SHIFT);
    }
    /// `state.kind`: 0 (wchar), 1, 2 or 4.
    #[inline]
    pub fn kind(&self) -> c_uint {
        (self.state >> KIND_SHIFT) & KIND_MASK
    }
    #[inline]
    pub fn set_kind(&mut self, v: c_uint) {
        self.state = (self.state & !(KIND_MASK << KIND_SHIFT)) | ((v & KIND_MASK) << KIND_SHIFT);
    }
    /// `state.compact`: the data follows the struct in the same allocation.
    #[inline]
    pub fn compact(&self) -> bool {
        self.state & COMPACT_BIT != 0
    }
    #[inline]
    pub fn set_compact(&mut self, v: bool) {
        self.set_bit(COMPACT_BIT, v)
    }
    /// `state.ascii`: all code points are below 128.
    #[inline]
    pub fn ascii(&self) -> bool {
        self.state & ASCII_BIT != 0
    }
    #[inline]
    pub fn set_ascii(&mut self, v: bool) {
        self.set_bit(ASCII_BIT, v)
    }
    /// `state.ready`: the canonical data is available.
    #[inline]
    pub fn ready(&self) -> bool {
        self.state & READY_BIT != 0
    }
    #[inline]
    pub fn set_ready(&mut self, v: bool) {
        self.set_bit(READY_BIT, v)
    }
    #[inline]
    fn set_bit(&mut self, bit: c_uint, v: bool) {
        if v {
            self.state |= bit
        } else {
            self.state &= !bit
        }
    }
}

/// Rust mirror of `PyCompactUnicodeObject` (hand-written in C): a compact non-ASCII string,
/// data after the struct.
#[repr(C)]
pub struct PyCompactUnicodeObject {
    pub _base: PyASCIIObject,
    /// Bytes in `utf8`, without the NUL.
    pub utf8_length: Py_ssize_t,
    /// Cached UTF-8 form (NUL-terminated), or NULL.
    pub utf8: *mut c_char,
    /// Code units in `wstr`.
    pub wstr_length: Py_ssize_t,
}
assert_layout!(PyCompactUnicodeObject, size = 72, _base @ 0, utf8_length @ 48, utf8 @ 56,
               wstr_length @ 64);

/// Rust mirror of `PyUnicodeObject` (hand-written in C): a legacy string whose data lives in
/// a separate block. In C `data` is a union of `void *`/`Py_UCS1 *`/`Py_UCS2 *`/`Py_UCS4 *`,
/// all one pointer wide; the mirror keeps the `void *` member.
#[repr(C)]
pub struct PyUnicodeObject {
    pub _base: PyCompactUnicodeObject,
    pub data: *mut c_void,
}
assert_layout!(PyUnicodeObject, size = 80, _base @ 0, data @ 72);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_accessors_are_independent() {
        let mut s: PyASCIIObject = unsafe { core::mem::zeroed() };
        s.set_kind(4);
        s.set_interned(2);
        s.set_compact(true);
        s.set_ready(true);
        assert_eq!((s.kind(), s.interned(), s.compact(), s.ascii(), s.ready()),
                   (4, 2, true, false, true));
        assert_eq!(s.state, 2 | (4 << 2) | (1 << 5) | (1 << 7));
    }
}

// Pin the value the hand-written C macro must agree with.
static_assertions::const_assert_eq!(Py_UNICODE_REPLACEMENT_CHARACTER, 0xFFFD);

/// `_PyUnicodeWriter`: the builder of the `_PyUnicodeWriter_*` functions, which widens its
/// buffer's kind as larger code points arrive.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyUnicodeWriter {
    pub buffer: *mut PyObject,
    pub data: *mut c_void,
    pub kind: PyUnicode_Kind,
    pub maxchar: Py_UCS4,
    pub size: Py_ssize_t,
    pub pos: Py_ssize_t,
    /// Minimum number of characters to allocate.
    pub min_length: Py_ssize_t,
    /// Minimum maximum character of the buffer (127 by default).
    pub min_char: Py_UCS4,
    pub overallocate: u8,
    /// The buffer is a shared string that must not be written.
    pub readonly: u8,
}
assert_layout!(_PyUnicodeWriter, size = 56, buffer @ 0, data @ 8, kind @ 16, maxchar @ 20,
               size @ 24, pos @ 32, min_length @ 40, min_char @ 48, overallocate @ 52,
               readonly @ 53);

// ---- The str type ---------------------------------------------------------------------------
// Strings are created compact (PEP 393): the code units follow the header in the same block,
// with a NUL unit after them; 1-byte strings whose code points are all below 128 use the
// short `PyASCIIObject` header, other strings `PyCompactUnicodeObject`. The kind is the
// narrowest that holds the largest code point, so equal strings have equal kinds and
// equality is a byte comparison, and the hash (SipHash-1-3 of the code-unit bytes, as
// CPython computes it) is cached in `hash`.

use crate::errors::raised::PyResult;
use crate::object::pending_error::no_memory;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_UNICODE_SUBCLASS, _Py_TPFLAGS_MATCH_SELF,
};
use core::ffi::c_ulong;
use std::sync::atomic::{AtomicPtr, Ordering};

/// `PyUnicode_Type`: the str type.
#[no_mangle]
pub static mut PyUnicode_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(unicode_dealloc),
    tp_repr: Some(crate::objects::str_repr::unicode_repr),
    tp_as_number: &raw mut crate::objects::str_percent::UNICODE_AS_NUMBER,
    tp_hash: Some(unicode_hash),
    tp_richcompare: Some(crate::objects::str_repr::unicode_richcompare),
    tp_methods: &raw mut crate::objects::str_methods::STR_METHODS as *mut crate::object::methods::PyMethodDef,
    tp_as_sequence: &raw mut crate::objects::str_slots::STR_AS_SEQUENCE,
    tp_as_mapping: &raw mut crate::objects::str_slots::STR_AS_MAPPING,
    tp_iter: Some(crate::objects::str_iter::str_iter),
    tp_str: Some(crate::objects::str_new::str_str),
    tp_new: Some(crate::objects::str_new::str_new),
    tp_vectorcall: Some(crate::objects::str_new::str_vectorcall),
    ..static_type(
        c"str",
        core::mem::size_of::<PyUnicodeObject>(),
        0,
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
        Some(c"str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'."),
    )
};

const ASCII_HEADER: usize = core::mem::size_of::<PyASCIIObject>();
const COMPACT_HEADER: usize = core::mem::size_of::<PyCompactUnicodeObject>();

/// Whether `op` is a str or an instance of a subclass of str (`PyUnicode_Check`).
///
/// # Safety
/// `op` is a live object.
#[inline]
pub(crate) unsafe fn is_str(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & (Py_TPFLAGS_UNICODE_SUBCLASS as c_ulong) != 0
}

/// A new, uninitialized compact string of `length` code points whose largest is `maxchar`.
#[inline]
pub(crate) unsafe fn new_compact(length: usize, maxchar: Py_UCS4) -> PyResult<PyRef> {
    let ascii = maxchar < 0x80;
    let kind: usize = if maxchar < 0x100 { 1 } else if maxchar < 0x10000 { 2 } else { 4 };
    let header = if ascii { ASCII_HEADER } else { COMPACT_HEADER };
    // One compare rules out every overflow below: (length + 1) * 4 + header fits an isize.
    if length > (isize::MAX as usize - COMPACT_HEADER) / 4 - 1 {
        return Err(no_memory());
    }
    let size = header + (length + 1) * kind;
    let op = crate::object::pymem::PyObject_Malloc(size) as *mut PyObject;
    if op.is_null() {
        return Err(no_memory());
    }
    // `str` is a static type: its instances hold no reference to it.
    (*op).ob_refcnt = 1;
    (*op).ob_type = &raw mut PyUnicode_Type;
    // Every field is set, so the allocator need not zero the block.
    if !ascii {
        let c = &mut *(op as *mut PyCompactUnicodeObject);
        c.utf8_length = 0;
        c.utf8 = core::ptr::null_mut();
        c.wstr_length = 0;
    }
    // The NUL code unit after the data (a store of the unit's width, not a memset call).
    let end = (op as *mut u8).add(header + length * kind);
    match kind {
        1 => *end = 0,
        2 => (end as *mut u16).write_unaligned(0),
        _ => (end as *mut u32).write_unaligned(0),
    }
    let s = &mut *(op as *mut PyASCIIObject);
    s.length = length as Py_ssize_t;
    s.hash = -1;
    // Not interned, this kind, compact, ready, ASCII or not: one store.
    s.state = ((kind as c_uint) << KIND_SHIFT) | COMPACT_BIT | READY_BIT | if ascii { ASCII_BIT } else { 0 };
    s.wstr = core::ptr::null_mut();
    Ok(PyRef::from_owned(op).unwrap_unchecked())
}

/// The kind (1, 2 or 4) of a ready string.
///
/// # Safety
/// `op` is a live str.
#[inline]
pub(crate) unsafe fn kind(op: *mut PyObject) -> usize {
    (*(op as *mut PyASCIIObject)).kind() as usize
}

/// The number of code points.
///
/// # Safety
/// `op` is a live str.
#[inline]
pub(crate) unsafe fn len(op: *mut PyObject) -> usize {
    (*(op as *mut PyASCIIObject)).length as usize
}

/// The canonical data (`PyUnicode_DATA`).
///
/// # Safety
/// `op` is a live, ready str.
pub(crate) unsafe fn data(op: *mut PyObject) -> *mut u8 {
    let s = &*(op as *mut PyASCIIObject);
    if s.compact() {
        let header = if s.ascii() { ASCII_HEADER } else { COMPACT_HEADER };
        (op as *mut u8).add(header)
    } else {
        (*(op as *mut PyUnicodeObject)).data as *mut u8
    }
}

/// The code units of `op` as bytes (`length * kind` of them).
///
/// # Safety
/// `op` is a live, ready str, which outlives the slice.
pub(crate) unsafe fn data_bytes<'a>(op: *mut PyObject) -> &'a [u8] {
    core::slice::from_raw_parts(data(op), len(op) * kind(op))
}

/// The code point at `index`.
///
/// # Safety
/// `op` is a live, ready str and `index < len(op)`.
pub(crate) unsafe fn read_char(op: *mut PyObject, index: usize) -> Py_UCS4 {
    let d = data(op);
    match kind(op) {
        1 => *d.add(index) as Py_UCS4,
        2 => (d as *const Py_UCS2).add(index).read_unaligned() as Py_UCS4,
        _ => (d as *const Py_UCS4).add(index).read_unaligned(),
    }
}

/// A str from UTF-8 text (the Rust side of `PyUnicode_FromStringAndSize`; Rust callers'
/// `from_str`): a new object, except that the empty string is one interned object, as in
/// CPython.
pub(crate) fn from_utf8(text: &str) -> PyResult<PyRef> {
    match text.as_bytes() {
        [] => empty(),
        &[c] => crate::objects::str_access::latin1_char(c),
        _ => new_str(text),
    }
}

/// The empty str, one interned object (cached: every empty result returns it).
pub(crate) fn empty() -> PyResult<PyRef> {
    let p = EMPTY.load(Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: EMPTY holds a strong reference until `clear_interned`.
        return Ok(unsafe { crate::abstract_::new_ref(p) });
    }
    let s = intern("")?;
    EMPTY.store(s.clone().into_ptr(), Ordering::Release);
    Ok(s)
}

static EMPTY: AtomicPtr<PyObject> = AtomicPtr::new(core::ptr::null_mut());

/// A new str object holding `text`.
fn new_str(text: &str) -> PyResult<PyRef> {
    if text.is_ascii() {
        // SAFETY: room for `text.len()` 1-byte units.
        unsafe {
            let op = new_compact(text.len(), 0)?;
            copy_bytes(text.as_ptr(), data(op.as_ptr()), text.len());
            return Ok(op);
        }
    }
    // The UTF-8 decoder's writer (one pass to measure, one to write the units).
    crate::codecs::utf8::str_from_valid(text)
}

/// `memcpy` of `n` bytes, short ones with two overlapping loads and stores rather than a
/// call into the C library (most strs built from C are a few bytes).
#[inline(always)]
unsafe fn copy_bytes(src: *const u8, dst: *mut u8, n: usize) {
    use core::ptr::{read_unaligned as get, write_unaligned as put};
    if n >= 16 {
        core::ptr::copy_nonoverlapping(src, dst, n);
    } else if n >= 8 {
        let (a, b) = (get(src as *const u64), get(src.add(n - 8) as *const u64));
        put(dst as *mut u64, a);
        put(dst.add(n - 8) as *mut u64, b);
    } else if n >= 4 {
        let (a, b) = (get(src as *const u32), get(src.add(n - 4) as *const u32));
        put(dst as *mut u32, a);
        put(dst.add(n - 4) as *mut u32, b);
    } else if n > 0 {
        let (a, m, b) = (*src, *src.add(n / 2), *src.add(n - 1));
        *dst = a;
        *dst.add(n / 2) = m;
        *dst.add(n - 1) = b;
    }
}

/// A new str of the code points `chars` (any of 0..=0x10FFFF, lone surrogates included, which
/// Rust text cannot hold), for builders of str from C data (`Py_BuildValue`'s `u` and `C`).
pub(crate) fn from_code_points(chars: &[Py_UCS4]) -> PyResult<PyRef> {
    if chars.is_empty() {
        return empty();
    }
    // An OR of all code points picks the same kind as their maximum (the kinds' limits
    // are powers of two) and folds with plain vector ORs.
    let maxchar = chars.iter().fold(0, |acc, &c| acc | c);
    // SAFETY: the new string has room for `chars.len()` code units of its kind.
    unsafe {
        let op = new_compact(chars.len(), maxchar)?;
        let d = data(op.as_ptr());
        match kind(op.as_ptr()) {
            1 => chars.iter().enumerate().for_each(|(i, &c)| *d.add(i) = c as u8),
            2 => chars.iter().enumerate().for_each(|(i, &c)| (d as *mut Py_UCS2).add(i).write_unaligned(c as Py_UCS2)),
            _ => chars.iter().enumerate().for_each(|(i, &c)| (d as *mut Py_UCS4).add(i).write_unaligned(c)),
        }
        Ok(op)
    }
}

/// The text of `op` (lone surrogates become U+FFFD), for Rust code and tests.
///
/// # Safety
/// `op` is a live, ready str.
// Internal API of the type; its first callers outside tests are the C-API layer.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) unsafe fn to_string(op: *mut PyObject) -> String {
    (0..len(op))
        .map(|i| char::from_u32(read_char(op, i)).unwrap_or('\u{FFFD}'))
        .collect()
}

/// Whether `op` is an ASCII str equal to `text` (a lookup by Rust name needs no object).
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn eq_ascii(op: *mut PyObject, text: &str) -> bool {
    (*(op as *mut PyASCIIObject)).ascii() && data_bytes(op) == text.as_bytes()
}

/// The str hash, cached in the object (`hash(s)`).
///
/// # Safety
/// `op` is a live, ready str.
pub(crate) unsafe fn hash(op: *mut PyObject) -> Py_hash_t {
    let s = op as *mut PyASCIIObject;
    if (*s).hash == -1 {
        (*s).hash = crate::object::siphash::hash_bytes(data_bytes(op));
    }
    (*s).hash
}

/// String equality: same length, kind and code units.
///
/// # Safety
/// `a` and `b` are live, ready strs.
pub(crate) unsafe fn eq(a: *mut PyObject, b: *mut PyObject) -> bool {
    a == b || (len(a) == len(b) && kind(a) == kind(b) && data_bytes(a) == data_bytes(b))
}

/// `tp_hash` of str.
unsafe extern "C" fn unicode_hash(op: *mut PyObject) -> Py_hash_t {
    hash(op)
}

/// `tp_dealloc` of str: compact strings are one block; the cached UTF-8 and wchar forms of
/// a non-ASCII string are separate `PyObject_Malloc` blocks, freed with it.
unsafe extern "C" fn unicode_dealloc(op: *mut PyObject) {
    let s = &*(op as *mut PyASCIIObject);
    let own_data = if s.compact() { core::ptr::null_mut() } else { (*(op as *mut PyUnicodeObject)).data };
    if !s.ascii() || !s.compact() {
        let c = &*(op as *mut PyCompactUnicodeObject);
        if !c.utf8.is_null() && c.utf8 as *mut c_void != own_data {
            crate::object::pymem::PyObject_Free(c.utf8 as *mut c_void);
        }
    }
    // A subclass instance's code units (str_new.rs) are a separate object-domain block.
    if !own_data.is_null() {
        crate::object::pymem::PyObject_Free(own_data);
    }
    if !s.wstr.is_null() {
        crate::object::pymem::PyObject_Free(s.wstr as *mut c_void);
    }
    match (*(*op).ob_type).tp_free {
        Some(free) => free(op as *mut c_void),
        None => temp_alloc::free_object(op as *mut c_void),
    }
}

/// `PyObject *PyUnicode_FromString(const char *u)`: a new str decoded from NUL-terminated
/// UTF-8 (strict: invalid input is UnicodeDecodeError).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromString(u: *const c_char) -> *mut PyObject {
    if u.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    let bytes = core::ffi::CStr::from_ptr(u).to_bytes();
    crate::abstract_::ret_obj(crate::objects::str_utf8::decode_utf8(bytes))
}

/// `PyObject *PyUnicode_InternFromString(const char *u)`: the interned str for `u`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternFromString(u: *const c_char) -> *mut PyObject {
    let mut s = PyUnicode_FromString(u);
    if !s.is_null() {
        PyUnicode_InternInPlace(&mut s);
    }
    s
}

// ---- Interning ------------------------------------------------------------------------------
// One table for the process (as in CPython 3.11): a dict mapping each interned string to
// itself. The table holds a strong reference, so an interned string lives until
// `clear_interned` at finalization.

static INTERNED: AtomicPtr<PyObject> = AtomicPtr::new(core::ptr::null_mut());

/// `intern` for a literal: a cache hit compares no bytes (`str_intern_cache::get_static`).
#[inline]
pub(crate) fn intern_static(text: &'static str) -> PyResult<PyRef> {
    // SAFETY: the GIL is held (as for `intern`); the cached str is alive while interned.
    unsafe {
        match crate::objects::str_intern_cache::get_static(text) {
            Some(found) => Ok(PyRef::from_borrowed(found).expect("non-NULL")),
            None => intern(text),
        }
    }
}

/// The interned str equal to `text`, made and interned on first use (`PyUnicode_InternFromString`).
pub(crate) fn intern(text: &str) -> PyResult<PyRef> {
    use crate::objects::str_intern_cache as cache;
    // SAFETY: the GIL is held; the cached str is alive while interned.
    unsafe {
        if let Some(found) = cache::get(text) {
            return Ok(PyRef::from_borrowed(found).expect("non-NULL"));
        }
        let found = intern_text(text)?;
        cache::put(text, found.as_ptr());
        Ok(found)
    }
}

/// `intern` without the cache of Rust texts by address: for text in a buffer that is about
/// to go (a bytecode cache file's string table), whose address would only evict others.
pub(crate) fn intern_text(text: &str) -> PyResult<PyRef> {
    use crate::objects::dict;
    // SAFETY: the GIL is held; `table` is the live interned dict; `s` a new str.
    unsafe {
        let table = interned_table()?;
        if !text.is_ascii() {
            return match dict::get_item_str(table, text)? {
                Some(found) => PyRef::from_borrowed(found).ok_or_else(no_memory),
                None => intern_object(new_str(text)?.as_ptr()),
            };
        }
        // One hash for both the probe and the insertion: an import interns thousands of
        // names, most of them new to the table.
        let hash = crate::object::siphash::hash_bytes(text.as_bytes());
        if let Some(found) = dict::get_item_ascii_hashed(table, text, hash) {
            return PyRef::from_borrowed(found).ok_or_else(no_memory);
        }
        let s = new_str(text)?;
        (*(s.as_ptr() as *mut PyASCIIObject)).hash = hash;
        dict::set_item_known_hash(table, s.as_ptr(), hash, s.as_ptr())?;
        (*(s.as_ptr() as *mut PyASCIIObject)).set_interned(SSTATE_INTERNED_MORTAL as c_uint);
        Ok(s)
    }
}

/// `void PyUnicode_InternInPlace(PyObject **p)`: replaces `*p` by the interned string equal
/// to it, interning `*p` itself when there is none. Anything but an exact str is left
/// alone, and a failure leaves `*p` unchanged (CPython clears the error).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternInPlace(p: *mut *mut PyObject) {
    if p.is_null() || (*p).is_null() || (**p).ob_type != &raw mut PyUnicode_Type {
        return;
    }
    let s = *p;
    if (*(s as *mut PyASCIIObject)).interned() != SSTATE_NOT_INTERNED as c_uint {
        return;
    }
    match intern_object(s) {
        Ok(t) if t.as_ptr() != s => {
            *p = t.into_ptr();
            drop(PyRef::from_owned(s));
        }
        Ok(_) => {}
        Err(_) => {
            let _ = crate::object::pending_error::take();
        }
    }
}

/// `void PyUnicode_InternImmortal(PyObject **p)` (deprecated): `PyUnicode_InternInPlace`,
/// then the string is marked immortal (the table's reference is never given back).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternImmortal(p: *mut *mut PyObject) {
    let warned = crate::errors::warnings::PyErr_WarnEx(
        crate::errors::exception_types::PyExc_DeprecationWarning,
        c"PyUnicode_InternImmortal() is deprecated; use PyUnicode_InternInPlace() instead".as_ptr(),
        1,
    );
    if warned < 0 {
        crate::errors::print::PyErr_WriteUnraisable(core::ptr::null_mut());
    }
    PyUnicode_InternInPlace(p);
    if p.is_null() || (*p).is_null() || !is_str(*p) {
        return;
    }
    let a = &mut *(*p as *mut PyASCIIObject);
    if a.interned() == SSTATE_INTERNED_MORTAL as c_uint {
        a.set_interned(SSTATE_INTERNED_IMMORTAL as c_uint);
        (**p).ob_refcnt += 1;
    }
}

/// The interned string equal to the str `s`, which becomes it when there is none yet.
unsafe fn intern_object(s: *mut PyObject) -> PyResult<PyRef> {
    use crate::objects::dict;
    let table = interned_table()?;
    if let Some(found) = dict::get_item(table, s)? {
        return PyRef::from_borrowed(found).ok_or_else(no_memory);
    }
    dict::set_item(table, s, s)?;
    (*(s as *mut PyASCIIObject)).set_interned(SSTATE_INTERNED_MORTAL as c_uint);
    PyRef::from_borrowed(s).ok_or_else(no_memory)
}

/// Interns the static str `s` (a `_PyRuntime` global string) unless an equal string is
/// interned already (which cannot happen while the table is being made). Failure (no
/// memory) leaves it uninterned, still a valid str.
pub(crate) unsafe fn intern_runtime_static(s: *mut PyObject) {
    if intern_object(s).is_err() {
        let _ = crate::object::pending_error::take();
    }
}

fn interned_table() -> PyResult<*mut PyObject> {
    let mut table = INTERNED.load(Ordering::Acquire);
    if table.is_null() {
        table = crate::objects::dict::new()?.into_ptr();
        INTERNED.store(table, Ordering::Release);
        // SAFETY: the table is live; the runtime is initializing on this thread.
        unsafe { crate::runtime::pyruntime_compat::intern_global_strings() };
    }
    Ok(table)
}

/// Releases the interned table (at finalization); interned strings still referenced
/// elsewhere live on, no longer interned. Those `keep` accepts stay
/// interned into the next runtime: the names in the dicts of the builtin static types,
/// which outlive finalization (see object/builtin_types.rs).
pub(crate) fn clear_interned_except(keep: &dyn Fn(*mut PyObject) -> bool) {
    let e = EMPTY.swap(core::ptr::null_mut(), Ordering::AcqRel);
    // SAFETY: EMPTY owned that reference.
    drop(unsafe { PyRef::from_owned(e) });
    crate::objects::str_access::clear_latin1_cache();
    crate::runtime::pyruntime_compat::forget_static_objects();
    crate::objects::str_intern_cache::clear();
    let table = INTERNED.swap(core::ptr::null_mut(), Ordering::AcqRel);
    if table.is_null() {
        return;
    }
    // SAFETY: the table is a live dict whose keys are strs; we own its reference.
    unsafe {
        let mut kept = Vec::new();
        let mut pos = 0;
        let (mut key, mut value) = (core::ptr::null_mut(), core::ptr::null_mut());
        // In place (no copy of the tens of thousands of entries): only the strs' flags change.
        while crate::objects::dict::PyDict_Next(table, &mut pos, &mut key, &mut value) != 0 {
            if keep(key) {
                kept.push(key);
            } else {
                (*(key as *mut PyASCIIObject)).set_interned(SSTATE_NOT_INTERNED as c_uint);
            }
        }
        // A fresh table for the kept names (built before the old one lets the others go).
        if !kept.is_empty() {
            if let Ok(fresh) = crate::objects::dict::new() {
                let fresh = fresh.into_ptr();
                for &key in &kept {
                    if crate::objects::dict::set_item(fresh, key, key).is_err() {
                        (*(key as *mut PyASCIIObject)).set_interned(SSTATE_NOT_INTERNED as c_uint);
                        let _ = crate::object::pending_error::take();
                    }
                }
                INTERNED.store(fresh, Ordering::Release);
            } else {
                let _ = crate::object::pending_error::take();
                for &key in &kept {
                    (*(key as *mut PyASCIIObject)).set_interned(SSTATE_NOT_INTERNED as c_uint);
                }
            }
        }
        drop(PyRef::from_owned(table));
    }
}

#[cfg(test)]
mod str_tests {
    use super::*;

    #[test]
    fn kinds_lengths_and_text() {
        let _gil = crate::object::test_lock();
        for (text, k, n, ascii) in [
            ("", 1, 0, true),
            ("abc", 1, 3, true),
            ("caf\u{e9}", 1, 4, false),
            ("\u{20ac}x", 2, 2, false),
            ("a\u{1F600}", 4, 2, false),
        ] {
            let s = from_utf8(text).unwrap();
            unsafe {
                let p = s.as_ptr();
                assert_eq!((kind(p), len(p)), (k, n), "{text:?}");
                let a = &*(p as *mut PyASCIIObject);
                assert_eq!((a.ascii(), a.compact(), a.ready()), (ascii, true, true));
                assert_eq!(*data(p).add(n * k), 0, "NUL after the data");
                assert_eq!(to_string(p), text);
                assert_eq!((*p).ob_type, &raw mut PyUnicode_Type);
            }
        }
    }

    #[test]
    fn equality_and_hash_cache() {
        let _gil = crate::object::test_lock();
        let a = from_utf8("h\u{e9}llo").unwrap();
        let b = from_utf8("h\u{e9}llo").unwrap();
        let c = from_utf8("hello").unwrap();
        unsafe {
            assert!(eq(a.as_ptr(), b.as_ptr()));
            assert!(!eq(a.as_ptr(), c.as_ptr()));
            assert_eq!(hash(a.as_ptr()), hash(b.as_ptr()));
            assert_eq!((*(a.as_ptr() as *mut PyASCIIObject)).hash, hash(a.as_ptr()));
            assert_eq!(hash(from_utf8("").unwrap().as_ptr()), 0);
            assert!(eq_ascii(c.as_ptr(), "hello"));
            assert!(!eq_ascii(a.as_ptr(), "hello"));
        }
    }

    #[test]
    fn interning_returns_one_object() {
        let _gil = crate::object::test_lock();
        assert_eq!(from_utf8("").unwrap().as_ptr(), from_utf8("").unwrap().as_ptr());
        let a = intern("__doc__").unwrap();
        let b = intern("__doc__").unwrap();
        assert_eq!(a.as_ptr(), b.as_ptr());
        unsafe {
            assert_eq!((*(a.as_ptr() as *mut PyASCIIObject)).interned(), SSTATE_INTERNED_MORTAL as c_uint);
        }
    }
}
