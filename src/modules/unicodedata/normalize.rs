//! The Unicode normalization forms (UAX #15): full decomposition (canonical or
//! compatibility, Hangul syllables algorithmically), canonical ordering, then for NFC/NFKC
//! canonical composition; and the quick check that lets normalized text through untouched.
//! Ordering and composition use the current combining classes and compositions in both
//! versions; 3.2.0 differs only in what it decomposes.
use super::data::{compose_pair, props, Version};
use super::tables as t;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Nfc,
    Nfkc,
    Nfd,
    Nfkd,
}

impl Form {
    pub(crate) fn parse(name: &str) -> Option<Form> {
        match name {
            "NFC" => Some(Form::Nfc),
            "NFKC" => Some(Form::Nfkc),
            "NFD" => Some(Form::Nfd),
            "NFKD" => Some(Form::Nfkd),
            _ => None,
        }
    }

    fn compat(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }

    fn composes(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }

    fn quick_check_flag(self) -> u8 {
        match self {
            Form::Nfc => t::QC_NFC,
            Form::Nfkc => t::QC_NFKC,
            Form::Nfd => t::QC_NFD,
            Form::Nfkd => t::QC_NFKD,
        }
    }
}

// Hangul syllable arithmetic (Unicode ch. 3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// The quick check: true when every character is "Yes" for the form and the combining
/// classes never go down, so the text is normalized as it is (current version only).
pub(crate) fn quick_check(form: Form, text: impl Iterator<Item = u32>) -> bool {
    let flag = form.quick_check_flag();
    let mut last = 0u8;
    for cp in text {
        let p = props(cp);
        if (p.combining != 0 && last > p.combining) || p.flags & flag == 0 {
            return false;
        }
        last = p.combining;
    }
    true
}

/// Appends the full decomposition of `cp` to `out`.
fn decompose(version: Version, compat: bool, cp: u32, out: &mut Vec<u32>) {
    let s = cp.wrapping_sub(S_BASE);
    if s < S_COUNT {
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        if s % T_COUNT != 0 {
            out.push(T_BASE + s % T_COUNT);
        }
        return;
    }
    if let Some(old) = version.corrected(cp) {
        return decompose(version, compat, old, out);
    }
    match version.decomposition(cp) {
        Some((tag, parts)) if tag.is_empty() || compat => {
            for &part in parts {
                decompose(version, compat, part, out);
            }
        }
        _ => out.push(cp),
    }
}

/// Sorts each run of non-starters by combining class, keeping the order of equal classes.
fn canonical_order(buf: &mut [u32]) {
    let mut i = 0;
    while i < buf.len() {
        if props(buf[i]).combining == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < buf.len() && props(buf[i]).combining != 0 {
            i += 1;
        }
        if i - start > 1 {
            buf[start..i].sort_by_key(|&c| props(c).combining);
        }
    }
}

/// The composition of a starter and a following character, Hangul included.
fn compose(first: u32, second: u32) -> Option<u32> {
    let l = first.wrapping_sub(L_BASE);
    let v = second.wrapping_sub(V_BASE);
    if l < L_COUNT && v < V_COUNT {
        return Some(S_BASE + (l * V_COUNT + v) * T_COUNT);
    }
    let s = first.wrapping_sub(S_BASE);
    let tt = second.wrapping_sub(T_BASE);
    if s < S_COUNT && s % T_COUNT == 0 && tt > 0 && tt < T_COUNT {
        return Some(first + tt);
    }
    compose_pair(first, second)
}

/// Canonical composition in place: each character joins the last starter unless a
/// character between them has a combining class of 0 or at least its own.
fn canonical_compose(buf: &mut Vec<u32>) {
    let mut starter: Option<usize> = None;
    // The combining class of the last character kept after the starter (None: adjacent).
    let mut last_class: Option<u8> = None;
    let mut kept = 0;
    for i in 0..buf.len() {
        let cp = buf[i];
        let class = props(cp).combining;
        if let Some(si) = starter {
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if !blocked {
                if let Some(c) = compose(buf[si], cp) {
                    buf[si] = c;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(kept);
            last_class = None;
        } else {
            last_class = Some(class);
        }
        buf[kept] = cp;
        kept += 1;
    }
    buf.truncate(kept);
}

/// The normalization of `text` in `form`.
pub(crate) fn normalize(version: Version, form: Form, text: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.size_hint().0);
    for cp in text {
        decompose(version, form.compat(), cp, &mut out);
    }
    canonical_order(&mut out);
    if form.composes() {
        canonical_compose(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{normalize, quick_check, Form};
    use crate::modules::unicodedata::data::Version;

    fn norm(version: Version, form: Form, s: &[u32]) -> Vec<u32> {
        normalize(version, form, s.iter().copied())
    }

    #[test]
    fn forms() {
        let c = Version::Current;
        // Precomposed letter, its canonical decomposition, and back.
        assert_eq!(norm(c, Form::Nfd, &[0xC0]), [0x41, 0x300]);
        assert_eq!(norm(c, Form::Nfc, &[0x41, 0x300]), [0xC0]);
        // Marks sorted by combining class (dot below 220 before acute 230), then composed.
        assert_eq!(norm(c, Form::Nfd, &[0x65, 0x301, 0x323]), [0x65, 0x323, 0x301]);
        assert_eq!(norm(c, Form::Nfc, &[0x65, 0x301, 0x323]), [0x1EB9, 0x301]);
        // Compatibility only in the K forms; the fi ligature.
        assert_eq!(norm(c, Form::Nfc, &[0xFB01]), [0xFB01]);
        assert_eq!(norm(c, Form::Nfkc, &[0xFB01]), [0x66, 0x69]);
        // Hangul by arithmetic, both ways.
        assert_eq!(norm(c, Form::Nfd, &[0xAC01]), [0x1100, 0x1161, 0x11A8]);
        assert_eq!(norm(c, Form::Nfc, &[0x1100, 0x1161, 0x11A8]), [0xAC01]);
        // A composition exclusion stays decomposed; a singleton maps away.
        assert_eq!(norm(c, Form::Nfc, &[0x958]), [0x915, 0x93C]);
        assert_eq!(norm(c, Form::Nfc, &[0x2126]), [0x3A9]);
        // A starter between blocks composition.
        assert_eq!(norm(c, Form::Nfc, &[0x41, 0x62, 0x300]), [0x41, 0x62, 0x300]);
    }

    #[test]
    fn version_3_2_0() {
        let old = Version::V3_2_0;
        // Unassigned in 3.2.0: not decomposed; a corrected singleton: the old mapping.
        assert_eq!(norm(old, Form::Nfd, &[0x1B06]), [0x1B06]);
        assert_eq!(norm(Version::Current, Form::Nfd, &[0x1B06]), [0x1B05, 0x1B35]);
        assert_eq!(norm(old, Form::Nfd, &[0x2F868]), [0x2136A]);
    }

    #[test]
    fn quick_checks() {
        assert!(quick_check(Form::Nfc, "plain".chars().map(|c| c as u32)));
        assert!(!quick_check(Form::Nfd, [0xC0].into_iter()));
        assert!(!quick_check(Form::Nfc, [0x41, 0x300].into_iter()));
        assert!(!quick_check(Form::Nfkc, [0xFB01].into_iter()));
        assert!(!quick_check(Form::Nfd, [0x61, 0x301, 0x323].into_iter()));
    }
}
