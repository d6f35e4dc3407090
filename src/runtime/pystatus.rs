//! `PyStatus` values (PEP 587): how initialization steps report success, an error message
//! or a request to exit, and `Py_ExitStatusException`, which acts on a failed one.
use core::ffi::{c_char, c_int, CStr};

use crate::runtime::initconfig::{PyStatus, _PyStatus_type};

pub(crate) fn ok() -> PyStatus {
    PyStatus { _type: _PyStatus_type::_PyStatus_TYPE_OK, func: core::ptr::null(), err_msg: core::ptr::null(), exitcode: 0 }
}

/// An error status; `msg` is a static C string (a status owns nothing).
pub(crate) fn error(msg: &'static CStr) -> PyStatus {
    PyStatus { _type: _PyStatus_type::_PyStatus_TYPE_ERROR, func: core::ptr::null(), err_msg: msg.as_ptr(), exitcode: 0 }
}

pub(crate) fn no_memory() -> PyStatus {
    error(c"memory allocation failed")
}

pub(crate) fn exit(code: c_int) -> PyStatus {
    PyStatus { _type: _PyStatus_type::_PyStatus_TYPE_EXIT, func: core::ptr::null(), err_msg: core::ptr::null(), exitcode: code }
}

pub(crate) fn is_exception(status: &PyStatus) -> bool {
    status._type != _PyStatus_type::_PyStatus_TYPE_OK
}

/// `PyStatus PyStatus_Ok(void)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyStatus_Ok() -> PyStatus {
    ok()
}

/// `PyStatus PyStatus_Error(const char *err_msg)`: the message is not copied.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyStatus_Error(err_msg: *const c_char) -> PyStatus {
    PyStatus { err_msg, ..error(c"") }
}

/// `PyStatus PyStatus_NoMemory(void)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyStatus_NoMemory() -> PyStatus {
    no_memory()
}

/// `PyStatus PyStatus_Exit(int exitcode)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyStatus_Exit(exitcode: c_int) -> PyStatus {
    exit(exitcode)
}

/// `int PyStatus_IsError(PyStatus err)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyStatus_IsError(err: PyStatus) -> c_int {
    (err._type == _PyStatus_type::_PyStatus_TYPE_ERROR) as c_int
}

/// `int PyStatus_IsExit(PyStatus err)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyStatus_IsExit(err: PyStatus) -> c_int {
    (err._type == _PyStatus_type::_PyStatus_TYPE_EXIT) as c_int
}

/// `int PyStatus_Exception(PyStatus err)`: error or exit.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyStatus_Exception(err: PyStatus) -> c_int {
    is_exception(&err) as c_int
}

/// What CPython's fatal-error report says about the runtime's state.
fn runtime_state() -> &'static str {
    if crate::runtime::lifecycle::is_initialized() {
        "initialized"
    } else if crate::runtime::lifecycle::is_core_initialized() {
        "core initialized"
    } else if crate::runtime::preinit::is_preinitialized() {
        "preinitialized"
    } else {
        "unknown"
    }
}

/// Prints CPython's fatal-error report for a status to stderr.
pub(crate) unsafe fn report_fatal(func: *const c_char, msg: *const c_char) {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    libc::fflush(core::ptr::null_mut());
    let msg = if msg.is_null() { String::from("<message not set>") } else { CStr::from_ptr(msg).to_string_lossy().into_owned() };
    let text = if func.is_null() {
        format!("Fatal Python error: {msg}\n")
    } else {
        format!("Fatal Python error: {}: {msg}\n", CStr::from_ptr(func).to_string_lossy())
    };
    eprint!("{text}Python runtime state: {}\n", runtime_state());
    if !crate::runtime::pystate::current().is_null() {
        // As CPython: the exception a failed step left, then the thread's (frameless) stack.
        let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
        crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
        if !t.is_null() {
            crate::errors::normalize::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
            crate::errors::print::write_stderr(&crate::errors::print::format_exception(v));
        }
        eprint!("\nCurrent thread 0x{:016x} (most recent call first):\n  <no Python frame>\n", libc::pthread_self() as u64);
    } else {
        eprint!("\n");
    }
}

/// `void Py_ExitStatusException(PyStatus err)`: exits with the status' code, or reports an
/// error status as a fatal error and exits with 1. On success it is itself a fatal error
/// (abort), as in CPython.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn Py_ExitStatusException(err: PyStatus) -> ! {
    match err._type {
        _PyStatus_type::_PyStatus_TYPE_EXIT => libc::exit(err.exitcode),
        _PyStatus_type::_PyStatus_TYPE_ERROR => {
            report_fatal(err.func, err.err_msg);
            libc::exit(1)
        }
        _ => {
            report_fatal(core::ptr::null(), c"Py_ExitStatusException() must not be called on success".as_ptr());
            libc::abort()
        }
    }
}
