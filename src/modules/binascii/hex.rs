//! `hexlify`/`b2a_hex` (with `sep` and `bytes_per_sep`, as `bytes.hex`) and
//! `unhexlify`/`a2b_hex`.
use crate::errors::raised::PyResult;
use crate::object::ptr::PyRef;
use crate::objects::bytes;

use super::binascii_error;

/// The value of hex digit `c`.
pub(crate) fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// The bytes `text` spells in pairs of hex digits.
pub(crate) fn unhexlify(text: &[u8]) -> PyResult<PyRef> {
    if text.len() % 2 != 0 {
        return Err(binascii_error("Odd-length string"));
    }
    let mut out = Vec::with_capacity(text.len() / 2);
    for pair in text.chunks_exact(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
            _ => return Err(binascii_error("Non-hexadecimal digit found")),
        }
    }
    bytes::from_slice(&out)
}
