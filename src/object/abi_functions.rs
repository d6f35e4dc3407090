//! Function forms of header macros and inline functions that CPython 3.11 also exports for
//! the stable ABI (`Py_NewRef`, `Py_Is`, ...), so binaries that call them as functions (other
//! languages' bindings, `dlsym` users) find them. C code compiled with our headers uses the
//! macros; cbindgen.toml excludes these names so no prototype collides with a macro.
use core::ffi::{c_int, c_ulong};

use crate::object::object::PyObject;
use crate::object::refcount::{Py_DecRef, Py_IncRef};

/// `PyObject *Py_NewRef(PyObject *o)`: a new reference to `o`.
#[no_mangle]
pub unsafe extern "C" fn Py_NewRef(o: *mut PyObject) -> *mut PyObject {
    (*o).ob_refcnt += 1;
    o
}

/// `PyObject *Py_XNewRef(PyObject *o)`: `Py_NewRef` that passes NULL through.
#[no_mangle]
pub unsafe extern "C" fn Py_XNewRef(o: *mut PyObject) -> *mut PyObject {
    Py_IncRef(o);
    o
}

/// `void _Py_IncRef(PyObject *o)`: the limited API's out-of-line `Py_INCREF` (3.10+).
#[no_mangle]
pub unsafe extern "C" fn _Py_IncRef(o: *mut PyObject) {
    (*o).ob_refcnt += 1;
}

/// `void _Py_DecRef(PyObject *o)`: the limited API's out-of-line `Py_DECREF` (3.10+).
#[no_mangle]
pub unsafe extern "C" fn _Py_DecRef(o: *mut PyObject) {
    Py_DecRef(o);
}

/// `int Py_Is(PyObject *x, PyObject *y)`: identity.
#[no_mangle]
pub extern "C" fn Py_Is(x: *mut PyObject, y: *mut PyObject) -> c_int {
    (x == y) as c_int
}

/// `int Py_IsNone(PyObject *x)`.
#[no_mangle]
pub extern "C" fn Py_IsNone(x: *mut PyObject) -> c_int {
    Py_Is(x, crate::abstract_::none())
}

/// `int Py_IsTrue(PyObject *x)`.
#[no_mangle]
pub extern "C" fn Py_IsTrue(x: *mut PyObject) -> c_int {
    Py_Is(x, crate::objects::bool::true_())
}

/// `int Py_IsFalse(PyObject *x)`.
#[no_mangle]
pub extern "C" fn Py_IsFalse(x: *mut PyObject) -> c_int {
    Py_Is(x, crate::objects::bool::false_())
}

/// `const unsigned long Py_Version`: `PY_VERSION_HEX` of the running library (3.11).
#[cfg(not(limited_api_before_3_11))]
#[no_mangle]
pub static Py_Version: c_ulong = crate::modules::sys_module::HEXVERSION as c_ulong;
