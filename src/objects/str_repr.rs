//! `repr()` and rich comparison of str (the rest of the str type is str.rs), and
//! `StrBuilder`, which assembles a str from code points (any, lone surrogates included) for
//! the reprs of containers.
use core::cmp::Ordering;
use core::ffi::c_int;

use crate::abstract_::compare::{bool_ref, ordering_result};
use crate::abstract_::{new_ref, not_implemented, ret_obj};
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS1, Py_UCS2, Py_UCS4};

/// Code points collected for a new str.
pub(crate) struct StrBuilder {
    chars: Vec<Py_UCS4>,
    maxchar: Py_UCS4,
}

impl StrBuilder {
    pub(crate) fn with_capacity(n: usize) -> StrBuilder {
        StrBuilder { chars: Vec::with_capacity(n), maxchar: 0 }
    }

    #[inline]
    pub(crate) fn push(&mut self, c: Py_UCS4) {
        self.maxchar = self.maxchar.max(c);
        self.chars.push(c);
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push(c as Py_UCS4);
        }
    }

    /// Appends the characters of str object `s`.
    ///
    /// # Safety
    /// `s` is a live str.
    pub(crate) unsafe fn push_obj(&mut self, s: *mut PyObject) {
        let n = pystr::len(s);
        self.chars.reserve(n);
        let d = pystr::data(s);
        match pystr::kind(s) {
            1 => {
                for &b in core::slice::from_raw_parts(d as *const Py_UCS1, n) {
                    self.push(b as Py_UCS4);
                }
            }
            2 => {
                for i in 0..n {
                    self.push((d as *const Py_UCS2).add(i).read_unaligned() as Py_UCS4);
                }
            }
            _ => {
                for i in 0..n {
                    self.push((d as *const Py_UCS4).add(i).read_unaligned());
                }
            }
        }
    }

    /// The new str.
    pub(crate) fn finish(self) -> PyResult<PyRef> {
        if self.chars.is_empty() {
            return pystr::from_utf8("");
        }
        // SAFETY: the new string has room for every code point at its kind.
        unsafe {
            let op = pystr::new_compact(self.chars.len(), self.maxchar)?;
            let d = pystr::data(op.as_ptr());
            match pystr::kind(op.as_ptr()) {
                1 => self.chars.iter().enumerate().for_each(|(i, &c)| *d.add(i) = c as u8),
                2 => {
                    let d = d as *mut Py_UCS2;
                    self.chars.iter().enumerate().for_each(|(i, &c)| d.add(i).write_unaligned(c as Py_UCS2))
                }
                _ => {
                    let d = d as *mut Py_UCS4;
                    self.chars.iter().enumerate().for_each(|(i, &c)| d.add(i).write_unaligned(c))
                }
            }
            Ok(op)
        }
    }
}

/// Whether `repr()` shows code point `c` as itself (`str.isprintable()` of one character):
/// not in Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs other than the space.
#[inline]
pub(crate) fn is_printable(c: Py_UCS4) -> bool {
    crate::objects::unicode_db::is_printable(c)
}

fn push_hex(out: &mut StrBuilder, prefix: &str, c: Py_UCS4, digits: usize) {
    out.push_str(prefix);
    for k in (0..digits).rev() {
        let d = (c >> (4 * k)) & 0xf;
        out.push(b"0123456789abcdef"[d as usize] as Py_UCS4);
    }
}

/// Appends `repr(s)` to `out`: single quotes unless the text has a single quote and no
/// double quote; backslash, the quote, `\t \n \r` escaped; other unprintable characters as
/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn push_repr(out: &mut StrBuilder, s: *mut PyObject) {
    let n = pystr::len(s);
    let chars = (0..n).map(|i| pystr::read_char(s, i));
    let (mut single, mut double) = (false, false);
    for c in chars.clone() {
        single |= c == '\'' as Py_UCS4;
        double |= c == '"' as Py_UCS4;
    }
    let quote = if single && !double { '"' as Py_UCS4 } else { '\'' as Py_UCS4 };
    out.push(quote);
    for c in chars {
        match c {
            _ if c == quote || c == '\\' as Py_UCS4 => {
                out.push('\\' as Py_UCS4);
                out.push(c);
            }
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if c < 0x20 || c == 0x7f => push_hex(out, "\\x", c, 2),
            _ if c < 0x7f => out.push(c),
            _ if is_printable(c) => out.push(c),
            _ if c <= 0xff => push_hex(out, "\\x", c, 2),
            _ if c <= 0xffff => push_hex(out, "\\u", c, 4),
            _ => push_hex(out, "\\U", c, 8),
        }
    }
    out.push(quote);
}

/// `repr(s)` of a str.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn repr(s: *mut PyObject) -> PyResult<PyRef> {
    if let Some(r) = repr_plain_ascii(s) {
        return r;
    }
    let mut out = StrBuilder::with_capacity(pystr::len(s) + 2);
    push_repr(&mut out, s);
    out.finish()
}

/// The repr of an ASCII str that needs no escapes (the common case: names, words), made in
/// place: the text between quotes, `"` when it holds `'` and no `"`. None: the general path.
unsafe fn repr_plain_ascii(s: *mut PyObject) -> Option<PyResult<PyRef>> {
    let a = &*(s as *mut pystr::PyASCIIObject);
    if !(a.compact() && a.ascii()) {
        return None;
    }
    let text = pystr::data_bytes(s);
    let (mut single, mut double, mut escape) = (false, false, false);
    for &b in text {
        single |= b == b'\'';
        double |= b == b'"';
        escape |= b < 0x20 || b == 0x7f || b == b'\\';
    }
    if escape || (single && double) {
        return None;
    }
    let quote = if single { b'"' } else { b'\'' };
    Some(pystr::new_compact(text.len() + 2, 0x7f).map(|r| {
        let d = pystr::data(r.as_ptr());
        *d = quote;
        core::ptr::copy_nonoverlapping(text.as_ptr(), d.add(1), text.len());
        *d.add(text.len() + 1) = quote;
        r
    }))
}

/// `str.__repr__`.
pub(crate) unsafe extern "C" fn unicode_repr(op: *mut PyObject) -> *mut PyObject {
    ret_obj(repr(op))
}

/// The order of two strs: code point by code point, then by length.
///
/// # Safety
/// `a` and `b` are live strs.
pub(crate) unsafe fn compare(a: *mut PyObject, b: *mut PyObject) -> Ordering {
    if pystr::kind(a) == 1 && pystr::kind(b) == 1 {
        // Latin-1 code units order as their code points.
        return pystr::data_bytes(a).cmp(pystr::data_bytes(b));
    }
    let (na, nb) = (pystr::len(a), pystr::len(b));
    for i in 0..na.min(nb) {
        let (x, y) = (pystr::read_char(a, i), pystr::read_char(b, i));
        if x != y {
            return x.cmp(&y);
        }
    }
    na.cmp(&nb)
}

/// `str.__eq__`, `__lt__`, ...: NotImplemented unless both operands are strs.
pub(crate) unsafe extern "C" fn unicode_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if !pystr::is_str(a) || !pystr::is_str(b) {
        return new_ref(not_implemented()).into_ptr();
    }
    use crate::object::object::{Py_EQ, Py_NE};
    if op == Py_EQ || op == Py_NE {
        return bool_ref(pystr::eq(a, b) == (op == Py_EQ)).into_ptr();
    }
    bool_ref(ordering_result(compare(a, b), op)).into_ptr()
}
