//! Splitting strs: `split`, `rsplit`, `splitlines`, `partition`, `rpartition` and the C-API
//! `PyUnicode_Split`, `RSplit`, `Splitlines`, `Partition`, `RPartition`.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::str_access::{substring, units};
use crate::object::method_table::{fast_kw, plain};
use crate::objects::str_search::{ensure_str, find_bytes, needle_bytes, rfind_bytes};
use crate::objects::{list, tuple};
use crate::pyport::Py_ssize_t;

pub(crate) const METHODS: &[PyMethodDef] = &[
    fast_kw(c"split", split, METH_FASTCALL | METH_KEYWORDS),
    fast_kw(c"rsplit", rsplit, METH_FASTCALL | METH_KEYWORDS),
    fast_kw(c"splitlines", splitlines, METH_FASTCALL | METH_KEYWORDS),
    plain(c"partition", partition, METH_O),
    plain(c"rpartition", rpartition, METH_O),
];

/// Whether `c` is whitespace as `str.isspace()` and `str.split()` see it.
pub(crate) fn is_space(c: Py_UCS4) -> bool {
    crate::objects::unicode_db::is_space(c)
}

/// Whether `c` ends a line for `str.splitlines()`.
pub(crate) fn is_linebreak(c: Py_UCS4) -> bool {
    matches!(c, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

/// The parts of `s` split at `sep` (None: runs of whitespace), at most `maxsplit` splits
/// (negative: no limit), from the left or the right.
///
/// # Safety
/// `s` is a live str, `sep` NULL or a live str.
pub(crate) unsafe fn split_parts(s: *mut PyObject, sep: *mut PyObject, maxsplit: Py_ssize_t, forward: bool) -> PyResult<Vec<PyRef>> {
    let n = pystr::len(s);
    let mut max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    if sep.is_null() {
        let u = units(s);
        let ws = |i: usize| is_space(u.get(i));
        if forward {
            let mut i = 0;
            while max > 0 {
                while i < n && ws(i) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                let j = i;
                while i < n && !ws(i) {
                    i += 1;
                }
                out.push(substring(s, j, i)?);
                max -= 1;
            }
            while i < n && ws(i) {
                i += 1;
            }
            if i < n {
                out.push(substring(s, i, n)?);
            }
        } else {
            let mut i = n;
            while max > 0 {
                while i > 0 && ws(i - 1) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                let j = i;
                while i > 0 && !ws(i - 1) {
                    i -= 1;
                }
                out.push(substring(s, i, j)?);
                max -= 1;
            }
            while i > 0 && ws(i - 1) {
                i -= 1;
            }
            if i > 0 {
                out.push(substring(s, 0, i)?);
            }
            out.reverse();
        }
        return Ok(out);
    }
    let m = pystr::len(sep);
    if m == 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "empty separator"));
    }
    let size = pystr::kind(s);
    let hay = pystr::data_bytes(s);
    let Some(needle) = needle_bytes(units(sep), size) else {
        return Ok(vec![substring(s, 0, n)?]);
    };
    if forward {
        let mut pos = 0;
        while max > 0 {
            let Some(i) = find_bytes(&hay[pos * size..], &needle, size) else { break };
            out.push(substring(s, pos, pos + i)?);
            pos += i + m;
            max -= 1;
        }
        out.push(substring(s, pos, n)?);
    } else {
        let mut end = n;
        while max > 0 {
            let Some(i) = rfind_bytes(&hay[..end * size], &needle, size) else { break };
            out.push(substring(s, i + m, end)?);
            end = i;
            max -= 1;
        }
        out.push(substring(s, 0, end)?);
        out.reverse();
    }
    Ok(out)
}

/// The lines of `s`, with their line ends when `keepends` (`\r\n` is one end).
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn lines(s: *mut PyObject, keepends: bool) -> PyResult<Vec<PyRef>> {
    let u = units(s);
    let n = u.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n && !is_linebreak(u.get(i)) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if u.get(i) == '\r' as u32 && i + 1 < n && u.get(i + 1) == '\n' as u32 {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(substring(s, start, eol)?);
    }
    Ok(out)
}

/// `(head, sep, tail)` around the first (or last) `sep` in `s`.
///
/// # Safety
/// Both are live strs.
pub(crate) unsafe fn partition_parts(s: *mut PyObject, sep: *mut PyObject, forward: bool) -> PyResult<PyRef> {
    let m = pystr::len(sep);
    if m == 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "empty separator"));
    }
    let n = pystr::len(s);
    let at = crate::objects::str_search::find_in(s, sep, 0, Py_ssize_t::MAX, forward);
    let parts = match at {
        Some(i) => [substring(s, 0, i)?, new_ref(sep), substring(s, i + m, n)?],
        None if forward => [substring(s, 0, n)?, pystr::empty()?, pystr::empty()?],
        None => [pystr::empty()?, pystr::empty()?, substring(s, 0, n)?],
    };
    tuple::from_vec(parts.into())
}

unsafe fn sep_arg(o: Option<*mut PyObject>) -> PyResult<*mut PyObject> {
    match o {
        None => Ok(core::ptr::null_mut()),
        Some(o) if o == crate::abstract_::none() => Ok(core::ptr::null_mut()),
        Some(o) if pystr::is_str(o) => Ok(o),
        Some(o) => Err(type_error(format!("must be str or None, not {:.100}", tp_name(o)))),
    }
}

unsafe fn split_method(name: &'static str, s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject, forward: bool) -> PyResult<PyRef> {
    static SPLIT: Params = Params { function: "split", names: &["sep", "maxsplit"], positional_only: 0, max_positional: 2, required: 0 };
    static RSPLIT: Params = Params { function: "rsplit", names: &["sep", "maxsplit"], positional_only: 0, max_positional: 2, required: 0 };
    let a = bind(if name == "split" { &SPLIT } else { &RSPLIT }, args, nargs as usize, kwnames)?;
    let sep = sep_arg(a[0])?;
    let maxsplit = match a[1] {
        Some(o) => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?,
        None => -1,
    };
    list::from_vec(split_parts(s, sep, maxsplit, forward)?)
}

unsafe extern "C" fn split(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj(split_method("split", s, args, nargs, kwnames, true))
}

unsafe extern "C" fn rsplit(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    ret_obj(split_method("rsplit", s, args, nargs, kwnames, false))
}

unsafe extern "C" fn splitlines(s: *mut PyObject, args: *const *mut PyObject, nargs: Py_ssize_t, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "splitlines", names: &["keepends"], positional_only: 0, max_positional: 1, required: 0 };
    ret_obj((|| {
        let a = bind(&P, args, nargs as usize, kwnames)?;
        let keepends = match a[0] {
            Some(o) => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))? != 0,
            None => false,
        };
        list::from_vec(lines(s, keepends)?)
    })())
}

unsafe extern "C" fn partition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    ret_obj(ensure_str(sep).and_then(|sep| partition_parts(s, sep, true)))
}

unsafe extern "C" fn rpartition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    ret_obj(ensure_str(sep).and_then(|sep| partition_parts(s, sep, false)))
}

// ---- C-API ----------------------------------------------------------------------------------

/// `PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)`: a list.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Split(s: *mut PyObject, sep: *mut PyObject, maxsplit: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        ensure_str(s)?;
        let sep = if sep.is_null() { sep } else { ensure_str(sep)? };
        list::from_vec(split_parts(s, sep, maxsplit, true)?)
    })())
}

/// `PyObject *PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)`: a list.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_RSplit(s: *mut PyObject, sep: *mut PyObject, maxsplit: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        ensure_str(s)?;
        let sep = if sep.is_null() { sep } else { ensure_str(sep)? };
        list::from_vec(split_parts(s, sep, maxsplit, false)?)
    })())
}

/// `PyObject *PyUnicode_Splitlines(PyObject *s, int keepends)`: a list of lines.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Splitlines(s: *mut PyObject, keepends: core::ffi::c_int) -> *mut PyObject {
    ret_obj(ensure_str(s).and_then(|s| list::from_vec(lines(s, keepends != 0)?)))
}

/// `PyObject *PyUnicode_Partition(PyObject *s, PyObject *sep)`: a 3-tuple.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Partition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    ret_obj((|| partition_parts(ensure_str(s)?, ensure_str(sep)?, true))())
}

/// `PyObject *PyUnicode_RPartition(PyObject *s, PyObject *sep)`: a 3-tuple.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_RPartition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    ret_obj((|| partition_parts(ensure_str(s)?, ensure_str(sep)?, false))())
}
