//! `PyUnicode_IsIdentifier`: whether a str is a valid Python identifier (PEP 3131: an
//! XID_Start code point or `_`, then XID_Continue ones), by the Unicode database's rules.
use core::ffi::c_int;

use crate::object::object::PyObject;
use crate::objects::str as pystr;
use crate::objects::str_access::code_points;

/// Whether the str `op` is an identifier (`str.isidentifier()`).
///
/// # Safety
/// `op` is a live str.
pub(crate) unsafe fn is_identifier(op: *mut PyObject) -> bool {
    crate::objects::unicode_db::is_identifier(code_points(op))
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
