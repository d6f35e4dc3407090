//! Finding a needle of two bytes or more in a short haystack (1-byte strs): the positions
//! where both the needle's first and last bytes match are found 16 at a time with SSE2
//! (two loads, two compares, one mask), and only those are compared in full.
//!
//! Why: for the haystacks of everyday `str.find` (tens of bytes), the setup of `memchr`'s
//! dispatch and of a two-way searcher costs more than the scan; the first-and-last-byte
//! filter also skips most false starts that a first-byte `memchr` loop stops at.

/// Whether `hay[at..at + needle.len()] == needle`, knowing the first and last bytes match.
#[inline(always)]
fn middle_matches(hay: &[u8], at: usize, needle: &[u8]) -> bool {
    let n = needle.len();
    hay[at + 1..at + n - 1].iter().zip(&needle[1..n - 1]).all(|(a, b)| a == b)
}

/// The first index of `needle` (at least 2 bytes, at most `hay.len()`) in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    debug_assert!(n >= 2 && n <= hay.len());
    // Candidate starts are 0..=last.
    let last = hay.len() - n;
    let mut i = 0;
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE2 is part of x86_64; every load reads 16 bytes at `i` or `i + n - 1` with
    // `i + 15 <= last`, so the furthest byte read is `last + n - 1 = hay.len() - 1`.
    unsafe {
        use core::arch::x86_64::*;
        let first = _mm_set1_epi8(needle[0] as i8);
        let end = _mm_set1_epi8(needle[n - 1] as i8);
        let p = hay.as_ptr();
        while i + 15 <= last {
            let a = _mm_loadu_si128(p.add(i) as *const __m128i);
            let b = _mm_loadu_si128(p.add(i + n - 1) as *const __m128i);
            let mut mask = _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, end))) as u32;
            while mask != 0 {
                let at = i + mask.trailing_zeros() as usize;
                if middle_matches(hay, at, needle) {
                    return Some(at);
                }
                mask &= mask - 1;
            }
            i += 16;
        }
    }
    while i <= last {
        if hay[i] == needle[0] && hay[i + n - 1] == needle[n - 1] && middle_matches(hay, i, needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find;

    fn naive(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    #[test]
    fn agrees_with_a_naive_search() {
        // A small alphabet makes partial matches (first and last byte only) frequent.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20000 {
            let hay_len = (next() % 80) as usize + 2;
            let hay: Vec<u8> = (0..hay_len).map(|_| b"abc"[(next() % 3) as usize]).collect();
            let n = (next() % hay_len.min(6) as u64) as usize + 1;
            let n = n.max(2).min(hay_len);
            let needle: Vec<u8> = if next() % 2 == 0 {
                let at = (next() as usize) % (hay_len - n + 1);
                hay[at..at + n].to_vec()
            } else {
                (0..n).map(|_| b"abc"[(next() % 3) as usize]).collect()
            };
            assert_eq!(find(&hay, &needle), naive(&hay, &needle), "{:?} in {:?}", needle, hay);
        }
    }
}
