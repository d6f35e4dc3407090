//! The `cmath` module: complex versions of the elementary functions (through the C
//! library's Annex G implementations, `libm.rs`), `phase`, `polar`, `rect`, `isfinite`,
//! `isinf`, `isnan`, `isclose` and the constants.
use crate::abstract_::ret_obj;
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::modules::math_module::{domain_error, range_error};
use crate::modules::module_init::{add, create, dict_of};
use crate::modules::zlib::positional;
use crate::modules::{fast, fast_kw, meth, module_def, END};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::complex::{self, Py_complex};
use crate::objects::module::PyModuleDef;
use crate::objects::{float, tuple};

mod libm;

use libm::{apply, call, is_finite, Func};

unsafe fn arg(o: *mut PyObject) -> PyResult<Py_complex> {
    complex::as_ccomplex(o)
}

fn c(real: f64, imag: f64) -> Py_complex {
    Py_complex { real, imag }
}

unsafe fn unary(o: *mut PyObject, f: Func) -> *mut PyObject {
    ret_obj((|| complex::new(call(f, arg(o)?)?))())
}

macro_rules! unary {
    ($name:ident, $f:ident) => {
        unsafe extern "C" fn $name(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
            unary(o, libm::$f)
        }
    };
}

unary!(c_acos, ACOS);
unary!(c_acosh, ACOSH);
unary!(c_asin, ASIN);
unary!(c_asinh, ASINH);
unary!(c_atan, ATAN);
unary!(c_atanh, ATANH);
unary!(c_cos, COS);
unary!(c_cosh, COSH);
unary!(c_exp, EXP);
unary!(c_sin, SIN);
unary!(c_sinh, SINH);
unary!(c_sqrt, SQRT);
unary!(c_tan, TAN);
unary!(c_tanh, TANH);

unsafe extern "C" fn c_log10(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let r = call(libm::LOG, arg(o)?)?;
        let ln10 = core::f64::consts::LN_10;
        complex::new(c(r.real / ln10, r.imag / ln10))
    })())
}

/// `log(z[, base])`: with a base, the error is that of `log(base)` and of the division
/// (a `log(z)` pole alone gives an infinite or NaN quotient, as in CPython).
unsafe extern "C" fn c_log(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("log", args, nargs, 1, 2)?;
        let z = arg(a[0])?;
        let base = a.get(1).map(|&b| arg(b)).transpose()?;
        let (r, error) = apply(libm::LOG, z);
        let Some(base) = base else {
            return match error {
                Some(e) => Err(e()),
                None => complex::new(r),
            };
        };
        let (b, error) = apply(libm::LOG, base);
        if let Some(e) = error {
            return Err(e());
        }
        if b.real == 0.0 && b.imag == 0.0 {
            return Err(domain_error());
        }
        complex::new(crate::objects::complex_arith::_Py_c_quot(r, b))
    })())
}

unsafe extern "C" fn c_phase(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let z = arg(o)?;
        float::new(z.imag.atan2(z.real))
    })())
}

unsafe extern "C" fn c_polar(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    ret_obj((|| {
        let z = arg(o)?;
        let r = z.real.hypot(z.imag);
        if r.is_infinite() && is_finite(z) {
            return Err(range_error());
        }
        tuple::from_slice(&[float::new(r)?, float::new(z.imag.atan2(z.real))?])
    })())
}

/// `rect(r, phi)` = r·e^(iφ). Non-finite arguments follow `exp(log r + iφ)`'s special
/// values (r = ±inf is exp(+inf + iφ), r = ±0 is exp(-inf + iφ), the sign of r negating
/// the result), so `rect(inf, inf)` or a finite non-zero r at an infinite angle is a domain
/// error.
fn rect(r: f64, phi: f64) -> PyResult<Py_complex> {
    if r.is_finite() && phi.is_finite() {
        if phi == 0.0 {
            // Exact: r·sin(±0) keeps the zero's sign rules without rounding.
            return Ok(c(r, r * phi));
        }
        return Ok(c(r * phi.cos(), r * phi.sin()));
    }
    if r.is_nan() {
        return Ok(if phi == 0.0 { c(r, phi) } else { c(r, r) });
    }
    let log_r = if r.is_infinite() {
        f64::INFINITY
    } else if r == 0.0 {
        f64::NEG_INFINITY
    } else {
        r.abs().ln()
    };
    let w = call(libm::EXP, c(log_r, phi))?;
    Ok(if r.is_sign_negative() { c(-w.real, -w.imag) } else { w })
}

unsafe extern "C" fn c_rect(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| {
        let a = positional("rect", args, nargs, 2, 2)?;
        let (r, phi) = (float::as_double(a[0])?, float::as_double(a[1])?);
        complex::new(rect(r, phi)?)
    })())
}

unsafe fn predicate(o: *mut PyObject, p: fn(Py_complex) -> bool) -> *mut PyObject {
    ret_obj((|| Ok(crate::abstract_::compare::bool_ref(p(arg(o)?))))())
}

unsafe extern "C" fn c_isfinite(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    predicate(o, is_finite)
}

unsafe extern "C" fn c_isinf(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    predicate(o, |z| z.real.is_infinite() || z.imag.is_infinite())
}

unsafe extern "C" fn c_isnan(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    predicate(o, |z| z.real.is_nan() || z.imag.is_nan())
}

fn abs(z: Py_complex) -> f64 {
    z.real.hypot(z.imag)
}

unsafe extern "C" fn c_isclose(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    use crate::abstract_::unpack_keywords::{bind, Params};
    static PARAMS: Params = Params { function: "isclose", names: &["a", "b", "rel_tol", "abs_tol"], positional_only: 0, max_positional: 2, required: 2 };
    ret_obj((|| {
        let b = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let (x, y) = (arg(b[0].unwrap())?, arg(b[1].unwrap())?);
        let rel_tol = b[2].map_or(Ok(1e-9), |o| float::as_double(o))?;
        let abs_tol = b[3].map_or(Ok(0.0), |o| float::as_double(o))?;
        if rel_tol < 0.0 || abs_tol < 0.0 {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "tolerances must be non-negative"));
        }
        let close = if x.real == y.real && x.imag == y.imag {
            true
        } else if !is_finite(x) || !is_finite(y) {
            // Infinities are close only to themselves (handled above); NaN to nothing.
            false
        } else {
            let diff = abs(c(y.real - x.real, y.imag - x.imag));
            diff <= rel_tol * abs(y) || diff <= rel_tol * abs(x) || diff <= abs_tol
        };
        Ok(crate::abstract_::compare::bool_ref(close))
    })())
}

macro_rules! o {
    ($name:literal, $f:ident, $doc:literal) => {
        meth($name, $f, METH_O, $doc)
    };
}

static mut CMATH_FUNCTIONS: [PyMethodDef; 25] = [
    o!(c"acos", c_acos, c"acos($module, z, /)\n--\n\nReturn the arc cosine of z."),
    o!(c"acosh", c_acosh, c"acosh($module, z, /)\n--\n\nReturn the inverse hyperbolic cosine of z."),
    o!(c"asin", c_asin, c"asin($module, z, /)\n--\n\nReturn the arc sine of z."),
    o!(c"asinh", c_asinh, c"asinh($module, z, /)\n--\n\nReturn the inverse hyperbolic sine of z."),
    o!(c"atan", c_atan, c"atan($module, z, /)\n--\n\nReturn the arc tangent of z."),
    o!(c"atanh", c_atanh, c"atanh($module, z, /)\n--\n\nReturn the inverse hyperbolic tangent of z."),
    o!(c"cos", c_cos, c"cos($module, z, /)\n--\n\nReturn the cosine of z."),
    o!(c"cosh", c_cosh, c"cosh($module, z, /)\n--\n\nReturn the hyperbolic cosine of z."),
    o!(c"exp", c_exp, c"exp($module, z, /)\n--\n\nReturn the exponential value e**z."),
    fast_kw(c"isclose", c_isclose, c"isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nDetermine whether two complex numbers are close in value.\n\n  rel_tol\n    maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\nReturn True if a is close in value to b, and False otherwise."),
    o!(c"isfinite", c_isfinite, c"isfinite($module, z, /)\n--\n\nReturn True if both the real and imaginary parts of z are finite, else False."),
    o!(c"isinf", c_isinf, c"isinf($module, z, /)\n--\n\nChecks if the real or imaginary part of z is infinite."),
    o!(c"isnan", c_isnan, c"isnan($module, z, /)\n--\n\nChecks if the real or imaginary part of z not a number (NaN)."),
    fast(c"log", c_log, c"log($module, x, base=<unrepresentable>, /)\n--\n\nlog(z[, base]) -> the logarithm of z to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of z."),
    o!(c"log10", c_log10, c"log10($module, z, /)\n--\n\nReturn the base-10 logarithm of z."),
    o!(c"phase", c_phase, c"phase($module, z, /)\n--\n\nReturn argument, also known as the phase angle, of a complex."),
    o!(c"polar", c_polar, c"polar($module, z, /)\n--\n\nConvert a complex from rectangular coordinates to polar coordinates.\n\nr is the distance from 0 and phi the phase angle."),
    fast(c"rect", c_rect, c"rect($module, r, phi, /)\n--\n\nConvert from polar coordinates to rectangular coordinates."),
    o!(c"sin", c_sin, c"sin($module, z, /)\n--\n\nReturn the sine of z."),
    o!(c"sinh", c_sinh, c"sinh($module, z, /)\n--\n\nReturn the hyperbolic sine of z."),
    o!(c"sqrt", c_sqrt, c"sqrt($module, z, /)\n--\n\nReturn the square root of z."),
    o!(c"tan", c_tan, c"tan($module, z, /)\n--\n\nReturn the tangent of z."),
    o!(c"tanh", c_tanh, c"tanh($module, z, /)\n--\n\nReturn the hyperbolic tangent of z."),
    END,
    END,
];

static mut CMATH_DEF: PyModuleDef = module_def(
    c"cmath",
    c"This module provides access to mathematical functions for complex\nnumbers.",
    (&raw mut CMATH_FUNCTIONS) as *mut PyMethodDef,
);

/// `PyInit_cmath` for the inittab.
pub(crate) unsafe extern "C" fn init_cmath() -> *mut PyObject {
    ret_obj((|| {
        let m = create(&raw mut CMATH_DEF)?;
        let d = dict_of(&m);
        let add_float = |name: &str, v: f64| -> PyResult<()> { add(d, name, float::new(v)?.as_ptr()) };
        add_float("pi", core::f64::consts::PI)?;
        add_float("e", core::f64::consts::E)?;
        add_float("tau", core::f64::consts::TAU)?;
        add_float("inf", f64::INFINITY)?;
        add_float("nan", f64::NAN)?;
        let infj: PyRef = complex::new(c(0.0, f64::INFINITY))?;
        add(d, "infj", infj.as_ptr())?;
        add(d, "nanj", complex::new(c(0.0, f64::NAN))?.as_ptr())?;
        Ok(m)
    })())
}
