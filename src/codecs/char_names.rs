//! The Unicode name of a code point, for the `namereplace` error handler. The names come
//! from the parser crate's table (the one copy in the binary), inverted once into a sorted
//! array; CJK unified ideographs and Hangul syllables are named algorithmically.
use std::sync::OnceLock;

/// The CJK unified ideograph ranges of Unicode 14 (CPython 3.11's database).
const CJK_UNIFIED: [(u32, u32); 8] = [
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
];

fn by_code_point() -> &'static [(u32, &'static str)] {
    static TABLE: OnceLock<Vec<(u32, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<(u32, &'static str)> = ferropy_parser::string_literal::unicode_names_table()
            .lines()
            .filter_map(|l| l.split_once(';'))
            .filter_map(|(n, h)| u32::from_str_radix(h.trim(), 16).ok().map(|c| (c, n)))
            .collect();
        v.sort_unstable_by_key(|e| e.0);
        v
    })
}

fn hangul_name(c: u32) -> String {
    const L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
    const V: [&str; 21] = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
    const T: [&str; 28] = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];
    let s = (c - 0xAC00) as usize;
    format!("HANGUL SYLLABLE {}{}{}", L[s / (21 * 28)], V[(s / 28) % 21], T[s % 28])
}

/// The name `unicodedata.name` gives `c`, if it has one.
pub(crate) fn name_of(c: u32) -> Option<String> {
    if (0xAC00..=0xD7A3).contains(&c) {
        return Some(hangul_name(c));
    }
    if CJK_UNIFIED.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
        return Some(format!("CJK UNIFIED IDEOGRAPH-{c:X}"));
    }
    let t = by_code_point();
    t.binary_search_by_key(&c, |e| e.0).ok().map(|i| t[i].1.to_string())
}

#[cfg(test)]
mod tests {
    use super::name_of;

    #[test]
    fn names() {
        assert_eq!(name_of(0x20AC).as_deref(), Some("EURO SIGN"));
        assert_eq!(name_of(0x1F600).as_deref(), Some("GRINNING FACE"));
        assert_eq!(name_of(0x4E00).as_deref(), Some("CJK UNIFIED IDEOGRAPH-4E00"));
        assert_eq!(name_of(0xAC00).as_deref(), Some("HANGUL SYLLABLE GA"));
        assert_eq!(name_of(0xD7A3).as_deref(), Some("HANGUL SYLLABLE HIH"));
        assert_eq!(name_of(0), None);
        assert_eq!(name_of(0xE000), None);
    }
}
