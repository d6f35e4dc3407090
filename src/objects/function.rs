//! `PyFunctionObject` and `PyFrameConstructor` (CPython 3.11's cpython/funcobject.h).
use crate::object::object::PyObject;

use crate::object::slots::vectorcallfunc;

/// `PyFrameConstructor`: the fields a function shares with the frame it creates
/// (CPython's `COMMON_FIELDS(fc_)`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyFrameConstructor {
    pub fc_globals: *mut PyObject,
    pub fc_builtins: *mut PyObject,
    pub fc_name: *mut PyObject,
    pub fc_qualname: *mut PyObject,
    pub fc_code: *mut PyObject,
    pub fc_defaults: *mut PyObject,
    pub fc_kwdefaults: *mut PyObject,
    pub fc_closure: *mut PyObject,
}
assert_layout!(PyFrameConstructor, size = 64, fc_globals @ 0, fc_builtins @ 8, fc_name @ 16,
               fc_qualname @ 24, fc_code @ 32, fc_defaults @ 40, fc_kwdefaults @ 48,
               fc_closure @ 56);

/// `PyFunctionObject`: a Python function. `func_version` identifies the function's
/// current code/defaults for the eval loop's call specializations (0: none).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyFunctionObject {
    pub ob_base: PyObject,
    pub func_globals: *mut PyObject,
    pub func_builtins: *mut PyObject,
    pub func_name: *mut PyObject,
    pub func_qualname: *mut PyObject,
    pub func_code: *mut PyObject,
    pub func_defaults: *mut PyObject,
    pub func_kwdefaults: *mut PyObject,
    pub func_closure: *mut PyObject,
    pub func_doc: *mut PyObject,
    pub func_dict: *mut PyObject,
    pub func_weakreflist: *mut PyObject,
    pub func_module: *mut PyObject,
    pub func_annotations: *mut PyObject,
    pub vectorcall: vectorcallfunc,
    pub func_version: u32,
}
assert_layout!(PyFunctionObject, size = 136, ob_base @ 0, func_globals @ 16,
               func_builtins @ 24, func_name @ 32, func_qualname @ 40, func_code @ 48,
               func_defaults @ 56, func_kwdefaults @ 64, func_closure @ 72, func_doc @ 80,
               func_dict @ 88, func_weakreflist @ 96, func_module @ 104,
               func_annotations @ 112, vectorcall @ 120, func_version @ 128);
