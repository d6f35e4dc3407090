//! A dict's size in memory as CPython 3.11 reports it (`_PyDict_SizeOf`, `dict.__sizeof__`,
//! so `sys.getsizeof`), computed from CPython's keys-object layout rather than ferropy's own
//! table: code that sizes dicts (ctypes' `StgDict.__sizeof__`, tests, memory estimators)
//! then sees CPython's figures. ferropy's table has CPython's slot counts, so the one thing
//! taken from it is the slot count; the rest is CPython's arithmetic:
//!
//! - the object itself: the type's `tp_basicsize` (subclasses included);
//! - no keys object for an empty dict that never had one (CPython's shared empty keys);
//! - otherwise the keys header (32 bytes), one index per slot (1, 2, 4 or 8 bytes as the
//!   slot count needs) and room for 2/3 of the slots as entries: 16 bytes each when every
//!   key is an exact str (CPython's str-keys table), else 24 (hash, key, value).
//!
//! CPython remembers that a table once held a non-str key (it stays general); here the kind
//! is read from the live keys, so a dict whose only non-str key was deleted counts as a
//! str-keys table. ferropy has no split (shared-key) dicts, so none is sized as one.
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;
use crate::objects::container_methods::ret;
use crate::objects::dict::{self, PyDictObject};
use crate::pyport::Py_ssize_t;

/// `sizeof(PyDictKeysObject)` in CPython 3.11 (refcount, four small fields, usable, nentries).
const KEYS_HEADER: usize = 32;
/// `sizeof(PyDictKeyEntry)` (hash, key, value) and `sizeof(PyDictUnicodeEntry)` (key, value).
const GENERAL_ENTRY: usize = 24;
const STR_ENTRY: usize = 16;

/// Bytes of one index for a table of `slots` slots: CPython picks the narrowest signed
/// integer that can hold any entry index.
fn index_width(slots: usize) -> usize {
    if slots <= 1 << 7 {
        1
    } else if slots <= 1 << 15 {
        2
    } else if slots <= 1 << 31 {
        4
    } else {
        8
    }
}

/// The bytes of a keys object with `slots` slots.
fn keys_size(slots: usize, str_keys: bool) -> usize {
    let entry = if str_keys { STR_ENTRY } else { GENERAL_ENTRY };
    KEYS_HEADER + slots * index_width(slots) + (slots << 1) / 3 * entry
}

/// The size CPython would report for the dict `d`.
///
/// # Safety
/// `d` is a live dict (or subclass instance).
pub(crate) unsafe fn size_of(d: *mut PyObject) -> usize {
    let base = (*(*d).ob_type).tp_basicsize as usize;
    match dict::table_shape(d) {
        Some((slots, str_keys)) => base + keys_size(slots, str_keys),
        None => base,
    }
}

/// `Py_ssize_t _PyDict_SizeOf(PyDictObject *mp)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyDict_SizeOf(mp: *mut PyDictObject) -> Py_ssize_t {
    let d = mp as *mut PyObject;
    if d.is_null() || !dict::is_dict(d) {
        let _ = bad_internal_call();
        return -1;
    }
    size_of(d) as Py_ssize_t
}

/// `dict.__sizeof__()`.
pub(crate) unsafe extern "C" fn dict_sizeof(op: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r: PyResult<_> = crate::objects::int::from_i64(size_of(op) as i64);
    ret(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sizes_follow_cpython() {
        // {'a': 1} in CPython 3.11: 48 + 120; {1: 1}: 48 + 160; 100 str keys: 256 slots.
        assert_eq!(keys_size(8, true), 120);
        assert_eq!(keys_size(8, false), 160);
        assert_eq!(keys_size(256, true), 32 + 512 + 170 * 16);
        assert_eq!(index_width(128), 1);
        assert_eq!(index_width(256), 2);
        assert_eq!(index_width(1 << 16), 4);
    }
}
