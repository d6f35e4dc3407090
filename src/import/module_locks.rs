//! Per-module import locks (CPython's `_ModuleLock`/`_ModuleLockManager`): the thread that
//! imports a module holds its lock until the module has run, so another thread importing
//! the same name waits instead of seeing a half-initialized module (and
//! `import_ensure_initialized`: a module in `sys.modules` whose `__spec__._initializing`
//! is true is waited for). The same thread takes its own lock again (circular imports),
//! and a wait that would close a cycle between threads is skipped: the partially
//! initialized module is accepted, as CPython does after its `_DeadlockError`. Waiting
//! releases the GIL.
use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard};

struct Lock {
    owner: u64,
    depth: usize,
}

#[derive(Default)]
struct Table {
    /// Held locks by module name.
    held: HashMap<String, Lock>,
    /// Which lock each waiting thread waits for (deadlock detection).
    waiting: HashMap<u64, String>,
}

static TABLE: Mutex<Option<Table>> = Mutex::new(None);
static RELEASED: Condvar = Condvar::new();

fn table() -> MutexGuard<'static, Option<Table>> {
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

fn thread_ident() -> u64 {
    crate::runtime::thread::PyThread_get_thread_ident() as u64
}

/// Whether `me` waiting for `name` would wait for itself through the owners' waits.
fn would_deadlock(t: &Table, me: u64, name: &str) -> bool {
    let mut current = name.to_string();
    for _ in 0..=t.waiting.len() {
        let Some(lock) = t.held.get(&current) else { return false };
        if lock.owner == me {
            return true;
        }
        match t.waiting.get(&lock.owner) {
            Some(next) => current = next.clone(),
            None => return false,
        }
    }
    false
}

/// A held module lock, released when dropped (None: nothing was taken).
pub(crate) struct Held(Option<String>);

impl Drop for Held {
    fn drop(&mut self) {
        let Some(name) = self.0.take() else { return };
        let mut guard = table();
        if let Some(t) = guard.as_mut() {
            if let Some(lock) = t.held.get_mut(&name) {
                lock.depth -= 1;
                if lock.depth == 0 {
                    t.held.remove(&name);
                    RELEASED.notify_all();
                }
            }
        }
    }
}

/// Takes the lock of module `name` (waiting, without the GIL, while another thread holds
/// it); a wait that would deadlock takes nothing.
///
/// # Safety
/// The GIL is held by the calling thread.
pub(crate) unsafe fn acquire(name: &str) -> Held {
    let me = thread_ident();
    loop {
        let mut guard = table();
        let t = guard.get_or_insert_with(Table::default);
        match t.held.get(name).map(|l| l.owner) {
            None => {
                t.held.insert(name.to_string(), Lock { owner: me, depth: 1 });
                return Held(Some(name.to_string()));
            }
            Some(owner) if owner == me => {
                if let Some(lock) = t.held.get_mut(name) {
                    lock.depth += 1;
                }
                return Held(Some(name.to_string()));
            }
            Some(_) if would_deadlock(t, me, name) => return Held(None),
            Some(_) => {
                t.waiting.insert(me, name.to_string());
                drop(guard);
                // The owner may need the GIL to finish its import.
                let saved = crate::runtime::gil::PyEval_SaveThread();
                let mut guard = table();
                while guard.as_ref().is_some_and(|t| t.held.get(name).is_some_and(|l| l.owner != me)) {
                    guard = RELEASED.wait(guard).unwrap_or_else(|e| e.into_inner());
                }
                if let Some(t) = guard.as_mut() {
                    t.waiting.remove(&me);
                }
                drop(guard);
                crate::runtime::gil::PyEval_RestoreThread(saved);
                // Another thread may have taken it while this one waited for the GIL.
            }
        }
    }
}

/// Waits until no other thread imports `name` (`_lock_unlock_module`).
///
/// # Safety
/// The GIL is held by the calling thread.
pub(crate) unsafe fn wait_for(name: &str) {
    drop(acquire(name));
}
