//! Runtime-level helpers CPython's modules call: whether finalization has begun, the
//! reference-count start of an object made by hand, the sys dict seen from C
//! (`_PySys_GetAttr`, `_PySys_GetSizeOf`), `sys.modules` assignment, `_PyModule_Add`, and
//! the locale from the environment (`readline`).
use core::ffi::{c_char, c_int};

use crate::object::object::PyObject;
use crate::runtime::threadstate::PyThreadState;

/// `int _Py_IsFinalizing(void)`: 1 once `Py_FinalizeEx` has begun.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_IsFinalizing() -> c_int {
    crate::runtime::gil::RUNTIME_GIL.is_finalizing() as c_int
}

/// `void _Py_NewReference(PyObject *op)`: an object made without the allocation API starts
/// life with one reference.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_NewReference(op: *mut PyObject) {
    if !op.is_null() {
        (*op).ob_refcnt = 1;
    }
}

/// `PyObject *_PySys_GetAttr(PyThreadState *tstate, PyObject *name)`: `sys.<name>`
/// (borrowed) or NULL, never raising (a pending exception is kept).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySys_GetAttr(_tstate: *mut PyThreadState, name: *mut PyObject) -> *mut PyObject {
    let sys = crate::runtime::interpreter::current().map_or(core::ptr::null_mut(), |i| i.sysdict);
    if sys.is_null() || name.is_null() {
        return core::ptr::null_mut();
    }
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Fetch(&mut t, &mut v, &mut tb);
    let found = crate::objects::dict::get_item(sys, name).ok().flatten().unwrap_or(core::ptr::null_mut());
    crate::errors::pyerr::PyErr_Clear();
    crate::errors::pyerr::PyErr_Restore(t, v, tb);
    found
}

/// `size_t _PySys_GetSizeOf(PyObject *o)`: `sys.getsizeof(o)` as a C size, (size_t)-1 with
/// an exception.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PySys_GetSizeOf(o: *mut PyObject) -> usize {
    let size = crate::modules::sys_functions::sizeof_of(o)
        .and_then(|n| crate::objects::long_convert::as_i64(n.as_ptr()));
    match size {
        Ok(n) => n as usize,
        Err(_) => usize::MAX,
    }
}

/// `int _PyImport_SetModule(PyObject *name, PyObject *m)`: `sys.modules[name] = m`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyImport_SetModule(name: *mut PyObject, m: *mut PyObject) -> c_int {
    let modules = crate::runtime::module_table::modules();
    if modules.is_null() {
        let _ = crate::object::pending_error::raise_type(
            &raw mut crate::errors::exception_types::_PyExc_RuntimeError,
            "unable to get sys.modules",
        );
        return -1;
    }
    crate::abstract_::item::PyObject_SetItem(modules, name, m)
}

/// `int _PyModule_Add(PyObject *mod, const char *name, PyObject *value)`:
/// `PyModule_AddObjectRef` that consumes `value`'s reference whatever happens.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyModule_Add(module: *mut PyObject, name: *const c_char, value: *mut PyObject) -> c_int {
    let r = crate::objects::module::PyModule_AddObjectRef(module, name, value);
    drop(crate::object::ptr::PyRef::from_owned(value));
    r
}

/// `char *_Py_SetLocaleFromEnv(int category)`: `setlocale(category, "")`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_SetLocaleFromEnv(category: c_int) -> *mut c_char {
    libc::setlocale(category, c"".as_ptr())
}
