//! Complex arithmetic: the `_Py_c_*` functions on `Py_complex` values (which report domain
//! and range errors through `errno`, as CPython's do) and complex's number slots, whose
//! operands may be complex, float or int.
use core::ffi::{c_double, c_int};

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::slots::PyNumberMethods;
use crate::objects::complex::{self as complex, cval, is_complex, Py_complex};
use crate::objects::float::{self as float, is_float, not_implemented};
use crate::objects::float_long::{is_int, long_to_double};

fn set_errno(e: c_int) {
    // SAFETY: errno is thread-local.
    unsafe { *libc::__errno_location() = e };
}

fn errno() -> c_int {
    // SAFETY: errno is thread-local.
    unsafe { *libc::__errno_location() }
}

/// The C library's math functions, called as such (not as compiler intrinsics) because the
/// power reports what they leave in `errno`, as CPython's does: `cos(inf)` sets EDOM.
pub(crate) mod libm {
    extern "C" {
        pub(crate) fn pow(x: f64, y: f64) -> f64;
        pub(crate) fn hypot(x: f64, y: f64) -> f64;
        pub(crate) fn atan2(y: f64, x: f64) -> f64;
        pub(crate) fn exp(x: f64) -> f64;
        pub(crate) fn log(x: f64) -> f64;
        pub(crate) fn cos(x: f64) -> f64;
        pub(crate) fn sin(x: f64) -> f64;
    }
}

const ONE: Py_complex = Py_complex { real: 1.0, imag: 0.0 };

fn c_sum(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex { real: a.real + b.real, imag: a.imag + b.imag }
}

fn c_diff(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex { real: a.real - b.real, imag: a.imag - b.imag }
}

fn c_neg(a: Py_complex) -> Py_complex {
    Py_complex { real: -a.real, imag: -a.imag }
}

fn c_prod(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex { real: a.real * b.real - a.imag * b.imag, imag: a.real * b.imag + a.imag * b.real }
}

/// `a / b` by Smith's method (scale by the larger component of `b` to avoid overflow);
/// None for division by zero.
fn c_quot(a: Py_complex, b: Py_complex) -> Option<Py_complex> {
    let (abs_r, abs_i) = (b.real.abs(), b.imag.abs());
    if abs_r >= abs_i {
        if abs_r == 0.0 {
            return None;
        }
        let ratio = b.imag / b.real;
        let denom = b.real + b.imag * ratio;
        Some(Py_complex { real: (a.real + a.imag * ratio) / denom, imag: (a.imag - a.real * ratio) / denom })
    } else if abs_i >= abs_r {
        let ratio = b.real / b.imag;
        let denom = b.real * ratio + b.imag;
        Some(Py_complex { real: (a.real * ratio + a.imag) / denom, imag: (a.imag * ratio - a.real) / denom })
    } else {
        // A NaN component: the result is NaN.
        Some(Py_complex { real: f64::NAN, imag: f64::NAN })
    }
}

/// Errors of the complex power: `0 ** negative` or `0 ** complex` (EDOM).
#[derive(Debug, PartialEq)]
enum PowError {
    Domain,
}

/// `a ** b` by polar form (`_Py_c_pow`).
fn c_pow(a: Py_complex, b: Py_complex) -> Result<Py_complex, PowError> {
    if b.real == 0.0 && b.imag == 0.0 {
        return Ok(ONE);
    }
    if a.real == 0.0 && a.imag == 0.0 {
        if b.imag != 0.0 || b.real < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok(Py_complex { real: 0.0, imag: 0.0 });
    }
    // SAFETY: libm functions of doubles.
    unsafe {
        let vabs = libm::hypot(a.real, a.imag);
        let mut len = libm::pow(vabs, b.real);
        let at = libm::atan2(a.imag, a.real);
        let mut phase = at * b.real;
        if b.imag != 0.0 {
            len /= libm::exp(at * b.imag);
            phase += b.imag * libm::log(vabs);
        }
        Ok(Py_complex { real: len * libm::cos(phase), imag: len * libm::sin(phase) })
    }
}

/// `x ** n` for `n >= 0` by squaring, from the lowest bit up.
fn c_powu(x: Py_complex, n: i64) -> Py_complex {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `x ** n` for an integer `n` (|n| <= 100 where complex's power uses it).
fn c_powi(x: Py_complex, n: i64) -> Result<Py_complex, PowError> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        c_quot(ONE, c_powu(x, -n)).ok_or(PowError::Domain)
    }
}

/// `|z|`: infinite when a component is (even with a NaN), NaN when one is NaN, else the
/// hypotenuse (None when it overflows).
fn c_abs(z: Py_complex) -> Option<f64> {
    if z.real.is_infinite() || z.imag.is_infinite() {
        return Some(f64::INFINITY);
    }
    if z.real.is_nan() || z.imag.is_nan() {
        return Some(f64::NAN);
    }
    let r = z.real.hypot(z.imag);
    r.is_finite().then_some(r)
}

// ---- The exported `_Py_c_*` functions ----------------------------------------------------------

/// `Py_complex _Py_c_sum(Py_complex a, Py_complex b)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_c_sum(a: Py_complex, b: Py_complex) -> Py_complex {
    c_sum(a, b)
}

/// `Py_complex _Py_c_diff(Py_complex a, Py_complex b)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_c_diff(a: Py_complex, b: Py_complex) -> Py_complex {
    c_diff(a, b)
}

/// `Py_complex _Py_c_neg(Py_complex a)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_c_neg(a: Py_complex) -> Py_complex {
    c_neg(a)
}

/// `Py_complex _Py_c_prod(Py_complex a, Py_complex b)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_c_prod(a: Py_complex, b: Py_complex) -> Py_complex {
    c_prod(a, b)
}

/// `Py_complex _Py_c_quot(Py_complex a, Py_complex b)`: division by zero gives 0 with
/// `errno = EDOM`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_c_quot(a: Py_complex, b: Py_complex) -> Py_complex {
    c_quot(a, b).unwrap_or_else(|| {
        set_errno(libc::EDOM);
        Py_complex { real: 0.0, imag: 0.0 }
    })
}

/// `Py_complex _Py_c_pow(Py_complex a, Py_complex b)`: zero to a negative or complex power
/// gives 0 with `errno = EDOM`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_c_pow(a: Py_complex, b: Py_complex) -> Py_complex {
    c_pow(a, b).unwrap_or_else(|_| {
        set_errno(libc::EDOM);
        Py_complex { real: 0.0, imag: 0.0 }
    })
}

/// `double _Py_c_abs(Py_complex z)`: `errno = ERANGE` when the result overflows.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_c_abs(z: Py_complex) -> c_double {
    c_abs(z).unwrap_or_else(|| {
        set_errno(libc::ERANGE);
        f64::INFINITY
    })
}

// ---- Number slots -------------------------------------------------------------------------------

/// An operand as a complex value: complex, float, int (OverflowError when too large for a
/// double); None for other types.
unsafe fn operand(op: *mut PyObject) -> Option<PyResult<Py_complex>> {
    if is_complex(op) {
        Some(Ok(cval(op)))
    } else if is_float(op) {
        Some(Ok(Py_complex { real: float::value(op), imag: 0.0 }))
    } else if is_int(op) {
        Some(long_to_double(op).map(|real| Py_complex { real, imag: 0.0 }))
    } else {
        None
    }
}

unsafe fn binary(
    v: *mut PyObject,
    w: *mut PyObject,
    f: impl FnOnce(Py_complex, Py_complex) -> PyResult<Py_complex>,
) -> *mut PyObject {
    let (Some(a), Some(b)) = (operand(v), operand(w)) else {
        return not_implemented();
    };
    let result = (|| complex::new(f(a?, b?)?))();
    result.map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn complex_add(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| Ok(c_sum(a, b)))
}

unsafe extern "C" fn complex_sub(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| Ok(c_diff(a, b)))
}

unsafe extern "C" fn complex_mul(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| Ok(c_prod(a, b)))
}

unsafe extern "C" fn complex_div(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    binary(v, w, |a, b| {
        c_quot(a, b).ok_or_else(|| raise_type(&raw mut exc::_PyExc_ZeroDivisionError, "complex division by zero"))
    })
}

/// `a ** b` as complex's power computes it: small integral exponents by repeated
/// multiplication, others by polar form. ZeroDivisionError "0.0 to a negative or complex
/// power" for zero to such a power, or when the math library reports a domain error
/// (`cos(inf)`); OverflowError "complex exponentiation" when a component is infinite.
pub(crate) fn power(a: Py_complex, b: Py_complex) -> PyResult<Py_complex> {
    set_errno(0);
    let r = if b.imag == 0.0 && b.real == b.real.floor() && b.real.abs() <= 100.0 {
        c_powi(a, b.real as i64)
    } else {
        c_pow(a, b)
    };
    let (r, mut e) = match r {
        Err(PowError::Domain) => (Py_complex::default(), libc::EDOM),
        Ok(r) => (r, errno()),
    };
    // A range error is an infinite component; a libm ERANGE otherwise was an underflow.
    if r.real.is_infinite() || r.imag.is_infinite() {
        if e == 0 {
            e = libc::ERANGE;
        }
    } else if e == libc::ERANGE {
        e = 0;
    }
    match e {
        0 => Ok(r),
        libc::ERANGE => Err(raise_type(&raw mut exc::_PyExc_OverflowError, "complex exponentiation")),
        _ => Err(raise_type(&raw mut exc::_PyExc_ZeroDivisionError, "0.0 to a negative or complex power")),
    }
}

/// complex's `nb_power` (also what float's power defers to for a negative base and a
/// fractional exponent).
pub(crate) unsafe extern "C" fn complex_power_of(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    if !z.is_null() && z != &raw mut crate::objects::singletons::_Py_NoneStruct {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, "complex modulo");
        return core::ptr::null_mut();
    }
    binary(v, w, power)
}

unsafe extern "C" fn complex_neg(v: *mut PyObject) -> *mut PyObject {
    complex::new(c_neg(cval(v))).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

/// `+z`: an exact complex is itself; a subclass instance gives a new complex.
unsafe extern "C" fn complex_pos(v: *mut PyObject) -> *mut PyObject {
    if (*v).ob_type == complex::complex_type() {
        (*v).ob_refcnt += 1;
        return v;
    }
    complex::new(cval(v)).map_or(core::ptr::null_mut(), PyRef::into_ptr)
}

unsafe extern "C" fn complex_abs(v: *mut PyObject) -> *mut PyObject {
    match c_abs(cval(v)) {
        Some(r) => float::PyFloat_FromDouble(r),
        None => {
            let _ = raise_type(&raw mut exc::_PyExc_OverflowError, "absolute value too large");
            core::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn complex_bool(v: *mut PyObject) -> c_int {
    let c = cval(v);
    c_int::from(c.real != 0.0 || c.imag != 0.0)
}

/// complex's number slots (no //, %, divmod: complex has none in 3.11).
pub(crate) static mut COMPLEX_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: Some(complex_add),
    nb_subtract: Some(complex_sub),
    nb_multiply: Some(complex_mul),
    nb_power: Some(complex_power_of),
    nb_negative: Some(complex_neg),
    nb_positive: Some(complex_pos),
    nb_absolute: Some(complex_abs),
    nb_bool: Some(complex_bool),
    nb_true_divide: Some(complex_div),
    // SAFETY: the remaining fields are Options of function pointers and one raw pointer,
    // for all of which zero is None/NULL.
    ..unsafe { core::mem::zeroed() }
};

#[cfg(test)]
mod tests {
    use super::*;

    fn c(real: f64, imag: f64) -> Py_complex {
        Py_complex { real, imag }
    }

    #[test]
    fn arithmetic_matches_cpython() {
        assert_eq!(c_quot(c(1.0, 2.0), c(3.0, -4.0)), Some(c(-0.2, 0.4)));
        assert_eq!(c_quot(c(1.0, 2.0), c(0.0, 0.0)), None);
        assert_eq!(c_powi(c(1.0, 2.0), -3), Ok(c(-0.08800000000000001, 0.016)));
        assert_eq!(c_powi(c(1.0, 1.0), 100), Ok(c(-1125899906842624.0, 0.0)));
        // Beyond 100 the polar form is used.
        assert_eq!(c_pow(c(1.0, 1.0), c(101.0, 0.0)), Ok(c(-1125899906842634.5, -1125899906842629.5)));
        assert_eq!(c_pow(c(0.0, 2.0), c(0.5, 0.0)), Ok(c(1.0000000000000002, 1.0)));
        assert_eq!(c_pow(c(0.0, 0.0), c(0.0, 1.0)), Err(PowError::Domain));
        assert_eq!(c_abs(c(1.7e308, 1.7e308)), None);
        assert_eq!(c_abs(c(f64::INFINITY, f64::NAN)), Some(f64::INFINITY));
    }
}
