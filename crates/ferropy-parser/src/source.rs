//! Source bytes -> UTF-8 text, the way `ast.parse(bytes)` reads a file: a UTF-8 BOM, a
//! PEP 263 coding declaration on line 1 or 2, and universal newlines (`\r\n` and `\r`
//! become `\n`, so every later column is a byte offset into the translated line).

use crate::error::{ErrorKind, SyntaxError};
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

fn table_for(name: &str) -> Option<Option<&'static [u16; 128]>> {
    let n: String = name.to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "utf8-ucs2" | "utf8-ucs4" | "cp65001" => return Some(None),
        "ascii" | "us-ascii" | "646" | "us" => return Some(None),
        "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" | "iso-ir-100" => Some(&tables::ENC_LATIN_1),
        "iso-8859-15" | "iso8859-15" | "latin9" | "l9" => Some(&tables::ENC_ISO8859_15),
        "cp1252" | "windows-1252" => Some(&tables::ENC_CP1252),
        "koi8-r" => Some(&tables::ENC_KOI8_R),
        "iso-8859-2" | "iso8859-2" | "latin2" | "l2" => Some(&tables::ENC_ISO8859_2),
        "cp1251" | "windows-1251" => Some(&tables::ENC_CP1251),
        "mac-roman" | "macroman" | "macintosh" => Some(&tables::ENC_MAC_ROMAN),
        _ => return None,
    })
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
    // Inside a string literal CPython counts from just after the opening quote.
    if let Some(q) = bytes[line_start..pos].iter().rposition(|&c| c == b'"' || c == b'\'') {
        line_start += q + 1;
    }
    let lineno = bytes[..pos].iter().filter(|&&c| c == b'\n').count() as i64 + 1;
    let mut err = SyntaxError::simple(
        ErrorKind::SyntaxError,
        format!("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", b, pos - line_start, reason),
    );
    err.lineno = Some(lineno);
    err
}

fn translate_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
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
    out
}

/// Decode a source file's bytes to text.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
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
    let text: String = match spec {
        None => match std::str::from_utf8(body) {
            Ok(s) => s.to_string(),
            Err(e) => return Err(utf8_error(body, e)),
        },
        Some(name) => {
            let norm = normal_name(&name);
            if bom && norm != "utf-8" {
                let mut e = SyntaxError::simple(ErrorKind::SyntaxError, "encoding problem: utf8 with BOM");
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
                    let ascii = matches!(norm.to_ascii_lowercase().as_str(), "ascii" | "us-ascii" | "646" | "us");
                    if ascii {
                        if let Some(pos) = body.iter().position(|&c| c >= 0x80) {
                            let line_start = body[..pos].iter().rposition(|&c| c == b'\n').map(|p| p + 1).unwrap_or(0);
                            let lineno = body[..pos].iter().filter(|&&c| c == b'\n').count() as i64 + 1;
                            let mut e = SyntaxError::simple(
                                ErrorKind::SyntaxError,
                                format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", body[pos], pos - line_start),
                            );
                            e.lineno = Some(lineno);
                            return Err(e);
                        }
                    }
                    match std::str::from_utf8(body) {
                        Ok(s) => s.to_string(),
                        Err(e) => return Err(utf8_error(body, e)),
                    }
                }
                Some(Some(tab)) => {
                    let mut s = String::with_capacity(body.len());
                    for &c in body {
                        if c < 0x80 {
                            s.push(c as char);
                        } else {
                            let cp = tab[(c - 0x80) as usize] as u32;
                            s.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                        }
                    }
                    s
                }
            }
        }
    };
    Ok(translate_newlines(&text))
}
