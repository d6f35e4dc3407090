//! Argument conversions shared by the `posix` functions, with CPython's messages: C ints
//! (`__index__`), file descriptors, `dir_fd`, booleans, and the OSError raisers that attach
//! the failing path(s).
use core::ffi::c_int;

use crate::abstract_::{tp_name, type_error};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{int, long_convert};

pub(crate) fn overflow(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

pub(crate) fn value_error(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// An integer argument (`__index__`) as i64.
pub(crate) unsafe fn i64_arg(op: *mut PyObject) -> PyResult<i64> {
    let i = crate::abstract_::number::index(op)?;
    long_convert::as_i64(i.as_ptr())
}

/// A C `int` argument (Argument Clinic's `int` converter).
pub(crate) unsafe fn c_int_arg(op: *mut PyObject) -> PyResult<c_int> {
    let message = "Python int too large to convert to C int";
    let i = crate::abstract_::number::index(op)?;
    let v = long_convert::as_i64_with(i.as_ptr(), message)?;
    c_int::try_from(v).map_err(|_| overflow(message))
}

/// An optional C int with a default.
pub(crate) unsafe fn c_int_or(op: Option<*mut PyObject>, default: c_int) -> PyResult<c_int> {
    op.map_or(Ok(default), |o| c_int_arg(o))
}

/// A file descriptor given as an int (range errors as CPython's fd converter).
pub(crate) unsafe fn fd_value(op: *mut PyObject) -> PyResult<c_int> {
    let v = match long_convert::as_i64(op) {
        Ok(v) => v,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            let negative = crate::abstract_::compare::rich_compare_bool(op, int::small_int(0), crate::object::object::Py_LT)?;
            return Err(overflow(if negative { "fd is less than minimum" } else { "fd is greater than maximum" }));
        }
    };
    if v > c_int::MAX as i64 {
        return Err(overflow("fd is greater than maximum"));
    }
    if v < c_int::MIN as i64 {
        return Err(overflow("fd is less than minimum"));
    }
    Ok(v as c_int)
}

/// `dir_fd=None|int`: None is `AT_FDCWD`.
pub(crate) unsafe fn dir_fd_arg(op: Option<*mut PyObject>) -> PyResult<c_int> {
    match op {
        None => Ok(libc::AT_FDCWD),
        Some(o) if o == crate::abstract_::none() => Ok(libc::AT_FDCWD),
        Some(o) if int::is_int(o) => fd_value(o),
        Some(o) => {
            if crate::abstract_::number::PyIndex_Check(o) != 0 {
                let i = crate::abstract_::number::index(o)?;
                return fd_value(i.as_ptr());
            }
            Err(type_error(format!("argument should be integer or None, not {}", tp_name(o))))
        }
    }
}

/// A boolean argument (truth value), with a default.
pub(crate) unsafe fn bool_or(op: Option<*mut PyObject>, default: bool) -> PyResult<bool> {
    op.map_or(Ok(default), |o| crate::abstract_::object::is_true(o))
}

/// OSError (or its errno subclass) from the current `errno`, without a filename.
pub(crate) unsafe fn errno_error() -> Raised {
    crate::errors::setters::PyErr_SetFromErrno(&raw mut exc::_PyExc_OSError as *mut PyObject);
    Raised::assume_set()
}

/// OSError from `errno` with one or two filenames (the original path objects).
pub(crate) unsafe fn errno_error_paths(first: *mut PyObject, second: *mut PyObject) -> Raised {
    crate::errors::setters::PyErr_SetFromErrnoWithFilenameObjects(&raw mut exc::_PyExc_OSError as *mut PyObject, first, second);
    Raised::assume_set()
}

/// OSError for an explicit errno value.
pub(crate) unsafe fn error_for(errno: c_int) -> Raised {
    *libc::__errno_location() = errno;
    errno_error()
}

/// The positional-argument count check of a METH_FASTCALL function.
pub(crate) fn check_args(name: &core::ffi::CStr, n: usize, min: isize, max: isize) -> PyResult<()> {
    // SAFETY: a static C string name.
    if unsafe { crate::abstract_::getargs::check_positional(name.as_ptr(), n as isize, min, max) } {
        Ok(())
    } else {
        Err(Raised::assume_set())
    }
}

/// Runs a blocking system call with the GIL released (the caller holds it).
pub(crate) fn without_gil<T>(f: impl FnOnce() -> T) -> T {
    let saved = crate::runtime::gil::PyEval_SaveThread();
    let r = f();
    // SAFETY: `saved` is the thread state PyEval_SaveThread just released.
    unsafe { crate::runtime::gil::PyEval_RestoreThread(saved) };
    r
}

/// Runs a system call (GIL released) until it stops failing with EINTR, running signal
/// handlers between tries (PEP 475); the call's result, or -1 with errno set.
pub(crate) unsafe fn retry_eintr<T: PartialEq + From<i8> + Copy>(mut f: impl FnMut() -> T) -> PyResult<T> {
    loop {
        let r = without_gil(&mut f);
        if r != T::from(-1) || *libc::__errno_location() != libc::EINTR {
            return Ok(r);
        }
        if crate::runtime::signals::PyErr_CheckSignals() < 0 {
            return Err(Raised::assume_set());
        }
    }
}

/// A str/bytes/PathLike argument as a C string (CPython's `PyUnicode_FSConverter`, with
/// its messages).
pub(crate) unsafe fn fs_bytes(op: *mut PyObject) -> PyResult<std::ffi::CString> {
    let mut out: *mut PyObject = core::ptr::null_mut();
    if crate::codecs::fs_encoding::PyUnicode_FSConverter(op, (&raw mut out).cast()) == 0 {
        return Err(Raised::assume_set());
    }
    let owned = crate::object::ptr::PyRef::from_owned(out).unwrap();
    Ok(std::ffi::CString::new(crate::objects::bytes::as_slice(owned.as_ptr())).expect("FSConverter rejects NUL"))
}

/// A `dev_t` argument (CPython's dev converter: an int, unsigned 64-bit, no `__index__`).
pub(crate) unsafe fn dev_arg(op: *mut PyObject) -> PyResult<u64> {
    if !int::is_int(op) {
        return Err(crate::abstract_::type_error("an integer is required"));
    }
    match long_convert::int_to_i128(op) {
        Some(v) if v < 0 => Err(overflow("can't convert negative int to unsigned")),
        Some(v) if v <= u64::MAX as i128 => Ok(v as u64),
        _ => Err(overflow("int too big to convert")),
    }
}
