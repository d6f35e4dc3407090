//! The int object layout (CPython 3.11's cpython/longintrepr.h): 30-bit digits stored
//! least significant first, the sign carried by `ob_size`.
use crate::object::object::PyVarObject;
use core::ffi::c_int;

/// `digit`: one base-2**30 digit.
#[cfg(not(Py_LIMITED_API))]
pub type digit = u32;
/// `sdigit`: signed variant of `digit`.
#[cfg(not(Py_LIMITED_API))]
pub type sdigit = i32;
/// `twodigits`: holds the product of two digits.
#[cfg(not(Py_LIMITED_API))]
pub type twodigits = u64;
/// `stwodigits`: signed variant of `twodigits`.
#[cfg(not(Py_LIMITED_API))]
pub type stwodigits = i64;

/// Bits per digit.
#[cfg(not(Py_LIMITED_API))]
pub const PyLong_SHIFT: c_int = 30;
/// Exponent of the largest power of ten that fits a digit (used for decimal conversion).
#[cfg(not(Py_LIMITED_API))]
pub const _PyLong_DECIMAL_SHIFT: c_int = 9;
// The next three are `digit`-typed in C (`((digit)1 << PyLong_SHIFT)`...), which cbindgen
// cannot print, so they are hand-written in include/cpython/longintrepr.h and crate-private
// here.
/// 10**_PyLong_DECIMAL_SHIFT.
pub(crate) const _PyLong_DECIMAL_BASE: digit = 1_000_000_000;
/// The digit base, 2**30, and the mask of a digit's bits.
pub(crate) const PyLong_BASE: digit = 1 << PyLong_SHIFT;
pub(crate) const PyLong_MASK: digit = PyLong_BASE - 1;

/// `struct _longobject` (`PyLongObject`): `abs(ob_size)` digits follow the header; the sign
/// of `ob_size` is the sign of the number, zero has `ob_size == 0`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _longobject {
    pub ob_base: PyVarObject,
    pub ob_digit: [digit; 1],
}
pub type PyLongObject = _longobject;
assert_layout!(PyLongObject, size = 32, ob_base @ 0, ob_digit @ 24);
// Pin the values the hand-written C macros must agree with.
static_assertions::const_assert_eq!(PyLong_BASE, 0x4000_0000);
static_assertions::const_assert_eq!(PyLong_MASK, 0x3fff_ffff);
static_assertions::const_assert_eq!(_PyLong_DECIMAL_BASE, 10u32.pow(_PyLong_DECIMAL_SHIFT as u32));

// ---- The int type ----------------------------------------------------------------------------
// TEMP(numbers): a minimal static `int` so that `bool` has its real base (MRO bool, int,
// object) and `PyLong_Check` works on True/False. It has CPython's name, sizes, flags and
// doc, and the int hash (which bool inherits); arithmetic, repr, `tp_new` and the C-API
// (`PyLong_From*`/`PyLong_As*`) come with the int implementation.
use crate::object::object::PyObject;
use crate::object::static_type::static_type;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_LONG_SUBCLASS, _Py_TPFLAGS_MATCH_SELF,
};
use crate::pyport::{Py_hash_t, Py_ssize_t};

/// `PyLong_Type`: `int`.
#[no_mangle]
pub static mut PyLong_Type: PyTypeObject = PyTypeObject {
    tp_hash: Some(long_hash),
    ..static_type(
        c"int",
        core::mem::offset_of!(PyLongObject, ob_digit),
        core::mem::size_of::<digit>(),
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
        Some(c"int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4"),
    )
};

/// Bits of the numeric hash modulus, 2**61 - 1 (`_PyHASH_BITS`).
const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;

/// The numeric hash of the integer with these digits (least significant first) and sign:
/// its value modulo 2**61 - 1, negated for negative numbers, -1 mapped to -2.
pub(crate) fn hash_digits(digits: &[digit], negative: bool) -> Py_hash_t {
    let mut x: u64 = 0;
    for &d in digits.iter().rev() {
        // x * 2**30 mod M is a rotation of x's 61 bits by 30.
        x = ((x << PyLong_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - PyLong_SHIFT as u32));
        x += u64::from(d);
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let h = if negative { -(x as i64) } else { x as i64 };
    if h == -1 { -2 } else { h as Py_hash_t }
}

/// `int.__hash__`.
unsafe extern "C" fn long_hash(op: *mut PyObject) -> Py_hash_t {
    let v = op as *mut PyLongObject;
    let size: Py_ssize_t = (*v).ob_base.ob_size;
    let n = size.unsigned_abs();
    let digits = core::ptr::addr_of!((*v).ob_digit) as *const digit;
    hash_digits(core::slice::from_raw_parts(digits, n), size < 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_digits(&[], false), 0);
        assert_eq!(hash_digits(&[1], false), 1);
        assert_eq!(hash_digits(&[1], true), -2);
        assert_eq!(hash_digits(&[2], true), -2);
        assert_eq!(hash_digits(&[5], true), -5);
        // 2**61 - 1 hashes to 0, 2**61 to 1, 2**90 + 7 to 2**29 + 7.
        let m = (1u64 << 61) - 1;
        let split = |v: u128| -> Vec<digit> {
            let mut v = v;
            let mut out = Vec::new();
            while v != 0 {
                out.push((v & u128::from(PyLong_MASK)) as digit);
                v >>= PyLong_SHIFT;
            }
            out
        };
        assert_eq!(hash_digits(&split(u128::from(m)), false), 0);
        assert_eq!(hash_digits(&split(1u128 << 61), false), 1);
        assert_eq!(hash_digits(&split((1u128 << 90) + 7), false), (1 << 29) + 7);
        assert_eq!(hash_digits(&split(123_456_789_012_345_678_901_234), true), -1_954_299_044_504_764_694);
    }
}
