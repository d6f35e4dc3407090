//! Making bytes from other objects: `bytes(...)` (`tp_new`), `PyObject_Bytes` and
//! `PyBytes_FromObject`; `bytes(str, encoding, errors)` encodes through src/codecs.
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::abstract_::unpack_keywords::{bind_tuple_dict_array, Params};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::bytes::{self, from_slice, is_bytes, PyBytes_Type};
use crate::objects::str as pystr;

/// The bytes of an iterable of ints in range(256). Each item is converted as it is read:
/// an `__index__` may change a list being read, and the iterator follows the change.
pub(crate) unsafe fn from_iterable(o: *mut PyObject) -> PyResult<Vec<u8>> {
    let it = crate::abstract_::iter::get_iter(o)?;
    let mut out = Vec::new();
    while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
        let v = crate::abstract_::item::as_ssize(item.as_ptr(), None)?;
        if !(0..256).contains(&v) {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "bytes must be in range(0, 256)"));
        }
        out.push(v as u8);
    }
    Ok(out)
}

/// `PyBytes_FromObject`: a buffer or an iterable of ints (not str).
pub(crate) unsafe fn from_object(o: *mut PyObject) -> PyResult<PyRef> {
    if let Some(v) = crate::objects::bytes_buffer::copy_buffer(o) {
        return from_slice(&v?);
    }
    let tp = (*o).ob_type;
    let iterable = (*tp).tp_iter.is_some() || (!(*tp).tp_as_sequence.is_null() && (*(*tp).tp_as_sequence).sq_item.is_some());
    if !pystr::is_str(o) && iterable {
        return from_slice(&from_iterable(o)?);
    }
    Err(type_error(format!("cannot convert '{}' object to bytes", tp_name(o))))
}

/// `__bytes__` of `o`'s type, called: Some(result) when the type has one.
pub(crate) unsafe fn call_dunder_bytes(o: *mut PyObject) -> PyResult<Option<PyRef>> {
    // Looked up on the type and bound through its descriptor, as CPython's special lookup.
    let Some(m) = crate::object::slot_dunders::lookup_method(o, c"__bytes__")? else { return Ok(None) };
    let r = crate::object::slot_dunders::call_found(&m, o, &[])?;
    if !is_bytes(r.as_ptr()) {
        return Err(type_error(format!("__bytes__ returned non-bytes (type {})", tp_name(r.as_ptr()))));
    }
    Ok(Some(r))
}

/// `PyObject_Bytes`: `__bytes__`, else `PyBytes_FromObject`.
pub(crate) unsafe fn object_bytes(o: *mut PyObject) -> PyResult<PyRef> {
    match call_dunder_bytes(o)? {
        Some(r) => Ok(r),
        None => from_object(o),
    }
}

/// `bytes(o)` with one argument: `__bytes__`, a buffer, an int count, an iterable of ints.
pub(crate) unsafe fn bytes_of(o: *mut PyObject) -> PyResult<PyRef> {
    // An exact bytes is its own `__bytes__()`: skip the method call.
    if bytes::is_exact(o) {
        return Ok(new_ref(o));
    }
    if let Some(r) = call_dunder_bytes(o)? {
        return Ok(r);
    }
    if pystr::is_str(o) {
        return Err(type_error("string argument without an encoding"));
    }
    if crate::objects::bytes_buffer::PyObject_CheckBuffer(o) == 0 && crate::abstract_::item::is_index(o) {
        let n = crate::abstract_::item::as_ssize(o, Some(&raw mut exc::_PyExc_OverflowError))?;
        if n < 0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "negative count"));
        }
        if n <= 1 {
            return from_slice(&[0u8; 1][..n as usize]);
        }
        let b = bytes::alloc(n as usize)?;
        core::ptr::write_bytes(bytes::data_ptr(b.as_ptr()), 0, n as usize);
        return Ok(b);
    }
    from_object(o)
}

unsafe fn str_arg(func: &str, o: *mut PyObject, what: &str) -> PyResult<String> {
    if !pystr::is_str(o) {
        return Err(type_error(format!("{func}() argument '{what}' must be str, not {}", tp_name(o))));
    }
    Ok(pystr::to_string(o))
}

/// What the `(source, encoding, errors)` arguments of `bytes()`/`bytearray()` ask for.
pub(crate) enum Source {
    /// No source: empty.
    Empty,
    /// A str encoded.
    Encoded(Vec<u8>),
    /// One object to convert (count, buffer, iterable, ...).
    Object(*mut PyObject),
}

/// Binds and checks `func(source, encoding, errors)` (shared by bytes and bytearray) and
/// encodes a str source.
pub(crate) unsafe fn parse_source(func: &'static str, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<Source> {
    let params = Params { function: func, names: &["source", "encoding", "errors"], positional_only: 0, max_positional: 3, required: 0 };
    let [source, encoding, errs] = bind_tuple_dict_array(&params, args, kwds)?;
    if source.is_null() {
        if !encoding.is_null() || !errs.is_null() {
            return Err(type_error(if encoding.is_null() { "errors without a string argument" } else { "encoding without a string argument" }));
        }
        return Ok(Source::Empty);
    }
    if !encoding.is_null() || !errs.is_null() {
        let enc_name = if encoding.is_null() { None } else { Some(str_arg(func, encoding, "encoding")?) };
        let err_name = if errs.is_null() { None } else { Some(str_arg(func, errs, "errors")?) };
        if !pystr::is_str(source) {
            return Err(type_error(if enc_name.is_some() { "encoding without a string argument" } else { "errors without a string argument" }));
        }
        let Some(enc_name) = enc_name else {
            return Err(type_error("string argument without an encoding"));
        };
        let encoded = crate::codecs::generic::encode_text(source, Some(&enc_name), err_name.as_deref())?;
        return Ok(Source::Encoded(crate::objects::bytes::as_slice(encoded.as_ptr()).to_vec()));
    }
    Ok(Source::Object(source))
}

unsafe fn new_impl(args: *mut PyObject, kwds: *mut PyObject) -> PyResult<PyRef> {
    match parse_source("bytes", args, kwds)? {
        Source::Empty => from_slice(&[]),
        Source::Encoded(data) => from_slice(&data),
        Source::Object(o) => bytes_of(o),
    }
}

/// bytes' `tp_new`; a subclass gets its own object holding the same bytes.
pub(crate) unsafe extern "C" fn bytes_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let r = new_impl(args, kwds).and_then(|b| {
        if tp == &raw mut PyBytes_Type {
            return Ok(b);
        }
        let n = bytes::len(b.as_ptr());
        let alloc = (*tp).tp_alloc.unwrap_or(crate::object::generic_alloc::PyType_GenericAlloc);
        let obj = PyRef::from_owned(alloc(tp, n as isize)).ok_or_else(Raised::assume_set)?;
        core::ptr::copy_nonoverlapping(bytes::data_ptr(b.as_ptr()), bytes::data_ptr(obj.as_ptr()), n);
        *bytes::data_ptr(obj.as_ptr()).add(n) = 0;
        (*(obj.as_ptr() as *mut bytes::PyBytesObject)).ob_shash = -1;
        Ok(obj)
    });
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}
