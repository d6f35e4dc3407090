//! The portable thread layer of pythread.h: starting, ending and naming OS threads, the
//! stack size of new threads, and the types of locks and TSS keys (their functions are in
//! lock.rs and tss.rs).
use crate::runtime::interpreter::Interpreter;
use crate::runtime::pystate::{self, fatal_error};
use core::ffi::{c_int, c_longlong, c_ulong, c_void};

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

/// `PYTHREAD_INVALID_THREAD_ID`.
const INVALID_THREAD_ID: c_ulong = c_ulong::MAX;

/// The smallest stack `PyThread_set_stacksize` accepts (CPython's `THREAD_STACK_MIN`, 32 KiB;
/// larger than glibc's `PTHREAD_STACK_MIN`).
const THREAD_STACK_MIN: usize = 0x8000;

#[allow(unused_doc_comments)] // cbindgen reads the line below; rustc does not use it
/// cbindgen:ignore
unsafe extern "C" {
    // src/c/thread.c: the start routine of new threads (safe to name: pthread_create
    // calls it with the ThreadStart it was given), and pthread_exit.
    safe fn ferropy_c_thread_main(start: *mut c_void) -> *mut c_void;
    fn ferropy_c_exit_thread() -> !;
}

/// What `ferropy_c_thread_main` reads (and frees) in the new thread.
#[repr(C)]
struct ThreadStart {
    func: unsafe extern "C" fn(*mut c_void),
    arg: *mut c_void,
}

/// Ends the calling OS thread (`pthread_exit`, from C: see src/c/thread.c).
pub(crate) fn exit_current_thread() -> ! {
    // SAFETY: ends the thread; callers hold no Rust lock or value needing a destructor.
    unsafe { ferropy_c_exit_thread() }
}

/// `void PyThread_init_thread(void)`: POSIX threads need no set-up, so there is nothing
/// to do beyond being callable any number of times.
#[no_mangle]
pub extern "C" fn PyThread_init_thread() {}

/// `unsigned long PyThread_get_thread_ident(void)`: the `pthread_t` of the calling thread.
#[no_mangle]
pub extern "C" fn PyThread_get_thread_ident() -> c_ulong {
    // SAFETY: pthread_self cannot fail.
    unsafe { libc::pthread_self() as c_ulong }
}

/// `unsigned long PyThread_get_thread_native_id(void)`: the kernel's thread id.
#[no_mangle]
pub extern "C" fn PyThread_get_thread_native_id() -> c_ulong {
    // SAFETY: gettid cannot fail.
    unsafe { libc::gettid() as c_ulong }
}

/// The stack size for new threads set in the current interpreter (0: the system's
/// default), or the default when no thread state is current.
fn current_stacksize() -> usize {
    let tstate = pystate::current();
    if tstate.is_null() {
        return 0;
    }
    // SAFETY: a current thread state and its interpreter are live.
    unsafe { Interpreter::from_c((*tstate).interp).thread_stacksize }
}

/// `unsigned long PyThread_start_new_thread(void (*func)(void *), void *arg)`: runs
/// `func(arg)` in a new detached thread; its ident, or `PYTHREAD_INVALID_THREAD_ID`.
#[no_mangle]
pub unsafe extern "C" fn PyThread_start_new_thread(
    func: Option<unsafe extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
) -> c_ulong {
    let Some(func) = func else { return INVALID_THREAD_ID };
    let start = libc::malloc(core::mem::size_of::<ThreadStart>()).cast::<ThreadStart>();
    if start.is_null() {
        return INVALID_THREAD_ID;
    }
    start.write(ThreadStart { func, arg });
    let mut attrs: libc::pthread_attr_t = core::mem::zeroed();
    if libc::pthread_attr_init(&mut attrs) != 0 {
        libc::free(start.cast());
        return INVALID_THREAD_ID;
    }
    let stacksize = current_stacksize();
    if stacksize != 0 && libc::pthread_attr_setstacksize(&mut attrs, stacksize) != 0 {
        libc::pthread_attr_destroy(&mut attrs);
        libc::free(start.cast());
        return INVALID_THREAD_ID;
    }
    let mut thread: libc::pthread_t = 0;
    let status = libc::pthread_create(&mut thread, &attrs, ferropy_c_thread_main, start.cast());
    libc::pthread_attr_destroy(&mut attrs);
    if status != 0 {
        libc::free(start.cast());
        return INVALID_THREAD_ID;
    }
    libc::pthread_detach(thread);
    thread as c_ulong
}

/// `size_t PyThread_get_stacksize(void)`: the current interpreter's stack size for new
/// threads (0: the system's default).
#[no_mangle]
pub extern "C" fn PyThread_get_stacksize() -> usize {
    let tstate = pystate::current();
    if tstate.is_null() {
        fatal_error("PyThread_get_stacksize", "no current thread state (the GIL is released)");
    }
    current_stacksize()
}

/// `int PyThread_set_stacksize(size_t size)`: 0 resets to the default; otherwise sizes of
/// at least 32 KiB that pthreads accepts are kept (0), others refused (-1).
#[no_mangle]
pub extern "C" fn PyThread_set_stacksize(size: usize) -> c_int {
    let tstate = pystate::current();
    if tstate.is_null() {
        fatal_error("PyThread_set_stacksize", "no current thread state (the GIL is released)");
    }
    // SAFETY: a current thread state and its interpreter are live.
    let interp = unsafe { Interpreter::from_c((*tstate).interp) };
    if size == 0 {
        interp.thread_stacksize = 0;
        return 0;
    }
    if size < THREAD_STACK_MIN.max(libc::PTHREAD_STACK_MIN) {
        return -1;
    }
    // SAFETY: a local attribute object, initialized and destroyed here.
    let accepted = unsafe {
        let mut attrs: libc::pthread_attr_t = core::mem::zeroed();
        if libc::pthread_attr_init(&mut attrs) != 0 {
            return -1;
        }
        let status = libc::pthread_attr_setstacksize(&mut attrs, size);
        libc::pthread_attr_destroy(&mut attrs);
        status == 0
    };
    if !accepted {
        return -1;
    }
    interp.thread_stacksize = size;
    0
}
