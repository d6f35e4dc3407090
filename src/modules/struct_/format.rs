//! Compiling a `struct` format string: the byte-order/size/alignment prefix (`@` native,
//! `=` native order with standard sizes, `<` little, `>`/`!` big endian), then items
//! `[count]code`. The result lists each code with its offset, element size and repeat
//! count, plus the total size and the number of values it packs.
//!
//! Integer range errors differ by code and by mode, as in CPython: native sizes (and the
//! standard little-endian sizes, which equal native ones on this little-endian host)
//! name the C type ("short format requires ..."), big-endian ones the code
//! ("'h' format requires ..."). `Rule` records which, so packing needs no table lookups.
use crate::errors::raised::{PyResult, Raised};

/// How one integer code checks its value (see the module comment).
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Rule {
    /// Converted as a C long (out of range: "argument out of range"), then checked against
    /// `min..=max`, failing with `message`.
    Long { min: i64, max: i64, message: Message },
    /// Converted as a C unsigned long (negative too: "argument out of range"), then
    /// checked against `0..=max`.
    ULong { max: u64, message: Message },
    /// 8 bytes, any signed 64-bit value ("argument out of range").
    Long64,
    /// 8 bytes, any unsigned 64-bit value ("argument out of range").
    ULong64,
    /// 8 bytes of a big-endian format ("int too large to convert").
    Huge { signed: bool },
    /// `P`: signed or unsigned 64-bit ("int too large to convert").
    Pointer,
    /// Not an integer code.
    None,
}

/// The wording of a range error: the C type's name or the format code.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Message {
    Named(&'static str),
    Code(u8),
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Order {
    Native,
    Little,
    Big,
}

/// One format code after compiling.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Code {
    pub code: u8,
    pub offset: usize,
    /// Bytes per element (`s`/`p`: the whole string).
    pub size: usize,
    /// Elements (always 1 for `s`/`p`).
    pub repeat: usize,
    pub rule: Rule,
}

/// A compiled format.
pub(crate) struct Compiled {
    /// Codes that read or write values (pad bytes are left out).
    pub codes: Vec<Code>,
    pub order: Order,
    pub size: usize,
    /// How many values `pack` takes and `unpack` returns.
    pub len: usize,
}

fn error(message: &str) -> Raised {
    super::struct_error(message)
}

/// Size and alignment of `code` (None: not a code of this mode).
fn size_align(code: u8, native: bool) -> Option<(usize, usize)> {
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' if native => 8,
        b'l' | b'L' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if matches!(code, b's' | b'p') { 1 } else { size };
    Some((size, align))
}

fn signed(bytes: usize) -> (i64, i64) {
    let bits = bytes * 8 - 1;
    (-(1i64 << bits), (1i64 << bits) - 1)
}

/// The integer rule of `code` of `size` bytes in `order`.
fn rule(code: u8, size: usize, order: Order) -> Rule {
    // Native sizes, and little-endian standard ones equal to them, use the native checks.
    let native_like = order == Order::Native || (order == Order::Little && !matches!(code, b'l' | b'L'));
    match code {
        b'b' => Rule::Long { min: -128, max: 127, message: Message::Named("byte") },
        b'B' => Rule::Long { min: 0, max: 255, message: Message::Named("ubyte") },
        b'h' if native_like => Rule::Long { min: -32768, max: 32767, message: Message::Named("short") },
        b'H' if native_like => Rule::Long { min: 0, max: 65535, message: Message::Named("ushort") },
        b'P' => Rule::Pointer,
        b'h' | b'i' | b'l' | b'q' | b'n' if size == 8 => {
            if native_like { Rule::Long64 } else { Rule::Huge { signed: true } }
        }
        b'H' | b'I' | b'L' | b'Q' | b'N' if size == 8 => {
            if native_like { Rule::ULong64 } else { Rule::Huge { signed: false } }
        }
        b'h' | b'i' | b'l' => {
            let (min, max) = signed(size);
            Rule::Long { min, max, message: Message::Code(code) }
        }
        b'H' | b'I' | b'L' => Rule::ULong { max: (1u64 << (size * 8)) - 1, message: Message::Code(code) },
        _ => Rule::None,
    }
}

/// Compiles `fmt` (ASCII bytes).
pub(crate) fn compile(fmt: &[u8]) -> PyResult<Compiled> {
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let native = order == Order::Native;
    let too_long = || error("total struct size too long");
    let mut codes = Vec::new();
    let (mut offset, mut len) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else { return Err(error("repeat count given without format specifier")) };
                if !d.is_ascii_digit() {
                    break;
                }
                n = n.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)).ok_or_else(too_long)?;
                i += 1;
            }
            count = n;
            c = body[i];
            i += 1;
        }
        let (size, align) = size_align(c, native).ok_or_else(|| error("bad char in struct format"))?;
        if native && align > 1 {
            offset = offset.checked_add(align - 1).ok_or_else(too_long)? / align * align;
        }
        let bytes = if matches!(c, b's' | b'p') { count } else { count.checked_mul(size).ok_or_else(too_long)? };
        match c {
            b'x' => {}
            b's' | b'p' => {
                codes.push(Code { code: c, offset, size: count, repeat: 1, rule: Rule::None });
                len += 1;
            }
            _ if count > 0 => {
                codes.push(Code { code: c, offset, size, repeat: count, rule: rule(c, size, order) });
                len = len.checked_add(count).ok_or_else(too_long)?;
            }
            _ => {}
        }
        offset = offset.checked_add(bytes).filter(|&o| o <= isize::MAX as usize).ok_or_else(too_long)?;
    }
    Ok(Compiled { codes, order, size: offset, len })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(f: &str) -> usize {
        compile(f.as_bytes()).ok().unwrap().size
    }

    #[test]
    fn sizes_follow_native_alignment() {
        assert_eq!(size("ci"), 8);
        assert_eq!(size("<ci"), 5);
        assert_eq!(size("c0l"), 8);
        assert_eq!(size("c 2i"), 12);
        assert_eq!(size("3sB"), 4);
        assert_eq!(size("=l"), 4);
        assert_eq!(size("l"), 8);
    }

    #[test]
    fn rules_depend_on_order() {
        let c = compile(b"<hq").ok().unwrap();
        assert_eq!(c.codes[0].rule, Rule::Long { min: -32768, max: 32767, message: Message::Named("short") });
        assert_eq!(c.codes[1].rule, Rule::Long64);
        let c = compile(b">hQ").ok().unwrap();
        assert_eq!(c.codes[0].rule, Rule::Long { min: -32768, max: 32767, message: Message::Code(b'h') });
        assert_eq!(c.codes[1].rule, Rule::Huge { signed: false });
    }
}
