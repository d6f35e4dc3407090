//! The `PyRun_*` entry points that take the file name as a str object (`_PyRun_*Object`),
//! as CPython's own command line calls them: the name is encoded with the filesystem
//! encoding and handed to the `const char *` forms ("???" when NULL).
use core::ffi::c_int;
use std::ffi::CString;

use crate::compiler::flags::PyCompilerFlags;
use crate::object::object::PyObject;

/// The file name as a C string, or None with the exception set.
unsafe fn c_filename(filename: *mut PyObject) -> Option<CString> {
    if filename.is_null() {
        return CString::new("???").ok();
    }
    if !crate::objects::str::is_str(filename) {
        let _ = crate::object::pending_error::bad_internal_call();
        return None;
    }
    let encoded = crate::object::ptr::PyRef::from_owned(crate::codecs::fs_encoding::PyUnicode_EncodeFSDefault(filename))?;
    match CString::new(crate::objects::bytes::as_slice(encoded.as_ptr())) {
        Ok(c) => Some(c),
        Err(_) => {
            let _ = crate::object::pending_error::raise_type(
                &raw mut crate::errors::exception_types::_PyExc_ValueError,
                "embedded null byte",
            );
            None
        }
    }
}

/// `int _PyRun_SimpleFileObject(FILE *fp, PyObject *filename, int closeit,
/// PyCompilerFlags *flags)`: `PyRun_SimpleFileExFlags` with a str file name.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyRun_SimpleFileObject(fp: *mut libc::FILE, filename: *mut PyObject, closeit: c_int, flags: *mut PyCompilerFlags) -> c_int {
    match c_filename(filename) {
        Some(name) => crate::runtime::pyrun::PyRun_SimpleFileExFlags(fp, name.as_ptr(), closeit, flags),
        None => -1,
    }
}

/// `int _PyRun_AnyFileObject(FILE *fp, PyObject *filename, int closeit,
/// PyCompilerFlags *flags)`: `PyRun_AnyFileExFlags` with a str file name.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyRun_AnyFileObject(fp: *mut libc::FILE, filename: *mut PyObject, closeit: c_int, flags: *mut PyCompilerFlags) -> c_int {
    match c_filename(filename) {
        Some(name) => crate::runtime::pyrun::PyRun_AnyFileExFlags(fp, name.as_ptr(), closeit, flags),
        None => -1,
    }
}

/// `int _PyRun_InteractiveLoopObject(FILE *fp, PyObject *filename, PyCompilerFlags
/// *flags)`: `PyRun_InteractiveLoopFlags` with a str file name.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyRun_InteractiveLoopObject(fp: *mut libc::FILE, filename: *mut PyObject, flags: *mut PyCompilerFlags) -> c_int {
    match c_filename(filename) {
        Some(name) => crate::runtime::pyrun_interactive::PyRun_InteractiveLoopFlags(fp, name.as_ptr(), flags),
        None => -1,
    }
}
