//! The generic slot functions whose results or arguments are C integers (`__hash__`,
//! `__len__`, `sq_item`, ...): they convert through int objects, which come with the
//! numbers area; until then such slots keep what readying gave them.
use core::ffi::c_void;

/// The generic function for the row at heap-type offset `offset`, NULL if none.
pub(crate) fn generic_for_int_rows(_offset: usize) -> *mut c_void {
    core::ptr::null_mut()
}
