//! `UnicodeEncodeError`, `UnicodeDecodeError`, `UnicodeTranslateError`: `encoding`,
//! `object`, `start`, `end`, `reason`, their strs (`'utf-8' codec can't decode byte 0xff in
//! position 0: invalid start byte`) and the `PyUnicode{Encode,Decode,Translate}Error_*`
//! accessors.
use core::ffi::{c_char, c_int};

use crate::errors::baseexception::{self as be, to_c, to_status, END_MEMBER};
use crate::errors::exceptions::PyUnicodeErrorObject;
use crate::errors::objtext;
use crate::errors::raised::PyResult;
use crate::errors::small_exceptions::gc_fields;
use crate::object::member::{PyMemberDef, T_OBJECT, T_PYSSIZET};
use crate::object::object::{PyObject, PyVarObject};
use crate::object::pending_error::{bad_internal_call, raise, ExcType};
use crate::object::ptr::PyRef;
use crate::object::typeobject::Py_TPFLAGS_BYTES_SUBCLASS;
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_ssize_t;

gc_fields!(PyUnicodeErrorObject, unicodeerror_clear, unicodeerror_traverse, encoding, object, reason);

unsafe fn ue<'a>(op: *mut PyObject) -> &'a mut PyUnicodeErrorObject {
    &mut *(op as *mut PyUnicodeErrorObject)
}

unsafe fn is_bytes(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_BYTES_SUBCLASS != 0
}

unsafe fn bytes_data<'a>(op: *mut PyObject) -> &'a [u8] {
    let len = (*(op as *mut PyVarObject)).ob_size as usize;
    let data = (op as *mut u8).add(core::mem::offset_of!(crate::objects::bytes::PyBytesObject, ob_sval));
    core::slice::from_raw_parts(data, len)
}

/// The argument kinds of the three constructors (CPython's `PyArg_ParseTuple` formats).
#[derive(Clone, Copy)]
enum Arg {
    Str,
    Bytes,
    Index,
}

/// Parses `args` per `kinds`, with `PyArg_ParseTuple`'s messages.
unsafe fn parse(args: &[*mut PyObject], kinds: &[Arg]) -> PyResult<()> {
    if args.len() != kinds.len() {
        return Err(raise(
            ExcType::TypeError,
            format!("function takes exactly {} arguments ({} given)", kinds.len(), args.len()),
        ));
    }
    for (i, (&a, kind)) in args.iter().zip(kinds).enumerate() {
        match kind {
            Arg::Str if !pystr::is_str(a) => {
                // PyArg_ParseTuple names None "None", other objects by their type.
                let name = if a == be::none() { "None".to_string() } else { objtext::type_name_of(a) };
                return Err(raise(ExcType::TypeError, format!("argument {} must be str, not {name}", i + 1)));
            }
            // TODO(containers): bytearray and other buffers are copied into bytes in CPython.
            Arg::Bytes if !is_bytes(a) => {
                let name = objtext::type_name_of(a);
                return Err(raise(ExcType::TypeError, format!("a bytes-like object is required, not '{name}'")));
            }
            Arg::Index => {
                objtext::index_value(a)?;
            }
            _ => {}
        }
    }
    Ok(())
}

unsafe fn init_fields(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject, kinds: &[Arg], has_encoding: bool) -> PyResult<()> {
    be::init_args(op, args, kwds)?;
    let a: Vec<*mut PyObject> = be::args_of(op).to_vec();
    parse(&a, kinds)?;
    let u = ue(op);
    let rest = if has_encoding {
        be::set_field(&mut u.encoding, a[0]);
        &a[1..]
    } else {
        &a[..]
    };
    be::set_field(&mut u.object, rest[0]);
    u.start = objtext::index_value(rest[1])? as Py_ssize_t;
    u.end = objtext::index_value(rest[2])? as Py_ssize_t;
    be::set_field(&mut u.reason, rest[3]);
    Ok(())
}

pub(crate) unsafe extern "C" fn encode_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status(init_fields(op, args, kwds, &[Arg::Str, Arg::Str, Arg::Index, Arg::Index, Arg::Str], true))
}

pub(crate) unsafe extern "C" fn decode_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status(init_fields(op, args, kwds, &[Arg::Str, Arg::Bytes, Arg::Index, Arg::Index, Arg::Str], true))
}

pub(crate) unsafe extern "C" fn translate_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status(init_fields(op, args, kwds, &[Arg::Str, Arg::Index, Arg::Index, Arg::Str], false))
}

/// `'\xe9'`, `'\u1234'`, `'\U0001f600'`: how the strs show one bad character.
fn escaped_char(c: u32) -> String {
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// The common shape of the three strs; `one` renders the single bad item at `start`.
unsafe fn error_str(op: *mut PyObject, len: usize, one: impl Fn(usize) -> String, many: &str) -> PyResult<PyRef> {
    let u = ue(op);
    let reason = objtext::str_or_null(u.reason)?;
    let (start, end) = (u.start, u.end);
    let text = if start >= 0 && (start as usize) < len && end == start + 1 {
        format!("{} in position {start}: {reason}", one(start as usize))
    } else {
        format!("{many} in position {start}-{}: {reason}", end - 1)
    };
    pystr::from_utf8(&text)
}

unsafe fn encoding_prefix(op: *mut PyObject) -> PyResult<String> {
    Ok(format!("'{}' codec can't", objtext::str_or_null(ue(op).encoding)?))
}

pub(crate) unsafe extern "C" fn encode_str(op: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let obj = ue(op).object;
        if obj.is_null() || !pystr::is_str(obj) {
            return pystr::from_utf8("");
        }
        let p = encoding_prefix(op)?;
        error_str(
            op,
            pystr::len(obj),
            |i| format!("{p} encode character '{}'", escaped_char(pystr::read_char(obj, i))),
            &format!("{p} encode characters"),
        )
    })())
}

pub(crate) unsafe extern "C" fn decode_str(op: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let obj = ue(op).object;
        if obj.is_null() || !is_bytes(obj) {
            return pystr::from_utf8("");
        }
        let p = encoding_prefix(op)?;
        let data = bytes_data(obj);
        error_str(op, data.len(), |i| format!("{p} decode byte 0x{:02x}", data[i]), &format!("{p} decode bytes"))
    })())
}

pub(crate) unsafe extern "C" fn translate_str(op: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let obj = ue(op).object;
        if obj.is_null() || !pystr::is_str(obj) {
            return pystr::from_utf8("");
        }
        error_str(
            op,
            pystr::len(obj),
            |i| format!("can't translate character '{}'", escaped_char(pystr::read_char(obj, i))),
            "can't translate characters",
        )
    })())
}

macro_rules! ue_member {
    ($name:literal, $ty:expr, $field:ident, $doc:literal) => {
        PyMemberDef {
            name: $name.as_ptr(),
            r#type: $ty,
            offset: core::mem::offset_of!(PyUnicodeErrorObject, $field) as Py_ssize_t,
            flags: 0,
            doc: $doc.as_ptr(),
        }
    };
}

pub(crate) static mut UNICODEERROR_MEMBERS: [PyMemberDef; 6] = [
    ue_member!(c"encoding", T_OBJECT, encoding, c"exception encoding"),
    ue_member!(c"object", T_OBJECT, object, c"exception object"),
    ue_member!(c"start", T_PYSSIZET, start, c"exception start"),
    ue_member!(c"end", T_PYSSIZET, end, c"exception end"),
    ue_member!(c"reason", T_OBJECT, reason, c"exception reason"),
    END_MEMBER,
];

// ---- the C accessors --------------------------------------------------------------------------

/// The exception behind an accessor's argument: SystemError for NULL or an object without
/// the Unicode error layout (where CPython would read past the object).
unsafe fn checked<'a>(exc: *mut PyObject) -> PyResult<&'a mut PyUnicodeErrorObject> {
    if exc.is_null()
        || !be::is_instance(exc)
        || ((*(*exc).ob_type).tp_basicsize as usize) < core::mem::size_of::<PyUnicodeErrorObject>()
    {
        return Err(bad_internal_call());
    }
    Ok(ue(exc))
}

/// A str attribute (new reference): TypeError when unset or not a str.
unsafe fn str_attr(attr: *mut PyObject, name: &str) -> PyResult<PyRef> {
    if attr.is_null() {
        return Err(raise(ExcType::TypeError, format!("{name} attribute not set")));
    }
    if !pystr::is_str(attr) {
        return Err(raise(ExcType::TypeError, format!("{name} attribute must be unicode")));
    }
    Ok(PyRef::from_borrowed(attr).expect("live"))
}

/// A bytes attribute (new reference): TypeError when unset or not bytes.
unsafe fn bytes_attr(attr: *mut PyObject, name: &str) -> PyResult<PyRef> {
    if attr.is_null() {
        return Err(raise(ExcType::TypeError, format!("{name} attribute not set")));
    }
    if !is_bytes(attr) {
        return Err(raise(ExcType::TypeError, format!("{name} attribute must be bytes")));
    }
    Ok(PyRef::from_borrowed(attr).expect("live"))
}

/// The length of `object` for the start/end getters (str or bytes per the kind).
unsafe fn object_len(u: &PyUnicodeErrorObject, bytes: bool) -> PyResult<Py_ssize_t> {
    Ok(if bytes {
        bytes_data(bytes_attr(u.object, "object")?.as_ptr()).len() as Py_ssize_t
    } else {
        pystr::len(str_attr(u.object, "object")?.as_ptr()) as Py_ssize_t
    })
}

unsafe fn get_start(exc: *mut PyObject, out: *mut Py_ssize_t, bytes: bool) -> c_int {
    to_status((|| {
        let u = checked(exc)?;
        let size = object_len(u, bytes)?;
        let mut start = u.start;
        if start < 0 {
            start = 0;
        }
        if start >= size {
            start = size - 1;
        }
        *out = start;
        Ok(())
    })())
}

unsafe fn get_end(exc: *mut PyObject, out: *mut Py_ssize_t, bytes: bool) -> c_int {
    to_status((|| {
        let u = checked(exc)?;
        let size = object_len(u, bytes)?;
        let mut end = u.end;
        if end < 1 {
            end = 1;
        }
        if end > size {
            end = size;
        }
        *out = end;
        Ok(())
    })())
}

unsafe fn set_start(exc: *mut PyObject, start: Py_ssize_t) -> c_int {
    to_status(checked(exc).map(|u| u.start = start))
}

unsafe fn set_end(exc: *mut PyObject, end: Py_ssize_t) -> c_int {
    to_status(checked(exc).map(|u| u.end = end))
}

unsafe fn set_reason(exc: *mut PyObject, reason: *const c_char) -> c_int {
    to_status((|| {
        let u = checked(exc)?;
        if reason.is_null() {
            return Err(bad_internal_call());
        }
        let r = PyRef::from_owned(pystr::PyUnicode_FromString(reason)).ok_or_else(crate::errors::raised::Raised::assume_set)?;
        be::set_field(&mut u.reason, r.as_ptr());
        Ok(())
    })())
}

unsafe fn get_reason(exc: *mut PyObject) -> *mut PyObject {
    to_c(checked(exc).and_then(|u| str_attr(u.reason, "reason")))
}

unsafe fn get_encoding(exc: *mut PyObject) -> *mut PyObject {
    to_c(checked(exc).and_then(|u| str_attr(u.encoding, "encoding")))
}

/// `PyObject *PyUnicodeEncodeError_GetObject(PyObject *exc)`: the str `object` (new reference).
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_GetObject(exc: *mut PyObject) -> *mut PyObject {
    to_c(checked(exc).and_then(|u| str_attr(u.object, "object")))
}

/// `int PyUnicodeEncodeError_GetStart(PyObject *exc, Py_ssize_t *start)`: `start` clamped into the object.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_GetStart(exc: *mut PyObject, start: *mut Py_ssize_t) -> c_int {
    get_start(exc, start, false)
}

/// `int PyUnicodeEncodeError_GetEnd(PyObject *exc, Py_ssize_t *end)`: `end` clamped into the object.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_GetEnd(exc: *mut PyObject, end: *mut Py_ssize_t) -> c_int {
    get_end(exc, end, false)
}

/// `int PyUnicodeEncodeError_SetStart(PyObject *exc, Py_ssize_t start)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_SetStart(exc: *mut PyObject, start: Py_ssize_t) -> c_int {
    set_start(exc, start)
}

/// `int PyUnicodeEncodeError_SetEnd(PyObject *exc, Py_ssize_t end)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_SetEnd(exc: *mut PyObject, end: Py_ssize_t) -> c_int {
    set_end(exc, end)
}

/// `PyObject *PyUnicodeEncodeError_GetReason(PyObject *exc)`: the str `reason` (new reference).
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_GetReason(exc: *mut PyObject) -> *mut PyObject {
    get_reason(exc)
}

/// `int PyUnicodeEncodeError_SetReason(PyObject *exc, const char *reason)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_SetReason(exc: *mut PyObject, reason: *const c_char) -> c_int {
    set_reason(exc, reason)
}

/// `PyObject *PyUnicodeDecodeError_GetObject(PyObject *exc)`: the bytes `object` (new reference).
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_GetObject(exc: *mut PyObject) -> *mut PyObject {
    to_c(checked(exc).and_then(|u| bytes_attr(u.object, "object")))
}

/// `int PyUnicodeDecodeError_GetStart(PyObject *exc, Py_ssize_t *start)`: `start` clamped into the object.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_GetStart(exc: *mut PyObject, start: *mut Py_ssize_t) -> c_int {
    get_start(exc, start, true)
}

/// `int PyUnicodeDecodeError_GetEnd(PyObject *exc, Py_ssize_t *end)`: `end` clamped into the object.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_GetEnd(exc: *mut PyObject, end: *mut Py_ssize_t) -> c_int {
    get_end(exc, end, true)
}

/// `int PyUnicodeDecodeError_SetStart(PyObject *exc, Py_ssize_t start)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_SetStart(exc: *mut PyObject, start: Py_ssize_t) -> c_int {
    set_start(exc, start)
}

/// `int PyUnicodeDecodeError_SetEnd(PyObject *exc, Py_ssize_t end)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_SetEnd(exc: *mut PyObject, end: Py_ssize_t) -> c_int {
    set_end(exc, end)
}

/// `PyObject *PyUnicodeDecodeError_GetReason(PyObject *exc)`: the str `reason` (new reference).
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_GetReason(exc: *mut PyObject) -> *mut PyObject {
    get_reason(exc)
}

/// `int PyUnicodeDecodeError_SetReason(PyObject *exc, const char *reason)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_SetReason(exc: *mut PyObject, reason: *const c_char) -> c_int {
    set_reason(exc, reason)
}

/// `PyObject *PyUnicodeTranslateError_GetObject(PyObject *exc)`: the str `object` (new reference).
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeTranslateError_GetObject(exc: *mut PyObject) -> *mut PyObject {
    to_c(checked(exc).and_then(|u| str_attr(u.object, "object")))
}

/// `int PyUnicodeTranslateError_GetStart(PyObject *exc, Py_ssize_t *start)`: `start` clamped into the object.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeTranslateError_GetStart(exc: *mut PyObject, start: *mut Py_ssize_t) -> c_int {
    get_start(exc, start, false)
}

/// `int PyUnicodeTranslateError_GetEnd(PyObject *exc, Py_ssize_t *end)`: `end` clamped into the object.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeTranslateError_GetEnd(exc: *mut PyObject, end: *mut Py_ssize_t) -> c_int {
    get_end(exc, end, false)
}

/// `int PyUnicodeTranslateError_SetStart(PyObject *exc, Py_ssize_t start)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeTranslateError_SetStart(exc: *mut PyObject, start: Py_ssize_t) -> c_int {
    set_start(exc, start)
}

/// `int PyUnicodeTranslateError_SetEnd(PyObject *exc, Py_ssize_t end)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeTranslateError_SetEnd(exc: *mut PyObject, end: Py_ssize_t) -> c_int {
    set_end(exc, end)
}

/// `PyObject *PyUnicodeTranslateError_GetReason(PyObject *exc)`: the str `reason` (new reference).
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeTranslateError_GetReason(exc: *mut PyObject) -> *mut PyObject {
    get_reason(exc)
}

/// `int PyUnicodeTranslateError_SetReason(PyObject *exc, const char *reason)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeTranslateError_SetReason(exc: *mut PyObject, reason: *const c_char) -> c_int {
    set_reason(exc, reason)
}

/// `PyObject *PyUnicodeEncodeError_GetEncoding(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeEncodeError_GetEncoding(exc: *mut PyObject) -> *mut PyObject {
    get_encoding(exc)
}

/// `PyObject *PyUnicodeDecodeError_GetEncoding(PyObject *exc)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_GetEncoding(exc: *mut PyObject) -> *mut PyObject {
    get_encoding(exc)
}

/// Creates `UnicodeEncodeError(encoding, object, start, end, reason)` with str arguments
/// from Rust (for the codecs).
#[allow(dead_code)]
pub(crate) unsafe fn new_encode_error(encoding: &str, object: *mut PyObject, start: usize, end: usize, reason: &str) -> PyResult<PyRef> {
    let items = [
        pystr::from_utf8(encoding)?,
        PyRef::from_borrowed(object).ok_or_else(bad_internal_call)?,
        objtext::new_int(start as i64)?,
        objtext::new_int(end as i64)?,
        pystr::from_utf8(reason)?,
    ];
    let args = tuple::from_slice(&items)?;
    crate::errors::normalize::instantiate(&raw mut crate::errors::exception_types::_PyExc_UnicodeEncodeError, args.as_ptr())
}
