//! Method tables of builtin functions and methods: `PyMethodDef`, the C calling
//! conventions it can point at, and the `METH_*` flags (CPython's `methodobject.h`).
use core::ffi::{c_char, c_int};

use crate::object::object::{PyObject, PyTypeObject};
use crate::pyport::Py_ssize_t;

/// `METH_VARARGS` / `METH_NOARGS` / `METH_O`: `(self, args)`.
pub type PyCFunction = Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject>;
/// `METH_FASTCALL`: `(self, args, nargs)`.
pub type _PyCFunctionFast =
    Option<unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t) -> *mut PyObject>;
/// `METH_VARARGS | METH_KEYWORDS`: `(self, args, kwargs)`.
pub type PyCFunctionWithKeywords =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject>;
/// `METH_FASTCALL | METH_KEYWORDS`: `(self, args, nargs, kwnames)`.
pub type _PyCFunctionFastWithKeywords = Option<
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t, *mut PyObject)
        -> *mut PyObject,
>;
/// `METH_METHOD | METH_FASTCALL | METH_KEYWORDS`: `(self, defining_class, args, nargsf,
/// kwnames)`.
pub type PyCMethod = Option<
    unsafe extern "C" fn(*mut PyObject, *mut PyTypeObject, *const *mut PyObject, usize,
        *mut PyObject) -> *mut PyObject,
>;

/// `struct PyMethodDef`: one entry of a NULL-name-terminated method table. `ml_meth` is
/// declared `PyCFunction` whatever convention `ml_flags` selects; callers cast it back.
#[repr(C)]
pub struct PyMethodDef {
    pub ml_name: *const c_char,
    pub ml_meth: PyCFunction,
    pub ml_flags: c_int,
    pub ml_doc: *const c_char,
}
assert_layout!(PyMethodDef, size = 32, ml_name @ 0, ml_meth @ 8, ml_flags @ 16, ml_doc @ 24);

pub const METH_VARARGS: c_int = 0x0001;
pub const METH_KEYWORDS: c_int = 0x0002;
pub const METH_NOARGS: c_int = 0x0004;
pub const METH_O: c_int = 0x0008;
/// Method of the class rather than of instances (class methods only).
pub const METH_CLASS: c_int = 0x0010;
/// Static method: no self argument (class methods only).
pub const METH_STATIC: c_int = 0x0020;
/// Keep the method even when a slot wrapper of the same name exists.
pub const METH_COEXIST: c_int = 0x0040;
#[cfg(not(limited_api_before_3_10))]
pub const METH_FASTCALL: c_int = 0x0080;
/// Stackless Python's flag; zero in CPython builds, as here.
pub const METH_STACKLESS: c_int = 0x0000;
#[cfg(not(limited_api_before_3_9))]
pub const METH_METHOD: c_int = 0x0200;
