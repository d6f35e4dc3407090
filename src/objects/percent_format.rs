//! printf-style `%` formatting shared by `str % args` (str_percent.rs) and `bytes % args` /
//! `bytearray % args` (bytes_percent.rs), with CPython 3.11's rules and messages.
//!
//! A conversion is `%[(key)][flags][width][.precision][hlL]type`: flags `-+ #0`, width and
//! precision digits or `*` (taken from the arguments). `args` is a tuple of values, or one
//! value; a mapping (as each caller defines it) also serves `%(key)` lookups. A key's value
//! is the argument of its conversion (and of a `*` before it), as in CPython.
//!
//! The walk over the format, the specification, the numeric conversions (`d i u o x X e E
//! f F g G`) and padding are here, generic over the format's unit (`u32` code points or
//! bytes) and the output (`Sink`); the text conversions (`s r a c`, and `b` for bytes) are
//! the caller's.
use crate::abstract_::{from_slot, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::{int, tuple};
use crate::runtime::strtod::{format_double, Py_DTSF_ALT};

pub(crate) fn value_error(message: impl Into<String>) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// Where formatted units go: str's code-point writer or a byte vector.
pub(crate) trait Sink {
    fn push_unit(&mut self, c: u32);
    fn push_units(&mut self, c: u32, n: usize);
    fn push_ascii(&mut self, s: &str);
}

impl Sink for crate::objects::unicode_text::Out {
    fn push_unit(&mut self, c: u32) {
        self.push(c);
    }
    fn push_units(&mut self, c: u32, n: usize) {
        self.push_n(c, n);
    }
    fn push_ascii(&mut self, s: &str) {
        self.push_str(s);
    }
}

impl Sink for Vec<u8> {
    fn push_unit(&mut self, c: u32) {
        self.push(c as u8);
    }
    fn push_units(&mut self, c: u32, n: usize) {
        self.resize(self.len() + n, c as u8);
    }
    fn push_ascii(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
}

/// Where conversions take their values (a non-tuple value counts as one argument).
pub(crate) struct Args {
    args: *mut PyObject,
    /// Number of positional values; -1 when `args` is a single value.
    len: isize,
    /// The next one; starts at -2 for a single value.
    idx: isize,
    /// The mapping for `%(key)`, or NULL.
    dict: *mut PyObject,
    /// The value a key looked up (kept alive while it is `args`).
    keyed: Option<PyRef>,
}

impl Args {
    /// `args` of `format % args`; `mapping_allowed` says whether the caller's rules let a
    /// non-tuple `args` with `mp_subscript` serve as the mapping.
    pub(crate) unsafe fn new(args: *mut PyObject, mapping_allowed: bool) -> Args {
        let is_tuple = tuple::is_tuple(args);
        let (len, idx) = if is_tuple { (tuple::len(args) as isize, 0) } else { (-1, -2) };
        let mapping = (*(*args).ob_type).tp_as_mapping.as_ref().is_some_and(|m| m.mp_subscript.is_some());
        let dict = if mapping && !is_tuple && mapping_allowed { args } else { core::ptr::null_mut() };
        Args { args, len, idx, dict, keyed: None }
    }

    pub(crate) unsafe fn next(&mut self) -> PyResult<*mut PyObject> {
        if self.idx < self.len {
            self.idx += 1;
            return Ok(if self.len < 0 { self.args } else { tuple::items(self.args)[self.idx as usize - 1] });
        }
        Err(type_error("not enough arguments for format string"))
    }

    /// Looks `key` up in the mapping; its value becomes the single argument.
    unsafe fn use_key(&mut self, key: impl FnOnce() -> PyResult<PyRef>) -> PyResult<()> {
        if self.dict.is_null() {
            return Err(type_error("format requires a mapping"));
        }
        let k = key()?;
        let v = from_slot(crate::abstract_::item::PyObject_GetItem(self.dict, k.as_ptr()))?;
        self.args = v.as_ptr();
        self.keyed = Some(v);
        self.len = -1;
        self.idx = -2;
        Ok(())
    }

    /// Positional values were left unused (not an error with a mapping).
    fn unused(&self) -> bool {
        self.idx < self.len && self.dict.is_null()
    }
}

/// The parsed `%` specification.
#[derive(Default)]
pub(crate) struct Spec {
    pub left: bool,
    pub sign: bool,
    pub blank: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub precision: Option<usize>,
}

/// `*`: the next argument, which must be an int (C int range).
unsafe fn star_arg(args: &mut Args) -> PyResult<i32> {
    let v = args.next()?;
    if !int::is_int(v) {
        return Err(type_error("* wants int"));
    }
    crate::objects::str_pad::int_arg(v)
}

/// Decimal digits of a width or precision (`what` names it in the overflow message).
fn read_number<T: Copy + Into<u32>>(f: &[T], i: &mut usize, what: &str) -> PyResult<usize> {
    let mut v: usize = 0;
    while *i < f.len() && (b'0' as u32..=b'9' as u32).contains(&f[*i].into()) {
        let d = (f[*i].into() - b'0' as u32) as usize;
        v = match v.checked_mul(10).and_then(|v| v.checked_add(d)).filter(|&v| v <= (i32::MAX as usize)) {
            Some(v) => v,
            None => return Err(value_error(format!("{what} too big"))),
        };
        *i += 1;
    }
    Ok(v)
}

/// Appends `body` padded to the spec's width with spaces (left or right).
pub(crate) fn pad_text<S: Sink>(out: &mut S, body: impl ExactSizeIterator<Item = u32>, spec: &Spec) {
    let fill = spec.width.unwrap_or(0).saturating_sub(body.len());
    if !spec.left {
        out.push_units(' ' as u32, fill);
    }
    for c in body {
        out.push_unit(c);
    }
    if spec.left {
        out.push_units(' ' as u32, fill);
    }
}

/// Appends a number: `prefix` (sign and base prefix), `zeros` zeros (a precision), then
/// `digits`; padded to the width with zeros after the prefix under the `0` flag, else with
/// spaces.
fn pad_number<S: Sink>(out: &mut S, prefix: &str, zeros: usize, digits: &str, spec: &Spec) {
    let len = prefix.len() + zeros + digits.len();
    let fill = spec.width.unwrap_or(0).saturating_sub(len);
    if !spec.left && !spec.zero {
        out.push_units(' ' as u32, fill);
    }
    out.push_ascii(prefix);
    if spec.zero && !spec.left {
        out.push_units('0' as u32, fill);
    }
    out.push_units('0' as u32, zeros);
    out.push_ascii(digits);
    if spec.left {
        out.push_units(' ' as u32, fill);
    }
}

/// The digits of `m` in `base` (8, 10 or 16) written at the end of `buf`.
fn digits_of(mut m: u128, base: u32, upper: bool, buf: &mut [u8; 128]) -> &str {
    let table: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = table[(m % base as u128) as usize];
        m /= base as u128;
        if m == 0 {
            break;
        }
    }
    // SAFETY: ASCII digits only.
    unsafe { core::str::from_utf8_unchecked(&buf[i..]) }
}

fn sign_text(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else if spec.sign {
        "+"
    } else if spec.blank {
        " "
    } else {
        ""
    }
}

/// `%d %i %u %o %x %X`.
unsafe fn format_int<S: Sink>(out: &mut S, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<()> {
    let owned;
    let n = if int::is_int(v) {
        v
    } else {
        let number = crate::abstract_::number::PyNumber_Check(v) != 0;
        let c = ty as char;
        owned = match ty {
            b'o' | b'x' | b'X' if number && crate::abstract_::item::is_index(v) => {
                from_slot(crate::abstract_::number::PyNumber_Index(v))?
            }
            b'd' | b'i' | b'u' if number && !crate::objects::complex::is_complex(v) => {
                from_slot(crate::abstract_::number::PyNumber_Long(v))?
            }
            b'o' | b'x' | b'X' => return Err(type_error(format!("%{c} format: an integer is required, not {}", tp_name(v)))),
            _ => return Err(type_error(format!("%{c} format: a real number is required, not {}", tp_name(v)))),
        };
        owned.as_ptr()
    };
    let base = match ty {
        b'o' => 8,
        b'x' | b'X' => 16,
        _ => 10,
    };
    // Values that fit 128 bits are written on the stack; others through the int's str.
    let mut buf = [0u8; 128];
    let text;
    let (negative, digits) = match crate::objects::long_convert::int_to_i128(n) {
        Some(v) => (v < 0, digits_of(v.unsigned_abs(), base, ty == b'X', &mut buf)),
        None => {
            let mut t = crate::objects::long_str::to_base_string(n, base)?;
            if ty == b'X' {
                t.make_ascii_uppercase();
            }
            text = t;
            match text.strip_prefix('-') {
                Some(m) => (true, m),
                None => (false, text.as_str()),
            }
        }
    };
    let zeros = spec.precision.map_or(0, |p| p.saturating_sub(digits.len()));
    let base_prefix = match (spec.alt, ty) {
        (true, b'o') => "0o",
        (true, b'x') => "0x",
        (true, b'X') => "0X",
        _ => "",
    };
    let sign = sign_text(negative, spec);
    if base_prefix.is_empty() {
        pad_number(out, sign, zeros, digits, spec);
    } else {
        pad_number(out, &[sign, base_prefix].concat(), zeros, digits, spec);
    }
    Ok(())
}

/// `%e %E %f %F %g %G`.
unsafe fn format_float<S: Sink>(out: &mut S, v: *mut PyObject, ty: u8, spec: &Spec, float_required: bool) -> PyResult<()> {
    let x = crate::objects::float::PyFloat_AsDouble(v);
    if x == -1.0 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        if float_required {
            crate::errors::pyerr::PyErr_Clear();
            return Err(type_error(format!("float argument required, not {}", tp_name(v))));
        }
        return Err(Raised::assume_set());
    }
    let precision = spec.precision.unwrap_or(6) as i32;
    let flags = if spec.alt { Py_DTSF_ALT } else { 0 };
    let (text, _) = format_double(x, ty, precision, flags).ok_or_else(bad_internal_call)?;
    let (negative, body) = match text.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, text.as_str()),
    };
    pad_number(out, sign_text(negative, spec), 0, body, spec);
    Ok(())
}

/// What a caller of `format` supplies: how a `%(key)` becomes a key object, and the
/// conversions that are not numeric. `convert` returns false for a type it does not know.
pub(crate) trait Flavor<T, S: Sink> {
    /// "string" or "bytes", for "not all arguments converted during ... formatting".
    const WHAT: &'static str;
    /// "precision" or "prec", for "... too big".
    const PRECISION: &'static str;
    /// Whether a failed float conversion becomes "float argument required, not T" (bytes)
    /// rather than staying the conversion's own error (str).
    const FLOAT_REQUIRED: bool;
    /// The error for conversion type `ty` at index `i` that no one knows.
    fn unsupported(ty: u32, i: usize) -> Raised {
        let shown = if (0x20..0x7f).contains(&ty) { ty as u8 as char } else { '?' };
        value_error(format!("unsupported format character '{shown}' (0x{ty:x}) at index {i}"))
    }
    unsafe fn key(&self, key: &[T]) -> PyResult<PyRef>;
    unsafe fn convert(&self, out: &mut S, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<bool>;
}

/// `f % args` written to `out`.
///
/// # Safety
/// `args` is a live object.
pub(crate) unsafe fn format<T, S, F>(f: &[T], args: &mut Args, out: &mut S, flavor: &F) -> PyResult<()>
where
    T: Copy + Into<u32>,
    S: Sink,
    F: Flavor<T, S>,
{
    let n = f.len();
    let mut i = 0;
    while i < n {
        // Literal text up to the next '%'.
        while i < n && f[i].into() != '%' as u32 {
            out.push_unit(f[i].into());
            i += 1;
        }
        if i == n {
            break;
        }
        i += 1;
        if i < n && f[i].into() == '%' as u32 {
            out.push_unit('%' as u32);
            i += 1;
            continue;
        }
        i = conversion(f, i, args, out, flavor)?;
    }
    if args.unused() {
        return Err(type_error(format!("not all arguments converted during {} formatting", F::WHAT)));
    }
    Ok(())
}

/// Parses and renders the conversion starting at `f[i]` (after its `%`); returns the index
/// after it.
unsafe fn conversion<T, S, F>(f: &[T], mut i: usize, args: &mut Args, out: &mut S, flavor: &F) -> PyResult<usize>
where
    T: Copy + Into<u32>,
    S: Sink,
    F: Flavor<T, S>,
{
    let n = f.len();
    let at = |i: usize| f[i].into();
    if i < n && at(i) == '(' as u32 {
        // The key runs to the matching parenthesis.
        let mut depth = 1;
        let start = i + 1;
        i += 1;
        while i < n {
            if at(i) == '(' as u32 {
                depth += 1;
            } else if at(i) == ')' as u32 {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            i += 1;
        }
        if i == n {
            return Err(value_error("incomplete format key"));
        }
        args.use_key(|| flavor.key(&f[start..i]))?;
        i += 1;
    }
    let mut spec = Spec::default();
    while i < n {
        match char::from_u32(at(i)) {
            Some('-') => spec.left = true,
            Some('+') => spec.sign = true,
            Some(' ') => spec.blank = true,
            Some('#') => spec.alt = true,
            Some('0') => spec.zero = true,
            _ => break,
        }
        i += 1;
    }
    if i < n && at(i) == '*' as u32 {
        let w = star_arg(args)?;
        if w < 0 {
            spec.left = true;
        }
        spec.width = Some(w.unsigned_abs() as usize);
        i += 1;
    } else if i < n && (b'0' as u32..=b'9' as u32).contains(&at(i)) {
        spec.width = Some(read_number(f, &mut i, "width")?);
    }
    if i < n && at(i) == '.' as u32 {
        i += 1;
        if i < n && at(i) == '*' as u32 {
            spec.precision = Some(star_arg(args)?.max(0) as usize);
            i += 1;
        } else {
            spec.precision = Some(read_number(f, &mut i, F::PRECISION)?);
        }
    }
    while i < n && matches!(char::from_u32(at(i)), Some('h' | 'l' | 'L')) {
        i += 1;
    }
    if i == n {
        return Err(value_error("incomplete format"));
    }
    let ty = at(i);
    let v = args.next()?;
    let t = if ty < 128 { ty as u8 } else { 0 };
    let done = match t {
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
            format_int(out, v, t, &spec)?;
            true
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            format_float(out, v, t, &spec, F::FLOAT_REQUIRED)?;
            true
        }
        0 => false,
        _ => flavor.convert(out, v, t, &spec)?,
    };
    if !done {
        return Err(F::unsupported(ty, i));
    }
    Ok(i + 1)
}
