//! float's number slots (`tp_as_number`): + - * / // % divmod ** with floats and ints
//! (an int operand is converted to the nearest double, OverflowError "int too large to
//! convert to float"), unary - + abs, bool, int(), float(); CPython's results for signed
//! zeros, infinities and NaNs, and its error messages.
use core::ffi::c_int;

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{raise, raise_type, ExcType};
use crate::object::ptr::PyRef;
use crate::object::slots::PyNumberMethods;
use crate::objects::float::{self as float, float_type, is_float, not_implemented, value};
use crate::objects::float_long::{is_int, long_to_double};

/// An operand's value as a double: a float's, an int's (rounded; OverflowError when too
/// large); None for other types (the operation is NotImplemented).
#[inline]
unsafe fn operand(op: *mut PyObject) -> Option<PyResult<f64>> {
    if (*op).ob_type == float_type() || is_float(op) {
        Some(Ok(value(op)))
    } else if is_int(op) {
        Some(long_to_double(op))
    } else {
        None
    }
}

/// Runs a binary operation on the two operands' doubles; NotImplemented when either is not a
/// float or int, NULL when a conversion or `f` fails.
#[inline]
unsafe fn binary(v: *mut PyObject, w: *mut PyObject, f: impl FnOnce(f64, f64) -> PyResult<PyRef>) -> *mut PyObject {
    let (Some(a), Some(b)) = (operand(v), operand(w)) else {
        return not_implemented();
    };
    let result = (|| f(a?, b?))();
    result.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// Fast path for the common case: two exact floats, and an operation that cannot fail.
macro_rules! simple_binary {
    ($name:ident, $op:tt) => {
        unsafe extern "C" fn $name(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
            if (*v).ob_type == float_type() && (*w).ob_type == float_type() {
                return float::PyFloat_FromDouble(value(v) $op value(w));
            }
            binary(v, w, |a, b| float::new(a $op b))
        }
    };
}
simple_binary!(float_add, +);
simple_binary!(float_sub, -);
simple_binary!(float_mul, *);

fn zero_division(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ZeroDivisionError, message)
}

unsafe extern "C" fn float_div(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| {
        if b == 0.0 {
            return Err(zero_division("float division by zero"));
        }
        float::new(a / b)
    })
}

/// `a % b` with the sign of `b` (Python's modulo); a zero result is a zero of `b`'s sign.
pub(crate) fn float_mod_value(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    }
}

/// `divmod(a, b)` for `b != 0`: the floored quotient and the modulo, computed so that the
/// quotient is exact for exactly representable results.
pub(crate) fn float_divmod_value(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    // a - m is (close to) a multiple of b: this division is (close to) an integer.
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

unsafe extern "C" fn float_rem(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| {
        if b == 0.0 {
            return Err(zero_division("float modulo"));
        }
        float::new(float_mod_value(a, b))
    })
}

unsafe extern "C" fn float_floor_div(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| {
        if b == 0.0 {
            return Err(zero_division("float floor division by zero"));
        }
        float::new(float_divmod_value(a, b).0)
    })
}

unsafe extern "C" fn float_divmod(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| {
        if b == 0.0 {
            return Err(zero_division("float divmod()"));
        }
        let (d, m) = float_divmod_value(a, b);
        let items = [float::new(d)?, float::new(m)?];
        crate::objects::tuple::from_slice(&items)
    })
}

/// Whether `y` is an odd integer (|y| < 2**53 needed to be odd at all).
fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.abs() < 9007199254740992.0 && y == y.trunc() && (y % 2.0).abs() == 1.0
}

/// What `x ** y` is for two doubles: `Ok(Some(v))`, or `Ok(None)` when the result is not
/// real (a negative base and a non-integral exponent: complex's power answers). Errors:
/// ZeroDivisionError for 0.0 to a negative power, OverflowError (ERANGE) when the result
/// is too large.
pub(crate) fn float_pow_value(x: f64, y: f64) -> PyResult<Option<f64>> {
    if y == 0.0 {
        return Ok(Some(1.0));
    }
    if x.is_nan() {
        return Ok(Some(x));
    }
    if y.is_nan() {
        return Ok(Some(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Some(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    let odd = is_odd_integer(y);
    if x.is_infinite() {
        return Ok(Some(if y > 0.0 {
            if odd { x } else { x.abs() }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Some(if odd { x } else { 0.0 }));
    }
    let (base, negate) = if x < 0.0 {
        if y != y.floor() {
            return Ok(None);
        }
        (-x, odd)
    } else {
        (x, false)
    };
    if base == 1.0 {
        return Ok(Some(if negate { -1.0 } else { 1.0 }));
    }
    // SAFETY: errno is thread-local; pow is the C library's, which reports in errno.
    let (r, mut e) = unsafe {
        *libc::__errno_location() = 0;
        let r = crate::objects::complex_arith::libm::pow(base, y);
        (r, *libc::__errno_location())
    };
    // As CPython: an infinite result is a range error; a zero with ERANGE an underflow.
    if e == 0 {
        if r.is_infinite() {
            e = libc::ERANGE;
        }
    } else if e == libc::ERANGE && r == 0.0 {
        e = 0;
    }
    if e != 0 {
        return Err(errno_error(e));
    }
    Ok(Some(if negate { -r } else { r }))
}

/// What `PyErr_SetFromErrno` raises after `pow` failed with errno `e`: OverflowError for
/// ERANGE, ValueError otherwise, with args (errno, strerror(errno)).
pub(crate) fn errno_error(e: c_int) -> Raised {
    let tp = if e == libc::ERANGE { &raw mut exc::_PyExc_OverflowError } else { &raw mut exc::_PyExc_ValueError };
    // SAFETY: errno is thread-local; PyErr_SetFromErrno reads it and sets the exception.
    unsafe {
        *libc::__errno_location() = e;
        crate::errors::setters::PyErr_SetFromErrno(tp as *mut PyObject);
    }
    Raised::assume_set()
}

unsafe extern "C" fn float_pow(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    if !z.is_null() && z != &raw mut crate::objects::singletons::_Py_NoneStruct {
        let _ = raise(ExcType::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return core::ptr::null_mut();
    }
    let (Some(a), Some(b)) = (operand(v), operand(w)) else {
        return not_implemented();
    };
    let result = (|| -> PyResult<Option<PyRef>> {
        match float_pow_value(a?, b?)? {
            Some(r) => Ok(Some(float::new(r)?)),
            None => Ok(None),
        }
    })();
    match result {
        Ok(Some(r)) => r.into_ptr(),
        // A negative number to a fractional power: complex's power answers.
        Ok(None) => crate::objects::complex_arith::complex_power_of(v, w, z),
        Err(_) => core::ptr::null_mut(),
    }
}

unsafe extern "C" fn float_neg(v: *mut PyObject) -> *mut PyObject {
    float::PyFloat_FromDouble(-value(v))
}

/// `float.__float__`/`+x`: an exact float is itself; a subclass instance gives a new float.
pub(crate) unsafe extern "C" fn float_float(v: *mut PyObject) -> *mut PyObject {
    if (*v).ob_type == float_type() {
        (*v).ob_refcnt += 1;
        return v;
    }
    float::PyFloat_FromDouble(value(v))
}

unsafe extern "C" fn float_abs(v: *mut PyObject) -> *mut PyObject {
    float::PyFloat_FromDouble(value(v).abs())
}

unsafe extern "C" fn float_bool(v: *mut PyObject) -> c_int {
    c_int::from(value(v) != 0.0)
}

/// float's number slots (no in-place ones: `x += y` falls back to `+`).
pub(crate) static mut FLOAT_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: Some(float_add),
    nb_subtract: Some(float_sub),
    nb_multiply: Some(float_mul),
    nb_remainder: Some(float_rem),
    nb_divmod: Some(float_divmod),
    nb_power: Some(float_pow),
    nb_negative: Some(float_neg),
    nb_positive: Some(float_float),
    nb_absolute: Some(float_abs),
    nb_bool: Some(float_bool),
    nb_int: Some(crate::objects::float_int::float_int),
    nb_float: Some(float_float),
    nb_floor_divide: Some(float_floor_div),
    nb_true_divide: Some(float_div),
    // SAFETY: the remaining fields are Options of function pointers and one raw pointer,
    // for all of which zero is None/NULL.
    ..unsafe { core::mem::zeroed() }
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modulo_and_divmod_match_cpython() {
        assert_eq!(float_mod_value(5.0, -3.0), -1.0);
        assert_eq!(float_mod_value(-5.0, 3.0), 1.0);
        assert!(float_mod_value(-0.0, 5.0).is_sign_positive());
        assert!(float_mod_value(0.0, -5.0).is_sign_negative());
        assert_eq!(float_divmod_value(-5.0, 3.0), (-2.0, 1.0));
        assert_eq!(float_divmod_value(5.0, -0.3).0, -17.0);
        let (d, m) = float_divmod_value(-0.0, 5.0);
        assert!(d == 0.0 && d.is_sign_negative() && m == 0.0 && m.is_sign_positive());
        assert_eq!(float_divmod_value(3.0, f64::INFINITY), (0.0, 3.0));
        assert_eq!(float_divmod_value(-3.0, f64::INFINITY), (-1.0, f64::INFINITY));
    }

    #[test]
    fn powers_match_cpython() {
        assert_eq!(float_pow_value(2.0, -1.0).unwrap(), Some(0.5));
        assert_eq!(float_pow_value(f64::NEG_INFINITY, 3.0).unwrap(), Some(f64::NEG_INFINITY));
        assert!(float_pow_value(f64::NEG_INFINITY, -3.0).unwrap().unwrap().is_sign_negative());
        assert_eq!(float_pow_value(0.0, f64::NEG_INFINITY).unwrap(), Some(f64::INFINITY));
        assert_eq!(float_pow_value(-8.0, 0.5).unwrap(), None);
        assert_eq!(float_pow_value(-2.0, 3.0).unwrap(), Some(-8.0));
        assert_eq!(float_pow_value(1.0, f64::NAN).unwrap(), Some(1.0));
        assert_eq!(float_pow_value(1e-300, 20.0).unwrap(), Some(0.0));
    }
}
