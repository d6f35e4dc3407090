//! The exceptions the import system raises: ImportError and ModuleNotFoundError with
//! `name`/`path`, and CPython's "from cause" SystemErrors of failed initializations.
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::str as pystr;

/// Raises `tp(message, name=name, path=path)` (`name`/`path` may be NULL: None).
pub(crate) unsafe fn import_error_of(tp: *mut PyTypeObject, message: &str, name: *mut PyObject, path: *mut PyObject) -> Raised {
    match pystr::from_utf8(message) {
        Ok(msg) => {
            crate::errors::setters::PyErr_SetImportErrorSubclass(tp as *mut PyObject, msg.as_ptr(), name, path);
            Raised::assume_set()
        }
        Err(e) => e,
    }
}

/// `ImportError(message, name=name, path=path)`.
pub(crate) unsafe fn import_error(message: &str, name: *mut PyObject, path: *mut PyObject) -> Raised {
    import_error_of(&raw mut exc::_PyExc_ImportError, message, name, path)
}

/// `ModuleNotFoundError(message, name=name)`.
pub(crate) unsafe fn not_found(message: &str, name: *mut PyObject) -> Raised {
    import_error_of(&raw mut exc::_PyExc_ModuleNotFoundError, message, name, core::ptr::null_mut())
}

/// `repr(name)` as text, for CPython's `{!r}` in messages.
pub(crate) unsafe fn repr_text(obj: *mut PyObject) -> PyResult<String> {
    Ok(pystr::to_string(crate::abstract_::object::repr(obj)?.as_ptr()))
}

/// "No module named 'x'".
pub(crate) unsafe fn no_module_named(name: *mut PyObject) -> Raised {
    match repr_text(name) {
        Ok(r) => not_found(&format!("No module named {r}"), name),
        Err(e) => e,
    }
}

/// Raises `tp(message)` with the pending exception as its `__cause__` (and context), as
/// CPython's `_PyErr_FormatFromCause`.
pub(crate) unsafe fn raise_from_cause(tp: *mut PyTypeObject, message: String) -> Raised {
    use crate::errors::pyerr::{PyErr_Fetch, PyErr_Restore};
    use crate::errors::normalize::PyErr_NormalizeException;
    let (mut t, mut v, mut tb) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t, &mut v, &mut tb);
    PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    if !tb.is_null() && !v.is_null() {
        crate::errors::baseexception::PyException_SetTraceback(v, tb);
    }
    drop(PyRef::from_owned(t));
    drop(PyRef::from_owned(tb));
    let _ = crate::object::pending_error::raise_type(tp, message);
    let (mut t2, mut v2, mut tb2) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t2, &mut v2, &mut tb2);
    PyErr_NormalizeException(&mut t2, &mut v2, &mut tb2);
    if !v.is_null() && !v2.is_null() {
        // SetCause steals its argument; SetContext too: one reference each.
        crate::object::refcount::Py_IncRef(v);
        crate::errors::baseexception::PyException_SetCause(v2, v);
        crate::errors::baseexception::PyException_SetContext(v2, v);
    } else {
        drop(PyRef::from_owned(v));
    }
    PyErr_Restore(t2, v2, tb2);
    Raised::assume_set()
}
