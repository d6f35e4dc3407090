//! The type codes of `array.array`: each code's C item size, its buffer format, and how
//! one item is read into a Python object or written from one (with CPython's messages,
//! which come from the `PyArg_Parse` converter each code uses: `b` parses as a C short
//! before its char range check, `H` as a C int, and so on).
use core::ffi::CStr;

use crate::abstract_::{tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::{float, int, str as pystr};

/// What a code's items are in Python.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int,
    Float,
    /// `u`: one `wchar_t` (UCS-4 here) per item, a 1-character str in Python.
    Char,
}

pub(crate) struct Desc {
    pub code: u8,
    pub size: usize,
    pub signed: bool,
    pub kind: Kind,
    /// The struct-module format the buffer protocol exports.
    pub format: &'static CStr,
    /// The machine format code `__reduce_ex__` records for pickles.
    pub mformat: i32,
}

const fn d(code: u8, size: usize, signed: bool, kind: Kind, format: &'static CStr, mformat: i32) -> Desc {
    Desc { code, size, signed, kind, format, mformat }
}

/// Every code, in the order of `array.typecodes`.
pub(crate) static DESCS: [Desc; 13] = [
    d(b'b', 1, true, Kind::Int, c"b", 1),
    d(b'B', 1, false, Kind::Int, c"B", 0),
    d(b'u', 4, false, Kind::Char, c"w", 20),
    d(b'h', 2, true, Kind::Int, c"h", 4),
    d(b'H', 2, false, Kind::Int, c"H", 2),
    d(b'i', 4, true, Kind::Int, c"i", 8),
    d(b'I', 4, false, Kind::Int, c"I", 6),
    d(b'l', 8, true, Kind::Int, c"l", 12),
    d(b'L', 8, false, Kind::Int, c"L", 10),
    d(b'q', 8, true, Kind::Int, c"q", 12),
    d(b'Q', 8, false, Kind::Int, c"Q", 10),
    d(b'f', 4, true, Kind::Float, c"f", 14),
    d(b'd', 8, true, Kind::Float, c"d", 16),
];

pub(crate) const TYPECODES: &str = "bBuhHiIlLqQfd";

pub(crate) fn desc(code: u32) -> Option<&'static Desc> {
    DESCS.iter().find(|d| d.code as u32 == code)
}

/// An item as a plain value, for comparisons and searches without objects.
#[derive(Clone, Copy)]
pub(crate) enum Value {
    I(i128),
    F(f64),
    C(u32),
}

/// The item stored in `b` (`d.size` bytes, native order).
#[inline]
pub(crate) fn read(d: &Desc, b: &[u8]) -> Value {
    match (d.code, d.size) {
        (b'f', _) => Value::F(f32::from_ne_bytes(b[..4].try_into().unwrap()) as f64),
        (b'd', _) => Value::F(f64::from_ne_bytes(b[..8].try_into().unwrap())),
        (b'u', _) => Value::C(u32::from_ne_bytes(b[..4].try_into().unwrap())),
        (_, 1) => Value::I(if d.signed { b[0] as i8 as i128 } else { b[0] as i128 }),
        (_, 2) => {
            let v = u16::from_ne_bytes(b[..2].try_into().unwrap());
            Value::I(if d.signed { v as i16 as i128 } else { v as i128 })
        }
        (_, 4) => {
            let v = u32::from_ne_bytes(b[..4].try_into().unwrap());
            Value::I(if d.signed { v as i32 as i128 } else { v as i128 })
        }
        _ => {
            let v = u64::from_ne_bytes(b[..8].try_into().unwrap());
            Value::I(if d.signed { v as i64 as i128 } else { v as i128 })
        }
    }
}

/// ValueError for a stored `wchar_t` that is no code point (possible after `frombytes`).
pub(crate) fn bad_char(c: u32) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, format!("character U+{c:x} is not in range [U+0000; U+10ffff]"))
}

/// The item stored in `b` as a Python object.
pub(crate) fn get(d: &Desc, b: &[u8]) -> PyResult<PyRef> {
    match read(d, b) {
        Value::I(v) => int::from_i128(v),
        Value::F(v) => float::new(v),
        Value::C(c) => {
            if c > 0x10FFFF {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "chr() arg not in range(0x110000)"));
            }
            pystr::from_code_points(&[c])
        }
    }
}

fn overflow(message: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

/// `v` checked against `[lo, hi]`, OverflowError "`what` is less than minimum/greater than
/// maximum" otherwise.
fn range(v: i128, lo: i128, hi: i128, what: &str) -> PyResult<i128> {
    if v < lo {
        Err(overflow(&format!("{what} is less than minimum")))
    } else if v > hi {
        Err(overflow(&format!("{what} is greater than maximum")))
    } else {
        Ok(v)
    }
}

/// The int value of `v` (through `__index__`), as an i128 (None past 128 bits).
unsafe fn int_value(v: *mut PyObject) -> PyResult<(Option<i128>, bool)> {
    let i = crate::abstract_::number::index(v)?;
    let negative = crate::objects::int::size_of(i.as_ptr()) < 0;
    Ok((crate::objects::long_convert::int_to_i128(i.as_ptr()), negative))
}

/// A C long from `v`, with PyLong_AsLong's overflow message.
unsafe fn c_long(v: *mut PyObject) -> PyResult<i128> {
    match int_value(v)? {
        (Some(x), _) if i64::try_from(x).is_ok() => Ok(x),
        _ => Err(overflow("Python int too large to convert to C long")),
    }
}

/// The integer `v` converted for integer code `code`.
unsafe fn int_for(code: u8, v: *mut PyObject) -> PyResult<i128> {
    const SHORT: (i128, i128) = (i16::MIN as i128, i16::MAX as i128);
    const INT: (i128, i128) = (i32::MIN as i128, i32::MAX as i128);
    match code {
        b'b' => {
            let x = range(c_long(v)?, SHORT.0, SHORT.1, "signed short integer")?;
            range(x, -128, 127, "signed char")
        }
        b'B' => range(c_long(v)?, 0, 255, "unsigned byte integer"),
        b'h' => range(c_long(v)?, SHORT.0, SHORT.1, "signed short integer"),
        b'H' => {
            let x = range(c_long(v)?, INT.0, INT.1, "signed integer")?;
            range(x, 0, 0xFFFF, "unsigned short")
        }
        b'i' => range(c_long(v)?, INT.0, INT.1, "signed integer"),
        b'l' => c_long(v),
        b'I' | b'L' => match int_value(v)? {
            (_, true) => Err(overflow("can't convert negative value to unsigned int")),
            (Some(x), _) if x <= u64::MAX as i128 => {
                if code == b'I' && x > u32::MAX as i128 {
                    Err(overflow("unsigned int is greater than maximum"))
                } else {
                    Ok(x)
                }
            }
            _ => Err(overflow("Python int too large to convert to C unsigned long")),
        },
        b'q' => match int_value(v)? {
            (Some(x), _) if i64::try_from(x).is_ok() => Ok(x),
            _ => Err(overflow("int too big to convert")),
        },
        _ => match int_value(v)? {
            (_, true) => Err(overflow("can't convert negative int to unsigned")),
            (Some(x), _) if x <= u64::MAX as i128 => Ok(x),
            _ => Err(overflow("int too big to convert")),
        },
    }
}

/// The code point of a 1-character str, else TypeError as CPython.
pub(crate) unsafe fn char_of(v: *mut PyObject) -> PyResult<u32> {
    if pystr::is_str(v) && pystr::len(v) == 1 {
        return Ok(pystr::read_char(v, 0));
    }
    Err(type_error("array item must be unicode character"))
}

/// Writes `v` converted for `d` into `out` (`d.size` bytes); nothing is written on error.
pub(crate) unsafe fn set(d: &Desc, v: *mut PyObject, out: &mut [u8]) -> PyResult<()> {
    match d.kind {
        Kind::Float => {
            let x = float::as_double(v)?;
            if d.code == b'f' {
                out[..4].copy_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out[..8].copy_from_slice(&x.to_ne_bytes());
            }
        }
        Kind::Char => out[..4].copy_from_slice(&char_of(v)?.to_ne_bytes()),
        Kind::Int => {
            if !crate::abstract_::item::is_index(v) {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", tp_name(v))));
            }
            let x = int_for(d.code, v)?;
            match d.size {
                1 => out[0] = x as u8,
                2 => out[..2].copy_from_slice(&(x as u16).to_ne_bytes()),
                4 => out[..4].copy_from_slice(&(x as u32).to_ne_bytes()),
                _ => out[..8].copy_from_slice(&(x as u64).to_ne_bytes()),
            }
        }
    }
    Ok(())
}
