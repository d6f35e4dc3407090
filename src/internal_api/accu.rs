//! `_PyAccu` (CPython's internal pycore_accu.h, used by `_json`): accumulates strs in a
//! list of pending small pieces, joined into one large piece every 100,000 items so that
//! memory stays proportional to the text, not to the number of pieces.
use core::ffi::c_int;

use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

#[repr(C)]
pub struct _PyAccu {
    /// Joined pieces so far (a list of str).
    pub large: *mut PyObject,
    /// Pieces not joined yet (a list of str).
    pub small: *mut PyObject,
}
assert_layout!(_PyAccu, size = 16, large @ 0, small @ 8);

/// Pending pieces that trigger a join.
const JOIN_EVERY: usize = 100_000;

/// `int _PyAccu_Init(_PyAccu *acc)`: 0, or -1 with MemoryError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyAccu_Init(acc: *mut _PyAccu) -> c_int {
    (*acc).large = crate::objects::list::PyList_New(0);
    (*acc).small = crate::objects::list::PyList_New(0);
    if (*acc).large.is_null() || (*acc).small.is_null() {
        _PyAccu_Destroy(acc);
        return -1;
    }
    0
}

/// Joins the pending pieces into one str appended to `large`.
unsafe fn flush(acc: *mut _PyAccu) -> c_int {
    let n = crate::objects::list::PyList_Size((*acc).small);
    if n <= 0 {
        return n as c_int;
    }
    let empty = crate::objects::str_utf8::PyUnicode_FromStringAndSize(core::ptr::null(), 0);
    let Some(empty) = PyRef::from_owned(empty) else { return -1 };
    let Some(joined) = PyRef::from_owned(crate::objects::str_join::PyUnicode_Join(empty.as_ptr(), (*acc).small)) else { return -1 };
    if crate::objects::list::PyList_Append((*acc).large, joined.as_ptr()) < 0 {
        return -1;
    }
    crate::objects::list::PyList_SetSlice((*acc).small, 0, n, core::ptr::null_mut())
}

/// `int _PyAccu_Accumulate(_PyAccu *acc, PyObject *unicode)`: 0, or -1 on error.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyAccu_Accumulate(acc: *mut _PyAccu, unicode: *mut PyObject) -> c_int {
    if crate::objects::list::PyList_Append((*acc).small, unicode) < 0 {
        return -1;
    }
    if (crate::objects::list::PyList_Size((*acc).small) as usize) < JOIN_EVERY {
        return 0;
    }
    flush(acc)
}

/// `PyObject *_PyAccu_FinishAsList(_PyAccu *acc)`: the list of joined pieces; the
/// accumulator is destroyed either way.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyAccu_FinishAsList(acc: *mut _PyAccu) -> *mut PyObject {
    if flush(acc) < 0 {
        _PyAccu_Destroy(acc);
        return core::ptr::null_mut();
    }
    let res = core::mem::replace(&mut (*acc).large, core::ptr::null_mut());
    _PyAccu_Destroy(acc);
    res
}

/// `PyObject *_PyAccu_Finish(_PyAccu *acc)`: the whole text as one str; the accumulator is
/// destroyed either way.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyAccu_Finish(acc: *mut _PyAccu) -> *mut PyObject {
    let empty = crate::objects::str_utf8::PyUnicode_FromStringAndSize(core::ptr::null(), 0);
    let Some(empty) = PyRef::from_owned(empty) else {
        _PyAccu_Destroy(acc);
        return core::ptr::null_mut();
    };
    if crate::objects::list::PyList_Size((*acc).large) == 0 {
        let res = crate::objects::str_join::PyUnicode_Join(empty.as_ptr(), (*acc).small);
        _PyAccu_Destroy(acc);
        return res;
    }
    let Some(pieces) = PyRef::from_owned(_PyAccu_FinishAsList(acc)) else { return core::ptr::null_mut() };
    crate::objects::str_join::PyUnicode_Join(empty.as_ptr(), pieces.as_ptr())
}

/// `void _PyAccu_Destroy(_PyAccu *acc)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyAccu_Destroy(acc: *mut _PyAccu) {
    drop(PyRef::from_owned(core::mem::replace(&mut (*acc).small, core::ptr::null_mut())));
    drop(PyRef::from_owned(core::mem::replace(&mut (*acc).large, core::ptr::null_mut())));
}
