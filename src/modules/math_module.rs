//! The `math` module's floating-point functions and its table. Arguments convert as
//! `PyFloat_AsDouble` does; results map to CPython's errors: a NaN from a non-NaN input is
//! ValueError("math domain error"), an infinity from a finite input is OverflowError("math
//! range error") where the function can overflow and ValueError at a pole. The integer
//! functions are in math_integer.rs, the sums and norms in math_sums.rs.
use crate::abstract_::{from_slot, new_ref, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{args_slice, fast, fast_kw, meth, module_def, owned, ret, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::module::PyModuleDef;
use crate::objects::{float, int, str as pystr, tuple};

pub(crate) fn domain_error() -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, "math domain error")
}

pub(crate) fn range_error() -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, "math range error")
}

/// A float argument (`PyFloat_AsDouble`).
pub(crate) unsafe fn arg_f64(o: *mut PyObject) -> PyResult<f64> {
    float::as_double(o)
}

pub(crate) fn float_ref(v: f64) -> PyResult<PyRef> {
    float::new(v)
}

/// The error checks every one-argument function shares (see the module comment).
pub(crate) fn check_1(x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(r)
}

/// The same for two-argument functions: NaN only from NaN inputs, infinity only from
/// infinite inputs.
fn check_2(x: f64, y: f64, r: f64) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(domain_error());
    }
    Ok(r)
}

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn tgamma(x: f64) -> f64;
    fn lgamma_r(x: f64, sign: *mut core::ffi::c_int) -> f64;
    fn remainder(x: f64, y: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn frexp(x: f64, e: *mut core::ffi::c_int) -> f64;
    // Renamed: other files declare ldexp for the generated header already.
    #[link_name = "ldexp"]
    fn libm_ldexp(x: f64, e: core::ffi::c_int) -> f64;
    fn acosh(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
    fn cbrt(x: f64) -> f64;
}

/// One-argument float functions: name, function, whether an infinite result from a finite
/// argument is an overflow (else a pole).
macro_rules! math_1 {
    ($fname:ident, $f:expr, $can_overflow:expr) => {
        unsafe extern "C" fn $fname(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
            ret_obj((|| -> PyResult<PyRef> {
                let x = arg_f64(arg)?;
                let f: fn(f64) -> f64 = $f;
                float_ref(check_1(x, f(x), $can_overflow)?)
            })())
        }
    };
}

math_1!(m_acos, f64::acos, false);
math_1!(m_acosh, |x| unsafe { acosh(x) }, false);
math_1!(m_asin, f64::asin, false);
math_1!(m_asinh, |x| unsafe { asinh(x) }, false);
math_1!(m_atan, f64::atan, false);
math_1!(m_atanh, |x| unsafe { atanh(x) }, false);
math_1!(m_cbrt, |x| unsafe { cbrt(x) }, false);
math_1!(m_cos, f64::cos, false);
math_1!(m_cosh, f64::cosh, true);
math_1!(m_erf, |x| unsafe { erf(x) }, false);
math_1!(m_erfc, |x| unsafe { erfc(x) }, false);
math_1!(m_exp, f64::exp, true);
math_1!(m_exp2, f64::exp2, true);
math_1!(m_expm1, f64::exp_m1, true);
math_1!(m_fabs, f64::abs, false);
math_1!(m_log1p, f64::ln_1p, false);
math_1!(m_sin, f64::sin, false);
math_1!(m_sinh, f64::sinh, true);
math_1!(m_sqrt, f64::sqrt, false);
math_1!(m_tan, f64::tan, false);
math_1!(m_tanh, f64::tanh, false);
math_1!(m_degrees, |x| x * (180.0 / core::f64::consts::PI), true);
math_1!(m_radians, |x| x * (core::f64::consts::PI / 180.0), false);

/// `gamma(x)`: poles (zero and negative integers) are domain errors.
unsafe extern "C" fn m_gamma(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let x = arg_f64(arg)?;
        if x.is_finite() && x <= 0.0 && x == x.floor() {
            return Err(domain_error());
        }
        if x == f64::NEG_INFINITY {
            return Err(domain_error());
        }
        float_ref(check_1(x, tgamma(x), true)?)
    })())
}

/// `lgamma(x)`: log |gamma(x)|.
unsafe extern "C" fn m_lgamma(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let x = arg_f64(arg)?;
        if x.is_finite() && x <= 0.0 && x == x.floor() {
            return Err(domain_error());
        }
        let mut sign = 0;
        float_ref(check_1(x, lgamma_r(x, &mut sign), true)?)
    })())
}

unsafe fn two_floats(name: &core::ffi::CStr, args: *const *mut PyObject, nargs: isize) -> PyResult<(f64, f64)> {
    let a = args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(name.as_ptr(), a.len() as isize, 2, 2) {
        return Err(Raised::assume_set());
    }
    Ok((arg_f64(a[0])?, arg_f64(a[1])?))
}

macro_rules! math_2 {
    ($fname:ident, $name:literal, $f:expr) => {
        unsafe extern "C" fn $fname(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
            ret_obj((|| -> PyResult<PyRef> {
                let (x, y) = two_floats($name, args, nargs)?;
                let f: fn(f64, f64) -> f64 = $f;
                float_ref(check_2(x, y, f(x, y))?)
            })())
        }
    };
}

math_2!(m_atan2, c"atan2", f64::atan2);
math_2!(m_copysign, c"copysign", f64::copysign);
math_2!(m_remainder, c"remainder", |x, y| unsafe { remainder(x, y) });
math_2!(m_nextafter, c"nextafter", |x, y| unsafe { nextafter(x, y) });

/// `fmod(x, y)`: C's fmod; fmod(x, ±inf) is x for finite x.
unsafe extern "C" fn m_fmod(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let (x, y) = two_floats(c"fmod", args, nargs)?;
        if y.is_infinite() && x.is_finite() {
            return float_ref(x);
        }
        float_ref(check_2(x, y, x % y)?)
    })())
}

/// `pow(x, y)`: C99's pow; from finite arguments, NaN (negative base, fractional exponent)
/// and division by zero are domain errors and an infinity is an overflow.
unsafe extern "C" fn m_pow(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let (x, y) = two_floats(c"pow", args, nargs)?;
        let r = x.powf(y);
        if x.is_finite() && y.is_finite() {
            if r.is_nan() || (r.is_infinite() && x == 0.0) {
                return Err(domain_error());
            }
            if r.is_infinite() {
                return Err(range_error());
            }
        }
        float_ref(r)
    })())
}

/// The integral value of a float as an int (OverflowError/ValueError for inf/nan).
unsafe fn float_to_int(v: f64) -> PyResult<PyRef> {
    from_slot(crate::objects::long_float::PyLong_FromDouble(v))
}

/// `ceil`/`floor`: a float rounds directly; other types use `__ceil__`/`__floor__` when they
/// have it, else their float value.
unsafe fn rounding(arg: *mut PyObject, method: &str, f: fn(f64) -> f64) -> PyResult<PyRef> {
    if float::is_float(arg) && (*arg).ob_type == &raw mut float::PyFloat_Type {
        return float_to_int(f(float::value(arg)));
    }
    if int::is_exact_int(arg) {
        return Ok(new_ref(arg));
    }
    if let Some(m) = crate::abstract_::object::lookup_special(arg, method)? {
        return from_slot(crate::abstract_::call::PyObject_CallNoArgs(m.as_ptr()));
    }
    float_to_int(f(arg_f64(arg)?))
}

unsafe extern "C" fn m_ceil(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj(rounding(arg, "__ceil__", f64::ceil))
}

unsafe extern "C" fn m_floor(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj(rounding(arg, "__floor__", f64::floor))
}

unsafe extern "C" fn m_trunc(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        if float::is_float(arg) && (*arg).ob_type == &raw mut float::PyFloat_Type {
            return float_to_int(float::value(arg).trunc());
        }
        match crate::abstract_::object::lookup_special(arg, "__trunc__")? {
            Some(m) => from_slot(crate::abstract_::call::PyObject_CallNoArgs(m.as_ptr())),
            None => Err(type_error(format!("type {} doesn't define __trunc__ method", tp_name(arg)))),
        }
    })())
}

unsafe extern "C" fn m_frexp(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let x = arg_f64(arg)?;
        let (m, e) = if x == 0.0 || !x.is_finite() {
            (x, 0)
        } else {
            let mut e = 0;
            (frexp(x, &mut e), e)
        };
        tuple::from_vec(vec![float_ref(m)?, int::from_i64(e as i64)?])
    })())
}

unsafe extern "C" fn m_ldexp(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"ldexp".as_ptr(), a.len() as isize, 2, 2) {
            return Err(Raised::assume_set());
        }
        let x = arg_f64(a[0])?;
        if !int::is_int(a[1]) {
            return Err(type_error("Expected an int as second argument to ldexp."));
        }
        // Exponents beyond any float's range give the same result as the int extreme.
        let e = crate::objects::long_convert::int_to_i128(a[1]).map_or(
            if crate::objects::long_convert::low_u64(a[1]) == 0 && int::size_of(a[1]) < 0 { i32::MIN } else { i32::MAX },
            |v| v.clamp(i32::MIN as i128, i32::MAX as i128) as i32,
        );
        let e = if int::size_of(a[1]) < 0 { e.min(0) } else { e.max(0) };
        if x == 0.0 || !x.is_finite() {
            return float_ref(x);
        }
        let r = libm_ldexp(x, e);
        if r.is_infinite() {
            return Err(range_error());
        }
        float_ref(r)
    })())
}

unsafe extern "C" fn m_modf(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let x = arg_f64(arg)?;
        let (frac, whole) = if x.is_infinite() {
            (0.0f64.copysign(x), x)
        } else {
            let w = x.trunc();
            ((x - w).copysign(x), w)
        };
        tuple::from_vec(vec![float_ref(frac)?, float_ref(whole)?])
    })())
}

unsafe extern "C" fn m_ulp(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let x = arg_f64(arg)?.abs();
        if x.is_nan() || x.is_infinite() {
            return float_ref(x);
        }
        let up = nextafter(x, f64::INFINITY);
        if up.is_infinite() {
            // The largest float: the gap below it.
            return float_ref(x - nextafter(x, 0.0));
        }
        float_ref(up - x)
    })())
}

macro_rules! predicate {
    ($fname:ident, $f:expr) => {
        unsafe extern "C" fn $fname(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
            ret_obj((|| -> PyResult<PyRef> {
                let f: fn(f64) -> bool = $f;
                Ok(crate::abstract_::compare::bool_ref(f(arg_f64(arg)?)))
            })())
        }
    };
}

predicate!(m_isfinite, f64::is_finite);
predicate!(m_isinf, f64::is_infinite);
predicate!(m_isnan, f64::is_nan);

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
unsafe extern "C" fn m_isclose(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static PARAMS: Params = Params { function: "isclose", names: &["a", "b", "rel_tol", "abs_tol"], positional_only: 0, max_positional: 2, required: 2 };
    ret_obj((|| -> PyResult<PyRef> {
        let b = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let x = arg_f64(b[0].unwrap())?;
        let y = arg_f64(b[1].unwrap())?;
        let rel = match b[2] { Some(v) => arg_f64(v)?, None => 1e-9 };
        let abs = match b[3] { Some(v) => arg_f64(v)?, None => 0.0 };
        if rel < 0.0 || abs < 0.0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "tolerances must be non-negative"));
        }
        let close = if x == y {
            true
        } else if x.is_infinite() || y.is_infinite() {
            false
        } else {
            let diff = (y - x).abs();
            (diff <= (rel * y).abs()) || (diff <= (rel * x).abs()) || diff <= abs
        };
        Ok(crate::abstract_::compare::bool_ref(close))
    })())
}

/// The natural log of a positive int of any size (`m * 2**e` when it exceeds floats).
unsafe fn log_of_int(arg: *mut PyObject, f: fn(f64) -> f64) -> PyResult<f64> {
    if int::size_of(arg) <= 0 {
        return Err(domain_error());
    }
    match crate::objects::long_float::to_f64(arg) {
        Ok(x) => Ok(f(x)),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            let v = int::to_int(arg);
            let bits = crate::objects::long_digits::bit_length(&v.mag);
            // The top 60 bits as a fraction in [0.5, 1), times 2**bits.
            let shift = bits.saturating_sub(60);
            let top = v.shr(shift).to_i128().unwrap_or(0) as f64;
            let m = top / 2f64.powi((bits - shift) as i32);
            Ok(f(m) + f(2.0) * bits as f64)
        }
    }
}

/// The log of one argument with function `f` (ints of any size accepted).
unsafe fn log_helper(arg: *mut PyObject, f: fn(f64) -> f64) -> PyResult<f64> {
    if int::is_int(arg) {
        return log_of_int(arg, f);
    }
    let x = arg_f64(arg)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(f(x))
}

unsafe extern "C" fn m_log(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if a.is_empty() || a.len() > 2 {
            return Err(type_error("math.log requires 1 to 2 arguments"));
        }
        let num = log_helper(a[0], f64::ln)?;
        let Some(&base) = a.get(1) else { return float_ref(num) };
        let den = log_helper(base, f64::ln)?;
        if den == 0.0 {
            return Err(raise_type(&raw mut exc::_PyExc_ZeroDivisionError, "float division by zero"));
        }
        float_ref(num / den)
    })())
}

unsafe extern "C" fn m_log2(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj(log_helper(arg, f64::log2).and_then(float_ref))
}

unsafe extern "C" fn m_log10(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj(log_helper(arg, f64::log10).and_then(float_ref))
}

use crate::modules::math_integer::*;
use crate::modules::math_sums::*;

macro_rules! o {
    ($name:literal, $f:ident, $doc:literal) => {
        meth($name, $f, METH_O, $doc)
    };
}

static mut MATH_FUNCTIONS: [PyMethodDef; 56] = [
    o!(c"acos", m_acos, c"acos($module, x, /)\n--\n\nReturn the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."),
    o!(c"acosh", m_acosh, c"acosh($module, x, /)\n--\n\nReturn the inverse hyperbolic cosine of x."),
    o!(c"asin", m_asin, c"asin($module, x, /)\n--\n\nReturn the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
    o!(c"asinh", m_asinh, c"asinh($module, x, /)\n--\n\nReturn the inverse hyperbolic sine of x."),
    o!(c"atan", m_atan, c"atan($module, x, /)\n--\n\nReturn the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
    fast(c"atan2", m_atan2, c"atan2($module, y, x, /)\n--\n\nReturn the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."),
    o!(c"atanh", m_atanh, c"atanh($module, x, /)\n--\n\nReturn the inverse hyperbolic tangent of x."),
    o!(c"cbrt", m_cbrt, c"cbrt($module, x, /)\n--\n\nReturn the cube root of x."),
    o!(c"ceil", m_ceil, c"ceil($module, x, /)\n--\n\nReturn the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."),
    fast(c"copysign", m_copysign, c"copysign($module, x, y, /)\n--\n\nReturn a float with the magnitude (absolute value) of x but the sign of y.\n\nOn platforms that support signed zeros, copysign(1.0, -0.0)\nreturns -1.0.\n"),
    o!(c"cos", m_cos, c"cos($module, x, /)\n--\n\nReturn the cosine of x (measured in radians)."),
    o!(c"cosh", m_cosh, c"cosh($module, x, /)\n--\n\nReturn the hyperbolic cosine of x."),
    o!(c"degrees", m_degrees, c"degrees($module, x, /)\n--\n\nConvert angle x from radians to degrees."),
    fast(c"dist", m_dist, c"dist($module, p, q, /)\n--\n\nReturn the Euclidean distance between two points p and q.\n\nThe points should be specified as sequences (or iterables) of\ncoordinates.  Both inputs must have the same dimension.\n\nRoughly equivalent to:\n    sqrt(sum((px - qx) ** 2.0 for px, qx in zip(p, q)))"),
    o!(c"erf", m_erf, c"erf($module, x, /)\n--\n\nError function at x."),
    o!(c"erfc", m_erfc, c"erfc($module, x, /)\n--\n\nComplementary error function at x."),
    o!(c"exp", m_exp, c"exp($module, x, /)\n--\n\nReturn e raised to the power of x."),
    o!(c"exp2", m_exp2, c"exp2($module, x, /)\n--\n\nReturn 2 raised to the power of x."),
    o!(c"expm1", m_expm1, c"expm1($module, x, /)\n--\n\nReturn exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x."),
    o!(c"fabs", m_fabs, c"fabs($module, x, /)\n--\n\nReturn the absolute value of the float x."),
    o!(c"factorial", m_factorial, c"factorial($module, n, /)\n--\n\nFind n!.\n\nRaise a ValueError if x is negative or non-integral."),
    o!(c"floor", m_floor, c"floor($module, x, /)\n--\n\nReturn the floor of x as an Integral.\n\nThis is the largest integer <= x."),
    fast(c"fmod", m_fmod, c"fmod($module, x, y, /)\n--\n\nReturn fmod(x, y), according to platform C.\n\nx % y may differ."),
    o!(c"frexp", m_frexp, c"frexp($module, x, /)\n--\n\nReturn the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.\nIf x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0."),
    o!(c"fsum", m_fsum, c"fsum($module, seq, /)\n--\n\nReturn an accurate floating point sum of values in the iterable seq.\n\nAssumes IEEE-754 floating point arithmetic."),
    o!(c"gamma", m_gamma, c"gamma($module, x, /)\n--\n\nGamma function at x."),
    fast(c"gcd", m_gcd, c"gcd($module, *integers)\n--\n\nGreatest Common Divisor."),
    fast(c"hypot", m_hypot, c"hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point.\n\nRoughly equivalent to:\n    sqrt(sum(x**2 for x in coordinates))\n\nFor a two dimensional point (x, y), gives the hypotenuse\nusing the Pythagorean theorem:  sqrt(x*x + y*y).\n\nFor example, the hypotenuse of a 3/4/5 right triangle is:\n\n    >>> hypot(3.0, 4.0)\n    5.0\n"),
    fast_kw(c"isclose", m_isclose, c"isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nDetermine whether two floating point numbers are close in value.\n\n  rel_tol\n    maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\nReturn True if a is close in value to b, and False otherwise.\n\nFor the values to be considered close, the difference between them\nmust be smaller than at least one of the tolerances.\n\n-inf, inf and NaN behave similarly to the IEEE 754 Standard.  That\nis, NaN is not close to anything, even itself.  inf and -inf are\nonly close to themselves."),
    o!(c"isfinite", m_isfinite, c"isfinite($module, x, /)\n--\n\nReturn True if x is neither an infinity nor a NaN, and False otherwise."),
    o!(c"isinf", m_isinf, c"isinf($module, x, /)\n--\n\nReturn True if x is a positive or negative infinity, and False otherwise."),
    o!(c"isnan", m_isnan, c"isnan($module, x, /)\n--\n\nReturn True if x is a NaN (not a number), and False otherwise."),
    o!(c"isqrt", m_isqrt, c"isqrt($module, n, /)\n--\n\nReturn the integer part of the square root of the input."),
    fast(c"lcm", m_lcm, c"lcm($module, *integers)\n--\n\nLeast Common Multiple."),
    fast(c"ldexp", m_ldexp, c"ldexp($module, x, i, /)\n--\n\nReturn x * (2**i).\n\nThis is essentially the inverse of frexp()."),
    o!(c"lgamma", m_lgamma, c"lgamma($module, x, /)\n--\n\nNatural logarithm of absolute value of Gamma function at x."),
    fast(c"log", m_log, c"log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\nIf the base not specified, returns the natural logarithm (base e) of x."),
    o!(c"log10", m_log10, c"log10($module, x, /)\n--\n\nReturn the base 10 logarithm of x."),
    o!(c"log1p", m_log1p, c"log1p($module, x, /)\n--\n\nReturn the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero."),
    o!(c"log2", m_log2, c"log2($module, x, /)\n--\n\nReturn the base 2 logarithm of x."),
    o!(c"modf", m_modf, c"modf($module, x, /)\n--\n\nReturn the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats."),
    fast(c"pow", m_pow, c"pow($module, x, y, /)\n--\n\nReturn x**y (x to the power of y)."),
    o!(c"radians", m_radians, c"radians($module, x, /)\n--\n\nConvert angle x from degrees to radians."),
    fast(c"remainder", m_remainder, c"remainder($module, x, y, /)\n--\n\nDifference between x and the closest integer multiple of y.\n\nReturn x - n*y where n*y is the closest integer multiple of y.\nIn the case where x is exactly halfway between two multiples of\ny, the nearest even value of n is used. The result is always exact."),
    o!(c"sin", m_sin, c"sin($module, x, /)\n--\n\nReturn the sine of x (measured in radians)."),
    o!(c"sinh", m_sinh, c"sinh($module, x, /)\n--\n\nReturn the hyperbolic sine of x."),
    o!(c"sqrt", m_sqrt, c"sqrt($module, x, /)\n--\n\nReturn the square root of x."),
    o!(c"tan", m_tan, c"tan($module, x, /)\n--\n\nReturn the tangent of x (measured in radians)."),
    o!(c"tanh", m_tanh, c"tanh($module, x, /)\n--\n\nReturn the hyperbolic tangent of x."),
    o!(c"trunc", m_trunc, c"trunc($module, x, /)\n--\n\nTruncates the Real x to the nearest Integral toward 0.\n\nUses the __trunc__ magic method."),
    fast_kw(c"prod", m_prod, c"prod($module, iterable, /, *, start=1)\n--\n\nCalculate the product of all the elements in the input iterable.\n\nThe default start value for the product is 1.\n\nWhen the iterable is empty, return the start value.  This function is\nintended specifically for use with numeric values and may reject\nnon-numeric types."),
    fast(c"perm", m_perm, c"perm($module, n, k=None, /)\n--\n\nNumber of ways to choose k items from n items without repetition and with order.\n\nEvaluates to n! / (n - k)! when k <= n and evaluates\nto zero when k > n.\n\nIf k is not specified or is None, then k defaults to n\nand the function returns n!.\n\nRaises TypeError if either of the arguments are not integers.\nRaises ValueError if either of the arguments are negative."),
    fast(c"comb", m_comb, c"comb($module, n, k, /)\n--\n\nNumber of ways to choose k items from n items without repetition and without order.\n\nEvaluates to n! / (k! * (n - k)!) when k <= n and evaluates\nto zero when k > n.\n\nAlso called the binomial coefficient because it is equivalent\nto the coefficient of k-th term in polynomial expansion of the\nexpression (1 + x) ** n.\n\nRaises TypeError if either of the arguments are not integers.\nRaises ValueError if either of the arguments are negative."),
    fast(c"nextafter", m_nextafter, c"nextafter($module, x, y, /)\n--\n\nReturn the next floating-point value after x towards y."),
    o!(c"ulp", m_ulp, c"ulp($module, x, /)\n--\n\nReturn the value of the least significant bit of the float x."),
    END,
];

static mut MATH_DEF: PyModuleDef = module_def(
    c"math",
    c"This module provides access to the mathematical functions\ndefined by the C standard.",
    (&raw mut MATH_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit_math` for the inittab.
pub(crate) unsafe extern "C" fn init_math() -> *mut PyObject {
    ret((|| {
        let m = owned(crate::objects::module::PyModule_Create2(&raw mut MATH_DEF, crate::modules::sys_module::API_VERSION as i32))?;
        let d = crate::objects::module::PyModule_GetDict(m.as_ptr());
        let consts = [
            ("pi", core::f64::consts::PI),
            ("e", core::f64::consts::E),
            ("tau", core::f64::consts::TAU),
            ("inf", f64::INFINITY),
            ("nan", f64::NAN),
        ];
        for (name, v) in consts {
            crate::objects::dict::set_item(d, pystr::intern(name)?.as_ptr(), float_ref(v)?.as_ptr())?;
        }
        Ok(m)
    })())
}
