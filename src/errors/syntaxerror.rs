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
            // TODO(containers): any iterable (`tuple(info)`); tuples only until PySequence_Tuple.
            let info = a[1];
            if !tuple::is_tuple(info) {
                let name = objtext::type_name_of(info);
                return Err(raise(ExcType::TypeError, format!("'{name}' object is not iterable")));
            }
            let items = tuple::items(info);
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
