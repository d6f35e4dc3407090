//! CPython 3.11's location table format (`co_linetable`, described in CPython's
//! Objects/locations.md), read when a code object was given one by `code.replace`: then
//! `co_positions()` and `co_lines()` follow that table, as CPython's do, instead of our
//! compiler's positions. An entry cut short reads zeros past the end (never past memory).
use crate::objects::code::PyCodeObject;

/// One entry: `units` 2-byte code units with one position (line None: no location).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub units: u32,
    pub line: Option<i64>,
    pub end_line: Option<i64>,
    pub col: Option<i64>,
    pub end_col: Option<i64>,
}

/// `_co_linearray_entry_size` (unused otherwise here) marks a code object whose
/// `co_linetable` is a CPython-format table to read.
const GIVEN_MARK: core::ffi::c_short = -1;

/// Marks `co`'s `co_linetable` as the table its positions come from.
///
/// # Safety
/// `co` is a live code object.
pub(crate) unsafe fn mark_given(co: *mut PyCodeObject) {
    (*co)._co_linearray_entry_size = GIVEN_MARK;
}

/// Whether `co`'s positions come from its `co_linetable` (see `mark_given`).
///
/// # Safety
/// `co` is a live code object.
pub(crate) unsafe fn is_given(co: *mut PyCodeObject) -> bool {
    (*co)._co_linearray_entry_size == GIVEN_MARK
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// The next byte; past the end, 0 (as CPython reads a cut table's NUL terminator).
    fn byte(&mut self) -> Option<u8> {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        Some(b)
    }

    /// 6 bits a byte, least significant first; bit 6 says another byte follows.
    fn varint(&mut self) -> Option<i64> {
        let mut b = self.byte()?;
        let mut value = (b & 63) as i64;
        let mut shift = 0;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift > 56 {
                return None;
            }
            value |= ((b & 63) as i64) << shift;
        }
        Some(value)
    }

    /// A varint whose lowest bit is the sign.
    fn svarint(&mut self) -> Option<i64> {
        let v = self.varint()?;
        Some(if v & 1 != 0 { -(v >> 1) } else { v >> 1 })
    }

    /// The next entry; `line` is the line the previous entries left.
    fn entry(&mut self, line: &mut i64) -> Option<Entry> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let first = self.byte()?;
        let code = (first >> 3) & 15;
        let units = (first & 7) as u32 + 1;
        let at = |l: i64, el: i64, c: Option<i64>, ec: Option<i64>| Entry { units, line: Some(l), end_line: Some(el), col: c, end_col: ec };
        Some(match code {
            15 => Entry { units, line: None, end_line: None, col: None, end_col: None },
            14 => {
                *line = line.saturating_add(self.svarint()?);
                let end_line = line.saturating_add(self.varint()?);
                // Columns are stored plus one, 0 meaning none.
                let col = self.varint()? - 1;
                let end_col = self.varint()? - 1;
                at(*line, end_line, (col >= 0).then_some(col), (end_col >= 0).then_some(end_col))
            }
            13 => {
                *line = line.saturating_add(self.svarint()?);
                at(*line, *line, None, None)
            }
            10..=12 => {
                *line = line.saturating_add((code - 10) as i64);
                let (col, end_col) = (self.byte()? as i64, self.byte()? as i64);
                at(*line, *line, Some(col), Some(end_col))
            }
            _ => {
                let b = self.byte()?;
                let col = code as i64 * 8 + ((b >> 4) & 7) as i64;
                at(*line, *line, Some(col), Some(col + (b & 15) as i64))
            }
        })
    }
}

/// The entries of `table`, the first line being `firstlineno`.
pub(crate) fn entries(table: &[u8], firstlineno: i64) -> Vec<Entry> {
    let mut reader = Reader { bytes: table, at: 0 };
    let mut line = firstlineno;
    let mut out = Vec::new();
    while let Some(e) = reader.entry(&mut line) {
        out.push(e);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_one_line_long_and_none_forms() {
        // 3.11's table for `def f(x):\n    return x+1` (first line 1).
        let t = b"\x80\x00\xd8\x0b\x0c\x88Q\x893\x80J";
        let e = entries(t, 1);
        assert_eq!(e.len(), 5);
        assert_eq!(e[0], Entry { units: 1, line: Some(1), end_line: Some(1), col: Some(0), end_col: Some(0) });
        assert_eq!(e[1], Entry { units: 1, line: Some(2), end_line: Some(2), col: Some(11), end_col: Some(12) });
        assert_eq!(e[3].units, 2);
        let none = entries(b"\xf8", 5);
        assert_eq!(none, vec![Entry { units: 1, line: None, end_line: None, col: None, end_col: None }]);
        // Long form: line +2, end line +1, columns 3..7 (stored plus one), 2 units.
        let long = entries(&[0xf1, 4, 1, 4, 8], 10);
        assert_eq!(long, vec![Entry { units: 2, line: Some(12), end_line: Some(13), col: Some(3), end_col: Some(7) }]);
        // Cut short: zeros past the end (columns none), no panic.
        assert_eq!(entries(&[0xf1, 4, 1], 10), vec![Entry { units: 2, line: Some(12), end_line: Some(13), col: None, end_col: None }]);
        assert_eq!(entries(&[0xf1, 0x7f], 10).len(), 1);
    }
}
