//! The codec registry: search functions (`PyCodec_Register`/`Unregister`), lookup with a
//! cache (`PyCodec_Lookup`, `PyCodec_KnownEncoding`), and the calls built on it
//! (`PyCodec_Encode`/`Decode`, `PyCodec_Encoder`/`Decoder`/`IncrementalEncoder`/
//! `IncrementalDecoder`/`StreamReader`/`StreamWriter`). The state is per interpreter.
//!
//! The builtin codecs need no search function: looking one up gives a 4-tuple of builtin
//! functions `(encode, decode, None, None)` shaped like the `_codecs` module's
//! (`utf_8_encode(str, errors=None) -> (bytes, len)`, `utf_8_decode(data, errors=None,
//! final=False) -> (str, consumed)`); they come before registered search functions, as
//! CPython's `encodings` search function comes first.
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::{none, ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{dict, str as pystr, tuple};

/// The interpreter's codec state (a field of `Interpreter`).
#[derive(Default)]
pub(crate) struct CodecState {
    pub search_path: Vec<PyRef>,
    /// Normalized name -> codec info.
    pub search_cache: Option<PyRef>,
    /// Error handler name -> callable (see error_handlers.rs).
    pub error_registry: Option<PyRef>,
    /// Whether the `encodings` package was imported (its search function registered);
    /// `None` before the first lookup tried.
    pub encodings_loaded: Option<bool>,
}

/// The current interpreter's codec state.
pub(crate) unsafe fn state<'a>() -> &'a mut CodecState {
    &mut crate::runtime::interpreter::Interpreter::from_c(crate::runtime::pystate::PyInterpreterState_Get()).codecs
}

/// The registry's key for an encoding: lower case, spaces and hyphens as underscores.
pub(crate) fn normalize(name: &str) -> String {
    name.chars().map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() }).collect()
}

unsafe fn cache() -> PyResult<*mut PyObject> {
    let s = state();
    if s.search_cache.is_none() {
        s.search_cache = Some(dict::new()?);
    }
    Ok(s.search_cache.as_ref().unwrap().as_ptr())
}

/// The codec info for `encoding` (a new reference): LookupError when nobody knows it.
pub(crate) unsafe fn lookup(encoding: &str) -> PyResult<PyRef> {
    let key = pystr::from_utf8(&normalize(encoding))?;
    let cache = cache()?;
    if let Some(found) = dict::get_item(cache, key.as_ptr())? {
        return Ok(PyRef::from_borrowed(found).unwrap());
    }
    // As CPython, the builtin codecs are found through the `encodings` package's search
    // function (their CodecInfo objects); without the package, as plain tuples.
    let info = if encodings_loaded() {
        search(key.as_ptr(), encoding)?
    } else {
        match crate::codecs::generic::builtin_codec_info(encoding)? {
            Some(info) => info,
            None => search(key.as_ptr(), encoding)?,
        }
    };
    dict::set_item(cache, key.as_ptr(), info.as_ptr())?;
    Ok(info)
}

/// Imports `encodings` before the first lookup (once); a failed import leaves the builtin
/// codecs reachable as tuples, so an embedder without the standard library still encodes.
unsafe fn encodings_loaded() -> bool {
    if let Some(loaded) = state().encodings_loaded {
        return loaded;
    }
    // Set first: lookups made while the package imports see the builtin tuples.
    state().encodings_loaded = Some(false);
    let m = PyRef::from_owned(crate::import::api::PyImport_ImportModule(c"encodings".as_ptr()));
    if m.is_none() {
        crate::errors::pyerr::PyErr_Clear();
    }
    state().encodings_loaded = Some(m.is_some());
    if m.is_some() {
        // Tuples cached during the import give way to the package's CodecInfo objects.
        if let Some(c) = &state().search_cache {
            dict::clear(c.as_ptr());
        }
    }
    m.is_some()
}

unsafe fn search(key: *mut PyObject, encoding: &str) -> PyResult<PyRef> {
    // A copy: a search function may register or unregister others.
    let path: Vec<PyRef> = state().search_path.iter().map(|f| PyRef::from_borrowed(f.as_ptr()).unwrap()).collect();
    for f in path {
        let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(f.as_ptr(), key)).ok_or_else(Raised::assume_set)?;
        if r.as_ptr() == none() {
            continue;
        }
        if !tuple::is_tuple(r.as_ptr()) || tuple::len(r.as_ptr()) != 4 {
            return Err(type_error("codec search functions must return 4-tuples"));
        }
        return Ok(r);
    }
    Err(raise_type(&raw mut exc::_PyExc_LookupError, format!("unknown encoding: {encoding}")))
}

/// A C encoding argument as text (NULL: SystemError).
pub(crate) unsafe fn c_encoding<'a>(encoding: *const c_char) -> PyResult<&'a str> {
    if encoding.is_null() {
        return Err(bad_internal_call());
    }
    Ok(CStr::from_ptr(encoding).to_str().unwrap_or("\u{fffd}"))
}

/// Item `i` of the codec info for `encoding`.
unsafe fn info_item(encoding: *const c_char, i: usize) -> PyResult<PyRef> {
    let info = lookup(c_encoding(encoding)?)?;
    let item = crate::abstract_::item::PySequence_GetItem(info.as_ptr(), i as isize);
    PyRef::from_owned(item).ok_or_else(Raised::assume_set)
}

/// Calls `f(obj)` or `f(obj, errors)` and takes item 0 of its `(object, int)` answer.
/// Errors of the call itself come out wrapped: "encoding with 'X' codec failed (...)".
unsafe fn call_codec(f: *mut PyObject, obj: *mut PyObject, errors: Option<&str>, what: &str, wrap: &str) -> PyResult<PyRef> {
    let mut args = vec![PyRef::from_borrowed(obj).ok_or_else(bad_internal_call)?];
    if let Some(e) = errors {
        args.push(pystr::from_utf8(e)?);
    }
    let args = tuple::from_vec(args)?;
    let r = PyRef::from_owned(crate::abstract_::call::PyObject_Call(f, args.as_ptr(), core::ptr::null_mut()))
        .ok_or_else(|| crate::codecs::exceptions::wrap_pending(wrap))?;
    if !tuple::is_tuple(r.as_ptr()) || tuple::len(r.as_ptr()) != 2 {
        return Err(type_error(what));
    }
    Ok(PyRef::from_borrowed(tuple::items(r.as_ptr())[0]).unwrap())
}

/// `codecs.encode(obj, encoding, errors)` through the registry.
pub(crate) unsafe fn encode(obj: *mut PyObject, encoding: &str, errors: Option<&str>) -> PyResult<PyRef> {
    let info = lookup(encoding)?;
    let f = PyRef::from_owned(crate::abstract_::item::PySequence_GetItem(info.as_ptr(), 0)).ok_or_else(Raised::assume_set)?;
    call_codec(f.as_ptr(), obj, errors, "encoder must return a tuple (object, integer)", &format!("encoding with '{encoding}' codec failed"))
}

/// `codecs.decode(obj, encoding, errors)` through the registry.
pub(crate) unsafe fn decode(obj: *mut PyObject, encoding: &str, errors: Option<&str>) -> PyResult<PyRef> {
    let info = lookup(encoding)?;
    let f = PyRef::from_owned(crate::abstract_::item::PySequence_GetItem(info.as_ptr(), 1)).ok_or_else(Raised::assume_set)?;
    call_codec(f.as_ptr(), obj, errors, "decoder must return a tuple (object,integer)", &format!("decoding with '{encoding}' codec failed"))
}

/// The codec info for `encoding`, refusing a codec whose info says `_is_text_encoding` is
/// false (LookupError naming `alternate`, the call that handles arbitrary codecs).
unsafe fn lookup_text(encoding: &str, alternate: &str) -> PyResult<PyRef> {
    let info = lookup(encoding)?;
    let attr = pystr::intern("_is_text_encoding")?;
    if let Some(flag) = crate::object::object_attr::lookup_attr(info.as_ptr(), attr.as_ptr())? {
        if !crate::abstract_::object::is_true(flag.as_ptr())? {
            return Err(raise_type(
                &raw mut exc::_PyExc_LookupError,
                format!("'{encoding}' is not a text encoding; use {alternate} to handle arbitrary codecs"),
            ));
        }
    }
    Ok(info)
}

/// `PyObject *_PyCodec_LookupTextEncoding(const char *encoding, const char *alternate_command)`:
/// the codec info of a text encoding (str <-> bytes).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyCodec_LookupTextEncoding(encoding: *const c_char, alternate_command: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let alternate = if alternate_command.is_null() { "" } else { CStr::from_ptr(alternate_command).to_str().unwrap_or("") };
        lookup_text(c_encoding(encoding)?, alternate)
    })())
}

/// `PyObject *_PyCodec_EncodeText(PyObject *object, const char *encoding, const char *errors)`:
/// `PyCodec_Encode` restricted to text encodings.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyCodec_EncodeText(object: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let enc = c_encoding(encoding)?;
        let info = lookup_text(enc, "codecs.encode()")?;
        let f = PyRef::from_owned(crate::abstract_::item::PySequence_GetItem(info.as_ptr(), 0)).ok_or_else(Raised::assume_set)?;
        let errors = crate::codecs::error_mode::c_name(errors);
        call_codec(f.as_ptr(), object, errors.as_deref(), "encoder must return a tuple (object, integer)", &format!("encoding with '{enc}' codec failed"))
    })())
}

/// `PyObject *_PyCodec_DecodeText(PyObject *object, const char *encoding, const char *errors)`:
/// `PyCodec_Decode` restricted to text encodings.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyCodec_DecodeText(object: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let enc = c_encoding(encoding)?;
        let info = lookup_text(enc, "codecs.decode()")?;
        let f = PyRef::from_owned(crate::abstract_::item::PySequence_GetItem(info.as_ptr(), 1)).ok_or_else(Raised::assume_set)?;
        let errors = crate::codecs::error_mode::c_name(errors);
        call_codec(f.as_ptr(), object, errors.as_deref(), "decoder must return a tuple (object,integer)", &format!("decoding with '{enc}' codec failed"))
    })())
}

/// `int PyCodec_Register(PyObject *search_function)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_Register(search_function: *mut PyObject) -> c_int {
    crate::errors::normalize::status((|| {
        if search_function.is_null() {
            return Err(bad_internal_call());
        }
        if crate::abstract_::call::PyCallable_Check(search_function) == 0 {
            return Err(type_error("argument must be callable"));
        }
        state().search_path.push(PyRef::from_borrowed(search_function).unwrap());
        Ok(())
    })())
}

/// `int PyCodec_Unregister(PyObject *search_function)`: removes it and empties the cache;
/// 0 also when it was not registered.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_Unregister(search_function: *mut PyObject) -> c_int {
    let s = state();
    if let Some(i) = s.search_path.iter().position(|f| f.as_ptr() == search_function) {
        s.search_path.remove(i);
        if let Some(c) = &s.search_cache {
            dict::clear(c.as_ptr());
        }
    }
    0
}

/// `PyObject *_PyCodec_Lookup(const char *encoding)`: the codec info (new reference).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyCodec_Lookup(encoding: *const c_char) -> *mut PyObject {
    ret_obj(c_encoding(encoding).and_then(|e| lookup(e)))
}

/// `int PyCodec_KnownEncoding(const char *encoding)`: 1 if a lookup succeeds.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_KnownEncoding(encoding: *const c_char) -> c_int {
    match c_encoding(encoding).and_then(|e| lookup(e)) {
        Ok(_) => 1,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            0
        }
    }
}

/// `PyObject *PyCodec_Encode(PyObject *object, const char *encoding, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_Encode(object: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_encoding(encoding).and_then(|e| encode(object, e, crate::codecs::error_mode::c_name(errors))))
}

/// `PyObject *PyCodec_Decode(PyObject *object, const char *encoding, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_Decode(object: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj(c_encoding(encoding).and_then(|e| decode(object, e, crate::codecs::error_mode::c_name(errors))))
}

/// `PyObject *PyCodec_Encoder(const char *encoding)`: item 0 of the codec info.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_Encoder(encoding: *const c_char) -> *mut PyObject {
    ret_obj(info_item(encoding, 0))
}

/// `PyObject *PyCodec_Decoder(const char *encoding)`: item 1 of the codec info.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_Decoder(encoding: *const c_char) -> *mut PyObject {
    ret_obj(info_item(encoding, 1))
}

/// `info.<attr>(errors)` or `info.<attr>()`.
unsafe fn incremental(encoding: *const c_char, attr: &str, errors: *const c_char) -> PyResult<PyRef> {
    let info = lookup(c_encoding(encoding)?)?;
    incremental_of(info.as_ptr(), attr, errors)
}

/// `info.<attr>(errors)` or `info.<attr>()` for a codec info object.
unsafe fn incremental_of(info: *mut PyObject, attr: &str, errors: *const c_char) -> PyResult<PyRef> {
    let name = pystr::from_utf8(attr)?;
    let f = crate::object::object_attr::get_attr(info, name.as_ptr())?;
    let args = match crate::codecs::error_mode::c_name(errors) {
        Some(e) => tuple::from_vec(vec![pystr::from_utf8(e)?])?,
        None => tuple::new(0)?,
    };
    PyRef::from_owned(crate::abstract_::call::PyObject_Call(f.as_ptr(), args.as_ptr(), core::ptr::null_mut())).ok_or_else(Raised::assume_set)
}

/// `PyObject *PyCodec_IncrementalEncoder(const char *encoding, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_IncrementalEncoder(encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj(incremental(encoding, "incrementalencoder", errors))
}

/// `PyObject *PyCodec_IncrementalDecoder(const char *encoding, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_IncrementalDecoder(encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj(incremental(encoding, "incrementaldecoder", errors))
}

/// `PyObject *_PyCodecInfo_GetIncrementalEncoder(PyObject *codec_info, const char *errors)`:
/// `codec_info.incrementalencoder(errors)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyCodecInfo_GetIncrementalEncoder(codec_info: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    if codec_info.is_null() {
        return ret_obj(Err(bad_internal_call()));
    }
    ret_obj(incremental_of(codec_info, "incrementalencoder", errors))
}

/// `PyObject *_PyCodecInfo_GetIncrementalDecoder(PyObject *codec_info, const char *errors)`:
/// `codec_info.incrementaldecoder(errors)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyCodecInfo_GetIncrementalDecoder(codec_info: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    if codec_info.is_null() {
        return ret_obj(Err(bad_internal_call()));
    }
    ret_obj(incremental_of(codec_info, "incrementaldecoder", errors))
}

/// `factory(stream, errors)` for item `i` of the codec info.
unsafe fn stream(encoding: *const c_char, i: usize, stream: *mut PyObject, errors: *const c_char) -> PyResult<PyRef> {
    let f = info_item(encoding, i)?;
    let mut items = vec![PyRef::from_borrowed(stream).ok_or_else(bad_internal_call)?];
    if let Some(e) = crate::codecs::error_mode::c_name(errors) {
        items.push(pystr::from_utf8(e)?);
    }
    let args = tuple::from_vec(items)?;
    PyRef::from_owned(crate::abstract_::call::PyObject_Call(f.as_ptr(), args.as_ptr(), core::ptr::null_mut())).ok_or_else(Raised::assume_set)
}

/// `PyObject *PyCodec_StreamReader(const char *encoding, PyObject *stream, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_StreamReader(encoding: *const c_char, s: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj(stream(encoding, 2, s, errors))
}

/// `PyObject *PyCodec_StreamWriter(const char *encoding, PyObject *stream, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_StreamWriter(encoding: *const c_char, s: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj(stream(encoding, 3, s, errors))
}
