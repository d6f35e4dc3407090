//! The global interpreter lock: a mutex-protected flag with a condition variable, a switch
//! interval, and a forced hand-off so that a waiting thread is not starved.
//!
//! A thread that wants the GIL waits on `released` for at most the switch interval; when a
//! whole interval passes with no switch, it sets the GIL drop request bit of the eval
//! breaker. The holder sees it (the eval loop polls the breaker; C code releases the GIL
//! through `PyEval_SaveThread` anyway) and drops the GIL; a holder that drops it while a
//! request is pending then waits on `switched` until another thread has really taken it,
//! so it cannot grab it right back before the waiter wakes up.
//!
//! Everything lives in one `Gil` value that the runtime owns (`RUNTIME_GIL`), never in
//! scattered globals, so that it can later move into the interpreter (PEP 684).
use crate::runtime::eval_breaker::{EvalBreaker, GIL_DROP_REQUEST};
use crate::runtime::fork::ForkReset;
use crate::runtime::pystate::{self, fatal_error};
use crate::runtime::thread::exit_current_thread;
use crate::runtime::threadstate::PyThreadState;
use core::ffi::{c_int, c_ulong};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// CPython's default switch interval (`sys.getswitchinterval()` is 0.005).
pub(crate) const DEFAULT_SWITCH_INTERVAL_US: u64 = 5000;

/// The part of the GIL guarded by its mutex.
struct GilLock {
    locked: bool,
    /// The OS thread holding the GIL (0 when free): taking it twice would deadlock.
    holder_thread: libc::pthread_t,
    /// The thread state that last took the GIL: the forced hand-off waits for it to change.
    last_holder: *mut PyThreadState,
    /// Counts every take: waiters and the hand-off use it to see that a switch happened.
    switch_number: u64,
    /// Threads blocked in `take`.
    waiting: u32,
    /// Holders blocked in `drop` until another thread takes the GIL.
    handing_off: u32,
}

// SAFETY: `last_holder` is only compared, never dereferenced.
unsafe impl Send for GilLock {}

pub(crate) struct Gil {
    lock: ForkReset<Mutex<GilLock>>,
    /// Signalled when the GIL is dropped while threads wait for it.
    released: ForkReset<Condvar>,
    /// Signalled when a thread takes the GIL while a holder waits for the hand-off.
    switched: ForkReset<Condvar>,
    interval_us: AtomicU64,
    /// The finalizing OS thread (0: none), from the start of finalization to the next
    /// initialization: every other thread that tries to take the GIL exits instead
    /// (CPython's daemon-thread rule). Atomic so that `PyGILState_Ensure` checks it cheaply.
    finalizing_thread: AtomicU64,
    /// The word the eval loop polls; the GIL owns the drop-request bit.
    pub(crate) eval_breaker: EvalBreaker,
}

/// What `take` did.
#[derive(PartialEq, Eq, Debug)]
#[must_use]
pub(crate) enum Taken {
    Yes,
    /// The runtime is finalizing and the caller is not the finalizing thread: it must exit
    /// without touching Python state.
    MustExit,
}

/// The GIL of the (only, for now) interpreter.
pub(crate) static RUNTIME_GIL: Gil = Gil::new();

fn this_thread() -> libc::pthread_t {
    // SAFETY: pthread_self cannot fail.
    unsafe { libc::pthread_self() }
}

impl Gil {
    pub(crate) const fn new() -> Gil {
        Gil {
            lock: ForkReset::new(Mutex::new(GilLock {
                locked: false,
                holder_thread: 0,
                last_holder: core::ptr::null_mut(),
                switch_number: 0,
                waiting: 0,
                handing_off: 0,
            })),
            released: ForkReset::new(Condvar::new()),
            switched: ForkReset::new(Condvar::new()),
            interval_us: AtomicU64::new(DEFAULT_SWITCH_INTERVAL_US),
            finalizing_thread: AtomicU64::new(0),
            eval_breaker: EvalBreaker::new(),
        }
    }

    fn guard(&self) -> MutexGuard<'_, GilLock> {
        // Nothing panics while holding it, but a poisoned lock must not take C down.
        self.lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn interval(&self) -> Duration {
        // An interval of 0 would make waiters spin: wait at least a microsecond.
        Duration::from_micros(self.interval_us.load(Ordering::Relaxed).max(1))
    }

    pub(crate) fn switch_interval_us(&self) -> u64 {
        self.interval_us.load(Ordering::Relaxed)
    }

    pub(crate) fn set_switch_interval_us(&self, microseconds: u64) {
        self.interval_us.store(microseconds, Ordering::Relaxed);
    }

    /// Whether finalization has begun (and no new initialization since): `_Py_IsFinalizing`.
    pub(crate) fn is_finalizing(&self) -> bool {
        self.finalizing_thread.load(Ordering::Acquire) != 0
    }

    /// Whether the calling thread must exit rather than take the GIL (the runtime is
    /// finalizing, or finalized, in another thread).
    pub(crate) fn closed_to_caller(&self) -> bool {
        let finalizing = self.finalizing_thread.load(Ordering::Acquire);
        finalizing != 0 && finalizing != this_thread() as u64
    }

    /// Blocks until the calling thread holds the GIL on behalf of `tstate`. errno is kept,
    /// so that `Py_END_ALLOW_THREADS` does not clobber what a blocking call left in it.
    pub(crate) fn take(&self, tstate: *mut PyThreadState) -> Taken {
        // SAFETY: errno is the calling thread's own.
        let saved_errno = unsafe { *libc::__errno_location() };
        let result = self.take_keeping_errno(tstate);
        // SAFETY: as above.
        unsafe { *libc::__errno_location() = saved_errno };
        result
    }

    fn take_keeping_errno(&self, tstate: *mut PyThreadState) -> Taken {
        let me = this_thread();
        let mut lock = self.guard();
        if self.closed_to_caller() {
            return Taken::MustExit;
        }
        if lock.locked && lock.holder_thread == me {
            drop(lock);
            fatal_error("take_gil", "the calling thread already holds the GIL (it would deadlock)");
        }
        while lock.locked {
            let switch_seen = lock.switch_number;
            lock.waiting += 1;
            let (relocked, wait) = self
                .released
                .wait_timeout(lock, self.interval())
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            lock = relocked;
            lock.waiting -= 1;
            if self.closed_to_caller() {
                return Taken::MustExit;
            }
            if wait.timed_out() && lock.locked && lock.switch_number == switch_seen {
                // A whole interval without a switch: ask the holder to hand over.
                self.eval_breaker.set(GIL_DROP_REQUEST);
            }
        }
        lock.locked = true;
        lock.holder_thread = me;
        lock.last_holder = tstate;
        lock.switch_number = lock.switch_number.wrapping_add(1);
        if lock.handing_off > 0 {
            self.switched.notify_all();
        }
        // Whoever asked has been served; a thread still waiting asks again after its interval.
        self.eval_breaker.clear(GIL_DROP_REQUEST);
        Taken::Yes
    }

    /// Releases the GIL held by the calling thread for `tstate` (NULL: no thread state,
    /// as `PyEval_ReleaseLock` may do). When a waiter has asked for it, waits until some
    /// other thread has taken it.
    pub(crate) fn drop_gil(&self, tstate: *mut PyThreadState) {
        let mut lock = self.guard();
        if !lock.locked {
            drop(lock);
            fatal_error("drop_gil", "GIL is not locked");
        }
        lock.locked = false;
        lock.holder_thread = 0;
        if !tstate.is_null() {
            // PyThreadState_Swap may have changed the thread state under the holder.
            lock.last_holder = tstate;
        }
        if lock.waiting > 0 {
            self.released.notify_one();
        }
        if !tstate.is_null() && self.eval_breaker.is_set(GIL_DROP_REQUEST) && lock.last_holder == tstate {
            // Forced hand-off: do not come back for the GIL before a waiter has had it. A
            // waiter that gives up (finalization) leaves `waiting` at 0, which ends the wait.
            self.eval_breaker.clear(GIL_DROP_REQUEST);
            let switch_seen = lock.switch_number;
            lock.handing_off += 1;
            while lock.switch_number == switch_seen && lock.waiting > 0 && !lock.locked {
                lock = self
                    .switched
                    .wait_timeout(lock, self.interval())
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .0;
            }
            lock.handing_off -= 1;
        }
    }

    /// Whether the calling OS thread holds the GIL.
    #[allow(dead_code)] // for debugging checks of the object core
    pub(crate) fn is_held_by_caller(&self) -> bool {
        let lock = self.guard();
        lock.locked && lock.holder_thread == this_thread()
    }

    /// Where the eval loop goes when it finds the drop-request bit set: hand the GIL over
    /// and take it back.
    #[allow(dead_code)] // the eval loop's slow path
    pub(crate) fn yield_to_waiter(&self, tstate: *mut PyThreadState) -> Taken {
        if !self.eval_breaker.is_set(GIL_DROP_REQUEST) {
            return Taken::Yes;
        }
        self.drop_gil(tstate);
        self.take(tstate)
    }

    /// Finalization starts: from now on, threads other than the caller exit when they
    /// try to take the GIL; those already waiting are woken to do so.
    pub(crate) fn begin_finalizing(&self) {
        // Under the mutex, so that no waiter misses the wake-up below.
        let _lock = self.guard();
        self.finalizing_thread.store(this_thread() as u64, Ordering::Release);
        self.released.notify_all();
        self.switched.notify_all();
    }

    /// The end of finalization: the GIL is free, and stays closed to every thread but
    /// the finalizing one until the next initialization (late threads exit, their thread
    /// states are gone).
    pub(crate) fn release_after_finalize(&self) {
        let mut lock = self.guard();
        lock.locked = false;
        lock.holder_thread = 0;
        lock.last_holder = core::ptr::null_mut();
        self.eval_breaker.clear(GIL_DROP_REQUEST);
        self.released.notify_all();
    }

    /// In the child of a fork: the calling thread is the only one left and holds the GIL
    /// for `tstate`. The mutex and condition variables are made anew, since another
    /// thread of the parent may have been inside them at the moment of the fork.
    ///
    /// # Safety
    /// Only in a freshly forked child (single-threaded), by the thread that forked.
    pub(crate) unsafe fn reinit_after_fork(&self, tstate: *mut PyThreadState) {
        self.lock.reset(
            Mutex::new(GilLock {
                locked: true,
                holder_thread: this_thread(),
                last_holder: tstate,
                switch_number: 0,
                waiting: 0,
                handing_off: 0,
            }),
        );
        self.released.reset(Condvar::new());
        self.switched.reset(Condvar::new());
        self.eval_breaker.clear(GIL_DROP_REQUEST);
    }

    /// Initialization: a fresh GIL, as a fresh runtime has it (default switch interval).
    pub(crate) fn reset_for_initialize(&self) {
        let _lock = self.guard();
        self.finalizing_thread.store(0, Ordering::Release);
        self.interval_us.store(DEFAULT_SWITCH_INTERVAL_US, Ordering::Relaxed);
    }
}

/// Takes the runtime GIL for `tstate`, or ends the calling thread when the runtime is
/// finalizing (CPython does the same to daemon threads).
pub(crate) fn take_or_exit(tstate: *mut PyThreadState) {
    if RUNTIME_GIL.take(tstate) == Taken::MustExit {
        exit_current_thread();
    }
}

const NULL_TSTATE_MESSAGE: &str = "the function must be called with the GIL held, after Python initialization and before Python finalization, but the GIL is released (the current Python thread state is NULL)";

/// `PyThreadState *PyEval_SaveThread(void)`: releases the GIL and clears the current
/// thread state, which it returns for `PyEval_RestoreThread` (`Py_BEGIN_ALLOW_THREADS`).
#[no_mangle]
pub extern "C" fn PyEval_SaveThread() -> *mut PyThreadState {
    let tstate = pystate::swap(core::ptr::null_mut());
    if tstate.is_null() {
        fatal_error("PyEval_SaveThread", NULL_TSTATE_MESSAGE);
    }
    RUNTIME_GIL.drop_gil(tstate);
    tstate
}

/// `void PyEval_RestoreThread(PyThreadState *tstate)`: takes the GIL and makes `tstate`
/// current (`Py_END_ALLOW_THREADS`).
#[no_mangle]
pub unsafe extern "C" fn PyEval_RestoreThread(tstate: *mut PyThreadState) {
    if tstate.is_null() {
        fatal_error("PyEval_RestoreThread", NULL_TSTATE_MESSAGE);
    }
    take_or_exit(tstate);
    pystate::swap(tstate);
}

/// `void PyEval_AcquireThread(PyThreadState *tstate)`: takes the GIL for `tstate`, which
/// becomes current; no thread state may be current before.
#[no_mangle]
pub unsafe extern "C" fn PyEval_AcquireThread(tstate: *mut PyThreadState) {
    if tstate.is_null() {
        fatal_error("PyEval_AcquireThread", NULL_TSTATE_MESSAGE);
    }
    take_or_exit(tstate);
    if !pystate::swap(tstate).is_null() {
        fatal_error("PyEval_AcquireThread", "non-NULL old thread state");
    }
}

/// `void PyEval_ReleaseThread(PyThreadState *tstate)`: `tstate` must be current; it stops
/// being current and the GIL is released.
#[no_mangle]
pub unsafe extern "C" fn PyEval_ReleaseThread(tstate: *mut PyThreadState) {
    if tstate.is_null() {
        fatal_error("PyEval_ReleaseThread", NULL_TSTATE_MESSAGE);
    }
    let previous = pystate::swap(core::ptr::null_mut());
    if previous != tstate {
        pystate::swap(previous);
        fatal_error("PyEval_ReleaseThread", "wrong thread state");
    }
    RUNTIME_GIL.drop_gil(tstate);
}

/// `int PyEval_ThreadsInitialized(void)`: 1; since 3.7 the GIL always exists (deprecated).
#[no_mangle]
pub extern "C" fn PyEval_ThreadsInitialized() -> c_int {
    1
}

/// `void PyEval_InitThreads(void)`: nothing to do since 3.9, `Py_Initialize` creates the
/// GIL (deprecated).
#[no_mangle]
pub extern "C" fn PyEval_InitThreads() {}

/// `void PyEval_AcquireLock(void)` (deprecated): takes the GIL for the current thread
/// state, which must exist (it stays current while the GIL is released by
/// `PyEval_ReleaseLock`).
#[no_mangle]
pub extern "C" fn PyEval_AcquireLock() {
    let tstate = pystate::current();
    if tstate.is_null() {
        fatal_error("PyEval_AcquireLock", NULL_TSTATE_MESSAGE);
    }
    take_or_exit(tstate);
}

/// `void PyEval_ReleaseLock(void)` (deprecated): releases the GIL and leaves the current
/// thread state as it is.
#[no_mangle]
pub extern "C" fn PyEval_ReleaseLock() {
    RUNTIME_GIL.drop_gil(pystate::current());
}

/// `void _PyEval_SetSwitchInterval(unsigned long microseconds)` (`sys.setswitchinterval`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyEval_SetSwitchInterval(microseconds: c_ulong) {
    RUNTIME_GIL.set_switch_interval_us(microseconds as u64);
}

/// `unsigned long _PyEval_GetSwitchInterval(void)`, in microseconds.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyEval_GetSwitchInterval() -> c_ulong {
    RUNTIME_GIL.switch_interval_us() as c_ulong
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicUsize};
    use std::sync::Arc;

    fn fake_tstate(n: usize) -> *mut PyThreadState {
        // Only compared, never dereferenced.
        n as *mut PyThreadState
    }

    #[test]
    fn take_and_drop_exclude_each_other() {
        let gil = Arc::new(Gil::new());
        let inside = Arc::new(AtomicBool::new(false));
        let entries = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (1..=4)
            .map(|n| {
                let (gil, inside, entries) = (gil.clone(), inside.clone(), entries.clone());
                std::thread::spawn(move || {
                    for _ in 0..200 {
                        assert_eq!(gil.take(fake_tstate(n)), Taken::Yes);
                        assert!(!inside.swap(true, Ordering::SeqCst), "two holders");
                        assert!(gil.is_held_by_caller());
                        entries.fetch_add(1, Ordering::SeqCst);
                        inside.store(false, Ordering::SeqCst);
                        gil.drop_gil(fake_tstate(n));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(entries.load(Ordering::SeqCst), 800);
        assert!(!gil.is_held_by_caller());
    }

    #[test]
    fn a_waiter_asks_and_the_holder_hands_over() {
        let gil = Arc::new(Gil::new());
        gil.set_switch_interval_us(1000);
        assert_eq!(gil.take(fake_tstate(1)), Taken::Yes);
        let got_it = Arc::new(AtomicBool::new(false));
        let waiter = {
            let (gil, got_it) = (gil.clone(), got_it.clone());
            std::thread::spawn(move || {
                assert_eq!(gil.take(fake_tstate(2)), Taken::Yes);
                got_it.store(true, Ordering::SeqCst);
                gil.drop_gil(fake_tstate(2));
            })
        };
        // The holder keeps offering the GIL the way the eval loop will: it yields only
        // when asked, and the forced hand-off guarantees the waiter gets it.
        let mut yields = 0;
        while !got_it.load(Ordering::SeqCst) {
            if gil.eval_breaker.is_set(GIL_DROP_REQUEST) {
                yields += 1;
                assert_eq!(gil.yield_to_waiter(fake_tstate(1)), Taken::Yes);
            }
            std::thread::yield_now();
        }
        assert!(yields >= 1);
        gil.drop_gil(fake_tstate(1));
        waiter.join().unwrap();
    }

    #[test]
    fn finalizing_sends_other_threads_away() {
        let gil = Arc::new(Gil::new());
        assert_eq!(gil.take(fake_tstate(1)), Taken::Yes);
        let waiter = {
            let gil = gil.clone();
            std::thread::spawn(move || gil.take(fake_tstate(2)))
        };
        while gil.guard().waiting == 0 {
            std::thread::yield_now();
        }
        gil.begin_finalizing();
        assert_eq!(waiter.join().unwrap(), Taken::MustExit);
        gil.release_after_finalize();
        gil.reset_for_initialize();
        assert_eq!(gil.take(fake_tstate(3)), Taken::Yes);
        gil.drop_gil(fake_tstate(3));
    }
}
