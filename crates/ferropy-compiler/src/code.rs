//! `CodeUnit`: everything the eval loop needs to build a code object, as plain Rust.

use crate::opcode::Op;
use std::sync::Arc as Rc;

/// CO_* flags (CPython 3.11 values).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const FUTURE_ANNOTATIONS: u32 = 0x1000000;
}

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    /// Exact decimal digits with an optional leading '-' (ints are unbounded).
    Int(String),
    Float(f64),
    Complex { real: f64, imag: f64 },
    /// WTF-8 (lone surrogates representable), as the parser gives it.
    Str(Rc<[u8]>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeUnit>),
}

impl Constant {
    /// Identity for the constant pool: equal only if interchangeable (type-exact, and
    /// floats by bits so that 0.0 and -0.0 stay apart).
    pub fn same(&self, o: &Constant) -> bool {
        use Constant::*;
        match (self, o) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { real: a, imag: b }, Complex { real: c, imag: d }) => a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits(),
            (Str(a), Str(b)) | (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same(y)),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A hash agreeing with `same` (equal when `same` is true), for the constant pool.
    pub fn pool_hash(&self) -> u64 {
        use std::hash::Hasher;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash_into(&mut h);
        h.finish()
    }

    fn hash_into(&self, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        use Constant::*;
        core::mem::discriminant(self).hash(h);
        match self {
            None | Ellipsis => {}
            Bool(b) => b.hash(h),
            Int(s) => s.hash(h),
            Float(f) => f.to_bits().hash(h),
            Complex { real, imag } => (real.to_bits(), imag.to_bits()).hash(h),
            Str(s) | Bytes(s) => s.hash(h),
            Tuple(t) | FrozenSet(t) => {
                t.len().hash(h);
                for k in t.iter() {
                    k.hash_into(h);
                }
            }
            Code(c) => (Rc::as_ptr(c) as usize).hash(h),
        }
    }

    /// Truth value, for folding `if`/`while` on constants.
    pub fn truthy(&self) -> Option<bool> {
        use Constant::*;
        Some(match self {
            None => false,
            Ellipsis => true,
            Bool(b) => *b,
            Int(s) => s.trim_start_matches('-').trim_start_matches('0') != "",
            Float(f) => *f != 0.0,
            Complex { real, imag } => *real != 0.0 || *imag != 0.0,
            Str(s) | Bytes(s) => !s.is_empty(),
            Tuple(t) | FrozenSet(t) => !t.is_empty(),
            Code(_) => return Option::None,
        })
    }

    /// Python-like repr for the disassembler.
    pub fn repr(&self) -> String {
        use Constant::*;
        match self {
            None => "None".into(),
            Ellipsis => "Ellipsis".into(),
            Bool(b) => if *b { "True".into() } else { "False".into() },
            Int(s) => s.clone(),
            Float(f) => float_repr(*f),
            Complex { real, imag } => {
                // complex repr drops the ".0" of integral parts.
                let part = |f: f64| {
                    let s = float_repr(f);
                    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
                };
                if *real == 0.0 && real.is_sign_positive() {
                    format!("{}j", part(*imag))
                } else {
                    let im = part(*imag);
                    let sign = if im.starts_with('-') { "" } else { "+" };
                    format!("({}{}{}j)", part(*real), sign, im)
                }
            }
            Str(s) => py_repr(&String::from_utf8_lossy(s).chars().map(|c| c as u32).collect::<Vec<_>>(), ""),
            Bytes(b) => py_repr(&b.iter().map(|&c| c as u32).collect::<Vec<_>>(), "b"),
            Tuple(t) => {
                let items: Vec<String> = t.iter().map(|c| c.repr()).collect();
                if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) }
            }
            FrozenSet(t) => format!("frozenset({{{}}})", t.iter().map(|c| c.repr()).collect::<Vec<_>>().join(", ")),
            Code(c) => format!("<code object {} line {}>", c.name, c.firstlineno),
        }
    }
}

/// Python's repr of a str (code points) or bytes (`prefix` "b").
fn py_repr(cs: &[u32], prefix: &str) -> String {
    let q = if cs.contains(&('\'' as u32)) && !cs.contains(&('"' as u32)) { '"' } else { '\'' };
    let mut out = String::from(prefix);
    out.push(q);
    for &c in cs {
        match char::from_u32(c) {
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some(ch) if ch == q => {
                out.push('\\');
                out.push(ch);
            }
            Some(ch) if (' '..='~').contains(&ch) || (prefix.is_empty() && c > 0xa0 && !ch.is_control()) => out.push(ch),
            _ if c < 0x100 => out.push_str(&format!("\\x{:02x}", c)),
            _ if c < 0x10000 => out.push_str(&format!("\\u{:04x}", c)),
            _ => out.push_str(&format!("\\U{:08x}", c)),
        }
    }
    out.push(q);
    out
}

/// Python's float repr: shortest round-trip digits, positional for exponents -4..16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{:e}", f);
    let (mant, exp) = sci.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let s = format!("{}", f);
        if s.contains('.') { s } else { s + ".0" }
    } else {
        format!("{}e{}{:02}", mant, if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// Source span of an instruction (1-based lines, 0-based UTF-8 byte columns as in the
/// AST; `line == 0` means "no position", as for artificial instructions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One run of the line table: instructions from `start` (a word index) up to the next
/// entry's start have this position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEntry {
    pub start: u32,
    pub pos: Position,
}

/// Zero-cost `try`: an exception raised by an instruction in `start..end` (word
/// indices) pops the value stack to `depth`, pushes the offset of the raising
/// instruction if `lasti`, pushes the exception, and continues at `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

#[derive(Clone, Debug, Default)]
pub struct CodeUnit {
    /// Instruction words: `op | arg << 8`, cache words zero.
    pub code: Vec<u32>,
    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub stacksize: u32,
    pub lines: crate::line_table::LineTable,
    pub exceptions: Vec<ExceptionEntry>,
}

/// One decoded instruction.
#[derive(Clone, Copy, Debug)]
pub struct Decoded {
    /// Index of the first word (an `EXTENDED_ARG` prefix, if any).
    pub start: u32,
    /// Index of the opcode word itself.
    pub at: u32,
    pub op: Op,
    pub arg: u32,
}

/// Decode instruction words, folding `EXTENDED_ARG` prefixes and skipping caches (the
/// runtime keeps a code object's words without the rest of its unit).
pub fn decode_words(code: &[u32]) -> Result<Vec<Decoded>, String> {
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut ext: u32 = 0;
    let mut start = 0u32;
    let mut in_ext = false;
    while i < code.len() {
        let w = code[i];
        let op = Op::from_u8((w & 0xff) as u8).ok_or_else(|| format!("bad opcode {} at {}", w & 0xff, i))?;
        if !in_ext {
            start = i as u32;
        }
        let arg = (ext << 24) | (w >> 8);
        if op == Op::EXTENDED_ARG {
            ext = arg;
            in_ext = true;
            i += 1;
            continue;
        }
        if op == Op::CACHE || op.is_pseudo() {
            return Err(format!("{} outside an instruction at {}", op.name(), i));
        }
        out.push(Decoded { start, at: i as u32, op, arg });
        ext = 0;
        in_ext = false;
        i += 1 + op.cache_words() as usize;
        if i > code.len() {
            return Err(format!("cache words of {} run past the end", op.name()));
        }
    }
    if in_ext {
        return Err("EXTENDED_ARG at the end".into());
    }
    Ok(out)
}

impl CodeUnit {
    /// Decode the instruction stream, folding `EXTENDED_ARG` prefixes and skipping caches.
    pub fn instructions(&self) -> Result<Vec<Decoded>, String> {
        decode_words(&self.code)
    }

    /// Position of the instruction at word index `at`.
    pub fn position(&self, at: u32) -> Position {
        self.lines.position(at)
    }

    /// The handler covering word index `at`, if any (innermost entries come first).
    pub fn handler(&self, at: u32) -> Option<&ExceptionEntry> {
        self.exceptions.iter().find(|e| e.start <= at && at < e.end)
    }

    /// Index into the cell+free slots -> name.
    pub fn deref_name(&self, i: u32) -> &str {
        let i = i as usize;
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            self.freevars.get(i - self.cellvars.len()).map_or("?", |s| s.as_str())
        }
    }
}
