//! String and bytes literal tokens -> values: prefixes, escapes, `\N{...}`, implicit
//! concatenation, and the hand-off of f-string tokens to `fstring`.

use crate::ast::{Constant, Kind, Loc, Node, Value};
use crate::dump::push_wtf8;
use crate::parser::{PResult, Parser};
use crate::tokenizer::{Tok, Token};

pub struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    pub unicode: bool,
    /// Length of the prefix and of the quote (1 or 3).
    pub plen: usize,
    pub qlen: usize,
}

pub fn prefix(text: &str) -> Prefix {
    let b = text.as_bytes();
    let mut p = Prefix { raw: false, bytes: false, fstring: false, unicode: false, plen: 0, qlen: 1 };
    let mut i = 0;
    while i < b.len() && b[i] != b'\'' && b[i] != b'"' {
        match b[i] {
            b'r' | b'R' => p.raw = true,
            b'b' | b'B' => p.bytes = true,
            b'f' | b'F' => p.fstring = true,
            // only a lower-case u gives kind='u' (CPython checks the first character)
            b'u' => p.unicode = true,
            b'U' => {}
            _ => {}
        }
        i += 1;
    }
    p.plen = i;
    if b.len() >= i + 6 && b[i + 1] == b[i] && b[i + 2] == b[i] {
        p.qlen = 3;
    }
    p
}

/// Identifiers are NFKC-normalised by CPython.  We map character by character with the
/// generated table (exact for identifiers in practice; full NFKC composition is not done).
pub fn nfkc_identifier(s: &str) -> String {
    let t = crate::unicode_tables::NFKC;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 0x80 {
            out.push(c);
            continue;
        }
        match t.binary_search_by_key(&(c as u32), |e| e.0) {
            Ok(i) => out.push_str(t[i].1),
            Err(_) => out.push(c),
        }
    }
    out
}

static NAMES: &str = include_str!("unicode_names.txt");
/// Formal name aliases ("NAME;HEX", from tools/gen_unicodedata_tables.py): `\N{...}` and
/// `unicodedata.lookup` accept them; `unicodedata.name` never gives them.
static ALIASES: &str = include_str!("unicode_name_aliases.txt");

/// The CJK unified ideograph ranges of Unicode 14 (CPython 3.11's database), whose names
/// are "CJK UNIFIED IDEOGRAPH-XXXX".
pub const CJK_UNIFIED_RANGES: [(u32, u32); 8] = [
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
];

/// The code point of a character name or alias. Names and aliases match in any case; the
/// algorithmic CJK ideograph and Hangul syllable names only in upper case (as CPython).
pub fn lookup_name(name: &str) -> Option<u32> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static MAP: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        return CJK_UNIFIED_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)).then_some(cp);
    }
    if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
        return hangul_syllable(rest);
    }
    // Built once: the "NAME;HEX" lines of the generated tables.
    let map = MAP.get_or_init(|| {
        NAMES.lines().chain(ALIASES.lines()).filter_map(|l| l.split_once(';')).filter_map(|(n, h)| u32::from_str_radix(h, 16).ok().map(|c| (n, c))).collect()
    });
    map.get(name.to_ascii_uppercase().as_str()).copied()
}

const JAMO_L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T: [&str; 28] = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

/// The name of a precomposed Hangul syllable (U+AC00..U+D7A3), from its jamo short names.
pub fn hangul_syllable_name(cp: u32) -> Option<String> {
    let s = cp.checked_sub(0xAC00).filter(|&s| s < 11172)? as usize;
    Some(format!("HANGUL SYLLABLE {}{}{}", JAMO_L[s / (21 * 28)], JAMO_V[(s / 28) % 21], JAMO_T[s % 28]))
}

/// Hangul syllable names are algorithmic (Unicode ch. 3.12): L + V + T jamo short names.
fn hangul_syllable(s: &str) -> Option<u32> {
    // Every split is tried, then the whole name must be consumed.
    for (li, l) in JAMO_L.iter().enumerate() {
        if let Some(r1) = s.strip_prefix(l) {
            for (vi, v) in JAMO_V.iter().enumerate() {
                if let Some(r2) = r1.strip_prefix(v) {
                    for (ti, t) in JAMO_T.iter().enumerate() {
                        if r2 == *t {
                            return Some(0xAC00 + ((li * 21 + vi) * 28 + ti) as u32);
                        }
                    }
                }
            }
        }
    }
    None
}

/// Decode backslash escapes.  Err(msg) for CPython's "(unicode error) ..." cases;
/// Ok(Some(msg)): the DeprecationWarning for the first invalid escape.
pub fn decode_escapes(s: &str, bytes: bool, out: &mut Vec<u8>) -> Result<Option<String>, String> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut warning = None;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            // copy a run
            let st = i;
            while i < b.len() && b[i] != b'\\' {
                i += 1;
            }
            out.extend_from_slice(&b[st..i]);
            continue;
        }
        let pos = i;
        i += 1;
        if i >= b.len() {
            out.push(b'\\');
            break;
        }
        let e = b[i];
        i += 1;
        let codec = if bytes { "" } else { "(unicode error) 'unicodeescape' codec can't decode bytes in position " };
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                if v > 0o377 && warning.is_none() {
                    warning = Some(format!("invalid octal escape sequence '\\{}'", &s[pos + 1..i]));
                }
                if bytes {
                    out.push((v & 0xFF) as u8);
                } else {
                    push_wtf8(out, v);
                }
            }
            b'x' | b'u' | b'U' if !(bytes && e != b'x') => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                let mut k = 0;
                while k < n && i < b.len() && (b[i] as char).is_ascii_hexdigit() {
                    v = v * 16 + (b[i] as char).to_digit(16).unwrap();
                    i += 1;
                    k += 1;
                }
                if k < n {
                    let what = match e {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    if bytes {
                        return Err(format!("(value error) invalid \\x escape at position {}", pos));
                    }
                    return Err(format!("{}{}-{}: {}", codec, pos, i - 1, what));
                }
                if bytes {
                    out.push(v as u8);
                } else {
                    if v > 0x10FFFF {
                        return Err(format!("{}{}-{}: illegal Unicode character", codec, pos, i - 1));
                    }
                    push_wtf8(out, v);
                }
            }
            b'N' if !bytes => {
                if i < b.len() && b[i] == b'{' {
                    if let Some(end) = s[i..].find('}') {
                        let name = &s[i + 1..i + end];
                        if let Some(cp) = lookup_name(name) {
                            push_wtf8(out, cp);
                            i += end + 1;
                            continue;
                        }
                        return Err(format!("{}{}-{}: unknown Unicode character name", codec, pos, i + end));
                    }
                }
                return Err(format!("{}{}-{}: malformed \\N character escape", codec, pos, i - 1));
            }
            _ => {
                // Unknown escape: kept verbatim, with a DeprecationWarning (ASCII only, as
                // CPython).
                if warning.is_none() && e < 128 {
                    warning = Some(format!("invalid escape sequence '\\{}'", e as char));
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(warning)
}

pub enum Part {
    Lit(Vec<u8>),
    Expr(Node),
}

impl<'a> Parser<'a> {
    /// One or more adjacent string tokens.
    pub(crate) fn strings(&mut self) -> PResult<Node> {
        let first = self.pos;
        while self.peek() == Tok::String {
            self.bump();
        }
        let toks: Vec<Token> = self.toks[first..self.pos].to_vec();
        let last = *toks.last().unwrap();
        let loc = Loc { lineno: toks[0].line, col: toks[0].col, end_lineno: last.end_line, end_col: last.end_col };
        let prefixes: Vec<Prefix> = toks.iter().map(|t| prefix(self.text(t))).collect();
        let any_bytes = prefixes.iter().any(|p| p.bytes);
        let all_bytes = prefixes.iter().all(|p| p.bytes);
        if any_bytes && !all_bytes {
            let l = self.last_seen();
            return Err(self.err_tok("cannot mix bytes and nonbytes literals", &l));
        }
        let kind = if prefixes[0].unicode { Value::Str("u".into()) } else { Value::None };
        let any_f = prefixes.iter().any(|p| p.fstring);
        if !any_f {
            let mut out = Vec::new();
            for (t, p) in toks.iter().zip(&prefixes) {
                self.decode_token(t, p, &mut out)?;
            }
            let c = if all_bytes { Constant::Bytes(out) } else { Constant::Str(out) };
            return Ok(Node::new(Kind::Constant, loc, vec![Value::Const(c), kind]));
        }
        let mut parts: Vec<Part> = Vec::new();
        for (t, p) in toks.iter().zip(&prefixes) {
            if p.fstring {
                let text = self.text(t);
                let body_start = t.start as usize + p.plen + p.qlen;
                let body = &text[p.plen + p.qlen..text.len() - p.qlen];
                self.fstring_body(body, body_start, t, p.raw, 0, &mut parts)?;
            } else {
                let mut out = Vec::new();
                self.decode_token(t, p, &mut out)?;
                parts.push(Part::Lit(out));
            }
        }
        let values = merge_parts(parts, loc);
        Ok(Node::new(Kind::JoinedStr, loc, vec![Value::List(values)]))
    }

    fn decode_token(&self, t: &Token, p: &Prefix, out: &mut Vec<u8>) -> PResult<()> {
        let text = self.text(t);
        let body = &text[p.plen + p.qlen..text.len() - p.qlen];
        if p.bytes && !body.is_ascii() {
            return Err(self.err_tok("bytes can only contain ASCII literal characters", t));
        }
        if p.raw || !body.contains('\\') {
            out.extend_from_slice(body.as_bytes());
            return Ok(());
        }
        let warning = decode_escapes(body, p.bytes, out).map_err(|m| {
            let l = self.last_seen();
            self.err_tok(&m, &l)
        })?;
        if let Some(w) = warning {
            self.warn_deprecated(w, t);
        }
        Ok(())
    }

    /// Record a DeprecationWarning at token `t` (backtracking may find it twice: the
    /// parser keeps one per position and message).
    pub(crate) fn warn_deprecated(&self, message: String, t: &Token) {
        let loc = Loc { lineno: t.line, col: t.col, end_lineno: t.end_line, end_col: t.end_col };
        let w = crate::warning::Warning::new(crate::warning::Category::DeprecationWarning, message, loc);
        let mut ws = self.warnings.borrow_mut();
        if !ws.contains(&w) {
            ws.push(w);
        }
    }
}

/// Merge adjacent literal parts, drop empty ones, stamp the whole string's location.
pub fn merge_parts(parts: Vec<Part>, loc: Loc) -> Vec<Value> {
    let mut values = Vec::new();
    let mut lit: Vec<u8> = Vec::new();
    for p in parts {
        match p {
            Part::Lit(s) => lit.extend_from_slice(&s),
            Part::Expr(mut n) => {
                if !lit.is_empty() {
                    values.push(Value::node(Node::new(Kind::Constant, loc, vec![Value::Const(Constant::Str(std::mem::take(&mut lit))), Value::None])));
                }
                stamp(&mut n, loc);
                values.push(Value::node(n));
            }
        }
    }
    if !lit.is_empty() {
        values.push(Value::node(Node::new(Kind::Constant, loc, vec![Value::Const(Constant::Str(lit)), Value::None])));
    }
    values
}

/// FormattedValues and their format specs all carry the whole literal's location (3.11).
pub(crate) fn stamp(n: &mut Node, loc: Loc) {
    n.loc = loc;
    if n.kind == Kind::FormattedValue {
        // A format spec keeps its own string token's location, and so do its values --
        // unless it has fields, in which case they get the whole literal's (3.11).
        if let Some(Value::Node(spec)) = n.fields.get_mut(2) {
            if let Value::List(vs) = &mut spec.fields[0] {
                if vs.iter().any(|v| matches!(v, Value::Node(c) if c.kind == Kind::FormattedValue)) {
                    for v in vs {
                        if let Value::Node(c) = v {
                            stamp(c, loc);
                        }
                    }
                }
            }
        }
    } else if n.kind == Kind::JoinedStr {
        if let Value::List(vs) = &mut n.fields[0] {
            for v in vs {
                if let Value::Node(c) = v {
                    stamp(c, loc);
                }
            }
        }
    }
}

/// The generated "NAME;HEX" table of Unicode character names (without the algorithmic CJK
/// ideograph and Hangul syllable names), for the `namereplace` codec error handler.
pub fn unicode_names_table() -> &'static str {
    NAMES
}
