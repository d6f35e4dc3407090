//! `ast.dump` of CPython 3.11, byte for byte: optional fields that are None are left out,
//! empty lists are kept, constants are printed with Python's `repr`.

use crate::ast::{Constant, Node, Value};
use crate::tokenizer::is_printable;

pub fn dump(node: &Node, include_attributes: bool) -> String {
    let mut out = String::with_capacity(256);
    dump_node(node, include_attributes, &mut out);
    out
}

fn dump_node(n: &Node, attrs: bool, out: &mut String) {
    let info = n.kind.info();
    out.push_str(n.kind.py_name());
    out.push('(');
    let mut first = true;
    for (i, fname) in info.fields.iter().enumerate() {
        let optional = fname.ends_with('?');
        let v = n.fields.get(i).unwrap_or(&Value::None);
        if optional && matches!(v, Value::None) {
            continue;
        }
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(fname.trim_end_matches('?'));
        out.push('=');
        dump_value(v, attrs, out);
    }
    if attrs && info.attrs {
        use std::fmt::Write;
        if !first {
            out.push_str(", ");
        }
        let _ = write!(
            out,
            "lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
            n.loc.lineno, n.loc.col, n.loc.end_lineno, n.loc.end_col
        );
    }
    out.push(')');
}

fn dump_value(v: &Value, attrs: bool, out: &mut String) {
    match v {
        Value::Node(n) => dump_node(n, attrs, out),
        Value::List(items) => {
            out.push('[');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                dump_value(it, attrs, out);
            }
            out.push(']');
        }
        Value::None => out.push_str("None"),
        Value::Str(s) => repr_str(s.as_bytes(), out),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Const(c) => repr_const(c, out),
    }
}

pub fn repr_const(c: &Constant, out: &mut String) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(s) => out.push_str(s),
        Constant::Float(f) => out.push_str(&float_repr(*f, true)),
        Constant::Complex(f) => {
            out.push_str(&float_repr(*f, false));
            out.push('j');
        }
        Constant::Str(s) => repr_str(s, out),
        Constant::Bytes(b) => repr_bytes(b, out),
    }
}

/// Python's `repr(float)`: shortest round-trip digits, exponent form outside 1e-4..1e16.
pub fn float_repr(f: f64, add_dot_zero: bool) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let neg = f.is_sign_negative();
    let mut s = format!("{:e}", f.abs());
    // The shortest digits are not always the closest of that length (ties); Python
    // prints the correctly rounded ones, which exact formatting gives us.
    let ndigits = s.split_once('e').unwrap().0.chars().filter(|c| c.is_ascii_digit()).count();
    if ndigits > 1 {
        let exact = format!("{:.*e}", ndigits - 1, f.abs());
        if exact.parse::<f64>().ok() == Some(f.abs()) {
            s = exact;
        }
    }
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let decpt = exp + 1;
    let nd = digits.len() as i32;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        let e = decpt - 1;
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", e.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(&digits);
    } else if decpt >= nd {
        out.push_str(&digits);
        for _ in 0..(decpt - nd) {
            out.push('0');
        }
        if add_dot_zero {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// Decode WTF-8 (UTF-8 that may hold surrogates) into code points.
pub fn wtf8_chars(b: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            out.push(c as u32);
            i += 1;
        } else if c >= 0xF0 && i + 3 < b.len() + 0 {
            let cp = ((c as u32 & 0x07) << 18) | ((b[i + 1] as u32 & 0x3F) << 12) | ((b[i + 2] as u32 & 0x3F) << 6) | (b[i + 3] as u32 & 0x3F);
            out.push(cp);
            i += 4;
        } else if c >= 0xE0 && i + 2 < b.len() {
            let cp = ((c as u32 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
            out.push(cp);
            i += 3;
        } else if c >= 0xC0 && i + 1 < b.len() {
            let cp = ((c as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
            out.push(cp);
            i += 2;
        } else {
            out.push(0xFFFD);
            i += 1;
        }
    }
    out
}

pub fn push_wtf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.push(0xC0 | (cp >> 6) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x10000 {
        out.push(0xE0 | (cp >> 12) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else {
        out.push(0xF0 | (cp >> 18) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    }
}

/// Python's `repr(str)`.
pub fn repr_str(b: &[u8], out: &mut String) {
    use std::fmt::Write;
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let q = if has_sq && !has_dq { '"' } else { '\'' };
    out.push(q);
    let fast = b.iter().all(|&c| c < 0x80);
    let cps: Vec<u32> = if fast { b.iter().map(|&c| c as u32).collect() } else { wtf8_chars(b) };
    for cp in cps {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == q as u32 => {
                out.push('\\');
                out.push(q);
            }
            _ if cp < 0x20 || cp == 0x7F => {
                let _ = write!(out, "\\x{:02x}", cp);
            }
            _ if cp < 0x7F => out.push(cp as u8 as char),
            _ => {
                let printable = match char::from_u32(cp) {
                    Some(ch) => is_printable(ch),
                    None => false,
                };
                if printable {
                    out.push(char::from_u32(cp).unwrap());
                } else if cp <= 0xFF {
                    let _ = write!(out, "\\x{:02x}", cp);
                } else if cp <= 0xFFFF {
                    let _ = write!(out, "\\u{:04x}", cp);
                } else {
                    let _ = write!(out, "\\U{:08x}", cp);
                }
            }
        }
    }
    out.push(q);
}

/// Python's `repr(bytes)`.
pub fn repr_bytes(b: &[u8], out: &mut String) {
    use std::fmt::Write;
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let q = if has_sq && !has_dq { b'"' } else { b'\'' };
    out.push('b');
    out.push(q as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == q => {
                out.push('\\');
                out.push(q as char);
            }
            _ if c < 0x20 || c >= 0x7F => {
                let _ = write!(out, "\\x{:02x}", c);
            }
            _ => out.push(c as char),
        }
    }
    out.push(q as char);
}
