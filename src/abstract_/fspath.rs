//! `PyOS_FSPath(path)`: `os.fspath` for C — str and bytes as they are, else what the
//! type's `__fspath__` returns when that is str or bytes.
use crate::abstract_::{ret_obj, tp_name, type_error};
use crate::object::object::PyObject;
use crate::object::pending_error::bad_internal_call;

/// `PyObject *PyOS_FSPath(PyObject *path)`.
#[cfg(not(limited_api_before_3_6))]
#[no_mangle]
pub unsafe extern "C" fn PyOS_FSPath(path: *mut PyObject) -> *mut PyObject {
    if path.is_null() {
        return ret_obj(Err(bad_internal_call()));
    }
    ret_obj(crate::codecs::fs_encoding::fspath(path).and_then(|p| {
        p.ok_or_else(|| type_error(format!("expected str, bytes or os.PathLike object, not {}", tp_name(path))))
    }))
}
