//! `PyUnicode_FromFormat`'s formatting, with CPython 3.11's rules: conversions `%%` `%c`
//! `%d` `%i` `%u` (with `l`, `ll`, `z`), `%x`, `%p`, `%s`, `%U`, `%V`, `%S`, `%R`, `%A`; an
//! optional `0` flag, width and `.precision`; an unknown conversion copies the rest of the
//! format as it is. The C shim (src/c/errors_format.c) has already pulled the arguments out
//! of the va_list into `FmtArg`s, walking the format with the same rules.
//!
//! Width and precision as 3.11 applies them: for numbers the precision is a minimum count of
//! digits (zeros in front of the text, sign included) and the width pads on the left with
//! spaces, or zeros with the `0` flag; for text the precision truncates (bytes for `%s` and a
//! `%V` C string, characters otherwise) and the width pads with spaces. `%c` and `%p` ignore
//! both.
use core::ffi::{c_char, CStr};

use crate::errors::objtext;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::str as pystr;

/// One argument of the format, as the C shim read it (`ferropy_fmt_arg`).
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) union FmtArg {
    pub i: i64,
    pub u: u64,
    pub p: *const core::ffi::c_void,
}

/// The Rust functions the C shim calls (`struct ferropy_format_callbacks` of
/// src/c/errors_format.c), reached through pointers so the library exports no extra name.
#[repr(C)]
pub(crate) struct FormatCallbacks {
    unicode_from_format: unsafe extern "C" fn(*const c_char, *const FmtArg, usize) -> *mut PyObject,
    warn_message: unsafe extern "C" fn(*mut PyObject, *mut PyObject, crate::pyport::Py_ssize_t, *mut PyObject, core::ffi::c_int) -> core::ffi::c_int,
    warn_explicit_message: unsafe extern "C" fn(
        *mut PyObject,
        *mut PyObject,
        *const c_char,
        core::ffi::c_int,
        *const c_char,
        *mut PyObject,
    ) -> core::ffi::c_int,
    chain_cause: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject),
}

extern "C" {
    static mut ferropy_c_format_callbacks: FormatCallbacks;
}

/// Fills the shim's callbacks when the library is loaded, before any C code can call it.
#[used]
#[link_section = ".init_array"]
static SET_FORMAT_CALLBACKS: unsafe extern "C" fn() = set_format_callbacks;

unsafe extern "C" fn set_format_callbacks() {
    ferropy_c_format_callbacks = FormatCallbacks {
        unicode_from_format,
        warn_message: crate::errors::warnings::warn_message,
        warn_explicit_message: crate::errors::warnings::warn_explicit_message,
        chain_cause: crate::errors::chain::chain_cause,
    };
}

/// The C shim's callback: the formatted str, or NULL with the exception set.
///
/// # Safety
/// `format` is NUL-terminated and `args` holds `nargs` arguments read per the format.
unsafe extern "C" fn unicode_from_format(format: *const c_char, args: *const FmtArg, nargs: usize) -> *mut PyObject {
    if format.is_null() {
        let _ = no_memory();
        return core::ptr::null_mut();
    }
    let args = if nargs == 0 { &[][..] } else { core::slice::from_raw_parts(args, nargs) };
    match format_to_string(CStr::from_ptr(format).to_bytes(), args).and_then(|s| pystr::from_utf8(&s)) {
        Ok(s) => s.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// The next argument (the shim guarantees one per conversion it read).
struct Args<'a> {
    args: &'a [FmtArg],
    next: usize,
}

impl Args<'_> {
    fn take(&mut self) -> PyResult<FmtArg> {
        let a = self.args.get(self.next).copied().ok_or_else(bad_internal_call)?;
        self.next += 1;
        Ok(a)
    }
}

/// Pads `text` on the left to `width` characters.
fn pad(text: String, width: Option<usize>, fill: char) -> String {
    let n = text.chars().count();
    match width {
        Some(w) if w > n => {
            let mut s: String = core::iter::repeat_n(fill, w - n).collect();
            s.push_str(&text);
            s
        }
        _ => text,
    }
}

/// A number's text with 3.11's precision (zeros in front) and width.
fn number(text: String, zeropad: bool, width: Option<usize>, precision: Option<usize>) -> String {
    let text = pad(text, precision, '0');
    pad(text, width, if zeropad { '0' } else { ' ' })
}

/// Text truncated to `precision` characters, then padded to `width`.
fn text_chars(text: String, width: Option<usize>, precision: Option<usize>) -> String {
    let text = match precision {
        Some(p) => text.chars().take(p).collect(),
        None => text,
    };
    pad(text, width, ' ')
}

/// A C string decoded as UTF-8 (invalid bytes replaced), truncated to `precision` bytes first.
unsafe fn c_text(p: *const c_char, width: Option<usize>, precision: Option<usize>) -> PyResult<String> {
    if p.is_null() {
        return Err(bad_internal_call());
    }
    let bytes = CStr::from_ptr(p).to_bytes();
    let bytes = match precision {
        Some(n) if n < bytes.len() => &bytes[..n],
        _ => bytes,
    };
    Ok(pad(String::from_utf8_lossy(bytes).into_owned(), width, ' '))
}

/// `ascii(op)`: the repr with non-ASCII characters escaped.
unsafe fn ascii(op: *mut PyObject) -> PyResult<String> {
    let r = objtext::repr_string(op)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v <= 0xff {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v <= 0xffff {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    Ok(out)
}

/// `str(op)` / `repr(op)` of a possibly NULL object ("<NULL>", as CPython).
unsafe fn object_text(op: *mut PyObject, kind: u8) -> PyResult<String> {
    if op.is_null() {
        return Ok("<NULL>".into());
    }
    match kind {
        b'S' => objtext::str_string(op),
        b'R' => objtext::repr_string(op),
        _ => ascii(op),
    }
}

/// Appends literal text of a format, which must be ASCII (ValueError otherwise, as CPython).
fn push_literal(out: &mut String, text: &[u8]) -> PyResult<()> {
    if let Some(&b) = text.iter().find(|&&b| b > 127) {
        return Err(crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_ValueError,
            format!("PyUnicode_FromFormatV() expects an ASCII-encoded format string, got a non-ASCII byte: {b:#04x}"),
        ));
    }
    out.push_str(core::str::from_utf8(text).unwrap_or_default());
    Ok(())
}

/// Formats `format` with `args` (the Rust side of `PyUnicode_FromFormatV`).
pub(crate) unsafe fn format_to_string(format: &[u8], args: &[FmtArg]) -> PyResult<String> {
    let mut args = Args { args, next: 0 };
    let mut out = String::new();
    let mut literal_start = 0;
    let mut i = 0;
    let at = |i: usize| format.get(i).copied().unwrap_or(0);
    while i < format.len() {
        if format[i] != b'%' {
            i += 1;
            continue;
        }
        push_literal(&mut out, &format[literal_start..i])?;
        let spec_start = i;
        i += 1;
        let zeropad = at(i) == b'0';
        if zeropad {
            i += 1;
        }
        let mut width = None;
        while at(i).is_ascii_digit() {
            width = Some(width.unwrap_or(0usize).saturating_mul(10).saturating_add((at(i) - b'0') as usize));
            i += 1;
        }
        let mut precision = None;
        if at(i) == b'.' {
            i += 1;
            let mut p = 0usize;
            while at(i).is_ascii_digit() {
                p = p.saturating_mul(10).saturating_add((at(i) - b'0') as usize);
                i += 1;
            }
            precision = Some(p);
        }
        if at(i) == b'%' {
            out.push('%');
            i += 1;
            literal_start = i;
            continue;
        }
        let is_int_conv = |c: u8| c == b'd' || c == b'u' || c == b'i';
        if at(i) == b'l' && is_int_conv(at(i + 1)) {
            i += 1;
        } else if at(i) == b'l' && at(i + 1) == b'l' && is_int_conv(at(i + 2)) {
            i += 2;
        } else if at(i) == b'z' && is_int_conv(at(i + 1)) {
            i += 1;
        }
        let piece = match at(i) {
            b'c' => {
                let v = args.take()?.i;
                match u32::try_from(v).ok().and_then(char::from_u32) {
                    Some(c) => c.to_string(),
                    None if (0..0x110000).contains(&v) => '\u{FFFD}'.to_string(), // a lone surrogate
                    None => {
                        return Err(raise_type(
                            &raw mut crate::errors::exception_types::_PyExc_OverflowError,
                            "character argument not in range(0x110000)",
                        ))
                    }
                }
            }
            b'd' | b'i' if width.is_none() && precision.is_none() => {
                use core::fmt::Write;
                let _ = write!(out, "{}", args.take()?.i);
                String::new()
            }
            b'd' | b'i' => number(args.take()?.i.to_string(), zeropad, width, precision),
            b'u' => number(args.take()?.u.to_string(), zeropad, width, precision),
            b'x' => number(format!("{:x}", args.take()?.u), zeropad, width, precision),
            b'p' => {
                let p = args.take()?.p;
                if p.is_null() { "0x(nil)".into() } else { format!("{:#x}", p as usize) }
            }
            b's' if width.is_none() && precision.is_none() => {
                let p = args.take()?.p as *const c_char;
                if p.is_null() {
                    return Err(bad_internal_call());
                }
                out.push_str(&String::from_utf8_lossy(CStr::from_ptr(p).to_bytes()));
                String::new()
            }
            b's' => c_text(args.take()?.p as *const c_char, width, precision)?,
            b'U' => {
                let op = args.take()?.p as *mut PyObject;
                if op.is_null() || !pystr::is_str(op) {
                    return Err(bad_internal_call());
                }
                text_chars(pystr::to_string(op), width, precision)
            }
            b'V' => {
                let op = args.take()?.p as *mut PyObject;
                let s = args.take()?.p as *const c_char;
                if !op.is_null() {
                    if !pystr::is_str(op) {
                        return Err(bad_internal_call());
                    }
                    text_chars(pystr::to_string(op), width, precision)
                } else {
                    c_text(s, width, precision)?
                }
            }
            c @ (b'S' | b'R' | b'A') => {
                let op = args.take()?.p as *mut PyObject;
                text_chars(object_text(op, c)?, width, precision)
            }
            _ => {
                // Unknown: the rest of the format, from this '%', is copied as it is.
                out.push_str(&String::from_utf8_lossy(&format[spec_start..]));
                return Ok(out);
            }
        };
        out.push_str(&piece);
        i += 1;
        literal_start = i;
    }
    push_literal(&mut out, &format[literal_start..])?;
    Ok(out)
}

/// Formats in Rust with the C rules, for Rust callers that have the arguments at hand.
#[allow(dead_code)]
pub(crate) unsafe fn format_object(format: &CStr, args: &[FmtArg]) -> PyResult<PyRef> {
    let s = format_to_string(format.to_bytes(), args)?;
    pystr::from_utf8(&s).map_err(|_| Raised::assume_set())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(f: &str, args: &[FmtArg]) -> String {
        // SAFETY: only numeric and C-string arguments.
        unsafe { format_to_string(f.as_bytes(), args).unwrap() }
    }

    #[test]
    fn numbers_follow_3_11_width_and_precision() {
        let n = |i: i64| FmtArg { i };
        assert_eq!(fmt("%5d|%05d|%.5d", &[n(42), n(42), n(42)]), "   42|00042|00042");
        assert_eq!(fmt("%5.3d|%05.3d", &[n(-42), n(-42)]), "  -42|00-42");
        assert_eq!(fmt("%x|%5x|%05x", &[FmtArg { u: 255 }, FmtArg { u: 255 }, FmtArg { u: 255 }]), "ff|   ff|000ff");
        assert_eq!(fmt("%d%%%d", &[n(1), n(2)]), "1%2");
        assert_eq!(fmt("%5%|", &[]), "%|");
    }

    #[test]
    fn unknown_conversions_copy_the_rest() {
        assert_eq!(fmt("%-10s|", &[]), "%-10s|");
        assert_eq!(fmt("a %lx %d", &[]), "a %lx %d");
        assert_eq!(fmt("abc%", &[]), "abc%");
    }

    #[test]
    fn c_strings_truncate_by_bytes_and_pad_by_chars() {
        let s = FmtArg { p: c"ab".as_ptr().cast() };
        assert_eq!(fmt("%10s|%.1s|%.0s|%05s|", &[s, s, s, s]), "        ab|a||   ab|");
        assert_eq!(fmt("%p", &[FmtArg { p: core::ptr::null() }]), "0x(nil)");
        assert_eq!(fmt("%p", &[FmtArg { p: 0x1234 as *const _ }]), "0x1234");
    }
}
