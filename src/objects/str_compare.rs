//! Comparing strs through the C-API: `PyUnicode_Compare`, `CompareWithASCIIString`,
//! `RichCompare`, `_PyUnicode_EqualToASCIIString`/`ASCIIId`, `_PyUnicode_EQ`/`Equal`, and
//! (`_PyUnicode_FromId` is in internal_api/identifier.rs). The order itself (`str_repr::compare`) and `tp_richcompare` live with
//! the type.
use core::cmp::Ordering;
use core::ffi::{c_char, c_int, CStr};

use crate::abstract_::tp_name;
use crate::object::object::{PyObject, _Py_Identifier};
use crate::object::pending_error::bad_internal_call;
use crate::objects::str::{self as pystr, PyASCIIObject};
use crate::objects::str_access::code_points;
use crate::objects::str_repr::{compare, unicode_richcompare};

fn sign(o: Ordering) -> c_int {
    o as c_int
}

/// `int PyUnicode_Compare(PyObject *left, PyObject *right)`: -1, 0 or 1; -1 with TypeError
/// unless both are strs.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Compare(left: *mut PyObject, right: *mut PyObject) -> c_int {
    if left.is_null() || right.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if pystr::is_str(left) && pystr::is_str(right) {
        if left == right {
            return 0;
        }
        return sign(compare(left, right));
    }
    cannot_compare(left, right)
}

/// PyUnicode_Compare's TypeError, apart so that the compare itself needs no stack frame.
#[cold]
#[inline(never)]
unsafe fn cannot_compare(left: *mut PyObject, right: *mut PyObject) -> c_int {
    let _ = crate::abstract_::type_error(format!("Can't compare {:.100} and {:.100}", tp_name(left), tp_name(right)));
    -1
}

/// `int PyUnicode_CompareWithASCIIString(PyObject *uni, const char *string)`: -1, 0 or 1,
/// comparing code points with the bytes of `string` (never raises).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_CompareWithASCIIString(uni: *mut PyObject, string: *const c_char) -> c_int {
    let b = CStr::from_ptr(string).to_bytes();
    if pystr::kind(uni) == 1 {
        return sign(pystr::data_bytes(uni).cmp(b));
    }
    sign(code_points(uni).cmp(b.iter().map(|&c| c as u32)))
}

/// `PyObject *PyUnicode_RichCompare(PyObject *left, PyObject *right, int op)`: a bool, or
/// NotImplemented unless both are strs.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_RichCompare(left: *mut PyObject, right: *mut PyObject, op: c_int) -> *mut PyObject {
    if left.is_null() || right.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    unicode_richcompare(left, right, op)
}

/// `int _PyUnicode_EqualToASCIIString(PyObject *left, const char *right)`: 1 when the str
/// equals the ASCII C string, else 0 (never raises).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EqualToASCIIString(left: *mut PyObject, right: *const c_char) -> c_int {
    ((*(left as *mut PyASCIIObject)).ascii() && pystr::data_bytes(left) == CStr::from_ptr(right).to_bytes()) as c_int
}

/// `int _PyUnicode_EqualToASCIIId(PyObject *left, _Py_Identifier *right)`: as
/// `_PyUnicode_EqualToASCIIString` with the identifier's text.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EqualToASCIIId(left: *mut PyObject, right: *mut _Py_Identifier) -> c_int {
    _PyUnicode_EqualToASCIIString(left, (*right).string)
}

/// `int _PyUnicode_EQ(PyObject *a, PyObject *b)`: string equality of two strs (1 or 0).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EQ(a: *mut PyObject, b: *mut PyObject) -> c_int {
    pystr::eq(a, b) as c_int
}

/// `int _PyUnicode_Equal(PyObject *a, PyObject *b)`: as `_PyUnicode_EQ`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_Equal(a: *mut PyObject, b: *mut PyObject) -> c_int {
    pystr::eq(a, b) as c_int
}
