//! `math.fsum` (exact summation with a list of non-overlapping partials, Shewchuk's
//! method), `prod`, and `hypot`/`dist` (a scaled, compensated sum of squares with a final
//! correction of the square root, so results are correctly rounded in nearly all cases).
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{from_slot, new_ref, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::args_slice;
use crate::modules::math_module::{arg_f64, float_ref};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::tuple;

/// The exact sum of `partials` (non-overlapping, increasing magnitude) rounded once.
fn round_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // Round half to even correctly when the rest of the partials push past a tie.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}

pub(crate) unsafe extern "C" fn m_fsum(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let it = crate::abstract_::iter::get_iter(seq)?;
        let mut partials: Vec<f64> = Vec::with_capacity(32);
        // Infinities and NaNs are summed apart: they would poison the partials.
        let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
        while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
            let mut x = arg_f64(item.as_ptr())?;
            let original = x;
            let mut i = 0;
            for j in 0..partials.len() {
                let mut y = partials[j];
                if x.abs() < y.abs() {
                    core::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    partials[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            partials.truncate(i);
            if x != 0.0 {
                if !x.is_finite() {
                    if original.is_finite() {
                        return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "intermediate overflow in fsum"));
                    }
                    if original.is_infinite() {
                        inf_sum += original;
                    }
                    special += original;
                    partials.clear();
                } else {
                    partials.push(x);
                }
            }
        }
        if special != 0.0 {
            if inf_sum.is_nan() {
                return Err(raise_type(&raw mut exc::_PyExc_ValueError, "-inf + inf in fsum"));
            }
            return float_ref(special);
        }
        float_ref(round_partials(&partials))
    })())
}

/// `prod(iterable, /, *, start=1)`.
pub(crate) unsafe extern "C" fn m_prod(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static PARAMS: Params = Params { function: "prod", names: &["iterable", "start"], positional_only: 1, max_positional: 1, required: 1 };
    ret_obj((|| -> PyResult<PyRef> {
        let b = bind(&PARAMS, args, nargs as usize, kwnames)?;
        let mut acc = match b[1] { Some(s) => new_ref(s), None => crate::objects::int::small_ref(1) };
        let it = crate::abstract_::iter::get_iter(b[0].unwrap())?;
        while let Some(item) = crate::abstract_::iter::next(it.as_ptr())? {
            acc = from_slot(crate::abstract_::number::PyNumber_Multiply(acc.as_ptr(), item.as_ptr()))?;
        }
        Ok(acc)
    })())
}

/// The Euclidean norm of `v` (absolute values, `max` their maximum).
fn vector_norm(v: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    // Scale by a power of two (exact) so the largest is in [0.5, 1).
    let e = max.log2().floor() as i32 + 1;
    let scale = 2f64.powi(-e);
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &x in v {
        let x = x * scale;
        let sq = x * x;
        let sq_err = x.mul_add(x, -sq);
        // Two-sum: hi + sq exactly as t + its rounding error.
        let t = hi + sq;
        let bp = t - hi;
        lo += (hi - (t - bp)) + (sq - bp) + sq_err;
        hi = t;
    }
    let total = hi + lo;
    let lo = lo - (total - hi);
    let mut h = total.sqrt();
    // One Newton step on the exact residual corrects the last bit.
    let residual = (-h).mul_add(h, total) + lo;
    h += residual / (2.0 * h);
    h / scale
}

unsafe fn norm_of(items: &[*mut PyObject], other: Option<&[*mut PyObject]>) -> PyResult<f64> {
    let mut v = Vec::with_capacity(items.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (i, &x) in items.iter().enumerate() {
        let mut d = arg_f64(x)?;
        if let Some(q) = other {
            d -= arg_f64(q[i])?;
        }
        let d = d.abs();
        nan |= d.is_nan();
        if d > max {
            max = d;
        }
        v.push(d);
    }
    Ok(vector_norm(&v, max, nan))
}

pub(crate) unsafe extern "C" fn m_hypot(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| float_ref(norm_of(args_slice(args, nargs), None)?))())
}

pub(crate) unsafe extern "C" fn m_dist(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"dist".as_ptr(), a.len() as isize, 2, 2) {
            return Err(Raised::assume_set());
        }
        let as_tuple = |o: *mut PyObject| -> PyResult<PyRef> {
            if tuple::is_exact(o) { Ok(new_ref(o)) } else { from_slot(crate::abstract_::sequence::PySequence_Tuple(o)) }
        };
        let (p, q) = (as_tuple(a[0])?, as_tuple(a[1])?);
        let (p, q) = (tuple::items(p.as_ptr()), tuple::items(q.as_ptr()));
        if p.len() != q.len() {
            return Err(raise_type(&raw mut exc::_PyExc_ValueError, "both points must have the same number of dimensions"));
        }
        float_ref(norm_of(p, Some(q))?)
    })())
}
