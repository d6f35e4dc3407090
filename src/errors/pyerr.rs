//! The error state of a thread (`curexc_type`/`curexc_value`/`curexc_traceback` of the
//! current `PyThreadState`) with CPython 3.11's semantics: unnormalized, so
//! `PyErr_SetString(exc, msg)` stores the type and the message str as the value.
use core::ffi::{c_char, c_int, CStr};

use crate::errors::exception_types::{_PyExc_SystemError};
use crate::errors::exceptions::PyBaseExceptionObject;
use crate::object::object::PyObject;
use crate::object::refcount::{Py_DecRef, Py_IncRef};
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_TYPE_SUBCLASS};
use crate::object::typetype::PyType_IsSubtype;
use crate::runtime::pystate::{current, fatal_error};
use crate::runtime::threadstate::PyThreadState;

/// The current thread state; calling the error API without one is a fatal error (CPython
/// crashes there).
fn tstate(function: &str) -> &'static mut PyThreadState {
    let ts = current();
    if ts.is_null() {
        fatal_error(function, "the function must be called with the GIL held, but the GIL is released");
    }
    // SAFETY: the current thread state is live while its thread holds the GIL.
    unsafe { &mut *ts }
}

unsafe fn has_flag(tp: *mut PyTypeObject, flag: core::ffi::c_ulong) -> bool {
    (*tp).tp_flags & flag != 0
}

/// `PyExceptionClass_Check`.
pub(crate) unsafe fn is_exception_class(op: *mut PyObject) -> bool {
    has_flag((*op).ob_type, Py_TPFLAGS_TYPE_SUBCLASS)
        && has_flag(op as *mut PyTypeObject, Py_TPFLAGS_BASE_EXC_SUBCLASS)
}

/// `PyExceptionInstance_Check`.
pub(crate) unsafe fn is_exception_instance(op: *mut PyObject) -> bool {
    has_flag((*op).ob_type, Py_TPFLAGS_BASE_EXC_SUBCLASS)
}

/// Replaces the error state with the three (owned) references.
unsafe fn restore(ts: &mut PyThreadState, t: *mut PyObject, v: *mut PyObject, tb: *mut PyObject) {
    let (ot, ov, otb) = (ts.curexc_type, ts.curexc_value, ts.curexc_traceback);
    ts.curexc_type = t;
    ts.curexc_value = v;
    ts.curexc_traceback = tb;
    Py_DecRef(ot);
    Py_DecRef(ov);
    Py_DecRef(otb);
}

/// `void PyErr_Restore(PyObject *type, PyObject *value, PyObject *traceback)`: sets the error
/// state, stealing the three references (NULL type clears it).
#[no_mangle]
pub unsafe extern "C" fn PyErr_Restore(t: *mut PyObject, v: *mut PyObject, mut tb: *mut PyObject) {
    let ts = tstate("PyErr_Restore");
    // A traceback that is not a traceback object is dropped, as CPython does.
    if !tb.is_null() && !crate::eval::traceback::is_traceback(tb) {
        Py_DecRef(tb);
        tb = core::ptr::null_mut();
    }
    restore(ts, t, v, tb);
}

/// `void PyErr_Fetch(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback)`: moves the
/// error state out to the caller (new references, NULL where unset) and clears it.
#[no_mangle]
pub unsafe extern "C" fn PyErr_Fetch(pt: *mut *mut PyObject, pv: *mut *mut PyObject, ptb: *mut *mut PyObject) {
    let ts = tstate("PyErr_Fetch");
    *pt = core::mem::replace(&mut ts.curexc_type, core::ptr::null_mut());
    *pv = core::mem::replace(&mut ts.curexc_value, core::ptr::null_mut());
    *ptb = core::mem::replace(&mut ts.curexc_traceback, core::ptr::null_mut());
}

/// `void PyErr_Clear(void)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_Clear() {
    restore(tstate("PyErr_Clear"), core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
}

/// `PyObject *PyErr_Occurred(void)`: the current exception type (borrowed) or NULL.
#[no_mangle]
pub unsafe extern "C" fn PyErr_Occurred() -> *mut PyObject {
    let ts = current();
    if ts.is_null() {
        return core::ptr::null_mut();
    }
    (*ts).curexc_type
}

/// `void PyErr_SetObject(PyObject *type, PyObject *value)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetObject(exception: *mut PyObject, value: *mut PyObject) {
    let ts = tstate("PyErr_SetObject");
    if !exception.is_null() && !is_exception_class(exception) {
        let repr = repr_of(exception);
        set_message(
            &raw mut _PyExc_SystemError as *mut PyObject,
            &format!("_PyErr_SetObject: exception {repr} is not a BaseException subclass"),
        );
        return;
    }
    // Raised while another exception is being handled: the new one is made an instance now
    // and gets the handled one as its `__context__`.
    let mut value = value;
    Py_IncRef(value);
    let handled = crate::errors::normalize::handled(ts);
    if !handled.is_null() {
        if value.is_null() || !is_exception_instance(value) {
            // No function may be called with an exception set.
            restore(ts, core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut());
            let fixed = crate::errors::normalize::create_exception(exception, value);
            Py_DecRef(value);
            match fixed {
                Ok(f) => value = f.into_ptr(),
                Err(_) => return,
            }
        }
        crate::errors::normalize::chain_context(value, handled);
    }
    Py_IncRef(exception);
    let mut tb = core::ptr::null_mut();
    if !value.is_null() && is_exception_instance(value) {
        tb = (*(value as *mut PyBaseExceptionObject)).traceback;
        Py_IncRef(tb);
    }
    restore(ts, exception, value, tb);
}

/// `repr(op)` through `tp_repr`, for messages.
unsafe fn repr_of(op: *mut PyObject) -> String {
    if let Some(repr) = (*(*op).ob_type).tp_repr {
        let r = repr(op);
        if !r.is_null() {
            let s = if crate::objects::str::is_str(r) { crate::objects::str::to_string(r) } else { String::new() };
            Py_DecRef(r);
            return s;
        }
        PyErr_Clear();
    }
    let name = CStr::from_ptr((*(*op).ob_type).tp_name).to_string_lossy();
    format!("<{name} object at {op:p}>")
}

/// Sets `exception(message)` with the message as a str value.
pub(crate) unsafe fn set_message(exception: *mut PyObject, message: &str) {
    match crate::objects::str::from_utf8(message) {
        Ok(value) => {
            PyErr_SetObject(exception, value.as_ptr());
        }
        Err(_) => {} // the decoding or memory error is set
    }
}

/// `void PyErr_SetString(PyObject *exception, const char *string)`: the value is the message
/// decoded as UTF-8 (undecodable: the decoding error stays set instead).
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetString(exception: *mut PyObject, string: *const c_char) {
    let value = crate::objects::str::PyUnicode_FromString(string);
    if value.is_null() {
        return;
    }
    PyErr_SetObject(exception, value);
    Py_DecRef(value);
}

/// `void PyErr_SetNone(PyObject *type)`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetNone(exception: *mut PyObject) {
    PyErr_SetObject(exception, core::ptr::null_mut());
}

/// `int PyErr_GivenExceptionMatches(PyObject *err, PyObject *exc)`: whether `err` (a class or
/// an instance) is `exc` or a subclass of it; `exc` may be a tuple, searched recursively.
#[no_mangle]
pub unsafe extern "C" fn PyErr_GivenExceptionMatches(err: *mut PyObject, exc: *mut PyObject) -> c_int {
    if err.is_null() || exc.is_null() {
        return 0;
    }
    if crate::objects::tuple::is_tuple(exc) {
        for &item in crate::objects::tuple::items(exc) {
            if PyErr_GivenExceptionMatches(err, item) != 0 {
                return 1;
            }
        }
        return 0;
    }
    let err = if is_exception_instance(err) { (*err).ob_type as *mut PyObject } else { err };
    if is_exception_class(err) && is_exception_class(exc) {
        return PyType_IsSubtype(err as *mut PyTypeObject, exc as *mut PyTypeObject);
    }
    (err == exc) as c_int
}

/// `int PyErr_ExceptionMatches(PyObject *exc)`: whether the current exception matches `exc`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_ExceptionMatches(exc: *mut PyObject) -> c_int {
    PyErr_GivenExceptionMatches(PyErr_Occurred(), exc)
}

/// `void PyErr_BadInternalCall(void)`: SystemError for bad arguments to a C-API function.
/// (C code calling `PyErr_BadInternalCall()` reaches `_PyErr_BadInternalCall` through the
/// header macro; this function serves code that takes its address.)
#[no_mangle]
pub unsafe extern "C" fn PyErr_BadInternalCall() {
    set_message(&raw mut _PyExc_SystemError as *mut PyObject, "bad argument to internal function");
}

/// `void _PyErr_BadInternalCall(const char *filename, int lineno)`: what the
/// `PyErr_BadInternalCall()` macro calls: SystemError "FILE:LINE: bad argument to internal
/// function".
#[no_mangle]
pub unsafe extern "C" fn _PyErr_BadInternalCall(filename: *const c_char, lineno: c_int) {
    let file = if filename.is_null() {
        "(null)".into()
    } else {
        CStr::from_ptr(filename).to_string_lossy()
    };
    set_message(
        &raw mut _PyExc_SystemError as *mut PyObject,
        &format!("{file}:{lineno}: bad argument to internal function"),
    );
}

/// `int PyErr_BadArgument(void)`: TypeError for a bad argument to a builtin; returns 0.
#[no_mangle]
pub unsafe extern "C" fn PyErr_BadArgument() -> c_int {
    set_message(
        &raw mut crate::errors::exception_types::_PyExc_TypeError as *mut PyObject,
        "bad argument type for built-in operation",
    );
    0
}

/// `const char *PyExceptionClass_Name(PyObject *cls)`: the class's `tp_name`.
#[no_mangle]
pub unsafe extern "C" fn PyExceptionClass_Name(cls: *mut PyObject) -> *const c_char {
    (*(cls as *mut PyTypeObject)).tp_name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors::exception_types as e;
    use crate::objects::tuple;

    fn pair(a: *mut PyObject, b: *mut PyObject) -> crate::object::ptr::PyRef {
        let t = tuple::new(2).unwrap();
        // SAFETY: fresh tuple of two slots; the items are static types (borrowed, increfed).
        unsafe {
            tuple::init_item(t.as_ptr(), 0, crate::object::ptr::PyRef::from_borrowed(a).unwrap());
            tuple::init_item(t.as_ptr(), 1, crate::object::ptr::PyRef::from_borrowed(b).unwrap());
        }
        t
    }

    #[test]
    fn given_exception_matches_nested_tuples() {
        // SAFETY: static types; the tuples are owned here.
        unsafe {
            let (te, ke, ve, ose) = (
                &raw mut e::_PyExc_TypeError as *mut PyObject,
                &raw mut e::_PyExc_KeyError as *mut PyObject,
                &raw mut e::_PyExc_ValueError as *mut PyObject,
                &raw mut e::_PyExc_OSError as *mut PyObject,
            );
            let inner = pair(ke, ve);
            let outer = pair(te, inner.as_ptr());
            assert_eq!(PyErr_GivenExceptionMatches(ve, outer.as_ptr()), 1);
            assert_eq!(PyErr_GivenExceptionMatches(ke, outer.as_ptr()), 1);
            assert_eq!(PyErr_GivenExceptionMatches(te, outer.as_ptr()), 1);
            assert_eq!(PyErr_GivenExceptionMatches(ose, outer.as_ptr()), 0);
            assert_eq!(PyErr_GivenExceptionMatches(outer.as_ptr(), outer.as_ptr()), 0);
        }
    }
}
