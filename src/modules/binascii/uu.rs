//! uuencoding of one line: `b2a_uu` (at most 45 bytes, optional backticks for zeros) and
//! `a2b_uu` (the first character gives the length; missing characters count as zeros).
use crate::errors::raised::PyResult;

use super::binascii_error;

pub(crate) fn encode(data: &[u8], backtick: bool) -> PyResult<Vec<u8>> {
    if data.len() > 45 {
        return Err(binascii_error("At most 45 bytes at once"));
    }
    let char_of = |v: u32| if backtick && v == 0 { b'`' } else { b' ' + v as u8 };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(char_of(data.len() as u32));
    for chunk in data.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for shift in [18, 12, 6, 0] {
            out.push(char_of(n >> shift & 63));
        }
    }
    out.push(b'\n');
    Ok(out)
}

pub(crate) fn decode(data: &[u8]) -> PyResult<Vec<u8>> {
    // A missing length character reads as NUL, as CPython's C string does.
    let len = (data.first().copied().unwrap_or(0).wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(len);
    let mut rest = data.get(1..).unwrap_or(&[]).iter();
    let (mut acc, mut bits) = (0u32, 0u32);
    while out.len() < len {
        let v = match rest.next() {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(&c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(binascii_error("Illegal char"));
                }
                (c - b' ') as u32 & 0o77
            }
        };
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if rest.any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(binascii_error("Trailing garbage"));
    }
    Ok(out)
}
