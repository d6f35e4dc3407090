//! The integer functions of `math`: `gcd`, `lcm`, `isqrt`, `factorial`, `comb`, `perm`,
//! exact for ints of any size (on `long_digits::Int`, with a machine-word fast path).
use crate::abstract_::{ret_obj, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::args_slice;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::int;
use crate::objects::long_digits::{bit_length, Int};

/// An integer argument (`__index__`), as an `Int`.
unsafe fn int_arg(o: *mut PyObject) -> PyResult<Int> {
    if !int::is_int(o) && !crate::abstract_::item::is_index(o) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", crate::abstract_::tp_name(o))));
    }
    let v = crate::abstract_::number::index(o)?;
    Ok(int::to_int(v.as_ptr()))
}

fn value_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

fn gcd_int(a: &Int, b: &Int) -> Int {
    let (mut a, mut b) = (a.clone().abs(), b.clone().abs());
    loop {
        if let (Some(x), Some(y)) = (a.to_i128(), b.to_i128()) {
            let (mut x, mut y) = (x as u128, y as u128);
            while y != 0 {
                (x, y) = (y, x % y);
            }
            return Int::from_i128(x as i128);
        }
        if b.is_zero() {
            return a;
        }
        let r = a.divrem_trunc(&b).1;
        a = b;
        b = r;
    }
}

unsafe extern "C" fn gcd_or_lcm(args: *const *mut PyObject, nargs: isize, lcm: bool) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        let mut acc = if lcm { Int::from_i64(1) } else { Int::zero() };
        if a.len() == 1 {
            return int::from_int(&int_arg(a[0])?.abs());
        }
        for &x in a {
            let v = int_arg(x)?;
            acc = if lcm {
                if acc.is_zero() || v.is_zero() {
                    Int::zero()
                } else {
                    let g = gcd_int(&acc, &v);
                    acc.divrem_trunc(&g).0.mul(&v).abs()
                }
            } else {
                gcd_int(&acc, &v)
            };
        }
        int::from_int(&acc)
    })())
}

pub(crate) unsafe extern "C" fn m_gcd(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    gcd_or_lcm(args, nargs, false)
}

pub(crate) unsafe extern "C" fn m_lcm(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    gcd_or_lcm(args, nargs, true)
}

/// The integer square root of a non-negative value.
fn isqrt_int(n: &Int) -> Int {
    if let Some(v) = n.to_i128() {
        if v < (1i128 << 104) {
            let v = v as u128;
            let mut r = (v as f64).sqrt() as u128;
            while r * r > v {
                r -= 1;
            }
            while (r + 1) * (r + 1) <= v {
                r += 1;
            }
            return Int::from_i128(r as i128);
        }
    }
    // Newton's iteration from a power of two at or above the root decreases to it.
    let bits = bit_length(&n.mag);
    let mut x = Int::from_i64(1).shl(bits.div_ceil(2));
    loop {
        let y = x.add(&n.divrem_trunc(&x).0).shr(1);
        if y.cmp(&x) != core::cmp::Ordering::Less {
            return x;
        }
        x = y;
    }
}

pub(crate) unsafe extern "C" fn m_isqrt(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let n = int_arg(arg)?;
        if n.neg {
            return Err(value_error("isqrt() argument must be nonnegative"));
        }
        int::from_int(&isqrt_int(&n))
    })())
}

/// The product of `count` consecutive integers from `lo` (binary splitting keeps the
/// factors balanced, which big multiplication needs to be fast).
fn range_product(lo: &Int, count: u64) -> Int {
    match count {
        0 => Int::from_i64(1),
        1..=8 => {
            let mut acc = lo.clone();
            for i in 1..count {
                acc = acc.mul(&lo.add(&Int::from_i64(i as i64)));
            }
            acc
        }
        _ => {
            let half = count / 2;
            range_product(lo, half).mul(&range_product(&lo.add(&Int::from_i64(half as i64)), count - half))
        }
    }
}

pub(crate) unsafe extern "C" fn m_factorial(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let n = int_arg(arg)?;
        let Some(v) = n.to_i128().filter(|&v| v <= i64::MAX as i128) else {
            if n.neg {
                return Err(value_error("factorial() not defined for negative values"));
            }
            return Err(raise_type(&raw mut exc::_PyExc_OverflowError, "factorial() argument should not exceed 9223372036854775807"));
        };
        if v < 0 {
            return Err(value_error("factorial() not defined for negative values"));
        }
        if v < 2 {
            return Ok(int::small_ref(1));
        }
        int::from_int(&range_product(&Int::from_i64(1), v as u64))
    })())
}

/// `n` and `k` of comb/perm, checked non-negative; None when k > n (the result is 0).
unsafe fn n_and_k(n: *mut PyObject, k: *mut PyObject) -> PyResult<(Int, Int)> {
    let n = int_arg(n)?;
    let k = int_arg(k)?;
    if n.neg {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.neg {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn small_k(k: &Int) -> PyResult<u64> {
    k.to_i128().filter(|&v| v <= i64::MAX as i128).map(|v| v as u64).ok_or_else(|| {
        raise_type(&raw mut exc::_PyExc_OverflowError, "min(n - k, k) must not exceed 9223372036854775807")
    })
}

pub(crate) unsafe extern "C" fn m_perm(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"perm".as_ptr(), a.len() as isize, 1, 2) {
            return Err(Raised::assume_set());
        }
        if a.len() == 1 || a[1] == crate::abstract_::none() {
            return PyRef::from_owned(m_factorial(core::ptr::null_mut(), a[0])).ok_or_else(Raised::assume_set);
        }
        let (n, k) = n_and_k(a[0], a[1])?;
        if k.cmp(&n) == core::cmp::Ordering::Greater {
            return Ok(int::small_ref(0));
        }
        let count = small_k(&k)?;
        int::from_int(&range_product(&n.sub(&k).add(&Int::from_i64(1)), count))
    })())
}

pub(crate) unsafe extern "C" fn m_comb(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret_obj((|| -> PyResult<PyRef> {
        let a = args_slice(args, nargs);
        if !crate::abstract_::getargs::check_positional(c"comb".as_ptr(), a.len() as isize, 2, 2) {
            return Err(Raised::assume_set());
        }
        let (n, k) = n_and_k(a[0], a[1])?;
        if k.cmp(&n) == core::cmp::Ordering::Greater {
            return Ok(int::small_ref(0));
        }
        let other = n.sub(&k);
        let k = if other.cmp(&k) == core::cmp::Ordering::Less { other } else { k };
        let count = small_k(&k)?;
        let top = range_product(&n.sub(&k).add(&Int::from_i64(1)), count);
        let bottom = range_product(&Int::from_i64(1), count);
        int::from_int(&top.divrem_trunc(&bottom).0)
    })())
}
