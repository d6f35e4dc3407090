//! Generator, coroutine and async generator objects (CPython 3.11's cpython/genobject.h).
//! All three share one header (CPython's `_PyGenObject_HEAD(prefix)`), spelled out per
//! struct with its own field prefix; the frame of the suspended code is stored inline from
//! `*_iframe` on (the object is allocated with room for it).
use crate::object::object::PyObject;
use crate::objects::code::PyCodeObject;
use core::ffi::c_char;

use crate::runtime::threadstate::_err_stackitem;

/// `PyGenObject`: a generator.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyGenObject {
    pub ob_base: PyObject,
    pub gi_code: *mut PyCodeObject,
    pub gi_weakreflist: *mut PyObject,
    pub gi_name: *mut PyObject,
    pub gi_qualname: *mut PyObject,
    pub gi_exc_state: _err_stackitem,
    pub gi_origin_or_finalizer: *mut PyObject,
    pub gi_hooks_inited: c_char,
    pub gi_closed: c_char,
    pub gi_running_async: c_char,
    pub gi_frame_state: i8,
    pub gi_iframe: [*mut PyObject; 1],
}
assert_layout!(PyGenObject, size = 88, ob_base @ 0, gi_code @ 16, gi_weakreflist @ 24, gi_name @ 32, gi_qualname @ 40, gi_exc_state @ 48, gi_origin_or_finalizer @ 64, gi_hooks_inited @ 72, gi_closed @ 73, gi_running_async @ 74, gi_frame_state @ 75, gi_iframe @ 80);

/// `PyCoroObject`: a coroutine (`async def`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCoroObject {
    pub ob_base: PyObject,
    pub cr_code: *mut PyCodeObject,
    pub cr_weakreflist: *mut PyObject,
    pub cr_name: *mut PyObject,
    pub cr_qualname: *mut PyObject,
    pub cr_exc_state: _err_stackitem,
    pub cr_origin_or_finalizer: *mut PyObject,
    pub cr_hooks_inited: c_char,
    pub cr_closed: c_char,
    pub cr_running_async: c_char,
    pub cr_frame_state: i8,
    pub cr_iframe: [*mut PyObject; 1],
}
assert_layout!(PyCoroObject, size = 88, ob_base @ 0, cr_code @ 16, cr_weakreflist @ 24, cr_name @ 32, cr_qualname @ 40, cr_exc_state @ 48, cr_origin_or_finalizer @ 64, cr_hooks_inited @ 72, cr_closed @ 73, cr_running_async @ 74, cr_frame_state @ 75, cr_iframe @ 80);

/// `PyAsyncGenObject`: an asynchronous generator.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyAsyncGenObject {
    pub ob_base: PyObject,
    pub ag_code: *mut PyCodeObject,
    pub ag_weakreflist: *mut PyObject,
    pub ag_name: *mut PyObject,
    pub ag_qualname: *mut PyObject,
    pub ag_exc_state: _err_stackitem,
    pub ag_origin_or_finalizer: *mut PyObject,
    pub ag_hooks_inited: c_char,
    pub ag_closed: c_char,
    pub ag_running_async: c_char,
    pub ag_frame_state: i8,
    pub ag_iframe: [*mut PyObject; 1],
}
assert_layout!(PyAsyncGenObject, size = 88, ob_base @ 0, ag_code @ 16, ag_weakreflist @ 24, ag_name @ 32, ag_qualname @ 40, ag_exc_state @ 48, ag_origin_or_finalizer @ 64, ag_hooks_inited @ 72, ag_closed @ 73, ag_running_async @ 74, ag_frame_state @ 75, ag_iframe @ 80);
