//! Case mapping of str: `upper`, `lower`, `casefold`, `title`, `capitalize`, `swapcase`,
//! with full (one-to-many) mappings from the Unicode database (`ß`.upper() is `SS`) and the
//! final-sigma rule: a capital sigma lowers to `ς` when a cased letter precedes it (across
//! case-ignorable characters) and none follows it. ASCII text takes a byte-wise fast path.
use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::{self as pystr, Py_UCS4};
use crate::objects::unicode_db::{self as db, Case, CASED, CASE_IGNORABLE, LOWER, UPPER};
use crate::objects::unicode_text::{ascii_data, new_ascii, Out, Text};

const CAPITAL_SIGMA: Py_UCS4 = 0x3a3;
const SMALL_SIGMA: Py_UCS4 = 0x3c3;
const FINAL_SIGMA: Py_UCS4 = 0x3c2;

/// Whether the capital sigma at `i` ends a word (Unicode's Final_Sigma condition).
fn is_final_sigma(t: Text<'_>, i: usize) -> bool {
    let cased_before = (0..i)
        .rev()
        .map(|j| t.get(j))
        .find(|&c| !db::has(c, CASE_IGNORABLE))
        .is_some_and(|c| db::has(c, CASED));
    if !cased_before {
        return false;
    }
    let cased_after = (i + 1..t.len())
        .map(|j| t.get(j))
        .find(|&c| !db::has(c, CASE_IGNORABLE))
        .is_some_and(|c| db::has(c, CASED));
    !cased_after
}

/// Where mapped code points go: the growable `Out`, or `Short` for short strings.
trait Sink {
    fn push(&mut self, c: Py_UCS4);
}

impl Sink for Out {
    #[inline(always)]
    fn push(&mut self, c: Py_UCS4) {
        Out::push(self, c)
    }
}

/// Strings up to this many characters are mapped into a buffer on the stack.
const SHORT: usize = 64;

/// The mapping of a string of at most `SHORT` characters: each character maps to at most 3
/// code points, so pushes need no capacity check (and there is no pooled buffer to take
/// from and give back to the thread-local spare list, as `Out` does).
struct Short {
    /// `buf[..len]` is written; the rest is not (no zeroing per call).
    buf: [core::mem::MaybeUninit<Py_UCS4>; 3 * SHORT],
    len: usize,
    maxchar: Py_UCS4,
}

impl Short {
    #[inline(always)]
    fn new() -> Short {
        Short { buf: [const { core::mem::MaybeUninit::uninit() }; 3 * SHORT], len: 0, maxchar: 0 }
    }

    fn finish(&self) -> PyResult<PyRef> {
        // SAFETY: the first `len` elements were written by `push`.
        let chars = unsafe { core::slice::from_raw_parts(self.buf.as_ptr() as *const Py_UCS4, self.len) };
        crate::objects::unicode_text::from_code_points(chars, self.maxchar)
    }
}

impl Sink for Short {
    #[inline(always)]
    fn push(&mut self, c: Py_UCS4) {
        self.maxchar = self.maxchar.max(c);
        self.buf[self.len].write(c);
        self.len += 1;
    }
}

/// Pushes the full mapping of `c` under `case`.
#[inline]
fn push_mapped(out: &mut impl Sink, c: Py_UCS4, case: Case) {
    let (n, cps) = db::full(c, case);
    out.push(cps[0]);
    for &m in &cps[1..n as usize] {
        out.push(m);
    }
}

/// Pushes the lower case of the character at `i`, honouring the final sigma.
#[inline]
fn push_lower(out: &mut impl Sink, t: Text<'_>, i: usize) {
    let c = t.get(i);
    if c == CAPITAL_SIGMA {
        out.push(if is_final_sigma(t, i) { FINAL_SIGMA } else { SMALL_SIGMA });
    } else {
        push_mapped(out, c, Case::Lower);
    }
}

/// `s.lower()`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn lower(s: *mut PyObject) -> PyResult<PyRef> {
    if let Some(b) = ascii_data(s) {
        return ascii_map(b, |c| c.to_ascii_lowercase());
    }
    let t = Text::of(s);
    if t.len() <= SHORT {
        let mut out = Short::new();
        lower_into(&mut out, t);
        return out.finish();
    }
    let mut out = Out::with_capacity(t.len());
    lower_into(&mut out, t);
    out.finish()
}

#[inline(always)]
fn lower_into(out: &mut impl Sink, t: Text<'_>) {
    for i in 0..t.len() {
        let c = t.get(i);
        if c < 0x80 {
            out.push((c as u8).to_ascii_lowercase() as Py_UCS4);
        } else {
            push_lower(out, t, i);
        }
    }
}

/// `s.upper()`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn upper(s: *mut PyObject) -> PyResult<PyRef> {
    simple_map(s, |c| c.to_ascii_uppercase(), Case::Upper)
}

/// `s.casefold()`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn casefold(s: *mut PyObject) -> PyResult<PyRef> {
    simple_map(s, |c| c.to_ascii_lowercase(), Case::Fold)
}

/// Maps each character on its own (no context): ASCII byte-wise, otherwise by the
/// database's full mapping.
#[inline(always)]
unsafe fn simple_map(s: *mut PyObject, ascii: impl Fn(u8) -> u8, case: Case) -> PyResult<PyRef> {
    if let Some(b) = ascii_data(s) {
        return ascii_map(b, ascii);
    }
    let t = Text::of(s);
    if t.len() <= SHORT {
        let mut out = Short::new();
        simple_into(&mut out, t, &ascii, case);
        return out.finish();
    }
    let mut out = Out::with_capacity(t.len());
    simple_into(&mut out, t, &ascii, case);
    out.finish()
}

#[inline(always)]
fn simple_into(out: &mut impl Sink, t: Text<'_>, ascii: &impl Fn(u8) -> u8, case: Case) {
    for c in t.chars() {
        if c < 0x80 {
            out.push(ascii(c as u8) as Py_UCS4);
        } else {
            push_mapped(out, c, case);
        }
    }
}

/// A new ASCII str of `f` applied to each byte, written straight into the new object.
#[inline(always)]
fn ascii_map(b: &[u8], f: impl Fn(u8) -> u8) -> PyResult<PyRef> {
    let op = new_ascii(b.len())?;
    // SAFETY: the new string has room for `b.len()` code units.
    unsafe {
        let d = core::slice::from_raw_parts_mut(pystr::data(op.as_ptr()), b.len());
        for (o, &c) in d.iter_mut().zip(b) {
            *o = f(c);
        }
    }
    Ok(op)
}

/// `s.title()`: a cased character after another takes its lower case, any other its title
/// case.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn title(s: *mut PyObject) -> PyResult<PyRef> {
    let t = Text::of(s);
    let mut out = Out::with_capacity(t.len());
    let mut previous_is_cased = false;
    for i in 0..t.len() {
        let c = t.get(i);
        if previous_is_cased {
            push_lower(&mut out, t, i);
        } else {
            push_mapped(&mut out, c, Case::Title);
        }
        previous_is_cased = db::has(c, CASED);
    }
    out.finish()
}

/// `s.capitalize()`: the first character in title case, the rest in lower case.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn capitalize(s: *mut PyObject) -> PyResult<PyRef> {
    let t = Text::of(s);
    let mut out = Out::with_capacity(t.len());
    for i in 0..t.len() {
        if i == 0 {
            push_mapped(&mut out, t.get(0), Case::Title);
        } else {
            push_lower(&mut out, t, i);
        }
    }
    out.finish()
}

/// `s.swapcase()`: upper-case characters to lower case, lower-case ones to upper case.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn swapcase(s: *mut PyObject) -> PyResult<PyRef> {
    let t = Text::of(s);
    let mut out = Out::with_capacity(t.len());
    for i in 0..t.len() {
        let c = t.get(i);
        if db::has(c, UPPER) {
            push_lower(&mut out, t, i);
        } else if db::has(c, LOWER) {
            push_mapped(&mut out, c, Case::Upper);
        } else {
            out.push(c);
        }
    }
    out.finish()
}

macro_rules! noargs {
    ($($name:ident => $f:ident;)*) => {$(
        pub(crate) unsafe extern "C" fn $name(s: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
            ret_obj($f(s))
        }
    )*};
}

noargs! {
    str_lower => lower;
    str_upper => upper;
    str_casefold => casefold;
    str_title => title;
    str_capitalize => capitalize;
    str_swapcase => swapcase;
}
