//! `PyOS_mystricmp` and `PyOS_mystrnicmp` (CPython's pystrcmp.h; `PyOS_stricmp` and
//! `PyOS_strnicmp` are macros naming them): ASCII case-insensitive comparison of C strings,
//! as the C locale's `tolower` sees them.
use core::ffi::{c_char, c_int};

use crate::pyport::Py_ssize_t;

/// The difference of the lowercased bytes where the strings first differ within `limit`
/// bytes (the NUL counting as a byte), or 0.
unsafe fn compare(s1: *const c_char, s2: *const c_char, limit: usize) -> c_int {
    for i in 0..limit {
        let a = (*s1.add(i) as u8).to_ascii_lowercase();
        let b = (*s2.add(i) as u8).to_ascii_lowercase();
        if a != b || a == 0 {
            return a as i32 - b as i32;
        }
    }
    0
}

/// `int PyOS_mystricmp(const char *s1, const char *s2)`.
#[no_mangle]
pub unsafe extern "C" fn PyOS_mystricmp(s1: *const c_char, s2: *const c_char) -> c_int {
    compare(s1, s2, usize::MAX)
}

/// `int PyOS_mystrnicmp(const char *s1, const char *s2, Py_ssize_t size)`: at most `size`
/// bytes (a negative size compares the first bytes, as CPython's does).
#[no_mangle]
pub unsafe extern "C" fn PyOS_mystrnicmp(s1: *const c_char, s2: *const c_char, size: Py_ssize_t) -> c_int {
    match size {
        0 => 0,
        n if n < 0 => compare(s1, s2, 1),
        n => compare(s1, s2, n as usize),
    }
}
