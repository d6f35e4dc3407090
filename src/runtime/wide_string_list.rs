//! `PyWideStringList` (argv, sys.path, warning and -X options): an array of wide strings in
//! the raw memory domain, owned by the list (so by the `PyConfig` that holds it). An empty
//! list has NULL `items`, as in CPython.
use crate::object::pymem::{PyMem_RawFree, PyMem_RawRealloc};
use crate::pyport::{wchar_t, Py_ssize_t};
use crate::runtime::initconfig::{PyStatus, PyWideStringList};
use crate::runtime::locale::{raw_wide_dup, raw_wide_from_units, wide_to_vec};
use crate::runtime::pystatus;

pub(crate) const fn empty() -> PyWideStringList {
    PyWideStringList { length: 0, items: core::ptr::null_mut() }
}

/// The items as a slice (empty for an empty list).
///
/// # Safety
/// `list` is a valid list.
pub(crate) unsafe fn items<'a>(list: &'a PyWideStringList) -> &'a [*mut wchar_t] {
    if list.items.is_null() || list.length <= 0 {
        &[]
    } else {
        core::slice::from_raw_parts(list.items, list.length as usize)
    }
}

/// The items' code points.
pub(crate) unsafe fn to_vecs(list: &PyWideStringList) -> Vec<Vec<u32>> {
    items(list).iter().map(|&w| wide_to_vec(w)).collect()
}

/// Frees every item and the array; the list becomes empty.
pub(crate) unsafe fn clear(list: &mut PyWideStringList) {
    for &w in items(list) {
        PyMem_RawFree(w.cast());
    }
    PyMem_RawFree(list.items.cast());
    *list = empty();
}

/// Inserts an owned raw-domain string (consumed even on failure).
unsafe fn insert_owned(list: &mut PyWideStringList, index: usize, item: *mut wchar_t) -> PyStatus {
    if item.is_null() {
        return pystatus::no_memory();
    }
    let len = list.length.max(0) as usize;
    let grown = PyMem_RawRealloc(list.items.cast(), (len + 1) * core::mem::size_of::<*mut wchar_t>()) as *mut *mut wchar_t;
    if grown.is_null() {
        PyMem_RawFree(item.cast());
        return pystatus::no_memory();
    }
    let index = index.min(len);
    core::ptr::copy(grown.add(index), grown.add(index + 1), len - index);
    *grown.add(index) = item;
    list.items = grown;
    list.length = (len + 1) as Py_ssize_t;
    pystatus::ok()
}

/// Appends a copy of the given code points.
pub(crate) unsafe fn append_units(list: &mut PyWideStringList, units: &[u32]) -> PyStatus {
    insert_owned(list, list.length.max(0) as usize, raw_wide_from_units(units))
}

/// Replaces the list's contents with copies of `units`.
pub(crate) unsafe fn set_units(list: &mut PyWideStringList, all: &[Vec<u32>]) -> PyStatus {
    let mut fresh = empty();
    for units in all {
        let status = append_units(&mut fresh, units);
        if pystatus::is_exception(&status) {
            clear(&mut fresh);
            return status;
        }
    }
    clear(list);
    *list = fresh;
    pystatus::ok()
}

/// Whether the list holds an item equal to `units`.
pub(crate) unsafe fn contains(list: &PyWideStringList, units: &[u32]) -> bool {
    items(list).iter().any(|&w| wide_to_vec(w) == units)
}

/// A deep copy of `src` into `dst` (whose old contents are freed).
pub(crate) unsafe fn copy(dst: &mut PyWideStringList, src: &PyWideStringList) -> PyStatus {
    let all = to_vecs(src);
    set_units(dst, &all)
}

/// `PyStatus PyWideStringList_Insert(PyWideStringList *list, Py_ssize_t index,
/// const wchar_t *item)`: an index past the end appends; a negative index is an error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyWideStringList_Insert(list: *mut PyWideStringList, index: Py_ssize_t, item: *const wchar_t) -> PyStatus {
    let Some(list) = list.as_mut() else { return pystatus::error(c"list is NULL") };
    if list.length == Py_ssize_t::MAX {
        return pystatus::no_memory();
    }
    if index < 0 {
        return crate::runtime::initconfig::PyStatus {
            func: c"PyWideStringList_Insert".as_ptr(),
            ..pystatus::error(c"PyWideStringList_Insert index must be >= 0")
        };
    }
    insert_owned(list, index as usize, raw_wide_dup(item))
}

/// `PyStatus PyWideStringList_Append(PyWideStringList *list, const wchar_t *item)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyWideStringList_Append(list: *mut PyWideStringList, item: *const wchar_t) -> PyStatus {
    let length = if list.is_null() { 0 } else { (*list).length };
    PyWideStringList_Insert(list, length, item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_append_copy_clear() {
        unsafe {
            let mut list = empty();
            let a: Vec<i32> = "a\0".chars().map(|c| c as i32).collect();
            let b: Vec<i32> = "b\0".chars().map(|c| c as i32).collect();
            assert!(!pystatus::is_exception(&PyWideStringList_Append(&mut list, a.as_ptr())));
            assert!(!pystatus::is_exception(&PyWideStringList_Insert(&mut list, 0, b.as_ptr())));
            assert!(!pystatus::is_exception(&PyWideStringList_Insert(&mut list, 99, b.as_ptr())));
            assert!(pystatus::is_exception(&PyWideStringList_Insert(&mut list, -1, a.as_ptr())));
            assert_eq!(to_vecs(&list), vec![vec!['b' as u32], vec!['a' as u32], vec!['b' as u32]]);
            let mut other = empty();
            assert!(!pystatus::is_exception(&copy(&mut other, &list)));
            assert!(contains(&other, &['a' as u32]) && !contains(&other, &['c' as u32]));
            clear(&mut list);
            clear(&mut other);
            assert!(list.items.is_null() && list.length == 0);
        }
    }
}
