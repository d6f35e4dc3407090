//! The traceback object struct of cpython/traceback.h (`PyTracebackObject`): C code walks
//! `tb_next` and reads `tb_lineno` directly.
use core::ffi::c_int;

use crate::eval::frame::PyFrameObject;
use crate::object::object::PyObject;

/// `struct _traceback`: one entry of a traceback chain.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _traceback {
    pub ob_base: PyObject,
    pub tb_next: *mut PyTracebackObject,
    pub tb_frame: *mut PyFrameObject,
    pub tb_lasti: c_int,
    pub tb_lineno: c_int,
}
#[cfg(not(Py_LIMITED_API))]
pub type PyTracebackObject = _traceback;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyTracebackObject, size = 40,
    ob_base @ 0, tb_next @ 16, tb_frame @ 24, tb_lasti @ 32, tb_lineno @ 36);
