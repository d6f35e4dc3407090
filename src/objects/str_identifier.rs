//! `PyUnicode_IsIdentifier`: whether a str is a valid Python identifier (PEP 3131: an
//! XID_Start code point or `_`, then XID_Continue ones), with the parser's tables.
use core::ffi::c_int;

use crate::object::object::PyObject;
use crate::objects::str as pystr;
use crate::objects::str_access::code_points;

/// Whether the str `op` is an identifier (`str.isidentifier()`).
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn is_identifier(op: *mut PyObject) -> bool {
    use ferropy_parser::tokenizer::{is_id_continue, is_id_start};
    let mut cps = code_points(op);
    let first = cps.next().and_then(char::from_u32);
    match first {
        Some(c) if is_id_start(c) => cps.all(|c| char::from_u32(c).is_some_and(is_id_continue)),
        _ => false,
    }
}

/// `int PyUnicode_IsIdentifier(PyObject *s)`: 1 or 0.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_IsIdentifier(s: *mut PyObject) -> c_int {
    if s.is_null() || !pystr::is_str(s) {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    is_identifier(s) as c_int
}
