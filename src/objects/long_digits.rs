//! Magnitude arithmetic on base-2**30 digits (least significant first), the representation
//! inside `PyLongObject`, and `Int`, a signed owned value built on it for the slow paths.
//! Pure Rust: no Python objects here, so every algorithm is unit-tested on its own.
//!
//! A magnitude is a `Vec<u32>` whose digits are all < 2**30 and which is *normalized* (no
//! most-significant zero digits; zero is the empty vector).
use core::cmp::Ordering;

pub(crate) const SHIFT: u32 = 30;
pub(crate) const BASE: u64 = 1 << SHIFT;
pub(crate) const MASK: u32 = (1 << SHIFT) - 1;

/// Below this many digits (of the shorter factor) multiplication is schoolbook.
const KARATSUBA_CUTOFF: usize = 48;

/// Drops most-significant zero digits.
#[inline]
pub(crate) fn normalize(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

/// Compares two normalized magnitudes.
pub(crate) fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

/// The magnitude of `v`.
pub(crate) fn from_u64(mut v: u64) -> Vec<u32> {
    let mut out = Vec::with_capacity(3);
    while v != 0 {
        out.push((v as u32) & MASK);
        v >>= SHIFT;
    }
    out
}

/// The magnitude of `v`.
pub(crate) fn from_u128(mut v: u128) -> Vec<u32> {
    let mut out = Vec::with_capacity(5);
    while v != 0 {
        out.push((v as u32) & MASK);
        v >>= SHIFT;
    }
    out
}

/// The value of a magnitude if it fits in 128 bits.
pub(crate) fn to_u128(a: &[u32]) -> Option<u128> {
    if bit_length(a) > 128 {
        return None;
    }
    let mut x: u128 = 0;
    for &d in a.iter().rev() {
        x = (x << SHIFT) | u128::from(d);
    }
    Some(x)
}

/// Number of significant bits (0 for zero).
pub(crate) fn bit_length(a: &[u32]) -> u64 {
    match a.last() {
        None => 0,
        Some(&top) => (a.len() as u64 - 1) * u64::from(SHIFT) + u64::from(32 - top.leading_zeros()),
    }
}

/// `a + b`.
pub(crate) fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u32;
    for i in 0..a.len() {
        let s = a[i] + carry + if i < b.len() { b[i] } else { 0 };
        out.push(s & MASK);
        carry = s >> SHIFT;
    }
    if carry != 0 {
        out.push(carry);
    }
    out
}

/// `a - b` for `a >= b`.
pub(crate) fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    debug_assert!(cmp_mag(a, b) != Ordering::Less);
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0u32;
    for i in 0..a.len() {
        let s = a[i].wrapping_sub(borrow).wrapping_sub(if i < b.len() { b[i] } else { 0 });
        out.push(s & MASK);
        borrow = (s >> SHIFT) & 1;
    }
    normalize(&mut out);
    out
}

/// In place `acc[..] += b`, carrying as far as needed (acc must be long enough).
fn add_into(acc: &mut [u32], b: &[u32]) {
    let mut carry = 0u32;
    let mut i = 0;
    while i < b.len() {
        let s = acc[i] + b[i] + carry;
        acc[i] = s & MASK;
        carry = s >> SHIFT;
        i += 1;
    }
    while carry != 0 && i < acc.len() {
        let s = acc[i] + carry;
        acc[i] = s & MASK;
        carry = s >> SHIFT;
        i += 1;
    }
}

/// In place `acc[..] -= b` (the result must not be negative).
fn sub_into(acc: &mut [u32], b: &[u32]) {
    let mut borrow = 0u32;
    let mut i = 0;
    while i < b.len() {
        let s = acc[i].wrapping_sub(b[i]).wrapping_sub(borrow);
        acc[i] = s & MASK;
        borrow = (s >> SHIFT) & 1;
        i += 1;
    }
    while borrow != 0 && i < acc.len() {
        let s = acc[i].wrapping_sub(borrow);
        acc[i] = s & MASK;
        borrow = (s >> SHIFT) & 1;
        i += 1;
    }
}

/// Products of two 30-bit digits that a `u64` can sum without overflow:
/// 16 * (2**30 - 1)**2 < 2**64.
const PRODUCTS_PER_U64: usize = 16;

/// Schoolbook product, column by column: each output digit's partial products are summed
/// in `u64` runs of up to 16 (cheaper than 128-bit adds) folded into a 128-bit column sum,
/// so carries are propagated once per column, not per product.
pub(crate) fn mul_school(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let n = a.len() + b.len();
    let mut out = vec![0u32; n];
    let mut acc: u128 = 0;
    for k in 0..n - 1 {
        let lo = k.saturating_sub(b.len() - 1);
        let hi = k.min(a.len() - 1);
        let mut col: u128 = 0;
        let mut i = lo;
        while i <= hi {
            let end = (i + PRODUCTS_PER_U64).min(hi + 1);
            let mut run: u64 = 0;
            for j in i..end {
                run += u64::from(a[j]) * u64::from(b[k - j]);
            }
            col += u128::from(run);
            i = end;
        }
        acc += col;
        out[k] = (acc as u32) & MASK;
        acc >>= SHIFT;
    }
    out[n - 1] = acc as u32;
    normalize(&mut out);
    out
}

/// `a * d` for one digit `d`.
pub(crate) fn mul_digit(a: &[u32], d: u32) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry: u64 = 0;
    for &x in a {
        let p = u64::from(x) * u64::from(d) + carry;
        out.push((p as u32) & MASK);
        carry = p >> SHIFT;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    normalize(&mut out);
    out
}

/// `a * b`: schoolbook for short factors, Karatsuba above the cutoff (with unbalanced
/// factors cut into slices of the shorter one's length).
pub(crate) fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return Vec::new();
    }
    if a.len() == 1 {
        return mul_digit(b, a[0]);
    }
    if a.len() < KARATSUBA_CUTOFF {
        return mul_school(a, b);
    }
    if 2 * a.len() <= b.len() {
        // Unbalanced: a times successive a-sized slices of b.
        let mut out = vec![0u32; a.len() + b.len() + 1];
        let mut pos = 0;
        while pos < b.len() {
            let end = (pos + a.len()).min(b.len());
            let mut slice = b[pos..end].to_vec();
            normalize(&mut slice);
            let p = mul_mag(a, &slice);
            add_into(&mut out[pos..], &p);
            pos = end;
        }
        normalize(&mut out);
        return out;
    }
    karatsuba(a, b)
}

/// Karatsuba for factors of comparable length (`a.len() <= b.len() < 2 * a.len()`):
/// with x = x1*B**h + x0, a*b = z2*B**2h + ((a0+a1)(b0+b1) - z2 - z0)*B**h + z0.
fn karatsuba(a: &[u32], b: &[u32]) -> Vec<u32> {
    let h = b.len() / 2;
    let split = |x: &[u32]| -> (Vec<u32>, Vec<u32>) {
        if x.len() <= h {
            let mut lo = x.to_vec();
            normalize(&mut lo);
            (lo, Vec::new())
        } else {
            let mut lo = x[..h].to_vec();
            normalize(&mut lo);
            (lo, x[h..].to_vec())
        }
    };
    let (a0, a1) = split(a);
    let (b0, b1) = split(b);
    let z0 = mul_mag(&a0, &b0);
    let z2 = mul_mag(&a1, &b1);
    let mut z1 = mul_mag(&add_mag(&a0, &a1), &add_mag(&b0, &b1));
    // z1 >= z0 + z2 always; subtract in place.
    z1.resize(z1.len().max(z0.len()).max(z2.len()) + 1, 0);
    sub_into(&mut z1, &z0);
    sub_into(&mut z1, &z2);
    normalize(&mut z1);
    let mut out = vec![0u32; a.len() + b.len() + 1];
    out[..z0.len()].copy_from_slice(&z0);
    out[2 * h..2 * h + z2.len()].copy_from_slice(&z2);
    add_into(&mut out[h..], &z1);
    normalize(&mut out);
    out
}

/// `a * a`.
pub(crate) fn square(a: &[u32]) -> Vec<u32> {
    mul_mag(a, a)
}

/// `(a / d, a % d)` for one nonzero digit `d`.
pub(crate) fn divrem_digit(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    debug_assert!(d != 0);
    let mut q = vec![0u32; a.len()];
    let mut rem: u64 = 0;
    let d64 = u64::from(d);
    for i in (0..a.len()).rev() {
        let cur = (rem << SHIFT) | u64::from(a[i]);
        q[i] = (cur / d64) as u32;
        rem = cur % d64;
    }
    normalize(&mut q);
    (q, rem as u32)
}

/// `(a / b, a % b)` for a nonzero `b`: Knuth's algorithm D (TAOCP 4.3.1) on 30-bit digits.
pub(crate) fn divrem_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    assert!(!b.is_empty(), "division by zero magnitude");
    if cmp_mag(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = divrem_digit(a, b[0]);
        return (q, if r == 0 { Vec::new() } else { vec![r] });
    }
    // Normalize so the divisor's top digit has its high bit (bit 29) set.
    let s = b[b.len() - 1].leading_zeros() - (32 - SHIFT);
    let v = shl_digits_bits(b, s, false);
    let mut u = shl_digits_bits(a, s, true); // one extra digit on top
    let n = v.len();
    let m = u.len() - n; // number of quotient digits
    let mut q = vec![0u32; m];
    let vtop = u64::from(v[n - 1]);
    let vnext = u64::from(v[n - 2]);
    for j in (0..m).rev() {
        // Estimate q̂ from the top two digits of the current remainder window.
        let top = (u64::from(u[j + n]) << SHIFT) | u64::from(u[j + n - 1]);
        let mut qhat = top / vtop;
        let mut rhat = top % vtop;
        while qhat >= BASE || qhat * vnext > ((rhat << SHIFT) | u64::from(u[j + n - 2])) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= BASE {
                break;
            }
        }
        // u[j..j+n+1] -= qhat * v
        let mut borrow: i64 = 0;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * u64::from(v[i]) + carry;
            carry = p >> SHIFT;
            let t = i64::from(u[i + j]) - ((p as u32) & MASK) as i64 + borrow;
            u[i + j] = (t as u32) & MASK;
            borrow = t >> SHIFT;
        }
        let t = i64::from(u[j + n]) - carry as i64 + borrow;
        u[j + n] = (t as u32) & MASK;
        if t < 0 {
            // q̂ was one too large: add v back.
            qhat -= 1;
            let mut c = 0u32;
            for i in 0..n {
                let s2 = u[i + j] + v[i] + c;
                u[i + j] = s2 & MASK;
                c = s2 >> SHIFT;
            }
            u[j + n] = (u[j + n] + c) & MASK;
        }
        q[j] = qhat as u32;
    }
    normalize(&mut q);
    u.truncate(n);
    let mut r = shr_digits_bits(&u, s);
    normalize(&mut r);
    (q, r)
}

/// `a << s` for `s < SHIFT`, with one extra top digit when `extra` (even if zero).
fn shl_digits_bits(a: &[u32], s: u32, extra: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u32;
    for &d in a {
        let x = (u64::from(d) << s) | u64::from(carry);
        out.push((x as u32) & MASK);
        carry = (x >> SHIFT) as u32;
    }
    if extra || carry != 0 {
        out.push(carry);
    }
    out
}

/// `a >> s` for `s < SHIFT`.
fn shr_digits_bits(a: &[u32], s: u32) -> Vec<u32> {
    let mut out = vec![0u32; a.len()];
    for i in 0..a.len() {
        let hi = if i + 1 < a.len() { a[i + 1] } else { 0 };
        out[i] = ((a[i] >> s) | (hi << (SHIFT - s))) & MASK;
    }
    out
}

/// `a << bits`.
pub(crate) fn shl_mag(a: &[u32], bits: u64) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let whole = (bits / u64::from(SHIFT)) as usize;
    let rem = (bits % u64::from(SHIFT)) as u32;
    let mut out = vec![0u32; whole];
    out.extend(shl_digits_bits(a, rem, false));
    normalize(&mut out);
    out
}

/// `a >> bits` (truncating).
pub(crate) fn shr_mag(a: &[u32], bits: u64) -> Vec<u32> {
    let whole = bits / u64::from(SHIFT);
    if whole >= a.len() as u64 {
        return Vec::new();
    }
    let mut out = shr_digits_bits(&a[whole as usize..], (bits % u64::from(SHIFT)) as u32);
    normalize(&mut out);
    out
}

/// True if any of the low `bits` bits of `a` is set.
pub(crate) fn low_bits_nonzero(a: &[u32], bits: u64) -> bool {
    let whole = (bits / u64::from(SHIFT)) as usize;
    let rem = (bits % u64::from(SHIFT)) as u32;
    for (i, &d) in a.iter().enumerate() {
        if i < whole {
            if d != 0 {
                return true;
            }
        } else if i == whole {
            return d & ((1u32 << rem) - 1) != 0;
        } else {
            break;
        }
    }
    false
}

/// A signed integer: sign and normalized magnitude (zero is never negative).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Int {
    pub neg: bool,
    pub mag: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BitOp {
    And,
    Or,
    Xor,
}

impl Int {
    pub(crate) fn zero() -> Int {
        Int::default()
    }

    pub(crate) fn new(neg: bool, mut mag: Vec<u32>) -> Int {
        normalize(&mut mag);
        let neg = neg && !mag.is_empty();
        Int { neg, mag }
    }

    pub(crate) fn from_i64(v: i64) -> Int {
        Int::new(v < 0, from_u64(v.unsigned_abs()))
    }

    pub(crate) fn from_i128(v: i128) -> Int {
        Int::new(v < 0, from_u128(v.unsigned_abs()))
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    /// The value if it fits in an i128.
    #[allow(dead_code)] // used by tests and the int methods
    pub(crate) fn to_i128(&self) -> Option<i128> {
        let m = to_u128(&self.mag)?;
        if self.neg {
            if m <= 1u128 << 127 { Some((m as i128).wrapping_neg()) } else { None }
        } else {
            i128::try_from(m).ok()
        }
    }

    pub(crate) fn neg(mut self) -> Int {
        self.neg = !self.neg && !self.mag.is_empty();
        self
    }

    pub(crate) fn abs(mut self) -> Int {
        self.neg = false;
        self
    }

    #[allow(dead_code)] // used by tests and the int methods
    pub(crate) fn cmp(&self, other: &Int) -> Ordering {
        match (self.neg, other.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &other.mag),
            (true, true) => cmp_mag(&other.mag, &self.mag),
        }
    }

    pub(crate) fn add(&self, other: &Int) -> Int {
        if self.neg == other.neg {
            return Int::new(self.neg, add_mag(&self.mag, &other.mag));
        }
        match cmp_mag(&self.mag, &other.mag) {
            Ordering::Equal => Int::zero(),
            Ordering::Greater => Int::new(self.neg, sub_mag(&self.mag, &other.mag)),
            Ordering::Less => Int::new(other.neg, sub_mag(&other.mag, &self.mag)),
        }
    }

    pub(crate) fn sub(&self, other: &Int) -> Int {
        let neg_other = Int { neg: !other.neg && !other.mag.is_empty(), mag: other.mag.clone() };
        self.add(&neg_other)
    }

    pub(crate) fn mul(&self, other: &Int) -> Int {
        let mag = if core::ptr::eq(self, other) { square(&self.mag) } else { mul_mag(&self.mag, &other.mag) };
        Int::new(self.neg != other.neg, mag)
    }

    /// Truncating division `(q, r)` with `r` of the dividend's sign; `other` nonzero.
    pub(crate) fn divrem_trunc(&self, other: &Int) -> (Int, Int) {
        let (q, r) = divrem_mag(&self.mag, &other.mag);
        (Int::new(self.neg != other.neg, q), Int::new(self.neg, r))
    }

    /// Floor division `(q, r)`: `q = floor(a / b)`, `r` has `b`'s sign; `other` nonzero.
    pub(crate) fn divmod_floor(&self, other: &Int) -> (Int, Int) {
        let (mut q, mut r) = self.divrem_trunc(other);
        if !r.is_zero() && r.neg != other.neg {
            r = r.add(other);
            q = q.sub(&Int::from_i64(1));
        }
        (q, r)
    }

    /// `self << bits`.
    pub(crate) fn shl(&self, bits: u64) -> Int {
        Int::new(self.neg, shl_mag(&self.mag, bits))
    }

    /// `self >> bits`, flooring (as Python's `>>` on negatives).
    pub(crate) fn shr(&self, bits: u64) -> Int {
        let q = shr_mag(&self.mag, bits);
        if self.neg && low_bits_nonzero(&self.mag, bits) {
            // floor: -(|a| >> bits) - 1
            Int::new(true, add_mag(&q, &[1]))
        } else {
            Int::new(self.neg, q)
        }
    }

    /// Two's complement digits of `self` over `n` digits (n > len, so the sign fits).
    fn twos(&self, n: usize) -> Vec<u32> {
        let mut out = self.mag.clone();
        out.resize(n, 0);
        if self.neg {
            // invert and add one
            let mut carry = 1u32;
            for d in out.iter_mut() {
                let x = (!*d & MASK) + carry;
                *d = x & MASK;
                carry = x >> SHIFT;
            }
        }
        out
    }

    /// `&`, `|`, `^` with infinite two's complement semantics.
    pub(crate) fn bitop(&self, other: &Int, op: BitOp) -> Int {
        let n = self.mag.len().max(other.mag.len()) + 1;
        let a = self.twos(n);
        let b = other.twos(n);
        let (na, nb) = (self.neg, other.neg);
        let neg = match op {
            BitOp::And => na && nb,
            BitOp::Or => na || nb,
            BitOp::Xor => na != nb,
        };
        let mut out: Vec<u32> = a
            .iter()
            .zip(b.iter())
            .map(|(&x, &y)| match op {
                BitOp::And => x & y,
                BitOp::Or => x | y,
                BitOp::Xor => x ^ y,
            })
            .collect();
        if neg {
            // back from two's complement: invert and add one gives the magnitude
            let mut carry = 1u32;
            for d in out.iter_mut() {
                let x = (!*d & MASK) + carry;
                *d = x & MASK;
                carry = x >> SHIFT;
            }
        }
        Int::new(neg, out)
    }

    /// `~self` = `-(self + 1)`.
    pub(crate) fn invert(&self) -> Int {
        self.add(&Int::from_i64(1)).neg()
    }

    /// `self ** e` for a non-negative exponent (binary exponentiation on the magnitude).
    pub(crate) fn pow(&self, mut e: u64) -> Int {
        let neg = self.neg && e & 1 == 1;
        let mut result = vec![1u32];
        let mut base = self.mag.clone();
        while e > 0 {
            if e & 1 == 1 {
                result = mul_mag(&result, &base);
            }
            e >>= 1;
            if e > 0 {
                base = square(&base);
            }
        }
        Int::new(neg, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift) for random digit vectors.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        fn mag(&mut self, n: usize) -> Vec<u32> {
            let mut v: Vec<u32> = (0..n).map(|_| (self.next() as u32) & MASK).collect();
            if n > 0 && self.next() % 4 == 0 {
                v[n - 1] = MASK; // exercise the all-ones top digit
            }
            normalize(&mut v);
            v
        }
        fn int(&mut self, n: usize) -> Int {
            let neg = self.next() % 2 == 0;
            Int::new(neg, self.mag(n))
        }
    }

    #[test]
    fn small_values_agree_with_i128() {
        let vals: [i128; 12] = [0, 1, -1, 7, -7, 1 << 30, -(1 << 30), (1 << 62) + 5, -(1 << 62) - 3, i64::MAX as i128, i64::MIN as i128, 123456789012345678];
        for &a in &vals {
            for &b in &vals {
                let (x, y) = (Int::from_i128(a), Int::from_i128(b));
                assert_eq!(x.add(&y).to_i128(), Some(a + b));
                assert_eq!(x.sub(&y).to_i128(), Some(a - b));
                if a.unsigned_abs() < (1 << 63) && b.unsigned_abs() < (1 << 63) {
                    assert_eq!(x.mul(&y).to_i128(), Some(a * b));
                }
                if b != 0 {
                    let (q, r) = x.divmod_floor(&y);
                    assert_eq!(q.to_i128(), Some(a.div_euclid(b) - if b < 0 && a.rem_euclid(b) != 0 { 1 } else { 0 }), "{a} // {b}");
                    assert_eq!(q.to_i128().unwrap() * b + r.to_i128().unwrap(), a);
                }
                assert_eq!(x.bitop(&y, BitOp::And).to_i128(), Some(a & b));
                assert_eq!(x.bitop(&y, BitOp::Or).to_i128(), Some(a | b));
                assert_eq!(x.bitop(&y, BitOp::Xor).to_i128(), Some(a ^ b));
            }
            let x = Int::from_i128(a);
            assert_eq!(x.invert().to_i128(), Some(!a));
            for s in [0u64, 1, 5, 29, 30, 31, 60, 64] {
                assert_eq!(x.shr(s).to_i128(), Some(a >> s), "{a} >> {s}");
                if a.unsigned_abs() < (1 << 60) {
                    assert_eq!(x.shl(s).to_i128(), Some(a << s));
                }
            }
        }
    }

    #[test]
    fn karatsuba_matches_schoolbook() {
        let mut rng = Rng(0x9e3779b97f4a7c15);
        for &(n, m) in &[(48usize, 48usize), (60, 61), (100, 130), (50, 400), (200, 199), (97, 1000), (300, 300)] {
            let a = rng.mag(n);
            let b = rng.mag(m);
            assert_eq!(mul_mag(&a, &b), mul_school(&a, &b), "{n}x{m}");
        }
    }

    #[test]
    fn division_identities() {
        let mut rng = Rng(12345);
        for i in 0..300 {
            let n = 1 + (rng.next() % 60) as usize;
            let m = 1 + (rng.next() % 40) as usize;
            let a = rng.int(n);
            let mut b = rng.int(m);
            if b.is_zero() {
                b = Int::from_i64(3);
            }
            let (q, r) = a.divmod_floor(&b);
            assert_eq!(q.mul(&b).add(&r), a, "case {i}");
            // 0 <= |r| < |b| and r has b's sign
            assert_eq!(cmp_mag(&r.mag, &b.mag), Ordering::Less);
            assert!(r.is_zero() || r.neg == b.neg);
        }
        // A case that needs the add-back step: (B**3 - 1) * (B**2 - 1) / ...
        let a = Int::new(false, vec![0, 0, 0, 0, MASK, MASK]);
        let b = Int::new(false, vec![1, 0, MASK]);
        let (q, r) = a.divrem_trunc(&b);
        assert_eq!(q.mul(&b).add(&r), a);
    }

    #[test]
    fn pow_and_bits() {
        assert_eq!(Int::from_i64(3).pow(40).to_i128(), Some(3i128.pow(40)));
        assert_eq!(bit_length(&from_u64(255)), 8);
        assert_eq!(bit_length(&[]), 0);
        assert_eq!(to_u128(&from_u128(u128::MAX)), Some(u128::MAX));
    }
}
