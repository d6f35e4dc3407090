//! `LineTable`: a code unit's line table, kept compact. The table has about one entry per
//! two instruction words, so as plain 20-byte `LineEntry`s it was the biggest part of
//! every code object (and of the bytecode cache); here each entry is a few bytes of
//! deltas against the entry before it, with a decoded checkpoint every `BLOCK` entries so
//! that a lookup decodes at most one block.
//!
//! Entry encoding (LEB128 varints; signed values zigzag-encoded): the start's increase
//! over the previous entry's start, the line's change, `end_line - line`, the column,
//! `end_col - col`. The bytes are also the cache's encoding of the table
//! (`code_cache.rs`), so loading a cached unit only copies them: the checkpoints are made
//! on the first lookup (most code objects are never asked for a position). Decoding is
//! checked, so a damaged table gives no positions past the damage, never a panic (the
//! cache's checksum keeps damaged files out in the first place).
use std::sync::OnceLock;

use crate::code::{LineEntry, Position};

/// Entries per checkpoint.
const BLOCK: usize = 16;

/// Where block `k` (entries `k * BLOCK ..`) starts: its byte offset, the entry before it
/// (what its first delta is against) and its first entry's start (for the binary search).
#[derive(Clone, Copy, Debug)]
struct Mark {
    offset: u32,
    first_start: u32,
    prev: LineEntry,
}

#[derive(Clone, Default)]
pub struct LineTable {
    bytes: Box<[u8]>,
    len: u32,
    marks: OnceLock<Box<[Mark]>>,
}

const NO_ENTRY: LineEntry = LineEntry { start: 0, pos: Position { line: 0, end_line: 0, col: 0, end_col: 0 } };

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// Decodes entries from `bytes` (checked: a malformed table is an error, never a panic).
struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
    prev: LineEntry,
}

impl Decoder<'_> {
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn u32_from(v: i64) -> Option<u32> {
        u32::try_from(v).ok()
    }

    fn entry(&mut self) -> Option<LineEntry> {
        let p = self.prev;
        let start = p.start.checked_add(u32::try_from(self.varint()?).ok()?)?;
        let line = Self::u32_from((p.pos.line as i64).checked_add(unzigzag(self.varint()?))?)?;
        let end_line = Self::u32_from((line as i64).checked_add(unzigzag(self.varint()?))?)?;
        let col = u32::try_from(self.varint()?).ok()?;
        let end_col = Self::u32_from((col as i64).checked_add(unzigzag(self.varint()?))?)?;
        let e = LineEntry { start, pos: Position { line, end_line, col, end_col } };
        self.prev = e;
        Some(e)
    }
}

impl LineTable {
    /// The table of `entries` (their starts increasing).
    pub fn from_entries(entries: &[LineEntry]) -> LineTable {
        let mut bytes = Vec::with_capacity(entries.len() * 5);
        let mut marks = Vec::with_capacity(entries.len().div_ceil(BLOCK));
        let mut prev = NO_ENTRY;
        for (i, e) in entries.iter().enumerate() {
            if i % BLOCK == 0 {
                marks.push(Mark { offset: bytes.len() as u32, first_start: e.start, prev });
            }
            put_varint(&mut bytes, e.start.wrapping_sub(prev.start) as u64);
            put_varint(&mut bytes, zigzag(e.pos.line as i64 - prev.pos.line as i64));
            put_varint(&mut bytes, zigzag(e.pos.end_line as i64 - e.pos.line as i64));
            put_varint(&mut bytes, e.pos.col as u64);
            put_varint(&mut bytes, zigzag(e.pos.end_col as i64 - e.pos.col as i64));
            prev = *e;
        }
        LineTable { bytes: bytes.into_boxed_slice(), len: entries.len() as u32, marks: OnceLock::from(marks.into_boxed_slice()) }
    }

    /// The table whose encoding is `bytes` holding `len` entries; None when the sizes
    /// cannot match (every entry takes 5 to 50 bytes). The entries are decoded on use.
    pub fn from_encoded(bytes: &[u8], len: usize) -> Option<LineTable> {
        let fits = len.checked_mul(5).is_some_and(|min| min <= bytes.len()) && bytes.len() <= len.saturating_mul(50);
        fits.then(|| LineTable { bytes: bytes.into(), len: len as u32, marks: OnceLock::new() })
    }

    /// The checkpoints, made on first use: decoding stops at the first malformed entry or
    /// start that does not increase (the table then ends there).
    fn marks(&self) -> &[Mark] {
        self.marks.get_or_init(|| {
            let mut marks = Vec::with_capacity((self.len as usize).div_ceil(BLOCK));
            let mut d = Decoder { bytes: &self.bytes, at: 0, prev: NO_ENTRY };
            for i in 0..self.len as usize {
                let (offset, prev) = (d.at as u32, d.prev);
                let Some(e) = d.entry().filter(|e| i == 0 || e.start > prev.start) else { break };
                if i % BLOCK == 0 {
                    marks.push(Mark { offset, first_start: e.start, prev });
                }
            }
            marks.into_boxed_slice()
        })
    }

    /// The encoded entries (what `from_encoded` reads back).
    pub fn encoded(&self) -> &[u8] {
        &self.bytes
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = LineEntry> + '_ {
        let mut d = Decoder { bytes: &self.bytes, at: 0, prev: NO_ENTRY };
        (0..self.len).map_while(move |_| d.entry())
    }

    /// Position of the instruction at word index `at` (that of the last entry starting at
    /// or before it; none before the first entry).
    pub fn position(&self, at: u32) -> Position {
        let marks = self.marks();
        let k = marks.partition_point(|m| m.first_start <= at);
        if k == 0 {
            return Position::default();
        }
        let m = marks[k - 1];
        let mut d = Decoder { bytes: &self.bytes, at: m.offset as usize, prev: m.prev };
        let left = self.len as usize - (k - 1) * BLOCK;
        let mut found = Position::default();
        let mut last_start = None;
        for _ in 0..left.min(BLOCK) {
            match d.entry() {
                Some(e) if e.start <= at && last_start.is_none_or(|s| e.start > s) => {
                    found = e.pos;
                    last_start = Some(e.start);
                }
                _ => break,
            }
        }
        found
    }
}

/// The entries (whether the checkpoints are made yet is not part of the value).
impl std::fmt::Debug for LineTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl From<Vec<LineEntry>> for LineTable {
    fn from(entries: Vec<LineEntry>) -> LineTable {
        LineTable::from_entries(&entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(start: u32, line: u32, end_line: u32, col: u32, end_col: u32) -> LineEntry {
        LineEntry { start, pos: Position { line, end_line, col, end_col } }
    }

    fn sample() -> Vec<LineEntry> {
        // Lines going back and forth, positionless entries, wide columns, big jumps.
        (0..100u32)
            .map(|i| match i % 5 {
                0 => entry(i * 3, 0, 0, 0, 0),
                1 => entry(i * 3, 10 + i, 12 + i, 4, 900),
                2 => entry(i * 3, 5, 5, 300_000, 2),
                3 => entry(i * 3 + 1, 1_000_000 - i, 1_000_000, 0, 0),
                _ => entry(i * 3 + 2, 7, 7, 8, 8),
            })
            .collect()
    }

    #[test]
    fn entries_round_trip() {
        let v = sample();
        let t = LineTable::from_entries(&v);
        assert_eq!(t.len(), v.len());
        assert_eq!(t.iter().collect::<Vec<_>>(), v);
        let back = LineTable::from_encoded(t.encoded(), v.len()).expect("valid");
        assert_eq!(back.iter().collect::<Vec<_>>(), v);
    }

    #[test]
    fn position_matches_a_linear_search() {
        let v = sample();
        let t = LineTable::from_entries(&v);
        for at in 0..320 {
            let want = v.iter().rev().find(|e| e.start <= at).map_or(Position::default(), |e| e.pos);
            assert_eq!(t.position(at), want, "at {at}");
        }
        assert_eq!(LineTable::default().position(3), Position::default());
    }

    #[test]
    fn damaged_encodings_never_panic() {
        let v = sample();
        let t = LineTable::from_entries(&v);
        let b = t.encoded();
        assert!(LineTable::from_encoded(b, 1000).is_none(), "too few bytes for the count");
        assert!(LineTable::from_encoded(b, 1).is_none(), "too many bytes for the count");
        // A truncated table decodes up to the damage.
        let cut = LineTable::from_encoded(&b[..b.len() - 1], 100).expect("sizes fit");
        assert_eq!(cut.iter().collect::<Vec<_>>(), v[..99].to_vec());
        // An endless varint: no entries, no positions.
        let bad = LineTable::from_encoded(&[0x80; 12], 2).expect("sizes fit");
        assert_eq!(bad.iter().count(), 0);
        assert_eq!(bad.position(5), Position::default());
        // A start that does not increase ends the table for lookups.
        let mut twice = LineTable::from_entries(&[entry(4, 1, 1, 0, 0)]).encoded().to_vec();
        twice.extend_from_slice(&[0, 2, 0, 0, 0]);
        let t = LineTable::from_encoded(&twice, 2).expect("sizes fit");
        assert_eq!(t.position(9).line, 1);
    }
}
