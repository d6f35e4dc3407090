//! The byte format of a cached `CodeUnit` (the payload of ferropy's
//! `__pycache__/NAME.ferropy-311.pyc` files; the file header and its checks are the import
//! system's). Little-endian, length-prefixed, no pointers: constants are written depth
//! first, nested code units inside their parent's constants. Reading checks every length
//! against the bytes left and bounds nesting, so a damaged payload is an error, never a
//! panic or a huge allocation.
use crate::code::{CodeUnit, Constant, ExceptionEntry};
use crate::line_table::LineTable;
use std::sync::Arc;

/// Bumped whenever the layout below or the meaning of the bytecode changes.
pub const FORMAT_VERSION: u32 = 2;

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
    let mut w = Writer(Vec::with_capacity(unit.code.len() * 4 + 256));
    w.code(unit);
    w.0
}

/// The code unit written by [`write`]; `filename` replaces the stored file name in every
/// unit (the source may have moved since the cache was written, as CPython's
/// `_fix_co_filename` handles).
pub fn read(bytes: &[u8], filename: &str) -> Result<CodeUnit, String> {
    let mut r = Reader { bytes, at: 0, filename };
    let unit = r.code(0)?;
    if r.at != bytes.len() {
        return Err("trailing bytes after the code".into());
    }
    Ok(unit)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn strings(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.bytes(s.as_bytes());
        }
    }
    fn constant(&mut self, c: &Constant) {
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
                self.bytes(s);
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
    fn code(&mut self, u: &CodeUnit) {
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
        self.bytes(u.name.as_bytes());
        self.bytes(u.qualname.as_bytes());
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
    filename: &'a str,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "truncated")?))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().map_err(|_| "truncated")?))
    }
    /// A count of items at least `min_item` bytes each, checked against what is left.
    fn len(&mut self, min_item: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.bytes.len() - self.at {
            return Err("length beyond the data".into());
        }
        Ok(n)
    }
    fn bytes(&mut self) -> Result<Vec<u8>, String> {
        let n = self.len(1)?;
        Ok(self.take(n)?.to_vec())
    }
    fn string(&mut self) -> Result<String, String> {
        String::from_utf8(self.bytes()?).map_err(|_| "a name is not UTF-8".into())
    }
    fn strings(&mut self) -> Result<Vec<String>, String> {
        let n = self.len(4)?;
        (0..n).map(|_| self.string()).collect()
    }
    fn constant(&mut self, depth: u32) -> Result<Constant, String> {
        if depth > MAX_DEPTH {
            return Err("constants nested too deeply".into());
        }
        Ok(match self.u8()? {
            tag::NONE => Constant::None,
            tag::ELLIPSIS => Constant::Ellipsis,
            tag::FALSE => Constant::Bool(false),
            tag::TRUE => Constant::Bool(true),
            tag::INT => Constant::Int(self.string()?),
            tag::FLOAT => Constant::Float(f64::from_bits(self.u64()?)),
            tag::COMPLEX => Constant::Complex { real: f64::from_bits(self.u64()?), imag: f64::from_bits(self.u64()?) },
            tag::STR => Constant::Str(Arc::from(self.bytes()?)),
            tag::BYTES => Constant::Bytes(Arc::from(self.bytes()?)),
            t @ (tag::TUPLE | tag::FROZENSET) => {
                let n = self.len(1)?;
                let items = (0..n).map(|_| self.constant(depth + 1)).collect::<Result<Vec<_>, _>>()?;
                if t == tag::TUPLE { Constant::Tuple(Arc::from(items)) } else { Constant::FrozenSet(Arc::from(items)) }
            }
            tag::CODE => Constant::Code(Arc::new(self.code(depth + 1)?)),
            other => return Err(format!("unknown constant tag {other}")),
        })
    }
    fn code(&mut self, depth: u32) -> Result<CodeUnit, String> {
        if depth > MAX_DEPTH {
            return Err("code nested too deeply".into());
        }
        let n = self.len(4)?;
        let code = self.take(n * 4)?.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])).collect();
        let n = self.len(1)?;
        let consts = (0..n).map(|_| self.constant(depth + 1)).collect::<Result<Vec<_>, _>>()?;
        let (names, varnames, cellvars, freevars) = (self.strings()?, self.strings()?, self.strings()?, self.strings()?);
        let mut counts = [0u32; 6];
        for c in counts.iter_mut() {
            *c = self.u32()?;
        }
        let [argcount, posonlyargcount, kwonlyargcount, flags, firstlineno, stacksize] = counts;
        let name = self.string()?;
        let qualname = self.string()?;
        // Each entry is at least five bytes (line_table.rs).
        let n = self.len(5)?;
        let encoded = self.len(1)?;
        let lines = LineTable::from_encoded(self.take(encoded)?, n).ok_or("bad line table")?;
        let n = self.len(17)?;
        let mut exceptions = Vec::with_capacity(n);
        for _ in 0..n {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let lasti = match self.u8()? {
                0 => false,
                1 => true,
                _ => return Err("bad exception entry".into()),
            };
            exceptions.push(ExceptionEntry { start, end, target, depth, lasti });
        }
        Ok(CodeUnit {
            code,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            firstlineno,
            name,
            qualname,
            filename: self.filename.to_string(),
            stacksize,
            lines,
            exceptions,
        })
    }
}
