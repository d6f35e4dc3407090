//! The eval breaker: one atomic word that the eval loop polls (at every backward jump and
//! every so many instructions) to learn, with a single relaxed load, that something wants
//! its attention: another thread asks for the GIL, pending calls, signals, an asynchronous
//! exception. Each reason is one bit; the loop takes its slow path only when the word is
//! non-zero. Setters are other threads, so every access is atomic.
use std::sync::atomic::{AtomicU32, Ordering};

/// A thread waiting for the GIL asks the holder to hand it over.
pub(crate) const GIL_DROP_REQUEST: u32 = 1 << 0;
/// `Py_AddPendingCall` queued a call for the main thread (pending-calls layer).
#[allow(dead_code)] // set by the pending-calls layer when it lands
pub(crate) const PENDING_CALLS: u32 = 1 << 1;
/// A signal arrived; its Python handler runs in the main thread (signals layer).
#[allow(dead_code)] // set by the signals layer when it lands
pub(crate) const SIGNALS_PENDING: u32 = 1 << 2;
/// `PyThreadState_SetAsyncExc` targeted a thread (thread-state layer).
#[allow(dead_code)] // set by PyThreadState_SetAsyncExc when it lands
pub(crate) const ASYNC_EXC: u32 = 1 << 3;

pub(crate) struct EvalBreaker(AtomicU32);

impl EvalBreaker {
    pub(crate) const fn new() -> EvalBreaker {
        EvalBreaker(AtomicU32::new(0))
    }

    /// What the eval loop checks: any reason at all to leave the fast path.
    #[inline]
    #[allow(dead_code)] // the eval loop's poll
    pub(crate) fn is_tripped(&self) -> bool {
        self.0.load(Ordering::Relaxed) != 0
    }

    #[inline]
    pub(crate) fn is_set(&self, reason: u32) -> bool {
        self.0.load(Ordering::Relaxed) & reason != 0
    }

    #[inline]
    pub(crate) fn set(&self, reason: u32) {
        self.0.fetch_or(reason, Ordering::Relaxed);
    }

    #[inline]
    pub(crate) fn clear(&self, reason: u32) {
        // A plain load first: clearing an unset bit (the common case) writes nothing.
        if self.is_set(reason) {
            self.0.fetch_and(!reason, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_independent_bits() {
        let breaker = EvalBreaker::new();
        assert!(!breaker.is_tripped());
        breaker.set(GIL_DROP_REQUEST);
        breaker.set(SIGNALS_PENDING);
        assert!(breaker.is_tripped());
        assert!(breaker.is_set(GIL_DROP_REQUEST) && breaker.is_set(SIGNALS_PENDING));
        assert!(!breaker.is_set(PENDING_CALLS) && !breaker.is_set(ASYNC_EXC));
        breaker.clear(GIL_DROP_REQUEST);
        assert!(!breaker.is_set(GIL_DROP_REQUEST) && breaker.is_tripped());
        breaker.clear(SIGNALS_PENDING);
        assert!(!breaker.is_tripped());
    }
}
