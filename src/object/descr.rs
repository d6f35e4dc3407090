//! Attribute descriptors: `PyGetSetDef` with its getter/setter signatures, and the
//! descriptor object layouts and wrapper tables of CPython's `descrobject.h`.
use core::ffi::{c_char, c_int, c_void};

use crate::object::member::PyMemberDef;
use crate::object::methods::PyMethodDef;
#[cfg(not(Py_LIMITED_API))]
use crate::object::slots::vectorcallfunc;
use crate::object::object::{PyObject, PyTypeObject};

pub type getter = Option<unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject>;
pub type setter = Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> c_int>;

/// `struct PyGetSetDef`: a computed attribute; `closure` is passed to `get` and `set`.
#[repr(C)]
pub struct PyGetSetDef {
    pub name: *const c_char,
    pub get: getter,
    pub set: setter,
    pub doc: *const c_char,
    pub closure: *mut c_void,
}
assert_layout!(PyGetSetDef, size = 40, name @ 0, get @ 8, set @ 16, doc @ 24, closure @ 32);

#[cfg(not(Py_LIMITED_API))]
pub type wrapperfunc =
    Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> *mut PyObject>;
#[cfg(not(Py_LIMITED_API))]
pub type wrapperfunc_kwds = Option<
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void, *mut PyObject)
        -> *mut PyObject,
>;

/// `struct wrapperbase`: how a slot is exposed as a special method (`__add__`, ...).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct wrapperbase {
    pub name: *const c_char,
    pub offset: c_int,
    pub function: *mut c_void,
    pub wrapper: wrapperfunc,
    pub doc: *const c_char,
    pub flags: c_int,
    pub name_strobj: *mut PyObject,
}
assert_layout!(wrapperbase, size = 56, name @ 0, offset @ 8, function @ 16, wrapper @ 24,
    doc @ 32, flags @ 40, name_strobj @ 48);

/// `wrapperbase.flags`: the wrapper takes keyword arguments (`wrapperfunc_kwds`).
#[cfg(not(Py_LIMITED_API))]
pub const PyWrapperFlag_KEYWORDS: c_int = 1;

/// The common head of every descriptor object (`PyDescr_COMMON`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
}
assert_layout!(PyDescrObject, size = 40, ob_base @ 0, d_type @ 16, d_name @ 24,
    d_qualname @ 32);

/// A method descriptor (`PyMethodDescr_Type`, `PyClassMethodDescr_Type`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMethodDescrObject {
    pub d_common: PyDescrObject,
    pub d_method: *mut PyMethodDef,
    pub vectorcall: vectorcallfunc,
}
assert_layout!(PyMethodDescrObject, size = 56, d_common @ 0, d_method @ 40, vectorcall @ 48);

/// A member descriptor (`PyMemberDescr_Type`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMemberDescrObject {
    pub d_common: PyDescrObject,
    pub d_member: *mut PyMemberDef,
}
assert_layout!(PyMemberDescrObject, size = 48, d_common @ 0, d_member @ 40);

/// A getset descriptor (`PyGetSetDescr_Type`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyGetSetDescrObject {
    pub d_common: PyDescrObject,
    pub d_getset: *mut PyGetSetDef,
}
assert_layout!(PyGetSetDescrObject, size = 48, d_common @ 0, d_getset @ 40);

/// A slot wrapper descriptor (`PyWrapperDescr_Type`); `d_wrapped` is the slot function.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyWrapperDescrObject {
    pub d_common: PyDescrObject,
    pub d_base: *mut wrapperbase,
    pub d_wrapped: *mut c_void,
}
assert_layout!(PyWrapperDescrObject, size = 56, d_common @ 0, d_base @ 40, d_wrapped @ 48);
