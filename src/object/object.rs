//! The object header (`PyObject`, `PyVarObject`) of CPython's `object.h`, with the
//! comparison opcodes and the other small object-level declarations.
use core::ffi::{c_char, c_int};

use crate::pyport::Py_ssize_t;

pub use crate::object::typeobject::PyTypeObject;

/// `struct _object`: every Python object starts with this header.
#[repr(C)]
pub struct _object {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut PyTypeObject,
}
pub type PyObject = _object;
assert_layout!(PyObject, size = 16, ob_refcnt @ 0, ob_type @ 8);

/// `PyVarObject`: the header of variable-size objects (`ob_size` items follow).
#[repr(C)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Py_ssize_t,
}
assert_layout!(PyVarObject, size = 24, ob_base @ 0, ob_size @ 16);

// Rich comparison opcodes (`tp_richcompare`, `PyObject_RichCompare`).
pub const Py_LT: c_int = 0;
pub const Py_LE: c_int = 1;
pub const Py_EQ: c_int = 2;
pub const Py_NE: c_int = 3;
pub const Py_GT: c_int = 4;
pub const Py_GE: c_int = 5;

/// `PyObject_Print` flag: print `str()` instead of `repr()`.
pub const Py_PRINT_RAW: c_int = 1;

/// `_Py_IDENTIFIER(name)`: a statically allocated name interned on first use. `index`
/// starts at -1 and becomes the slot of the interned string.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _Py_Identifier {
    pub string: *const c_char,
    pub index: Py_ssize_t,
}
assert_layout!(_Py_Identifier, size = 16, string @ 0, index @ 8);
