//! `PyUnicode_Translate(str, table, errors)`: `str.translate` with an error handler.
//! Characters the table maps to None are "untranslatable": each run of them goes to the
//! handler as a UnicodeTranslateError ("character maps to <undefined>"), so `ignore`
//! deletes them (that is what `str.translate` does), `strict` raises, and `replace`,
//! `backslashreplace` or a registered handler substitute text and say where to resume.
use core::ffi::c_char;

use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::codecs::decoder::{handler_result, resolve_position};
use crate::codecs::error_mode::{c_name, ErrorMode, Mode};
use crate::codecs::exceptions::raise_instance;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::object::ptr::PyRef;
use crate::objects::str as pystr;
use crate::objects::str_translate::{push, Lookups, Mapped};
use crate::objects::unicode_text::{Out, Text};

const REASON: &core::ffi::CStr = c"character maps to <undefined>";

/// The UnicodeTranslateError for `s[start..end]`.
unsafe fn translate_error(s: *mut PyObject, start: usize, end: usize) -> PyResult<PyRef> {
    let e = crate::codecs::exceptions::_PyUnicodeTranslateError_Create(s, start as isize, end as isize, REASON.as_ptr());
    PyRef::from_owned(e).ok_or_else(Raised::assume_set)
}

/// Asks the handler named `name` about `s[start..end]`: writes its text, returns where to
/// resume.
unsafe fn call_handler(handler: &mut Option<PyRef>, name: &str, s: *mut PyObject, start: usize, end: usize, out: &mut Out) -> PyResult<usize> {
    if handler.is_none() {
        *handler = Some(crate::codecs::error_handlers::lookup(name)?);
    }
    let e = translate_error(s, start, end)?;
    let f = handler.as_ref().unwrap().as_ptr();
    let r = PyRef::from_owned(crate::abstract_::call::PyObject_CallOneArg(f, e.as_ptr())).ok_or_else(Raised::assume_set)?;
    let (rep, pos) = handler_result(r.as_ptr(), false).ok_or_else(|| type_error("translating error handler must return (str, int) tuple"))?;
    let pos = crate::errors::objtext::index_value(pos)?;
    out.extend_text(Text::of(rep));
    resolve_position(pos, pystr::len(s) as usize)
}

/// `s` translated through `table` under `errors`.
///
/// # Safety
/// `s` is a live str, `table` a live object.
pub(crate) unsafe fn translate_with_errors(s: *mut PyObject, table: *mut PyObject, errors: ErrorMode) -> PyResult<PyRef> {
    let t = Text::of(s);
    let n = t.len();
    let mut out = Out::with_capacity(n);
    let mut lookups = Lookups::new();
    let mut handler = None;
    let mut i = 0;
    while i < n {
        let c = t.get(i);
        let m = lookups.get(table, c)?;
        if !matches!(m, Mapped::Delete) {
            push(&mut out, c, m);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && matches!(lookups.get(table, t.get(end))?, Mapped::Delete) {
            end += 1;
        }
        i = match errors.mode {
            Mode::Ignore => end,
            Mode::Strict => return Err(raise_instance(&translate_error(s, i, end)?)),
            _ => call_handler(&mut handler, errors.name, s, i, end, &mut out)?,
        };
    }
    out.finish()
}

/// `PyObject *PyUnicode_Translate(PyObject *str, PyObject *table, const char *errors)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Translate(s: *mut PyObject, table: *mut PyObject, errors: *const c_char) -> *mut PyObject {
    ret_obj((|| {
        if s.is_null() || table.is_null() {
            return Err(bad_internal_call());
        }
        if !pystr::is_str(s) {
            return Err(type_error(format!("must be str, not {}", tp_name(s))));
        }
        translate_with_errors(s, table, ErrorMode::new(c_name(errors)))
    })())
}
