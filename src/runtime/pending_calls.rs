//! Pending calls (`Py_AddPendingCall`): C functions that any thread — or a signal handler —
//! queues for the main thread to run at its next safe point. The queue is a ring of
//! CPython's size (32 slots, so at most 31 calls wait); adding trips the eval breaker's
//! `PENDING_CALLS` bit so the eval loop calls `Py_MakePendingCalls`.
use core::ffi::{c_int, c_void};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::runtime::eval_breaker::PENDING_CALLS;
use crate::runtime::fork::ForkReset;
use crate::runtime::gil::RUNTIME_GIL;

/// CPython's `NPENDINGCALLS`.
pub(crate) const NPENDINGCALLS: usize = 32;

type PendingFunc = unsafe extern "C" fn(*mut c_void) -> c_int;

#[derive(Clone, Copy)]
struct Call {
    func: PendingFunc,
    arg: *mut c_void,
}

struct Queue {
    calls: [Option<Call>; NPENDINGCALLS],
    first: usize,
    last: usize,
}

// SAFETY: the argument pointers are the caller's business; the queue only carries them.
unsafe impl Send for Queue {}

static QUEUE: ForkReset<Mutex<Queue>> = ForkReset::new(Mutex::new(Queue { calls: [None; NPENDINGCALLS], first: 0, last: 0 }));
/// Set while `Py_MakePendingCalls` runs: a pending call that calls it again returns at once.
static BUSY: AtomicBool = AtomicBool::new(false);

fn queue() -> std::sync::MutexGuard<'static, Queue> {
    QUEUE.lock().unwrap_or_else(|p| p.into_inner())
}

fn push(call: Call) -> bool {
    let mut q = queue();
    let next = (q.last + 1) % NPENDINGCALLS;
    if next == q.first {
        return false;
    }
    let last = q.last;
    q.calls[last] = Some(call);
    q.last = next;
    true
}

fn pop() -> Option<Call> {
    let mut q = queue();
    if q.first == q.last {
        return None;
    }
    let first = q.first;
    let call = q.calls[first].take();
    q.first = (first + 1) % NPENDINGCALLS;
    call
}

fn is_empty() -> bool {
    let q = queue();
    q.first == q.last
}

/// A new runtime starts with an empty queue.
pub(crate) fn reset() {
    let mut q = queue();
    *q = Queue { calls: [None; NPENDINGCALLS], first: 0, last: 0 };
    BUSY.store(false, Ordering::Relaxed);
    RUNTIME_GIL.eval_breaker.clear(PENDING_CALLS);
}

/// In a forked child: when a thread of the parent held the queue's lock at the fork, the
/// queue is made anew (empty: that thread was halfway through changing it); otherwise it
/// is kept.
///
/// # Safety
/// Only in a freshly forked child.
pub(crate) unsafe fn reinit_after_fork() {
    if matches!(QUEUE.try_lock(), Err(std::sync::TryLockError::WouldBlock)) {
        QUEUE.reset(Mutex::new(Queue { calls: [None; NPENDINGCALLS], first: 0, last: 0 }));
    }
    BUSY.store(false, Ordering::Relaxed);
}

/// `int Py_AddPendingCall(int (*func)(void *), void *arg)`: queues `func(arg)` for the main
/// thread; 0, or -1 when the queue is full. Any thread, GIL or not.
#[no_mangle]
pub extern "C" fn Py_AddPendingCall(func: Option<unsafe extern "C" fn(*mut c_void) -> c_int>, arg: *mut c_void) -> c_int {
    let Some(func) = func else { return -1 };
    if !push(Call { func, arg }) {
        return -1;
    }
    RUNTIME_GIL.eval_breaker.set(PENDING_CALLS);
    0
}

/// Runs queued calls in order, at most one queue's worth; Err at the first that fails
/// (returns non-zero), leaving the rest queued.
fn run_pending() -> Result<(), ()> {
    if BUSY.swap(true, Ordering::Acquire) {
        return Ok(());
    }
    RUNTIME_GIL.eval_breaker.clear(PENDING_CALLS);
    let mut result = Ok(());
    for _ in 0..NPENDINGCALLS {
        let Some(call) = pop() else { break };
        // SAFETY: the function and argument a C caller queued, called as documented.
        if unsafe { (call.func)(call.arg) } != 0 {
            result = Err(());
            break;
        }
    }
    if !is_empty() {
        RUNTIME_GIL.eval_breaker.set(PENDING_CALLS);
    }
    BUSY.store(false, Ordering::Release);
    result
}

/// `int Py_MakePendingCalls(void)`: in the main thread (with the GIL) handles arrived
/// signals, then runs the pending calls in order; -1 at the first failure (an exception
/// is set by the failing call or signal handler), else 0. Other threads get 0 and run
/// nothing.
#[no_mangle]
pub extern "C" fn Py_MakePendingCalls() -> c_int {
    if !crate::runtime::lifecycle::is_main_thread() {
        return 0;
    }
    if crate::runtime::signals::check_signals().is_err() {
        return -1;
    }
    match run_pending() {
        Ok(()) => 0,
        Err(()) => -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe extern "C" fn noop(_: *mut c_void) -> c_int {
        0
    }

    #[test]
    fn ring_holds_31_calls_and_trips_the_breaker() {
        reset();
        assert!(!RUNTIME_GIL.eval_breaker.is_set(PENDING_CALLS));
        let added = (0..40).take_while(|_| Py_AddPendingCall(Some(noop), core::ptr::null_mut()) == 0).count();
        assert_eq!(added, NPENDINGCALLS - 1);
        assert!(RUNTIME_GIL.eval_breaker.is_set(PENDING_CALLS));
        assert_eq!(Py_AddPendingCall(None, core::ptr::null_mut()), -1);
        assert!(run_pending().is_ok());
        assert!(is_empty() && !RUNTIME_GIL.eval_breaker.is_set(PENDING_CALLS));
    }
}
