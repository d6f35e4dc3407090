//! What `str::intern(text)` returned for a Rust name, remembered by the address of the text.
//!
//! Why: callers such as `lookup_special(o, "__instancecheck__")` or `isinstance`'s
//! `__class__` probe intern a literal on every call, and the interned table's probe hashes
//! the text with SipHash first (~150 instructions for a dunder name). A literal keeps its
//! address, so a small table keyed by it answers with one compare of the text (the address
//! may hold other text later: a non-literal `&str`, so the text is always checked).
//! Entries are borrowed: the interned table keeps its strings alive until `clear`.
use crate::object::object::PyObject;
use crate::objects::str as pystr;

const SIZE: usize = 256;

/// (text address, interned str); the str is ASCII, so its code units are the text's bytes.
static mut CACHE: [(usize, *mut PyObject); SIZE] = [(0, core::ptr::null_mut()); SIZE];

#[inline(always)]
fn slot(text: &str) -> usize {
    let a = text.as_ptr() as usize;
    ((a >> 3) ^ (a >> 11)) % SIZE
}

/// The interned str cached for `text`, if any (borrowed).
///
/// # Safety
/// The GIL is held.
#[inline]
pub(crate) unsafe fn get(text: &str) -> Option<*mut PyObject> {
    let (key, s) = (*(&raw const CACHE))[slot(text)];
    if key == text.as_ptr() as usize && !s.is_null() && pystr::data_bytes(s) == text.as_bytes() {
        Some(s)
    } else {
        None
    }
}

/// `get` for text that lives as long as the program (a literal): its address never holds
/// other text, so the address and the length identify it without comparing the bytes.
///
/// # Safety
/// The GIL is held.
#[inline]
pub(crate) unsafe fn get_static(text: &'static str) -> Option<*mut PyObject> {
    let (key, s) = (*(&raw const CACHE))[slot(text)];
    if key == text.as_ptr() as usize && !s.is_null() && pystr::len(s) == text.len() {
        Some(s)
    } else {
        None
    }
}

/// Remembers `s`, the interned str equal to `text` (only an ASCII one, whose units are the
/// text's bytes).
///
/// # Safety
/// The GIL is held; `s` is an interned str, alive until `clear`.
pub(crate) unsafe fn put(text: &str, s: *mut PyObject) {
    if text.is_ascii() && (*(s as *mut pystr::PyASCIIObject)).ascii() {
        (*(&raw mut CACHE))[slot(text)] = (text.as_ptr() as usize, s);
    }
}

/// Forgets every entry (the interned table is being released).
pub(crate) fn clear() {
    // SAFETY: finalization; no other user of the table.
    unsafe {
        for e in (*(&raw mut CACHE)).iter_mut() {
            *e = (0, core::ptr::null_mut());
        }
    }
}
