//! Runs of ASCII inside arrays of code units, eight units at a time: which of the next
//! eight are not ASCII (one compare and a mask), and storing eight units as eight bytes.
//! The UTF-8 encoder copies the ASCII runs of non-ASCII text with these (most text
//! outside English is still mostly ASCII: spaces, digits, markup).
//!
//! On x86-64 they are spelled out with SSE2 (always present there); elsewhere the plain
//! loops stand.

/// A str code unit (the three kinds).
pub(crate) trait CodeUnit: Copy + Into<u32> {
    /// Bit k set when unit k of the 8 at `p` is not ASCII (0: all eight are).
    ///
    /// # Safety
    /// 8 units readable at `p`.
    #[inline(always)]
    unsafe fn non_ascii_mask8(p: *const Self) -> u32 {
        (0..8).filter(|&k| (*p.add(k)).into() >= 0x80).fold(0, |m, k| m | 1 << k)
    }

    /// Stores the low byte of each of the 8 units at `p` at `dst` (exact for ASCII).
    ///
    /// # Safety
    /// 8 units readable at `p`, 8 bytes writable at `dst`.
    #[inline(always)]
    unsafe fn narrow8(p: *const Self, dst: *mut u8) {
        for k in 0..8 {
            *dst.add(k) = (*p.add(k)).into() as u8;
        }
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

impl CodeUnit for u8 {
    #[inline(always)]
    unsafe fn non_ascii_mask8(p: *const u8) -> u32 {
        let high = u64::from_le_bytes(p.cast::<[u8; 8]>().read_unaligned()) & HIGH_BITS;
        // Gathers the eight high bits into the top byte (no carries: one bit per byte).
        ((high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    }

    #[inline(always)]
    unsafe fn narrow8(p: *const u8, dst: *mut u8) {
        core::ptr::copy_nonoverlapping(p, dst, 8);
    }
}

#[cfg(target_arch = "x86_64")]
impl CodeUnit for u16 {
    #[inline(always)]
    unsafe fn non_ascii_mask8(p: *const u16) -> u32 {
        use core::arch::x86_64::*;
        let v = _mm_loadu_si128(p.cast());
        // A unit is ASCII when its bits above the low seven are all clear.
        let ascii = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(0xFF80u16 as i16)), _mm_setzero_si128());
        // One byte per unit: the saturating pack keeps 0 and -1.
        !(_mm_movemask_epi8(_mm_packs_epi16(ascii, ascii)) as u32) & 0xFF
    }

    #[inline(always)]
    unsafe fn narrow8(p: *const u16, dst: *mut u8) {
        use core::arch::x86_64::*;
        let v = _mm_and_si128(_mm_loadu_si128(p.cast()), _mm_set1_epi16(0xFF));
        _mm_storel_epi64(dst.cast(), _mm_packus_epi16(v, v));
    }
}
#[cfg(not(target_arch = "x86_64"))]
impl CodeUnit for u16 {}

#[cfg(target_arch = "x86_64")]
impl CodeUnit for u32 {
    #[inline(always)]
    unsafe fn non_ascii_mask8(p: *const u32) -> u32 {
        use core::arch::x86_64::*;
        // Code points are below 2**31, so the signed compare is exact.
        let limit = _mm_set1_epi32(0x7F);
        let lo = _mm_cmpgt_epi32(_mm_loadu_si128(p.cast()), limit);
        let hi = _mm_cmpgt_epi32(_mm_loadu_si128(p.add(4).cast()), limit);
        (_mm_movemask_ps(_mm_castsi128_ps(lo)) | (_mm_movemask_ps(_mm_castsi128_ps(hi)) << 4)) as u32
    }

    #[inline(always)]
    unsafe fn narrow8(p: *const u32, dst: *mut u8) {
        use core::arch::x86_64::*;
        let mask = _mm_set1_epi32(0xFF);
        let lo = _mm_and_si128(_mm_loadu_si128(p.cast()), mask);
        let hi = _mm_and_si128(_mm_loadu_si128(p.add(4).cast()), mask);
        let words = _mm_packs_epi32(lo, hi);
        _mm_storel_epi64(dst.cast(), _mm_packus_epi16(words, words));
    }
}
#[cfg(not(target_arch = "x86_64"))]
impl CodeUnit for u32 {}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: CodeUnit>(units: &[T]) {
        let want_mask = (0..8).filter(|&k| units[k].into() >= 0x80).fold(0u32, |m, k| m | 1 << k);
        // SAFETY: 8 units.
        assert_eq!(unsafe { T::non_ascii_mask8(units.as_ptr()) }, want_mask);
        let mut out = [0u8; 8];
        unsafe { T::narrow8(units.as_ptr(), out.as_mut_ptr()) };
        for k in 0..8 {
            assert_eq!(out[k], units[k].into() as u8);
        }
    }

    #[test]
    fn runs_and_narrowing_match_the_plain_loops() {
        let values = [0u32, 0x41, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x8000, 0xFFFF, 0x10000, 0x10FFFF];
        for at in 0..8 {
            for &v in &values {
                let mut units = [0x61u32; 8];
                units[at] = v;
                check(&units);
                if v <= 0xFFFF {
                    check(&units.map(|u| u as u16));
                }
                if v <= 0xFF {
                    check(&units.map(|u| u as u8));
                }
            }
        }
    }
}
