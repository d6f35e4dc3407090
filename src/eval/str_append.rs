//! `s += t` / `s = s + t` on a local str that nothing else references: the text is appended
//! to `s`'s own block (grown by realloc, which the allocator often does without moving it)
//! instead of copying both operands into a new string on every step, as CPython 3.11 does
//! for the same pattern. Only ASCII compact strings qualify: appending keeps their layout.
use crate::object::object::PyObject;
use crate::objects::str::{self as pystr, PyASCIIObject, PyUnicode_Type};

/// Whether `o` is an exact, compact, ASCII, non-interned str.
#[inline(always)]
unsafe fn plain_ascii(o: *mut PyObject) -> bool {
    if (*o).ob_type != &raw mut PyUnicode_Type {
        return false;
    }
    let s = &*(o as *mut PyASCIIObject);
    s.ascii() && s.compact() && s.interned() == 0 && s.wstr.is_null()
}

/// Appends `right` to `left`, held by the local `*slot` and by the value stack and by nothing
/// else (reference count 2): the local is emptied (the following `STORE_FAST` to it refills
/// it) and the grown string, a reference owned by the caller in place of the stack's
/// `left`, is returned. `None` (nothing changed) when the operands don't qualify or the
/// block cannot grow; the caller then takes the general path.
///
/// # Safety
/// `left` and `right` are live objects; `slot` is the frame's local about to be stored.
#[inline]
pub(crate) unsafe fn append_in_place(slot: *mut *mut PyObject, left: *mut PyObject, right: *mut PyObject) -> Option<*mut PyObject> {
    if *slot != left || (*left).ob_refcnt != 2 || !plain_ascii(left) || (*right).ob_type != &raw mut PyUnicode_Type {
        return None;
    }
    let r = &*(right as *mut PyASCIIObject);
    if !r.ascii() {
        return None;
    }
    let (n, m) = (pystr::len(left), pystr::len(right));
    if m == 0 {
        return None;
    }
    let header = core::mem::size_of::<PyASCIIObject>();
    let grown = crate::object::pymem::PyObject_Realloc(left.cast(), header + n + m + 1) as *mut PyObject;
    if grown.is_null() {
        // The old block is untouched; the general path raises MemoryError if it must.
        return None;
    }
    // The local's reference goes (it may point at the old block now).
    *slot = core::ptr::null_mut();
    (*grown).ob_refcnt = 1;
    let data = (grown as *mut u8).add(header);
    core::ptr::copy_nonoverlapping(pystr::data(right), data.add(n), m);
    *data.add(n + m) = 0;
    let s = &mut *(grown as *mut PyASCIIObject);
    s.length = (n + m) as crate::pyport::Py_ssize_t;
    s.hash = -1;
    Some(grown)
}
