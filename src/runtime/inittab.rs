//! The builtin-module and frozen-module tables of cpython/import.h. Embedders fill
//! `struct _inittab` arrays for `PyImport_ExtendInittab` and may point
//! `PyImport_FrozenModules` at their own `struct _frozen` array, so both layouts are
//! CPython's. Neither is in the limited API.
use core::ffi::{c_char, c_int, c_uchar};

use crate::object::object::PyObject;

/// `struct _inittab`: a builtin module's name and its `PyInit_*` function; an entry with a
/// NULL name ends the table.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _inittab {
    pub name: *const c_char,
    pub initfunc: Option<unsafe extern "C" fn() -> *mut PyObject>,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_inittab, size = 16, name @ 0, initfunc @ 8);

/// `struct _frozen`: a module compiled into the executable as `size` bytes of marshalled
/// code, or produced by `get_code`; a NULL name ends the table.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _frozen {
    pub name: *const c_char,
    pub code: *const c_uchar,
    pub size: c_int,
    pub is_package: c_int,
    pub get_code: Option<unsafe extern "C" fn() -> *mut PyObject>,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_frozen, size = 32, name @ 0, code @ 8, size @ 16, is_package @ 20, get_code @ 24);
