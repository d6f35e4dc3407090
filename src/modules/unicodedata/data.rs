//! Per-code-point lookups in the generated tables, for the current database (Unicode
//! 14.0.0) or Unicode 3.2.0 (the current data with the 3.2.0 deltas applied on top).
use super::tables as t;

/// The properties a code point shares with others (one record per distinct combination).
pub(crate) struct Props {
    pub(crate) category: u8,
    pub(crate) bidirectional: u8,
    pub(crate) combining: u8,
    pub(crate) east_asian_width: u8,
    /// `MIRRORED` and the `QC_*` bits (the code point is "Yes" for that form's quick check).
    pub(crate) flags: u8,
}

/// The Unicode 3.2.0 properties of a code point whose properties changed since.
pub(crate) struct OldRecord {
    pub(crate) category: u8,
    pub(crate) bidirectional: u8,
    pub(crate) combining: u8,
    pub(crate) east_asian_width: u8,
    pub(crate) mirrored: bool,
    /// -1 when the code point has no such value.
    pub(crate) decimal: i8,
    pub(crate) digit: i8,
}

/// Which database a query reads: the module's own or `ucd_3_2_0`'s.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    Current,
    V3_2_0,
}

/// `index2[index1[cp >> shift] << shift | cp & mask]`.
#[inline]
fn two_level<A: Copy + Into<usize>, B: Copy + Into<usize>>(index1: &[A], index2: &[B], shift: u32, cp: u32) -> usize {
    let block: usize = index1[(cp >> shift) as usize].into();
    index2[(block << shift) | (cp & ((1 << shift) - 1)) as usize].into()
}

#[inline]
pub(crate) fn props(cp: u32) -> &'static Props {
    &t::PROPS[two_level(&t::PROP_INDEX1, &t::PROP_INDEX2, t::PROP_SHIFT, cp)]
}

/// The 3.2.0 record of `cp` when its properties differ there.
#[inline]
pub(crate) fn old_record(cp: u32) -> Option<&'static OldRecord> {
    match two_level(&t::OLD_INDEX1, &t::OLD_INDEX2, t::OLD_SHIFT, cp) {
        0 => None,
        i => Some(&t::OLD_RECORDS[i]),
    }
}

impl Version {
    fn old(self, cp: u32) -> Option<&'static OldRecord> {
        if self == Version::V3_2_0 {
            old_record(cp)
        } else {
            None
        }
    }

    pub(crate) fn category(self, cp: u32) -> &'static str {
        t::CATEGORIES[self.old(cp).map_or(props(cp).category, |o| o.category) as usize]
    }

    pub(crate) fn bidirectional(self, cp: u32) -> &'static str {
        t::BIDIRECTIONAL[self.old(cp).map_or(props(cp).bidirectional, |o| o.bidirectional) as usize]
    }

    pub(crate) fn east_asian_width(self, cp: u32) -> &'static str {
        t::EAST_ASIAN_WIDTHS[self.old(cp).map_or(props(cp).east_asian_width, |o| o.east_asian_width) as usize]
    }

    #[inline]
    pub(crate) fn combining(self, cp: u32) -> u8 {
        self.old(cp).map_or(props(cp).combining, |o| o.combining)
    }

    pub(crate) fn mirrored(self, cp: u32) -> bool {
        self.old(cp).map_or(props(cp).flags & t::MIRRORED != 0, |o| o.mirrored)
    }

    /// The character did not exist in this version (only 3.2.0 has such characters that
    /// the current database knows): no name, decomposition or numeric value.
    pub(crate) fn unassigned(self, cp: u32) -> bool {
        self.old(cp).is_some_and(|o| t::CATEGORIES[o.category as usize] == "Cn")
    }

    pub(crate) fn decimal(self, cp: u32) -> Option<i32> {
        let v = self.old(cp).map_or_else(|| crate::objects::unicode_db::decimal(cp), |o| o.decimal as i32);
        (v >= 0).then_some(v)
    }

    pub(crate) fn digit(self, cp: u32) -> Option<i32> {
        let v = self.old(cp).map_or_else(|| crate::objects::unicode_db::digit(cp), |o| o.digit as i32);
        (v >= 0).then_some(v)
    }

    pub(crate) fn numeric(self, cp: u32) -> Option<f64> {
        if self.unassigned(cp) {
            return None;
        }
        let v = crate::objects::unicode_db::numeric(cp);
        (v != -1.0).then_some(v)
    }

    /// The decomposition mapping: its tag ("" for canonical) and code points.
    pub(crate) fn decomposition(self, cp: u32) -> Option<(&'static str, &'static [u32])> {
        if self.unassigned(cp) {
            return None;
        }
        match two_level(&t::DECOMP_INDEX1, &t::DECOMP_INDEX2, t::DECOMP_SHIFT, cp) {
            0 => None,
            at => {
                let head = t::DECOMP_DATA[at];
                let len = (head & 0xFF) as usize;
                Some((t::DECOMP_TAGS[(head >> 8) as usize], &t::DECOMP_DATA[at + 1..at + 1 + len]))
            }
        }
    }

    /// The singleton decomposition 3.2.0 had before a corrigendum changed it.
    pub(crate) fn corrected(self, cp: u32) -> Option<u32> {
        if self != Version::V3_2_0 {
            return None;
        }
        t::OLD_CORRECTIONS.iter().find(|e| e.0 == cp).map(|e| e.1)
    }
}

/// The canonical composition of the pair, if any (primary composites only).
pub(crate) fn compose_pair(first: u32, second: u32) -> Option<u32> {
    t::COMPOSITIONS.binary_search_by(|e| (e.0, e.1).cmp(&(first, second))).ok().map(|i| t::COMPOSITIONS[i].2)
}

/// Named character sequences, for `lookup` (current version only).
pub(crate) fn named_sequence(name: &str) -> Option<&'static [u32]> {
    t::NAMED_SEQUENCES.iter().find(|e| e.0.eq_ignore_ascii_case(name)).map(|e| e.1)
}
