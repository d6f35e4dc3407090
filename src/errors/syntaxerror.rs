//! `SyntaxError` (and IndentationError, TabError): the message and the source location
//! `(filename, lineno, offset, text[, end_lineno, end_offset])`, shown by str as
//! `msg (file.py, line N)`.
use core::ffi::c_int;

use crate::errors::baseexception::{self as be, to_c, to_status, END_MEMBER};
use crate::errors::exceptions::PySyntaxErrorObject;
use crate::errors::objtext;
use crate::errors::small_exceptions::gc_fields;
use crate::object::member::{PyMemberDef, T_OBJECT};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, ExcType};
use crate::object::ptr::PyRef;
use crate::errors::raised::PyResult;
use crate::objects::{str as pystr, tuple};
use crate::pyport::Py_ssize_t;

gc_fields!(PySyntaxErrorObject, syntaxerror_clear, syntaxerror_traverse,
    msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line);

unsafe fn se<'a>(op: *mut PyObject) -> &'a mut PySyntaxErrorObject {
    &mut *(op as *mut PySyntaxErrorObject)
}

/// `SyntaxError.__init__(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`.
pub(crate) unsafe extern "C" fn syntaxerror_init(op: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    to_status((|| {
        be::init_args(op, args, kwds)?;
        let a = be::args_of(op);
        let s = se(op);
        if let Some(&msg) = a.first() {
            be::set_field(&mut s.msg, msg);
        }
        if a.len() == 2 {
            let info = objtext::as_tuple(a[1])?;
            let items = tuple::items(info.as_ptr());
            if items.len() < 4 {
                return Err(raise(
                    ExcType::TypeError,
                    format!("function takes at least 4 arguments ({} given)", items.len()),
                ));
            }
            if items.len() > 6 {
                return Err(raise(
                    ExcType::TypeError,
                    format!("function takes at most 6 arguments ({} given)", items.len()),
                ));
            }
            if items.len() == 5 {
                return Err(raise(ExcType::TypeError, "end_offset must be provided when end_lineno is provided"));
            }
            be::set_field(&mut s.filename, items[0]);
            be::set_field(&mut s.lineno, items[1]);
            be::set_field(&mut s.offset, items[2]);
            be::set_field(&mut s.text, items[3]);
            be::set_field(&mut s.end_lineno, items.get(4).copied().unwrap_or(core::ptr::null_mut()));
            be::set_field(&mut s.end_offset, items.get(5).copied().unwrap_or(core::ptr::null_mut()));
        }
        Ok(())
    })())
}

/// The last path component of a file name, as SyntaxError's str shows it.
fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `SyntaxError.__str__`: `msg (file, line N)`, `msg (file)`, `msg (line N)` or `msg`.
pub(crate) unsafe extern "C" fn syntaxerror_str(op: *mut PyObject) -> *mut PyObject {
    to_c((|| {
        let s = se(op);
        let msg = objtext::str_string(be::or_none(s.msg))?;
        let file = if !s.filename.is_null() && pystr::is_str(s.filename) {
            Some(basename(&pystr::to_string(s.filename)).to_string())
        } else {
            None
        };
        let line = if !s.lineno.is_null() && (*s.lineno).ob_type == &raw mut crate::objects::int::PyLong_Type {
            objtext::int_value(s.lineno)
        } else {
            None
        };
        let text = match (file, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => return objtext::str(be::or_none(s.msg)),
        };
        pystr::from_utf8(&text)
    })())
}

macro_rules! se_member {
    ($name:literal, $field:ident, $doc:literal) => {
        PyMemberDef {
            name: $name.as_ptr(),
            r#type: T_OBJECT,
            offset: core::mem::offset_of!(PySyntaxErrorObject, $field) as Py_ssize_t,
            flags: 0,
            doc: $doc.as_ptr(),
        }
    };
}

pub(crate) static mut SYNTAXERROR_MEMBERS: [PyMemberDef; 9] = [
    se_member!(c"msg", msg, c"exception msg"),
    se_member!(c"filename", filename, c"exception filename"),
    se_member!(c"lineno", lineno, c"exception lineno"),
    se_member!(c"offset", offset, c"exception offset"),
    se_member!(c"text", text, c"exception text"),
    se_member!(c"end_lineno", end_lineno, c"exception end lineno"),
    se_member!(c"end_offset", end_offset, c"exception end offset"),
    se_member!(c"print_file_and_line", print_file_and_line, c"exception print_file_and_line"),
    END_MEMBER,
];

// ---- PyErr_SyntaxLocation* ------------------------------------------------------------------

/// Sets attribute `name` of the exception `v`: the field of a SyntaxError, else an entry of
/// the instance dict (what `setattr` does on exceptions without such a descriptor).
unsafe fn set_attr(v: *mut PyObject, name: &str, value: *mut PyObject) -> PyResult<()> {
    if is_syntax_error(v) {
        let s = se(v);
        let field = match name {
            "lineno" => &mut s.lineno,
            "offset" => &mut s.offset,
            "end_lineno" => &mut s.end_lineno,
            "end_offset" => &mut s.end_offset,
            "filename" => &mut s.filename,
            "text" => &mut s.text,
            "msg" => &mut s.msg,
            _ => &mut s.print_file_and_line,
        };
        be::set_field(field, value);
        return Ok(());
    }
    let h = be::head(v);
    if h.dict.is_null() {
        h.dict = crate::objects::dict::new()?.into_ptr();
    }
    let key = pystr::intern(name)?;
    crate::objects::dict::set_item(h.dict, key.as_ptr(), value)
}

/// Whether `v` has the SyntaxError layout (an instance of SyntaxError or a subclass).
unsafe fn is_syntax_error(v: *mut PyObject) -> bool {
    crate::object::typetype::is_subtype((*v).ob_type, &raw mut crate::errors::exception_types::_PyExc_SyntaxError)
}

/// An int, or None for a negative value (CPython's "not known").
fn int_or_none(v: c_int) -> PyResult<PyRef> {
    if v < 0 {
        // SAFETY: None is immortal enough: a static object.
        Ok(unsafe { PyRef::from_borrowed(be::none()) }.expect("None"))
    } else {
        objtext::new_int(v as i64)
    }
}

/// Line `lineno` (1-based) of the file, with its newline, decoded as UTF-8 with
/// replacement (CPython's `_PyErr_ProgramDecodedTextObject`).
pub(crate) fn program_text(filename: &str, lineno: c_int) -> Option<String> {
    if lineno <= 0 {
        return None;
    }
    let data = std::fs::read(filename).ok()?;
    let mut lines = data.split_inclusive(|&b| b == b'\n');
    let line = lines.nth(lineno as usize - 1)?;
    Some(String::from_utf8_lossy(line).into_owned())
}

/// Adds the location to the current exception (normalized first): `lineno`, `offset`,
/// `end_lineno`, `end_offset`, and with a file name `filename` and the source line as
/// `text`; an exception other than SyntaxError also gets `msg` (its str) and
/// `print_file_and_line` when it has none. Failures to set an attribute are ignored.
unsafe fn syntax_location(filename: *mut PyObject, lineno: c_int, col_offset: c_int, end_lineno: c_int, end_col_offset: c_int) {
    use crate::errors::pyerr::{PyErr_Clear, PyErr_Fetch, PyErr_Restore};
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    if !v.is_null() && be::is_instance(v) {
        let set = |name: &str, value: PyResult<PyRef>| {
            if value.and_then(|val| set_attr(v, name, val.as_ptr())).is_err() {
                PyErr_Clear();
            }
        };
        set("lineno", objtext::new_int(lineno as i64));
        set("offset", int_or_none(col_offset));
        set("end_lineno", int_or_none(end_lineno));
        set("end_offset", int_or_none(end_col_offset));
        if !filename.is_null() {
            set("filename", Ok(PyRef::from_borrowed(filename).expect("live")));
            if pystr::is_str(filename) {
                if let Some(text) = program_text(&pystr::to_string(filename), lineno) {
                    set("text", pystr::from_utf8(&text));
                }
            }
        }
        if (*v).ob_type != &raw mut crate::errors::exception_types::_PyExc_SyntaxError && !is_syntax_error(v) {
            let d = be::head(v).dict;
            let has = |name: &str| !d.is_null() && matches!(crate::objects::dict::get_item_str(d, name), Ok(Some(_)));
            if !has("msg") {
                set("msg", objtext::str(v));
            }
            if !has("print_file_and_line") {
                set("print_file_and_line", Ok(PyRef::from_borrowed(be::none()).expect("None")));
            }
        }
    }
    PyErr_Restore(t, v, tb);
}

/// `void PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_SyntaxLocationObject(filename: *mut PyObject, lineno: c_int, col_offset: c_int) {
    syntax_location(filename, lineno, col_offset, lineno, -1);
}

/// `void PyErr_RangedSyntaxLocationObject(PyObject *filename, int lineno, int col_offset,
/// int end_lineno, int end_col_offset)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_RangedSyntaxLocationObject(
    filename: *mut PyObject,
    lineno: c_int,
    col_offset: c_int,
    end_lineno: c_int,
    end_col_offset: c_int,
) {
    syntax_location(filename, lineno, col_offset, end_lineno, end_col_offset);
}

/// `void PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset)`: the file
/// name decoded from UTF-8 (the file system encoding).
#[no_mangle]
pub unsafe extern "C" fn PyErr_SyntaxLocationEx(filename: *const core::ffi::c_char, lineno: c_int, col_offset: c_int) {
    let name = if filename.is_null() {
        None
    } else {
        match pystr::from_utf8(&core::ffi::CStr::from_ptr(filename).to_string_lossy()) {
            Ok(n) => Some(n),
            Err(_) => {
                crate::errors::pyerr::PyErr_Clear();
                None
            }
        }
    };
    syntax_location(name.as_ref().map_or(core::ptr::null_mut(), |n| n.as_ptr()), lineno, col_offset, lineno, -1);
}

/// `void PyErr_SyntaxLocation(const char *filename, int lineno)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_SyntaxLocation(filename: *const core::ffi::c_char, lineno: c_int) {
    PyErr_SyntaxLocationEx(filename, lineno, -1);
}

/// `PyObject *PyErr_ProgramText(const char *filename, int lineno)`: the source line (with
/// its newline) or NULL, no exception set.
#[no_mangle]
pub unsafe extern "C" fn PyErr_ProgramText(filename: *const core::ffi::c_char, lineno: c_int) -> *mut PyObject {
    if filename.is_null() {
        return core::ptr::null_mut();
    }
    let name = core::ffi::CStr::from_ptr(filename).to_string_lossy();
    match program_text(&name, lineno).map(|t| pystr::from_utf8(&t)) {
        Some(Ok(s)) => s.into_ptr(),
        Some(Err(_)) => {
            crate::errors::pyerr::PyErr_Clear();
            core::ptr::null_mut()
        }
        None => core::ptr::null_mut(),
    }
}

/// `PyObject *PyErr_ProgramTextObject(PyObject *filename, int lineno)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyErr_ProgramTextObject(filename: *mut PyObject, lineno: c_int) -> *mut PyObject {
    if filename.is_null() || !pystr::is_str(filename) {
        return core::ptr::null_mut();
    }
    match program_text(&pystr::to_string(filename), lineno).map(|t| pystr::from_utf8(&t)) {
        Some(Ok(s)) => s.into_ptr(),
        Some(Err(_)) => {
            crate::errors::pyerr::PyErr_Clear();
            core::ptr::null_mut()
        }
        None => core::ptr::null_mut(),
    }
}
