//! ints as fixed-size two's complement byte arrays: `_PyLong_FromByteArray`,
//! `_PyLong_AsByteArray` (what `int.from_bytes`/`int.to_bytes`, `struct` and many
//! extensions use).
use core::ffi::c_int;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::int::{digits, from_digits, is_int, size_of, PyLongObject};
use crate::objects::long_digits as ld;

/// The int whose `bytes` (little-endian order) hold its two's complement (if `signed`) or
/// unsigned value.
pub(crate) fn from_le_bytes(bytes: &[u8], signed: bool) -> PyResult<PyRef> {
    let negative = signed && bytes.last().is_some_and(|&b| b & 0x80 != 0);
    // Magnitude bytes: for negatives, the two's complement of the value.
    let mut mag_bytes: Vec<u8> = bytes.to_vec();
    if negative {
        let mut carry = 1u16;
        for b in mag_bytes.iter_mut() {
            let v = u16::from(!*b) + carry;
            *b = v as u8;
            carry = v >> 8;
        }
    }
    let mut mag: Vec<u32> = Vec::with_capacity(bytes.len() * 8 / 30 + 1);
    let mut acc: u64 = 0;
    let mut nacc = 0u32;
    for &b in &mag_bytes {
        acc |= u64::from(b) << nacc;
        nacc += 8;
        if nacc >= 30 {
            mag.push((acc as u32) & ld::MASK);
            acc >>= 30;
            nacc -= 30;
        }
    }
    if acc != 0 {
        mag.push(acc as u32);
    }
    ld::normalize(&mut mag);
    from_digits(negative, &mag)
}

/// Writes the int `op` into `out` (little-endian order) as two's complement (if `signed`)
/// or unsigned: OverflowError "can't convert negative int to unsigned" / "int too big to
/// convert" when it does not fit.
pub(crate) unsafe fn to_le_bytes(op: *mut PyObject, out: &mut [u8], signed: bool) -> PyResult<()> {
    let negative = size_of(op) < 0;
    if negative && !signed {
        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "can't convert negative int to unsigned"));
    }
    let d = digits(op);
    let bits = ld::bit_length(d);
    let room = out.len() as u64 * 8;
    let fits = if !signed {
        bits <= room
    } else if !negative {
        bits < room || bits == 0
    } else {
        // -2**(room-1) is the most negative value: a magnitude of exactly that power fits.
        // (CPython also lets -1 through into zero bytes: all its bits are sign bits.)
        (room == 0 && d == [1]) || bits < room || (bits == room && ld::shr_mag(d, room - 1) == [1] && !ld::low_bits_nonzero(d, room - 1))
    };
    if !fits {
        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "int too big to convert"));
    }
    // Magnitude bytes, little-endian, then two's complement for negatives.
    let mut acc: u64 = 0;
    let mut nacc = 0u32;
    let mut it = d.iter();
    for b in out.iter_mut() {
        if nacc < 8 {
            if let Some(&x) = it.next() {
                acc |= u64::from(x) << nacc;
                nacc += 30;
            }
        }
        *b = acc as u8;
        acc >>= 8;
        nacc = nacc.saturating_sub(8);
    }
    if negative {
        let mut carry = 1u16;
        for b in out.iter_mut() {
            let v = u16::from(!*b) + carry;
            *b = v as u8;
            carry = v >> 8;
        }
    }
    Ok(())
}

/// `PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian,
/// int is_signed)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_FromByteArray(bytes: *const u8, n: usize, little_endian: c_int, is_signed: c_int) -> *mut PyObject {
    if n == 0 {
        return from_digits(false, &[]).map_or(core::ptr::null_mut(), PyRef::into_ptr);
    }
    if bytes.is_null() || n > isize::MAX as usize {
        if n > isize::MAX as usize {
            let _ = raise_type(&raw mut exc::_PyExc_OverflowError, "byte array too long to convert to int");
        } else {
            let _ = bad_internal_call();
        }
        return core::ptr::null_mut();
    }
    let src = core::slice::from_raw_parts(bytes, n);
    let r = if little_endian != 0 {
        from_le_bytes(src, is_signed != 0)
    } else {
        let le: Vec<u8> = src.iter().rev().copied().collect();
        from_le_bytes(&le, is_signed != 0)
    };
    r.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int
/// little_endian, int is_signed)`: 0, or -1 with OverflowError set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_AsByteArray(v: *mut PyLongObject, bytes: *mut u8, n: usize, little_endian: c_int, is_signed: c_int) -> c_int {
    let op = v.cast::<PyObject>();
    if op.is_null() || !is_int(op) || (bytes.is_null() && n != 0) {
        let _ = bad_internal_call();
        return -1;
    }
    let out: &mut [u8] = if n == 0 { &mut [] } else { core::slice::from_raw_parts_mut(bytes, n) };
    if to_le_bytes(op, out, is_signed != 0).is_err() {
        return -1;
    }
    if little_endian == 0 {
        out.reverse();
    }
    0
}
