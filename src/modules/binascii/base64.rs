//! Base64 (RFC 4648 alphabet): `b2a_base64` (with or without the newline) and
//! `a2b_base64`, which by default skips characters outside the alphabet and stops at a
//! completed pad; `strict_mode` refuses anything but canonical data.
use crate::errors::raised::PyResult;

use super::binascii_error;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

pub(crate) fn encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        let chars = [n >> 18, n >> 12 & 63, n >> 6 & 63, n & 63];
        for (k, &c) in chars.iter().enumerate() {
            out.push(if k <= chunk.len() { ALPHABET[c as usize] } else { b'=' });
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}

pub(crate) fn decode(data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    if strict && data.first() == Some(&b'=') {
        return Err(binascii_error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    // `filled` sextets of the current quad are in `acc`; `chars` counts data characters.
    let (mut acc, mut filled, mut chars, mut pads) = (0u32, 0usize, 0usize, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if filled >= 2 {
                pads += 1;
                if filled + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(binascii_error("Excess data after padding"));
                    }
                    filled = 0;
                    break;
                }
            }
            continue;
        }
        let Some(v) = value(c) else {
            if strict {
                return Err(binascii_error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(binascii_error("Discontinuous padding not allowed"));
        }
        pads = 0;
        chars += 1;
        acc = acc << 6 | v;
        filled += 1;
        // Each sextet after the first completes one more byte.
        match filled {
            2 => out.push((acc >> 4) as u8),
            3 => out.push((acc >> 2) as u8),
            4 => {
                out.push(acc as u8);
                filled = 0;
                acc = 0;
            }
            _ => {}
        }
    }
    match filled {
        0 => Ok(out),
        1 => Err(binascii_error(&format!(
            "Invalid base64-encoded string: number of data characters ({chars}) cannot be 1 more than a multiple of 4"
        ))),
        _ => Err(binascii_error("Incorrect padding")),
    }
}
