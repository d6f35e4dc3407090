//! The methods of `bytes` (its `tp_methods` table): searching, splitting, stripping,
//! case mapping, classification, padding, hex and decoding. Each works on byte slices;
//! the argument checks give CPython's messages.
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::method_table::{concat, fast_kw, plain, with_kw};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_STATIC, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::bytes::{bytes_like, is_bytes, is_exact};
use crate::objects::bytearray;
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// The first index of `needle` in `hay` at or after `from`.
pub(crate) fn find_in(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if from > hay.len() || needle.len() > hay.len() - from {
        return None;
    }
    if needle.len() == 1 {
        return hay[from..].iter().position(|&b| b == needle[0]).map(|i| i + from);
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

pub(crate) unsafe fn argv<'a>(args: *mut PyObject) -> &'a [*mut PyObject] {
    if args.is_null() { &[] } else { tuple::items(args) }
}

/// Arity check in the style of CPython's `_PyArg_CheckPositional`.
pub(crate) fn arity(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if min == max && n != min {
        return Err(type_error(format!("{name} expected {min} {}, got {n}", plural(min))));
    }
    if n < min {
        return Err(type_error(format!("{name} expected at least {min} {}, got {n}", plural(min))));
    }
    if n > max {
        return Err(type_error(format!("{name} expected at most {max} {}, got {n}", plural(max))));
    }
    Ok(())
}

/// Positional-or-keyword arguments `names` of `name()` (the shared binder's checks and
/// messages); each argument or NULL when not given.
pub(crate) unsafe fn parse_kw<const N: usize>(
    name: &'static str,
    args: *mut PyObject,
    kwds: *mut PyObject,
    names: &'static [&'static str; N],
) -> PyResult<[*mut PyObject; N]> {
    bind_tuple_dict_array(&Params { function: name, names, positional_only: 0, max_positional: N, required: 0 }, args, kwds)
}

/// The given arguments, in order, up to the first missing one (for the positional code).
fn given(v: &[*mut PyObject]) -> Vec<*mut PyObject> {
    let n = v.iter().rposition(|p| !p.is_null()).map_or(0, |i| i + 1);
    v[..n].to_vec()
}

fn wrap(r: PyResult<PyRef>) -> *mut PyObject {
    ret_obj(r)
}

/// The bytes of `self`, a bytes or a bytearray: every method here serves both types.
/// Borrowed: callers convert their arguments (which may run Python code that resizes a
/// bytearray) before taking it.
#[inline]
pub(crate) unsafe fn data_of<'a>(self_: *mut PyObject) -> &'a [u8] {
    if is_bytes(self_) { crate::objects::bytes::as_slice(self_) } else { bytearray::as_slice(self_) }
}

/// A result of `self`'s kind: a bytes for a bytes, a new bytearray for a bytearray.
#[inline]
unsafe fn make(self_: *mut PyObject, data: &[u8]) -> PyResult<PyRef> {
    if is_bytes(self_) { crate::objects::bytes::from_slice(data) } else { bytearray::from_slice(data) }
}

/// A result that is `self` unchanged: the same object for an exact bytes, a copy otherwise.
unsafe fn same_or_copy(self_: *mut PyObject, data: &[u8]) -> PyResult<PyRef> {
    if is_exact(self_) && data.len() == data_of(self_).len() && data.as_ptr() == data_of(self_).as_ptr() {
        return Ok(new_ref(self_));
    }
    make(self_, data)
}

/// `[start:end]` bounds from optional slice-index arguments (None allowed): `end` clipped to
/// the length, `start` only from below, so a start past the end finds nothing (not even
/// an empty needle), as in CPython.
unsafe fn bounds(args: &[*mut PyObject], n: usize) -> PyResult<(usize, usize)> {
    let get = |o: Option<&*mut PyObject>, dflt: Py_ssize_t| -> PyResult<Py_ssize_t> {
        match o {
            Some(&o) if o != crate::abstract_::none() => {
                if !crate::abstract_::item::is_index(o) {
                    return Err(type_error("slice indices must be integers or None or have an __index__ method"));
                }
                crate::abstract_::item::as_ssize(o, None)
            }
            _ => Ok(dflt),
        }
    };
    let n = n as Py_ssize_t;
    let clip = |v: Py_ssize_t| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = get(args.first(), 0)?;
    let start = if start < 0 { (start + n).max(0) } else { start };
    let end = clip(get(args.get(1), n)?);
    Ok((start as usize, end as usize))
}

/// The needle of find/count/index: a bytes-like or an int in range(256).
unsafe fn needle(o: *mut PyObject) -> PyResult<Vec<u8>> {
    if crate::abstract_::item::is_index(o) {
        let v = crate::abstract_::item::as_ssize(o, None)?;
        if !(0..256).contains(&v) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "byte must be in range(0, 256)"));
        }
        return Ok(vec![v as u8]);
    }
    bytes_like(o).map_err(|_| {
        crate::errors::pyerr::PyErr_Clear();
        type_error(format!("argument should be integer or bytes-like object, not '{}'", tp_name(o)))
    })
}

/// find/rfind/index/rindex: the index or None.
unsafe fn search(self_: *mut PyObject, args: *mut PyObject, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let a = argv(args);
    if a.is_empty() || a.len() > 3 {
        return Err(type_error(if a.is_empty() {
            format!("{name}() takes at least 1 argument (0 given)")
        } else {
            format!("{name}() takes at most 3 arguments ({} given)", a.len())
        }));
    }
    let sub = needle(a[0])?;
    let hay = data_of(self_);
    let (start, end) = bounds(&a[1..], hay.len())?;
    if start > end || end - start < sub.len() {
        return Ok(if sub.is_empty() && start <= end { Some(start) } else { None });
    }
    let window = &hay[start..end];
    Ok(if rev { rfind_in(window, &sub) } else { find_in(window, &sub, 0) }.map(|i| i + start))
}

unsafe fn index_result(r: PyResult<Option<usize>>, missing_is_error: bool) -> *mut PyObject {
    match r {
        Ok(Some(i)) => ret_obj(crate::objects::int::from_i64(i as i64)),
        Ok(None) if missing_is_error => {
            let _ = raise_type(&raw mut exc::_PyExc_ValueError, "subsection not found");
            core::ptr::null_mut()
        }
        Ok(None) => ret_obj(crate::objects::int::from_i64(-1)),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn find(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { index_result(search(s, a, "find", false), false) }
unsafe extern "C" fn rfind(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { index_result(search(s, a, "rfind", true), false) }
unsafe extern "C" fn index(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { index_result(search(s, a, "index", false), true) }
unsafe extern "C" fn rindex(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { index_result(search(s, a, "rindex", true), true) }

unsafe extern "C" fn count(self_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = argv(args);
        if a.is_empty() || a.len() > 3 {
            return Err(type_error(if a.is_empty() {
                "count() takes at least 1 argument (0 given)".to_string()
            } else {
                format!("count() takes at most 3 arguments ({} given)", a.len())
            }));
        }
        let sub = needle(a[0])?;
        let hay = data_of(self_);
        let (start, end) = bounds(&a[1..], hay.len())?;
        if start > end {
            return crate::objects::int::from_i64(0);
        }
        let w = &hay[start..end];
        let n = if sub.is_empty() {
            w.len() + 1
        } else {
            let mut n = 0;
            let mut i = 0;
            while let Some(j) = find_in(w, &sub, i) {
                n += 1;
                i = j + sub.len();
            }
            n
        };
        crate::objects::int::from_i64(n as i64)
    })())
}

/// startswith/endswith: a bytes-like or a tuple of them, with optional bounds.
unsafe fn affix(self_: *mut PyObject, args: *mut PyObject, name: &str, end_side: bool) -> PyResult<PyRef> {
    let a = argv(args);
    arity(name, a.len(), 1, 3)?;
    let hay = data_of(self_);
    let (start, end) = bounds(&a[1..], hay.len())?;
    let test = |p: &[u8]| start <= end && end - start >= p.len() && if end_side { &hay[end - p.len()..end] == p } else { &hay[start..start + p.len()] == p };
    let arg = a[0];
    let hit = if tuple::is_tuple(arg) {
        let mut hit = false;
        for &p in tuple::items(arg) {
            if test(&bytes_like(p)?) {
                hit = true;
                break;
            }
        }
        hit
    } else {
        let p = bytes_like(arg).map_err(|_| {
            crate::errors::pyerr::PyErr_Clear();
            type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", tp_name(arg)))
        })?;
        test(&p)
    };
    Ok(crate::abstract_::compare::bool_ref(hit))
}

unsafe extern "C" fn startswith(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(affix(s, a, "startswith", false)) }
unsafe extern "C" fn endswith(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(affix(s, a, "endswith", true)) }

/// strip/lstrip/rstrip: ASCII whitespace, or the bytes of the argument.
unsafe fn strip_impl(self_: *mut PyObject, args: *mut PyObject, name: &str, left: bool, right: bool) -> PyResult<PyRef> {
    let a = argv(args);
    arity(name, a.len(), 0, 1)?;
    let chars: Option<Vec<u8>> = match a.first() {
        Some(&o) if o != crate::abstract_::none() => Some(bytes_like(o)?),
        _ => None,
    };
    let strip = |b: u8| match &chars {
        Some(c) => c.contains(&b),
        None => is_space(b),
    };
    let s = data_of(self_);
    let mut i = 0;
    let mut j = s.len();
    if left {
        while i < j && strip(s[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(s[j - 1]) {
            j -= 1;
        }
    }
    same_or_copy(self_, &s[i..j])
}

unsafe extern "C" fn strip(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(strip_impl(s, a, "strip", true, true)) }
unsafe extern "C" fn lstrip(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(strip_impl(s, a, "lstrip", true, false)) }
unsafe extern "C" fn rstrip(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(strip_impl(s, a, "rstrip", false, true)) }

/// Python's bytes whitespace: space, \t \n \v \f \r.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

unsafe fn list_of(self_: *mut PyObject, parts: Vec<&[u8]>) -> PyResult<PyRef> {
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(make(self_, p)?);
    }
    crate::objects::list::from_vec(items)
}

/// split/rsplit(sep=None, maxsplit=-1), positional only here.
unsafe fn split_impl(self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject, name: &'static str, rev: bool) -> PyResult<PyRef> {
    let a = parse_kw(name, args, kwds, &["sep", "maxsplit"])?;
    let sep = match a[0] {
        o if !o.is_null() && o != crate::abstract_::none() => Some(bytes_like(o)?),
        _ => None,
    };
    let maxsplit = match a[1] {
        o if !o.is_null() => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?,
        _ => -1,
    };
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let s = data_of(self_);
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "empty separator"));
            }
            if !rev {
                let mut i = 0;
                while left > 0 {
                    let Some(j) = find_in(s, &sep, i) else { break };
                    parts.push(&s[i..j]);
                    i = j + sep.len();
                    left -= 1;
                }
                parts.push(&s[i..]);
            } else {
                let mut end = s.len();
                while left > 0 {
                    let Some(j) = rfind_in(&s[..end], &sep) else { break };
                    parts.push(&s[j + sep.len()..end]);
                    end = j;
                    left -= 1;
                }
                parts.push(&s[..end]);
                parts.reverse();
            }
        }
        None => {
            if !rev {
                let mut i = 0;
                loop {
                    while i < s.len() && is_space(s[i]) {
                        i += 1;
                    }
                    if i == s.len() {
                        break;
                    }
                    if left == 0 {
                        // The rest, trailing whitespace included, is the last part.
                        parts.push(&s[i..]);
                        break;
                    }
                    let mut j = i;
                    while j < s.len() && !is_space(s[j]) {
                        j += 1;
                    }
                    parts.push(&s[i..j]);
                    left -= 1;
                    i = j;
                }
            } else {
                let mut j = s.len();
                loop {
                    while j > 0 && is_space(s[j - 1]) {
                        j -= 1;
                    }
                    if j == 0 {
                        break;
                    }
                    if left == 0 {
                        parts.push(&s[..j]);
                        break;
                    }
                    let mut i = j;
                    while i > 0 && !is_space(s[i - 1]) {
                        i -= 1;
                    }
                    parts.push(&s[i..j]);
                    left -= 1;
                    j = i;
                }
                parts.reverse();
            }
        }
    }
    list_of(self_, parts)
}

unsafe extern "C" fn split(s: *mut PyObject, a: *mut PyObject, k: *mut PyObject) -> *mut PyObject { wrap(split_impl(s, a, k, "split", false)) }
unsafe extern "C" fn rsplit(s: *mut PyObject, a: *mut PyObject, k: *mut PyObject) -> *mut PyObject { wrap(split_impl(s, a, k, "rsplit", true)) }

/// splitlines(keepends=False): at \n, \r and \r\n.
unsafe extern "C" fn splitlines(self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = parse_kw("splitlines", args, kwds, &["keepends"])?;
        let keep = if a[0].is_null() { false } else {
            if crate::objects::float::is_float(a[0]) {
                return Err(type_error("'float' object cannot be interpreted as an integer"));
            }
            crate::abstract_::object::is_true(a[0])?
        };
        let s = data_of(self_);
        let mut parts: Vec<&[u8]> = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let mut j = i;
            while j < s.len() && s[j] != b'\n' && s[j] != b'\r' {
                j += 1;
            }
            let mut eol = j;
            if j < s.len() {
                eol = if s[j] == b'\r' && s.get(j + 1) == Some(&b'\n') { j + 2 } else { j + 1 };
            }
            parts.push(&s[i..if keep { eol } else { j }]);
            i = eol;
        }
        list_of(self_, parts)
    })())
}

/// expandtabs(tabsize=8).
unsafe extern "C" fn expandtabs(self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = parse_kw("expandtabs", args, kwds, &["tabsize"])?;
        let tab = if a[0].is_null() { 8 } else { crate::abstract_::item::as_ssize(a[0], Some(&raw mut exc::_PyExc_OverflowError))? };
        let mut out = Vec::new();
        let mut col = 0usize;
        for &b in data_of(self_) {
            match b {
                b'\t' => {
                    if tab > 0 {
                        let n = tab as usize - col % tab as usize;
                        out.resize(out.len() + n, b' ');
                        col += n;
                    }
                }
                b'\n' | b'\r' => {
                    out.push(b);
                    col = 0;
                }
                _ => {
                    out.push(b);
                    col += 1;
                }
            }
        }
        make(self_, &out)
    })())
}

/// `PyObject *_PyBytes_Join(PyObject *sep, PyObject *iterable)`: `sep.join(iterable)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_Join(sep: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    if sep.is_null() || it.is_null() || !crate::objects::bytes::is_bytes(sep) {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    join(sep, it)
}

unsafe extern "C" fn join(self_: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let items = crate::abstract_::iter::collect(it)?;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let part = bytes_like(item.as_ptr()).map_err(|_| {
                crate::errors::pyerr::PyErr_Clear();
                type_error(format!("sequence item {i}: expected a bytes-like object, {} found", tp_name(item.as_ptr())))
            })?;
            if i > 0 {
                // Taken afresh: converting an item may have resized a bytearray separator.
                out.extend_from_slice(data_of(self_));
            }
            out.extend_from_slice(&part);
        }
        if items.len() == 1 && is_exact(items[0].as_ptr()) && is_bytes(self_) {
            return Ok(items[0].clone());
        }
        make(self_, &out)
    })())
}

unsafe extern "C" fn replace(self_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = argv(args);
        arity("replace", a.len(), 2, 3)?;
        let old = bytes_like(a[0])?;
        let new = bytes_like(a[1])?;
        let count = match a.get(2) {
            Some(&o) => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => -1,
        };
        let mut left = if count < 0 { usize::MAX } else { count as usize };
        let s = data_of(self_);
        let mut out = Vec::with_capacity(s.len());
        if old.is_empty() {
            for (k, &b) in s.iter().enumerate() {
                if left > 0 {
                    out.extend_from_slice(&new);
                    left -= 1;
                }
                out.push(b);
                let _ = k;
            }
            if left > 0 {
                out.extend_from_slice(&new);
            }
        } else {
            let mut i = 0;
            while left > 0 {
                let Some(j) = find_in(s, &old, i) else { break };
                out.extend_from_slice(&s[i..j]);
                out.extend_from_slice(&new);
                i = j + old.len();
                left -= 1;
            }
            out.extend_from_slice(&s[i..]);
        }
        if out == s {
            return same_or_copy(self_, s);
        }
        make(self_, &out)
    })())
}

unsafe fn map_bytes(self_: *mut PyObject, f: impl Fn(&[u8]) -> Vec<u8>) -> *mut PyObject {
    wrap(make(self_, &f(data_of(self_))))
}

unsafe extern "C" fn upper(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject { map_bytes(s, |d| d.to_ascii_uppercase()) }
unsafe extern "C" fn lower(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject { map_bytes(s, |d| d.to_ascii_lowercase()) }
unsafe extern "C" fn swapcase(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    map_bytes(s, |d| d.iter().map(|&b| if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect())
}
unsafe extern "C" fn capitalize(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    map_bytes(s, |d| d.iter().enumerate().map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect())
}
unsafe extern "C" fn title(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    map_bytes(s, |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

unsafe fn predicate(s: *mut PyObject, f: impl Fn(&[u8]) -> bool) -> *mut PyObject {
    crate::abstract_::compare::bool_ref(f(data_of(s))).into_ptr()
}

unsafe extern "C" fn isdigit(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject { predicate(s, |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit)) }
unsafe extern "C" fn isalpha(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject { predicate(s, |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)) }
unsafe extern "C" fn isalnum(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject { predicate(s, |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)) }
unsafe extern "C" fn isspace(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject { predicate(s, |d| !d.is_empty() && d.iter().all(|&b| is_space(b))) }
unsafe extern "C" fn isascii(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject { predicate(s, |d| d.is_ascii()) }
unsafe extern "C" fn islower(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    predicate(s, |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}
unsafe extern "C" fn isupper(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    predicate(s, |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}
unsafe extern "C" fn istitle(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    predicate(s, |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// partition/rpartition.
unsafe fn partition_impl(self_: *mut PyObject, sep: *mut PyObject, rev: bool) -> PyResult<PyRef> {
    let sep = bytes_like(sep)?;
    if sep.is_empty() {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "empty separator"));
    }
    let s = data_of(self_);
    let at = if rev { rfind_in(s, &sep) } else { find_in(s, &sep, 0) };
    match at {
        Some(i) => tuple::from_vec(vec![make(self_, &s[..i])?, make(self_, &sep)?, make(self_, &s[i + sep.len()..])?]),
        None if rev => tuple::from_vec(vec![make(self_, &[])?, make(self_, &[])?, same_or_copy(self_, s)?]),
        None => tuple::from_vec(vec![same_or_copy(self_, s)?, make(self_, &[])?, make(self_, &[])?]),
    }
}

unsafe extern "C" fn partition(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(partition_impl(s, a, false)) }
unsafe extern "C" fn rpartition(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(partition_impl(s, a, true)) }

/// center/ljust/rjust(width, fillbyte=b' ').
unsafe fn pad_impl(self_: *mut PyObject, args: *mut PyObject, name: &str) -> PyResult<PyRef> {
    let a = argv(args);
    arity(name, a.len(), 1, 2)?;
    let width = crate::abstract_::item::as_ssize(a[0], Some(&raw mut exc::_PyExc_OverflowError))?;
    let fill = match a.get(1) {
        Some(&f) if (is_bytes(f) || bytearray::is_bytearray(f)) && data_of(f).len() == 1 => data_of(f)[0],
        Some(&f) => {
            return Err(type_error(format!("{name}() argument 2 must be a byte string of length 1, not {}", tp_name(f))))
        }
        None => b' ',
    };
    let s = data_of(self_);
    if width <= s.len() as Py_ssize_t {
        return same_or_copy(self_, s);
    }
    let extra = width as usize - s.len();
    let left = match name {
        "ljust" => 0,
        "rjust" => extra,
        // CPython's centering puts the odd byte on the left when the width is odd.
        _ => extra / 2 + (extra & width as usize & 1),
    };
    let mut out = vec![fill; width as usize];
    out[left..left + s.len()].copy_from_slice(s);
    make(self_, &out)
}

unsafe extern "C" fn center(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(pad_impl(s, a, "center")) }
unsafe extern "C" fn ljust(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(pad_impl(s, a, "ljust")) }
unsafe extern "C" fn rjust(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject { wrap(pad_impl(s, a, "rjust")) }

unsafe extern "C" fn zfill(self_: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let width = crate::abstract_::item::as_ssize(w, Some(&raw mut exc::_PyExc_OverflowError))?;
        let s = data_of(self_);
        if width <= s.len() as Py_ssize_t {
            return same_or_copy(self_, s);
        }
        let fill = width as usize - s.len();
        let mut out = vec![b'0'; fill];
        out.extend_from_slice(s);
        if matches!(s.first(), Some(b'+' | b'-')) {
            out[0] = s[0];
            out[fill] = b'0';
        }
        make(self_, &out)
    })())
}

unsafe extern "C" fn removeprefix(self_: *mut PyObject, p: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let p = bytes_like(p)?;
        let s = data_of(self_);
        same_or_copy(self_, s.strip_prefix(&p[..]).unwrap_or(s))
    })())
}

unsafe extern "C" fn removesuffix(self_: *mut PyObject, p: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let p = bytes_like(p)?;
        let s = data_of(self_);
        same_or_copy(self_, if p.is_empty() { s } else { s.strip_suffix(&p[..]).unwrap_or(s) })
    })())
}

/// The `sep` argument of `hex()` (and `binascii.hexlify`, which also takes a non-ASCII
/// byte or Latin-1 character: `any_byte`): one character, str or bytes-like.
pub(crate) unsafe fn hex_separator(o: *mut PyObject, any_byte: bool) -> PyResult<u8> {
    let c: u32 = if pystr::is_str(o) {
        let text = pystr::to_string(o);
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if any_byte || (c as u32) < 0x80 => c as u32,
            (Some(c), None) => c as u32 | 0x100,
            _ => return Err(raise_type(&raw mut exc::_PyExc_ValueError, "sep must be length 1.")),
        }
    } else {
        match bytes_like(o)?[..] {
            [b] => b as u32,
            _ => return Err(raise_type(&raw mut exc::_PyExc_ValueError, "sep must be length 1.")),
        }
    };
    if c > 0xff || (c > 0x7f && !any_byte) {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "sep must be ASCII."));
    }
    Ok(c as u8)
}

/// `s` in lowercase hex digits, `sep` between groups of `group` bytes (counted from the
/// right when positive, from the left when negative).
pub(crate) fn hex_text(s: &[u8], sep: Option<u8>, group: isize) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(s.len() * 3);
    let g = group.unsigned_abs().max(1);
    for (i, &b) in s.iter().enumerate() {
        if let Some(sep) = sep {
            let boundary = if group >= 0 { i > 0 && (s.len() - i) % g == 0 } else { i > 0 && i % g == 0 };
            if boundary && group != 0 {
                out.push(sep);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    out
}

/// hex(sep=..., bytes_per_sep=1), positional only here.
pub(crate) unsafe extern "C" fn hex(self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = given(&parse_kw("hex", args, kwds, &["sep", "bytes_per_sep"])?);
        let sep = match a.first() {
            Some(&o) if !o.is_null() => Some(hex_separator(o, false)?),
            _ => None,
        };
        let group = match a.get(1) {
            Some(&o) if !o.is_null() => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?,
            _ => 1,
        };
        // ASCII only: `hex_separator` refused other separators.
        pystr::from_utf8(&String::from_utf8(hex_text(data_of(self_), sep, group)).unwrap_or_default())
    })())
}

unsafe extern "C" fn fromhex(cls: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        if !pystr::is_str(s) {
            return Err(type_error(format!("fromhex() argument must be str, not {}", tp_name(s))));
        }
        let n = pystr::len(s);
        let mut out = Vec::with_capacity(n / 2);
        let digit = |i: usize| char::from_u32(pystr::read_char(s, i)).and_then(|c| c.to_digit(16));
        let mut i = 0;
        while i < n {
            // ASCII whitespace between pairs is skipped (space, \t \n \v \f \r).
            if matches!(pystr::read_char(s, i), 0x20 | 0x09..=0x0d) {
                i += 1;
                continue;
            }
            let bad = |pos| raise_type(&raw mut exc::_PyExc_ValueError, format!("non-hexadecimal number found in fromhex() arg at position {pos}"));
            let hi = digit(i).ok_or_else(|| bad(i))?;
            let lo = if i + 1 < n { digit(i + 1).ok_or_else(|| bad(i + 1))? } else { return Err(bad(i + 1)) };
            out.push((hi * 16 + lo) as u8);
            i += 2;
        }
        if cls == &raw mut bytearray::PyByteArray_Type as *mut PyObject {
            return bytearray::from_slice(&out);
        }
        let b = crate::objects::bytes::from_slice(&out)?;
        if cls == &raw mut crate::objects::bytes::PyBytes_Type as *mut PyObject {
            return Ok(b);
        }
        PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(cls, b.as_ptr()))
            .ok_or_else(crate::errors::raised::Raised::assume_set)
    })())
}

/// `bytes.maketrans(frm, to)` (a static method of both types; always a bytes).
unsafe extern "C" fn maketrans(_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = argv(args);
        arity("maketrans", a.len(), 2, 2)?;
        let from = bytes_like(a[0])?;
        let to = bytes_like(a[1])?;
        if from.len() != to.len() {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "maketrans arguments must have same length"));
        }
        let mut table: Vec<u8> = (0..=255).collect();
        for (&f, &t) in from.iter().zip(&to) {
            table[f as usize] = t;
        }
        crate::objects::bytes::from_slice(&table)
    })())
}

/// `translate(table, /, delete=b'')`: map each byte through `table` (None: unchanged),
/// dropping those in `delete`.
unsafe extern "C" fn translate(self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        static TRANSLATE: Params =
            Params { function: "translate", names: &["table", "delete"], positional_only: 1, max_positional: 2, required: 1 };
        let a: [*mut PyObject; 2] = bind_tuple_dict_array(&TRANSLATE, args, kwds)?;
        let table = if a[0] == crate::abstract_::none() {
            None
        } else {
            let t = bytes_like(a[0])?;
            if t.len() != 256 {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "translation table must be 256 characters long"));
            }
            Some(t)
        };
        let delete = if a[1].is_null() { Vec::new() } else { bytes_like(a[1])? };
        let mut drop = [false; 256];
        for &d in &delete {
            drop[d as usize] = true;
        }
        let s = data_of(self_);
        let out: Vec<u8> = s.iter().filter(|&&b| !drop[b as usize]).map(|&b| table.as_ref().map_or(b, |t| t[b as usize])).collect();
        if table.is_none() && out.len() == s.len() {
            return same_or_copy(self_, s);
        }
        make(self_, &out)
    })())
}

/// The methods bytes and bytearray share (same functions: they dispatch on `self`).
pub(crate) const SHARED_METHODS: [PyMethodDef; 42] = [
    plain(c"maketrans", maketrans, METH_VARARGS | METH_STATIC),
    with_kw(c"translate", translate, METH_VARARGS | METH_KEYWORDS),
    plain(c"capitalize", capitalize, METH_NOARGS),
    plain(c"center", center, METH_VARARGS),
    plain(c"count", count, METH_VARARGS),
    fast_kw(c"decode", crate::codecs::methods::bytes_decode, METH_FASTCALL | METH_KEYWORDS),
    plain(c"endswith", endswith, METH_VARARGS),
    plain(c"find", find, METH_VARARGS),
    plain(c"fromhex", fromhex, METH_O | METH_CLASS),
    with_kw(c"hex", hex, METH_VARARGS | METH_KEYWORDS),
    with_kw(c"expandtabs", expandtabs, METH_VARARGS | METH_KEYWORDS),
    plain(c"index", index, METH_VARARGS),
    plain(c"isalnum", isalnum, METH_NOARGS),
    plain(c"isalpha", isalpha, METH_NOARGS),
    plain(c"isascii", isascii, METH_NOARGS),
    plain(c"isdigit", isdigit, METH_NOARGS),
    plain(c"islower", islower, METH_NOARGS),
    plain(c"isspace", isspace, METH_NOARGS),
    plain(c"istitle", istitle, METH_NOARGS),
    plain(c"isupper", isupper, METH_NOARGS),
    plain(c"join", join, METH_O),
    plain(c"ljust", ljust, METH_VARARGS),
    plain(c"lower", lower, METH_NOARGS),
    plain(c"lstrip", lstrip, METH_VARARGS),
    plain(c"partition", partition, METH_O),
    plain(c"removeprefix", removeprefix, METH_O),
    plain(c"removesuffix", removesuffix, METH_O),
    plain(c"replace", replace, METH_VARARGS),
    plain(c"rfind", rfind, METH_VARARGS),
    plain(c"rindex", rindex, METH_VARARGS),
    plain(c"rjust", rjust, METH_VARARGS),
    plain(c"rpartition", rpartition, METH_O),
    with_kw(c"rsplit", rsplit, METH_VARARGS | METH_KEYWORDS),
    plain(c"rstrip", rstrip, METH_VARARGS),
    with_kw(c"split", split, METH_VARARGS | METH_KEYWORDS),
    with_kw(c"splitlines", splitlines, METH_VARARGS | METH_KEYWORDS),
    plain(c"startswith", startswith, METH_VARARGS),
    plain(c"strip", strip, METH_VARARGS),
    plain(c"swapcase", swapcase, METH_NOARGS),
    plain(c"title", title, METH_NOARGS),
    plain(c"upper", upper, METH_NOARGS),
    plain(c"zfill", zfill, METH_O),
];

unsafe extern "C" fn getnewargs(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    wrap(crate::objects::bytes::from_slice(data_of(self_)).and_then(|b| tuple::from_vec(vec![b])))
}

/// `bytes.__bytes__()`: self for an exact bytes, a copy as bytes for a subclass.
unsafe extern "C" fn dunder_bytes(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    if (*self_).ob_type == &raw mut crate::objects::bytes::PyBytes_Type {
        return new_ref(self_).into_ptr();
    }
    wrap(crate::objects::bytes::from_slice(data_of(self_)))
}

/// bytes' `tp_methods`.
pub(crate) static mut BYTES_METHODS: [PyMethodDef; 45] = concat(&[&[
    plain(c"__getnewargs__", getnewargs, METH_NOARGS),
    plain(c"__bytes__", dunder_bytes, METH_NOARGS).doc(c"__bytes__($self, /)\n--\n\nConvert this value to exact type bytes."),
], &SHARED_METHODS]);

/// `PyObject *_PyBytes_FromHex(PyObject *string, int use_bytearray)`: what
/// `bytes.fromhex(string)` (or `bytearray.fromhex`) returns.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_FromHex(string: *mut PyObject, use_bytearray: core::ffi::c_int) -> *mut PyObject {
    if string.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    let cls = if use_bytearray != 0 {
        &raw mut bytearray::PyByteArray_Type as *mut PyObject
    } else {
        &raw mut crate::objects::bytes::PyBytes_Type as *mut PyObject
    };
    fromhex(cls, string)
}
