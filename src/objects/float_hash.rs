//! The numeric hash of a double (`_Py_HashDouble`): the exact rational value of a finite
//! double reduced modulo the prime 2**61 - 1, so that `hash(2.0) == hash(2)` and equal
//! numbers of any type hash equally; infinities are +-314159; a NaN hashes by identity.
use crate::object::object::PyObject;
use crate::pyport::Py_hash_t;

/// `_PyHASH_BITS`: the modulus is the Mersenne prime 2**61 - 1.
const BITS: u32 = 61;
const MODULUS: u64 = (1 << BITS) - 1;
/// `_PyHASH_INF`.
const HASH_INF: Py_hash_t = 314159;

/// `m * 2**e mod 2**61-1` for `m < 2**61-1`: multiplying by 2 modulo a Mersenne prime
/// rotates the 61 bits, and 2**61 = 1, so negative powers are rotations the other way.
fn mul_pow2(m: u64, e: i32) -> u64 {
    let r = e.rem_euclid(BITS as i32) as u32;
    if r == 0 {
        return m;
    }
    ((m << r) & MODULUS) | (m >> (BITS - r))
}

/// The hash of the value `x` (of object `op`, whose address hashes a NaN).
pub(crate) fn hash_double(op: *mut PyObject, x: f64) -> Py_hash_t {
    if x.is_nan() {
        return crate::object::hash::_Py_HashPointer(op as *const core::ffi::c_void);
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // x = mantissa * 2**exponent exactly, mantissa < 2**53 < MODULUS.
    let (mantissa, exponent) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
    let h = mul_pow2(mantissa, exponent) as Py_hash_t;
    let h = if x < 0.0 { -h } else { h };
    if h == -1 { -2 } else { h }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(x: f64) -> Py_hash_t {
        hash_double(core::ptr::null_mut(), x)
    }

    #[test]
    fn hashes_match_cpython() {
        // Values from CPython 3.11's hash().
        assert_eq!(h(0.0), 0);
        assert_eq!(h(-0.0), 0);
        assert_eq!(h(1.0), 1);
        assert_eq!(h(-1.0), -2);
        assert_eq!(h(0.5), 1152921504606846976);
        assert_eq!(h(1.5), 1152921504606846977);
        assert_eq!(h(0.1), 230584300921369408);
        assert_eq!(h(-2.5), -1152921504606846978);
        assert_eq!(h(1e300), 1224995262755759164);
        assert_eq!(h(5e-324), 16777216);
        assert_eq!(h(2f64.powi(61)), 1);
        assert_eq!(h(f64::INFINITY), 314159);
        assert_eq!(h(f64::NEG_INFINITY), -314159);
        assert_eq!(h(1.7976931348623157e308), 2234066890152476671);
    }
}

/// `Py_hash_t _Py_HashDouble(PyObject *inst, double v)`: the hash of the number `v` (equal
/// numbers hash alike across int, float and Fraction); a NaN hashes by `inst`'s address.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_HashDouble(inst: *mut PyObject, v: f64) -> Py_hash_t {
    hash_double(inst, v)
}
