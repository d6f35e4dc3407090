//! The deprecated global variables CPython still exports for the file-system encoding and
//! UTF-8 mode (`Py_FileSystemDefaultEncoding`, `Py_FileSystemDefaultEncodeErrors`,
//! `Py_HasFileSystemDefaultEncoding`, `Py_UTF8Mode`). As in CPython they are NULL/0 until
//! the runtime is initialized, then mirror the configuration; finalization puts the
//! strings back to NULL. `Py_UTF8Mode` set by an embedder before initialization turns
//! UTF-8 mode on for the legacy (`Py_Initialize`) configuration.
use core::ffi::{c_char, c_int};
use std::ffi::CString;
use std::sync::Mutex;

/// `const char *Py_FileSystemDefaultEncoding`: the file-system encoding once initialized.
#[no_mangle]
pub static mut Py_FileSystemDefaultEncoding: *const c_char = core::ptr::null();

/// `const char *Py_FileSystemDefaultEncodeErrors`: its error handler once initialized.
#[cfg(not(limited_api_before_3_6))]
#[no_mangle]
pub static mut Py_FileSystemDefaultEncodeErrors: *const c_char = core::ptr::null();

/// `int Py_HasFileSystemDefaultEncoding`: whether the encoding is a built-in constant
/// rather than taken from the configuration (never, on POSIX: 0, as CPython).
#[no_mangle]
pub static mut Py_HasFileSystemDefaultEncoding: c_int = 0;

/// `int Py_UTF8Mode`: UTF-8 mode (PEP 540), as pre-initialization decided it.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub static mut Py_UTF8Mode: c_int = 0;

/// The strings the two pointers point into while the runtime is initialized.
static OWNED: Mutex<Option<(CString, CString)>> = Mutex::new(None);

fn c_string(text: &str) -> CString {
    CString::new(text.replace('\0', "")).unwrap_or_default()
}

/// Publishes the configuration's file-system encoding and error handler.
pub(crate) fn publish(encoding: &str, errors: &str) {
    let mut owned = OWNED.lock().unwrap_or_else(|p| p.into_inner());
    let strings = owned.insert((c_string(encoding), c_string(errors)));
    // SAFETY: written under the lock, read by C code after initialization; the strings
    // stay alive until `clear` replaces the pointers first.
    unsafe {
        Py_FileSystemDefaultEncoding = strings.0.as_ptr();
        Py_FileSystemDefaultEncodeErrors = strings.1.as_ptr();
    }
}

/// Finalization: the pointers go back to NULL before their strings are freed.
pub(crate) fn clear() {
    let mut owned = OWNED.lock().unwrap_or_else(|p| p.into_inner());
    // SAFETY: see `publish`.
    unsafe {
        Py_FileSystemDefaultEncoding = core::ptr::null();
        Py_FileSystemDefaultEncodeErrors = core::ptr::null();
    }
    *owned = None;
}

/// Whether an embedder asked for UTF-8 mode through `Py_UTF8Mode` before initializing.
pub(crate) fn utf8_mode_requested() -> bool {
    // SAFETY: a plain read of an exported int.
    unsafe { core::ptr::read_volatile(&raw const Py_UTF8Mode) > 0 }
}

/// Pre-initialization's decision, mirrored into `Py_UTF8Mode`.
pub(crate) fn set_utf8_mode(mode: c_int) {
    // SAFETY: a plain write of an exported int (pre-initialization runs before threads).
    unsafe { core::ptr::write_volatile(&raw mut Py_UTF8Mode, mode) }
}
