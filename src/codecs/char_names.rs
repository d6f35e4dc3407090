//! The Unicode name of a code point, for the `namereplace` error handler. The names come
//! from the parser crate's table (the one copy in the binary), inverted once into a sorted
//! array; CJK unified ideographs and Hangul syllables are named algorithmically.
use std::sync::OnceLock;

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

/// The name `unicodedata.name` gives `c`, if it has one.
pub(crate) fn name_of(c: u32) -> Option<String> {
    if let Some(name) = ferropy_parser::string_literal::hangul_syllable_name(c) {
        return Some(name);
    }
    if ferropy_parser::string_literal::CJK_UNIFIED_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
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
