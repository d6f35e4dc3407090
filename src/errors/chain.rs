//! `_PyErr_ChainExceptions`: re-raising an exception that was fetched while handling another
//! (cleanup code that saved the error, ran, and failed itself) so that neither is lost.
use crate::errors::baseexception::{PyException_SetContext, PyException_SetTraceback};
use crate::errors::normalize::PyErr_NormalizeException;
use crate::errors::pyerr::{PyErr_Fetch, PyErr_Occurred, PyErr_Restore};
use crate::object::object::PyObject;
use crate::object::refcount::Py_DecRef;

/// `void _PyErr_ChainExceptions(PyObject *exc, PyObject *val, PyObject *tb)`: with no
/// error pending, (exc, val, tb) becomes the current error; with one pending, the given
/// exception becomes the pending one's `__context__`. Steals the three references.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyErr_ChainExceptions(mut exc: *mut PyObject, mut val: *mut PyObject, mut tb: *mut PyObject) {
    if exc.is_null() {
        return;
    }
    if PyErr_Occurred().is_null() {
        PyErr_Restore(exc, val, tb);
        return;
    }
    let (mut exc2, mut val2, mut tb2) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut exc2, &mut val2, &mut tb2);
    PyErr_NormalizeException(&mut exc, &mut val, &mut tb);
    if !tb.is_null() {
        PyException_SetTraceback(val, tb);
        Py_DecRef(tb);
    }
    Py_DecRef(exc);
    PyErr_NormalizeException(&mut exc2, &mut val2, &mut tb2);
    PyException_SetContext(val2, val);
    PyErr_Restore(exc2, val2, tb2);
}

/// The fetched exception `(t, v, tb)` (stolen) becomes the `__cause__` and `__context__` of
/// the pending one, whose traceback it keeps (`_PyErr_FormatFromCause`'s chaining).
///
/// # Safety
/// An exception is pending; the three are NULL or owned references.
pub(crate) unsafe extern "C" fn chain_cause(mut t: *mut PyObject, mut v: *mut PyObject, mut tb: *mut PyObject) {
    if t.is_null() {
        return;
    }
    // The new error is set aside first: normalizing runs code that must not see it.
    let (mut t2, mut v2, mut tb2) = (core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
    PyErr_Fetch(&mut t2, &mut v2, &mut tb2);
    PyErr_NormalizeException(&mut t, &mut v, &mut tb);
    if !tb.is_null() {
        PyException_SetTraceback(v, tb);
        Py_DecRef(tb);
    }
    Py_DecRef(t);
    PyErr_NormalizeException(&mut t2, &mut v2, &mut tb2);
    if v.is_null() || v2.is_null() {
        if !v.is_null() {
            Py_DecRef(v);
        }
    } else {
        crate::object::refcount::Py_IncRef(v);
        crate::errors::baseexception::PyException_SetCause(v2, v);
        PyException_SetContext(v2, v);
    }
    PyErr_Restore(t2, v2, tb2);
}
