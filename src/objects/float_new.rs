//! Making floats from other objects: `float(x)` (`tp_new`), `PyNumber_Float` and
//! `PyFloat_FromString` (`float(str)`: surrounding whitespace, underscores between digits,
//! non-ASCII decimal digits and spaces, "inf"/"infinity"/"nan" in any case with a sign).
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::float::{self as float, float_type, is_float, type_name_n, value};
use crate::objects::float_long::{long_to_double, number_index};
use crate::objects::{dict, str as pystr, tuple};

/// The zero digit of each run of ten Unicode decimal digits (category Nd) beyond ASCII, as
/// of Unicode 14.0 (CPython 3.11's database): `0x660..=0x669` are 0..9, and so on.
const DECIMAL_ZEROS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of a non-ASCII Unicode digit (`Py_UNICODE_TODECIMAL`).
pub(crate) fn unicode_decimal(c: u32) -> Option<u32> {
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

/// Python's `str.isspace` beyond ASCII (Rust's `char::is_whitespace` is the same set there).
fn unicode_space(c: u32) -> bool {
    char::from_u32(c).is_some_and(char::is_whitespace)
}

/// The str's text with non-ASCII spaces made ' ' and non-ASCII decimal digits made ASCII
/// digits (`_PyUnicode_TransformDecimalAndSpaceToASCII`); other non-ASCII characters become
/// '?', which no number contains.
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn str_to_ascii_number(op: *mut PyObject) -> Vec<u8> {
    let n = pystr::len(op);
    if pystr::kind(op) == 1 && pystr::data_bytes(op).is_ascii() {
        return pystr::data_bytes(op)[..n].to_vec();
    }
    (0..n)
        .map(|i| {
            let c = pystr::read_char(op, i);
            if c < 0x80 {
                c as u8
            } else if unicode_space(c) {
                b' '
            } else if let Some(d) = unicode_decimal(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect()
}

/// `s` without underscores, each of which must sit between two digits
/// (`_Py_string_to_number_with_underscores`); None when one does not.
pub(crate) fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for (i, &b) in s.iter().enumerate() {
        if b == b'_' {
            let before = i > 0 && s[i - 1].is_ascii_digit();
            let after = s.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(b);
        }
    }
    Some(out)
}

/// ASCII whitespace as C's `isspace` in the "C" locale (`Py_ISSPACE`).
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `repr(op)` for error messages (a str, or the bytes-like object `float()` was given).
pub(crate) unsafe fn repr_for_message(op: *mut PyObject) -> String {
    let r = if pystr::is_str(op) {
        crate::objects::str_repr::repr(op)
    } else {
        crate::abstract_::from_slot(crate::abstract_::object::PyObject_Repr(op))
    };
    match r {
        Ok(r) => pystr::to_string(r.as_ptr()),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            String::from("?")
        }
    }
}

/// The double that the text of `float(str)` spells: whitespace around, underscores between
/// digits; ValueError "could not convert string to float: REPR" otherwise.
///
/// # Safety
/// `obj` is the live str or bytes-like object whose text `s` is (a str's transformed to
/// ASCII).
unsafe fn parse_float_text(s: &[u8], obj: *mut PyObject) -> PyResult<f64> {
    let fail = || raise_type(&raw mut exc::_PyExc_ValueError, format!("could not convert string to float: {}", repr_for_message(obj)));
    let start = s.iter().position(|&b| !is_c_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_c_space(b)).map_or(start, |i| i + 1);
    let s = &s[start..end];
    let cleaned;
    let s = if s.contains(&b'_') {
        cleaned = remove_underscores(s).ok_or_else(fail)?;
        &cleaned[..]
    } else {
        s
    };
    match crate::runtime::strtod::parse_double_prefix(s) {
        Some((v, len)) if len == s.len() => Ok(v),
        _ => Err(fail()),
    }
}

/// `float(str)` and friends (`PyFloat_FromString`): the value a str or bytes-like object
/// spells; TypeError for other types.
///
/// # Safety
/// `v` is a live object.
pub(crate) unsafe fn from_string(v: *mut PyObject) -> PyResult<f64> {
    if pystr::is_str(v) {
        let s = str_to_ascii_number(v);
        return parse_float_text(&s, v);
    }
    // bytes, bytearray and other buffer exporters are parsed as ASCII text too.
    if crate::objects::bytes_buffer::PyObject_CheckBuffer(v) != 0 {
        let data = crate::objects::bytes::bytes_like(v)?;
        return parse_float_text(&data, v);
    }
    Err(raise(
        ExcType::TypeError,
        format!("float() argument must be a string or a real number, not '{}'", type_name_n((*v).ob_type, 200)),
    ))
}

/// `PyObject *PyFloat_FromString(PyObject *v)`.
#[no_mangle]
pub unsafe extern "C" fn PyFloat_FromString(v: *mut PyObject) -> *mut PyObject {
    if v.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    match from_string(v) {
        Ok(x) => float::PyFloat_FromDouble(x),
        Err(_) => core::ptr::null_mut(),
    }
}

/// What `float(o)` gives (`PyNumber_Float`): an exact float itself; `__float__`, which
/// must return a float; `__index__`; a float subclass's value; else the text's value.
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn number_float(o: *mut PyObject) -> PyResult<PyRef> {
    let tp = (*o).ob_type;
    if tp == float_type() {
        return Ok(PyRef::from_borrowed(o).expect("o is not NULL"));
    }
    // int's and bool's `__float__` is this conversion: skip the call.
    if tp == &raw mut crate::objects::int::PyLong_Type || tp == &raw mut crate::objects::bool::PyBool_Type {
        return float::new(long_to_double(o)?);
    }
    let nb = (*tp).tp_as_number;
    if !nb.is_null() {
        if let Some(nb_float) = (*nb).nb_float {
            let res = PyRef::from_owned(nb_float(o)).ok_or_else(Raised::assume_set)?;
            if (*res.as_ptr()).ob_type == float_type() {
                return Ok(res);
            }
            if !is_float(res.as_ptr()) {
                return Err(raise(
                    ExcType::TypeError,
                    format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name_n(tp, 50),
                        type_name_n((*res.as_ptr()).ob_type, 50)
                    ),
                ));
            }
            float::warn_deprecation(format!(
                "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
                type_name_n(tp, 50),
                type_name_n((*res.as_ptr()).ob_type, 50)
            ))?;
            return float::new(value(res.as_ptr()));
        }
        if (*nb).nb_index.is_some() {
            let index = number_index(o)?;
            return float::new(long_to_double(index.as_ptr())?);
        }
    }
    if is_float(o) {
        return float::new(value(o));
    }
    float::new(from_string(o)?)
}

/// `PyObject *PyNumber_Float(PyObject *o)`: `float(o)`.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Float(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        let _ = raise(ExcType::SystemError, "null argument to internal routine");
        return core::ptr::null_mut();
    }
    number_float(o).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `float(x)` for exact floats: 0.0 without an argument, else a str's or a number's value.
unsafe fn float_of(x: Option<*mut PyObject>) -> PyResult<PyRef> {
    match x {
        None => float::new(0.0),
        Some(x) if (*x).ob_type == &raw mut pystr::PyUnicode_Type => float::new(from_string(x)?),
        Some(x) => number_float(x),
    }
}

/// `float.__new__(type, x=0, /)`: for a subclass, an instance of it holding the value.
pub(crate) unsafe extern "C" fn float_new(
    tp: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let result = (|| -> PyResult<PyRef> {
        if crate::objects::iter_common::refuses_keywords(tp, float_type()) && !kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) != 0 {
            return Err(raise(ExcType::TypeError, "float() takes no keyword arguments"));
        }
        let n = if args.is_null() { 0 } else { tuple::len(args) };
        if n > 1 {
            return Err(raise(ExcType::TypeError, format!("float expected at most 1 argument, got {n}")));
        }
        let x = (n == 1).then(|| tuple::items(args)[0]);
        let f = float_of(x)?;
        if tp == float_type() {
            return Ok(f);
        }
        // A subclass: allocate through its tp_alloc and copy the value.
        let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
        let obj = PyRef::from_owned(alloc(tp, 0)).ok_or_else(Raised::assume_set)?;
        (*(obj.as_ptr() as *mut float::PyFloatObject)).ob_fval = value(f.as_ptr());
        Ok(obj)
    })();
    result.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_and_underscores() {
        assert_eq!(unicode_decimal(0x661), Some(1));
        assert_eq!(unicode_decimal(0x1fbf9), Some(9));
        assert_eq!(unicode_decimal(0x66a), None);
        assert_eq!(unicode_decimal(0x39), None);
        assert_eq!(remove_underscores(b"1_000.0_1"), Some(b"1000.01".to_vec()));
        assert_eq!(remove_underscores(b"1e1_0"), Some(b"1e10".to_vec()));
        assert_eq!(remove_underscores(b"1__0"), None);
        assert_eq!(remove_underscores(b"_1"), None);
        assert_eq!(remove_underscores(b"1_.5"), None);
    }
}
