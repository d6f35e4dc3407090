//! pystrtod.h: `PyOS_double_to_string` (a double to text with CPython's format codes and
//! flags) and `PyOS_string_to_double` (text to a double), with the Rust functions behind
//! them, which float repr, `format()` and `float(str)` use.
//!
//! Digits come from Rust's formatter, which is correctly rounded (`{:e}` gives the shortest
//! digits that round-trip, `{:.N$e}`/`{:.N$}` round the exact binary value half-to-even),
//! and `str::parse::<f64>` is correctly rounded: what is left here is CPython's layout rules
//! (when to switch to exponent notation, `.0`, `#`, signs, `inf`/`nan`).
use core::ffi::{c_char, c_double, c_int, CStr};

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::typeobject::PyTypeObject;

// `flags` bits.
/// Always add the sign.
pub const Py_DTSF_SIGN: c_int = 0x01;
/// Add ".0" when the result looks like an integer.
pub const Py_DTSF_ADD_DOT_0: c_int = 0x02;
/// The "alternate" form (`#` in format specs).
pub const Py_DTSF_ALT: c_int = 0x04;
/// Turn a negative zero result into zero.
pub const Py_DTSF_NO_NEG_0: c_int = 0x08;

// `*type` results.
pub const Py_DTST_FINITE: c_int = 0;
pub const Py_DTST_INFINITE: c_int = 1;
pub const Py_DTST_NAN: c_int = 2;

/// repr switches to exponent notation when the decimal point would be more than this many
/// digits right of the first digit (`1e+16`).
const REPR_MAX_DECPT: i32 = 16;
/// ... or at least this many zeros left of it (`1e-05`).
const MIN_DECPT: i32 = -4;
/// Fractional digits past which a double's exact decimal expansion is all zeros (the
/// smallest subnormal, 2**-1074, has 1,074), with room to spare.
const EXACT_FRACTION_DIGITS: usize = 1100;

/// A small text buffer on the stack (`{:e}` output of a double fits 64 bytes unless a long
/// precision is asked for); writing past its end fails, and the caller falls back to a String.
struct StackText {
    buf: [u8; 64],
    len: usize,
}

impl core::fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(core::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Significant digits: on the stack when short, else on the heap.
pub(crate) enum Digits {
    Inline([u8; 64], usize),
    Heap(Vec<u8>),
}

impl core::ops::Deref for Digits {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Digits::Inline(b, n) => &b[..*n],
            Digits::Heap(v) => v,
        }
    }
}

/// Splits Rust's `{:e}` text ("d.ddde-5") into its digits (compacted in place) and decpt.
fn split_sci(text: &mut [u8]) -> (usize, i32) {
    let e = text.iter().position(|&b| b == b'e').expect("Rust's {:e} always has an 'e'");
    let exponent: i32 = core::str::from_utf8(&text[e + 1..]).ok().and_then(|t| t.parse().ok()).expect("an integer exponent");
    let mut n = 0;
    for k in 0..e {
        if text[k].is_ascii_digit() {
            text[n] = text[k];
            n += 1;
        }
    }
    (n, exponent + 1)
}

/// The significant decimal digits of a finite `x >= 0` and the position of the decimal point
/// relative to them: `x ~= 0.DIGITS * 10**decpt`. `ndigits: None` gives the shortest digits
/// that read back as `x`; `Some(n)` rounds to `n >= 1` significant digits (half-even on the
/// exact value). Zero is one digit "0" with `decpt` 1.
pub(crate) fn decimal_digits(x: f64, ndigits: Option<usize>) -> (Digits, i32) {
    let (digits, decpt) = decimal_digits_rust(x, ndigits);
    // Rust's shortest digits break a tie between two shortest candidates upwards; CPython
    // takes the one nearest the exact value, which is the exact value rounded half-even to
    // that many digits (repr(900719925474099.25) is ...099.2). Ties need an ulp as wide as
    // the last digit, so only long outputs can have one.
    if ndigits.is_none() && digits.len() >= 15 {
        let n = digits.len();
        let (rounded, rdecpt) = decimal_digits_rust(x, Some(n));
        if rounded[..] != digits[..] && reads_back(&rounded, rdecpt, x) {
            return (rounded, rdecpt);
        }
    }
    (digits, decpt)
}

/// Whether `0.DIGITS * 10**decpt` parses back to `x`.
fn reads_back(digits: &[u8], decpt: i32, x: f64) -> bool {
    let text = format!("0.{}e{}", core::str::from_utf8(digits).unwrap_or("0"), decpt);
    text.parse::<f64>() == Ok(x)
}

fn decimal_digits_rust(x: f64, ndigits: Option<usize>) -> (Digits, i32) {
    use core::fmt::Write;
    let mut st = StackText { buf: [0; 64], len: 0 };
    let ok = match ndigits {
        None => write!(st, "{x:e}"),
        Some(n) => write!(st, "{:.*e}", n - 1, x),
    };
    if ok.is_ok() {
        let len = st.len;
        let (n, decpt) = split_sci(&mut st.buf[..len]);
        return (Digits::Inline(st.buf, n), decpt);
    }
    let mut text = match ndigits {
        None => format!("{x:e}"),
        Some(n) => format!("{:.*e}", n - 1, x),
    }
    .into_bytes();
    let (n, decpt) = split_sci(&mut text);
    text.truncate(n);
    (Digits::Heap(text), decpt)
}

/// Appends CPython's exponent: `e`, the sign, at least two digits (`e+05`, `e-123`).
fn push_exponent(out: &mut String, upper: bool, exponent: i32) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exponent < 0 { '-' } else { '+' });
    let mag = exponent.unsigned_abs();
    if mag >= 100 {
        out.push((b'0' + (mag / 100) as u8) as char);
    }
    out.push((b'0' + (mag / 10 % 10) as u8) as char);
    out.push((b'0' + (mag % 10) as u8) as char);
}

/// ASCII digits as text.
fn ascii(d: &[u8]) -> &str {
    core::str::from_utf8(d).expect("ASCII digits")
}

/// Appends `digits` (with the decimal point at `decpt`) in exponent or fixed notation.
/// `alt` always shows a decimal point, `add_dot_0` adds ".0" to an integral fixed result.
fn layout(out: &mut String, digits: &[u8], decpt: i32, use_exp: bool, upper: bool, alt: bool, add_dot_0: bool) {
    if use_exp {
        out.push(digits[0] as char);
        if digits.len() > 1 || alt {
            out.push('.');
        }
        out.push_str(ascii(&digits[1..]));
        push_exponent(out, upper, decpt - 1);
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(core::iter::repeat('0').take((-decpt) as usize));
        out.push_str(ascii(digits));
    } else if (decpt as usize) < digits.len() {
        let (int_part, frac) = digits.split_at(decpt as usize);
        out.push_str(ascii(int_part));
        out.push('.');
        out.push_str(ascii(frac));
    } else {
        out.push_str(ascii(digits));
        out.extend(core::iter::repeat('0').take(decpt as usize - digits.len()));
        if add_dot_0 {
            out.push_str(".0");
        } else if alt {
            out.push('.');
        }
    }
}

/// What `PyOS_double_to_string` computes: the text of `x` in format `code` ('e', 'E', 'f',
/// 'F', 'g', 'G' or 'r') with `precision` and `Py_DTSF_*` `flags`, and its `Py_DTST_*` type.
/// `None` for a bad code, or 'r' with a precision other than 0 (CPython's
/// `PyErr_BadInternalCall`).
pub(crate) fn format_double(x: f64, code: u8, precision: c_int, flags: c_int) -> Option<(String, c_int)> {
    let upper = matches!(code, b'E' | b'F' | b'G');
    let code = code.to_ascii_lowercase();
    if !matches!(code, b'e' | b'f' | b'g' | b'r') || (code == b'r' && precision != 0) {
        return None;
    }
    let precision = precision.max(0) as usize;
    let alt = flags & Py_DTSF_ALT != 0;
    let add_dot_0 = flags & Py_DTSF_ADD_DOT_0 != 0;
    let sign_plus = flags & Py_DTSF_SIGN != 0;

    if x.is_nan() || x.is_infinite() {
        let (word, kind) = match (x.is_nan(), upper) {
            (true, false) => ("nan", Py_DTST_NAN),
            (true, true) => ("NAN", Py_DTST_NAN),
            (false, false) => ("inf", Py_DTST_INFINITE),
            (false, true) => ("INF", Py_DTST_INFINITE),
        };
        let mut out = String::with_capacity(4);
        // A NaN's sign bit is never shown.
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if sign_plus {
            out.push('+');
        }
        out.push_str(word);
        return Some((out, kind));
    }

    let ax = x.abs();
    let mut out = String::with_capacity(32);
    // The sign goes first; it is taken back for a negative zero result under NO_NEG_0.
    let negative = x.is_sign_negative();
    if negative {
        out.push('-');
    } else if sign_plus {
        out.push('+');
    }
    let body_start = out.len();
    match code {
        b'f' => {
            use core::fmt::Write;
            // Rust's formatter takes at most u16::MAX digits; a double's exact decimal form
            // ends within 1,074 fractional digits, so the rest are zeros appended here.
            let exact = precision.min(EXACT_FRACTION_DIGITS);
            let _ = write!(out, "{ax:.exact$}");
            out.extend(core::iter::repeat('0').take(precision - exact));
            if precision == 0 {
                if add_dot_0 {
                    out.push_str(".0");
                } else if alt {
                    out.push('.');
                }
            }
        }
        b'e' => {
            let (digits, decpt) = decimal_digits(ax, Some(precision + 1));
            layout(&mut out, &digits, decpt, true, upper, alt, false);
        }
        b'g' => {
            let precision = precision.max(1);
            let (digits, decpt) = decimal_digits(ax, Some(precision));
            // An integral result must leave room for the ".0" that add_dot_0 appends.
            let limit = precision as i32 - i32::from(add_dot_0);
            let use_exp = decpt <= MIN_DECPT || decpt > limit;
            let mut n = digits.len();
            if !alt {
                while n > 1 && digits[n - 1] == b'0' {
                    n -= 1;
                }
            }
            layout(&mut out, &digits[..n], decpt, use_exp, upper, alt, add_dot_0);
        }
        _ => {
            // 'r': the shortest digits that round-trip.
            let (digits, decpt) = decimal_digits(ax, None);
            let use_exp = decpt <= MIN_DECPT || decpt > REPR_MAX_DECPT;
            layout(&mut out, &digits, decpt, use_exp, upper, alt, add_dot_0);
        }
    }
    if negative
        && flags & Py_DTSF_NO_NEG_0 != 0
        && out.as_bytes()[body_start..].iter().all(|b| !(b'1'..=b'9').contains(b))
    {
        out.remove(0);
        if sign_plus {
            out.insert(0, '+');
        }
    }
    Some((out, Py_DTST_FINITE))
}

/// The text of `repr(x)` (and `str(x)`): the shortest round-trip digits, ".0" on integral
/// values, exponent notation from 1e16 and below 1e-4.
pub(crate) fn repr_double(x: f64) -> String {
    format_double(x, b'r', 0, Py_DTSF_ADD_DOT_0).expect("'r' with precision 0 is valid").0
}

/// Case-insensitive "inf", "infinity" or "nan" at the start of `s` (after an optional sign):
/// the value and the length matched. The sign of a NaN is kept, as CPython does.
pub(crate) fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (negative, start) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = &s[start..];
    let starts_with = |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let (value, len) = if starts_with(b"infinity") {
        (f64::INFINITY, 8)
    } else if starts_with(b"inf") {
        (f64::INFINITY, 3)
    } else if starts_with(b"nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if negative { -value } else { value }, start + len))
}

/// The longest prefix of `s` that is a decimal float literal (`[sign] digits [. digits]
/// [e [sign] digits]`, or `.digits`, or inf/infinity/nan), no whitespace, no underscores:
/// its value (correctly rounded; huge values are infinities, tiny ones zeros) and length.
/// `None` when no prefix is a number.
pub(crate) fn parse_double_prefix(s: &[u8]) -> Option<(f64, usize)> {
    if let Some(r) = exact_small_decimal(s) {
        return Some(r);
    }
    general_double_prefix(s)
}

/// `parse_double_prefix` by Rust's correctly rounded parser (any length, inf and nan).
fn general_double_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let digits_from = |mut j: usize| {
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits_from(i);
    let mut n_digits = int_end - i;
    i = int_end;
    if s.get(i) == Some(&b'.') {
        let frac_end = digits_from(i + 1);
        n_digits += frac_end - (i + 1);
        if n_digits > 0 {
            i = frac_end;
        }
    }
    if n_digits == 0 {
        return parse_inf_or_nan(s);
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_end = digits_from(j);
        if exp_end > j {
            i = exp_end;
        }
    }
    // The prefix is ASCII digits, signs, '.', 'e': valid UTF-8 that Rust's parser accepts
    // (its grammar is a superset of this one).
    let text = core::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, i))
}

/// Powers of ten that a double holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
];

/// The longest numeric prefix of `s` and its length, when one IEEE operation gives its
/// value correctly rounded: at most 19 significant digits making an integer below 2**53,
/// scaled by 10**k with |k| <= 22, both exact as doubles, so the product or quotient is
/// rounded once (Clinger's fast path). Reads the same grammar as `parse_double_prefix`, in
/// one pass; None (for the general parser) for anything else: no digits, inf/nan, long
/// mantissas, big exponents.
fn exact_small_decimal(s: &[u8]) -> Option<(f64, usize)> {
    let n = s.len();
    let mut i = 0;
    let negative = n > 0 && s[0] == b'-';
    if n > 0 && (s[0] == b'-' || s[0] == b'+') {
        i = 1;
    }
    let mut mantissa: u64 = 0;
    let mut significant = 0u32;
    let mut n_digits = 0usize;
    let mut scale: i32 = 0;
    let mut in_fraction = false;
    while i < n {
        let c = s[i];
        if c.is_ascii_digit() {
            n_digits += 1;
            // Leading zeros are not significant digits.
            if mantissa != 0 || c != b'0' {
                significant += 1;
                if significant > 19 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(c - b'0');
            }
            scale -= in_fraction as i32;
        } else if c == b'.' && !in_fraction {
            in_fraction = true;
        } else {
            break;
        }
        i += 1;
    }
    if n_digits == 0 {
        return None;
    }
    if i < n && (s[i] == b'e' || s[i] == b'E') {
        // An exponent counts only with digits after it ("1e" is the number 1 and "e").
        let mut j = i + 1;
        let exp_negative = j < n && s[j] == b'-';
        if j < n && (s[j] == b'-' || s[j] == b'+') {
            j += 1;
        }
        let digits_start = j;
        let mut e: i32 = 0;
        while j < n && s[j].is_ascii_digit() {
            if j - digits_start >= 4 {
                return None;
            }
            e = e * 10 + i32::from(s[j] - b'0');
            j += 1;
        }
        if j > digits_start {
            scale += if exp_negative { -e } else { e };
            i = j;
        }
    }
    if mantissa >= 1 << 53 {
        return None;
    }
    let m = mantissa as f64;
    let v = if mantissa == 0 {
        0.0
    } else if (0..=22).contains(&scale) {
        m * EXACT_POWERS_OF_TEN[scale as usize]
    } else if (-22..0).contains(&scale) {
        m / EXACT_POWERS_OF_TEN[(-scale) as usize]
    } else {
        return None;
    };
    Some((if negative { -v } else { v }, i))
}

/// What `PyOS_string_to_double` does, with `s` as bytes: with `want_end` the longest numeric
/// prefix; without it, the whole of `s` must be a number. Overflow (a finite literal too
/// large, not "inf") raises `overflow_exception` when given, else gives +-inf. Also returns
/// where the number ended (0 when nothing was read).
///
/// # Safety
/// `overflow_exception` is NULL or a live exception type.
pub(crate) unsafe fn string_to_double(
    s: &[u8],
    want_end: bool,
    overflow_exception: *mut PyObject,
) -> (PyResult<f64>, usize) {
    let shown = || String::from_utf8_lossy(&s[..s.len().min(200)]).into_owned();
    let parsed = parse_double_prefix(s).filter(|&(_, len)| want_end || len == s.len());
    let Some((value, len)) = parsed else {
        let message = format!("could not convert string to float: '{}'", shown());
        return (Err(raise_type(&raw mut exc::_PyExc_ValueError, message)), 0);
    };
    let literal_inf = value.is_infinite() && parse_inf_or_nan(&s[..len]).is_none();
    if literal_inf && !overflow_exception.is_null() {
        let message = format!("value too large to convert to float: '{}'", shown());
        return (Err(raise_type(overflow_exception as *mut PyTypeObject, message)), len);
    }
    (Ok(value), len)
}

/// `PyOS_double_to_string`: `val` as text in format `format_code` ('e', 'E', 'f', 'F', 'g',
/// 'G', or 'r' with precision 0) with `Py_DTSF_*` flags; a `PyMem_Malloc`'d NUL-terminated
/// string the caller frees with `PyMem_Free`, and the `Py_DTST_*` kind in `*type` (if
/// not NULL). NULL with SystemError for a bad code or precision, MemoryError.
#[no_mangle]
pub unsafe extern "C" fn PyOS_double_to_string(
    val: c_double,
    format_code: c_char,
    precision: c_int,
    flags: c_int,
    r#type: *mut c_int,
) -> *mut c_char {
    let Some((text, kind)) = format_double(val, format_code as u8, precision, flags) else {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    };
    let buf = crate::object::pymem::PyMem_Malloc(text.len() + 1) as *mut u8;
    if buf.is_null() {
        let _ = no_memory();
        return core::ptr::null_mut();
    }
    core::ptr::copy_nonoverlapping(text.as_ptr(), buf, text.len());
    *buf.add(text.len()) = 0;
    if !r#type.is_null() {
        *r#type = kind;
    }
    buf as *mut c_char
}

/// `PyOS_string_to_double`: the double that `s` spells (no surrounding whitespace). With
/// `endptr` NULL the whole string must be a number; otherwise the longest numeric prefix is
/// read and `*endptr` points after it (at `s` when nothing was read). ValueError "could not convert
/// string to float: 's'" when nothing is a number; on overflow, +-inf when
/// `overflow_exception` is NULL, else that exception "value too large to convert to float".
/// Returns -1.0 on error.
#[no_mangle]
pub unsafe extern "C" fn PyOS_string_to_double(
    s: *const c_char,
    endptr: *mut *mut c_char,
    overflow_exception: *mut PyObject,
) -> c_double {
    if s.is_null() {
        let _ = bad_internal_call();
        return -1.0;
    }
    let bytes = CStr::from_ptr(s).to_bytes();
    let (result, len) = string_to_double(bytes, !endptr.is_null(), overflow_exception);
    if !endptr.is_null() {
        *endptr = s.add(len) as *mut c_char;
    }
    result.unwrap_or(-1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f64) -> String {
        repr_double(x)
    }

    /// The fast path gives what the general parser gives, bit for bit, on many decimals
    /// near its limits (digit counts, exponents, zeros, signs).
    #[test]
    fn exact_small_decimal_matches_parse() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut fast = 0;
        for _ in 0..200_000 {
            let r = next();
            let ndigits = 1 + (r % 22) as usize;
            let mut t = String::new();
            match r >> 60 & 3 {
                1 => t.push('-'),
                2 => t.push('+'),
                _ => {}
            }
            let zeros = (r >> 20) % 4;
            for _ in 0..zeros {
                t.push('0');
            }
            for _ in 0..ndigits {
                t.push((b'0' + (next() % 10) as u8) as char);
            }
            let dot = (r >> 8) as usize % (ndigits + 3);
            if dot <= ndigits {
                t.insert(t.len() - dot, '.');
            }
            if r & 1 == 1 {
                let e = (r >> 32) as i64 % 60 - 30;
                t.push_str(&format!("e{e}"));
            }
            let b = t.as_bytes();
            let Some((expected, len)) = ({
                let text = core::str::from_utf8(b).unwrap();
                text.parse::<f64>().ok().map(|v| (v, b.len()))
            }) else {
                continue;
            };
            if let Some((v, n)) = exact_small_decimal(b) {
                fast += 1;
                assert_eq!((v.to_bits(), n), (expected.to_bits(), len), "{t}");
            }
            let (v, n) = parse_double_prefix(b).unwrap();
            assert_eq!((v.to_bits(), n), (expected.to_bits(), len), "{t}");
            // Prefixes: the fast path stops where the general one does.
            for tail in ["e", "e+", "E-x", "x", ".", "..5", "e5x", "e123456"] {
                let u = format!("{t}{tail}");
                if let Some(fast) = exact_small_decimal(u.as_bytes()) {
                    let general = general_double_prefix(u.as_bytes()).unwrap();
                    assert_eq!((fast.0.to_bits(), fast.1), (general.0.to_bits(), general.1), "{u}");
                }
            }
        }
        assert!(fast > 50_000, "the fast path took only {fast}");
        for t in ["0", "-0", "0.0", "-0.0e5", "1e22", "9007199254740991", "9007199254740992", "1.5e-22", "123456789012345678e-5", ".5", "5.", "1e0000"] {
            let expected: f64 = t.parse().unwrap();
            assert_eq!(parse_double_prefix(t.as_bytes()).unwrap().0.to_bits(), expected.to_bits(), "{t}");
        }
        for t in ["", "-", "+", ".", "-.", "e5", ".e5", "inf", "nan", "-infinity"] {
            assert_eq!(exact_small_decimal(t.as_bytes()), None, "{t}");
        }
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(r(1e16), "1e+16");
        assert_eq!(r(1e-5), "1e-05");
        assert_eq!(r(1e-4), "0.0001");
        assert_eq!(r(f64::INFINITY), "inf");
        assert_eq!(r(f64::NEG_INFINITY), "-inf");
        assert_eq!(r(f64::NAN), "nan");
        assert_eq!(r(-0.0), "-0.0");
        assert_eq!(r(0.1), "0.1");
        assert_eq!(r(1.0), "1.0");
        assert_eq!(r(123456789012345.0), "123456789012345.0");
        assert_eq!(r(9999999999999998.0), "9999999999999998.0");
        assert_eq!(r(5e-324), "5e-324");
        assert_eq!(r(1.7976931348623157e308), "1.7976931348623157e+308");
        assert_eq!(r(0.30000000000000004), "0.30000000000000004");
        assert_eq!(r(1.5e300), "1.5e+300");
        assert_eq!(r(-2.5e-7), "-2.5e-07");
    }

    #[test]
    fn codes_and_flags() {
        let f = |x: f64, c: u8, p: c_int, fl: c_int| format_double(x, c, p, fl).unwrap().0;
        assert_eq!(f(1.0, b'g', 0, Py_DTSF_ADD_DOT_0), "1e+00");
        assert_eq!(f(123.0, b'g', 3, Py_DTSF_ADD_DOT_0), "1.23e+02");
        assert_eq!(f(1.0, b'g', 3, Py_DTSF_ALT), "1.00");
        assert_eq!(f(1.0, b'e', 0, Py_DTSF_ALT), "1.e+00");
        assert_eq!(f(1.0, b'f', 0, Py_DTSF_ALT), "1.");
        assert_eq!(f(-0.001, b'f', 2, Py_DTSF_NO_NEG_0), "0.00");
        assert_eq!(f(-0.001, b'f', 2, 0), "-0.00");
        assert_eq!(f(f64::NAN, b'E', 3, Py_DTSF_SIGN), "+NAN");
        assert_eq!(f(f64::NEG_INFINITY, b'F', 3, 0), "-INF");
        assert_eq!(f(2.675, b'f', 2, 0), "2.67");
        assert_eq!(f(0.5, b'f', 0, 0), "0");
        assert_eq!(f(1.5, b'f', 0, 0), "2");
        assert!(format_double(1.0, b'r', 3, 0).is_none());
        // A tie between two shortest candidates goes to the one nearest the exact value.
        assert_eq!(repr_double(900719925474099.25), "900719925474099.2");
        assert_eq!(repr_double(900719925474099.75), "900719925474099.8");
        assert!(format_double(1.0, b'x', 3, 0).is_none());
    }

    #[test]
    fn parse_prefixes() {
        assert_eq!(parse_double_prefix(b"1.5abc"), Some((1.5, 3)));
        assert_eq!(parse_double_prefix(b"1e+"), Some((1.0, 1)));
        assert_eq!(parse_double_prefix(b"5."), Some((5.0, 2)));
        assert_eq!(parse_double_prefix(b".5"), Some((0.5, 2)));
        assert_eq!(parse_double_prefix(b"+.e1"), None);
        assert_eq!(parse_double_prefix(b"infx"), Some((f64::INFINITY, 3)));
        assert_eq!(parse_double_prefix(b"-Infinity"), Some((f64::NEG_INFINITY, 9)));
        assert_eq!(parse_double_prefix(b"in"), None);
        assert_eq!(parse_double_prefix(b"1e500"), Some((f64::INFINITY, 5)));
        assert_eq!(parse_double_prefix(b"0x10"), Some((0.0, 1)));
    }
}

/// `double _Py_parse_inf_or_nan(const char *p, char **endptr)`: an optionally signed
/// "inf", "infinity" or "nan" (any case) at `p`, with `*endptr` just past it; -1.0 with
/// `*endptr == p` when there is none.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_parse_inf_or_nan(p: *const c_char, endptr: *mut *mut c_char) -> f64 {
    let s = core::ffi::CStr::from_ptr(p).to_bytes();
    // The longest spelling is "-infinity": nine bytes decide it.
    match parse_inf_or_nan(&s[..s.len().min(9)]) {
        Some((v, n)) => {
            *endptr = p.add(n) as *mut c_char;
            v
        }
        None => {
            *endptr = p as *mut c_char;
            -1.0
        }
    }
}
