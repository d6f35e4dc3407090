//! `array.array` as a sequence and mapping: indexing, slices (with steps) for reading,
//! assignment and deletion, `in`, concatenation and repetition (also in place),
//! comparison and `repr`.
use core::ffi::c_int;

use crate::abstract_::compare::{bool_ref, ordering_result, rich_compare, rich_compare_bool};
use crate::abstract_::{new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::{PyObject, Py_EQ, Py_NE};
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::slice;
use crate::pyport::Py_ssize_t;

use super::item::{self, Kind, Value};
use super::object::{self as arr, bytes, desc, is_array, len};

fn index_error(message: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_IndexError, message)
}

/// `PyErr_BadArgument`'s TypeError (arrays of different codes).
pub(crate) fn bad_argument() -> crate::errors::raised::Raised {
    type_error("bad argument type for built-in operation")
}

pub(crate) unsafe extern "C" fn array_length(op: *mut PyObject) -> Py_ssize_t {
    len(op) as Py_ssize_t
}

pub(crate) unsafe extern "C" fn array_item(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if i < 0 || i as usize >= len(op) {
        return ret_obj(Err(index_error("array index out of range")));
    }
    ret_obj(arr::get(op, i as usize))
}

unsafe fn set_index(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> PyResult<()> {
    let n = len(op) as Py_ssize_t;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(index_error("array assignment index out of range"));
    }
    let s = desc(op).size;
    let i = i as usize;
    if v.is_null() {
        return arr::splice(op, i * s, (i + 1) * s, &[]);
    }
    let mut buf = [0u8; 8];
    item::set(desc(op), v, &mut buf)?;
    arr::bytes_mut(op)[i * s..(i + 1) * s].copy_from_slice(&buf[..s]);
    Ok(())
}

pub(crate) unsafe extern "C" fn array_ass_item(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    // The sequence slot gets a non-negative index already adjusted by the caller.
    match set_index(op, i, v) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// The index of the first item equal to `x` in `[start, stop)`.
pub(crate) unsafe fn find(op: *mut PyObject, x: *mut PyObject, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(len(op)) {
        if item_equals(op, i, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

/// Whether item `i` == `x` (native for exact ints and floats, else by `==`).
pub(crate) unsafe fn item_equals(op: *mut PyObject, i: usize, x: *mut PyObject) -> PyResult<bool> {
    let d = desc(op);
    let v = item::read(d, arr::item_bytes(op, i));
    match v {
        Value::I(a) if crate::objects::int::is_exact_int(x) => {
            if let Some(b) = crate::objects::long_convert::int_to_i128(x) {
                return Ok(a == b);
            }
        }
        Value::F(a) if (*x).ob_type == crate::objects::float::float_type() => {
            return Ok(a == crate::objects::float::value(x));
        }
        _ => {}
    }
    let item = arr::get(op, i)?;
    rich_compare_bool(item.as_ptr(), x, Py_EQ)
}

pub(crate) unsafe extern "C" fn array_contains(op: *mut PyObject, x: *mut PyObject) -> c_int {
    match find(op, x, 0, usize::MAX) {
        Ok(r) => r.is_some() as c_int,
        Err(_) => -1,
    }
}

pub(crate) unsafe fn concat(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if !is_array(b) {
        return Err(type_error(format!("can only append array (not \"{}\") to array", tp_name(b))));
    }
    if desc(a).code != desc(b).code {
        return Err(bad_argument());
    }
    let mut data = Vec::with_capacity(bytes(a).len() + bytes(b).len());
    data.extend_from_slice(bytes(a));
    data.extend_from_slice(bytes(b));
    arr::from_bytes(arr::array_type(), desc(a), &data)
}

pub(crate) unsafe extern "C" fn array_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret_obj(concat(a, b))
}

fn repeated(src: &[u8], n: Py_ssize_t) -> PyResult<Vec<u8>> {
    let n = n.max(0) as usize;
    let total = src.len().checked_mul(n).filter(|&t| t <= isize::MAX as usize);
    let Some(total) = total else { return Err(crate::object::pending_error::no_memory()) };
    let mut v = Vec::new();
    v.try_reserve(total).map_err(|_| crate::object::pending_error::no_memory())?;
    for _ in 0..n {
        v.extend_from_slice(src);
    }
    Ok(v)
}

pub(crate) unsafe extern "C" fn array_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        let data = repeated(bytes(op), n)?;
        arr::from_bytes(arr::array_type(), desc(op), &data)
    })())
}

pub(crate) unsafe extern "C" fn array_inplace_concat(op: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if !is_array(b) {
            return Err(type_error(format!("can only extend array with array (not \"{}\")", tp_name(b))));
        }
        super::methods::extend_with(op, b)?;
        Ok(new_ref(op))
    })())
}

pub(crate) unsafe extern "C" fn array_inplace_repeat(op: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    ret_obj((|| {
        if !bytes(op).is_empty() {
            let data = repeated(bytes(op), n)?;
            let end = bytes(op).len();
            arr::splice(op, 0, end, &data)?;
        }
        Ok(new_ref(op))
    })())
}

pub(crate) unsafe extern "C" fn array_subscript(op: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        if crate::abstract_::item::is_index(key) {
            let i = crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError))?;
            let n = len(op) as Py_ssize_t;
            let i = if i < 0 { i + n } else { i };
            if i < 0 || i >= n {
                return Err(index_error("array index out of range"));
            }
            return arr::get(op, i as usize);
        }
        if !slice::is_slice(key) {
            return Err(type_error("array indices must be integers"));
        }
        let (mut start, mut stop, step) = slice::unpack(key)?;
        let count = slice::adjust_indices(len(op) as Py_ssize_t, &mut start, &mut stop, step) as usize;
        let s = desc(op).size;
        let src = bytes(op);
        let tp = arr::array_type();
        if step == 1 {
            let lo = start as usize * s;
            return arr::from_bytes(tp, desc(op), &src[lo..lo + count * s]);
        }
        let mut out = Vec::with_capacity(count * s);
        for k in 0..count {
            let at = (start + k as Py_ssize_t * step) as usize * s;
            out.extend_from_slice(&src[at..at + s]);
        }
        arr::from_bytes(tp, desc(op), &out)
    })())
}

unsafe fn ass_subscript(op: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    if crate::abstract_::item::is_index(key) {
        let i = crate::abstract_::item::as_ssize(key, Some(&raw mut exc::_PyExc_IndexError))?;
        return set_index(op, i, v);
    }
    if !slice::is_slice(key) {
        return Err(type_error("array indices must be integers"));
    }
    let (mut start, mut stop, step) = slice::unpack(key)?;
    let count = slice::adjust_indices(len(op) as Py_ssize_t, &mut start, &mut stop, step) as usize;
    let data: Option<Vec<u8>> = if v.is_null() {
        None
    } else if is_array(v) {
        if desc(v).code != desc(op).code {
            return Err(bad_argument());
        }
        Some(bytes(v).to_vec())
    } else {
        return Err(type_error(format!("can only assign array (not \"{}\") to array slice", tp_name(v))));
    };
    let s = desc(op).size;
    if step == 1 {
        let lo = start as usize * s;
        let hi = stop.max(start) as usize * s;
        return arr::splice(op, lo, hi, data.as_deref().unwrap_or(&[]));
    }
    match data {
        Some(d) => {
            if d.len() / s != count {
                return Err(raise_type(
                    &raw mut exc::_PyExc_ValueError,
                    format!("attempt to assign array of size {} to extended slice of size {count}", d.len() / s),
                ));
            }
            let buf = arr::bytes_mut(op);
            for k in 0..count {
                let at = (start + k as Py_ssize_t * step) as usize * s;
                buf[at..at + s].copy_from_slice(&d[k * s..(k + 1) * s]);
            }
            Ok(())
        }
        None => {
            if count == 0 {
                return Ok(());
            }
            let (lo, stride) = if step < 0 {
                ((start + (count as Py_ssize_t - 1) * step) as usize, (-step) as usize)
            } else {
                (start as usize, step as usize)
            };
            arr::retain(op, |r| !(r >= lo && (r - lo) % stride == 0 && (r - lo) / stride < count))
        }
    }
}

pub(crate) unsafe extern "C" fn array_ass_subscript(op: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> c_int {
    match ass_subscript(op, key, v) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// Native ordering of two items of the same kind (None: unordered, i.e. NaN).
fn native_cmp(a: Value, b: Value) -> Option<Option<core::cmp::Ordering>> {
    match (a, b) {
        (Value::I(x), Value::I(y)) => Some(Some(x.cmp(&y))),
        (Value::F(x), Value::F(y)) => Some(x.partial_cmp(&y)),
        (Value::C(x), Value::C(y)) => Some(Some(x.cmp(&y))),
        _ => None,
    }
}

unsafe fn compare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> PyResult<PyRef> {
    let (n, m) = (len(v), len(w));
    if n != m && (op == Py_EQ || op == Py_NE) {
        return Ok(bool_ref(op == Py_NE));
    }
    let (dv, dw) = (desc(v), desc(w));
    let same_kind = dv.kind == dw.kind;
    for i in 0..n.min(m) {
        let (a, b) = (item::read(dv, arr::item_bytes(v, i)), item::read(dw, arr::item_bytes(w, i)));
        if same_kind {
            match native_cmp(a, b) {
                Some(Some(core::cmp::Ordering::Equal)) => continue,
                Some(Some(ord)) => return Ok(bool_ref(ordering_result(ord, op))),
                // NaN: the items differ; the operation on them decides (always False).
                Some(None) => return Ok(bool_ref(op == Py_NE)),
                None => {}
            }
        }
        let (x, y) = (arr::get(v, i)?, arr::get(w, i)?);
        if !rich_compare_bool(x.as_ptr(), y.as_ptr(), Py_EQ)? {
            if op == Py_EQ {
                return Ok(bool_ref(false));
            }
            if op == Py_NE {
                return Ok(bool_ref(true));
            }
            return rich_compare(x.as_ptr(), y.as_ptr(), op);
        }
    }
    Ok(bool_ref(ordering_result(n.cmp(&m), op)))
}

pub(crate) unsafe extern "C" fn array_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_array(v) || !is_array(w) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(compare(v, w, op))
}

/// The items of a `u` array as a str.
pub(crate) unsafe fn to_str(op: *mut PyObject) -> PyResult<PyRef> {
    let d = desc(op);
    let mut chars = Vec::with_capacity(len(op));
    for i in 0..len(op) {
        if let Value::C(c) = item::read(d, arr::item_bytes(op, i)) {
            if c > 0x10FFFF {
                return Err(item::bad_char(c));
            }
            chars.push(c);
        }
    }
    crate::objects::str::from_code_points(&chars)
}

pub(crate) unsafe extern "C" fn array_repr(op: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let name = crate::abstract_::type_name_of((*op).ob_type);
        let name = name.rsplit('.').next().unwrap_or(&name).to_string();
        let code = desc(op).code as char;
        if len(op) == 0 {
            return crate::objects::str::from_utf8(&format!("{name}('{code}')"));
        }
        let items = if desc(op).kind == Kind::Char { to_str(op)? } else { super::methods::to_list(op)? };
        let r = crate::modules::owned(crate::abstract_::object::PyObject_Repr(items.as_ptr()))?;
        crate::objects::str::from_utf8(&format!("{name}('{code}', {})", crate::objects::str::to_string(r.as_ptr())))
    })())
}
