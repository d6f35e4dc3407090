//! Source bytes -> UTF-8 text, the way `ast.parse(bytes)` reads a file: a UTF-8 BOM, a
//! PEP 263 coding declaration on line 1 or 2, and universal newlines (`\r\n` and `\r`
//! become `\n`, so every later column is a byte offset into the translated line).

use crate::error::{ErrorKind, SyntaxError};
use std::borrow::Cow;
use crate::unicode_tables as tables;

fn coding_spec(line: &[u8]) -> Option<String> {
    // ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    if i >= line.len() || line[i] != b'#' {
        return None;
    }
    let rest = &line[i..];
    let mut j = 0;
    while j + 6 < rest.len() {
        if &rest[j..j + 6] == b"coding" && (rest[j + 6] == b':' || rest[j + 6] == b'=') {
            let mut k = j + 7;
            while k < rest.len() && (rest[k] == b' ' || rest[k] == b'\t') {
                k += 1;
            }
            let st = k;
            while k < rest.len() && (rest[k].is_ascii_alphanumeric() || matches!(rest[k], b'-' | b'_' | b'.')) {
                k += 1;
            }
            if k > st {
                return Some(String::from_utf8_lossy(&rest[st..k]).into_owned());
            }
        }
        j += 1;
    }
    None
}

fn is_blank_or_comment(line: &[u8]) -> bool {
    for &c in line {
        match c {
            b' ' | b'\t' | b'\x0c' => continue,
            b'#' | b'\n' | b'\r' => return true,
            _ => return false,
        }
    }
    true
}

/// CPython's normalisation of encoding names (get_normal_name): only the two families it
/// special-cases; everything else is looked up as is.
fn normal_name(name: &str) -> String {
    let lower: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        "utf-8".into()
    } else if lower == "latin-1" || lower == "iso-8859-1" || lower == "iso-latin-1"
        || lower.starts_with("latin-1-") || lower.starts_with("iso-8859-1-") || lower.starts_with("iso-latin-1-")
    {
        "iso-8859-1".into()
    } else {
        name.to_string()
    }
}

/// `Some(None)`: UTF-8 or ASCII; `Some(Some(table))`: a single-byte codec.
fn table_for(name: &str) -> Option<Option<&'static [u16; 128]>> {
    // encodings.normalize_encoding, then the alias table.
    let mut n = String::new();
    let mut pending = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending && !n.is_empty() {
                n.push('_');
            }
            pending = false;
            n.push(c.to_ascii_lowercase());
        } else {
            pending = true;
        }
    }
    match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => return Some(None),
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => return Some(None),
        _ => {}
    }
    tables::ENCODING_NAMES.binary_search_by_key(&n.as_str(), |e| e.0).ok().map(|i| Some(tables::ENCODING_NAMES[i].1))
}

fn utf8_error(bytes: &[u8], e: std::str::Utf8Error) -> SyntaxError {
    let pos = e.valid_up_to();
    let b = bytes[pos];
    let reason = match e.error_len() {
        None => "unexpected end of data",
        Some(_) if (0x80..0xC2).contains(&b) || b >= 0xF5 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    // CPython reports the position within the offending line.
    let mut line_start = bytes[..pos].iter().rposition(|&c| c == b'\n').map(|p| p + 1).unwrap_or(0);
    let mut reason = reason;
    // Inside a string literal CPython decodes just the literal's contents: positions count
    // from the opening quote, and the contents end at the closing one.
    if let Some(q) = bytes[line_start..pos].iter().rposition(|&c| c == b'"' || c == b'\'') {
        let quote = bytes[line_start + q];
        line_start += q + 1;
        let end = bytes[pos..].iter().position(|&c| c == quote || c == b'\n').map(|e| pos + e).unwrap_or(bytes.len());
        if let Err(e2) = std::str::from_utf8(&bytes[line_start..end]) {
            if e2.error_len().is_none() {
                reason = "unexpected end of data";
            }
        }
    }
    let lineno = bytes[..pos].iter().filter(|&&c| c == b'\n').count() as i64 + 1;
    let mut err = SyntaxError::simple(
        ErrorKind::SyntaxError,
        format!("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", b, pos - line_start, reason),
    );
    err.lineno = Some(lineno);
    err
}

fn translate_newlines(s: Cow<'_, str>) -> Cow<'_, str> {
    if !s.contains('\r') {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            out.push_str(&s[last..i]);
            out.push('\n');
            if i + 1 < b.len() && b[i + 1] == b'\n' {
                i += 1;
            }
            last = i + 1;
        }
        i += 1;
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// The encoding a file declares on line 1 or 2, as written (BOM not included).
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut lines = body.split_inclusive(|&c| c == b'\n');
    let l1 = lines.next()?;
    if let Some(s) = coding_spec(l1) {
        return Some(s);
    }
    if is_blank_or_comment(l1) {
        return lines.next().and_then(coding_spec);
    }
    None
}

/// Decode a source file's bytes to text.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    decode_source_info(bytes).map(|(s, _)| s.into_owned())
}

/// Decode, also saying whether the file declared its encoding (BOM or coding line).
/// CPython 3.11 reports SyntaxError columns in characters only in that case; for plain
/// bytes they are byte columns (an oddity we reproduce).
/// UTF-8 input without carriage returns is borrowed, not copied.
pub fn decode_source_info(bytes: &[u8]) -> Result<(Cow<'_, str>, bool), SyntaxError> {
    if bytes.contains(&0) {
        return Err(SyntaxError::simple(ErrorKind::SyntaxError, "source code string cannot contain null bytes"));
    }
    let (bom, body) = if bytes.starts_with(b"\xEF\xBB\xBF") { (true, &bytes[3..]) } else { (false, bytes) };
    // Find the declaration on line 1, or line 2 if line 1 is blank or a comment.
    let mut spec = None;
    let mut spec_line = 0;
    let first_end = body.iter().position(|&c| c == b'\n' || c == b'\r').map(|p| p + 1).unwrap_or(body.len());
    let line1 = &body[..first_end];
    if let Some(s) = coding_spec(line1) {
        spec = Some(s);
        spec_line = 1;
    } else if is_blank_or_comment(line1) {
        let mut st = first_end;
        if st < body.len() && body[st - 1] == b'\r' && body[st] == b'\n' {
            st += 1;
        }
        let rest = &body[st.min(body.len())..];
        let end2 = rest.iter().position(|&c| c == b'\n' || c == b'\r').map(|p| p + 1).unwrap_or(rest.len());
        if let Some(s) = coding_spec(&rest[..end2]) {
            spec = Some(s);
            spec_line = 2;
        }
    }
    let _ = spec_line;
    let declared = bom || spec.is_some();
    let text: Cow<'_, str> = match spec {
        None => match std::str::from_utf8(body) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => return Err(utf8_error(body, e)),
        },
        Some(name) => {
            let norm = normal_name(&name);
            if bom && norm != "utf-8" {
                let mut e = SyntaxError::simple(ErrorKind::SyntaxError, format!("encoding problem: {} with BOM", norm));
                e.lineno = Some(0);
                return Err(e);
            }
            match table_for(&norm) {
                None => {
                    let mut e = SyntaxError::simple(ErrorKind::SyntaxError, format!("unknown encoding: {}", name));
                    e.lineno = Some(0);
                    return Err(e);
                }
                Some(None) => {
                    let ascii = !norm.to_ascii_lowercase().replace('_', "-").starts_with("utf") && norm != "u8" && norm.to_ascii_lowercase() != "cp65001";
                    if ascii {
                        if let Some(pos) = body.iter().position(|&c| c >= 0x80) {
                            let mut e = SyntaxError::simple(
                                ErrorKind::SyntaxError,
                                format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", body[pos], pos + bom as usize * 3),
                            );
                            e.lineno = Some(0);
                            return Err(e);
                        }
                    }
                    match std::str::from_utf8(body) {
                        Ok(s) => Cow::Borrowed(s),
                        Err(e) => return Err(utf8_error(body, e)),
                    }
                }
                Some(Some(tab)) => {
                    let mut s = String::with_capacity(body.len());
                    for (i, &c) in body.iter().enumerate() {
                        if c < 0x80 {
                            s.push(c as char);
                        } else {
                            let cp = tab[(c - 0x80) as usize] as u32;
                            match char::from_u32(cp) {
                                Some(ch) if cp != 0xFFFF => s.push(ch),
                                _ => {
                                    let mut e = SyntaxError::simple(
                                        ErrorKind::SyntaxError,
                                        format!("'charmap' codec can't decode byte 0x{:02x} in position {}: character maps to <undefined>", c, i),
                                    );
                                    e.lineno = Some(0);
                                    return Err(e);
                                }
                            }
                        }
                    }
                    Cow::Owned(s)
                }
            }
        }
    };
    Ok((translate_newlines(text), declared))
}

#[cfg(test)]
mod tests {
    use super::decode_source;

    #[test]
    fn latin1_declaration() {
        assert_eq!(decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(), "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n");
    }

    #[test]
    fn declaration_on_second_line_only_after_comment() {
        assert!(decode_source(b"#!/usr/bin/env python\n# coding: cp1252\nx = '\x80'\n").unwrap().contains('\u{20ac}'));
        assert!(decode_source(b"x = 1\n# coding: latin-1\ny = '\xe9'\n").is_err());
    }

    #[test]
    fn bom_and_newlines() {
        assert_eq!(decode_source(b"\xef\xbb\xbfx = 1\r\ny = 2\rz = 3").unwrap(), "x = 1\ny = 2\nz = 3");
        assert_eq!(decode_source(b"\xef\xbb\xbf# coding: latin-1\n").unwrap_err().msg, "encoding problem: iso-8859-1 with BOM");
    }

    #[test]
    fn bad_sources() {
        assert_eq!(decode_source(b"x = 1\x00").unwrap_err().msg, "source code string cannot contain null bytes");
        assert_eq!(decode_source(b"# coding: bogus\n").unwrap_err().msg, "unknown encoding: bogus");
        assert!(decode_source(b"x = '\xe9'\n").unwrap_err().msg.starts_with("(unicode error) 'utf-8' codec can't decode byte 0xe9"));
    }
}
