//! Character tests of the pattern code: the `CATEGORY_*` classes, the case mappings the
//! `*_IGNORE` opcodes compare through (ASCII, Unicode, and the C locale for `LOCALE`), and
//! membership in a set (the subprogram of `IN`: LITERAL, RANGE, CHARSET bitmaps,
//! BIGCHARSET blocks, CATEGORY, NEGATE, ended by FAILURE).
use super::constants::*;
use crate::objects::unicode_db;

#[inline]
pub(crate) fn ascii_is_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

#[inline]
pub(crate) fn uni_is_word(c: u32) -> bool {
    if c < 128 {
        return ascii_is_word(c);
    }
    unicode_db::is_alnum(c)
}

/// The C locale's `isalnum` (the locale is never changed from "C" here, so only ASCII).
#[inline]
pub(crate) fn loc_is_word(c: u32) -> bool {
    ascii_is_word(c)
}

#[inline]
pub(crate) fn ascii_lower(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

#[inline]
pub(crate) fn ascii_upper(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}

#[inline]
pub(crate) fn uni_lower(c: u32) -> u32 {
    if c < 128 {
        return ascii_lower(c);
    }
    unicode_db::to_lower(c)
}

#[inline]
pub(crate) fn uni_upper(c: u32) -> u32 {
    if c < 128 {
        return ascii_upper(c);
    }
    unicode_db::to_upper(c)
}

/// `tolower`/`toupper` of the C locale for byte values, identity past 255.
#[inline]
pub(crate) fn loc_lower(c: u32) -> u32 {
    ascii_lower(c)
}
#[inline]
pub(crate) fn loc_upper(c: u32) -> u32 {
    ascii_upper(c)
}

/// Whether `c` is in class `category` (a `CATEGORY_*` number).
#[inline]
pub(crate) fn category(category: u32, c: u32) -> bool {
    match category {
        0 => (b'0' as u32..=b'9' as u32).contains(&c),
        1 => !(b'0' as u32..=b'9' as u32).contains(&c),
        2 => matches!(c, 9..=13 | 32),
        3 => !matches!(c, 9..=13 | 32),
        4 => ascii_is_word(c),
        5 => !ascii_is_word(c),
        6 => c == 10,
        7 => c != 10,
        8 => loc_is_word(c),
        9 => !loc_is_word(c),
        10 => unicode_db::decimal(c) >= 0,
        11 => unicode_db::decimal(c) < 0,
        12 => unicode_db::is_space(c),
        13 => !unicode_db::is_space(c),
        14 => uni_is_word(c),
        15 => !uni_is_word(c),
        16 => crate::objects::str_split::is_linebreak(c),
        17 => !crate::objects::str_split::is_linebreak(c),
        _ => false,
    }
}

/// Whether `c` is in the set whose subprogram starts at `code[pc]`. The compiler built the
/// code, so the offsets are trusted only as far as slicing bounds-checks them.
pub(crate) fn in_set(code: &[u32], mut pc: usize, c: u32) -> bool {
    let mut ok = true;
    loop {
        let Some(&op) = code.get(pc) else { return false };
        match op {
            FAILURE => return !ok,
            LITERAL => {
                if c == code[pc + 1] {
                    return ok;
                }
                pc += 2;
            }
            CATEGORY => {
                if category(code[pc + 1], c) {
                    return ok;
                }
                pc += 2;
            }
            CHARSET => {
                if c < 256 && code[pc + 1 + (c as usize >> 5)] & (1u32 << (c & 31)) != 0 {
                    return ok;
                }
                pc += 9;
            }
            RANGE => {
                if code[pc + 1] <= c && c <= code[pc + 2] {
                    return ok;
                }
                pc += 3;
            }
            RANGE_UNI_IGNORE => {
                if code[pc + 1] <= c && c <= code[pc + 2] {
                    return ok;
                }
                let u = uni_upper(c);
                if code[pc + 1] <= u && u <= code[pc + 2] {
                    return ok;
                }
                pc += 3;
            }
            NEGATE => {
                ok = !ok;
                pc += 1;
            }
            BIGCHARSET => {
                let count = code[pc + 1] as usize;
                let index = pc + 2;
                if c < 65536 {
                    let hi = (c >> 8) as usize;
                    let block = (code[index + hi / 4] >> ((hi % 4) * 8)) & 0xff;
                    let blocks = index + 64;
                    let word = code[blocks + block as usize * 8 + ((c as usize & 255) >> 5)];
                    if word & (1u32 << (c & 31)) != 0 {
                        return ok;
                    }
                }
                pc = index + 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// `in_set` for `IN_LOC_IGNORE`: the character or either of its locale cases.
pub(crate) fn in_set_loc_ignore(code: &[u32], pc: usize, c: u32) -> bool {
    in_set(code, pc, c) || {
        let lo = loc_lower(c);
        lo != c && in_set(code, pc, lo)
    } || {
        let up = loc_upper(c);
        up != c && in_set(code, pc, up)
    }
}

/// `LITERAL_LOC_IGNORE`'s test.
#[inline]
pub(crate) fn literal_loc_ignore(pattern: u32, c: u32) -> bool {
    c == pattern || loc_lower(c) == pattern || loc_upper(c) == pattern
}
