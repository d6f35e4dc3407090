//! Locale-independent character classes of cpython/pyctype.h: the bits of
//! `_Py_ctype_table` that the `Py_ISDIGIT`... macros test (the macros and the table
//! declarations are in include/cpython/pyctype.h).
use core::ffi::c_int;

#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_LOWER: c_int = 0x01;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_UPPER: c_int = 0x02;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_ALPHA: c_int = 0x03;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_DIGIT: c_int = 0x04;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_ALNUM: c_int = 0x07;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_SPACE: c_int = 0x08;
#[cfg(not(Py_LIMITED_API))]
pub const PY_CTF_XDIGIT: c_int = 0x10;
static_assertions::const_assert_eq!(PY_CTF_ALPHA, PY_CTF_LOWER | PY_CTF_UPPER);
static_assertions::const_assert_eq!(PY_CTF_ALNUM, PY_CTF_ALPHA | PY_CTF_DIGIT);

/// `const unsigned int _Py_ctype_table[256]`: the `PY_CTF_*` bits of each byte (ASCII only;
/// bytes 128..=255 have none), read by the `Py_IS*` macros.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static _Py_ctype_table: [core::ffi::c_uint; 256] = {
    let mut t = [0 as core::ffi::c_uint; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        let mut f = 0;
        if b.is_ascii_lowercase() {
            f |= PY_CTF_LOWER;
        }
        if b.is_ascii_uppercase() {
            f |= PY_CTF_UPPER;
        }
        if b.is_ascii_digit() {
            f |= PY_CTF_DIGIT;
        }
        if b.is_ascii_hexdigit() {
            f |= PY_CTF_XDIGIT;
        }
        // C's isspace: also the vertical tab, which Rust's is_ascii_whitespace leaves out.
        if b == b' ' || (b >= 0x09 && b <= 0x0d) {
            f |= PY_CTF_SPACE;
        }
        t[c] = f as core::ffi::c_uint;
        c += 1;
    }
    t
};

/// `const unsigned char _Py_ctype_tolower[256]`: ASCII upper-case letters to lower case,
/// every other byte to itself (`Py_TOLOWER`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static _Py_ctype_tolower: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).to_ascii_lowercase();
        c += 1;
    }
    t
};

/// `const unsigned char _Py_ctype_toupper[256]` (`Py_TOUPPER`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static _Py_ctype_toupper: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).to_ascii_uppercase();
        c += 1;
    }
    t
};
