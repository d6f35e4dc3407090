//! printf-style formatting of str: `format % args` (`str.__mod__`, `nb_remainder` of str)
//! and `PyUnicode_Format`, with CPython 3.11's rules and messages.
//!
//! A conversion is `%[(key)][flags][width][.precision][hlL]type`: flags `-+ #0`, width and
//! precision digits or `*` (taken from the arguments), types `s r a c d i u o x X e E f F g
//! G` and `%%`. `args` is a tuple of values, or one value; a mapping that is neither tuple
//! nor str also serves `%(key)` lookups. A key's value is the argument of its conversion
//! (and of a `*` before it), as in CPython.
use crate::abstract_::{from_slot, new_ref, not_implemented, ret_obj, tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::unicode_text::{Out, Text};
use crate::objects::{int, tuple};
use crate::runtime::strtod::{format_double, Py_DTSF_ALT};

fn value_error(message: impl Into<String>) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

fn overflow_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

/// Where conversions take their values (CPython's `arglen`/`argidx` scheme: a non-tuple
/// value counts as one argument).
struct Args {
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
    unsafe fn new(args: *mut PyObject) -> Args {
        let is_tuple = tuple::is_tuple(args);
        let (len, idx) = if is_tuple { (tuple::len(args) as isize, 0) } else { (-1, -2) };
        let mapping = (*(*args).ob_type).tp_as_mapping.as_ref().is_some_and(|m| m.mp_subscript.is_some());
        let dict = if mapping && !is_tuple && !pystr::is_str(args) { args } else { core::ptr::null_mut() };
        Args { args, len, idx, dict, keyed: None }
    }

    unsafe fn next(&mut self) -> PyResult<*mut PyObject> {
        if self.idx < self.len {
            self.idx += 1;
            return Ok(if self.len < 0 { self.args } else { tuple::items(self.args)[self.idx as usize - 1] });
        }
        Err(type_error("not enough arguments for format string"))
    }

    /// Looks `key` up in the mapping; its value becomes the single argument.
    unsafe fn use_key(&mut self, key: &[Py_UCS4]) -> PyResult<()> {
        if self.dict.is_null() {
            return Err(type_error("format requires a mapping"));
        }
        let k = crate::objects::unicode_text::from_code_points(key, key.iter().copied().max().unwrap_or(0))?;
        let v = from_slot(crate::abstract_::item::PyObject_GetItem(self.dict, k.as_ptr()))?;
        self.args = v.as_ptr();
        self.keyed = Some(v);
        self.len = -1;
        self.idx = -2;
        Ok(())
    }
}

/// The parsed `%` specification.
#[derive(Default)]
struct Spec {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
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
fn read_number(f: &[Py_UCS4], i: &mut usize, what: &str) -> PyResult<usize> {
    let mut v: usize = 0;
    while *i < f.len() && (b'0' as Py_UCS4..=b'9' as Py_UCS4).contains(&f[*i]) {
        let d = (f[*i] - b'0' as Py_UCS4) as usize;
        v = match v.checked_mul(10).and_then(|v| v.checked_add(d)).filter(|&v| v <= (i32::MAX as usize)) {
            Some(v) => v,
            None => return Err(value_error(format!("{what} too big"))),
        };
        *i += 1;
    }
    Ok(v)
}

/// Appends `body` padded to the spec's width with spaces (left or right).
fn pad_text(out: &mut Out, body: &[Py_UCS4], spec: &Spec) {
    let fill = spec.width.unwrap_or(0).saturating_sub(body.len());
    if !spec.left {
        out.push_n(' ' as Py_UCS4, fill);
    }
    for &c in body {
        out.push(c);
    }
    if spec.left {
        out.push_n(' ' as Py_UCS4, fill);
    }
}

/// Appends a number: `prefix` (sign and base prefix) then `digits`, padded with zeros
/// between the two under the `0` flag, else with spaces.
fn pad_number(out: &mut Out, prefix: &str, digits: &str, spec: &Spec) {
    let len = prefix.len() + digits.len();
    let fill = spec.width.unwrap_or(0).saturating_sub(len);
    if spec.left {
        out.push_str(prefix);
        out.push_str(digits);
        out.push_n(' ' as Py_UCS4, fill);
    } else if spec.zero {
        out.push_str(prefix);
        out.push_n('0' as Py_UCS4, fill);
        out.push_str(digits);
    } else {
        out.push_n(' ' as Py_UCS4, fill);
        out.push_str(prefix);
        out.push_str(digits);
    }
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
unsafe fn format_int(out: &mut Out, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<()> {
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
    let text = crate::objects::long_str::to_base_string(n, base)?;
    let (negative, mut digits) = match text.strip_prefix('-') {
        Some(m) => (true, m.to_string()),
        None => (false, text),
    };
    if ty == b'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision {
        if digits.len() < p {
            digits.insert_str(0, &"0".repeat(p - digits.len()));
        }
    }
    let mut prefix = sign_text(negative, spec).to_string();
    if spec.alt {
        prefix.push_str(match ty {
            b'o' => "0o",
            b'x' => "0x",
            b'X' => "0X",
            _ => "",
        });
    }
    pad_number(out, &prefix, &digits, spec);
    Ok(())
}

/// `%e %E %f %F %g %G`.
unsafe fn format_float(out: &mut Out, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<()> {
    let x = crate::objects::float::PyFloat_AsDouble(v);
    if x == -1.0 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    let precision = spec.precision.unwrap_or(6) as i32;
    let flags = if spec.alt { Py_DTSF_ALT } else { 0 };
    let (text, _) = format_double(x, ty, precision, flags).ok_or_else(bad_internal_call)?;
    let (negative, body) = match text.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, text.as_str()),
    };
    pad_number(out, sign_text(negative, spec), body, spec);
    Ok(())
}

/// `%c`: an int code point or a one-character str.
unsafe fn format_char(out: &mut Out, v: *mut PyObject, spec: &Spec) -> PyResult<()> {
    let c = if pystr::is_str(v) {
        if pystr::len(v) != 1 {
            return Err(type_error("%c requires int or char"));
        }
        pystr::read_char(v, 0)
    } else if int::is_int(v) || crate::abstract_::item::is_index(v) {
        let n = from_slot(crate::abstract_::number::PyNumber_Index(v))?;
        match crate::objects::long_convert::int_to_i128(n.as_ptr()) {
            Some(c) if (0..0x110000).contains(&c) => c as Py_UCS4,
            _ => return Err(overflow_error("%c arg not in range(0x110000)")),
        }
    } else {
        return Err(type_error("%c requires int or char"));
    };
    pad_text(out, &[c], spec);
    Ok(())
}

/// `%s %r %a`: the text of `str()`, `repr()` or `ascii()`, cut to the precision.
unsafe fn format_text(out: &mut Out, v: *mut PyObject, ty: u8, spec: &Spec) -> PyResult<()> {
    use crate::abstract_::object::{PyObject_ASCII, PyObject_Repr, PyObject_Str};
    let s = match ty {
        b's' if (*v).ob_type == &raw mut pystr::PyUnicode_Type => new_ref(v),
        b's' => from_slot(PyObject_Str(v))?,
        b'r' => from_slot(PyObject_Repr(v))?,
        _ => from_slot(PyObject_ASCII(v))?,
    };
    let t = Text::of(s.as_ptr());
    let n = spec.precision.map_or(t.len(), |p| p.min(t.len()));
    if spec.width.unwrap_or(0) <= n && n == t.len() {
        out.extend_text(t);
        return Ok(());
    }
    let body: Vec<Py_UCS4> = t.chars().take(n).collect();
    pad_text(out, &body, spec);
    Ok(())
}

/// `format % args`.
///
/// # Safety
/// `format` is a live str, `args` a live object.
pub(crate) unsafe fn percent_format(format: *mut PyObject, args: *mut PyObject) -> PyResult<PyRef> {
    let mut fmt = Out::with_capacity(0);
    fmt.extend_text(Text::of(format));
    let f = fmt.code_points();
    let mut args = Args::new(args);
    let mut out = Out::with_capacity(f.len() + 16);
    let n = f.len();
    let mut i = 0;
    while i < n {
        // Literal text up to the next '%'.
        let start = i;
        while i < n && f[i] != '%' as Py_UCS4 {
            i += 1;
        }
        for &c in &f[start..i] {
            out.push(c);
        }
        if i == n {
            break;
        }
        i += 1;
        if i < n && f[i] == '%' as Py_UCS4 {
            out.push('%' as Py_UCS4);
            i += 1;
            continue;
        }
        i = conversion(&f, i, &mut args, &mut out)?;
    }
    if args.idx < args.len && args.dict.is_null() {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    out.finish()
}

/// Parses and renders the conversion starting at `f[i]` (after its `%`); returns the index
/// after it.
unsafe fn conversion(f: &[Py_UCS4], mut i: usize, args: &mut Args, out: &mut Out) -> PyResult<usize> {
    let n = f.len();
    let incomplete = || value_error("incomplete format");
    if i < n && f[i] == '(' as Py_UCS4 {
        // The key runs to the matching parenthesis.
        let mut depth = 1;
        let start = i + 1;
        i += 1;
        while i < n {
            if f[i] == '(' as Py_UCS4 {
                depth += 1;
            } else if f[i] == ')' as Py_UCS4 {
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
        args.use_key(&f[start..i])?;
        i += 1;
    }
    let mut spec = Spec::default();
    while i < n {
        match char::from_u32(f[i]) {
            Some('-') => spec.left = true,
            Some('+') => spec.sign = true,
            Some(' ') => spec.blank = true,
            Some('#') => spec.alt = true,
            Some('0') => spec.zero = true,
            _ => break,
        }
        i += 1;
    }
    if i < n && f[i] == '*' as Py_UCS4 {
        let w = star_arg(args)?;
        if w < 0 {
            spec.left = true;
        }
        spec.width = Some(w.unsigned_abs() as usize);
        i += 1;
    } else if i < n && (b'0' as Py_UCS4..=b'9' as Py_UCS4).contains(&f[i]) {
        spec.width = Some(read_number(f, &mut i, "width")?);
    }
    if i < n && f[i] == '.' as Py_UCS4 {
        i += 1;
        if i < n && f[i] == '*' as Py_UCS4 {
            spec.precision = Some(star_arg(args)?.max(0) as usize);
            i += 1;
        } else {
            spec.precision = Some(read_number(f, &mut i, "precision")?);
        }
    }
    while i < n && matches!(char::from_u32(f[i]), Some('h' | 'l' | 'L')) {
        i += 1;
    }
    if i == n {
        return Err(incomplete());
    }
    let ty = f[i];
    let v = args.next()?;
    let t = if ty < 128 { ty as u8 } else { 0 };
    match t {
        b's' | b'r' | b'a' => format_text(out, v, t, &spec)?,
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => format_int(out, v, t, &spec)?,
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => format_float(out, v, t, &spec)?,
        b'c' => format_char(out, v, &spec)?,
        _ => {
            let shown = if (0x20..0x7f).contains(&ty) { ty as u8 as char } else { '?' };
            return Err(value_error(format!(
                "unsupported format character '{shown}' (0x{ty:x}) at index {i}"
            )));
        }
    }
    Ok(i + 1)
}

/// `PyObject *PyUnicode_Format(PyObject *format, PyObject *args)`: `format % args`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Format(format: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if format.is_null() || args.is_null() {
        let _ = bad_internal_call();
        return core::ptr::null_mut();
    }
    if !pystr::is_str(format) {
        let _ = type_error(format!("must be str, not {}", tp_name(format)));
        return core::ptr::null_mut();
    }
    ret_obj(percent_format(format, args))
}

/// `nb_remainder` of str: `str % args`; NotImplemented when the left operand is not a str.
pub(crate) unsafe extern "C" fn unicode_mod(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    if !pystr::is_str(v) {
        return new_ref(not_implemented()).into_ptr();
    }
    ret_obj(percent_format(v, w))
}

/// str's number suite: only `%`.
pub(crate) static mut UNICODE_AS_NUMBER: crate::object::slots::PyNumberMethods = crate::object::slots::PyNumberMethods {
    nb_remainder: Some(unicode_mod),
    // SAFETY: the other slots are NULL.
    ..unsafe { core::mem::zeroed() }
};
