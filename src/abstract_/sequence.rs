//! The sequence protocol (CPython's `PySequence_*`): objects with `sq_item` that are not
//! dicts. Item access by index is in item.rs.
use core::ffi::c_int;

use crate::object::object::PyObject;

/// `PySequence_Check`: has `sq_item` and is not a dict (whose `sq_item` would be a lie).
///
/// # Safety
/// `o` is a live object.
pub(crate) unsafe fn is_sequence(o: *mut PyObject) -> bool {
    if crate::objects::dict::is_dict(o) {
        return false;
    }
    (*(*o).ob_type).tp_as_sequence.as_ref().is_some_and(|s| s.sq_item.is_some())
}

/// `int PySequence_Check(PyObject *o)`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Check(o: *mut PyObject) -> c_int {
    is_sequence(o) as c_int
}
