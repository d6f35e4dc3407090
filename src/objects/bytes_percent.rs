//! `bytes % args` and `bytearray % args` (PEP 461): the `nb_remainder` of both types. The
//! walk, the specification and the numeric conversions are `percent_format.rs` (shared with
//! str); here are the byte conversions: `%b`/`%s` (a buffer or `__bytes__`), `%r`/`%a`
//! (`ascii()`), `%c` (an int in range(256) or a single byte).
use crate::abstract_::{from_slot, new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::percent_format::{self, pad_text, Args, Flavor, Spec};
use crate::objects::{bytearray, bytes, str as pystr};

/// bytes' part of the formatting: bytes keys and the byte conversions.
struct BytesFlavor;

impl Flavor<u8, Vec<u8>> for BytesFlavor {
    const WHAT: &'static str = "bytes";
    const PRECISION: &'static str = "prec";
    const FLOAT_REQUIRED: bool = true;

    /// CPython shows the byte itself, and fails to for bytes over 0x7f.
    fn unsupported(ty: u32, i: usize) -> Raised {
        if ty >= 0x80 {
            return raise_type(&raw mut exc::_PyExc_OverflowError, "character argument not in range(0x110000)");
        }
        let shown = char::from_u32(ty).unwrap_or('?');
        percent_format::value_error(format!("unsupported format character '{shown}' (0x{ty:x}) at index {i}"))
    }

    unsafe fn key(&self, key: &[u8]) -> PyResult<PyRef> {
        bytes::from_slice(key)
    }

    unsafe fn convert(&self, out: &mut Vec<u8>, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<bool> {
        match ty {
            b'b' | b's' => with_bytes_of(v, |data| put(out, data, spec))?,
            b'r' | b'a' => {
                let s = from_slot(crate::abstract_::object::PyObject_ASCII(v))?;
                // ascii() is ASCII: one byte per character.
                put(out, pystr::to_string(s.as_ptr()).as_bytes(), spec);
            }
            b'c' => {
                let c = byte_of(v)?;
                pad_text(out, [c as u32].into_iter(), spec);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Appends `data` cut to the precision and padded to the width.
fn put(out: &mut Vec<u8>, data: &[u8], spec: &Spec) {
    let n = spec.precision.map_or(data.len(), |p| p.min(data.len()));
    pad_text(out, data[..n].iter().map(|&b| b as u32), spec);
}

/// Calls `f` with the bytes `%b` shows for `v`: a buffer's contents, else `__bytes__()`.
unsafe fn with_bytes_of<R>(v: *mut PyObject, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    if bytes::is_bytes(v) {
        return Ok(f(bytes::as_slice(v)));
    }
    if let Some(data) = crate::objects::bytes_buffer::copy_buffer(v) {
        return Ok(f(&data?));
    }
    match crate::objects::bytes_new::call_dunder_bytes(v)? {
        Some(b) => Ok(f(bytes::as_slice(b.as_ptr()))),
        None => Err(type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            tp_name(v)
        ))),
    }
}

/// `%c`: a bytes or bytearray of length 1, or an integer in range(256).
unsafe fn byte_of(v: *mut PyObject) -> PyResult<u8> {
    if bytes::is_bytes(v) && bytes::as_slice(v).len() == 1 {
        return Ok(bytes::as_slice(v)[0]);
    }
    if bytearray::is_bytearray(v) && bytearray::as_slice(v).len() == 1 {
        return Ok(bytearray::as_slice(v)[0]);
    }
    if crate::objects::int::is_int(v) || crate::abstract_::item::is_index(v) {
        let n = from_slot(crate::abstract_::number::PyNumber_Index(v))?;
        return match crate::objects::long_convert::int_to_i128(n.as_ptr()) {
            Some(c) if (0..256).contains(&c) => Ok(c as u8),
            _ => Err(raise_type(&raw mut exc::_PyExc_OverflowError, "%c arg not in range(256)")),
        };
    }
    Err(type_error("%c requires an integer in range(256) or a single byte"))
}

/// `format % args` over the bytes of `format`.
unsafe fn format_bytes(format: &[u8], args: *mut PyObject) -> PyResult<Vec<u8>> {
    // A mapping serves `%(key)` unless it is a tuple, str, bytes or bytearray.
    let mapping_allowed = !pystr::is_str(args) && !bytes::is_bytes(args) && !bytearray::is_bytearray(args);
    let mut args = Args::new(args, mapping_allowed);
    let mut out = Vec::with_capacity(format.len() + 16);
    percent_format::format(format, &mut args, &mut out, &BytesFlavor)?;
    Ok(out)
}

/// `nb_remainder` of bytes: NotImplemented unless the left operand is a bytes.
unsafe extern "C" fn bytes_mod(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    if !bytes::is_bytes(v) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(format_bytes(bytes::as_slice(v), w).and_then(|out| bytes::from_slice(&out)))
}

/// `nb_remainder` of bytearray: a new bytearray (the format is copied first, since
/// converting the arguments may run code that resizes it).
unsafe extern "C" fn bytearray_mod(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    if !bytearray::is_bytearray(v) {
        return new_ref(not_implemented()).into_ptr();
    }
    let format = bytearray::as_slice(v).to_vec();
    ret_obj(format_bytes(&format, w).and_then(|out| bytearray::from_slice(&out)))
}

/// bytes' number suite: only `%`.
pub(crate) static mut BYTES_AS_NUMBER: crate::object::slots::PyNumberMethods = crate::object::slots::PyNumberMethods {
    nb_remainder: Some(bytes_mod),
    // SAFETY: the other slots are NULL.
    ..unsafe { core::mem::zeroed() }
};

/// bytearray's number suite: only `%`.
pub(crate) static mut BYTEARRAY_AS_NUMBER: crate::object::slots::PyNumberMethods = crate::object::slots::PyNumberMethods {
    nb_remainder: Some(bytearray_mod),
    // SAFETY: the other slots are NULL.
    ..unsafe { core::mem::zeroed() }
};
