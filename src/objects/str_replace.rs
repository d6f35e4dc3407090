//! Rewriting strs: `replace` (`PyUnicode_Replace`), `strip`/`lstrip`/`rstrip`
//! (`_PyUnicode_XStrip`), `removeprefix`, `removesuffix`.
use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::str_access::{code_points, copy_chars, max_char_value, substring, units};
use crate::object::method_table::{fast, plain};
use crate::objects::str_search::{ensure_str, find_bytes, needle_bytes, tailmatch};
use crate::objects::str_split::is_space;
use crate::pyport::Py_ssize_t;

pub(crate) const METHODS: &[PyMethodDef] = &[
    fast(c"replace", replace, METH_FASTCALL),
    fast(c"strip", strip, METH_FASTCALL),
    fast(c"lstrip", lstrip, METH_FASTCALL),
    fast(c"rstrip", rstrip, METH_FASTCALL),
    plain(c"removeprefix", removeprefix, METH_O),
    plain(c"removesuffix", removesuffix, METH_O),
];

/// `s` unchanged: itself when an exact str, else an exact copy.
unsafe fn unchanged(s: *mut PyObject) -> PyResult<PyRef> {
    substring(s, 0, pystr::len(s))
}

/// `s.replace(old, new, count)` (negative count: all).
///
/// # Safety
/// All three are live strs.
pub(crate) unsafe fn replace_str(s: *mut PyObject, old: *mut PyObject, new: *mut PyObject, count: Py_ssize_t) -> PyResult<PyRef> {
    let n = pystr::len(s);
    let (m, k) = (pystr::len(old), pystr::len(new));
    let max = if count < 0 { usize::MAX } else { count as usize };
    // Start indexes of the replaced occurrences.
    let mut hits = Vec::new();
    if m == 0 {
        hits.extend((0..=n).take(max));
    } else if let Some(needle) = needle_bytes(units(old), pystr::kind(s)) {
        let size = pystr::kind(s);
        let hay = pystr::data_bytes(s);
        let mut pos = 0;
        while hits.len() < max && pos + m <= n {
            let Some(i) = find_bytes(&hay[pos * size..], &needle, size) else { break };
            hits.push(pos + i);
            pos += i + m;
        }
    }
    if hits.is_empty() {
        return unchanged(s);
    }
    let total = (n - hits.len() * m)
        .checked_add(hits.len().checked_mul(k).unwrap_or(usize::MAX))
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| crate::object::pending_error::raise_type(&raw mut exc::_PyExc_OverflowError, "replace string is too long"))?;
    if total == 0 {
        return pystr::empty();
    }
    let maxchar = if k > 0 { max_char_value(s).max(max_char_value(new)) } else { max_char_value(s) };
    let r = pystr::new_compact(total, maxchar)?;
    let (mut from, mut to) = (0, 0);
    for &h in &hits {
        copy_chars(r.as_ptr(), to, s, from, h - from);
        to += h - from;
        copy_chars(r.as_ptr(), to, new, 0, k);
        to += k;
        from = h + m;
    }
    copy_chars(r.as_ptr(), to, s, from, n - from);
    // Replacing the widest characters by narrower ones may leave a str narrower than `s`.
    let may_shrink = max_char_value(old) == max_char_value(s) && (k == 0 || max_char_value(new) < max_char_value(s));
    if may_shrink {
        return crate::objects::str_access::narrowed(r);
    }
    Ok(r)
}

unsafe fn args<'a>(args: *const *mut PyObject, nargs: Py_ssize_t) -> &'a [*mut PyObject] {
    if nargs == 0 { &[] } else { core::slice::from_raw_parts(args, nargs as usize) }
}

fn arity(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if n < min {
        return Err(type_error(format!("{name} expected at least {min} {}, got {n}", plural(min))));
    }
    if n > max {
        return Err(type_error(format!("{name} expected at most {max} {}, got {n}", plural(max))));
    }
    Ok(())
}

unsafe extern "C" fn replace(s: *mut PyObject, a: *const *mut PyObject, nargs: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        let a = args(a, nargs);
        arity("replace", a.len(), 2, 3)?;
        for (i, &x) in a[..2].iter().enumerate() {
            if !pystr::is_str(x) {
                return Err(type_error(format!("replace() argument {} must be str, not {:.100}", i + 1, tp_name(x))));
            }
        }
        let count = match a.get(2) {
            Some(&c) => crate::abstract_::item::as_ssize(c, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => -1,
        };
        replace_str(s, a[0], a[1], count)
    })())
}

/// Which ends `strip` works on.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Ends {
    Left,
    Right,
    Both,
}

/// `s` without the leading/trailing code points in `chars` (NULL: whitespace).
///
/// # Safety
/// `s` is a live str, `chars` NULL or a live str.
pub(crate) unsafe fn strip_str(s: *mut PyObject, chars: *mut PyObject, ends: Ends) -> PyResult<PyRef> {
    let u = units(s);
    let n = u.len();
    let set: Vec<Py_UCS4> = if chars.is_null() { Vec::new() } else { code_points(chars).collect() };
    let strip = |c: Py_UCS4| if chars.is_null() { is_space(c) } else { set.contains(&c) };
    let mut i = 0;
    if ends != Ends::Right {
        while i < n && strip(u.get(i)) {
            i += 1;
        }
    }
    let mut j = n;
    if ends != Ends::Left {
        while j > i && strip(u.get(j - 1)) {
            j -= 1;
        }
    }
    substring(s, i, j)
}

unsafe fn strip_method(name: &str, s: *mut PyObject, a: *const *mut PyObject, nargs: Py_ssize_t, ends: Ends) -> PyResult<PyRef> {
    let a = args(a, nargs);
    arity(name, a.len(), 0, 1)?;
    let chars = match a.first() {
        None => core::ptr::null_mut(),
        Some(&c) if c == crate::abstract_::none() => core::ptr::null_mut(),
        Some(&c) if pystr::is_str(c) => c,
        Some(_) => return Err(type_error(format!("{name} arg must be None or str"))),
    };
    strip_str(s, chars, ends)
}

unsafe extern "C" fn strip(s: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj(strip_method("strip", s, a, n, Ends::Both))
}

unsafe extern "C" fn lstrip(s: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj(strip_method("lstrip", s, a, n, Ends::Left))
}

unsafe extern "C" fn rstrip(s: *mut PyObject, a: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj(strip_method("rstrip", s, a, n, Ends::Right))
}

unsafe fn remove_affix(name: &str, s: *mut PyObject, affix: *mut PyObject, prefix: bool) -> PyResult<PyRef> {
    if !pystr::is_str(affix) {
        return Err(type_error(format!("{name}() argument must be str, not {:.100}", tp_name(affix))));
    }
    let (n, m) = (pystr::len(s), pystr::len(affix));
    if m > 0 && tailmatch(s, affix, 0, Py_ssize_t::MAX, prefix) {
        return if prefix { substring(s, m, n) } else { substring(s, 0, n - m) };
    }
    unchanged(s)
}

unsafe extern "C" fn removeprefix(s: *mut PyObject, affix: *mut PyObject) -> *mut PyObject {
    ret_obj(remove_affix("removeprefix", s, affix, true))
}

unsafe extern "C" fn removesuffix(s: *mut PyObject, affix: *mut PyObject) -> *mut PyObject {
    ret_obj(remove_affix("removesuffix", s, affix, false))
}

// ---- C-API ----------------------------------------------------------------------------------

/// `PyObject *PyUnicode_Replace(PyObject *str, PyObject *substr, PyObject *replstr,
/// Py_ssize_t maxcount)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Replace(s: *mut PyObject, substr: *mut PyObject, replstr: *mut PyObject, maxcount: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| replace_str(ensure_str(s)?, ensure_str(substr)?, ensure_str(replstr)?, maxcount))())
}

/// `PyObject *_PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj)`: strip
/// the code points of `sepobj` from the left (0), right (1) or both ends (2).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_XStrip(s: *mut PyObject, striptype: core::ffi::c_int, sepobj: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        ensure_str(s)?;
        ensure_str(sepobj)?;
        let ends = match striptype {
            0 => Ends::Left,
            1 => Ends::Right,
            _ => Ends::Both,
        };
        strip_str(s, sepobj, ends)
    })())
}
