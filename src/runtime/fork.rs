//! `PyOS_BeforeFork`, `PyOS_AfterFork_Parent`, `PyOS_AfterFork_Child`: what C code that
//! calls `fork()` while Python runs must do around it (with the GIL held). The child has
//! only the forking thread: the runtime's locks are made anew (another thread may have held
//! them at the fork), the calling thread becomes the main thread holding the GIL, and the
//! thread states of the threads that did not survive are deleted.
use std::cell::RefCell;
use std::sync::MutexGuard;

use crate::runtime::gil::RUNTIME_GIL;
use crate::runtime::interpreter::{self, Interpreter};
use crate::runtime::threadstate::PyThreadState;
use crate::runtime::{lifecycle, pending_calls, pystate, signals};

thread_local! {
    /// `HEAD_LOCK`, held from `PyOS_BeforeFork` to the matching after-fork call so that
    /// no thread is halfway through changing the thread-state lists at the fork.
    static HELD_HEAD_LOCK: RefCell<Option<MutexGuard<'static, ()>>> = const { RefCell::new(None) };
}

/// `void PyOS_BeforeFork(void)`.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub extern "C" fn PyOS_BeforeFork() {
    let guard = interpreter::head_lock();
    HELD_HEAD_LOCK.with(|slot| *slot.borrow_mut() = Some(guard));
}

/// `void PyOS_AfterFork_Parent(void)`.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub extern "C" fn PyOS_AfterFork_Parent() {
    HELD_HEAD_LOCK.with(|slot| slot.borrow_mut().take());
}

/// `void PyOS_AfterFork_Child(void)`.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub extern "C" fn PyOS_AfterFork_Child() {
    // The guard belongs to a mutex about to be replaced: forget it without unlocking.
    HELD_HEAD_LOCK.with(|slot| core::mem::forget(slot.borrow_mut().take()));
    let tstate = pystate::current();
    // SAFETY: the child is single-threaded until it starts threads of its own.
    unsafe {
        interpreter::reinit_head_lock_after_fork();
        RUNTIME_GIL.reinit_after_fork(tstate);
        pending_calls::reinit_after_fork();
        signals::clear_tripped();
        lifecycle::set_main_thread_to_caller();
        if !tstate.is_null() {
            (*tstate).thread_id = libc::pthread_self() as _;
            (*tstate).native_thread_id = libc::gettid() as _;
            delete_other_thread_states(tstate);
        }
    }
}

/// Clears and deletes every thread state of every interpreter but `keep`.
unsafe fn delete_other_thread_states(keep: *mut PyThreadState) {
    let mut interp = interpreter::PyInterpreterState_Head();
    while !interp.is_null() {
        let mut ts = Interpreter::from_c(interp).tstate_head;
        while !ts.is_null() {
            let next = (*ts).next;
            if ts != keep {
                pystate::PyThreadState_Clear(ts);
                pystate::delete_thread_state(ts);
            }
            ts = next;
        }
        interp = Interpreter::from_c(interp).next;
    }
}

/// `void PyOS_AfterFork(void)` (deprecated since 3.7): `PyOS_AfterFork_Child`.
#[no_mangle]
pub extern "C" fn PyOS_AfterFork() {
    PyOS_AfterFork_Child();
}

/// A lock (or any value) that a forked child may replace with a fresh one: another thread
/// of the parent may have held it at the fork and does not exist in the child to release
/// it. Everywhere else it is used through `Deref` as the value itself.
pub(crate) struct ForkReset<T>(core::cell::UnsafeCell<T>);

// SAFETY: shared access goes through `Deref` to a `T` that is Sync; `reset` is unsafe and
// only called when no other thread exists.
unsafe impl<T: Sync + Send> Sync for ForkReset<T> {}

impl<T> ForkReset<T> {
    pub(crate) const fn new(value: T) -> ForkReset<T> {
        ForkReset(core::cell::UnsafeCell::new(value))
    }

    /// Replaces the value without dropping the old one (a lock held by a thread that is
    /// gone must not be touched).
    ///
    /// # Safety
    /// Only in a freshly forked child, with no reference to the value alive.
    pub(crate) unsafe fn reset(&self, value: T) {
        core::ptr::write(self.0.get(), value);
    }
}

impl<T> core::ops::Deref for ForkReset<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: only `reset` writes, under its own contract.
        unsafe { &*self.0.get() }
    }
}
