//! Encoding and decoding by codec name: the builtin codecs found by their names and
//! aliases (as the `encodings` package's alias table and normalization give them), other
//! names through the codec registry. `PyUnicode_Decode`, `PyUnicode_AsEncodedString`,
//! `PyUnicode_FromEncodedObject`, `PyUnicode_AsEncodedObject`, `PyUnicode_AsDecodedObject`,
//! and the builtin codecs' `(encode, decode)` functions for `PyCodec_Lookup`.
use core::ffi::c_char;

use crate::abstract_::{none, ret_obj, tp_name, type_error};
use crate::codecs::error_mode::{c_name, ErrorMode};
use crate::codecs::utf8::str_arg;
use crate::codecs::{ascii, latin1, raw_unicode_escape, registry, unicode_escape, utf16, utf32, utf8};
use crate::errors::raised::{PyResult, Raised};
use crate::object::methods::{PyMethodDef, METH_VARARGS};
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::objects::{bytes, int, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// Byte order of the UTF-16/32 codecs: `Native` reads/writes a BOM.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Order {
    Native,
    Little,
    Big,
}

impl Order {
    /// The order a C `byteorder` argument names: 0 native (with a BOM), -1 little, 1 big.
    pub(crate) fn from_c(byteorder: core::ffi::c_int) -> Order {
        match byteorder {
            0 => Order::Native,
            b if b < 0 => Order::Little,
            _ => Order::Big,
        }
    }
}

/// A UTF-16 or UTF-32 decoder: `byteorder` in (0 = detect a BOM) and out, `consumed` set
/// when the decoding is stateful.
pub(crate) type ByteOrderDecoder =
    unsafe fn(&[u8], *mut PyObject, ErrorMode, &mut core::ffi::c_int, Option<&mut usize>) -> PyResult<PyRef>;

/// The C side of `PyUnicode_DecodeUTF16Stateful`/`UTF32Stateful`: reads the C arguments,
/// runs `decode`, and writes `*byteorder` (even on failure) and `*consumed` back.
pub(crate) unsafe fn decode_c_byte_order(
    decode: ByteOrderDecoder,
    s: *const c_char,
    size: Py_ssize_t,
    errors: *const c_char,
    byteorder: *mut core::ffi::c_int,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    ret_obj((|| {
        let data = crate::codecs::utf8::c_buffer(s, size)?;
        let mut bo = if byteorder.is_null() { 0 } else { *byteorder };
        let mut n = 0usize;
        let r = decode(data, core::ptr::null_mut(), ErrorMode::new(c_name(errors)), &mut bo, (!consumed.is_null()).then_some(&mut n));
        if !byteorder.is_null() {
            *byteorder = bo;
        }
        let r = r?;
        if !consumed.is_null() {
            *consumed = n as Py_ssize_t;
        }
        Ok(r)
    })())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Builtin {
    Utf8,
    /// `utf-8-sig`: UTF-8 with a BOM written, and skipped when read.
    Utf8Sig,
    Latin1,
    Ascii,
    Utf16(Order),
    Utf32(Order),
    UnicodeEscape,
    RawUnicodeEscape,
}

/// Module-style names (`utf_8`), their aliases, and the builtin each selects.
const NAMES: &[(&str, Builtin)] = &[
    ("utf_8", Builtin::Utf8),
    ("utf8", Builtin::Utf8),
    ("u8", Builtin::Utf8),
    ("utf", Builtin::Utf8),
    ("utf8_ucs2", Builtin::Utf8),
    ("utf8_ucs4", Builtin::Utf8),
    ("cp65001", Builtin::Utf8),
    ("utf_8_sig", Builtin::Utf8Sig),
    ("latin_1", Builtin::Latin1),
    ("latin1", Builtin::Latin1),
    ("latin", Builtin::Latin1),
    ("l1", Builtin::Latin1),
    ("8859", Builtin::Latin1),
    ("cp819", Builtin::Latin1),
    ("csisolatin1", Builtin::Latin1),
    ("ibm819", Builtin::Latin1),
    ("iso8859", Builtin::Latin1),
    ("iso8859_1", Builtin::Latin1),
    ("iso_8859_1", Builtin::Latin1),
    ("iso_8859_1_1987", Builtin::Latin1),
    ("iso_ir_100", Builtin::Latin1),
    ("ascii", Builtin::Ascii),
    ("646", Builtin::Ascii),
    ("ansi_x3.4_1968", Builtin::Ascii),
    ("ansi_x3.4_1986", Builtin::Ascii),
    ("ansi_x3_4_1968", Builtin::Ascii),
    ("cp367", Builtin::Ascii),
    ("csascii", Builtin::Ascii),
    ("ibm367", Builtin::Ascii),
    ("iso646_us", Builtin::Ascii),
    ("iso_646.irv_1991", Builtin::Ascii),
    ("iso_ir_6", Builtin::Ascii),
    ("us", Builtin::Ascii),
    ("us_ascii", Builtin::Ascii),
    ("utf_16", Builtin::Utf16(Order::Native)),
    ("utf16", Builtin::Utf16(Order::Native)),
    ("u16", Builtin::Utf16(Order::Native)),
    ("utf_16_le", Builtin::Utf16(Order::Little)),
    ("utf_16le", Builtin::Utf16(Order::Little)),
    ("unicodelittleunmarked", Builtin::Utf16(Order::Little)),
    ("utf_16_be", Builtin::Utf16(Order::Big)),
    ("utf_16be", Builtin::Utf16(Order::Big)),
    ("unicodebigunmarked", Builtin::Utf16(Order::Big)),
    ("utf_32", Builtin::Utf32(Order::Native)),
    ("utf32", Builtin::Utf32(Order::Native)),
    ("u32", Builtin::Utf32(Order::Native)),
    ("utf_32_le", Builtin::Utf32(Order::Little)),
    ("utf_32le", Builtin::Utf32(Order::Little)),
    ("utf_32_be", Builtin::Utf32(Order::Big)),
    ("utf_32be", Builtin::Utf32(Order::Big)),
    ("unicode_escape", Builtin::UnicodeEscape),
    ("raw_unicode_escape", Builtin::RawUnicodeEscape),
];

/// The `encodings` package's normalization: lower case, each run of characters other than
/// letters, digits and '.' becomes one '_', none at the ends.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// The builtin codec `name` selects, if any.
pub(crate) fn builtin(name: &str) -> Option<Builtin> {
    // The common spellings without allocating.
    match name {
        "utf-8" | "utf8" | "UTF-8" => return Some(Builtin::Utf8),
        "ascii" => return Some(Builtin::Ascii),
        "latin-1" | "latin1" => return Some(Builtin::Latin1),
        _ => {}
    }
    let n = normalize(name);
    NAMES.iter().find(|e| e.0 == n).map(|e| e.1)
}

/// Whether `PyUnicode_Decode`/`PyUnicode_AsEncodedString` reach this name's codec
/// directly in CPython 3.11 (its other names go through the codec machinery, which wraps
/// plain errors as "decoding with 'X' codec failed (...)").
fn is_direct(name: &str) -> bool {
    let n = registry::normalize(name);
    matches!(
        n.as_str(),
        "utf_8" | "utf8" | "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "ascii" | "us_ascii" | "utf_16" | "utf16" | "utf_32" | "utf32"
    )
}

/// The module-style name of a builtin codec (its functions are `<name>_encode/_decode`).
fn module_name(b: Builtin) -> &'static str {
    NAMES.iter().find(|e| e.1 == b).map(|e| e.0).unwrap()
}

/// Encodes the str `s` with a builtin codec.
pub(crate) unsafe fn encode_builtin(b: Builtin, s: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    match b {
        Builtin::Utf8 => utf8::encode(s, errors),
        Builtin::Utf8Sig => {
            let mut v = vec![0xEF, 0xBB, 0xBF];
            v.extend_from_slice(&utf8::encode_vec(s, errors)?);
            bytes::from_slice(&v)
        }
        Builtin::Latin1 => latin1::encode(s, errors),
        Builtin::Ascii => ascii::encode(s, errors),
        Builtin::Utf16(o) => utf16::encode(s, errors, o),
        Builtin::Utf32(o) => utf32::encode(s, errors, o),
        Builtin::UnicodeEscape => unicode_escape::encode(s),
        Builtin::RawUnicodeEscape => raw_unicode_escape::encode(s),
    }
}

/// Decodes `data` (of the bytes object `owner`, or NULL) with a builtin codec; with
/// `consumed`, stops before an incomplete tail (stateful decoding).
pub(crate) unsafe fn decode_builtin(b: Builtin, data: &[u8], owner: *mut PyObject, errors: ErrorMode, consumed: Option<&mut usize>) -> PyResult<PyRef> {
    match b {
        Builtin::Utf8 => utf8::decode(data, owner, errors, consumed),
        Builtin::Utf8Sig => {
            // Positions in errors count from after the BOM, as CPython's decoder sees it.
            if data.len() < 3 && consumed.is_some() && [0xEF, 0xBB, 0xBF].starts_with(data) {
                *consumed.unwrap() = 0;
                return pystr::from_utf8("");
            }
            let (rest, skip) = if data.starts_with(&[0xEF, 0xBB, 0xBF]) { (&data[3..], 3) } else { (data, 0) };
            let owner = if skip == 0 { owner } else { core::ptr::null_mut() };
            match consumed {
                Some(c) => {
                    let r = utf8::decode(rest, owner, errors, Some(&mut *c))?;
                    *c += skip;
                    Ok(r)
                }
                None => utf8::decode(rest, owner, errors, None),
            }
        }
        Builtin::Latin1 => {
            if let Some(c) = consumed {
                *c = data.len();
            }
            latin1::decode(data)
        }
        Builtin::Ascii => {
            if let Some(c) = consumed {
                *c = data.len();
            }
            ascii::decode(data, owner, errors)
        }
        Builtin::Utf16(o) => {
            let mut bo = match o {
                Order::Native => 0,
                Order::Little => -1,
                Order::Big => 1,
            };
            utf16::decode(data, owner, errors, &mut bo, consumed)
        }
        Builtin::Utf32(o) => {
            let mut bo = match o {
                Order::Native => 0,
                Order::Little => -1,
                Order::Big => 1,
            };
            utf32::decode(data, owner, errors, &mut bo, consumed)
        }
        Builtin::UnicodeEscape => unicode_escape::decode(data, owner, errors, consumed),
        Builtin::RawUnicodeEscape => raw_unicode_escape::decode(data, owner, errors, consumed),
    }
}

/// `str.encode(encoding, errors)` semantics: a builtin codec, or the registry's encoder,
/// which must give bytes.
pub(crate) unsafe fn encode_text(s: *mut PyObject, encoding: Option<&str>, errors: Option<&str>) -> PyResult<PyRef> {
    let Some(encoding) = encoding else { return utf8::encode(s, ErrorMode::new(errors)) };
    if let Some(b) = builtin(encoding) {
        let r = encode_builtin(b, s, ErrorMode::new(errors));
        if r.is_err() && !is_direct(encoding) {
            return Err(crate::codecs::exceptions::wrap_pending(&format!("encoding with '{encoding}' codec failed")));
        }
        return r;
    }
    let r = registry::encode(s, encoding, errors)?;
    if !bytes::is_bytes(r.as_ptr()) {
        return Err(type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            tp_name(r.as_ptr())
        )));
    }
    Ok(r)
}

/// `bytes.decode(encoding, errors)` semantics for the bytes-like data `data` held by
/// `owner` (a bytes object, or another buffer exporter, or NULL).
pub(crate) unsafe fn decode_text(data: &[u8], owner: *mut PyObject, encoding: Option<&str>, errors: Option<&str>) -> PyResult<PyRef> {
    let bytes_owner = if !owner.is_null() && bytes::is_bytes(owner) { owner } else { core::ptr::null_mut() };
    let Some(encoding) = encoding else { return utf8::decode(data, bytes_owner, ErrorMode::new(errors), None) };
    if let Some(b) = builtin(encoding) {
        let r = decode_builtin(b, data, bytes_owner, ErrorMode::new(errors), None);
        if r.is_err() && !is_direct(encoding) {
            return Err(crate::codecs::exceptions::wrap_pending(&format!("decoding with '{encoding}' codec failed")));
        }
        return r;
    }
    let obj = if owner.is_null() { bytes::from_slice(data)? } else { PyRef::from_borrowed(owner).unwrap() };
    let r = registry::decode(obj.as_ptr(), encoding, errors)?;
    if !pystr::is_str(r.as_ptr()) {
        return Err(type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            tp_name(r.as_ptr())
        )));
    }
    Ok(r)
}

/// `PyObject *PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding,
/// const char *errors)`: NULL encoding means UTF-8.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Decode(s: *const c_char, size: Py_ssize_t, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj(utf8::c_buffer(s, size).and_then(|d| decode_text(d, core::ptr::null_mut(), c_name(encoding), c_name(errors))))
}

/// `PyObject *PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding, const
/// char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsEncodedString(unicode: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj(str_arg(unicode).and_then(|s| encode_text(s, c_name(encoding), c_name(errors))))
}

/// `PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char
/// *errors)`: decodes a bytes-like object; str is refused with CPython's message.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromEncodedObject(obj: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj(from_encoded_object(obj, c_name(encoding), c_name(errors)))
}

/// `str(obj, encoding, errors)` for a non-str `obj` (also the str type's hook).
pub(crate) unsafe fn from_encoded_object(obj: *mut PyObject, encoding: Option<&str>, errors: Option<&str>) -> PyResult<PyRef> {
    if obj.is_null() {
        return Err(bad_internal_call());
    }
    if bytes::is_bytes(obj) {
        let data = bytes::as_slice(obj);
        if data.is_empty() {
            return pystr::from_utf8("");
        }
        return decode_text(data, obj, encoding, errors);
    }
    if pystr::is_str(obj) {
        return Err(type_error("decoding str is not supported"));
    }
    match crate::objects::bytes_buffer::copy_buffer(obj) {
        Some(data) => {
            let data = data?;
            if data.is_empty() {
                return pystr::from_utf8("");
            }
            decode_text(&data, obj, encoding, errors)
        }
        None => Err(type_error(format!("decoding to str: need a bytes-like object, {} found", tp_name(obj)))),
    }
}

/// `PyObject *PyUnicode_AsEncodedObject(PyObject *unicode, const char *encoding, const
/// char *errors)` (deprecated): `codecs.encode`, any result type.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsEncodedObject(unicode: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let s = str_arg(unicode)?;
        registry::encode(s, c_name(encoding).unwrap_or("utf-8"), c_name(errors))
    })())
}

/// `PyObject *PyUnicode_AsDecodedObject(PyObject *unicode, const char *encoding, const
/// char *errors)` (deprecated): `codecs.decode` of a str, any result type.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsDecodedObject(unicode: *mut PyObject, encoding: *const c_char, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        let s = str_arg(unicode)?;
        registry::decode(s, c_name(encoding).unwrap_or("utf-8"), c_name(errors))
    })())
}

// ---- the builtin codecs' functions, for PyCodec_Lookup ------------------------------------

/// The optional `errors` argument (None or absent: `None`).
unsafe fn errors_arg(args: &[*mut PyObject], module: &str, what: &str) -> PyResult<Option<String>> {
    match args.get(1) {
        None => Ok(None),
        Some(&a) if a == none() => Ok(None),
        Some(&a) if pystr::is_str(a) => Ok(Some(pystr::to_string(a))),
        Some(&a) => Err(type_error(format!("{module}_{what}() argument 2 must be str or None, not {}", tp_name(a)))),
    }
}

/// The positional arguments of the `encode(input, errors='strict')` and
/// `decode(input, errors='strict')` functions the `encodings` modules define.
unsafe fn codec_args<'a>(args: *mut PyObject, f: &str) -> PyResult<&'a [*mut PyObject]> {
    let a = tuple::items(args);
    match a.len() {
        0 => Err(type_error(format!("{f}() missing 1 required positional argument: 'input'"))),
        1 | 2 => Ok(a),
        n => Err(type_error(format!("{f}() takes from 1 to 2 positional arguments but {n} were given"))),
    }
}

/// `encode(input, errors='strict') -> (bytes, len(input))`; `self` names the codec.
unsafe extern "C" fn builtin_encode(self_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let a = codec_args(args, "encode")?;
        let module = pystr::to_string(self_);
        let b = builtin(&module).ok_or_else(bad_internal_call)?;
        if !pystr::is_str(a[0]) {
            return Err(type_error(format!("{module}_encode() argument 1 must be str, not {}", tp_name(a[0]))));
        }
        let errors = errors_arg(a, &module, "encode")?;
        let r = encode_builtin(b, a[0], ErrorMode::new(errors.as_deref()))?;
        tuple::from_slice(&[r, int::from_i64(pystr::len(a[0]) as i64)?])
    })())
}

/// `decode(input, errors='strict') -> (str, len(input))`: the whole input (final).
unsafe extern "C" fn builtin_decode(self_: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let a = codec_args(args, "decode")?;
        let module = pystr::to_string(self_);
        let b = builtin(&module).ok_or_else(bad_internal_call)?;
        let data = crate::objects::bytes::bytes_like(a[0])?;
        let errors = errors_arg(a, &module, "decode")?;
        let owner = if bytes::is_bytes(a[0]) { a[0] } else { core::ptr::null_mut() };
        let r = decode_builtin(b, &data, owner, ErrorMode::new(errors.as_deref()), None)?;
        tuple::from_slice(&[r, int::from_i64(data.len() as i64)?])
    })())
}

/// The two function definitions; each function object's `self` is the codec's name.
static mut BUILTIN_FUNCTIONS: [PyMethodDef; 2] = [
    PyMethodDef { ml_name: c"encode".as_ptr(), ml_meth: Some(builtin_encode), ml_flags: METH_VARARGS, ml_doc: core::ptr::null() },
    PyMethodDef { ml_name: c"decode".as_ptr(), ml_meth: Some(builtin_decode), ml_flags: METH_VARARGS, ml_doc: core::ptr::null() },
];

/// `(encode, decode, None, None)` for a builtin codec name, or None for other names.
pub(crate) unsafe fn builtin_codec_info(encoding: &str) -> PyResult<Option<PyRef>> {
    let Some(b) = builtin(encoding) else { return Ok(None) };
    let defs = &mut *(&raw mut BUILTIN_FUNCTIONS);
    let self_ = pystr::from_utf8(module_name(b))?;
    let mk = |ml: *mut PyMethodDef| {
        PyRef::from_owned(crate::objects::cfunction::PyCFunction_NewEx(ml, self_.as_ptr(), core::ptr::null_mut())).ok_or_else(Raised::assume_set)
    };
    let enc = mk(&mut defs[0])?;
    let dec = mk(&mut defs[1])?;
    let n = PyRef::from_borrowed(none()).unwrap();
    Ok(Some(tuple::from_slice(&[enc, dec, n.clone(), n])?))
}
