//! The argument source of the `PyArg_Parse*` entry points: the C shims (src/c/getargs.c)
//! hand Rust their `va_list`, and Rust takes each pointer off it as the format asks
//! (every unit of these formats takes pointers), so the format is walked once.
//! Also the few lookups getargs needs from types owned elsewhere.
use core::ffi::{c_char, c_void};

use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

extern "C" {
    /// `va_arg(*(va_list *)va, void *)` (src/c/getargs.c).
    fn ferropy_va_next_ptr(va: *mut c_void) -> *mut c_void;
}

/// A C `va_list *` whose remaining arguments are all pointers.
pub(crate) struct Va(pub *mut c_void);

impl Va {
    /// The next pointer argument.
    #[inline(always)]
    pub(crate) unsafe fn ptr<T>(&mut self) -> *mut T {
        ferropy_va_next_ptr(self.0) as *mut T
    }

    /// Takes `n` pointers off the list unused (a unit whose argument was not given).
    #[inline]
    pub(crate) unsafe fn skip(&mut self, n: usize) {
        for _ in 0..n {
            ferropy_va_next_ptr(self.0);
        }
    }
}

/// `PyUnicode_AsUTF8AndSize` for getargs: the UTF-8 bytes of a str (NUL-terminated, living
/// as long as the str) and their number; NULL with an exception set on failure.
/// TODO(str): until the str area's `PyUnicode_AsUTF8AndSize` lands, only ASCII strings (whose
/// data is their UTF-8) are handled; others raise SystemError.
pub(crate) unsafe fn str_utf8_and_size(s: *mut PyObject, size: &mut Py_ssize_t) -> *const c_char {
    let a = &*(s as *mut crate::objects::str::PyASCIIObject);
    if a.compact() && a.ascii() {
        *size = a.length;
        return crate::objects::str::data(s) as *const c_char;
    }
    let _ = crate::object::pending_error::raise(
        crate::object::pending_error::ExcType::SystemError,
        "getargs: non-ASCII str arguments need PyUnicode_AsUTF8AndSize (not in ferropy yet)",
    );
    core::ptr::null()
}

/// Whether `op` is a bytearray. TODO(buffer): no bytearray type exists yet, so no object is
/// one.
pub(crate) unsafe fn is_bytearray(_op: *mut PyObject) -> bool {
    false
}

/// The byte of a one-byte bytearray (the `c` unit); None for anything else.
pub(crate) unsafe fn bytearray_single(op: *mut PyObject) -> Option<u8> {
    if !is_bytearray(op) {
        return None;
    }
    None
}
