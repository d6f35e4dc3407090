//! Quoted-printable (RFC 1521; RFC 1522 headers with `_` for space): `a2b_qp` and
//! `b2a_qp`, which keeps lines under 76 characters with soft breaks and quotes trailing
//! whitespace, `=`, bytes above 126 and, on request, tabs and spaces.
use super::hex::hex_value;

const MAX_LINE: usize = 76;
const HEX: &[u8; 16] = b"0123456789ABCDEF";

pub(crate) fn decode(data: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c == b'_' && header {
            out.push(b' ');
            continue;
        }
        if c != b'=' {
            out.push(c);
            continue;
        }
        let Some(&next) = data.get(i) else { break };
        match next {
            // A soft line break: skip to the end of the line.
            b'\n' | b'\r' => {
                while i < data.len() && data[i] != b'\n' {
                    i += 1;
                }
                i = (i + 1).min(data.len());
            }
            b'=' => {
                out.push(b'=');
                i += 1;
            }
            _ => match (hex_value(next), data.get(i + 1).and_then(|&d| hex_value(d))) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'='),
            },
        }
    }
    out
}

pub(crate) fn encode(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    // Line breaks are written as the data's first one is (CRLF or LF).
    let crlf = memchr::memchr(b'\n', data).is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let newline: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let mut out = Vec::with_capacity(data.len() * 3 / 2);
    let mut line = 0usize;
    let mut i = 0;
    let quote = |out: &mut Vec<u8>, c: u8| out.extend_from_slice(&[b'=', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]);
    while i < data.len() {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let lone_dot = c == b'.' && line == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0));
        let needs_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || lone_dot
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if needs_quote {
            if line + 3 >= MAX_LINE {
                out.push(b'=');
                out.extend_from_slice(newline);
                line = 0;
            }
            quote(&mut out, c);
            line += 3;
            i += 1;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line = 0;
            // Whitespace before a line break would be lost in transit: quote it.
            if let Some(&last @ (b' ' | b'\t')) = out.last() {
                out.pop();
                quote(&mut out, last);
            }
            out.extend_from_slice(newline);
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && line + 1 >= MAX_LINE {
                out.push(b'=');
                out.extend_from_slice(newline);
                line = 0;
            }
            line += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}
