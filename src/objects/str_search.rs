//! Searching in strs: find/rfind/index/rindex/count/startswith/endswith and `in`, and the
//! C-API `PyUnicode_Find`, `FindChar`, `Count`, `Tailmatch`, `Contains`. The needle is
//! converted to the haystack's kind, then the search runs on the code-unit bytes with
//! memchr's substring search (a match must start on a code-unit boundary).
use std::borrow::Cow;

use memchr::memmem;

use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::abstract_::compare::bool_ref;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_FASTCALL};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::str_access::{units, Units};
use crate::object::method_table::fast;
use crate::pyport::Py_ssize_t;

pub(crate) const METHODS: &[PyMethodDef] = &[
    fast(c"find", find, METH_FASTCALL),
    fast(c"rfind", rfind, METH_FASTCALL),
    fast(c"index", index, METH_FASTCALL),
    fast(c"rindex", rindex, METH_FASTCALL),
    fast(c"count", count, METH_FASTCALL),
    fast(c"startswith", startswith, METH_FASTCALL),
    fast(c"endswith", endswith, METH_FASTCALL),
];

/// The code units of `needle` in a string of `kind`, as native-endian bytes; None when a
/// code point of it does not fit that kind (so it cannot occur there).
pub(crate) fn needle_bytes<'a>(needle: Units<'a>, kind: usize) -> Option<Cow<'a, [u8]>> {
    fn cast<T>(s: &[T]) -> &[u8] {
        // SAFETY: plain integers, viewed as their bytes.
        unsafe { core::slice::from_raw_parts(s.as_ptr() as *const u8, core::mem::size_of_val(s)) }
    }
    fn conv<T: Copy + Into<u32>>(s: &[T], kind: usize) -> Option<Vec<u8>> {
        let limit = match kind {
            1 => 0xff,
            2 => 0xffff,
            _ => u32::MAX,
        };
        let mut out = Vec::with_capacity(s.len() * kind);
        for &c in s {
            let c: u32 = c.into();
            if c > limit {
                return None;
            }
            out.extend_from_slice(&c.to_ne_bytes()[..kind]);
        }
        Some(out)
    }
    let same = match needle {
        Units::One(s) if kind == 1 => Some(cast(s)),
        Units::Two(s) if kind == 2 => Some(cast(s)),
        Units::Four(s) if kind == 4 => Some(cast(s)),
        _ => None,
    };
    if let Some(b) = same {
        return Some(Cow::Borrowed(b));
    }
    match needle {
        Units::One(s) => conv(s, kind),
        Units::Two(s) => conv(s, kind),
        Units::Four(s) => conv(s, kind),
    }
    .map(Cow::Owned)
}

/// Haystacks up to this many bytes are searched without building a `memmem` searcher.
const SHORT_HAY: usize = 512;

/// The first unit index of `needle` in `hay` (bytes of units of `size` bytes).
pub(crate) fn find_bytes(hay: &[u8], needle: &[u8], size: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    if size == 1 {
        return match needle.len() {
            1 => memchr::memchr(needle[0], hay),
            // Short haystacks: no searcher setup (str_search_short.rs).
            _ if hay.len() <= SHORT_HAY => crate::objects::str_search_short::find(hay, needle),
            _ => memmem::find(hay, needle),
        };
    }
    let finder = memmem::Finder::new(needle);
    let mut pos = 0;
    while let Some(i) = finder.find(&hay[pos..]) {
        let at = pos + i;
        if at % size == 0 {
            return Some(at / size);
        }
        pos = at + 1;
    }
    None
}

/// The last unit index of `needle` in `hay`.
pub(crate) fn rfind_bytes(hay: &[u8], needle: &[u8], size: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len() / size);
    }
    if size == 1 && needle.len() == 1 {
        return memchr::memrchr(needle[0], hay);
    }
    let finder = memmem::FinderRev::new(needle);
    let mut end = hay.len();
    while let Some(at) = finder.rfind(&hay[..end]) {
        if at % size == 0 {
            return Some(at / size);
        }
        // A misaligned hit: look again for matches starting before it.
        end = at + needle.len() - 1;
    }
    None
}

/// The number of non-overlapping occurrences of `needle` in `hay`, at most `max`.
pub(crate) fn count_bytes(hay: &[u8], needle: &[u8], size: usize, max: usize) -> usize {
    if needle.is_empty() {
        return (hay.len() / size + 1).min(max);
    }
    let finder = memmem::Finder::new(needle);
    let (mut n, mut pos) = (0, 0);
    while n < max {
        let Some(i) = finder.find(&hay[pos..]) else { break };
        let at = pos + i;
        if at % size == 0 {
            n += 1;
            pos = at + needle.len();
        } else {
            pos = at + 1;
        }
    }
    n
}

/// CPython's `ADJUST_INDICES`: slice-style `start`/`end` clipped into `0..=len`.
pub(crate) fn adjust(start: Py_ssize_t, end: Py_ssize_t, len: usize) -> (Py_ssize_t, Py_ssize_t) {
    let len = len as Py_ssize_t;
    let end = if end > len { len } else if end < 0 { (end + len).max(0) } else { end };
    let start = if start < 0 { (start + len).max(0) } else { start };
    (start, end)
}

/// Where `sub` occurs in `s[start:end]` (unit index into `s`), searching forward or back.
///
/// # Safety
/// Both are live strs.
pub(crate) unsafe fn find_in(s: *mut PyObject, sub: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t, forward: bool) -> Option<usize> {
    let (start, end) = adjust(start, end, pystr::len(s));
    if end - start < pystr::len(sub) as Py_ssize_t {
        return None;
    }
    let size = pystr::kind(s);
    let needle = needle_bytes(units(sub), size)?;
    let hay = &pystr::data_bytes(s)[start as usize * size..end as usize * size];
    let at = if forward { find_bytes(hay, &needle, size) } else { rfind_bytes(hay, &needle, size) };
    at.map(|i| i + start as usize)
}

/// The number of non-overlapping `sub` in `s[start:end]`.
///
/// # Safety
/// Both are live strs.
pub(crate) unsafe fn count_in(s: *mut PyObject, sub: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t) -> usize {
    let (start, end) = adjust(start, end, pystr::len(s));
    if end - start < pystr::len(sub) as Py_ssize_t {
        return 0;
    }
    let size = pystr::kind(s);
    let Some(needle) = needle_bytes(units(sub), size) else { return 0 };
    count_bytes(&pystr::data_bytes(s)[start as usize * size..end as usize * size], &needle, size, usize::MAX)
}

/// Whether `s[start:end]` starts (`forward`) or ends with `sub` (CPython's `tailmatch`).
///
/// # Safety
/// Both are live strs.
pub(crate) unsafe fn tailmatch(s: *mut PyObject, sub: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t, forward: bool) -> bool {
    let (start, end) = adjust(start, end, pystr::len(s));
    let n = pystr::len(sub) as Py_ssize_t;
    let last = end - n;
    if last < start {
        return false;
    }
    if n == 0 {
        return true;
    }
    let at = if forward { start } else { last } as usize;
    let size = pystr::kind(s);
    match needle_bytes(units(sub), size) {
        Some(needle) => &pystr::data_bytes(s)[at * size..at * size + needle.len()] == &needle[..],
        None => false,
    }
}

/// Whether the str `s` contains the str `sub`.
///
/// # Safety
/// Both are live strs.
pub(crate) unsafe fn contains(s: *mut PyObject, sub: *mut PyObject) -> bool {
    find_in(s, sub, 0, Py_ssize_t::MAX, true).is_some()
}

/// The index of code point `ch` in `s[start:end]`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn find_char(s: *mut PyObject, ch: Py_UCS4, start: Py_ssize_t, end: Py_ssize_t, forward: bool) -> Option<usize> {
    let (start, end) = adjust(start, end, pystr::len(s));
    if end - start < 1 {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    let hit = match units(s) {
        Units::One(u) if ch < 256 => {
            let h = &u[start..end];
            if forward { memchr::memchr(ch as u8, h) } else { memchr::memrchr(ch as u8, h) }
        }
        Units::One(_) => None,
        Units::Two(u) => {
            let h = &u[start..end];
            if forward { h.iter().position(|&c| c as u32 == ch) } else { h.iter().rposition(|&c| c as u32 == ch) }
        }
        Units::Four(u) => {
            let h = &u[start..end];
            if forward { h.iter().position(|&c| c == ch) } else { h.iter().rposition(|&c| c == ch) }
        }
    };
    hit.map(|i| i + start)
}

/// `o` as a str argument, or TypeError "must be str, not T" (CPython's `ensure_unicode`).
#[inline]
pub(crate) unsafe fn ensure_str(o: *mut PyObject) -> PyResult<*mut PyObject> {
    if o.is_null() || !pystr::is_str(o) {
        return Err(not_str(o));
    }
    Ok(o)
}

#[cold]
#[inline(never)]
unsafe fn not_str(o: *mut PyObject) -> crate::errors::raised::Raised {
    if o.is_null() {
        return crate::object::pending_error::bad_internal_call();
    }
    type_error(format!("must be str, not {:.100}", tp_name(o)))
}

/// An optional slice-index argument (None: the default).
pub(crate) unsafe fn opt_index(o: Option<&*mut PyObject>, default: Py_ssize_t) -> PyResult<Py_ssize_t> {
    match o {
        Some(&o) if o != crate::abstract_::none() => crate::objects::slice::slice_index(o),
        _ => Ok(default),
    }
}

/// The arguments of find-like methods, `(sub[, start[, end]])`, with CPython's arity
/// messages: the raw `sub` and the start/end indexes.
pub(crate) unsafe fn find_args<'a>(name: &str, args: *const *mut PyObject, nargs: Py_ssize_t) -> PyResult<(*mut PyObject, Py_ssize_t, Py_ssize_t)> {
    let a: &[*mut PyObject] = if nargs == 0 { &[] } else { core::slice::from_raw_parts(args, nargs as usize) };
    if a.is_empty() {
        return Err(type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if a.len() > 3 {
        return Err(type_error(format!("{name}() takes at most 3 arguments ({} given)", a.len())));
    }
    Ok((a[0], opt_index(a.get(1), 0)?, opt_index(a.get(2), Py_ssize_t::MAX)?))
}

unsafe fn find_impl(name: &str, s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, forward: bool, raise: bool) -> PyResult<PyRef> {
    let (sub, start, end) = find_args(name, args, nargs)?;
    let sub = ensure_str(sub)?;
    match find_in(s, sub, start, end, forward) {
        Some(i) => crate::objects::int::from_i64(i as i64),
        None if raise => Err(raise_type(&raw mut exc::_PyExc_ValueError, "substring not found")),
        None => crate::objects::int::from_i64(-1),
    }
}

unsafe extern "C" fn find(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(find_impl("find", s, args, nargs, true, false))
}

unsafe extern "C" fn rfind(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(find_impl("rfind", s, args, nargs, false, false))
}

unsafe extern "C" fn index(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(find_impl("index", s, args, nargs, true, true))
}

unsafe extern "C" fn rindex(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(find_impl("rindex", s, args, nargs, false, true))
}

unsafe extern "C" fn count(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        let (sub, start, end) = find_args("count", args, nargs)?;
        let sub = ensure_str(sub)?;
        crate::objects::int::from_i64(count_in(s, sub, start, end) as i64)
    })())
}

unsafe fn startswith_impl(name: &str, s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, forward: bool) -> PyResult<PyRef> {
    let (prefix, start, end) = find_args(name, args, nargs)?;
    if crate::objects::tuple::is_tuple(prefix) {
        for &p in crate::objects::tuple::items(prefix) {
            if !pystr::is_str(p) {
                return Err(type_error(format!("tuple for {name} must only contain str, not {:.100}", tp_name(p))));
            }
            if tailmatch(s, p, start, end, forward) {
                return Ok(bool_ref(true));
            }
        }
        return Ok(bool_ref(false));
    }
    if !pystr::is_str(prefix) {
        return Err(type_error(format!("{name} first arg must be str or a tuple of str, not {:.100}", tp_name(prefix))));
    }
    Ok(bool_ref(tailmatch(s, prefix, start, end, forward)))
}

unsafe extern "C" fn startswith(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(startswith_impl("startswith", s, args, nargs, true))
}

unsafe extern "C" fn endswith(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj(startswith_impl("endswith", s, args, nargs, false))
}

/// `sq_contains` of str: `sub in s`.
pub(crate) unsafe extern "C" fn str_contains(s: *mut PyObject, sub: *mut PyObject) -> core::ffi::c_int {
    if !pystr::is_str(sub) {
        let _ = type_error(format!("'in <string>' requires string as left operand, not {:.100}", tp_name(sub)));
        return -1;
    }
    contains(s, sub) as core::ffi::c_int
}

// ---- C-API ----------------------------------------------------------------------------------

/// `Py_ssize_t PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t
/// end, int direction)`: the index, -1 when absent, -2 on error.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Find(s: *mut PyObject, sub: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t, direction: core::ffi::c_int) -> Py_ssize_t {
    if ensure_str(s).is_err() || ensure_str(sub).is_err() {
        return -2;
    }
    find_in(s, sub, start, end, direction > 0).map_or(-1, |i| i as Py_ssize_t)
}

/// `Py_ssize_t PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t
/// end, int direction)`: the index, -1 when absent, -2 on error.
#[cfg(not(limited_api_before_3_3))]
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FindChar(s: *mut PyObject, ch: Py_UCS4, start: Py_ssize_t, end: Py_ssize_t, direction: core::ffi::c_int) -> Py_ssize_t {
    if s.is_null() || !pystr::is_str(s) {
        let _ = crate::object::pending_error::bad_internal_call();
        return -2;
    }
    find_char(s, ch, start, end, direction > 0).map_or(-1, |i| i as Py_ssize_t)
}

/// `Py_ssize_t PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t
/// end)`: non-overlapping occurrences, -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Count(s: *mut PyObject, sub: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t) -> Py_ssize_t {
    if ensure_str(s).is_err() || ensure_str(sub).is_err() {
        return -1;
    }
    count_in(s, sub, start, end) as Py_ssize_t
}

/// `Py_ssize_t PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start,
/// Py_ssize_t end, int direction)`: 1 when `str[start:end]` starts (direction -1) or ends
/// (+1) with `substr`, 0 if not, -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Tailmatch(s: *mut PyObject, sub: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t, direction: core::ffi::c_int) -> Py_ssize_t {
    if ensure_str(s).is_err() || ensure_str(sub).is_err() {
        return -1;
    }
    tailmatch(s, sub, start, end, direction <= 0) as Py_ssize_t
}

/// `int PyUnicode_Contains(PyObject *container, PyObject *element)`: 1, 0, or -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Contains(container: *mut PyObject, element: *mut PyObject) -> core::ffi::c_int {
    if element.is_null() || container.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    if !pystr::is_str(element) {
        let _ = type_error(format!("'in <string>' requires string as left operand, not {:.100}", tp_name(element)));
        return -1;
    }
    if ensure_str(container).is_err() {
        return -1;
    }
    contains(container, element) as core::ffi::c_int
}
