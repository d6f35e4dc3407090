//! The fast path of `PyArg_Parse*` for the formats nearly every extension uses: plain
//! one-letter units (`"iid"`, `"O|O:f"`, `"s|i$p"`), no groups and no `#`/`*`/`!`/`&`
//! suffixes. One scan of the C format gives the letters and where `|` and `$` sit, so the
//! parse needs neither the shape pass nor the per-unit length walk of arg_format.rs, and the
//! most common units (`O`, `i`, `l`, `d`) convert without the general `convert`.
//! Anything else (and every misplaced `|`/`$`) is left to the general path, which also words
//! the errors.
use core::ffi::c_char;

use crate::abstract_::arg_units::{convert, Cleanups, Fail, Mode};
use crate::abstract_::arg_va::Va;
use crate::object::object::PyObject;

/// Most parameters a simple format may have (longer ones take the general path).
const MAX_UNITS: usize = 24;

/// The units of a simple format.
pub(crate) struct SimpleFormat {
    letters: [u8; MAX_UNITS],
    pub len: usize,
    /// Units before `|` (all of them without one).
    pub min: usize,
    /// Units before `$` (all of them without one).
    pub max_positional: usize,
    pub has_min: bool,
}

impl SimpleFormat {
    /// Scans `format` up to its NUL, `:` or `;`: None unless every unit is a plain letter,
    /// `|` comes at most once and before any `$`, and `$` (when `keywords`) at most once.
    #[inline]
    pub(crate) unsafe fn scan(format: *const c_char, keywords: bool) -> Option<SimpleFormat> {
        let mut s = SimpleFormat { letters: [0; MAX_UNITS], len: 0, min: 0, max_positional: 0, has_min: false };
        let mut has_kw_only = false;
        let mut p = format as *const u8;
        loop {
            let c = *p;
            match c {
                0 | b':' | b';' => break,
                b'|' if !s.has_min && !has_kw_only => {
                    s.has_min = true;
                    s.min = s.len;
                }
                b'$' if keywords && !has_kw_only => {
                    has_kw_only = true;
                    s.max_positional = s.len;
                }
                // `e` needs its `s`/`t`; the suffixes make two- and three-byte units.
                _ if c.is_ascii_alphabetic() && c != b'e' && !matches!(*p.add(1), b'#' | b'*' | b'!' | b'&') => {
                    if s.len == MAX_UNITS {
                        return None;
                    }
                    s.letters[s.len] = c;
                    s.len += 1;
                }
                _ => return None,
            }
            p = p.add(1);
        }
        if !s.has_min {
            s.min = s.len;
        }
        if !has_kw_only {
            s.max_positional = s.len;
        }
        Some(s)
    }

    /// Unit `i` as a format slice (one letter).
    #[inline(always)]
    pub(crate) fn unit(&self, i: usize) -> &[u8] {
        core::slice::from_ref(&self.letters[i])
    }
}

/// Converts `arg` by the one-letter unit `c`: `O`, `i`, `l` and `d` of the common argument
/// types in line, the rest through the general `convert` (no one-letter unit needs undoing).
#[inline(always)]
pub(crate) unsafe fn convert_letter(arg: *mut PyObject, unit: &[u8], va: &mut Va, mode: Mode) -> Result<(), Fail> {
    match unit[0] {
        b'O' => {
            *va.ptr::<*mut PyObject>() = arg;
            return Ok(());
        }
        b'i' | b'l' if crate::objects::int::is_int(arg) => {
            if let Some(v) = crate::objects::int::medium_value(arg) {
                if unit[0] == b'l' {
                    va.ptr::<i64>().write_unaligned(v);
                    return Ok(());
                }
                if let Ok(v) = i32::try_from(v) {
                    va.ptr::<i32>().write_unaligned(v);
                    return Ok(());
                }
            }
        }
        b'd' if (*arg).ob_type == &raw mut crate::objects::float::PyFloat_Type => {
            va.ptr::<f64>().write_unaligned(crate::objects::float::value(arg));
            return Ok(());
        }
        _ => {}
    }
    convert(arg, unit, va, mode, &mut Cleanups::new())
}

/// `PyArg_ParseTuple` of a simple format over `args`: None (nothing consumed) when the format
/// is not simple or the number of arguments is wrong, for the general path to handle and
/// word; else 1, or 0 with the exception set.
#[inline]
pub(crate) unsafe fn parse_positional(args: &[*mut PyObject], format: *const c_char, va: &mut Va, mode: Mode) -> Option<core::ffi::c_int> {
    let s = SimpleFormat::scan(format, false)?;
    if args.len() < s.min || args.len() > s.len {
        return None;
    }
    for (i, &arg) in args.iter().enumerate() {
        if let Err(e) = convert_letter(arg, s.unit(i), va, mode) {
            crate::abstract_::arg_format::set_error(e, i + 1, &crate::abstract_::arg_format::Format::parse(format));
            return Some(0);
        }
    }
    Some(1)
}
