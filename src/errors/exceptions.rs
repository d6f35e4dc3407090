//! The instance layouts of the builtin exceptions (CPython 3.11's cpython/pyerrors.h).
//! C has them begin with the `PyException_HEAD` field list (spelled out in each struct here,
//! since cbindgen does not expand macros); the macro itself is hand-written in
//! include/cpython/pyerrors.h.
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;
use core::ffi::c_char;

/// `BaseException`: the fields every exception instance starts with (CPython's
/// `PyException_HEAD`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyBaseExceptionObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
}
assert_layout!(PyBaseExceptionObject, size = 72, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64);

/// `BaseExceptionGroup`: message and the tuple of grouped exceptions.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyBaseExceptionGroupObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub msg: *mut PyObject,
    pub excs: *mut PyObject,
}
assert_layout!(PyBaseExceptionGroupObject, size = 88, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, msg @ 72, excs @ 80);

/// `SyntaxError`: message and source location.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PySyntaxErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub msg: *mut PyObject,
    pub filename: *mut PyObject,
    pub lineno: *mut PyObject,
    pub offset: *mut PyObject,
    pub end_lineno: *mut PyObject,
    pub end_offset: *mut PyObject,
    pub text: *mut PyObject,
    pub print_file_and_line: *mut PyObject,
}
assert_layout!(PySyntaxErrorObject, size = 136, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, msg @ 72, filename @ 80, lineno @ 88, offset @ 96, end_lineno @ 104, end_offset @ 112, text @ 120, print_file_and_line @ 128);

/// `ImportError`: message and the module `name` and `path`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyImportErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub msg: *mut PyObject,
    pub name: *mut PyObject,
    pub path: *mut PyObject,
}
assert_layout!(PyImportErrorObject, size = 96, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, msg @ 72, name @ 80, path @ 88);

/// `UnicodeError` and its encode/decode/translate subclasses: `object[start:end]` is
/// the offending part.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyUnicodeErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub encoding: *mut PyObject,
    pub object: *mut PyObject,
    pub start: Py_ssize_t,
    pub end: Py_ssize_t,
    pub reason: *mut PyObject,
}
assert_layout!(PyUnicodeErrorObject, size = 112, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, encoding @ 72, object @ 80, start @ 88, end @ 96, reason @ 104);

/// `SystemExit`: the exit `code`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PySystemExitObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub code: *mut PyObject,
}
assert_layout!(PySystemExitObject, size = 80, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, code @ 72);

/// `OSError`: errno, message, file names, and `written` for `BlockingIOError`
/// (no `winerror`: that field exists only on Windows).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyOSErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub myerrno: *mut PyObject,
    pub strerror: *mut PyObject,
    pub filename: *mut PyObject,
    pub filename2: *mut PyObject,
    pub written: Py_ssize_t,
}
assert_layout!(PyOSErrorObject, size = 112, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, myerrno @ 72, strerror @ 80, filename @ 88, filename2 @ 96, written @ 104);

/// `StopIteration`: the generator's return `value`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyStopIterationObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub value: *mut PyObject,
}
assert_layout!(PyStopIterationObject, size = 80, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, value @ 72);

/// `NameError`: the missing `name`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyNameErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub name: *mut PyObject,
}
assert_layout!(PyNameErrorObject, size = 80, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, name @ 72);

/// `AttributeError`: the object and the missing attribute `name`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyAttributeErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    /// Non-zero: `raise ... from None` (hide `__context__` in tracebacks).
    pub suppress_context: c_char,
    pub obj: *mut PyObject,
    pub name: *mut PyObject,
}
assert_layout!(PyAttributeErrorObject, size = 88, ob_base @ 0, dict @ 16, args @ 24, notes @ 32, traceback @ 40, context @ 48, cause @ 56, suppress_context @ 64, obj @ 72, name @ 80);

/// `PyEnvironmentErrorObject`: `EnvironmentError` is `OSError`.
#[cfg(not(Py_LIMITED_API))]
pub type PyEnvironmentErrorObject = PyOSErrorObject;
