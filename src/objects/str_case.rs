//! Case mapping of str: `upper`, `lower`, `casefold`, `title`, `capitalize`, `swapcase`,
//! with full (one-to-many) mappings from the Unicode database (`ß`.upper() is `SS`) and the
//! final-sigma rule: a capital sigma lowers to `ς` when a cased letter precedes it (across
//! case-ignorable characters) and none follows it. ASCII text takes a byte-wise fast path.
use crate::abstract_::ret_obj;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::str::Py_UCS4;
use crate::objects::unicode_db::{self as db, Case, CASED, CASE_IGNORABLE, LOWER, UPPER};
use crate::objects::unicode_text::{ascii_str, Out, Text};

const CAPITAL_SIGMA: Py_UCS4 = 0x3a3;
const SMALL_SIGMA: Py_UCS4 = 0x3c3;
const FINAL_SIGMA: Py_UCS4 = 0x3c2;

/// Whether the capital sigma at `i` ends a word (Unicode's Final_Sigma condition).
fn is_final_sigma(t: Text<'_>, i: usize) -> bool {
    let cased_before = (0..i)
        .rev()
        .map(|j| t.at(j))
        .find(|&c| !db::has(c, CASE_IGNORABLE))
        .is_some_and(|c| db::has(c, CASED));
    if !cased_before {
        return false;
    }
    let cased_after = (i + 1..t.len())
        .map(|j| t.at(j))
        .find(|&c| !db::has(c, CASE_IGNORABLE))
        .is_some_and(|c| db::has(c, CASED));
    !cased_after
}

/// Pushes the full mapping of `c` under `case`.
#[inline]
fn push_mapped(out: &mut Out, c: Py_UCS4, case: Case) {
    let (n, cps) = db::full(c, case);
    for &m in &cps[..n as usize] {
        out.push(m);
    }
}

/// Pushes the lower case of the character at `i`, honouring the final sigma.
#[inline]
fn push_lower(out: &mut Out, t: Text<'_>, i: usize) {
    let c = t.at(i);
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
    let t = Text::of(s);
    if let Some(b) = t.ascii() {
        return ascii_map(b, u8::to_ascii_lowercase);
    }
    let mut out = Out::with_capacity(t.len());
    for i in 0..t.len() {
        push_lower(&mut out, t, i);
    }
    out.finish()
}

/// `s.upper()`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn upper(s: *mut PyObject) -> PyResult<PyRef> {
    simple_map(s, u8::to_ascii_uppercase, Case::Upper)
}

/// `s.casefold()`.
///
/// # Safety
/// `s` is a live str.
pub(crate) unsafe fn casefold(s: *mut PyObject) -> PyResult<PyRef> {
    simple_map(s, u8::to_ascii_lowercase, Case::Fold)
}

/// Maps each character on its own (no context): ASCII byte-wise, otherwise by the
/// database's full mapping.
unsafe fn simple_map(s: *mut PyObject, ascii: fn(&u8) -> u8, case: Case) -> PyResult<PyRef> {
    let t = Text::of(s);
    if let Some(b) = t.ascii() {
        return ascii_map(b, ascii);
    }
    let mut out = Out::with_capacity(t.len());
    for c in t.chars() {
        push_mapped(&mut out, c, case);
    }
    out.finish()
}

/// A new ASCII str of `f` applied to each byte.
fn ascii_map(b: &[u8], f: fn(&u8) -> u8) -> PyResult<PyRef> {
    // Short strings map on the stack; longer ones through one buffer.
    let mut buf = [0u8; 256];
    if b.len() <= buf.len() {
        for (o, c) in buf.iter_mut().zip(b) {
            *o = f(c);
        }
        return ascii_str(&buf[..b.len()]);
    }
    let v: Vec<u8> = b.iter().map(f).collect();
    ascii_str(&v)
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
        let c = t.at(i);
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
            push_mapped(&mut out, t.at(0), Case::Title);
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
        let c = t.at(i);
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
