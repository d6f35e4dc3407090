//! `Py_FatalError` and `_Py_FatalErrorFunc` (what the `Py_FatalError` macro calls): flush
//! the standard streams, print "Fatal Python error: [func: ]message" and the runtime's
//! state to fd 2, and abort, as CPython does (without its traceback of Python frames,
//! which do not exist yet).
use core::ffi::{c_char, CStr};

unsafe fn fatal(func: *const c_char, msg: *const c_char) -> ! {
    let text = |p: *const c_char| if p.is_null() { String::new() } else { CStr::from_ptr(p).to_string_lossy().into_owned() };
    if crate::runtime::lifecycle::is_initialized() && !crate::runtime::pystate::current().is_null() {
        crate::modules::sys_stdio::flush_std_files();
    }
    libc::fflush(core::ptr::null_mut());
    let head = if func.is_null() { String::new() } else { format!("{}: ", text(func)) };
    let state = if crate::runtime::lifecycle::is_initialized() { "initialized" } else { "unknown" };
    let report = format!("Fatal Python error: {head}{}\nPython runtime state: {state}\n\n", text(msg));
    let _ = libc::write(2, report.as_ptr() as *const libc::c_void, report.len());
    libc::abort()
}

/// `void Py_FatalError(const char *message)`.
#[no_mangle]
pub unsafe extern "C" fn Py_FatalError(msg: *const c_char) -> ! {
    fatal(core::ptr::null(), msg)
}

/// `void _Py_FatalErrorFunc(const char *func, const char *message)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_FatalErrorFunc(func: *const c_char, msg: *const c_char) -> ! {
    fatal(func, msg)
}
