//! Reading, creating and filling strs by code point: the typed views of a string's data
//! (`units`, `code_points`), narrowest-kind construction from code units (`from_ucs1/2/4`),
//! the cache of 1-character Latin-1 strings, substrings, and the C-API of PEP 393 access
//! (`PyUnicode_New`, `FromKindAndData`, `Substring`, `ReadChar`, `WriteChar`, `Fill`,
//! `CopyCharacters`, `Resize`, `AsUCS4`, the wchar_t functions, ...).
use core::ffi::{c_int, c_void};
use std::sync::atomic::{AtomicPtr, Ordering};

use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory, raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::str::{
    self as pystr, PyASCIIObject, PyCompactUnicodeObject, PyUnicode_Type, Py_UCS1, Py_UCS2, Py_UCS4,
};
use crate::objects::str_utf8::bad_argument;
use crate::pyport::{wchar_t, Py_ssize_t};

/// The largest code point.
pub(crate) const MAX_UNICODE: Py_UCS4 = 0x10ffff;

/// A str's code units, typed by its kind.
#[derive(Clone, Copy)]
pub(crate) enum Units<'a> {
    One(&'a [Py_UCS1]),
    Two(&'a [Py_UCS2]),
    Four(&'a [Py_UCS4]),
}

impl Units<'_> {
    #[inline]
    pub(crate) fn len(&self) -> usize {
        match self {
            Units::One(s) => s.len(),
            Units::Two(s) => s.len(),
            Units::Four(s) => s.len(),
        }
    }

    /// The code point at `i` (< len).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Py_UCS4 {
        match self {
            Units::One(s) => s[i] as Py_UCS4,
            Units::Two(s) => s[i] as Py_UCS4,
            Units::Four(s) => s[i],
        }
    }
}

/// The code units of `op` (the data is aligned for its kind: it follows an 8-byte aligned
/// header or is a separate allocation).
///
/// # Safety
/// `op` is a live, ready str, which outlives the view.
#[inline]
pub(crate) unsafe fn units<'a>(op: *mut PyObject) -> Units<'a> {
    let n = pystr::len(op);
    let d = pystr::data(op);
    match pystr::kind(op) {
        1 => Units::One(core::slice::from_raw_parts(d, n)),
        2 => Units::Two(core::slice::from_raw_parts(d as *const Py_UCS2, n)),
        _ => Units::Four(core::slice::from_raw_parts(d as *const Py_UCS4, n)),
    }
}

/// Iterator over the code points of a str.
pub(crate) struct CodePoints<'a> {
    units: Units<'a>,
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = Py_UCS4;
    #[inline]
    fn next(&mut self) -> Option<Py_UCS4> {
        if self.pos >= self.units.len() {
            return None;
        }
        self.pos += 1;
        Some(self.units.get(self.pos - 1))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.units.len() - self.pos;
        (n, Some(n))
    }
}

/// The code points of `op`, in order.
///
/// # Safety
/// `op` is a live, ready str, which outlives the iterator.
pub(crate) unsafe fn code_points<'a>(op: *mut PyObject) -> CodePoints<'a> {
    CodePoints { units: units(op), pos: 0 }
}

/// The largest code point a str of `op`'s kind can hold (`PyUnicode_MAX_CHAR_VALUE`).
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn max_char_value(op: *mut PyObject) -> Py_UCS4 {
    if (*(op as *mut PyASCIIObject)).ascii() {
        return 0x7f;
    }
    match pystr::kind(op) {
        1 => 0xff,
        2 => 0xffff,
        _ => MAX_UNICODE,
    }
}

/// `op` in its canonical form: a new str of the narrowest kind (and the ASCII flag) when its
/// code points fit a narrower one than it was built with (CPython's
/// `unicode_adjust_maxchar`), else `op` itself. Equality and hashing rely on the canonical
/// form, so a builder that may have over-estimated the width must pass its result here.
///
/// # Safety
/// `op` is a new, unshared, ready str.
pub(crate) unsafe fn narrowed(op: PyRef) -> PyResult<PyRef> {
    let real = match units(op.as_ptr()) {
        Units::One(u) => u.iter().copied().max().unwrap_or(0) as Py_UCS4,
        Units::Two(u) => u.iter().copied().max().unwrap_or(0) as Py_UCS4,
        Units::Four(u) => u.iter().copied().max().unwrap_or(0),
    };
    let fits = |limit: Py_UCS4| real <= limit && max_char_value(op.as_ptr()) > limit;
    if !(fits(0x7f) || fits(0xff) || fits(0xffff)) {
        return Ok(op);
    }
    match units(op.as_ptr()) {
        Units::One(u) => from_units(u),
        Units::Two(u) => from_units(u),
        Units::Four(u) => from_units(u),
    }
}

/// A code unit type of one of the three kinds.
pub(crate) trait Unit: Copy + Into<u32> + 'static {}
impl Unit for u8 {}
impl Unit for u16 {}
impl Unit for u32 {}

/// Writes `src` (code points that all fit) as units of kind `kind` at `dst`.
///
/// # Safety
/// `dst` has room for `src.len()` units of `kind`.
#[inline]
pub(crate) unsafe fn write_units<T: Unit>(kind: usize, dst: *mut u8, src: &[T]) {
    if core::mem::size_of::<T>() == kind {
        core::ptr::copy_nonoverlapping(src.as_ptr() as *const u8, dst, core::mem::size_of_val(src));
        return;
    }
    match kind {
        1 => src.iter().enumerate().for_each(|(i, &c)| *dst.add(i) = c.into() as u8),
        2 => src.iter().enumerate().for_each(|(i, &c)| *(dst as *mut u16).add(i) = c.into() as u16),
        _ => src.iter().enumerate().for_each(|(i, &c)| *(dst as *mut u32).add(i) = c.into()),
    }
}

/// A str of the code units `src` in the narrowest kind that holds them (the empty string and
/// 1-character Latin-1 strings are the shared objects). Code points above U+10FFFF are the
/// caller's to refuse.
pub(crate) fn from_units<T: Unit>(src: &[T]) -> PyResult<PyRef> {
    match src.len() {
        0 => return pystr::empty(),
        1 if src[0].into() < 256 => return latin1_char(src[0].into() as u8),
        _ => {}
    }
    let maxchar = src.iter().map(|&c| c.into()).max().unwrap_or(0);
    // SAFETY: the new string has room for `src.len()` units of its kind.
    unsafe {
        let op = pystr::new_compact(src.len(), maxchar)?;
        write_units(pystr::kind(op.as_ptr()), pystr::data(op.as_ptr()), src);
        Ok(op)
    }
}

/// A str of Latin-1 bytes (narrowest kind).
pub(crate) fn from_ucs1(src: &[Py_UCS1]) -> PyResult<PyRef> {
    from_units(src)
}

/// A str of UCS-2 units (narrowest kind).
pub(crate) fn from_ucs2(src: &[Py_UCS2]) -> PyResult<PyRef> {
    from_units(src)
}

/// A str of code points (narrowest kind; lone surrogates allowed, all <= U+10FFFF).
pub(crate) fn from_ucs4(src: &[Py_UCS4]) -> PyResult<PyRef> {
    from_units(src)
}

// ---- 1-character strings --------------------------------------------------------------------
// As in CPython, each of the 256 Latin-1 characters is one shared str, made on first use:
// indexing and iterating over text allocate nothing for them.

static LATIN1: [AtomicPtr<PyObject>; 256] = [const { AtomicPtr::new(core::ptr::null_mut()) }; 256];

/// The shared 1-character str of Latin-1 code point `c`.
pub(crate) fn latin1_char(c: u8) -> PyResult<PyRef> {
    let slot = &LATIN1[c as usize];
    let p = slot.load(Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: the cache holds a strong reference until `clear_latin1_cache`.
        return Ok(unsafe { new_ref(p) });
    }
    // SAFETY: room for one unit.
    let s = unsafe {
        let s = pystr::new_compact(1, c as Py_UCS4)?;
        *pystr::data(s.as_ptr()) = c;
        s
    };
    slot.store(s.clone().into_ptr(), Ordering::Release);
    Ok(s)
}

/// The 1-character str of code point `c` (<= U+10FFFF).
pub(crate) fn char_str(c: Py_UCS4) -> PyResult<PyRef> {
    if c < 256 {
        return latin1_char(c as u8);
    }
    from_ucs4(&[c])
}

/// Drops the cached 1-character strings (at finalization).
pub(crate) fn clear_latin1_cache() {
    for slot in LATIN1.iter() {
        let p = slot.swap(core::ptr::null_mut(), Ordering::AcqRel);
        // SAFETY: the cache owned that reference.
        drop(unsafe { PyRef::from_owned(p) });
    }
}

/// The code points `start..end` of `op` as a str (the whole exact str is `op` itself).
///
/// # Safety
/// `op` is a live str; `start <= end <= len(op)`.
pub(crate) unsafe fn substring(op: *mut PyObject, start: usize, end: usize) -> PyResult<PyRef> {
    if start == 0 && end == pystr::len(op) && (*op).ob_type == &raw mut PyUnicode_Type {
        return Ok(new_ref(op));
    }
    match units(op) {
        Units::One(s) if (*(op as *mut PyASCIIObject)).ascii() => {
            let part = &s[start..end];
            if part.len() <= 1 {
                return from_ucs1(part);
            }
            // ASCII stays ASCII: no scan for the largest code point.
            let r = pystr::new_compact(part.len(), 0)?;
            core::ptr::copy_nonoverlapping(part.as_ptr(), pystr::data(r.as_ptr()), part.len());
            Ok(r)
        }
        Units::One(s) => from_ucs1(&s[start..end]),
        Units::Two(s) => from_ucs2(&s[start..end]),
        Units::Four(s) => from_ucs4(&s[start..end]),
    }
}

/// A copy of `op` with the same kind (`_PyUnicode_Copy`): a new exact str.
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn copy(op: *mut PyObject) -> PyResult<PyRef> {
    let n = pystr::len(op);
    let r = pystr::new_compact(n, max_char_value(op))?;
    core::ptr::copy_nonoverlapping(pystr::data(op), pystr::data(r.as_ptr()), n * pystr::kind(op));
    Ok(r)
}

/// `op` as an exact str (`PyUnicode_FromObject`): itself, a copy of a subclass instance,
/// or TypeError.
///
/// # Safety
/// `op` is a live object.
pub(crate) unsafe fn exact(op: *mut PyObject) -> PyResult<PyRef> {
    if (*op).ob_type == &raw mut PyUnicode_Type {
        return Ok(new_ref(op));
    }
    if pystr::is_str(op) {
        return copy(op);
    }
    Err(type_error(format!("Can't convert '{:.100}' object to str implicitly", tp_name(op))))
}

/// Whether a str may be written in place: only a fresh one (one reference, no cached hash,
/// not interned, exact str), as CPython requires.
unsafe fn modifiable(op: *mut PyObject) -> bool {
    let a = &*(op as *mut PyASCIIObject);
    (*op).ob_refcnt == 1 && a.hash == -1 && a.interned() == 0 && (*op).ob_type == &raw mut PyUnicode_Type
}

unsafe fn check_modifiable(op: *mut PyObject) -> PyResult<()> {
    if modifiable(op) {
        Ok(())
    } else {
        Err(raise(ExcType::SystemError, "Cannot modify a string currently used"))
    }
}

fn index_error() -> crate::errors::raised::Raised {
    raise(ExcType::IndexError, "string index out of range")
}

fn value_error(message: impl Into<String>) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// Writes code point `c` at `index` of `op`'s data.
///
/// # Safety
/// `index < len(op)` and `c` fits `op`'s kind.
#[inline]
pub(crate) unsafe fn write_char(op: *mut PyObject, index: usize, c: Py_UCS4) {
    let d = pystr::data(op);
    match pystr::kind(op) {
        1 => *d.add(index) = c as u8,
        2 => *(d as *mut u16).add(index) = c as u16,
        _ => *(d as *mut u32).add(index) = c,
    }
}

fn c_result(r: PyResult<Py_ssize_t>) -> Py_ssize_t {
    r.unwrap_or(-1)
}

// ---- C-API ----------------------------------------------------------------------------------

/// `Py_ssize_t PyUnicode_GetLength(PyObject *unicode)`: the number of code points.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_GetLength(unicode: *mut PyObject) -> Py_ssize_t {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_argument();
        return -1;
    }
    pystr::len(unicode) as Py_ssize_t
}

/// `Py_ssize_t PyUnicode_GetSize(PyObject *unicode)` (deprecated): the length in wchar_t
/// units, which is the number of code points where wchar_t is 32 bits.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_GetSize(unicode: *mut PyObject) -> Py_ssize_t {
    PyUnicode_GetLength(unicode)
}

/// `PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)`: a new compact str of `size`
/// code points to be filled, of the kind that holds `maxchar`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_New(size: Py_ssize_t, maxchar: Py_UCS4) -> *mut PyObject {
    if size == 0 {
        return ret_obj(pystr::empty());
    }
    if size < 0 {
        let _ = raise(ExcType::SystemError, "Negative size passed to PyUnicode_New");
        return core::ptr::null_mut();
    }
    if maxchar > MAX_UNICODE {
        let _ = raise(ExcType::SystemError, "invalid maximum character passed to PyUnicode_New");
        return core::ptr::null_mut();
    }
    ret_obj(pystr::new_compact(size as usize, maxchar))
}

/// `PyObject *PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)`: a
/// str of `size` code units of `kind` (1, 2 or 4), in the narrowest kind.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromKindAndData(kind: c_int, buffer: *const c_void, size: Py_ssize_t) -> *mut PyObject {
    if size < 0 {
        let _ = value_error("size must be positive");
        return core::ptr::null_mut();
    }
    if size > 0 && buffer.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let n = size as usize;
    match kind {
        1 => ret_obj(from_ucs1(slice_or_empty(buffer as *const u8, n))),
        2 => ret_obj(from_ucs2(slice_or_empty(buffer as *const u16, n))),
        // Like CPython 3.11, code points above U+10FFFF are not refused here.
        4 => ret_obj(from_ucs4(slice_or_empty(buffer as *const u32, n))),
        _ => {
            let _ = raise(ExcType::SystemError, "invalid kind");
            core::ptr::null_mut()
        }
    }
}

unsafe fn slice_or_empty<'a, T>(p: *const T, n: usize) -> &'a [T] {
    if n == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(p, n)
    }
}

/// `PyObject *PyUnicode_Substring(PyObject *str, Py_ssize_t start, Py_ssize_t end)`: code
/// points `start..end`, `end` clipped to the length.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Substring(s: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t) -> *mut PyObject {
    if s.is_null() || !pystr::is_str(s) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let length = pystr::len(s) as Py_ssize_t;
    let end = end.min(length);
    if start == 0 && end == length {
        return ret_obj(substring(s, 0, length as usize));
    }
    if start < 0 || end < 0 {
        let _ = index_error();
        return core::ptr::null_mut();
    }
    if start >= length || end < start {
        return ret_obj(pystr::empty());
    }
    ret_obj(substring(s, start as usize, end as usize))
}

/// `Py_UCS4 PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index)`: the code point at
/// `index`, or `(Py_UCS4)-1` with IndexError.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_ReadChar(unicode: *mut PyObject, index: Py_ssize_t) -> Py_UCS4 {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_argument();
        return Py_UCS4::MAX;
    }
    if index < 0 || index as usize >= pystr::len(unicode) {
        let _ = index_error();
        return Py_UCS4::MAX;
    }
    pystr::read_char(unicode, index as usize)
}

/// `int PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch)`: writes into a
/// fresh string (see `modifiable`).
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_WriteChar(unicode: *mut PyObject, index: Py_ssize_t, ch: Py_UCS4) -> c_int {
    if unicode.is_null() || !pystr::is_str(unicode) || !(*(unicode as *mut PyASCIIObject)).compact() {
        let _ = bad_argument();
        return -1;
    }
    if index < 0 || index as usize >= pystr::len(unicode) {
        let _ = index_error();
        return -1;
    }
    if check_modifiable(unicode).is_err() {
        return -1;
    }
    if ch > max_char_value(unicode) {
        let _ = value_error("character out of range");
        return -1;
    }
    write_char(unicode, index as usize, ch);
    0
}

/// `PyObject *PyUnicode_FromOrdinal(int ordinal)`: `chr(ordinal)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromOrdinal(ordinal: c_int) -> *mut PyObject {
    if ordinal < 0 || ordinal as Py_UCS4 > MAX_UNICODE {
        let _ = value_error("chr() arg not in range(0x110000)");
        return core::ptr::null_mut();
    }
    ret_obj(char_str(ordinal as Py_UCS4))
}

/// `PyObject *PyUnicode_FromObject(PyObject *obj)`: an exact str equal to `obj`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromObject(obj: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(exact(obj))
}

/// `PyObject *_PyUnicode_Copy(PyObject *unicode)`: a new str equal to `unicode`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_Copy(unicode: *mut PyObject) -> *mut PyObject {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    ret_obj(copy(unicode))
}

/// `int _PyUnicode_Ready(PyObject *unicode)`: every ferropy str is ready (compact, or a
/// subclass instance made ready at creation), so this only checks its argument.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_Ready(unicode: *mut PyObject) -> c_int {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_internal_call();
        return -1;
    }
    0
}

/// `Py_ssize_t PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length,
/// Py_UCS4 fill_char)`: writes `fill_char` over up to `length` code points from `start`;
/// the number written.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Fill(unicode: *mut PyObject, start: Py_ssize_t, length: Py_ssize_t, fill_char: Py_UCS4) -> Py_ssize_t {
    c_result((|| {
        if unicode.is_null() || !pystr::is_str(unicode) {
            return Err(bad_internal_call());
        }
        check_modifiable(unicode)?;
        if start < 0 {
            return Err(index_error());
        }
        if fill_char > max_char_value(unicode) {
            return Err(value_error("fill character is bigger than the string maximum character"));
        }
        let n = length.min(pystr::len(unicode) as Py_ssize_t - start);
        for i in 0..n.max(0) {
            write_char(unicode, (start + i) as usize, fill_char);
        }
        Ok(n.max(0))
    })())
}

/// The name CPython gives a string's storage in copy errors.
unsafe fn kind_name(op: *mut PyObject) -> &'static str {
    if (*(op as *mut PyASCIIObject)).ascii() {
        return "ascii";
    }
    match pystr::kind(op) {
        1 => "latin1",
        2 => "UCS2",
        _ => "UCS4",
    }
}

/// Copies `n` code points of `from` at `from_start` to `to` at `to_start`, where they fit.
///
/// # Safety
/// Both are live strs and the ranges are in bounds; every copied code point fits `to`.
pub(crate) unsafe fn copy_chars(to: *mut PyObject, to_start: usize, from: *mut PyObject, from_start: usize, n: usize) {
    let kind = pystr::kind(to);
    let dst = pystr::data(to).add(to_start * kind);
    match units(from) {
        Units::One(s) => write_units(kind, dst, &s[from_start..from_start + n]),
        Units::Two(s) => write_units(kind, dst, &s[from_start..from_start + n]),
        Units::Four(s) => write_units(kind, dst, &s[from_start..from_start + n]),
    }
}

/// Writes every code point of the str `src` as units of `kind` at `dst`.
///
/// # Safety
/// `dst` has room for them and they fit `kind`.
pub(crate) unsafe fn write_units_from(kind: usize, dst: *mut u8, src: *mut PyObject) {
    match units(src) {
        Units::One(s) => write_units(kind, dst, s),
        Units::Two(s) => write_units(kind, dst, s),
        Units::Four(s) => write_units(kind, dst, s),
    }
}

/// `Py_ssize_t PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
/// Py_ssize_t from_start, Py_ssize_t how_many)`: the number of code points copied.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_CopyCharacters(
    to: *mut PyObject,
    to_start: Py_ssize_t,
    from: *mut PyObject,
    from_start: Py_ssize_t,
    how_many: Py_ssize_t,
) -> Py_ssize_t {
    c_result((|| {
        if from.is_null() || to.is_null() || !pystr::is_str(from) || !pystr::is_str(to) {
            return Err(bad_internal_call());
        }
        let (from_len, to_len) = (pystr::len(from), pystr::len(to));
        if from_start as usize > from_len || to_start as usize > to_len {
            return Err(index_error());
        }
        if how_many < 0 {
            return Err(raise(ExcType::SystemError, "how_many cannot be negative"));
        }
        let n = (how_many as usize).min(from_len - from_start as usize);
        if to_start as usize + n > to_len {
            return Err(raise(
                ExcType::SystemError,
                format!("Cannot write {n} characters at {to_start} in a string of {to_len} characters"),
            ));
        }
        if n == 0 {
            return Ok(0);
        }
        check_modifiable(to)?;
        let (fs, ts) = (from_start as usize, to_start as usize);
        let limit = max_char_value(to);
        if max_char_value(from) > limit && code_points(from).skip(fs).take(n).any(|c| c > limit) {
            return Err(raise(
                ExcType::SystemError,
                format!("Cannot copy {} characters into a string of {} characters", kind_name(from), kind_name(to)),
            ));
        }
        copy_chars(to, ts, from, fs, n);
        Ok(n as Py_ssize_t)
    })())
}

/// `int PyUnicode_Resize(PyObject **unicode, Py_ssize_t length)`: resizes `*unicode`, which
/// the caller owns; a string others may see is replaced by a resized copy.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Resize(p_unicode: *mut *mut PyObject, length: Py_ssize_t) -> c_int {
    if p_unicode.is_null() || (*p_unicode).is_null() || !pystr::is_str(*p_unicode) || length < 0 {
        let _ = bad_internal_call();
        return -1;
    }
    let old = *p_unicode;
    let old_len = pystr::len(old);
    if old_len == length as usize {
        return 0;
    }
    let new = if length == 0 {
        pystr::empty()
    } else {
        // A copy with the old kind; the code points past the old end are the caller's to
        // write (zeroed here).
        pystr::new_compact(length as usize, max_char_value(old)).map(|r| {
            let n = old_len.min(length as usize);
            let kind = pystr::kind(old);
            core::ptr::copy_nonoverlapping(pystr::data(old), pystr::data(r.as_ptr()), n * kind);
            core::ptr::write_bytes(pystr::data(r.as_ptr()).add(n * kind), 0, (length as usize - n) * kind);
            r
        })
    };
    match new {
        Ok(r) => {
            *p_unicode = r.into_ptr();
            drop(PyRef::from_owned(old));
            0
        }
        Err(_) => -1,
    }
}

/// Copies the code points of `op` to `target`, with a NUL after them when `copy_null`.
unsafe fn write_ucs4(op: *mut PyObject, target: *mut Py_UCS4, copy_null: bool) {
    let n = pystr::len(op);
    match units(op) {
        Units::One(s) => write_units(4, target as *mut u8, s),
        Units::Two(s) => write_units(4, target as *mut u8, s),
        Units::Four(s) => write_units(4, target as *mut u8, s),
    }
    if copy_null {
        *target.add(n) = 0;
    }
}

/// `Py_UCS4 *PyUnicode_AsUCS4(PyObject *u, Py_UCS4 *buffer, Py_ssize_t buflen, int
/// copy_null)`: the code points of `u` into `buffer`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUCS4(u: *mut PyObject, buffer: *mut Py_UCS4, buflen: Py_ssize_t, copy_null: c_int) -> *mut Py_UCS4 {
    if u.is_null() || !pystr::is_str(u) || buffer.is_null() || buflen < 0 {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let need = pystr::len(u) + (copy_null != 0) as usize;
    if (buflen as usize) < need {
        let _ = raise(ExcType::SystemError, "string is longer than the buffer");
        if copy_null != 0 && buflen > 0 {
            *buffer = 0;
        }
        return core::ptr::null_mut();
    }
    write_ucs4(u, buffer, copy_null != 0);
    buffer
}

/// `Py_UCS4 *PyUnicode_AsUCS4Copy(PyObject *u)`: a new NUL-terminated `PyMem_Malloc` block
/// of the code points of `u`.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUCS4Copy(u: *mut PyObject) -> *mut Py_UCS4 {
    if u.is_null() || !pystr::is_str(u) {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let n = pystr::len(u) + 1;
    let buf = crate::object::pymem::PyMem_Malloc(n * 4) as *mut Py_UCS4;
    if buf.is_null() {
        let _ = no_memory();
        return core::ptr::null_mut();
    }
    write_ucs4(u, buf, true);
    buf
}

// ---- wchar_t (32-bit here: one wchar_t per code point) --------------------------------------

/// `PyObject *PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size)`: a str of `size`
/// wchar_t (-1: up to the NUL).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromWideChar(w: *const wchar_t, size: Py_ssize_t) -> *mut PyObject {
    if w.is_null() && size != 0 {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    let n = if size == -1 { libc::wcslen(w as *const libc::wchar_t) } else if size < 0 {
        let _ = raise(ExcType::SystemError, "Negative size passed to PyUnicode_New");
        return core::ptr::null_mut();
    } else {
        size as usize
    };
    let s = slice_or_empty(w as *const u32, n);
    if let Some(&c) = s.iter().find(|&&c| c > MAX_UNICODE) {
        let _ = value_error(format!("character U+{c:x} is not in range [U+0000; U+10ffff]"));
        return core::ptr::null_mut();
    }
    ret_obj(from_ucs4(s))
}

/// `PyObject *PyUnicode_FromUnicode(const Py_UNICODE *u, Py_ssize_t size)` (deprecated):
/// `PyUnicode_FromWideChar`. `u == NULL` with `size > 0` (a not-ready legacy string in
/// CPython 3.11) is refused: ferropy has no legacy strings.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromUnicode(u: *const wchar_t, size: Py_ssize_t) -> *mut PyObject {
    if u.is_null() && size == 0 {
        return ret_obj(pystr::empty());
    }
    PyUnicode_FromWideChar(u, size)
}

/// `Py_ssize_t PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w, Py_ssize_t size)`: copies
/// up to `size` wchar_t (with the NUL when it fits); the number copied without the NUL, or
/// with `w == NULL` the size needed with it.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsWideChar(unicode: *mut PyObject, w: *mut wchar_t, size: Py_ssize_t) -> Py_ssize_t {
    if unicode.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if !pystr::is_str(unicode) {
        let _ = bad_argument();
        return -1;
    }
    let n = pystr::len(unicode) as Py_ssize_t;
    if w.is_null() {
        return n + 1;
    }
    let (copy, res) = if size > n { (n + 1, n) } else { (size.max(0), size.max(0)) };
    let units = units(unicode);
    for i in 0..copy as usize {
        *w.add(i) = if i < n as usize { units.get(i) as wchar_t } else { 0 };
    }
    res
}

/// `wchar_t *PyUnicode_AsWideCharString(PyObject *unicode, Py_ssize_t *size)`: a new
/// NUL-terminated `PyMem_Malloc` block; without `size`, an embedded NUL is ValueError.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsWideCharString(unicode: *mut PyObject, size: *mut Py_ssize_t) -> *mut wchar_t {
    if unicode.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if !pystr::is_str(unicode) {
        let _ = bad_argument();
        return core::ptr::null_mut();
    }
    if size.is_null() && code_points(unicode).any(|c| c == 0) {
        let _ = value_error("embedded null character");
        return core::ptr::null_mut();
    }
    let buf = PyUnicode_AsUCS4Copy(unicode);
    if !size.is_null() && !buf.is_null() {
        *size = pystr::len(unicode) as Py_ssize_t;
    }
    buf as *mut wchar_t
}

/// The cached wchar_t form of `op` (`wstr`): a NUL-terminated copy of the code points,
/// freed with the string.
unsafe fn wstr(op: *mut PyObject) -> PyResult<*mut wchar_t> {
    let a = op as *mut PyASCIIObject;
    if (*a).wstr.is_null() {
        let n = pystr::len(op);
        // Freed with PyObject_Free by the str's dealloc.
        let buf = crate::object::pymem::PyObject_Malloc((n + 1) * 4) as *mut Py_UCS4;
        if buf.is_null() {
            return Err(no_memory());
        }
        write_ucs4(op, buf, true);
        (*a).wstr = buf as *mut wchar_t;
        if !(*a).ascii() {
            (*(op as *mut PyCompactUnicodeObject)).wstr_length = n as Py_ssize_t;
        }
    }
    Ok((*a).wstr)
}

/// `Py_UNICODE *PyUnicode_AsUnicodeAndSize(PyObject *unicode, Py_ssize_t *size)`
/// (deprecated): the cached wchar_t form, owned by the string.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUnicodeAndSize(unicode: *mut PyObject, size: *mut Py_ssize_t) -> *mut wchar_t {
    if unicode.is_null() || !pystr::is_str(unicode) {
        let _ = bad_argument();
        return core::ptr::null_mut();
    }
    match wstr(unicode) {
        Ok(w) => {
            if !size.is_null() {
                *size = pystr::len(unicode) as Py_ssize_t;
            }
            w
        }
        Err(_) => core::ptr::null_mut(),
    }
}

/// `Py_UNICODE *PyUnicode_AsUnicode(PyObject *unicode)` (deprecated).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUnicode(unicode: *mut PyObject) -> *mut wchar_t {
    PyUnicode_AsUnicodeAndSize(unicode, core::ptr::null_mut())
}

/// `const Py_UNICODE *_PyUnicode_AsUnicode(PyObject *unicode)`: as `PyUnicode_AsUnicode`,
/// refusing an embedded NUL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_AsUnicode(unicode: *mut PyObject) -> *const wchar_t {
    let w = PyUnicode_AsUnicodeAndSize(unicode, core::ptr::null_mut());
    if !w.is_null() && code_points(unicode).any(|c| c == 0) {
        let _ = value_error("embedded null character");
        return core::ptr::null();
    }
    w
}
