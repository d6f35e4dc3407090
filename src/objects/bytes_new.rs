//! Making bytes from other objects: `bytes(...)` (`tp_new`), `PyObject_Bytes` and
//! `PyBytes_FromObject`, and encoding a str with the codecs bytes knows here (utf-8,
//! ascii, latin-1 under strict / ignore / replace).
use crate::abstract_::{new_ref, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::bytes::{self, from_slice, is_bytes, PyBytes_Type};
use crate::objects::{dict, str as pystr, tuple};

/// The codec an encoding name selects (CPython's normalization: case and `-`/`_`/space
/// are ignored).
#[derive(Clone, Copy)]
pub(crate) enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

pub(crate) fn codec(name: &str) -> PyResult<Codec> {
    let n: String = name.to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "l1" | "latin" | "cp819" => Ok(Codec::Latin1),
        _ => Err(raise_type(&raw mut exc::_PyExc_LookupError, format!("unknown encoding: {name}"))),
    }
}

/// The error handlers known here.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Errors {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
}

pub(crate) fn errors(name: &str) -> PyResult<Errors> {
    match name {
        "strict" => Ok(Errors::Strict),
        "ignore" => Ok(Errors::Ignore),
        "replace" => Ok(Errors::Replace),
        "backslashreplace" => Ok(Errors::BackslashReplace),
        _ => Err(raise_type(&raw mut exc::_PyExc_LookupError, format!("unknown error handler name '{name}'"))),
    }
}

/// `s.encode(codec, errors)`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn encode(s: *mut PyObject, codec: Codec, errs: Errors) -> PyResult<Vec<u8>> {
    let limit: u32 = match codec {
        Codec::Utf8 => return crate::abstract_::object::str_utf8(s),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let n = pystr::len(s);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let c = pystr::read_char(s, i);
        if c < limit {
            out.push(c as u8);
            continue;
        }
        match errs {
            Errors::Ignore => {}
            Errors::Replace => out.push(b'?'),
            Errors::BackslashReplace => {
                let esc = if c < 0x100 { format!("\\x{c:02x}") } else if c < 0x10000 { format!("\\u{c:04x}") } else { format!("\\U{c:08x}") };
                out.extend_from_slice(esc.as_bytes());
            }
            Errors::Strict => {
                let (name, range) = if limit == 0x80 { ("ascii", 128) } else { ("latin-1", 256) };
                let shown = if c < 0x100 { format!("\\x{c:02x}") } else if c < 0x10000 { format!("\\u{c:04x}") } else { format!("\\U{c:08x}") };
                return Err(raise_type(&raw mut exc::_PyExc_UnicodeEncodeError, format!(
                    "'{name}' codec can't encode character '{shown}' in position {i}: ordinal not in range({range})")));
            }
        }
    }
    Ok(out)
}

/// The bytes of an iterable of ints in range(256).
pub(crate) unsafe fn from_iterable(o: *mut PyObject) -> PyResult<Vec<u8>> {
    let items = crate::abstract_::iter::collect(o)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
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
unsafe fn call_dunder_bytes(o: *mut PyObject) -> PyResult<Option<PyRef>> {
    let name = pystr::intern("__bytes__")?;
    let f = crate::object::type_cache::_PyType_Lookup((*o).ob_type, name.as_ptr());
    if f.is_null() {
        return Ok(None);
    }
    let f = new_ref(f);
    let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), o)).ok_or_else(Raised::assume_set)?;
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
pub(crate) unsafe fn parse_source(func: &str, args: *mut PyObject, kwds: *mut PyObject) -> PyResult<Source> {
    let pos = if args.is_null() { &[][..] } else { tuple::items(args) };
    let nkw = if kwds.is_null() { 0 } else { dict::len(kwds) };
    if pos.len() + nkw > 3 {
        return Err(type_error(format!("{func}() takes at most 3 arguments ({} given)", pos.len() + nkw)));
    }
    let mut slots: [*mut PyObject; 3] = [core::ptr::null_mut(); 3];
    slots[..pos.len()].copy_from_slice(pos);
    if nkw > 0 {
        for (k, v) in dict::items(kwds) {
            let key = if pystr::is_str(k) { pystr::to_string(k) } else { String::new() };
            let Some(i) = ["source", "encoding", "errors"].iter().position(|&n| n == key) else {
                return Err(type_error(format!("'{key}' is an invalid keyword argument for {func}()")));
            };
            if !slots[i].is_null() {
                return Err(type_error(format!("argument for {func}() given by name ('{key}') and position ({})", i + 1)));
            }
            slots[i] = v;
        }
    }
    let [source, encoding, errs] = slots;
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
        let c = codec(&enc_name)?;
        let data = match encode(source, c, Errors::Strict) {
            Ok(d) => d,
            Err(e) => {
                // Only the handler named decides: look it up when the strict pass failed.
                let Some(err_name) = err_name else { return Err(e) };
                crate::errors::pyerr::PyErr_Clear();
                encode(source, c, errors(&err_name)?)?
            }
        };
        return Ok(Source::Encoded(data));
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
