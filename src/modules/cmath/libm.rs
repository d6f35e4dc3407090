//! The C library's complex functions (glibc implements C99 Annex G: the special values for
//! infinite, NaN and signed-zero arguments and the floating-point exceptions they raise),
//! with those exceptions turned into Python's errors the way CPython's cmath reports them:
//! "invalid" and "divide-by-zero" are `ValueError('math domain error')`, an infinite
//! result from a finite argument is `OverflowError('math range error')` (or a domain error
//! at a pole).
use core::ffi::c_int;

use crate::errors::raised::PyResult;
use crate::modules::math_module::{domain_error, range_error};
use crate::objects::complex::Py_complex;

// `double _Complex` is passed and returned in two SSE registers on x86-64, like this
// two-double struct.
extern "C" {
    fn cexp(z: Py_complex) -> Py_complex;
    fn clog(z: Py_complex) -> Py_complex;
    fn csqrt(z: Py_complex) -> Py_complex;
    fn cacos(z: Py_complex) -> Py_complex;
    fn casin(z: Py_complex) -> Py_complex;
    fn catan(z: Py_complex) -> Py_complex;
    fn ccos(z: Py_complex) -> Py_complex;
    fn csin(z: Py_complex) -> Py_complex;
    fn ctan(z: Py_complex) -> Py_complex;
    fn cacosh(z: Py_complex) -> Py_complex;
    fn casinh(z: Py_complex) -> Py_complex;
    fn catanh(z: Py_complex) -> Py_complex;
    fn ccosh(z: Py_complex) -> Py_complex;
    fn csinh(z: Py_complex) -> Py_complex;
    fn ctanh(z: Py_complex) -> Py_complex;
    fn feclearexcept(excepts: c_int) -> c_int;
    fn fetestexcept(excepts: c_int) -> c_int;
}

// <fenv.h> on x86-64.
const FE_INVALID: c_int = 0x01;
const FE_DIVBYZERO: c_int = 0x04;
const FE_ALL_EXCEPT: c_int = 0x3f;

/// What an infinite result from finite arguments means for a function.
#[derive(Clone, Copy)]
pub(crate) enum Infinite {
    /// The result is too large: OverflowError.
    Overflow,
    /// The argument is a pole (log(0), atanh(±1)): ValueError.
    Pole,
}

#[derive(Clone, Copy)]
pub(crate) struct Func {
    f: unsafe extern "C" fn(Py_complex) -> Py_complex,
    infinite: Infinite,
    /// Arguments where C99 (and CPython) give NaN + iNaN but C11's revised Annex G, which
    /// glibc follows, keeps a finite part: `acosh(±0 + iNaN)`, `tanh(±0 + iNaN)`,
    /// `tan(NaN ± 0i)`.
    nan_pair: fn(Py_complex) -> bool,
}

const fn func(f: unsafe extern "C" fn(Py_complex) -> Py_complex, infinite: Infinite) -> Func {
    Func { f, infinite, nan_pair: |_| false }
}

fn zero_real_nan_imag(z: Py_complex) -> bool {
    z.real == 0.0 && z.imag.is_nan()
}

fn nan_real_zero_imag(z: Py_complex) -> bool {
    z.real.is_nan() && z.imag == 0.0
}

pub(crate) const EXP: Func = func(cexp, Infinite::Overflow);
pub(crate) const LOG: Func = func(clog, Infinite::Pole);
pub(crate) const SQRT: Func = func(csqrt, Infinite::Overflow);
pub(crate) const ACOS: Func = func(cacos, Infinite::Overflow);
pub(crate) const ASIN: Func = func(casin, Infinite::Overflow);
pub(crate) const ATAN: Func = func(catan, Infinite::Pole);
pub(crate) const COS: Func = func(ccos, Infinite::Overflow);
pub(crate) const SIN: Func = func(csin, Infinite::Overflow);
pub(crate) const TAN: Func = Func { nan_pair: nan_real_zero_imag, ..func(ctan, Infinite::Overflow) };
pub(crate) const ACOSH: Func = Func { nan_pair: zero_real_nan_imag, ..func(cacosh, Infinite::Overflow) };
pub(crate) const ASINH: Func = func(casinh, Infinite::Overflow);
pub(crate) const ATANH: Func = func(catanh, Infinite::Pole);
pub(crate) const COSH: Func = func(ccosh, Infinite::Overflow);
pub(crate) const SINH: Func = func(csinh, Infinite::Overflow);
pub(crate) const TANH: Func = Func { nan_pair: zero_real_nan_imag, ..func(ctanh, Infinite::Overflow) };

pub(crate) fn is_finite(z: Py_complex) -> bool {
    z.real.is_finite() && z.imag.is_finite()
}

/// `f(z)` and the error CPython reports for it (the value comes with the error so that
/// `log` with a base can decide on the quotient's error alone, as CPython does).
pub(crate) fn apply(f: Func, z: Py_complex) -> (Py_complex, Option<fn() -> crate::errors::raised::Raised>) {
    if (f.nan_pair)(z) {
        return (Py_complex { real: f64::NAN, imag: f64::NAN }, None);
    }
    let finite = is_finite(z);
    // SAFETY: plain libm calls on values. The exception flags matter only for a non-finite
    // argument; clearing and reading them costs more than most of these functions.
    let (r, flags) = unsafe {
        if finite {
            ((f.f)(z), 0)
        } else {
            feclearexcept(FE_ALL_EXCEPT);
            let r = (f.f)(z);
            (r, fetestexcept(FE_INVALID | FE_DIVBYZERO))
        }
    };
    let error: Option<fn() -> crate::errors::raised::Raised> = if finite {
        if r.real.is_infinite() || r.imag.is_infinite() {
            Some(match f.infinite {
                Infinite::Overflow => range_error,
                Infinite::Pole => domain_error,
            })
        } else {
            None
        }
    } else if flags != 0 && !z.real.is_nan() && !z.imag.is_nan() {
        // Annex G lets a NaN argument raise "invalid" (glibc often does); CPython doesn't.
        Some(domain_error)
    } else {
        None
    };
    (r, error)
}

/// `f(z)`, or the error.
pub(crate) fn call(f: Func, z: Py_complex) -> PyResult<Py_complex> {
    match apply(f, z) {
        (r, None) => Ok(r),
        (_, Some(e)) => Err(e()),
    }
}
