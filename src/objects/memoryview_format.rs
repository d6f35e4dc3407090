//! Items of a memoryview: reading and writing one element of a native single-character
//! struct format (`bBhHiIlLqQnNfde?cP`, optionally prefixed by `@`), with memoryview's
//! error messages. Values compare through `Item` for `==` between views.
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::long_convert::{int_to_i128, PyLong_FromUnsignedLongLong};

/// The single format code of a format string (`B` for none), if it is a native
/// single-character one this module handles.
pub(crate) fn native_code(format: Option<&[u8]>) -> Option<u8> {
    let f = match format {
        None => return Some(b'B'),
        Some(f) => f,
    };
    let f = f.strip_prefix(b"@").unwrap_or(f);
    match f {
        [c] if b"bBhHiIlLqQnNfde?cP".contains(c) => Some(*c),
        _ => None,
    }
}

/// The item size of a native code.
pub(crate) fn code_itemsize(c: u8) -> usize {
    match c {
        b'b' | b'B' | b'?' | b'c' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// A format code as a static C string, `@`-prefixed when `at` (views keep a pointer to
/// their format, and report it as written).
pub(crate) fn code_cstr(c: u8, at: bool) -> *mut core::ffi::c_char {
    const CODES: &[u8] = b"@b\0@B\0@h\0@H\0@i\0@I\0@l\0@L\0@q\0@Q\0@n\0@N\0@f\0@d\0@e\0@?\0@c\0@P\0";
    let i = CODES.chunks(3).position(|p| p[1] == c).unwrap_or(1);
    CODES[i * 3 + (!at) as usize..].as_ptr() as *mut core::ffi::c_char
}

/// One unpacked element, for comparisons.
#[derive(Clone, Copy)]
pub(crate) enum Item {
    Int(i128),
    Float(f64),
    Char(u8),
}

impl PartialEq for Item {
    fn eq(&self, other: &Item) -> bool {
        match (*self, *other) {
            (Item::Int(a), Item::Int(b)) => a == b,
            (Item::Float(a), Item::Float(b)) => a == b,
            (Item::Int(a), Item::Float(b)) | (Item::Float(b), Item::Int(a)) => (a as f64) == b && b.fract() == 0.0,
            (Item::Char(a), Item::Char(b)) => a == b,
            _ => false,
        }
    }
}

unsafe fn rd<const N: usize>(p: *const u8) -> [u8; N] {
    core::ptr::read_unaligned(p as *const [u8; N])
}

/// The element at `p`, as a comparable value.
pub(crate) unsafe fn read_item(code: u8, p: *const u8) -> Item {
    match code {
        b'b' => Item::Int(p.cast::<i8>().read() as i128),
        b'B' => Item::Int(*p as i128),
        b'?' => Item::Int((*p != 0) as i128),
        b'c' => Item::Char(*p),
        b'h' => Item::Int(i16::from_ne_bytes(rd(p)) as i128),
        b'H' => Item::Int(u16::from_ne_bytes(rd(p)) as i128),
        b'i' => Item::Int(i32::from_ne_bytes(rd(p)) as i128),
        b'I' => Item::Int(u32::from_ne_bytes(rd(p)) as i128),
        b'l' | b'q' | b'n' => Item::Int(i64::from_ne_bytes(rd(p)) as i128),
        b'L' | b'Q' | b'N' | b'P' => Item::Int(u64::from_ne_bytes(rd(p)) as i128),
        b'f' => Item::Float(f32::from_ne_bytes(rd(p)) as f64),
        b'd' => Item::Float(f64::from_ne_bytes(rd(p))),
        _ => Item::Float(crate::objects::float_pack::from_half_bits(u16::from_ne_bytes(rd(p)))),
    }
}

/// The element at `p` as a Python object.
pub(crate) unsafe fn unpack(code: u8, p: *const u8) -> PyResult<PyRef> {
    match (code, read_item(code, p)) {
        (b'?', Item::Int(v)) => Ok(crate::abstract_::compare::bool_ref(v != 0)),
        (b'c', Item::Char(c)) => crate::objects::bytes::from_slice(&[c]),
        (_, Item::Int(v)) if v > i64::MAX as i128 => {
            PyRef::from_owned(PyLong_FromUnsignedLongLong(v as u64)).ok_or_else(crate::errors::raised::Raised::assume_set)
        }
        (_, Item::Int(v)) => crate::objects::int::from_i64(v as i64),
        (_, Item::Float(f)) => crate::objects::float::new(f),
        (_, Item::Char(c)) => crate::objects::bytes::from_slice(&[c]),
    }
}

fn invalid_type(code: u8) -> crate::errors::raised::Raised {
    crate::abstract_::type_error(format!("memoryview: invalid type for format '{}'", code as char))
}

fn invalid_value(code: u8) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, format!("memoryview: invalid value for format '{}'", code as char))
}

/// The bytes of `value` as one element of format `code` (memoryview's checks: TypeError
/// for a wrong type, ValueError for a value out of range). Converting may run Python code (`__index__`, `__float__`, `__bool__`): the caller
/// checks its view again before writing the bytes.
pub(crate) unsafe fn pack_bytes(code: u8, value: *mut PyObject) -> PyResult<Vec<u8>> {
    Ok(match code {
        b'f' | b'd' | b'e' => {
            // TypeError and OverflowError become memoryview's messages; others pass through.
            let f = crate::objects::float::as_double(value).map_err(|e| {
                use crate::errors::pyerr::{PyErr_Clear, PyErr_ExceptionMatches};
                if PyErr_ExceptionMatches(exc::PyExc_TypeError) != 0 {
                    PyErr_Clear();
                    return invalid_type(code);
                }
                if PyErr_ExceptionMatches(exc::PyExc_OverflowError) != 0 {
                    PyErr_Clear();
                    return invalid_value(code);
                }
                e
            })?;
            match code {
                // A plain conversion, as CPython's memoryview does (1e300 becomes inf).
                b'f' => (f as f32).to_ne_bytes().to_vec(),
                b'd' => f.to_ne_bytes().to_vec(),
                _ => crate::objects::float_pack::to_half_bits(f).ok_or_else(|| invalid_value(code))?.to_ne_bytes().to_vec(),
            }
        }
        b'?' => vec![crate::abstract_::object::is_true(value)? as u8],
        b'c' => {
            if !crate::objects::bytes::is_bytes(value) {
                return Err(invalid_type(code));
            }
            let d = crate::objects::bytes::as_slice(value);
            if d.len() != 1 {
                return Err(invalid_value(code));
            }
            vec![d[0]]
        }
        _ => {
            if !crate::abstract_::item::is_index(value) {
                return Err(invalid_type(code));
            }
            let i = crate::abstract_::number::index(value)?;
            let v = int_to_i128(i.as_ptr()).ok_or_else(|| invalid_value(code))?;
            let (lo, hi): (i128, i128) = match code {
                b'b' => (i8::MIN as i128, i8::MAX as i128),
                b'B' => (0, u8::MAX as i128),
                b'h' => (i16::MIN as i128, i16::MAX as i128),
                b'H' => (0, u16::MAX as i128),
                b'i' => (i32::MIN as i128, i32::MAX as i128),
                b'I' => (0, u32::MAX as i128),
                b'l' | b'q' | b'n' => (i64::MIN as i128, i64::MAX as i128),
                _ => (0, u64::MAX as i128),
            };
            if v < lo || v > hi {
                return Err(invalid_value(code));
            }
            v.to_ne_bytes()[..code_itemsize(code)].to_vec()
        }
    })
}
