//! bytearray's own methods (the mutators, `__init__`, `__alloc__`, `__sizeof__`,
//! `__reduce__`/`__reduce_ex__`) and its `tp_methods` table, which adds the methods shared
//! with bytes (bytes_methods.rs).
use core::ffi::c_int;

use crate::abstract_::{new_ref, none, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::method_table::{concat, plain};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::objects::bytearray::{as_mut_slice, as_slice, byte_value, delete_at, extend_from, len, resize, set_range};
use crate::objects::bytes_methods::{argv, arity, SHARED_METHODS};
use crate::objects::bytes_new::{parse_source, Source};
use crate::objects::{int, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

fn wrap(r: PyResult<PyRef>) -> *mut PyObject {
    ret_obj(r)
}

/// The ints of an iterable, each in range(256) (slice assignment from an iterable).
pub(crate) unsafe fn ints_of(o: *mut PyObject) -> PyResult<Vec<u8>> {
    let it = iter_or(o, || format!("can't extend bytearray with {}", tp_name(o)))?;
    let mut out = Vec::new();
    while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
        out.push(byte_value(item.as_ptr())?);
    }
    Ok(out)
}

/// `iter(o)`, with a TypeError replaced by `message`.
unsafe fn iter_or(o: *mut PyObject, message: impl FnOnce() -> String) -> PyResult<PyRef> {
    crate::abstract_::iter::get_iter(o).map_err(|e| {
        if crate::errors::pyerr::PyErr_ExceptionMatches(exc::PyExc_TypeError) != 0 {
            crate::errors::pyerr::PyErr_Clear();
            return type_error(message());
        }
        e
    })
}

unsafe fn init_from(self_: *mut PyObject, o: *mut PyObject) -> PyResult<()> {
    if pystr::is_str(o) {
        return Err(type_error("string argument without an encoding"));
    }
    if crate::abstract_::item::is_index(o) {
        // An `__index__` raising TypeError falls back to the buffer/iterable forms.
        match crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError)) {
            Ok(n) => {
                if n < 0 {
                    return Err(raise_type(&raw mut exc::_PyExc_ValueError, "negative count"));
                }
                resize(self_, n as usize)?;
                as_mut_slice(self_).fill(0);
                return Ok(());
            }
            Err(e) => {
                if crate::errors::pyerr::PyErr_ExceptionMatches(exc::PyExc_TypeError) == 0 {
                    return Err(e);
                }
                crate::errors::pyerr::PyErr_Clear();
            }
        }
    }
    if let Some(data) = crate::objects::bytes_buffer::copy_buffer(o) {
        return extend_from(self_, &data?);
    }
    let it = iter_or(o, || format!("cannot convert '{}' object to bytearray", tp_name(o)))?;
    // One append per item, as CPython grows it (the same `__alloc__` afterwards).
    while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
        let b = byte_value(item.as_ptr())?;
        extend_from(self_, &[b])?;
    }
    Ok(())
}

/// bytearray's `tp_init`: `bytearray(source=b'', encoding=..., errors=...)`; re-running it
/// empties the object first.
pub(crate) unsafe extern "C" fn ba_init(self_: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| {
        let src = parse_source("bytearray", args, kwds)?;
        resize(self_, 0)?;
        match src {
            Source::Empty => Ok(()),
            Source::Encoded(data) => extend_from(self_, &data),
            Source::Object(o) => init_from(self_, o),
        }
    })();
    if r.is_ok() { 0 } else { -1 }
}

unsafe extern "C" fn append(self_: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let b = byte_value(item)?;
        crate::objects::bytearray::push_byte(self_, b)?;
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn extend(self_: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let data = match crate::objects::bytes_buffer::copy_buffer(o) {
            Some(d) => d?,
            None => ints_of(o)?,
        };
        extend_from(self_, &data)?;
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn insert(self_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = argv(args);
        arity("insert", a.len(), 2, 2)?;
        let i = crate::abstract_::item::as_ssize(a[0], Some(&raw mut exc::_PyExc_OverflowError))?;
        let b = byte_value(a[1])?;
        let n = len(self_) as Py_ssize_t;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        set_range(self_, at, at, &[b])?;
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn pop(self_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = argv(args);
        arity("pop", a.len(), 0, 1)?;
        let i = match a.first() {
            Some(&o) => crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?,
            None => -1,
        };
        let n = len(self_) as Py_ssize_t;
        if n == 0 {
            return Err(raise(ExcType::IndexError, "pop from empty bytearray"));
        }
        let i = if i < 0 { i + n } else { i };
        if !(0..n).contains(&i) {
            return Err(raise(ExcType::IndexError, "pop index out of range"));
        }
        let v = as_slice(self_)[i as usize];
        delete_at(self_, i as usize)?;
        int::from_i64(v as i64)
    })())
}

unsafe extern "C" fn remove(self_: *mut PyObject, value: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let b = byte_value(value)?;
        let Some(i) = as_slice(self_).iter().position(|&x| x == b) else {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "value not found in bytearray"));
        };
        delete_at(self_, i)?;
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn clear(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    wrap(resize(self_, 0).map(|()| new_ref(none())))
}

unsafe extern "C" fn copy(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    wrap(crate::objects::bytearray::from_slice(as_slice(self_)))
}

unsafe extern "C" fn reverse(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    as_mut_slice(self_).reverse();
    new_ref(none()).into_ptr()
}

unsafe extern "C" fn alloc(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    wrap(int::from_i64((*(self_ as *mut crate::objects::bytearray::PyByteArrayObject)).ob_alloc as i64))
}

unsafe extern "C" fn sizeof(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let alloc = (*(self_ as *mut crate::objects::bytearray::PyByteArrayObject)).ob_alloc;
    wrap(int::from_i64(((*(*self_).ob_type).tp_basicsize + alloc) as i64))
}

/// `(type, args, state)`: before protocol 3 the data travels as a latin-1 str (protocols
/// 0-2 have no bytes type).
unsafe fn reduce(self_: *mut PyObject, proto: Py_ssize_t) -> PyResult<PyRef> {
    // `__getstate__()`: the instance dict and the slots of a subclass (CPython's _common_reduce).
    let state = crate::object::object_methods::get_state(self_, false)?;
    let data = as_slice(self_);
    let args = if data.is_empty() {
        tuple::from_vec(vec![])?
    } else if proto < 3 {
        {
            let text = pystr::from_code_points(&data.iter().map(|&b| b as u32).collect::<Vec<_>>())?;
            tuple::from_vec(vec![text, pystr::from_utf8("latin-1")?])?
        }
    } else {
        tuple::from_vec(vec![crate::objects::bytes::from_slice(data)?])?
    };
    tuple::from_vec(vec![new_ref((*self_).ob_type as *mut PyObject), args, state])
}

unsafe extern "C" fn reduce_noargs(self_: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    wrap(reduce(self_, 2))
}

unsafe extern "C" fn reduce_ex(self_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    wrap((|| {
        let a = argv(args);
        arity("__reduce_ex__", a.len(), 0, 1)?;
        let proto = match a.first() {
            Some(&o) => {
                if crate::objects::float::is_float(o) {
                    return Err(type_error("'float' object cannot be interpreted as an integer"));
                }
                crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?
            }
            None => 0,
        };
        reduce(self_, proto)
    })())
}

/// bytearray's `tp_methods`: its own, then those shared with bytes.
pub(crate) static mut BYTEARRAY_METHODS: [PyMethodDef; 55] = concat(&[&[
    plain(c"__alloc__", alloc, METH_NOARGS),
    plain(c"__reduce__", reduce_noargs, METH_NOARGS),
    plain(c"__reduce_ex__", reduce_ex, METH_VARARGS),
    plain(c"__sizeof__", sizeof, METH_NOARGS),
    plain(c"append", append, METH_O),
    plain(c"clear", clear, METH_NOARGS),
    plain(c"copy", copy, METH_NOARGS),
    plain(c"extend", extend, METH_O),
    plain(c"insert", insert, METH_VARARGS),
    plain(c"pop", pop, METH_VARARGS),
    plain(c"remove", remove, METH_O),
    plain(c"reverse", reverse, METH_NOARGS),
], &SHARED_METHODS]);
