//! The PEP 393 string layouts (CPython's unicodeobject.h and cpython/unicodeobject.h):
//! `PyASCIIObject`, `PyCompactUnicodeObject`, `PyUnicodeObject`, the code-unit types and
//! the kind and interning constants.
//!
//! `PyASCIIObject.state` is a C bitfield struct (`interned:2, kind:3, compact:1, ascii:1,
//! ready:1`, padded to 32 bits) that extensions read through `op->state.kind` and friends.
//! cbindgen can print a bitfield only as one C field per Rust field, and Rust has no
//! bitfields, so the three string structs are written by hand in
//! include/cpython/unicodeobject.h (the other two embed `PyASCIIObject`, so they must follow
//! it there) and excluded from cbindgen. The Rust mirrors below keep the same layout with the
//! state as one `c_uint` word, read and written through the accessors, which use the bit
//! positions gcc and clang give those fields on x86_64 (first field in the low bits).
use crate::object::object::PyObject;
use crate::pyport::{wchar_t, Py_hash_t, Py_ssize_t};
use core::ffi::{c_char, c_int, c_uint, c_void};

/// `Py_UCS4`: a code point.
pub type Py_UCS4 = u32;
/// `Py_UCS2`: a code unit of 2-byte-kind strings.
pub type Py_UCS2 = u16;
/// `Py_UCS1`: a code unit of 1-byte-kind strings.
pub type Py_UCS1 = u8;
/// `Py_UNICODE`: the deprecated wchar_t code unit of the legacy API.
#[cfg(not(Py_LIMITED_API))]
pub type Py_UNICODE = wchar_t;

/// U+FFFD, what decoders substitute for undecodable input (`((Py_UCS4) 0xFFFD)` in C,
/// hand-written in include/unicodeobject.h since cbindgen cannot print the cast).
pub(crate) const Py_UNICODE_REPLACEMENT_CHARACTER: Py_UCS4 = 0xFFFD;

/// Values of `state.interned`.
#[cfg(not(Py_LIMITED_API))]
pub const SSTATE_NOT_INTERNED: c_int = 0;
#[cfg(not(Py_LIMITED_API))]
pub const SSTATE_INTERNED_MORTAL: c_int = 1;
#[cfg(not(Py_LIMITED_API))]
pub const SSTATE_INTERNED_IMMORTAL: c_int = 2;

/// `enum PyUnicode_Kind`: the code-unit width of a string's canonical data, as CPython
/// declares it (an enum, so the names are enumerators, not macros).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyUnicode_Kind {
    /// Legacy string whose data is still only in `wstr` (not ready).
    PyUnicode_WCHAR_KIND = 0,
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4,
}

/// Rust mirror of `PyASCIIObject` (hand-written in C, see the module comment). The data of a
/// compact ASCII string follows the struct.
#[repr(C)]
pub struct PyASCIIObject {
    pub ob_base: PyObject,
    /// Number of code points.
    pub length: Py_ssize_t,
    /// Cached hash, -1 until computed.
    pub hash: Py_hash_t,
    /// The C bitfield struct `state`, as one word: use the accessors.
    pub state: c_uint,
    /// Cached wchar_t form (NUL-terminated), or NULL.
    pub wstr: *mut wchar_t,
}
assert_layout!(PyASCIIObject, size = 48, ob_base @ 0, length @ 16, hash @ 24, state @ 32,
               wstr @ 40);

// Bit positions of the `state` fields in the 32-bit word (x86_64 SysV bitfield layout).
const INTERNED_SHIFT: u32 = 0;
const INTERNED_MASK: c_uint = 0b11;
const KIND_SHIFT: u32 = 2;
const KIND_MASK: c_uint = 0b111;
const COMPACT_BIT: c_uint = 1 << 5;
const ASCII_BIT: c_uint = 1 << 6;
const READY_BIT: c_uint = 1 << 7;

impl PyASCIIObject {
    /// `state.interned`: one of the `SSTATE_*` values.
    #[inline]
    pub fn interned(&self) -> c_uint {
        (self.state >> INTERNED_SHIFT) & INTERNED_MASK
    }
    #[inline]
    pub fn set_interned(&mut self, v: c_uint) {
        self.state = (self.state & !(INTERNED_MASK << INTERNED_SHIFT))
            | ((v & INTERNED_MASK) << INTERNED_SHIFT);
    }
    /// `state.kind`: 0 (wchar), 1, 2 or 4.
    #[inline]
    pub fn kind(&self) -> c_uint {
        (self.state >> KIND_SHIFT) & KIND_MASK
    }
    #[inline]
    pub fn set_kind(&mut self, v: c_uint) {
        self.state = (self.state & !(KIND_MASK << KIND_SHIFT)) | ((v & KIND_MASK) << KIND_SHIFT);
    }
    /// `state.compact`: the data follows the struct in the same allocation.
    #[inline]
    pub fn compact(&self) -> bool {
        self.state & COMPACT_BIT != 0
    }
    #[inline]
    pub fn set_compact(&mut self, v: bool) {
        self.set_bit(COMPACT_BIT, v)
    }
    /// `state.ascii`: all code points are below 128.
    #[inline]
    pub fn ascii(&self) -> bool {
        self.state & ASCII_BIT != 0
    }
    #[inline]
    pub fn set_ascii(&mut self, v: bool) {
        self.set_bit(ASCII_BIT, v)
    }
    /// `state.ready`: the canonical data is available.
    #[inline]
    pub fn ready(&self) -> bool {
        self.state & READY_BIT != 0
    }
    #[inline]
    pub fn set_ready(&mut self, v: bool) {
        self.set_bit(READY_BIT, v)
    }
    #[inline]
    fn set_bit(&mut self, bit: c_uint, v: bool) {
        if v {
            self.state |= bit
        } else {
            self.state &= !bit
        }
    }
}

/// Rust mirror of `PyCompactUnicodeObject` (hand-written in C): a compact non-ASCII string,
/// data after the struct.
#[repr(C)]
pub struct PyCompactUnicodeObject {
    pub _base: PyASCIIObject,
    /// Bytes in `utf8`, without the NUL.
    pub utf8_length: Py_ssize_t,
    /// Cached UTF-8 form (NUL-terminated), or NULL.
    pub utf8: *mut c_char,
    /// Code units in `wstr`.
    pub wstr_length: Py_ssize_t,
}
assert_layout!(PyCompactUnicodeObject, size = 72, _base @ 0, utf8_length @ 48, utf8 @ 56,
               wstr_length @ 64);

/// Rust mirror of `PyUnicodeObject` (hand-written in C): a legacy string whose data lives in
/// a separate block. In C `data` is a union of `void *`/`Py_UCS1 *`/`Py_UCS2 *`/`Py_UCS4 *`,
/// all one pointer wide; the mirror keeps the `void *` member.
#[repr(C)]
pub struct PyUnicodeObject {
    pub _base: PyCompactUnicodeObject,
    pub data: *mut c_void,
}
assert_layout!(PyUnicodeObject, size = 80, _base @ 0, data @ 72);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_accessors_are_independent() {
        let mut s: PyASCIIObject = unsafe { core::mem::zeroed() };
        s.set_kind(4);
        s.set_interned(2);
        s.set_compact(true);
        s.set_ready(true);
        assert_eq!((s.kind(), s.interned(), s.compact(), s.ascii(), s.ready()),
                   (4, 2, true, false, true));
        assert_eq!(s.state, 2 | (4 << 2) | (1 << 5) | (1 << 7));
    }
}

// Pin the value the hand-written C macro must agree with.
static_assertions::const_assert_eq!(Py_UNICODE_REPLACEMENT_CHARACTER, 0xFFFD);

/// `_PyUnicodeWriter`: the builder of the `_PyUnicodeWriter_*` functions, which widens its
/// buffer's kind as larger code points arrive.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyUnicodeWriter {
    pub buffer: *mut PyObject,
    pub data: *mut c_void,
    pub kind: PyUnicode_Kind,
    pub maxchar: Py_UCS4,
    pub size: Py_ssize_t,
    pub pos: Py_ssize_t,
    /// Minimum number of characters to allocate.
    pub min_length: Py_ssize_t,
    /// Minimum maximum character of the buffer (127 by default).
    pub min_char: Py_UCS4,
    pub overallocate: u8,
    /// The buffer is a shared string that must not be written.
    pub readonly: u8,
}
assert_layout!(_PyUnicodeWriter, size = 56, buffer @ 0, data @ 8, kind @ 16, maxchar @ 20,
               size @ 24, pos @ 32, min_length @ 40, min_char @ 48, overallocate @ 52,
               readonly @ 53);
