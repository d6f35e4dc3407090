//! Raw-buffer helpers of CPython's bytes implementation that `mmap` and `array` call:
//! `_PyBytes_Find`/`_PyBytes_ReverseFind` (substring search in a C buffer, result shifted by
//! `offset`) and `_PyBytes_Repeat` (fill a buffer with copies of a pattern, in place too).
use core::ffi::c_char;

use memchr::memmem;

use crate::pyport::Py_ssize_t;

unsafe fn slice<'a>(p: *const c_char, n: Py_ssize_t) -> &'a [u8] {
    if n <= 0 || p.is_null() {
        &[]
    } else {
        core::slice::from_raw_parts(p as *const u8, n as usize)
    }
}

/// `Py_ssize_t _PyBytes_Find(const char *haystack, Py_ssize_t len_haystack, const char
/// *needle, Py_ssize_t len_needle, Py_ssize_t offset)`: first index of `needle` plus
/// `offset`, or -1 (an empty needle is found at `offset`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_Find(
    haystack: *const c_char,
    len_haystack: Py_ssize_t,
    needle: *const c_char,
    len_needle: Py_ssize_t,
    offset: Py_ssize_t,
) -> Py_ssize_t {
    if len_needle <= 0 {
        return offset;
    }
    match memmem::find(slice(haystack, len_haystack), slice(needle, len_needle)) {
        Some(i) => i as Py_ssize_t + offset,
        None => -1,
    }
}

/// `Py_ssize_t _PyBytes_ReverseFind(...)`: as `_PyBytes_Find` for the last occurrence (an
/// empty needle is found at the end).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_ReverseFind(
    haystack: *const c_char,
    len_haystack: Py_ssize_t,
    needle: *const c_char,
    len_needle: Py_ssize_t,
    offset: Py_ssize_t,
) -> Py_ssize_t {
    if len_needle <= 0 {
        return len_haystack.max(0) + offset;
    }
    match memmem::rfind(slice(haystack, len_haystack), slice(needle, len_needle)) {
        Some(i) => i as Py_ssize_t + offset,
        None => -1,
    }
}

/// `void _PyBytes_Repeat(char *dest, Py_ssize_t len_dest, const char *src, Py_ssize_t
/// len_src)`: fills `dest` with `src` repeated; `src` may be the start of `dest` itself.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_Repeat(dest: *mut c_char, len_dest: Py_ssize_t, src: *const c_char, len_src: Py_ssize_t) {
    if len_dest <= 0 || len_src <= 0 {
        return;
    }
    let (len_dest, len_src) = (len_dest as usize, len_src as usize);
    if len_src == 1 {
        core::ptr::write_bytes(dest as *mut u8, *src as u8, len_dest);
        return;
    }
    let first = len_src.min(len_dest);
    if dest as *const c_char != src {
        core::ptr::copy(src, dest, first);
    }
    // Doubling copies out of the part already filled.
    let mut filled = first;
    while filled < len_dest {
        let n = filled.min(len_dest - filled);
        core::ptr::copy_nonoverlapping(dest, dest.add(filled), n);
        filled += n;
    }
}
