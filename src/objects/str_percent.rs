//! printf-style formatting of str: `format % args` (`str.__mod__`, `nb_remainder` of str)
//! and `PyUnicode_Format`. The walk, the specification and the numeric conversions are
//! `percent_format.rs` (shared with bytes); here are str's own conversions: `%s %r %a %c`.
use crate::abstract_::{from_slot, new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::percent_format::{self, pad_text, Args, Flavor, Spec};
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::int;
use crate::objects::unicode_text::{Out, Text};

fn overflow_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

/// `%c`: an int code point or a one-character str.
unsafe fn format_char(out: &mut Out, v: *mut PyObject, spec: &Spec) -> PyResult<()> {
    let c = if pystr::is_str(v) {
        if pystr::len(v) != 1 {
            return Err(type_error("%c requires int or char"));
        }
        pystr::read_char(v, 0)
    } else if int::is_int(v) || crate::abstract_::item::is_index(v) {
        let n = from_slot(crate::abstract_::number::PyNumber_Index(v))?;
        match crate::objects::long_convert::int_to_i128(n.as_ptr()) {
            Some(c) if (0..0x110000).contains(&c) => c as Py_UCS4,
            _ => return Err(overflow_error("%c arg not in range(0x110000)")),
        }
    } else {
        return Err(type_error("%c requires int or char"));
    };
    pad_text(out, [c].into_iter(), spec);
    Ok(())
}

/// `%s %r %a`: the text of `str()`, `repr()` or `ascii()`, cut to the precision.
unsafe fn format_text(out: &mut Out, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<()> {
    use crate::abstract_::object::{PyObject_ASCII, PyObject_Repr, PyObject_Str};
    let s = match ty {
        b's' if (*v).ob_type == &raw mut pystr::PyUnicode_Type => new_ref(v),
        b's' => from_slot(PyObject_Str(v))?,
        b'r' => from_slot(PyObject_Repr(v))?,
        _ => from_slot(PyObject_ASCII(v))?,
    };
    let t = Text::of(s.as_ptr());
    let n = spec.precision.map_or(t.len(), |p| p.min(t.len()));
    if spec.width.unwrap_or(0) <= n && n == t.len() {
        out.extend_text(t);
        return Ok(());
    }
    pad_text(out, t.chars().take(n), spec);
    Ok(())
}

/// str's part of the formatting: str keys, `%s %r %a %c`.
struct StrFlavor;

impl Flavor<Py_UCS4, Out> for StrFlavor {
    const WHAT: &'static str = "string";
    const PRECISION: &'static str = "precision";
    const FLOAT_REQUIRED: bool = false;

    unsafe fn key(&self, key: &[Py_UCS4]) -> PyResult<PyRef> {
        crate::objects::unicode_text::from_code_points(key, key.iter().copied().max().unwrap_or(0))
    }

    unsafe fn convert(&self, out: &mut Out, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<bool> {
        match ty {
            b's' | b'r' | b'a' => format_text(out, v, ty, spec)?,
            b'c' => format_char(out, v, spec)?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// `format % args`.
///
/// # Safety
/// `format` is a live str, `args` a live object.
pub(crate) unsafe fn percent_format(format: *mut PyObject, args: *mut PyObject) -> PyResult<PyRef> {
    let mut fmt = Out::with_capacity(0);
    fmt.extend_text(Text::of(format));
    let f = fmt.code_points();
    // Any non-tuple, non-str object with `mp_subscript` serves `%(key)`.
    let mut args = Args::new(args, !pystr::is_str(args));
    let mut out = Out::with_capacity(f.len() + 16);
    percent_format::format(f, &mut args, &mut out, &StrFlavor)?;
    out.finish()
}

/// `PyObject *PyUnicode_Format(PyObject *format, PyObject *args)`: `format % args`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Format(format: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if format.is_null() || args.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if !pystr::is_str(format) {
        let _ = type_error(format!("must be str, not {}", tp_name(format)));
        return core::ptr::null_mut();
    }
    ret_obj(percent_format(format, args))
}

/// `nb_remainder` of str: `str % args`; NotImplemented when the left operand is not a str.
pub(crate) unsafe extern "C" fn unicode_mod(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    if !pystr::is_str(v) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(percent_format(v, w))
}

/// str's number suite: only `%`.
pub(crate) static mut UNICODE_AS_NUMBER: crate::object::slots::PyNumberMethods = crate::object::slots::PyNumberMethods {
    nb_remainder: Some(unicode_mod),
    // SAFETY: the other slots are NULL.
    ..unsafe { core::mem::zeroed() }
};
