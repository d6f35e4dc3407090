//! The portable thread layer of pythread.h: lock handles, lock results, and the TSS key
//! struct (`Py_tss_t`, PEP 539) that C code may allocate statically.
use core::ffi::{c_int, c_longlong, c_void};

/// `PyThread_type_lock`: an opaque lock handle.
pub type PyThread_type_lock = *mut c_void;

/// The result of `PyThread_acquire_lock_timed`.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PyLockStatus {
    PY_LOCK_FAILURE = 0,
    PY_LOCK_ACQUIRED = 1,
    PY_LOCK_INTR = 2,
}
assert_layout!(PyLockStatus, size = 4);

/// `waitflag` of `PyThread_acquire_lock`.
pub const WAIT_LOCK: c_int = 1;
pub const NOWAIT_LOCK: c_int = 0;

/// The largest timeout in microseconds (`PY_TIMEOUT_T` is `long long`): with POSIX
/// threads it is converted to nanoseconds, hence `LLONG_MAX / 1000`.
pub const PY_TIMEOUT_MAX: c_longlong = 9_223_372_036_854_775;
static_assertions::const_assert_eq!(PY_TIMEOUT_MAX, c_longlong::MAX / 1000);

// `PYTHREAD_INVALID_THREAD_ID` (what `PyThread_get_thread_ident` never returns) is
// `((unsigned long)-1)`, hand-written in include/cpython/pythread.h: cbindgen would print
// an out-of-range `long` literal.

/// `struct _Py_tss_t` (`Py_tss_t`): a thread-specific storage key. Public (non-limited) so
/// that it can be allocated statically with `Py_tss_NEEDS_INIT`; the key is a
/// `pthread_key_t` (`unsigned int` on Linux).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _Py_tss_t {
    pub _is_initialized: c_int,
    pub _key: libc::pthread_key_t,
}
pub type Py_tss_t = _Py_tss_t;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(Py_tss_t, size = 8, _is_initialized @ 0, _key @ 4);
