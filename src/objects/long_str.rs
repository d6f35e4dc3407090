//! int <-> text: `repr`/`str` (decimal by divide and conquer, so huge values convert in
//! less than quadratic digit work), other bases (`to_base_string`, `_PyLong_Format`,
//! `PyNumber_ToBase`), and parsing (`PyLong_FromString`, `PyLong_FromUnicodeObject`), with
//! 3.11's limit on the number of decimal digits converted either way.
use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;
use std::collections::HashMap;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::int::{digits, from_digits, is_int, size_of};
use crate::objects::long_digits as ld;

/// The default int <-> decimal string digit limit (`sys.int_info.default_max_str_digits`).
pub(crate) const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The current interpreter's limit (`sys.set_int_max_str_digits`; 0 = no limit); the
/// default without a thread state (Rust unit tests).
fn max_str_digits() -> usize {
    crate::runtime::interpreter::current().map_or(DEFAULT_MAX_STR_DIGITS, |i| i.int_max_str_digits)
}

// ---- int -> text ------------------------------------------------------------------------------

const TEN9: u32 = 1_000_000_000;
/// Below this many binary digits, base 10**9 limbs come from repeated short division.
const TO_DECIMAL_BASECASE: usize = 40;

/// Base-10**9 limbs of a magnitude by repeated division by 10**9, least significant first.
fn limbs_basecase(m: &[u32], out: &mut Vec<u32>) {
    let mut x = m.to_vec();
    while !x.is_empty() {
        let (q, r) = ld::divrem_digit(&x, TEN9);
        out.push(r);
        x = q;
    }
}

/// Exactly `count` limbs of `m` (< 10**(9*count)) appended to `out`: split by the powers
/// 10**(9*2**i) in `pows` (pows[i] has 2**i limbs' worth of decimal digits).
fn limbs_padded(m: &[u32], level: usize, pows: &[Vec<u32>], out: &mut Vec<u32>, count: usize) {
    if level == 0 || m.len() < TO_DECIMAL_BASECASE {
        let start = out.len();
        limbs_basecase(m, out);
        out.resize(start + count, 0);
        return;
    }
    let half = 1usize << (level - 1);
    let (q, r) = ld::divrem_mag(m, &pows[level - 1]);
    limbs_padded(&r, level - 1, pows, out, half);
    limbs_padded(&q, level - 1, pows, out, count - half);
}

/// All base-10**9 limbs of `m` (no leading zero limbs).
fn decimal_limbs(m: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(m.len() * 30 / 29 + 2);
    if m.len() < TO_DECIMAL_BASECASE {
        limbs_basecase(m, &mut out);
        return out;
    }
    // pows[i] = 10**(9 * 2**i), while its square could still be below m.
    let mut pows = vec![vec![TEN9]];
    while 2 * pows.last().unwrap().len() <= m.len() + 1 {
        let next = ld::square(pows.last().unwrap());
        pows.push(next);
    }
    // Top level: peel the highest limbs off with the largest power not above m.
    let mut level = pows.len();
    while level > 0 && ld::cmp_mag(&pows[level - 1], m) == core::cmp::Ordering::Greater {
        level -= 1;
    }
    if level == 0 {
        limbs_basecase(m, &mut out);
        return out;
    }
    let (q, r) = ld::divrem_mag(m, &pows[level - 1]);
    limbs_padded(&r, level - 1, &pows, &mut out, 1 << (level - 1));
    out.extend(decimal_limbs(&q));
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// Decimal digits of a magnitude.
pub(crate) fn mag_to_decimal(m: &[u32]) -> String {
    if m.is_empty() {
        return "0".to_string();
    }
    let limbs = decimal_limbs(m);
    let mut s = String::with_capacity(limbs.len() * 9);
    let top = limbs.len() - 1;
    s.push_str(&limbs[top].to_string());
    let mut buf = [0u8; 9];
    for &l in limbs[..top].iter().rev() {
        let mut v = l;
        for i in (0..9).rev() {
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        // SAFETY: ASCII digits.
        s.push_str(unsafe { core::str::from_utf8_unchecked(&buf) });
    }
    s
}

fn str_limit_error() -> crate::errors::raised::Raised {
    raise_type(
        &raw mut exc::_PyExc_ValueError,
        format!(
            "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits()
        ),
    )
}

/// The decimal text of `v` (|v| < 2**60: at most 19 characters with the sign), written at
/// the end of `buf`.
pub(crate) fn i64_decimal(v: i64, buf: &mut [u8; 20]) -> &str {
    let mut m = v.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    // SAFETY: ASCII digits and sign.
    unsafe { core::str::from_utf8_unchecked(&buf[i..]) }
}

/// The decimal text of an int (sign included), with the digit limit checked.
pub(crate) unsafe fn to_decimal_string(op: *mut PyObject) -> PyResult<String> {
    let d = digits(op);
    let limit = max_str_digits();
    // A cheap early refusal for values far past the limit (bits * log10(2) > limit).
    if limit > 0 && ld::bit_length(d) as f64 * core::f64::consts::LOG10_2 > limit as f64 + 2.0 {
        return Err(str_limit_error());
    }
    let mut s = mag_to_decimal(d);
    if limit > 0 && s.len() > limit {
        return Err(str_limit_error());
    }
    if size_of(op) < 0 {
        s.insert(0, '-');
    }
    Ok(s)
}

/// The text of an int in `base` (2..=36), lower-case letters, sign included, no prefix.
/// Decimal is limited as `str()` is; other bases are not (as in CPython, where only
/// non-power-of-two bases count, and only decimal output exists for those).
#[allow(dead_code)] // for format_spec.rs (the float helper's int formatting)
pub(crate) unsafe fn to_base_string(op: *mut PyObject, base: u32) -> PyResult<String> {
    if base == 10 {
        return to_decimal_string(op);
    }
    let mut s = mag_to_base(digits(op), base);
    if size_of(op) < 0 {
        s.insert(0, '-');
    }
    Ok(s)
}

/// Digits of a magnitude in `base` (2..=36, not 10 necessarily).
pub(crate) fn mag_to_base(m: &[u32], base: u32) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if m.is_empty() {
        return "0".to_string();
    }
    let mut out: Vec<u8> = Vec::new();
    if base.is_power_of_two() {
        let bits = base.trailing_zeros() as u64;
        let total = ld::bit_length(m);
        let mut pos = 0;
        while pos < total {
            let mut v = 0u32;
            for b in 0..bits {
                let bit = pos + b;
                let (w, o) = ((bit / 30) as usize, (bit % 30) as u32);
                if w < m.len() && (m[w] >> o) & 1 == 1 {
                    v |= 1 << b;
                }
            }
            out.push(DIGITS[v as usize]);
            pos += bits;
        }
    } else {
        // Chunks of k digits: base**k is the largest power below 2**30.
        let mut k = 1;
        let mut bk = base;
        while u64::from(bk) * u64::from(base) < 1 << 30 {
            bk *= base;
            k += 1;
        }
        let mut x = m.to_vec();
        while !x.is_empty() {
            let (q, mut r) = ld::divrem_digit(&x, bk);
            x = q;
            for _ in 0..k {
                out.push(DIGITS[(r % base) as usize]);
                r /= base;
                if x.is_empty() && r == 0 {
                    break;
                }
            }
        }
        while out.len() > 1 && out.last() == Some(&b'0') {
            out.pop();
        }
    }
    out.reverse();
    // SAFETY: ASCII.
    unsafe { String::from_utf8_unchecked(out) }
}

/// `int.__repr__` / `int.__str__`.
pub(crate) unsafe extern "C" fn long_repr(op: *mut PyObject) -> *mut PyObject {
    // Most ints printed fit two digits: their text is built on the stack (no limb vectors,
    // no String), and one-digit results come from the shared 1-character strings.
    if let Some(v) = crate::objects::int::medium_value(op) {
        let mut buf = [0u8; 20];
        let text = i64_decimal(v, &mut buf);
        return match crate::objects::str::from_utf8(text) {
            Ok(r) => r.into_ptr(),
            Err(_) => null_mut(),
        };
    }
    match to_decimal_string(op).and_then(|s| crate::objects::str::from_utf8(&s)) {
        Ok(r) => r.into_ptr(),
        Err(_) => null_mut(),
    }
}

/// An int's text in base 2, 8, 10 or 16 with Python's prefix (`0b`, `0o`, `0x`), as `bin()`,
/// `oct()`, `hex()` and `str()` give it.
pub(crate) unsafe fn format_with_prefix(op: *mut PyObject, base: u32) -> PyResult<PyRef> {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let body = if base == 10 { to_decimal_string(op)? } else { mag_to_base(digits(op), base) };
    let text = if base == 10 {
        body
    } else if size_of(op) < 0 {
        format!("-{prefix}{body}")
    } else {
        format!("{prefix}{body}")
    };
    crate::objects::str::from_utf8(&text)
}

/// `PyObject *_PyLong_Format(PyObject *obj, int base)`: base 2, 8, 10 or 16, with prefix.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Format(obj: *mut PyObject, base: c_int) -> *mut PyObject {
    if obj.is_null() || !is_int(obj) || ![2, 8, 10, 16].contains(&base) {
        let _ = bad_internal_call();
        return null_mut();
    }
    format_with_prefix(obj, base as u32).map_or(null_mut(), PyRef::into_ptr)
}

// ---- text -> int ------------------------------------------------------------------------------

/// Python's `isspace` on ASCII bytes (`Py_ISSPACE`).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 99,
    }
}

/// How parsing failed.
pub(crate) enum ParseError {
    /// Not a valid literal: ValueError "invalid literal for int() with base N: ..."; the
    /// offset where parsing stopped (CPython's `*pend`) and the base the message names (the
    /// one read from the prefix when base 0 got that far).
    Invalid(usize, u32),
    /// More decimal digits than the limit allows (the digit count).
    TooManyDigits(usize),
}

/// Parses an int literal in `base` (0 or 2..=36) from ASCII text: whitespace, sign, base
/// prefix, digits with single underscores between them, whitespace, end. Returns the sign,
/// the magnitude, and the offset of the end.
pub(crate) fn parse_int(s: &[u8], base: u32) -> Result<(bool, Vec<u32>, usize), ParseError> {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut base = base;
    let mut underscore_ok = false; // an underscore may follow a base prefix
    let has_prefix = |c: u8| {
        i + 1 < s.len() && s[i] == b'0' && (s[i + 1] | 0x20) == c
    };
    if base == 0 {
        if has_prefix(b'x') {
            base = 16;
            i += 2;
            underscore_ok = true;
        } else if has_prefix(b'o') {
            base = 8;
            i += 2;
            underscore_ok = true;
        } else if has_prefix(b'b') {
            base = 2;
            i += 2;
            underscore_ok = true;
        } else {
            base = 10;
            // Base 0 forbids leading zeros unless the value is zero.
            if i < s.len() && s[i] == b'0' {
                let mut j = i;
                while j < s.len() && (s[j] == b'0' || s[j] == b'_') {
                    if s[j] == b'_' && (j + 1 >= s.len() || s[j + 1] == b'_') {
                        break;
                    }
                    j += 1;
                }
                if j < s.len() && s[j].is_ascii_digit() {
                    // CPython reads the rest of the digits before refusing.
                    while j < s.len() && (s[j].is_ascii_digit() || s[j] == b'_') {
                        j += 1;
                    }
                    return Err(ParseError::Invalid(j, 0));
                }
            }
        }
    } else if (base == 16 && has_prefix(b'x')) || (base == 8 && has_prefix(b'o')) || (base == 2 && has_prefix(b'b')) {
        i += 2;
        underscore_ok = true;
    }
    let mut digs: Vec<u8> = Vec::new();
    let mut prev_underscore = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            if prev_underscore {
                return Err(ParseError::Invalid(i - 1, base));
            }
            if digs.is_empty() && !underscore_ok {
                return Err(ParseError::Invalid(i, base));
            }
            prev_underscore = true;
            underscore_ok = false;
            i += 1;
            continue;
        }
        let v = digit_value(c);
        if v >= base {
            break;
        }
        digs.push(v as u8);
        prev_underscore = false;
        i += 1;
    }
    if digs.is_empty() {
        return Err(ParseError::Invalid(i, base));
    }
    if prev_underscore {
        return Err(ParseError::Invalid(i - 1, base));
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(ParseError::Invalid(i, base));
    }
    let limit = max_str_digits();
    if !base.is_power_of_two() && limit > 0 && digs.len() > limit {
        return Err(ParseError::TooManyDigits(digs.len()));
    }
    Ok((neg, digits_to_mag(&digs, base), i))
}

/// The magnitude of digit values (most significant first) in `base`.
pub(crate) fn digits_to_mag(digs: &[u8], base: u32) -> Vec<u32> {
    if base.is_power_of_two() {
        let bits = base.trailing_zeros();
        let mut out = Vec::with_capacity(digs.len() * bits as usize / 30 + 1);
        let mut acc: u64 = 0;
        let mut nacc = 0u32;
        for &d in digs.iter().rev() {
            acc |= u64::from(d) << nacc;
            nacc += bits;
            if nacc >= 30 {
                out.push((acc as u32) & ld::MASK);
                acc >>= 30;
                nacc -= 30;
            }
        }
        if acc != 0 {
            out.push(acc as u32);
        }
        ld::normalize(&mut out);
        return out;
    }
    if digs.len() <= DC_BASECASE {
        return digits_to_mag_basecase(digs, base);
    }
    // The powers base**k the splits need, kept across calls (they depend only on the
    // lengths, which repeat for strings of similar size).
    static POWERS: std::sync::Mutex<Option<HashMap<(u32, usize), Vec<u32>>>> = std::sync::Mutex::new(None);
    let mut guard = POWERS.lock().unwrap_or_else(|e| e.into_inner());
    let pows = guard.get_or_insert_with(HashMap::new);
    if pows.len() > 256 {
        pows.clear();
    }
    digits_to_mag_dc(digs, base, pows)
}

/// Below this many digits, parsing is the quadratic multiply-add loop.
const DC_BASECASE: usize = 300;

/// Divide and conquer above a threshold: value(hi) * base**len(lo) + value(lo).
fn digits_to_mag_dc(digs: &[u8], base: u32, pows: &mut HashMap<(u32, usize), Vec<u32>>) -> Vec<u32> {
    if digs.len() <= DC_BASECASE {
        return digits_to_mag_basecase(digs, base);
    }
    let lo_len = digs.len() / 2;
    let (hi, lo) = digs.split_at(digs.len() - lo_len);
    let hi_v = digits_to_mag_dc(hi, base, pows);
    let lo_v = digits_to_mag_dc(lo, base, pows);
    let p = pows
        .entry((base, lo_len))
        .or_insert_with(|| crate::objects::long_digits::Int::new(false, vec![base]).pow(lo_len as u64).mag);
    ld::add_mag(&ld::mul_mag(&hi_v, p), &lo_v)
}

/// The quadratic conversion: chunks of digits multiplied in.
fn digits_to_mag_basecase(digs: &[u8], base: u32) -> Vec<u32> {
    {
        // Chunks of k digits whose value stays below 2**30.
        let mut k = 1;
        let mut bk = base;
        while u64::from(bk) * u64::from(base) < 1 << 30 {
            bk *= base;
            k += 1;
        }
        let mut mag: Vec<u32> = Vec::new();
        let mut idx = 0;
        let first = digs.len() % k;
        let mut chunk_len = if first == 0 { k } else { first };
        while idx < digs.len() {
            let mut chunk = 0u32;
            for &d in &digs[idx..idx + chunk_len] {
                chunk = chunk * base + u32::from(d);
            }
            let mult = base.pow(chunk_len as u32);
            // mag = mag * mult + chunk, in place
            let mut carry = u64::from(chunk);
            for x in mag.iter_mut() {
                let p = u64::from(*x) * u64::from(mult) + carry;
                *x = (p as u32) & ld::MASK;
                carry = p >> 30;
            }
            if carry != 0 {
                mag.push(carry as u32);
            }
            idx += chunk_len;
            chunk_len = k;
        }
        ld::normalize(&mut mag);
        mag
    }
}

/// Python's `repr()` of a str, for error messages (quotes chosen as `repr` chooses them;
/// ASCII control characters escaped; other characters kept).
pub(crate) fn quote_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut s = String::with_capacity(text.len() + 2);
    s.push(quote);
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if c == quote => {
                s.push('\\');
                s.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => s.push_str(&format!("\\x{:02x}", c as u32)),
            c if (0x80..0xa0).contains(&(c as u32)) || c as u32 == 0xad => s.push_str(&format!("\\x{:02x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push(quote);
    s
}

fn invalid_literal(base: u32, shown: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, format!("invalid literal for int() with base {base}: {shown}"))
}

fn too_many_digits(n: usize) -> crate::errors::raised::Raised {
    raise_type(
        &raw mut exc::_PyExc_ValueError,
        format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits()
        ),
    )
}

fn base_error() -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, "int() arg 2 must be >= 2 and <= 36")
}

/// Parses `text` (already ASCII-transformed) in `base`; on a bad literal the message shows
/// `shown` (the repr of what the caller was given).
pub(crate) fn from_text(text: &[u8], base: u32, shown: impl FnOnce() -> String) -> PyResult<PyRef> {
    match parse_int(text, base) {
        Ok((neg, mag, _)) => from_digits(neg, &mag),
        Err(ParseError::Invalid(_, shown_base)) => Err(invalid_literal(shown_base, &shown())),
        Err(ParseError::TooManyDigits(n)) => Err(too_many_digits(n)),
    }
}

/// `PyObject *PyLong_FromString(const char *str, char **pend, int base)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromString(s: *const c_char, pend: *mut *mut c_char, base: c_int) -> *mut PyObject {
    if s.is_null() {
        let _ = bad_internal_call();
        return null_mut();
    }
    if base != 0 && !(2..=36).contains(&base) {
        let _ = base_error();
        return null_mut();
    }
    let bytes = CStr::from_ptr(s).to_bytes();
    match parse_int(bytes, base as u32) {
        Ok((neg, mag, end)) => {
            if !pend.is_null() {
                *pend = s.add(end) as *mut c_char;
            }
            from_digits(neg, &mag).map_or(null_mut(), PyRef::into_ptr)
        }
        Err(e) => {
            if !pend.is_null() {
                *pend = s.add(match e {
                    ParseError::Invalid(at, _) => at,
                    ParseError::TooManyDigits(_) => 0,
                }) as *mut c_char;
            }
            let _ = match e {
                ParseError::Invalid(_, shown_base) => {
                    let shown = &bytes[..bytes.len().min(200)];
                    invalid_literal(shown_base, &quote_repr(&String::from_utf8_lossy(shown)).chars().take(200).collect::<String>())
                }
                ParseError::TooManyDigits(n) => too_many_digits(n),
            };
            null_mut()
        }
    }
}

/// `int(s, base)` for a str object: non-ASCII spaces and decimal digits are read as their
/// ASCII forms (`_PyUnicode_TransformDecimalAndSpaceToASCII`); a bad literal's message shows
/// the str's repr cut to 200 characters (`%.200R`).
pub(crate) unsafe fn from_unicode(u: *mut PyObject, base: u32) -> PyResult<PyRef> {
    let text = crate::objects::float_new::str_to_ascii_number(u);
    from_text(&text, base, || truncated_repr(u))
}

/// `repr(o)` cut to 200 characters, as CPython's `%.200R`.
pub(crate) unsafe fn truncated_repr(o: *mut PyObject) -> String {
    match crate::abstract_::object::repr(o) {
        Ok(r) => crate::objects::str::to_string(r.as_ptr()).chars().take(200).collect(),
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            String::new()
        }
    }
}

/// `PyObject *PyLong_FromUnicodeObject(PyObject *u, int base)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnicodeObject(u: *mut PyObject, base: c_int) -> *mut PyObject {
    if u.is_null() || !crate::objects::str::is_str(u) {
        let _ = bad_internal_call();
        return null_mut();
    }
    if base != 0 && !(2..=36).contains(&base) {
        let _ = base_error();
        return null_mut();
    }
    from_unicode(u, base as u32).map_or(null_mut(), PyRef::into_ptr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str, base: u32) -> Option<String> {
        parse_int(s.as_bytes(), base).ok().map(|(neg, m, _)| format!("{}{}", if neg { "-" } else { "" }, mag_to_decimal(&m)))
    }

    #[test]
    fn parsing_follows_python() {
        assert_eq!(parse(" -12 ", 10).as_deref(), Some("-12"));
        assert_eq!(parse("1_000", 10).as_deref(), Some("1000"));
        assert_eq!(parse("0x_ff", 0).as_deref(), Some("255"));
        assert_eq!(parse("0b101", 2).as_deref(), Some("5"));
        assert_eq!(parse("0_0", 0).as_deref(), Some("0"));
        assert_eq!(parse("zz", 36).as_deref(), Some("1295"));
        for bad in ["", "_1", "1_", "1__0", "010", "0x", "1e5", "- 1", "12a"] {
            assert!(parse(bad, if bad == "010" || bad == "0x" { 0 } else { 10 }).is_none(), "{bad}");
        }
    }

    #[test]
    fn decimal_round_trip_on_big_values() {
        // 3**k for several sizes, through the divide-and-conquer paths both ways.
        for k in [1u64, 50, 300, 2000, 9000, 30000] {
            let v = crate::objects::long_digits::Int::from_i64(3).pow(k);
            let s = mag_to_decimal(&v.mag);
            let digs: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            assert_eq!(digits_to_mag(&digs, 10), v.mag, "3**{k}");
            // and against the basecase conversion
            let mut limbs = Vec::new();
            limbs_basecase(&v.mag, &mut limbs);
            assert_eq!(decimal_limbs(&v.mag), limbs, "3**{k}");
        }
        assert_eq!(mag_to_base(&ld::from_u64(255), 16), "ff");
        assert_eq!(mag_to_base(&ld::from_u64(255), 3), "100110");
        assert_eq!(mag_to_base(&ld::from_u64(1 << 40), 2).len(), 41);
    }
}
