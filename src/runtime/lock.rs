//! `PyThread_type_lock`: the plain lock of pythread.h (`_thread.LockType` is built on it).
//! Like CPython's it is a POSIX semaphore used as a binary lock, not a mutex: any thread may
//! release it, not only the one that acquired it, and releasing it twice lets two
//! acquisitions through (CPython does not check either).
use crate::runtime::thread::{PyLockStatus, PyThread_type_lock};
use core::ffi::{c_int, c_longlong};

#[allow(unused_doc_comments)] // cbindgen reads the line below; rustc does not use it
/// cbindgen:ignore
extern "C" {
    // glibc 2.30: sem_timedwait against CLOCK_MONOTONIC, immune to wall-clock changes. The
    // libc crate does not bind it.
    fn sem_clockwait(sem: *mut libc::sem_t, clock: libc::clockid_t, abstime: *const libc::timespec) -> c_int;
}

/// `PyThread_type_lock PyThread_allocate_lock(void)`: a new unlocked lock, NULL when out of
/// memory.
#[no_mangle]
pub extern "C" fn PyThread_allocate_lock() -> PyThread_type_lock {
    // SAFETY: a fresh allocation of the right size, initialized before use.
    unsafe {
        let sem = libc::malloc(core::mem::size_of::<libc::sem_t>()).cast::<libc::sem_t>();
        if sem.is_null() {
            return core::ptr::null_mut();
        }
        if libc::sem_init(sem, 0, 1) != 0 {
            libc::free(sem.cast());
            return core::ptr::null_mut();
        }
        sem.cast()
    }
}

/// `void PyThread_free_lock(PyThread_type_lock lock)`. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn PyThread_free_lock(lock: PyThread_type_lock) {
    if lock.is_null() {
        return;
    }
    libc::sem_destroy(lock.cast());
    libc::free(lock);
}

/// The absolute CLOCK_MONOTONIC time `microseconds` from now, clamped to what `timespec`
/// holds (CPython clamps instead of failing on huge timeouts).
fn deadline_after(microseconds: c_longlong) -> libc::timespec {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid clock and out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) };
    let secs = microseconds / 1_000_000;
    let nanos = now.tv_nsec + (microseconds % 1_000_000) * 1000;
    let (carry, nanos) = (nanos / 1_000_000_000, nanos % 1_000_000_000);
    match now.tv_sec.checked_add(secs).and_then(|s| s.checked_add(carry)) {
        Some(tv_sec) => libc::timespec { tv_sec, tv_nsec: nanos },
        None => libc::timespec { tv_sec: libc::time_t::MAX, tv_nsec: 999_999_999 },
    }
}

/// `PyLockStatus PyThread_acquire_lock_timed(lock, microseconds, intr_flag)`: waits at most
/// `microseconds` (0: do not wait; negative: forever). A signal handler interrupting the
/// wait makes it return `PY_LOCK_INTR` when `intr_flag` is set; otherwise the wait goes on
/// (until the same deadline).
#[no_mangle]
pub unsafe extern "C" fn PyThread_acquire_lock_timed(
    lock: PyThread_type_lock,
    microseconds: c_longlong,
    intr_flag: c_int,
) -> PyLockStatus {
    if lock.is_null() {
        return PyLockStatus::PY_LOCK_FAILURE;
    }
    let sem: *mut libc::sem_t = lock.cast();
    let deadline = (microseconds > 0).then(|| deadline_after(microseconds));
    loop {
        let status = if microseconds == 0 {
            libc::sem_trywait(sem)
        } else if let Some(deadline) = &deadline {
            sem_clockwait(sem, libc::CLOCK_MONOTONIC, deadline)
        } else {
            libc::sem_wait(sem)
        };
        if status == 0 {
            return PyLockStatus::PY_LOCK_ACQUIRED;
        }
        match *libc::__errno_location() {
            libc::EINTR if intr_flag != 0 => return PyLockStatus::PY_LOCK_INTR,
            libc::EINTR => continue,
            _ => return PyLockStatus::PY_LOCK_FAILURE,
        }
    }
}

/// `int PyThread_acquire_lock(lock, waitflag)`: 1 when acquired, 0 when not (`waitflag`
/// 0 does not wait; signals never interrupt it).
#[no_mangle]
pub unsafe extern "C" fn PyThread_acquire_lock(lock: PyThread_type_lock, waitflag: c_int) -> c_int {
    let timeout = if waitflag != 0 { -1 } else { 0 };
    (PyThread_acquire_lock_timed(lock, timeout, 0) == PyLockStatus::PY_LOCK_ACQUIRED) as c_int
}

/// `void PyThread_release_lock(PyThread_type_lock lock)`. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn PyThread_release_lock(lock: PyThread_type_lock) {
    if !lock.is_null() {
        libc::sem_post(lock.cast());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_lock_semantics() {
        unsafe {
            let lock = PyThread_allocate_lock();
            assert!(!lock.is_null());
            assert_eq!(PyThread_acquire_lock(lock, 1), 1);
            assert_eq!(PyThread_acquire_lock(lock, 0), 0);
            assert_eq!(PyThread_acquire_lock_timed(lock, 2000, 0), PyLockStatus::PY_LOCK_FAILURE);
            // Released from another thread: any thread may.
            let addr = lock as usize;
            std::thread::spawn(move || PyThread_release_lock(addr as PyThread_type_lock)).join().unwrap();
            assert_eq!(PyThread_acquire_lock_timed(lock, -1, 1), PyLockStatus::PY_LOCK_ACQUIRED);
            PyThread_release_lock(lock);
            PyThread_free_lock(lock);
            assert_eq!(PyThread_acquire_lock(core::ptr::null_mut(), 0), 0);
        }
    }

    #[test]
    fn huge_timeouts_are_clamped() {
        let far = deadline_after(c_longlong::MAX / 1000);
        assert!(far.tv_sec > 0 && far.tv_nsec < 1_000_000_000);
    }
}

/// `int _PyThread_at_fork_reinit(PyThread_type_lock *lock)`: in a child after `fork()`,
/// replaces `*lock` by a new unlocked lock; 0, or -1 without memory. The old lock is left
/// alone: a thread that no longer exists in the child may hold it.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyThread_at_fork_reinit(lock: *mut PyThread_type_lock) -> core::ffi::c_int {
    let new = PyThread_allocate_lock();
    if new.is_null() {
        return -1;
    }
    *lock = new;
    0
}
