//! File-descriptor helpers of CPython's fileutils (cpython/fileutils.h and the internal
//! header): open/read/write/dup/fstat that release the GIL, retry on EINTR running signal
//! handlers (PEP 475) and raise OSError, with `_noraise` spellings that only set errno;
//! descriptors are created non-inheritable (PEP 446).
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{errno_error, retry_eintr, without_gil};
use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

fn errno() -> c_int {
    // SAFETY: the thread's errno slot.
    unsafe { *libc::__errno_location() }
}

/// Returns -1 for the C result of a failed call (the exception is set).
fn or_minus_one<T: From<i8>>(r: PyResult<T>) -> T {
    r.unwrap_or_else(|_| T::from(-1))
}

/// OSError from errno naming the file `path` (a C string).
unsafe fn errno_error_filename(path: *const c_char) -> Raised {
    crate::errors::setters::PyErr_SetFromErrnoWithFilename(exc::PyExc_OSError, path);
    Raised::assume_set()
}

/// `int _Py_open(const char *pathname, int flags)`: a non-inheritable descriptor, or -1 with
/// OSError (EINTR retried).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_open(pathname: *const c_char, flags: c_int) -> c_int {
    or_minus_one((|| {
        let fd = retry_eintr(|| libc::open(pathname, flags | libc::O_CLOEXEC, 0o666))?;
        if fd < 0 {
            return Err(errno_error_filename(pathname));
        }
        Ok(fd)
    })())
}

/// `int _Py_open_noraise(const char *pathname, int flags)`: as `_Py_open` with errno only
/// (async-signal-safe: no GIL, no exception).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_open_noraise(pathname: *const c_char, flags: c_int) -> c_int {
    loop {
        let fd = libc::open(pathname, flags | libc::O_CLOEXEC, 0o666);
        if fd >= 0 || errno() != libc::EINTR {
            return fd;
        }
    }
}

/// The byte count a single read/write may ask for (CPython caps it at PY_SSIZE_T_MAX).
fn clamp_count(count: usize) -> usize {
    count.min(isize::MAX as usize)
}

/// `Py_ssize_t _Py_read(int fd, void *buf, size_t count)`: bytes read, or -1 with OSError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_read(fd: c_int, buf: *mut c_void, count: usize) -> Py_ssize_t {
    let count = clamp_count(count);
    or_minus_one((|| {
        let n = retry_eintr(|| libc::read(fd, buf, count))?;
        if n < 0 {
            return Err(errno_error());
        }
        Ok(n as Py_ssize_t)
    })())
}

/// `Py_ssize_t _Py_write(int fd, const void *buf, size_t count)`: bytes written, or -1 with
/// OSError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_write(fd: c_int, buf: *const c_void, count: usize) -> Py_ssize_t {
    let count = clamp_count(count);
    or_minus_one((|| {
        let n = retry_eintr(|| libc::write(fd, buf, count))?;
        if n < 0 {
            return Err(errno_error());
        }
        Ok(n as Py_ssize_t)
    })())
}

/// `Py_ssize_t _Py_write_noraise(int fd, const void *buf, size_t count)`: errno only,
/// EINTR retried.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_write_noraise(fd: c_int, buf: *const c_void, count: usize) -> Py_ssize_t {
    let count = clamp_count(count);
    loop {
        let n = libc::write(fd, buf, count);
        if n >= 0 || errno() != libc::EINTR {
            return n as Py_ssize_t;
        }
    }
}

/// `int _Py_dup(int fd)`: a non-inheritable duplicate, or -1 with OSError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_dup(fd: c_int) -> c_int {
    let new = without_gil(|| libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0));
    if new < 0 {
        let _ = errno_error();
    }
    new
}

/// `int _Py_fstat_noraise(int fd, struct _Py_stat_struct *status)`: 0, or -1 with errno.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_fstat_noraise(fd: c_int, status: *mut libc::stat) -> c_int {
    libc::fstat(fd, status)
}

/// `int _Py_fstat(int fd, struct _Py_stat_struct *status)`: 0, or -1 with OSError (GIL
/// released around the call).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_fstat(fd: c_int, status: *mut libc::stat) -> c_int {
    let r = without_gil(|| libc::fstat(fd, status));
    if r != 0 {
        let _ = errno_error();
    }
    r
}

/// Sets or clears FD_CLOEXEC; 0, or -1 with errno.
unsafe fn set_cloexec(fd: c_int, inheritable: bool) -> c_int {
    let flags = libc::fcntl(fd, libc::F_GETFD);
    if flags < 0 {
        return -1;
    }
    let new = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    if new == flags {
        return 0;
    }
    libc::fcntl(fd, libc::F_SETFD, new)
}

/// Records that the open flags made the descriptor non-inheritable by themselves (O_CLOEXEC
/// works on every Linux this runs on), as CPython's `atomic_flag_works` protocol expects.
unsafe fn note_atomic_flag(atomic_flag_works: *mut c_int) {
    if !atomic_flag_works.is_null() && *atomic_flag_works == -1 {
        *atomic_flag_works = 1;
    }
}

/// `int _Py_get_inheritable(int fd)`: 1, 0, or -1 with OSError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_get_inheritable(fd: c_int) -> c_int {
    let flags = libc::fcntl(fd, libc::F_GETFD);
    if flags < 0 {
        let _ = errno_error();
        return -1;
    }
    (flags & libc::FD_CLOEXEC == 0) as c_int
}

/// `int _Py_set_inheritable(int fd, int inheritable, int *atomic_flag_works)`: 0, or -1
/// with OSError.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_set_inheritable(fd: c_int, inheritable: c_int, atomic_flag_works: *mut c_int) -> c_int {
    note_atomic_flag(atomic_flag_works);
    if set_cloexec(fd, inheritable != 0) < 0 {
        let _ = errno_error();
        return -1;
    }
    0
}

/// `int _Py_set_inheritable_async_safe(int fd, int inheritable, int *atomic_flag_works)`:
/// as `_Py_set_inheritable` with errno only.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_set_inheritable_async_safe(fd: c_int, inheritable: c_int, atomic_flag_works: *mut c_int) -> c_int {
    note_atomic_flag(atomic_flag_works);
    set_cloexec(fd, inheritable != 0)
}

/// `FILE *_Py_fopen_obj(PyObject *path, const char *mode)`: `fopen` of a str or bytes path
/// (the "open" audit event, EINTR retried), non-inheritable; NULL with OSError naming the
/// path.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_fopen_obj(path: *mut PyObject, mode: *const c_char) -> *mut libc::FILE {
    if path.is_null() || mode.is_null() {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    let mut encoded: *mut PyObject = core::ptr::null_mut();
    if crate::codecs::fs_encoding::PyUnicode_FSConverter(path, &raw mut encoded as *mut c_void) == 0 {
        return core::ptr::null_mut();
    }
    let encoded = crate::object::ptr::PyRef::from_owned(encoded);
    let Some(encoded) = encoded else { return core::ptr::null_mut() };
    if crate::modules::sys_audit::should_audit() {
        // As CPython: ("open", path, mode, 0).
        let audited = (|| -> PyResult<()> {
            let mode_str = crate::objects::str::from_utf8(&CStr::from_ptr(mode).to_string_lossy())?;
            let zero = crate::objects::int::from_i64(0)?;
            let args = crate::objects::tuple::from_ptrs(&[path, mode_str.as_ptr(), zero.as_ptr()])?;
            crate::modules::sys_audit::audit_tuple(c"open", args.as_ptr())
        })();
        if audited.is_err() {
            return core::ptr::null_mut();
        }
    }
    // "e": the C library opens with O_CLOEXEC.
    let mut mode_e = CStr::from_ptr(mode).to_bytes().to_vec();
    mode_e.push(b'e');
    mode_e.push(0);
    let name = crate::objects::bytes::as_slice(encoded.as_ptr()).as_ptr() as *const c_char;
    let f = loop {
        let f = without_gil(|| libc::fopen(name, mode_e.as_ptr() as *const c_char));
        if !f.is_null() || errno() != libc::EINTR {
            break f;
        }
        if crate::runtime::signals::PyErr_CheckSignals() < 0 {
            return core::ptr::null_mut();
        }
    };
    if f.is_null() {
        crate::errors::setters::PyErr_SetFromErrnoWithFilenameObjects(exc::PyExc_OSError, path, core::ptr::null_mut());
        return core::ptr::null_mut();
    }
    f
}
