//! UTF-8 decoding in two passes: `measure` counts the characters and finds the largest
//! byte (branch-free, vectorized: it fixes the str's length and kind), then `decode_into`
//! validates and writes the code units in one go. On bad input `decode_into` stops before
//! the bad sequence and `error_len` says what CPython's error report needs (the length of
//! the maximal invalid subpart, or that the input ends inside a sequence).
//!
//! Runs of ASCII are read a word at a time: the writer widens and stores all eight bytes
//! (a fixed count: vector moves); eight ASCII bytes move it on by eight (a predicted
//! branch), a shorter run by its length (one `trailing_zeros`) straight into the decoding
//! of the byte after it, so short ASCII words between other characters cost one step each.

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The accepted range of the byte after `lead` (the Unicode table of well-formed
/// sequences: no overlong forms, no surrogates, nothing above U+10FFFF).
#[inline(always)]
fn second_byte_range(lead: u8) -> (u8, u8) {
    match lead {
        0xE0 => (0xA0, 0xBF),
        0xED => (0x80, 0x9F),
        0xF0 => (0x90, 0xBF),
        0xF4 => (0x80, 0x8F),
        _ => (0x80, 0xBF),
    }
}

#[inline(always)]
fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

/// The number of characters `b` holds if it is valid (its bytes that are not continuation
/// bytes) and its largest byte.
pub(crate) fn measure(b: &[u8]) -> (usize, u8) {
    // Counted in byte lanes over blocks short enough not to overflow them, so that both
    // folds run sixteen bytes or more per vector instruction.
    let (mut chars, mut max) = (0usize, 0u8);
    for block in b.chunks(240) {
        let mut n = 0u8;
        let mut m = 0u8;
        for &x in block {
            n = n.wrapping_add(((x as i8) >= -0x40) as u8);
            m = m.max(x);
        }
        chars += n as usize;
        max = max.max(m);
    }
    (chars, max)
}

/// The largest code point a valid text whose largest byte is `max_byte` may hold, as the
/// str kind needs it (0x7F ASCII, 0xFF Latin-1, 0xFFFF BMP, else astral).
pub(crate) fn maxchar_bound(max_byte: u8) -> u32 {
    match max_byte {
        0x00..=0x7F => 0x7F,
        0x80..=0xC3 => 0xFF,
        0xC4..=0xEF => 0xFFFF,
        _ => 0x10FFFF,
    }
}

/// A code unit of a str kind.
pub(crate) trait Unit: Copy {
    fn from_code_point(c: u32) -> Self;

    /// Stores the 8 bytes at `src` as 8 units at `dst` (zero-extended).
    ///
    /// # Safety
    /// 8 bytes readable at `src`, 8 units writable at `dst`.
    #[inline(always)]
    unsafe fn widen8(src: *const u8, dst: *mut Self) {
        let word = src.cast::<[u8; 8]>().read_unaligned();
        let units: [Self; 8] = core::array::from_fn(|k| Self::from_code_point(word[k] as u32));
        dst.cast::<[Self; 8]>().write_unaligned(units);
    }
}
impl Unit for u8 {
    #[inline(always)]
    fn from_code_point(c: u32) -> u8 {
        c as u8
    }
}
// On x86-64 the widening is spelled out with SSE2 (always present there): left to itself
// the compiler takes the word apart byte by byte.
impl Unit for u16 {
    #[inline(always)]
    fn from_code_point(c: u32) -> u16 {
        c as u16
    }
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn widen8(src: *const u8, dst: *mut u16) {
        use core::arch::x86_64::*;
        let bytes = _mm_loadl_epi64(src.cast());
        _mm_storeu_si128(dst.cast(), _mm_unpacklo_epi8(bytes, _mm_setzero_si128()));
    }
}
impl Unit for u32 {
    #[inline(always)]
    fn from_code_point(c: u32) -> u32 {
        c
    }
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn widen8(src: *const u8, dst: *mut u32) {
        use core::arch::x86_64::*;
        let zero = _mm_setzero_si128();
        let halves = _mm_unpacklo_epi8(_mm_loadl_epi64(src.cast()), zero);
        _mm_storeu_si128(dst.cast(), _mm_unpacklo_epi16(halves, zero));
        _mm_storeu_si128(dst.add(4).cast(), _mm_unpackhi_epi16(halves, zero));
    }
}

/// Where `decode_into` stopped on bad input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Stop {
    /// The bytes before the bad sequence (all decoded).
    pub valid_up_to: usize,
    /// The units written for them.
    pub units: usize,
}

/// Decodes `b` into `dst` while validating it: the number of units written, or where it
/// stopped. Only characters of the valid prefix are written.
///
/// # Safety
/// `dst` has room for `room` units, at least the character count `measure` gives for `b`;
/// every character of `b`'s valid prefix fits `T` (`maxchar_bound` of the largest byte).
pub(crate) unsafe fn decode_into<T: Unit>(b: &[u8], dst: *mut T, room: usize) -> Result<usize, Stop> {
    let len = b.len();
    let p = b.as_ptr();
    let (mut i, mut o) = (0usize, 0usize);
    // Each unit stored stands for a byte that is not a continuation byte, so `o` stays
    // within what `measure` counted; the eight-unit stores check `room` themselves.
    while i < len {
        let mut lead = *p.add(i);
        if lead < 0x80 {
            if i + 8 <= len && o + 8 <= room {
                // All eight bytes are widened and stored; the units past the ASCII run are
                // overwritten by what follows.
                T::widen8(p.add(i), dst.add(o));
                let high = u64::from_le_bytes(p.add(i).cast::<[u8; 8]>().read_unaligned()) & HIGH_BITS;
                if high == 0 {
                    // A branch, not the run length: the next load does not wait for this
                    // one's mask (which made ASCII text one long dependency chain).
                    i += 8;
                    o += 8;
                    continue;
                }
                let run = (high.trailing_zeros() / 8) as usize;
                i += run;
                o += run;
                // Not ASCII (the mask says so), and inside `b`: decoded below.
                lead = *p.add(i);
            } else {
                dst.add(o).write_unaligned(T::from_code_point(lead as u32));
                i += 1;
                o += 1;
                continue;
            }
        }
        let at = |k: usize| *p.add(i + k) as u32;
        let stop = Stop { valid_up_to: i, units: o };
        let c = if lead < 0xE0 {
            if lead < 0xC2 || i + 1 >= len || !is_continuation(at(1) as u8) {
                return Err(stop);
            }
            let c = ((lead as u32 & 0x1F) << 6) | (at(1) & 0x3F);
            i += 2;
            c
        } else if lead < 0xF0 {
            let (lo, hi) = second_byte_range(lead);
            if i + 2 >= len || !(lo as u32..=hi as u32).contains(&at(1)) || !is_continuation(at(2) as u8) {
                return Err(stop);
            }
            let c = ((lead as u32 & 0x0F) << 12) | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F);
            i += 3;
            c
        } else {
            let (lo, hi) = second_byte_range(lead);
            if lead > 0xF4
                || i + 3 >= len
                || !(lo as u32..=hi as u32).contains(&at(1))
                || !is_continuation(at(2) as u8)
                || !is_continuation(at(3) as u8)
            {
                return Err(stop);
            }
            let c = ((lead as u32 & 0x07) << 18) | ((at(1) & 0x3F) << 12) | ((at(2) & 0x3F) << 6) | (at(3) & 0x3F);
            i += 4;
            c
        };
        dst.add(o).write_unaligned(T::from_code_point(c));
        o += 1;
    }
    Ok(o)
}

/// For the bad sequence that starts `b`: the length of its maximal invalid subpart, or
/// None when `b` ends inside a sequence that was right so far ("unexpected end of data").
pub(crate) fn error_len(b: &[u8]) -> Option<usize> {
    let lead = b[0];
    let n = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return Some(1),
    };
    let (lo, hi) = second_byte_range(lead);
    for good in 1..n {
        let &c = b.get(good)?;
        let ok = if good == 1 { (lo..=hi).contains(&c) } else { is_continuation(c) };
        if !ok {
            return Some(good);
        }
    }
    // Not reached for a sequence `decode_into` stopped at; a whole sequence is one unit.
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes as the codec does: Ok(code points) or Err((valid_up_to, error_len)).
    fn decode(b: &[u8]) -> Result<Vec<u32>, (usize, Option<usize>)> {
        let (chars, _) = measure(b);
        let mut out = vec![0u32; chars];
        // SAFETY: room for every character measured.
        match unsafe { decode_into(b, out.as_mut_ptr(), chars) } {
            Ok(n) => {
                assert_eq!(n, chars);
                Ok(out)
            }
            Err(stop) => {
                let want: Vec<u32> = core::str::from_utf8(&b[..stop.valid_up_to]).unwrap().chars().map(|c| c as u32).collect();
                assert_eq!(&out[..stop.units], &want[..]);
                Err((stop.valid_up_to, error_len(&b[stop.valid_up_to..])))
            }
        }
    }

    /// The reference: the standard library's decoder and its error lengths.
    fn reference(b: &[u8]) -> Result<Vec<u32>, (usize, Option<usize>)> {
        match core::str::from_utf8(b) {
            Ok(s) => Ok(s.chars().map(|c| c as u32).collect()),
            Err(e) => Err((e.valid_up_to(), e.error_len())),
        }
    }

    #[test]
    fn agrees_with_the_standard_library() {
        let samples: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"plain ascii text, long enough for words".to_vec(),
            "café €10 😀 world ünïcödé".as_bytes().to_vec(),
            "ab\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}".as_bytes().to_vec(),
            b"abc\xffdef".to_vec(),
            b"abcdefgh\xc3".to_vec(),
            b"\xe2\x82".to_vec(),
            b"\xe2\x82x".to_vec(),
            b"\xe0\x80\x80".to_vec(),
            b"\xed\xa0\x80".to_vec(),
            b"\xf4\x90\x80\x80".to_vec(),
            b"\xf0\x9f\x98".to_vec(),
            b"\xf0\x9f\x98x".to_vec(),
            b"\xc0\xaf".to_vec(),
            b"\xf5\x80".to_vec(),
            b"12345678\x80".to_vec(),
        ];
        for s in &samples {
            assert_eq!(decode(s), reference(s), "{s:?}");
        }
        // Every lead byte with assorted followers, after ASCII prefixes of each length 0..17
        // (the word steps) and before ASCII tails.
        for prefix in 0..17 {
            for x in 0..=255u8 {
                for y in [0x00, 0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc3, 0xe0, 0xf0, 0xff] {
                    for z in [None, Some(0x80u8), Some(0xbf), Some(0x41)] {
                        for tail in [0, 1, 9] {
                            let mut s = vec![b'a'; prefix];
                            s.push(x);
                            s.push(y);
                            s.extend(z);
                            s.extend(core::iter::repeat(b'z').take(tail));
                            assert_eq!(decode(&s), reference(&s), "{s:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn measures_length_and_kind() {
        for text in ["", "a", "hello world, more than eight", "café €10 😀 world", "\u{10ffff}x\u{80}yz\u{7ff}", "\u{100}", "\u{ff}"] {
            let (chars, max) = measure(text.as_bytes());
            assert_eq!(chars, text.chars().count());
            let widest = text.chars().map(|c| c as u32).max().unwrap_or(0);
            let bound = maxchar_bound(max);
            assert!(widest <= bound, "{text:?}");
            // The bound picks the same str kind as the widest character.
            let kind = |c: u32| if c < 0x80 { 0 } else if c < 0x100 { 1 } else if c < 0x10000 { 2 } else { 4 };
            assert_eq!(kind(bound), kind(widest), "{text:?}");
        }
    }
}
