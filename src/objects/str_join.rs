//! Building strs from strs: `join`, concatenation (`+`, `PyUnicode_Concat`, `Append`,
//! `AppendAndDel`) and repetition (`*`). Each computes the result's length and largest code
//! point first, allocates once, and copies code units (widening where kinds differ).
use crate::abstract_::{new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, PyUnicode_Type};
use crate::objects::str_access::max_char_value;
use crate::object::method_table::plain;
use crate::objects::str_search::ensure_str;
use crate::pyport::Py_ssize_t;

pub(crate) const METHODS: &[PyMethodDef] = &[plain(c"join", join, METH_O)];

unsafe fn is_exact(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyUnicode_Type
}

/// A new str of `parts` concatenated, `sep` between them.
///
/// # Safety
/// Every pointer is a live str (`sep` may be NULL).
pub(crate) unsafe fn concat_all(parts: &[*mut PyObject], sep: *mut PyObject) -> PyResult<PyRef> {
    let sep_len = if sep.is_null() { 0 } else { pystr::len(sep) };
    let mut total: usize = 0;
    let mut max = if sep.is_null() || parts.len() < 2 { 0 } else { max_char_value(sep) };
    for (i, &p) in parts.iter().enumerate() {
        total = total
            .checked_add(pystr::len(p))
            .and_then(|t| t.checked_add(if i > 0 { sep_len } else { 0 }))
            .filter(|&t| t <= isize::MAX as usize)
            .ok_or_else(|| raise_type(&raw mut exc::_PyExc_OverflowError, "join() result is too long for a Python string"))?;
        max = max.max(max_char_value(p));
    }
    if total == 0 {
        return pystr::empty();
    }
    let r = pystr::new_compact(total, max)?;
    let kind = pystr::kind(r.as_ptr());
    let d = pystr::data(r.as_ptr());
    let mut pos = 0;
    for (i, &p) in parts.iter().enumerate() {
        if i > 0 && sep_len > 0 {
            copy_any(d, kind, pos, sep);
            pos += sep_len;
        }
        copy_any(d, kind, pos, p);
        pos += pystr::len(p);
    }
    Ok(r)
}

/// Copies the str `src` into a buffer of `kind` at `pos` (memcpy for equal kinds).
#[inline]
unsafe fn copy_any(d: *mut u8, kind: usize, pos: usize, src: *mut PyObject) {
    let n = pystr::len(src);
    if pystr::kind(src) == kind {
        core::ptr::copy_nonoverlapping(pystr::data(src), d.add(pos * kind), n * kind);
    } else {
        crate::objects::str_access::write_units_from(kind, d.add(pos * kind), src);
    }
}

/// `sep.join(iterable)`.
///
/// # Safety
/// `sep` is a live str (or NULL: a space), `seq` a live object.
pub(crate) unsafe fn join_iterable(sep: *mut PyObject, seq: *mut PyObject) -> PyResult<PyRef> {
    let fast = crate::abstract_::sequence::fast(seq, "can only join an iterable")?;
    let items = crate::abstract_::sequence::fast_items(fast.as_ptr());
    if items.is_empty() {
        return pystr::empty();
    }
    if items.len() == 1 && is_exact(items[0]) {
        return Ok(new_ref(items[0]));
    }
    if !sep.is_null() && !pystr::is_str(sep) {
        return Err(type_error(format!("separator: expected str instance, {:.80} found", tp_name(sep))));
    }
    for (i, &it) in items.iter().enumerate() {
        if !pystr::is_str(it) {
            return Err(type_error(format!("sequence item {i}: expected str instance, {:.80} found", tp_name(it))));
        }
    }
    let space;
    let sep = if sep.is_null() {
        space = crate::objects::str_access::latin1_char(b' ')?;
        space.as_ptr()
    } else {
        sep
    };
    // The items stay alive through `fast`, which holds them.
    concat_all(items, sep)
}

unsafe extern "C" fn join(sep: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    ret_obj(join_iterable(sep, seq))
}

/// `left + right` for two strs.
///
/// # Safety
/// Both are live strs.
pub(crate) unsafe fn concat(left: *mut PyObject, right: *mut PyObject) -> PyResult<PyRef> {
    if pystr::len(left) == 0 && is_exact(right) {
        return Ok(new_ref(right));
    }
    if pystr::len(right) == 0 && is_exact(left) {
        return Ok(new_ref(left));
    }
    concat_all(&[left, right], core::ptr::null_mut())
}

/// `sq_concat` of str and `PyObject *PyUnicode_Concat(PyObject *left, PyObject *right)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Concat(left: *mut PyObject, right: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        ensure_str(left)?;
        if right.is_null() {
            return Err(bad_internal_call());
        }
        if !pystr::is_str(right) {
            return Err(type_error(format!("can only concatenate str (not \"{:.200}\") to str", tp_name(right))));
        }
        concat(left, right)
    })())
}

/// `void PyUnicode_Append(PyObject **pleft, PyObject *right)`: `*pleft += right`; on error
/// `*pleft` is released and set to NULL.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Append(pleft: *mut *mut PyObject, right: *mut PyObject) {
    if pleft.is_null() {
        if crate::errors::pyerr::PyErr_Occurred().is_null() {
            let _ = bad_internal_call();
        }
        return;
    }
    let left = *pleft;
    if left.is_null() || right.is_null() || !pystr::is_str(left) || !pystr::is_str(right) {
        if crate::errors::pyerr::PyErr_Occurred().is_null() {
            let _ = bad_internal_call();
        }
        *pleft = core::ptr::null_mut();
        drop(PyRef::from_owned(left));
        return;
    }
    let r = concat(left, right);
    *pleft = match r {
        Ok(r) => r.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    };
    drop(PyRef::from_owned(left));
}

/// `void PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)`: `PyUnicode_Append`,
/// then releases `right`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AppendAndDel(pleft: *mut *mut PyObject, right: *mut PyObject) {
    PyUnicode_Append(pleft, right);
    drop(PyRef::from_owned(right));
}

/// `PyObject *PyUnicode_Join(PyObject *separator, PyObject *seq)`: `separator.join(seq)`
/// (NULL separator: a space).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Join(separator: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if seq.is_null() {
            return Err(bad_internal_call());
        }
        join_iterable(separator, seq)
    })())
}

/// `PyObject *_PyUnicode_JoinArray(PyObject *separator, PyObject *const *items, Py_ssize_t
/// seqlen)`: `separator.join(items)` for an array of strs.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_JoinArray(separator: *mut PyObject, items: *const *mut PyObject, seqlen: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        if seqlen < 0 || (seqlen > 0 && items.is_null()) {
            return Err(bad_internal_call());
        }
        let tuple = crate::abstract_::call::tuple_from_array(if seqlen == 0 { &[] } else { core::slice::from_raw_parts(items, seqlen as usize) })?;
        join_iterable(separator, tuple.as_ptr())
    })())
}

/// `sq_repeat` of str: `s * n`.
pub(crate) unsafe extern "C" fn str_repeat(s: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        let len = pystr::len(s);
        if n <= 0 || len == 0 {
            return pystr::empty();
        }
        if n == 1 && is_exact(s) {
            return Ok(new_ref(s));
        }
        let total = len
            .checked_mul(n as usize)
            .filter(|&t| t <= isize::MAX as usize)
            .ok_or_else(|| raise_type(&raw mut exc::_PyExc_OverflowError, "repeated string is too long"))?;
        let r = pystr::new_compact(total, max_char_value(s))?;
        let kind = pystr::kind(s);
        let d = pystr::data(r.as_ptr());
        let unit = len * kind;
        if len == 1 && kind == 1 {
            core::ptr::write_bytes(d, *pystr::data(s), total);
            return Ok(r);
        }
        // Doubling copies: log2(n) memcpys.
        core::ptr::copy_nonoverlapping(pystr::data(s), d, unit);
        let mut done = unit;
        let bytes = total * kind;
        while done < bytes {
            let k = done.min(bytes - done);
            core::ptr::copy_nonoverlapping(d, d.add(done), k);
            done += k;
        }
        Ok(r)
    })())
}
