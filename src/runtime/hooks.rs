//! Hook function types that C code installs into the runtime: audit hooks
//! (cpython/sysmodule.h, PEP 578) and the `io.open_code` hook (cpython/fileobject.h).
use core::ffi::{c_char, c_int, c_void};

use crate::object::object::PyObject;

/// `Py_AuditHookFunction`: called with the event name, its argument tuple and user data.
#[cfg(not(Py_LIMITED_API))]
pub type Py_AuditHookFunction =
    Option<unsafe extern "C" fn(*const c_char, *mut PyObject, *mut c_void) -> c_int>;

/// `Py_OpenCodeHookFunction`: opens a path for `PyFile_OpenCode`, given user data.
#[cfg(not(Py_LIMITED_API))]
pub type Py_OpenCodeHookFunction =
    Option<unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject>;
