//! int's number slots (`PyLongObject`'s `tp_as_number`) and rich comparison. Each binary slot
//! returns NotImplemented unless both operands are ints (CPython's `CHECK_BINOP`); values of
//! at most two digits (|v| < 2**60) take an i64/i128 fast path, others go through
//! `long_digits::Int`.
use core::cmp::Ordering;
use core::ffi::c_int;
use core::ptr::null_mut;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::{PyObject, Py_EQ, Py_GE, Py_GT, Py_LE, Py_LT, Py_NE};
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::PyNumberMethods;
use crate::objects::int::{
    digits, from_i128, from_i64, from_int, is_exact_int, is_int, medium_value, size_of, to_int,
    MAX_LONG_DIGITS,
};
use crate::objects::long_digits::{self as ld, BitOp, Int};

/// int's number methods.
pub(crate) static mut LONG_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: Some(long_add),
    nb_subtract: Some(long_sub),
    nb_multiply: Some(long_mul),
    nb_remainder: Some(long_mod),
    nb_divmod: Some(long_divmod),
    nb_power: Some(crate::objects::long_pow::long_pow),
    nb_negative: Some(long_neg),
    nb_positive: Some(long_long),
    nb_absolute: Some(long_abs),
    nb_bool: Some(long_bool),
    nb_invert: Some(long_invert),
    nb_lshift: Some(long_lshift),
    nb_rshift: Some(long_rshift),
    nb_and: Some(long_and),
    nb_xor: Some(long_xor),
    nb_or: Some(long_or),
    nb_int: Some(long_long),
    nb_floor_divide: Some(long_floordiv),
    nb_index: Some(long_long),
    nb_float: Some(long_float),
    nb_true_divide: Some(long_true_divide),
    // SAFETY: the rest are NULL slots (None/NULL pointers), zero is valid for them.
    ..unsafe { core::mem::zeroed() }
};

/// A new reference to `NotImplemented`.
pub(crate) fn not_implemented() -> *mut PyObject {
    let op = &raw mut crate::objects::singletons::_Py_NotImplementedStruct;
    // SAFETY: the singleton is static.
    unsafe { (*op).ob_refcnt += 1 };
    op
}

#[inline]
fn out(r: PyResult<PyRef>) -> *mut PyObject {
    match r {
        Ok(v) => v.into_ptr(),
        Err(_) => null_mut(),
    }
}

/// A binary slot: NotImplemented unless both are ints, else `$f(a, b)`.
macro_rules! int_binop {
    ($name:ident, $f:ident) => {
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            if !is_int(a) || !is_int(b) {
                return not_implemented();
            }
            out($f(a, b))
        }
    };
}

int_binop!(long_add, add);
int_binop!(long_sub, sub);
int_binop!(long_mul, mul);
int_binop!(long_mod, rem);
int_binop!(long_floordiv, floordiv);
int_binop!(long_divmod, divmod);
int_binop!(long_lshift, lshift);
int_binop!(long_rshift, rshift);
int_binop!(long_and, and);
int_binop!(long_or, or);
int_binop!(long_xor, xor);

/// `a + b` for two ints.
pub(crate) unsafe fn add(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if let (Some(x), Some(y)) = (medium_value(a), medium_value(b)) {
        return from_i64(x + y);
    }
    from_int(&to_int(a).add(&to_int(b)))
}

/// `a - b` for two ints.
pub(crate) unsafe fn sub(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if let (Some(x), Some(y)) = (medium_value(a), medium_value(b)) {
        return from_i64(x - y);
    }
    from_int(&to_int(a).sub(&to_int(b)))
}

/// `a * b` for two ints.
pub(crate) unsafe fn mul(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    // One digit each (the common case): the product is below 2**60, an i64.
    let (sa, sb) = (size_of(a), size_of(b));
    if (sa + 1) as usize <= 2 && (sb + 1) as usize <= 2 {
        let x = if sa == 0 { 0 } else { sa as i64 * i64::from(digits(a)[0]) };
        let y = if sb == 0 { 0 } else { sb as i64 * i64::from(digits(b)[0]) };
        return from_i64(x * y);
    }
    if let (Some(x), Some(y)) = (medium_value(a), medium_value(b)) {
        return from_i128(i128::from(x) * i128::from(y));
    }
    let (x, y) = (to_int(a), to_int(b));
    if a == b {
        return from_int(&x.mul(&x));
    }
    from_int(&x.mul(&y))
}

fn zero_division(message: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ZeroDivisionError, message)
}

/// Python's floor division and modulo on i64s (no overflow for |x|, |y| < 2**62).
#[inline]
fn floor_divmod_i64(x: i64, y: i64) -> (i64, i64) {
    let (mut q, mut r) = (x / y, x % y);
    if r != 0 && ((r < 0) != (y < 0)) {
        q -= 1;
        r += y;
    }
    (q, r)
}

/// `a // b` for two ints.
pub(crate) unsafe fn floordiv(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if size_of(b) == 0 {
        return Err(zero_division("integer division or modulo by zero"));
    }
    if let (Some(x), Some(y)) = (medium_value(a), medium_value(b)) {
        return from_i64(floor_divmod_i64(x, y).0);
    }
    from_int(&to_int(a).divmod_floor(&to_int(b)).0)
}

/// `a % b` for two ints.
pub(crate) unsafe fn rem(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if size_of(b) == 0 {
        return Err(zero_division("integer modulo by zero"));
    }
    if let (Some(x), Some(y)) = (medium_value(a), medium_value(b)) {
        return from_i64(floor_divmod_i64(x, y).1);
    }
    from_int(&to_int(a).divmod_floor(&to_int(b)).1)
}

/// `divmod(a, b)` for two ints: a 2-tuple.
pub(crate) unsafe fn divmod(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    if size_of(b) == 0 {
        return Err(zero_division("integer division or modulo by zero"));
    }
    let (q, r) = if let (Some(x), Some(y)) = (medium_value(a), medium_value(b)) {
        let (q, r) = floor_divmod_i64(x, y);
        (from_i64(q)?, from_i64(r)?)
    } else {
        let (q, r) = to_int(a).divmod_floor(&to_int(b));
        (from_int(&q)?, from_int(&r)?)
    };
    crate::objects::tuple::from_slice(&[q, r])
}

/// The shift count of `b` (an int): ValueError "negative shift count" if negative; `None`
/// when it does not fit a u64.
unsafe fn shift_count(b: *mut PyObject) -> PyResult<Option<u64>> {
    if size_of(b) < 0 {
        return Err(raise_type(&raw mut exc::_PyExc_ValueError, "negative shift count"));
    }
    Ok(ld::to_u128(digits(b)).and_then(|v| u64::try_from(v).ok()))
}

/// Fails as CPython does when a result would need `ndigits` digits: OverflowError past the
/// int size limit, MemoryError when it cannot reasonably be allocated.
pub(crate) fn check_result_digits(ndigits: u128) -> PyResult<()> {
    if ndigits > MAX_LONG_DIGITS as u128 {
        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "too many digits in integer"));
    }
    if ndigits > 1 << 32 {
        return Err(no_memory());
    }
    Ok(())
}

/// `a << b` for two ints.
pub(crate) unsafe fn lshift(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let count = shift_count(b)?;
    if size_of(a) == 0 {
        return from_i64(0);
    }
    let Some(count) = count else {
        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "too many digits in integer"));
    };
    if let Some(x) = medium_value(a) {
        if count < 64 {
            return from_i128(i128::from(x) << count);
        }
    }
    let x = to_int(a);
    check_result_digits(x.mag.len() as u128 + u128::from(count / 30) + 1)?;
    from_int(&x.shl(count))
}

/// `a >> b` for two ints (floor).
pub(crate) unsafe fn rshift(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    let count = shift_count(b)?.unwrap_or(u64::MAX);
    if let Some(x) = medium_value(a) {
        return from_i64(x >> count.min(63));
    }
    from_int(&to_int(a).shr(count))
}

unsafe fn bitop(a: *mut PyObject, b: *mut PyObject, op: BitOp) -> PyResult<PyRef> {
    if let (Some(x), Some(y)) = (medium_value(a), medium_value(b)) {
        return from_i64(match op {
            BitOp::And => x & y,
            BitOp::Or => x | y,
            BitOp::Xor => x ^ y,
        });
    }
    from_int(&to_int(a).bitop(&to_int(b), op))
}

unsafe fn and(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    bitop(a, b, BitOp::And)
}
unsafe fn or(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    bitop(a, b, BitOp::Or)
}
unsafe fn xor(a: *mut PyObject, b: *mut PyObject) -> PyResult<PyRef> {
    bitop(a, b, BitOp::Xor)
}

/// `-a`.
unsafe extern "C" fn long_neg(a: *mut PyObject) -> *mut PyObject {
    if let Some(x) = medium_value(a) {
        return out(from_i64(-x));
    }
    out(from_int(&to_int(a).neg()))
}

/// `abs(a)`.
unsafe extern "C" fn long_abs(a: *mut PyObject) -> *mut PyObject {
    if size_of(a) < 0 {
        return long_neg(a);
    }
    long_long(a)
}

/// `~a` = `-(a + 1)`.
unsafe extern "C" fn long_invert(a: *mut PyObject) -> *mut PyObject {
    if let Some(x) = medium_value(a) {
        return out(from_i64(!x));
    }
    out(from_int(&to_int(a).invert()))
}

/// `+a`, `int(a)`, `operator.index(a)`: `a` itself for an exact int, else an exact copy.
pub(crate) unsafe extern "C" fn long_long(a: *mut PyObject) -> *mut PyObject {
    if is_exact_int(a) {
        (*a).ob_refcnt += 1;
        return a;
    }
    out(crate::objects::int::from_digits(size_of(a) < 0, digits(a)))
}

/// `bool(a)`.
unsafe extern "C" fn long_bool(a: *mut PyObject) -> c_int {
    (size_of(a) != 0) as c_int
}

/// `float(a)`.
unsafe extern "C" fn long_float(a: *mut PyObject) -> *mut PyObject {
    match crate::objects::long_float::to_f64(a) {
        Ok(v) => crate::objects::long_float::new_float(v),
        Err(_) => null_mut(),
    }
}

/// `a / b` for ints: a correctly rounded float.
unsafe extern "C" fn long_true_divide(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_int(a) || !is_int(b) {
        return not_implemented();
    }
    match crate::objects::long_float::true_divide(a, b) {
        Ok(v) => crate::objects::long_float::new_float(v),
        Err(_) => null_mut(),
    }
}

/// Compares two ints.
pub(crate) unsafe fn compare(a: *mut PyObject, b: *mut PyObject) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (sa, sb) = (size_of(a), size_of(b));
    if sa != sb {
        return sa.cmp(&sb);
    }
    let m = ld::cmp_mag(digits(a), digits(b));
    if sa < 0 { m.reverse() } else { m }
}

/// `tp_richcompare` of int.
pub(crate) unsafe extern "C" fn long_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if !is_int(a) || !is_int(b) {
        return not_implemented();
    }
    let c = compare(a, b);
    let r = match op {
        Py_LT => c == Ordering::Less,
        Py_LE => c != Ordering::Greater,
        Py_EQ => c == Ordering::Equal,
        Py_NE => c != Ordering::Equal,
        Py_GT => c == Ordering::Greater,
        Py_GE => c != Ordering::Less,
        _ => {
            let _ = crate::object::pending_error::bad_internal_call();
            return null_mut();
        }
    };
    crate::objects::bool::PyBool_FromLong(r as core::ffi::c_long)
}

/// The value of `Int` as a new object (for other modules' convenience).
#[allow(dead_code)]
pub(crate) fn int_obj(v: &Int) -> PyResult<PyRef> {
    from_int(v)
}

/// `PyObject *_PyLong_Lshift(PyObject *a, size_t shiftby)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Lshift(a: *mut PyObject, shiftby: usize) -> *mut PyObject {
    if a.is_null() || !is_int(a) {
        let _ = crate::object::pending_error::bad_internal_call();
        return null_mut();
    }
    match crate::objects::int::from_u64(shiftby as u64) {
        Ok(n) => out(lshift(a, n.as_ptr())),
        Err(_) => null_mut(),
    }
}

/// `PyObject *_PyLong_Rshift(PyObject *a, size_t shiftby)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Rshift(a: *mut PyObject, shiftby: usize) -> *mut PyObject {
    if a.is_null() || !is_int(a) {
        let _ = crate::object::pending_error::bad_internal_call();
        return null_mut();
    }
    match crate::objects::int::from_u64(shiftby as u64) {
        Ok(n) => out(rshift(a, n.as_ptr())),
        Err(_) => null_mut(),
    }
}
