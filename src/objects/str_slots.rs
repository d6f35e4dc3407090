//! The str type's protocol slots (length, concatenation, repetition, indexing and slicing,
//! containment) and its object-level methods (`__getnewargs__`, `__sizeof__`).
use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, PyASCIIObject, PyCompactUnicodeObject, PyUnicodeObject};
use crate::objects::str_methods::plain;
use crate::pyport::Py_ssize_t;

pub(crate) const METHODS: &[PyMethodDef] = &[
    plain!(c"__getnewargs__", getnewargs, METH_NOARGS),
    plain!(c"__sizeof__", sizeof, METH_NOARGS),
];

/// `sq_length`/`mp_length` of str.
pub(crate) unsafe extern "C" fn str_length(op: *mut PyObject) -> Py_ssize_t {
    pystr::len(op) as Py_ssize_t
}

/// `str.__getnewargs__()`: `(str(self),)`, an exact copy, for pickling subclasses.
unsafe extern "C" fn getnewargs(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let copy = crate::objects::str_access::copy(op)?;
        crate::objects::tuple::from_vec(vec![copy])
    })())
}

/// `str.__sizeof__()`: the header, the data with its NUL, and the cached UTF-8 and wchar_t
/// forms when they are separate blocks.
unsafe extern "C" fn sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let a = &*(op as *mut PyASCIIObject);
    let n = pystr::len(op);
    let kind = pystr::kind(op);
    let mut size = if a.compact() && a.ascii() {
        core::mem::size_of::<PyASCIIObject>() + n + 1
    } else if a.compact() {
        core::mem::size_of::<PyCompactUnicodeObject>() + (n + 1) * kind
    } else {
        core::mem::size_of::<PyUnicodeObject>() + (n + 1) * kind
    };
    if !a.wstr.is_null() && a.wstr as *mut u8 != pystr::data(op) {
        size += (n + 1) * core::mem::size_of::<crate::pyport::wchar_t>();
    }
    if !a.ascii() {
        let c = &*(op as *mut PyCompactUnicodeObject);
        if !c.utf8.is_null() && c.utf8 as *mut u8 != pystr::data(op) {
            size += c.utf8_length as usize + 1;
        }
    }
    ret_obj(crate::objects::int::from_i64(size as i64))
}
