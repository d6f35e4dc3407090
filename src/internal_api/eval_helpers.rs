//! Small eval-loop helpers that CPython's extension modules call: `_PyEval_GetBuiltin`
//! (`builtins.NAME` for `__reduce__` of iterators), `_PyEval_SliceIndexNotNone` (Argument
//! Clinic's converter for indices that may not be None) and `_Py_CheckRecursiveCall`, the
//! slow path of the recursion guard that `Py_BUILD_CORE` modules inline.
use core::ffi::{c_char, c_int, CStr};

use crate::errors::exception_types as exc;
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;
use crate::runtime::threadstate::PyThreadState;

/// `PyObject *_PyEval_GetBuiltin(PyObject *name)`: the builtin (new reference), or NULL
/// with AttributeError(name).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyEval_GetBuiltin(name: *mut PyObject) -> *mut PyObject {
    let builtins = crate::modules::builtins_module::PyEval_GetBuiltins();
    if builtins.is_null() || name.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    let found = crate::objects::dict::PyDict_GetItemWithError(builtins, name);
    if !found.is_null() {
        return crate::abstract_::new_ref(found).into_ptr();
    }
    if crate::errors::pyerr::PyErr_Occurred().is_null() {
        crate::errors::pyerr::PyErr_SetObject(exc::PyExc_AttributeError, name);
    }
    core::ptr::null_mut()
}

/// `int _PyEval_SliceIndexNotNone(PyObject *v, Py_ssize_t *pi)`: `v.__index__()` clamped to
/// Py_ssize_t in `*pi` and 1, or 0 with TypeError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyEval_SliceIndexNotNone(v: *mut PyObject, pi: *mut Py_ssize_t) -> c_int {
    if v.is_null() || !crate::abstract_::item::is_index(v) {
        let _ = crate::abstract_::type_error("slice indices must be integers or have an __index__ method");
        return 0;
    }
    match crate::abstract_::item::as_ssize(v, None) {
        Ok(x) => {
            *pi = x;
            1
        }
        Err(_) => 0,
    }
}

/// `int _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where)`: called by the
/// inlined guard once `recursion_remaining` (already decremented) ran out: 0 when the
/// limit was raised meanwhile, else -1 with RecursionError and the level given back.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_CheckRecursiveCall(tstate: *mut PyThreadState, where_: *const c_char) -> c_int {
    if tstate.is_null() || tstate != crate::runtime::pystate::current() {
        let _ = crate::object::pending_error::bad_internal_call();
        return -1;
    }
    let text = if where_.is_null() { "".into() } else { CStr::from_ptr(where_).to_string_lossy() };
    // Undo the caller's decrement and let the guard's own entry take it again, with its
    // checks (it decides from the count as it was before the decrement).
    (*tstate).recursion_remaining += 1;
    match crate::eval::recursion::enter(&text) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}
