//! `PyDictObject` (CPython's cpython/dictobject.h). The keys table and the split values are
//! private to the implementation: C sees them only as opaque pointers.
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

/// `struct _dictkeysobject` (`PyDictKeysObject`), opaque to C.
pub struct _dictkeysobject {
    _opaque: [u8; 0],
}
pub type PyDictKeysObject = _dictkeysobject;

/// `struct _dictvalues` (`PyDictValues`), opaque to C.
pub struct _dictvalues {
    _opaque: [u8; 0],
}
pub type PyDictValues = _dictvalues;

/// `PyDictObject`: `ma_used` live items; `ma_version_tag` changes on every mutation (the
/// eval loop's lookup caches key on it); `ma_values` is non-NULL for split tables.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDictObject {
    pub ob_base: PyObject,
    pub ma_used: Py_ssize_t,
    pub ma_version_tag: u64,
    pub ma_keys: *mut PyDictKeysObject,
    pub ma_values: *mut PyDictValues,
}
assert_layout!(PyDictObject, size = 48, ob_base @ 0, ma_used @ 16, ma_version_tag @ 24,
               ma_keys @ 32, ma_values @ 40);

/// `_PyDictViewObject`: the keys/values/items views.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyDictViewObject {
    pub ob_base: PyObject,
    pub dv_dict: *mut PyDictObject,
}
assert_layout!(_PyDictViewObject, size = 24, ob_base @ 0, dv_dict @ 16);
