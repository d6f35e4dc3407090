//! The byte format of a cached `CodeUnit` (the payload of ferropy's
//! `__pycache__/NAME.ferropy-311.pyc` files; the file header and its checks are the import
//! system's). Little-endian, length-prefixed, no pointers.
//!
//! The payload starts with a **string table**: every distinct name, variable name,
//! qualified name and string constant of the whole file, once. The code tree follows
//! (constants depth first, nested code units inside their parent's constants) and refers
//! to strings by their index (a LEB128 varint). A module's units repeat the same names
//! thousands of times; with the table a reader decodes (and the runtime interns) each
//! distinct string once per file, as marshal's back-references do for CPython.
//!
//! Reading is generic ([`Build`]): [`read`] makes a `CodeUnit` tree, and the runtime makes
//! code objects straight from the bytes without Rust copies of the names. Reading checks
//! every length and index against the data and bounds nesting, so a damaged payload is an
//! error, never a panic or a huge allocation.
use crate::code::{CodeUnit, Constant, ExceptionEntry};
use crate::line_table::LineTable;
use std::collections::HashMap;
use std::sync::Arc;

/// Bumped whenever the layout below or the meaning of the bytecode changes.
pub const FORMAT_VERSION: u32 = 3;

/// Deeper nesting of constants or code than this is treated as damage.
const MAX_DEPTH: u32 = 200;

mod tag {
    pub const NONE: u8 = 0;
    pub const ELLIPSIS: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const TRUE: u8 = 3;
    pub const INT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const COMPLEX: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const TUPLE: u8 = 9;
    pub const FROZENSET: u8 = 10;
    pub const CODE: u8 = 11;
}

/// The bytes of `unit` (and of the code units nested in its constants).
pub fn write(unit: &CodeUnit) -> Vec<u8> {
    let mut w = Writer { body: Vec::with_capacity(unit.code.len() * 4 + 256), table: Vec::new(), index: HashMap::new() };
    w.code(unit);
    let mut out = Vec::with_capacity(w.body.len() + w.table.iter().map(|s| s.len() + 2).sum::<usize>() + 4);
    out.extend_from_slice(&(w.table.len() as u32).to_le_bytes());
    for s in &w.table {
        put_varint(&mut out, s.len() as u32);
        out.extend_from_slice(s);
    }
    out.extend_from_slice(&w.body);
    out
}

/// The code unit written by [`write`]; `filename` replaces the stored file name in every
/// unit (the source may have moved since the cache was written, as CPython's
/// `_fix_co_filename` handles).
pub fn read(bytes: &[u8], filename: &str) -> Result<CodeUnit, String> {
    read_with(bytes, &mut UnitBuilder { filename })
}

/// A scalar constant, borrowed from the payload.
pub enum Scalar<'a> {
    None,
    Ellipsis,
    Bool(bool),
    /// Exact decimal digits with an optional leading '-'.
    Int(&'a str),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Bytes(&'a [u8]),
}

/// One code unit as read: the unit without its strings and constants (`names`, the
/// variable-name lists, `name`, `qualname`, `filename` and `consts` are empty), and those
/// as the builder made them (`N`: a list of names).
pub struct Parts<N, S, C> {
    pub unit: CodeUnit,
    pub consts: Vec<C>,
    pub names: N,
    pub varnames: N,
    pub cellvars: N,
    pub freevars: N,
    pub name: S,
    pub qualname: S,
}

/// One name of a list as read: its place in the string table and its bytes.
pub type NameRef<'a> = (usize, &'a [u8]);

/// What a reader makes of the payload. Table strings are WTF-8 bytes (names are UTF-8);
/// `index` is the string's place in the file's table, so a builder can make each distinct
/// string once.
pub trait Build {
    type Str;
    /// A list of names (`co_names`, the variable-name lists).
    type Names;
    type Const;
    type Code;
    type Error: From<String>;
    /// The string table holds `n` strings (called once, before any of them is used).
    fn table_len(&mut self, _n: usize) {}
    /// A table string used as a name (identifier).
    fn name(&mut self, index: usize, text: &[u8]) -> Result<Self::Str, Self::Error>;
    /// A list of names (read into a buffer the reader reuses, so no list is allocated
    /// twice).
    fn names(&mut self, items: &[NameRef<'_>]) -> Result<Self::Names, Self::Error>;
    /// A table string used as a string constant.
    fn str_const(&mut self, index: usize, text: &[u8]) -> Result<Self::Const, Self::Error>;
    fn scalar(&mut self, value: Scalar<'_>) -> Result<Self::Const, Self::Error>;
    /// A tuple (`frozen`: a frozenset) of constants.
    fn sequence(&mut self, items: Vec<Self::Const>, frozen: bool) -> Result<Self::Const, Self::Error>;
    /// A nested code unit as a constant of its parent.
    fn code_const(&mut self, code: Self::Code) -> Result<Self::Const, Self::Error>;
    fn code(&mut self, parts: Parts<Self::Names, Self::Str, Self::Const>) -> Result<Self::Code, Self::Error>;
}

/// Reads the payload written by [`write`] through `b`.
pub fn read_with<B: Build>(bytes: &[u8], b: &mut B) -> Result<B::Code, B::Error> {
    let mut r = Reader { bytes, at: 0, table: Vec::new(), scratch: Vec::new() };
    let n = r.len(1)?;
    let mut table = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.varint()? as usize;
        table.push(r.take(len)?);
    }
    r.table = table;
    b.table_len(n);
    let code = r.code(b, 0)?;
    if r.at != bytes.len() {
        return Err(String::from("trailing bytes after the code").into());
    }
    Ok(code)
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Writer<'a> {
    body: Vec<u8>,
    table: Vec<&'a [u8]>,
    index: HashMap<&'a [u8], u32>,
}

impl<'a> Writer<'a> {
    fn u8(&mut self, v: u8) {
        self.body.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.body.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.body.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.body.extend_from_slice(b);
    }
    /// A reference to `s` in the string table (added on first use).
    fn string(&mut self, s: &'a [u8]) {
        let next = self.table.len() as u32;
        let i = *self.index.entry(s).or_insert(next);
        if i == next {
            self.table.push(s);
        }
        put_varint(&mut self.body, i);
    }
    fn strings(&mut self, v: &'a [String]) {
        self.len(v.len());
        for s in v {
            self.string(s.as_bytes());
        }
    }
    fn constant(&mut self, c: &'a Constant) {
        match c {
            Constant::None => self.u8(tag::NONE),
            Constant::Ellipsis => self.u8(tag::ELLIPSIS),
            Constant::Bool(false) => self.u8(tag::FALSE),
            Constant::Bool(true) => self.u8(tag::TRUE),
            Constant::Int(digits) => {
                self.u8(tag::INT);
                self.bytes(digits.as_bytes());
            }
            Constant::Float(f) => {
                self.u8(tag::FLOAT);
                self.u64(f.to_bits());
            }
            Constant::Complex { real, imag } => {
                self.u8(tag::COMPLEX);
                self.u64(real.to_bits());
                self.u64(imag.to_bits());
            }
            Constant::Str(s) => {
                self.u8(tag::STR);
                self.string(s);
            }
            Constant::Bytes(b) => {
                self.u8(tag::BYTES);
                self.bytes(b);
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                self.u8(if matches!(c, Constant::Tuple(_)) { tag::TUPLE } else { tag::FROZENSET });
                self.len(items.len());
                for item in items.iter() {
                    self.constant(item);
                }
            }
            Constant::Code(unit) => {
                self.u8(tag::CODE);
                self.code(unit);
            }
        }
    }
    fn code(&mut self, u: &'a CodeUnit) {
        self.len(u.code.len());
        for &word in &u.code {
            self.u32(word);
        }
        self.len(u.consts.len());
        for c in &u.consts {
            self.constant(c);
        }
        for v in [&u.names, &u.varnames, &u.cellvars, &u.freevars] {
            self.strings(v);
        }
        for v in [u.argcount, u.posonlyargcount, u.kwonlyargcount, u.flags, u.firstlineno, u.stacksize] {
            self.u32(v);
        }
        self.string(u.name.as_bytes());
        self.string(u.qualname.as_bytes());
        self.len(u.lines.len());
        self.bytes(u.lines.encoded());
        self.len(u.exceptions.len());
        for e in &u.exceptions {
            for v in [e.start, e.end, e.target, e.depth] {
                self.u32(v);
            }
            self.u8(e.lasti as u8);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    table: Vec<&'a [u8]>,
    /// The names of the list being read.
    scratch: Vec<NameRef<'a>>,
}

impl<'a> Reader<'a> {
    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    #[inline]
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "truncated")?))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().map_err(|_| "truncated")?))
    }
    #[inline]
    fn varint(&mut self) -> Result<u32, String> {
        // Most string indices fit one byte.
        if let Some(&b) = self.bytes.get(self.at).filter(|&&b| b < 0x80) {
            self.at += 1;
            return Ok(b as u32);
        }
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u32).checked_shl(shift).filter(|_| shift < 28 || b <= 0x0f).ok_or("bad varint")?;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("bad varint".into())
    }
    /// A count of items at least `min_item` bytes each, checked against what is left.
    fn len(&mut self, min_item: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.bytes.len() - self.at {
            return Err("length beyond the data".into());
        }
        Ok(n)
    }
    fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.len(1)?;
        self.take(n)
    }
    /// A string-table reference: its index and bytes.
    #[inline]
    fn string(&mut self) -> Result<(usize, &'a [u8]), String> {
        let i = self.varint()? as usize;
        let s = *self.table.get(i).ok_or("string index beyond the table")?;
        Ok((i, s))
    }
    fn name<B: Build>(&mut self, b: &mut B) -> Result<B::Str, B::Error> {
        let (i, s) = self.string()?;
        b.name(i, s)
    }
    fn names<B: Build>(&mut self, b: &mut B) -> Result<B::Names, B::Error> {
        let n = self.len(1)?;
        let mut scratch = core::mem::take(&mut self.scratch);
        scratch.clear();
        for _ in 0..n {
            match self.string() {
                Ok(s) => scratch.push(s),
                Err(e) => {
                    self.scratch = scratch;
                    return Err(e.into());
                }
            }
        }
        let names = b.names(&scratch);
        self.scratch = scratch;
        names
    }
    fn constant<B: Build>(&mut self, b: &mut B, depth: u32) -> Result<B::Const, B::Error> {
        if depth > MAX_DEPTH {
            return Err(String::from("constants nested too deeply").into());
        }
        match self.u8()? {
            tag::NONE => b.scalar(Scalar::None),
            tag::ELLIPSIS => b.scalar(Scalar::Ellipsis),
            tag::FALSE => b.scalar(Scalar::Bool(false)),
            tag::TRUE => b.scalar(Scalar::Bool(true)),
            tag::INT => {
                let digits = core::str::from_utf8(self.bytes()?).map_err(|_| String::from("bad int digits"))?;
                b.scalar(Scalar::Int(digits))
            }
            tag::FLOAT => {
                let f = f64::from_bits(self.u64()?);
                b.scalar(Scalar::Float(f))
            }
            tag::COMPLEX => {
                let (real, imag) = (f64::from_bits(self.u64()?), f64::from_bits(self.u64()?));
                b.scalar(Scalar::Complex { real, imag })
            }
            tag::STR => {
                let (i, s) = self.string()?;
                b.str_const(i, s)
            }
            tag::BYTES => {
                let v = self.bytes()?;
                b.scalar(Scalar::Bytes(v))
            }
            t @ (tag::TUPLE | tag::FROZENSET) => {
                let n = self.len(1)?;
                let items = (0..n).map(|_| self.constant(b, depth + 1)).collect::<Result<Vec<_>, _>>()?;
                b.sequence(items, t == tag::FROZENSET)
            }
            tag::CODE => {
                let code = self.code(b, depth + 1)?;
                b.code_const(code)
            }
            other => Err(format!("unknown constant tag {other}").into()),
        }
    }
    fn code<B: Build>(&mut self, b: &mut B, depth: u32) -> Result<B::Code, B::Error> {
        if depth > MAX_DEPTH {
            return Err(String::from("code nested too deeply").into());
        }
        let n = self.len(4)?;
        let code = words(self.take(n * 4)?);
        let n = self.len(1)?;
        let consts = (0..n).map(|_| self.constant(b, depth + 1)).collect::<Result<Vec<_>, _>>()?;
        let (names, varnames, cellvars, freevars) = (self.names(b)?, self.names(b)?, self.names(b)?, self.names(b)?);
        let mut counts = [0u32; 6];
        for c in counts.iter_mut() {
            *c = self.u32()?;
        }
        let [argcount, posonlyargcount, kwonlyargcount, flags, firstlineno, stacksize] = counts;
        let name = self.name(b)?;
        let qualname = self.name(b)?;
        // Each entry is at least five bytes (line_table.rs).
        let n = self.len(5)?;
        let encoded = self.len(1)?;
        let lines = LineTable::from_encoded(self.take(encoded)?, n).ok_or_else(|| String::from("bad line table"))?;
        let n = self.len(17)?;
        let mut exceptions = Vec::with_capacity(n);
        for _ in 0..n {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let lasti = match self.u8()? {
                0 => false,
                1 => true,
                _ => return Err(String::from("bad exception entry").into()),
            };
            exceptions.push(ExceptionEntry { start, end, target, depth, lasti });
        }
        let unit = CodeUnit {
            code,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            firstlineno,
            stacksize,
            lines,
            exceptions,
            ..CodeUnit::default()
        };
        b.code(Parts { unit, consts, names, varnames, cellvars, freevars, name, qualname })
    }
}

/// Little-endian instruction words from their bytes (a whole number of words).
fn words(bytes: &[u8]) -> Vec<u32> {
    if cfg!(target_endian = "little") {
        let n = bytes.len() / 4;
        let mut v = Vec::<u32>::with_capacity(n);
        // SAFETY: `v` has room for `n` words, which the copy initializes (any bit pattern
        // is a u32; on a little-endian target the bytes are the words' own).
        unsafe {
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), v.as_mut_ptr() as *mut u8, n * 4);
            v.set_len(n);
        }
        v
    } else {
        bytes.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])).collect()
    }
}

/// Builds the `CodeUnit` tree ([`read`]).
struct UnitBuilder<'f> {
    filename: &'f str,
}

impl Build for UnitBuilder<'_> {
    type Str = String;
    type Names = Vec<String>;
    type Const = Constant;
    type Code = CodeUnit;
    type Error = String;
    fn name(&mut self, _: usize, text: &[u8]) -> Result<String, String> {
        String::from_utf8(text.to_vec()).map_err(|_| "a name is not UTF-8".into())
    }
    fn names(&mut self, items: &[NameRef<'_>]) -> Result<Vec<String>, String> {
        items.iter().map(|&(i, text)| self.name(i, text)).collect()
    }
    fn str_const(&mut self, _: usize, text: &[u8]) -> Result<Constant, String> {
        Ok(Constant::Str(Arc::from(text)))
    }
    fn scalar(&mut self, value: Scalar<'_>) -> Result<Constant, String> {
        Ok(match value {
            Scalar::None => Constant::None,
            Scalar::Ellipsis => Constant::Ellipsis,
            Scalar::Bool(v) => Constant::Bool(v),
            Scalar::Int(digits) => Constant::Int(digits.to_string()),
            Scalar::Float(f) => Constant::Float(f),
            Scalar::Complex { real, imag } => Constant::Complex { real, imag },
            Scalar::Bytes(b) => Constant::Bytes(Arc::from(b)),
        })
    }
    fn sequence(&mut self, items: Vec<Constant>, frozen: bool) -> Result<Constant, String> {
        Ok(if frozen { Constant::FrozenSet(Arc::from(items)) } else { Constant::Tuple(Arc::from(items)) })
    }
    fn code_const(&mut self, code: CodeUnit) -> Result<Constant, String> {
        Ok(Constant::Code(Arc::new(code)))
    }
    fn code(&mut self, p: Parts<Vec<String>, String, Constant>) -> Result<CodeUnit, String> {
        Ok(CodeUnit {
            consts: p.consts,
            names: p.names,
            varnames: p.varnames,
            cellvars: p.cellvars,
            freevars: p.freevars,
            name: p.name,
            qualname: p.qualname,
            filename: self.filename.to_string(),
            ..p.unit
        })
    }
}
