//! The format-spec mini-language of `format(value, spec)` / `str.format`:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed once with
//! CPython's error messages, and the renderers of the builtin types that share it: str
//! (padding, truncation), int (bases, prefixes, `c`, grouping by 3 or 4), float
//! (`e E f F g G n %` and none) and complex. Renderers produce code points (a fill may be any
//! character); the `__format__` methods and `PyObject_Format` wrap them into str objects.
use crate::runtime::strtod::{format_double, Py_DTSF_ADD_DOT_0, Py_DTSF_ALT, Py_DTSF_NO_NEG_0};

/// An error of formatting: the exception type and CPython's message.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum FormatError {
    Value(String),
    Overflow(String),
    /// A Python exception is already set (by the int's digit conversion).
    Raised,
}

type FResult<T> = Result<T, FormatError>;

fn value_error(message: impl Into<String>) -> FormatError {
    FormatError::Value(message.into())
}

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FormatSpec<'a> {
    pub fill: u32,
    /// `<`, `>`, `=`, `^`, or the type's default.
    pub align: u8,
    /// `+`, `-`, ` `, or 0 when absent.
    pub sign: u8,
    /// `z`: negative zero results are shown as zero.
    pub no_neg_0: bool,
    /// `#`.
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_`, or 0 when absent.
    pub grouping: u8,
    pub precision: Option<usize>,
    /// The type code: the explicit one, or the type's default (0 for "none").
    pub ty: u32,
    /// The formatted object's type name, for messages (borrowed: a parse allocates nothing).
    pub type_name: &'a str,
}

/// How a type code appears in messages: `'x'` for printable ASCII, else `'\xNN'` (in hex
/// without padding, as CPython's `\x%x`).
fn code_text(c: u32) -> String {
    if c > 32 && c < 128 {
        format!("'{}'", char::from_u32(c).unwrap_or('?'))
    } else {
        format!("'\\x{c:x}'")
    }
}

fn is_align(c: u32) -> bool {
    matches!(c, 0x3c | 0x3e | 0x3d | 0x5e) // < > = ^
}

/// Reads a decimal integer at `*pos`: None when there are no digits; ValueError "Too many
/// decimal digits in format string" past `Py_ssize_t`.
fn read_integer(spec: &[u32], pos: &mut usize) -> FResult<Option<usize>> {
    let mut value: usize = 0;
    let start = *pos;
    while let Some(&c) = spec.get(*pos) {
        let Some(d) = char::from_u32(c).and_then(|ch| ch.to_digit(10)).filter(|_| c < 128) else { break };
        let d = d as usize;
        if value > (isize::MAX as usize - d) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        value = value * 10 + d;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

impl<'a> FormatSpec<'a> {
    /// Parses `spec` for an object of type `type_name` whose default type code is
    /// `default_type` (0 for none) and default alignment `default_align`.
    pub(crate) fn parse(spec: &[u32], type_name: &'a str, default_type: u32, default_align: u8) -> FResult<FormatSpec<'a>> {
        let mut f = FormatSpec {
            fill: u32::from(b' '),
            align: default_align,
            sign: 0,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: 0,
            precision: None,
            ty: default_type,
            type_name,
        };
        let mut pos = 0;
        let mut fill_specified = false;
        let mut align_specified = false;
        if spec.len() >= 2 && is_align(spec[1]) {
            f.fill = spec[0];
            f.align = spec[1] as u8;
            fill_specified = true;
            align_specified = true;
            pos = 2;
        } else if !spec.is_empty() && is_align(spec[0]) {
            f.align = spec[0] as u8;
            align_specified = true;
            pos = 1;
        }
        if let Some(&c) = spec.get(pos) {
            if matches!(c, 0x2b | 0x2d | 0x20) {
                f.sign = c as u8;
                pos += 1;
            }
        }
        if spec.get(pos) == Some(&u32::from(b'z')) {
            f.no_neg_0 = true;
            pos += 1;
        }
        if spec.get(pos) == Some(&u32::from(b'#')) {
            f.alternate = true;
            pos += 1;
        }
        // A '0' before the width means zero padding after the sign (when no fill is given).
        if !fill_specified && spec.get(pos) == Some(&u32::from(b'0')) {
            f.fill = u32::from(b'0');
            if !align_specified && default_align == b'>' {
                f.align = b'=';
            }
            pos += 1;
        }
        f.width = read_integer(spec, &mut pos)?;
        let both = || value_error("Cannot specify both ',' and '_'.");
        if spec.get(pos) == Some(&u32::from(b',')) {
            f.grouping = b',';
            pos += 1;
        }
        if spec.get(pos) == Some(&u32::from(b'_')) {
            if f.grouping != 0 {
                return Err(both());
            }
            f.grouping = b'_';
            pos += 1;
        }
        if spec.get(pos) == Some(&u32::from(b',')) && f.grouping == b'_' {
            return Err(both());
        }
        if spec.get(pos) == Some(&u32::from(b'.')) {
            pos += 1;
            f.precision = read_integer(spec, &mut pos)?;
            if f.precision.is_none() {
                return Err(value_error("Format specifier missing precision"));
            }
        }
        if spec.len() - pos > 1 {
            let text: String = spec.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
            return Err(value_error(format!("Invalid format specifier '{text}' for object of type '{type_name}'")));
        }
        if let Some(&c) = spec.get(pos) {
            f.ty = c;
        }
        if f.grouping != 0 {
            let ok = match char::from_u32(f.ty).unwrap_or('\u{FFFD}') {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
                'b' | 'o' | 'x' | 'X' => f.grouping == b'_',
                _ => false,
            };
            if !ok {
                return Err(value_error(format!(
                    "Cannot specify '{}' with {}.",
                    f.grouping as char,
                    code_text(f.ty)
                )));
            }
        }
        Ok(f)
    }

    fn unknown_code(&self) -> FormatError {
        value_error(format!("Unknown format code {} for object of type '{}'", code_text(self.ty), self.type_name))
    }
}

/// Text as code points.
fn cps(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.chars().map(|c| c as u32)
}

/// Pads `body` (already `len` code points) to the spec's width with its fill and alignment
/// (`=` is treated as `>` here; numbers handle it themselves).
fn pad(out: &mut Vec<u32>, body: &[u32], spec: &FormatSpec) {
    let total = spec.width.unwrap_or(0).max(body.len());
    let padding = total - body.len();
    let left = match spec.align {
        b'<' => 0,
        b'^' => padding / 2,
        _ => padding,
    };
    out.extend(core::iter::repeat(spec.fill).take(left));
    out.extend_from_slice(body);
    out.extend(core::iter::repeat(spec.fill).take(padding - left));
}

// ---- str ----------------------------------------------------------------------------------------

/// `format(s, spec)` for a str with code points `s`.
pub(crate) fn format_str(s: &[u32], spec: &FormatSpec) -> FResult<Vec<u32>> {
    if spec.ty != u32::from(b's') {
        return Err(spec.unknown_code());
    }
    if spec.sign == b' ' {
        return Err(value_error("Space not allowed in string format specifier"));
    }
    if spec.sign != 0 {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_0 {
        return Err(value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == b'=' {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let body = &s[..spec.precision.map_or(s.len(), |p| p.min(s.len()))];
    let mut out = Vec::with_capacity(spec.width.unwrap_or(0).max(body.len()));
    pad(&mut out, body, spec);
    Ok(out)
}

// ---- numbers ------------------------------------------------------------------------------------

/// A number split the way padding and grouping need it.
struct Number<'a> {
    negative: bool,
    /// `0x`, `0b`, ... (the alternate form of int).
    prefix: &'a str,
    /// The integer digits (grouped); may be empty ("inf").
    digits: &'a [u32],
    /// Whether a decimal point follows the digits.
    decimal: bool,
    /// What follows the point (or the digits): fraction, exponent, "%", "inf".
    remainder: &'a str,
}

/// `digits` with a separator every `group` digits from the right, padded with zeros to at
/// least `min_width` code points without ever starting with a separator (CPython's
/// `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &[u32], min_width: usize, group: usize, sep: u32) -> Vec<u32> {
    let mut pieces: Vec<u32> = Vec::new(); // built backwards
    let mut n_chars = digits.len() as isize;
    let mut min_width = min_width as isize;
    let mut first = true;
    loop {
        let l = (group as isize).min(n_chars.max(min_width).max(1));
        let zeros = (l - n_chars).max(0);
        let used = l - zeros;
        if !first {
            pieces.push(sep);
        }
        first = false;
        for i in (0..used).rev() {
            pieces.push(digits[(n_chars - used + i) as usize]);
        }
        pieces.extend(core::iter::repeat(u32::from(b'0')).take(zeros as usize));
        n_chars -= used;
        min_width -= l;
        if n_chars <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    pieces.reverse();
    pieces
}

/// Renders `n` with the spec's sign, grouping, width, fill and alignment (`sign_override`
/// replaces the spec's sign, for complex's imaginary part). Default alignment is right.
fn render_number(out: &mut Vec<u32>, n: &Number, spec: &FormatSpec, sign_override: Option<u8>, width: Option<usize>) {
    let sign = if n.negative {
        Some(b'-')
    } else {
        match sign_override.unwrap_or(spec.sign) {
            b'+' => Some(b'+'),
            b' ' => Some(b' '),
            _ => None,
        }
    };
    let lead = usize::from(sign.is_some()) + n.prefix.len();
    let tail = usize::from(n.decimal) + n.remainder.chars().count();
    let zero_fill = spec.fill == u32::from(b'0') && spec.align == b'=';
    let digits: Vec<u32> = match spec.grouping {
        g @ (b',' | b'_') if !n.digits.is_empty() => {
            let group = if g == b'_' && matches!(char::from_u32(spec.ty), Some('b' | 'o' | 'x' | 'X')) { 4 } else { 3 };
            let min_width = if zero_fill { width.unwrap_or(0).saturating_sub(lead + tail) } else { 0 };
            group_digits(n.digits, min_width, group, u32::from(g))
        }
        _ => n.digits.to_vec(),
    };
    let len = lead + digits.len() + tail;
    let padding = width.unwrap_or(0).saturating_sub(len);
    let (left, middle, right) = match spec.align {
        b'<' => (0, 0, padding),
        b'^' => (padding / 2, 0, padding - padding / 2),
        b'=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    out.extend(core::iter::repeat(spec.fill).take(left));
    if let Some(s) = sign {
        out.push(u32::from(s));
    }
    out.extend(cps(n.prefix));
    out.extend(core::iter::repeat(spec.fill).take(middle));
    out.extend_from_slice(&digits);
    if n.decimal {
        out.push(u32::from(b'.'));
    }
    out.extend(cps(n.remainder));
    out.extend(core::iter::repeat(spec.fill).take(right));
}

/// Splits the text of a formatted double (as `PyOS_double_to_string` gives it) into sign,
/// integer digits, decimal point and the rest, and renders it.
fn render_double_text(out: &mut Vec<u32>, text: &str, spec: &FormatSpec, sign_override: Option<u8>, width: Option<usize>) {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let digits: Vec<u32> = cps(&body[..n_digits]).collect();
    let rest = &body[n_digits..];
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let n = Number { negative, prefix: "", digits: &digits, decimal, remainder };
    render_number(out, &n, spec, sign_override, width);
}

// ---- int ----------------------------------------------------------------------------------------

/// What `format(int, spec)` needs from the int: its sign and its magnitude's digits in a
/// base (lowercase letters), and its value as a code point for `c`.
pub(crate) trait IntDigits {
    fn is_negative(&self) -> bool;
    /// The magnitude in `base` (2, 8, 10 or 16), lowercase, without sign or prefix.
    fn magnitude_digits(&self, base: u32) -> FResult<String>;
    /// The value as a C long (OverflowError "Python int too large to convert to C long").
    fn as_long(&self) -> FResult<i64>;
}

/// The result of formatting an int: text, or "format my float value with this spec" for
/// the float presentation types.
pub(crate) enum IntFormatted {
    Text(Vec<u32>),
    AsFloat,
}

/// `format(n, spec)` for an int.
pub(crate) fn format_int(n: &dyn IntDigits, spec: &FormatSpec) -> FResult<IntFormatted> {
    let ty = char::from_u32(spec.ty).unwrap_or('\u{FFFD}');
    let base = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        'd' | 'n' | 'c' => 10,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return Ok(IntFormatted::AsFloat),
        _ => return Err(spec.unknown_code()),
    };
    if spec.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let mut out = Vec::new();
    if ty == 'c' {
        if spec.sign != 0 {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = n.as_long()?;
        if !(0..0x110000).contains(&c) {
            return Err(FormatError::Overflow("%c arg not in range(0x110000)".into()));
        }
        let digits = [c as u32];
        let num = Number { negative: false, prefix: "", digits: &digits, decimal: false, remainder: "" };
        render_number(&mut out, &num, spec, None, spec.width);
        return Ok(IntFormatted::Text(out));
    }
    let mut text = n.magnitude_digits(base)?;
    if ty == 'X' {
        text.make_ascii_uppercase();
    }
    let prefix = match (spec.alternate, ty) {
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let digits: Vec<u32> = cps(&text).collect();
    let num = Number { negative: n.is_negative(), prefix, digits: &digits, decimal: false, remainder: "" };
    render_number(&mut out, &num, spec, None, spec.width);
    Ok(IntFormatted::Text(out))
}

// ---- float --------------------------------------------------------------------------------------

/// The code and precision and flags `PyOS_double_to_string` gets for a float spec, and
/// whether a '%' follows.
fn float_plan(spec: &FormatSpec, ty: char, for_complex: bool) -> (u8, i32, i32, bool) {
    let mut flags = 0;
    if spec.alternate {
        flags |= Py_DTSF_ALT;
    }
    if spec.no_neg_0 {
        flags |= Py_DTSF_NO_NEG_0;
    }
    let (mut code, default_precision) = match ty {
        '\0' => {
            if !for_complex {
                flags |= Py_DTSF_ADD_DOT_0;
            }
            (b'r', 0)
        }
        'n' => (b'g', 6),
        '%' => (b'f', 6),
        c => (c as u8, 6),
    };
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == b'r' {
                code = b'g';
            }
            p.min(i32::MAX as usize) as i32
        }
    };
    (code, precision, flags, ty == '%')
}

fn check_precision(spec: &FormatSpec) -> FResult<()> {
    match spec.precision {
        Some(p) if p > i32::MAX as usize => Err(value_error("precision too big")),
        _ => Ok(()),
    }
}

/// `format(x, spec)` for a float.
pub(crate) fn format_float(x: f64, spec: &FormatSpec) -> FResult<Vec<u32>> {
    let ty = char::from_u32(spec.ty).unwrap_or('\u{FFFD}');
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(spec.unknown_code());
    }
    check_precision(spec)?;
    let (code, precision, flags, percent) = float_plan(spec, ty, false);
    let value = if percent { x * 100.0 } else { x };
    let (mut text, _) = format_double(value, code, precision, flags).expect("valid code");
    if percent {
        text.push('%');
    }
    let mut out = Vec::with_capacity(text.len().max(spec.width.unwrap_or(0)));
    render_double_text(&mut out, &text, spec, None, spec.width);
    Ok(out)
}

// ---- complex ------------------------------------------------------------------------------------

/// `format(z, spec)` for a complex `(real, imag)`.
pub(crate) fn format_complex(real: f64, imag: f64, spec: &FormatSpec) -> FResult<Vec<u32>> {
    let ty = char::from_u32(spec.ty).unwrap_or('\u{FFFD}');
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(spec.unknown_code());
    }
    check_precision(spec)?;
    let (code, precision, flags, _) = float_plan(spec, ty, true);
    // With no type, a real part of +0.0 is left out, otherwise the result is parenthesized.
    let (skip_re, parens) = match ty {
        '\0' if real == 0.0 && real.is_sign_positive() => (true, false),
        '\0' => (false, true),
        _ => (false, false),
    };
    if spec.fill == u32::from(b'0') {
        return Err(value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == b'=' {
        return Err(value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (re_text, _) = format_double(real, code, precision, flags).expect("valid code");
    let (im_text, _) = format_double(imag, code, precision, flags).expect("valid code");
    let mut body = Vec::new();
    if parens {
        body.push(u32::from(b'('));
    }
    if !skip_re {
        render_double_text(&mut body, &re_text, spec, None, None);
    }
    render_double_text(&mut body, &im_text, spec, if skip_re { None } else { Some(b'+') }, None);
    body.push(u32::from(b'j'));
    if parens {
        body.push(u32::from(b')'));
    }
    let mut out = Vec::with_capacity(body.len().max(spec.width.unwrap_or(0)));
    pad(&mut out, &body, spec);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct I(i128);
    impl IntDigits for I {
        fn is_negative(&self) -> bool {
            self.0 < 0
        }
        fn magnitude_digits(&self, base: u32) -> FResult<String> {
            let m = self.0.unsigned_abs();
            Ok(match base {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            })
        }
        fn as_long(&self) -> FResult<i64> {
            i64::try_from(self.0).map_err(|_| FormatError::Overflow("Python int too large to convert to C long".into()))
        }
    }

    fn text(v: FResult<Vec<u32>>) -> String {
        match v {
            Ok(cps) => cps.iter().map(|&c| char::from_u32(c).unwrap()).collect(),
            Err(FormatError::Value(m)) => format!("ValueError {m}"),
            Err(FormatError::Overflow(m)) => format!("OverflowError {m}"),
            Err(FormatError::Raised) => "raised".into(),
        }
    }

    fn spec<'a>(s: &str, name: &'a str, ty: u32, align: u8) -> FResult<FormatSpec<'a>> {
        FormatSpec::parse(&s.chars().map(|c| c as u32).collect::<Vec<_>>(), name, ty, align)
    }

    pub(super) fn f(x: f64, s: &str) -> String {
        text(spec(s, "float", 0, b'>').and_then(|sp| format_float(x, &sp)))
    }

    pub(super) fn c(re: f64, im: f64, s: &str) -> String {
        text(spec(s, "complex", 0, b'>').and_then(|sp| format_complex(re, im, &sp)))
    }

    pub(super) fn st(v: &str, s: &str) -> String {
        let v: Vec<u32> = v.chars().map(|c| c as u32).collect();
        text(spec(s, "str", u32::from(b's'), b'<').and_then(|sp| format_str(&v, &sp)))
    }

    pub(super) fn i(v: i128, s: &str) -> String {
        let r = spec(s, "int", u32::from(b'd'), b'>').and_then(|sp| match format_int(&I(v), &sp)? {
            IntFormatted::Text(t) => Ok(t),
            IntFormatted::AsFloat => format_float(v as f64, &sp),
        });
        text(r)
    }

    #[test]
    fn table_from_cpython() {
        // Lines of CPython 3.11's results: kind, value, spec, result (tools: see the file's header).
        let table = include_str!("format_spec_cases.txt");
        let mut n = 0;
        let mut failures = Vec::new();
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [kind, value, spec, expected] = fields[..] else { panic!("bad line {line:?}") };
            let unescape = |s: &str| s.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
            let spec = unescape(spec);
            let got = match kind {
                "f" => f(value.parse().unwrap(), &spec),
                "i" => i(value.parse().unwrap(), &spec),
                "s" => st(&unescape(value), &spec),
                "c" => {
                    let (re, im) = value.split_once(',').unwrap();
                    c(re.parse().unwrap(), im.parse().unwrap(), &spec)
                }
                _ => panic!("bad kind {kind}"),
            };
            if got != unescape(expected) {
                failures.push(format!("{kind} {value} {spec:?}: got {got:?}, CPython {:?}", unescape(expected)));
            }
            n += 1;
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
        assert!(n > 1000, "only {n} cases");
    }
}
