//! Exception helpers CPython's modules call: `_PyTraceback_Add` (a traceback entry naming
//! a C function and line: `pyexpat`'s handler errors, `_ctypes` callbacks) and the
//! StopIteration value protocol of generators (`_PyGen_FetchStopIterationValue` /
//! `SetStopIterationValue`, used by `_asyncio`).
use core::ffi::{c_char, c_int};

use crate::errors::pyerr::{PyErr_Fetch, PyErr_Restore};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

/// `void _PyTraceback_Add(const char *funcname, const char *filename, int lineno)`: pushes
/// an entry for a frame of an empty code object onto the pending exception's traceback.
/// Failing to make it leaves the exception as it was.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTraceback_Add(funcname: *const c_char, filename: *const c_char, lineno: c_int) {
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    let frame = (|| {
        let globals = crate::objects::dict::new().ok()?;
        let code = PyRef::from_owned(crate::objects::code_api::PyCode_NewEmpty(filename, funcname, lineno) as *mut PyObject)?;
        let tstate = crate::runtime::pystate::current();
        let f = crate::eval::frame_new::PyFrame_New(tstate, code.as_ptr() as _, globals.as_ptr(), core::ptr::null_mut());
        let f = PyRef::from_owned(f as *mut PyObject)?;
        crate::eval::frame_object::fo(f.as_ptr()).lineno = lineno;
        Some(f)
    })();
    // Whatever the frame's making raised gives way to the original exception.
    crate::errors::pyerr::PyErr_Clear();
    PyErr_Restore(t, v, tb);
    if let Some(f) = frame {
        crate::eval::traceback::PyTraceBack_Here(f.as_ptr() as _);
    }
}

/// `int _PyGen_FetchStopIterationValue(PyObject **pvalue)`: with no exception or a
/// StopIteration (cleared), 0 and the return value (None without one) in `*pvalue`; -1
/// when another exception is set.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyGen_FetchStopIterationValue(pvalue: *mut *mut PyObject) -> c_int {
    match crate::abstract_::iter::stop_iteration_value() {
        Ok(v) => {
            *pvalue = v.into_ptr();
            0
        }
        Err(_) => -1,
    }
}

/// `int _PyGen_SetStopIterationValue(PyObject *value)`: raises StopIteration carrying
/// `value` as a generator's `return value` does (tuples and exceptions wrapped so that they
/// are not taken as arguments); 0, or -1 when making the exception failed.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyGen_SetStopIterationValue(value: *mut PyObject) -> c_int {
    if value.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    if value == crate::abstract_::none() {
        crate::errors::pyerr::PyErr_SetNone(crate::errors::exception_types::PyExc_StopIteration);
        return 0;
    }
    let _ = crate::objects::gen_type::set_stop_iteration(value);
    let raised = crate::errors::pyerr::PyErr_Occurred();
    // Either StopIteration (success) or the error of making it.
    if crate::errors::pyerr::PyErr_GivenExceptionMatches(raised, crate::errors::exception_types::PyExc_StopIteration) != 0 {
        0
    } else {
        -1
    }
}
