//! Struct members exposed as attributes: `PyMemberDef`, the `T_*` member types and the
//! access flags (CPython's `structmember.h`).
use core::ffi::{c_char, c_int};

use crate::pyport::Py_ssize_t;

/// `struct PyMemberDef`: a C field of the instance at `offset`, converted per `type`.
#[repr(C)]
pub struct PyMemberDef {
    pub name: *const c_char,
    pub r#type: c_int,
    pub offset: Py_ssize_t,
    pub flags: c_int,
    pub doc: *const c_char,
}
assert_layout!(PyMemberDef, size = 40, name @ 0, r#type @ 8, offset @ 16, flags @ 24,
    doc @ 32);

pub const T_SHORT: c_int = 0;
pub const T_INT: c_int = 1;
pub const T_LONG: c_int = 2;
pub const T_FLOAT: c_int = 3;
pub const T_DOUBLE: c_int = 4;
pub const T_STRING: c_int = 5;
pub const T_OBJECT: c_int = 6;
/// A one-character string.
pub const T_CHAR: c_int = 7;
/// An 8-bit signed integer.
pub const T_BYTE: c_int = 8;
pub const T_UBYTE: c_int = 9;
pub const T_USHORT: c_int = 10;
pub const T_UINT: c_int = 11;
pub const T_ULONG: c_int = 12;
pub const T_STRING_INPLACE: c_int = 13;
pub const T_BOOL: c_int = 14;
/// Like `T_OBJECT`, but a NULL field raises AttributeError instead of reading as None.
pub const T_OBJECT_EX: c_int = 16;
pub const T_LONGLONG: c_int = 17;
pub const T_ULONGLONG: c_int = 18;
pub const T_PYSSIZET: c_int = 19;
/// Always reads as None.
pub const T_NONE: c_int = 20;

pub const READONLY: c_int = 1;
pub const READ_RESTRICTED: c_int = 2;
pub const PY_WRITE_RESTRICTED: c_int = 4;
pub const RESTRICTED: c_int = READ_RESTRICTED | PY_WRITE_RESTRICTED;
/// Reading the member raises an `object.__getattr__` audit event.
pub const PY_AUDIT_READ: c_int = READ_RESTRICTED;
