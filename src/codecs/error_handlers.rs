//! The error-handler registry (`PyCodec_RegisterError`, `PyCodec_LookupError`) and the
//! builtin handlers as functions of the exception (`PyCodec_StrictErrors`, ...), which are
//! also registered as builtin function objects under their names, as in CPython. The codecs
//! run the common handlers inline (see error_mode.rs); these are what other callers and
//! `codecs.lookup_error` see.
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::codecs::char_names::name_of;
use crate::codecs::encoder::backslash_escape;
use crate::codecs::exceptions::raise_instance;
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::errors::unicodeerror as ue;
use crate::object::method_table::plain;
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise_type, bad_internal_call};
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::{bytes, dict, int, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// Which Unicode error a handler was given.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Encode,
    Decode,
    Translate,
}

unsafe fn which(e: *mut PyObject) -> Option<Which> {
    let is = |tp: *mut PyTypeObject| crate::abstract_::is_instance_of(e, tp);
    if is(&raw mut exc::_PyExc_UnicodeEncodeError) {
        Some(Which::Encode)
    } else if is(&raw mut exc::_PyExc_UnicodeDecodeError) {
        Some(Which::Decode)
    } else if is(&raw mut exc::_PyExc_UnicodeTranslateError) {
        Some(Which::Translate)
    } else {
        None
    }
}

unsafe fn wrong_type(e: *mut PyObject) -> Raised {
    type_error(format!("don't know how to handle {} in error callback", tp_name(e)))
}

fn status(r: c_int) -> PyResult<()> {
    if r < 0 {
        Err(Raised::assume_set())
    } else {
        Ok(())
    }
}

/// `start` and `end` as the accessors clamp them.
unsafe fn range(e: *mut PyObject, w: Which) -> PyResult<(usize, usize)> {
    let (mut s, mut t): (Py_ssize_t, Py_ssize_t) = (0, 0);
    match w {
        Which::Encode => {
            status(ue::PyUnicodeEncodeError_GetStart(e, &mut s))?;
            status(ue::PyUnicodeEncodeError_GetEnd(e, &mut t))?;
        }
        Which::Decode => {
            status(ue::PyUnicodeDecodeError_GetStart(e, &mut s))?;
            status(ue::PyUnicodeDecodeError_GetEnd(e, &mut t))?;
        }
        Which::Translate => {
            status(ue::PyUnicodeTranslateError_GetStart(e, &mut s))?;
            status(ue::PyUnicodeTranslateError_GetEnd(e, &mut t))?;
        }
    }
    if t < s {
        return Err(raise_type(&raw mut exc::_PyExc_SystemError, "Negative size passed to PyUnicode_New"));
    }
    Ok((s.max(0) as usize, t.max(0) as usize))
}

unsafe fn object(e: *mut PyObject, w: Which) -> PyResult<PyRef> {
    let o = match w {
        Which::Encode => ue::PyUnicodeEncodeError_GetObject(e),
        Which::Decode => ue::PyUnicodeDecodeError_GetObject(e),
        Which::Translate => ue::PyUnicodeTranslateError_GetObject(e),
    };
    PyRef::from_owned(o).ok_or_else(Raised::assume_set)
}

/// The `(replacement, end)` tuple handlers return.
unsafe fn answer(rep: PyRef, pos: usize) -> PyResult<PyRef> {
    tuple::from_slice(&[rep, int::from_i64(pos as i64)?])
}

unsafe fn answer_text(text: &str, pos: usize) -> PyResult<PyRef> {
    answer(pystr::from_utf8(text)?, pos)
}

/// The characters `start..end` of the error's str object.
unsafe fn chars(e: *mut PyObject, w: Which) -> PyResult<(Vec<u32>, usize)> {
    let (start, end) = range(e, w)?;
    let o = object(e, w)?;
    let v = crate::codecs::str_view::StrView::new(o.as_ptr());
    Ok(((start..end.min(v.len)).map(|i| v.get(i)).collect(), end))
}

unsafe fn strict(e: *mut PyObject) -> PyResult<PyRef> {
    if e.is_null() || !crate::errors::pyerr::is_exception_instance(e) {
        return Err(type_error("codec must pass exception instance"));
    }
    Err(raise_instance(&PyRef::from_borrowed(e).unwrap()))
}

unsafe fn ignore(e: *mut PyObject) -> PyResult<PyRef> {
    let w = which(e).ok_or_else(|| wrong_type(e))?;
    let (_, end) = range(e, w)?;
    answer_text("", end)
}

unsafe fn replace(e: *mut PyObject) -> PyResult<PyRef> {
    let w = which(e).ok_or_else(|| wrong_type(e))?;
    let (start, end) = range(e, w)?;
    let text = match w {
        Which::Encode => "?".repeat(end - start),
        Which::Decode => "\u{FFFD}".to_string(),
        Which::Translate => "\u{FFFD}".repeat(end - start),
    };
    answer_text(&text, end)
}

unsafe fn xmlcharrefreplace(e: *mut PyObject) -> PyResult<PyRef> {
    if which(e) != Some(Which::Encode) {
        return Err(wrong_type(e));
    }
    let (cs, end) = chars(e, Which::Encode)?;
    let text: String = cs.iter().map(|c| format!("&#{c};")).collect();
    answer_text(&text, end)
}

unsafe fn backslashreplace(e: *mut PyObject) -> PyResult<PyRef> {
    let w = which(e).ok_or_else(|| wrong_type(e))?;
    if w == Which::Decode {
        let (start, end) = range(e, w)?;
        let o = object(e, w)?;
        let data = bytes::as_slice(o.as_ptr());
        let text: String = data[start..end.min(data.len())].iter().map(|b| format!("\\x{b:02x}")).collect();
        return answer_text(&text, end);
    }
    let (cs, end) = chars(e, w)?;
    let text: String = cs.iter().map(|&c| backslash_escape(c)).collect();
    answer_text(&text, end)
}

unsafe fn namereplace(e: *mut PyObject) -> PyResult<PyRef> {
    if which(e) != Some(Which::Encode) {
        return Err(wrong_type(e));
    }
    let (cs, end) = chars(e, Which::Encode)?;
    let text: String = cs
        .iter()
        .map(|&c| match name_of(c) {
            Some(n) => format!("\\N{{{n}}}"),
            None => backslash_escape(c),
        })
        .collect();
    answer_text(&text, end)
}

/// The UTF form `surrogatepass` knows for an encoding name: (bits, big-endian).
fn utf_form(encoding: &str) -> Option<(u32, bool)> {
    let n: String = encoding.to_ascii_lowercase().replace('_', "-");
    let rest = n.strip_prefix("utf-").or_else(|| n.strip_prefix("utf"))?;
    let (bits, tail) = if let Some(t) = rest.strip_prefix("16") {
        (16, t)
    } else if let Some(t) = rest.strip_prefix("32") {
        (32, t)
    } else if rest == "8" {
        return Some((8, false));
    } else {
        return None;
    };
    match tail {
        "" | "-le" => Some((bits, false)),
        "-be" => Some((bits, true)),
        _ => None,
    }
}

unsafe fn encoding_of(e: *mut PyObject, w: Which) -> PyResult<String> {
    let p = match w {
        Which::Encode => ue::PyUnicodeEncodeError_GetEncoding(e),
        _ => ue::PyUnicodeDecodeError_GetEncoding(e),
    };
    let p = PyRef::from_owned(p).ok_or_else(Raised::assume_set)?;
    Ok(pystr::to_string(p.as_ptr()))
}

unsafe fn surrogatepass(e: *mut PyObject) -> PyResult<PyRef> {
    let w = which(e).ok_or_else(|| wrong_type(e))?;
    if w == Which::Translate {
        return Err(wrong_type(e));
    }
    let form = utf_form(&encoding_of(e, w)?);
    let Some((bits, big)) = form else { return strict(e) };
    if w == Which::Encode {
        let (cs, end) = chars(e, w)?;
        let mut out = Vec::new();
        for c in cs {
            if !(0xD800..0xE000).contains(&c) {
                return strict(e);
            }
            match (bits, big) {
                (8, _) => crate::codecs::utf8::write_char(&mut out, c),
                (16, false) => out.extend_from_slice(&(c as u16).to_le_bytes()),
                (16, true) => out.extend_from_slice(&(c as u16).to_be_bytes()),
                (_, false) => out.extend_from_slice(&c.to_le_bytes()),
                (_, true) => out.extend_from_slice(&c.to_be_bytes()),
            }
        }
        return answer(bytes::from_slice(&out)?, end);
    }
    let (start, _) = range(e, w)?;
    let o = object(e, w)?;
    let data = &bytes::as_slice(o.as_ptr())[start..];
    let read = |n: usize| -> Option<u32> {
        let b = data.get(..n)?;
        Some(match (n, big) {
            (2, false) => u16::from_le_bytes([b[0], b[1]]) as u32,
            (2, true) => u16::from_be_bytes([b[0], b[1]]) as u32,
            (_, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            (_, true) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
        })
    };
    let got = match bits {
        8 => (data.len() >= 3 && data[0] & 0xF0 == 0xE0 && data[1] & 0xC0 == 0x80 && data[2] & 0xC0 == 0x80)
            .then(|| ((((data[0] & 0x0F) as u32) << 12) | (((data[1] & 0x3F) as u32) << 6) | (data[2] & 0x3F) as u32, 3)),
        16 => read(2).map(|c| (c, 2)),
        _ => read(4).map(|c| (c, 4)),
    };
    match got {
        Some((c, n)) if (0xD800..0xE000).contains(&c) => answer(pystr::from_code_points(&[c])?, start + n),
        _ => strict(e),
    }
}

unsafe fn surrogateescape(e: *mut PyObject) -> PyResult<PyRef> {
    let w = which(e).ok_or_else(|| wrong_type(e))?;
    match w {
        Which::Encode => {
            let (cs, end) = chars(e, w)?;
            if cs.iter().any(|c| !(0xDC80..=0xDCFF).contains(c)) {
                return strict(e);
            }
            let out: Vec<u8> = cs.iter().map(|&c| (c - 0xDC00) as u8).collect();
            answer(bytes::from_slice(&out)?, end)
        }
        Which::Decode => {
            let (start, end) = range(e, w)?;
            let o = object(e, w)?;
            let data = bytes::as_slice(o.as_ptr());
            let cs: Vec<u32> =
                data[start..end.min(data.len())].iter().take(4).take_while(|&&b| b >= 0x80).map(|&b| 0xDC00 + b as u32).collect();
            if cs.is_empty() {
                return strict(e);
            }
            let n = cs.len();
            answer(pystr::from_code_points(&cs)?, start + n)
        }
        Which::Translate => Err(wrong_type(e)),
    }
}

/// `PyObject *PyCodec_StrictErrors(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_StrictErrors(exc: *mut PyObject) -> *mut PyObject {
    ret_obj(strict(exc))
}

/// `PyObject *PyCodec_IgnoreErrors(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_IgnoreErrors(exc: *mut PyObject) -> *mut PyObject {
    ret_obj(ignore(exc))
}

/// `PyObject *PyCodec_ReplaceErrors(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_ReplaceErrors(exc: *mut PyObject) -> *mut PyObject {
    ret_obj(replace(exc))
}

/// `PyObject *PyCodec_XMLCharRefReplaceErrors(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_XMLCharRefReplaceErrors(exc: *mut PyObject) -> *mut PyObject {
    ret_obj(xmlcharrefreplace(exc))
}

/// `PyObject *PyCodec_BackslashReplaceErrors(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_BackslashReplaceErrors(exc: *mut PyObject) -> *mut PyObject {
    ret_obj(backslashreplace(exc))
}

/// `PyObject *PyCodec_NameReplaceErrors(PyObject *exc)`.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyCodec_NameReplaceErrors(exc: *mut PyObject) -> *mut PyObject {
    ret_obj(namereplace(exc))
}

unsafe extern "C" fn strict_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(strict(exc))
}
unsafe extern "C" fn ignore_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(ignore(exc))
}
unsafe extern "C" fn replace_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(replace(exc))
}
unsafe extern "C" fn xmlcharrefreplace_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(xmlcharrefreplace(exc))
}
unsafe extern "C" fn backslashreplace_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(backslashreplace(exc))
}
unsafe extern "C" fn namereplace_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(namereplace(exc))
}
unsafe extern "C" fn surrogatepass_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(surrogatepass(exc))
}
unsafe extern "C" fn surrogateescape_meth(_self: *mut PyObject, exc: *mut PyObject) -> *mut PyObject {
    ret_obj(surrogateescape(exc))
}

/// The builtin handlers: registry name and function object definition.
static mut BUILTIN_HANDLERS: [(&str, PyMethodDef); 8] = [
    ("strict", plain(c"strict_errors", strict_meth, METH_O)),
    ("ignore", plain(c"ignore_errors", ignore_meth, METH_O)),
    ("replace", plain(c"replace_errors", replace_meth, METH_O)),
    ("xmlcharrefreplace", plain(c"xmlcharrefreplace_errors", xmlcharrefreplace_meth, METH_O)),
    ("backslashreplace", plain(c"backslashreplace_errors", backslashreplace_meth, METH_O)),
    ("namereplace", plain(c"namereplace_errors", namereplace_meth, METH_O)),
    ("surrogatepass", plain(c"surrogatepass", surrogatepass_meth, METH_O)),
    ("surrogateescape", plain(c"surrogateescape", surrogateescape_meth, METH_O)),
];

/// The interpreter's handler dict, filled with the builtin handlers on first use.
unsafe fn registry() -> PyResult<*mut PyObject> {
    let state = crate::codecs::registry::state();
    if let Some(d) = &state.error_registry {
        return Ok(d.as_ptr());
    }
    let d = dict::new()?;
    for (name, ml) in (*(&raw mut BUILTIN_HANDLERS)).iter_mut() {
        let f = PyRef::from_owned(crate::objects::cfunction::PyCFunction_NewEx(ml, core::ptr::null_mut(), core::ptr::null_mut()))
            .ok_or_else(Raised::assume_set)?;
        let key = pystr::from_utf8(name)?;
        dict::set_item(d.as_ptr(), key.as_ptr(), f.as_ptr())?;
    }
    let p = d.as_ptr();
    state.error_registry = Some(d);
    Ok(p)
}

/// The handler registered under `name` (LookupError when there is none).
pub(crate) unsafe fn lookup(name: &str) -> PyResult<PyRef> {
    let d = registry()?;
    match dict::get_item_str(d, name)? {
        Some(f) => Ok(PyRef::from_borrowed(f).unwrap()),
        None => Err(raise_type(&raw mut exc::_PyExc_LookupError, format!("unknown error handler name '{name}'"))),
    }
}

/// `int PyCodec_RegisterError(const char *name, PyObject *error)`.
#[no_mangle]
pub unsafe extern "C" fn PyCodec_RegisterError(name: *const c_char, error: *mut PyObject) -> c_int {
    crate::errors::normalize::status((|| {
        if name.is_null() || error.is_null() {
            return Err(bad_internal_call());
        }
        if crate::abstract_::call::PyCallable_Check(error) == 0 {
            return Err(type_error("handler must be callable"));
        }
        let d = registry()?;
        let key = crate::codecs::utf8::decode_strict(CStr::from_ptr(name).to_bytes())?;
        dict::set_item(d, key.as_ptr(), error)
    })())
}

/// `PyObject *PyCodec_LookupError(const char *name)`: NULL names "strict".
#[no_mangle]
pub unsafe extern "C" fn PyCodec_LookupError(name: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        if name.is_null() {
            return lookup("strict");
        }
        match CStr::from_ptr(name).to_str() {
            Ok(n) => lookup(n),
            Err(_) => Err(raise_type(
                &raw mut exc::_PyExc_LookupError,
                format!("unknown error handler name '{}'", String::from_utf8_lossy(CStr::from_ptr(name).to_bytes())),
            )),
        }
    })())
}
