//! `-X importtime` (`PYTHONPROFILEIMPORTTIME`): each module imported through
//! `__import__`/the C API that is not yet in `sys.modules` prints one line to stderr,
//! `import time: SELF | CUMULATIVE | NAME`, microseconds, the name indented two spaces per
//! level of nesting, as CPython 3.11 prints them (a header line before the first).
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use core::cell::Cell;
use std::time::{Duration, Instant};

thread_local! {
    // Import nesting depth and the time the imports nested in the current one took (whose
    // sum is taken from the cumulative time to give the "self" column).
    static LEVEL: Cell<usize> = const { Cell::new(0) };
    static NESTED: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}
static HEADER_PRINTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the running interpreter was started with `-X importtime`.
unsafe fn enabled() -> bool {
    crate::runtime::interpreter::current().is_some_and(|i| i.config.import_time != 0)
}

/// Microseconds, rounded up (CPython's `_PyTime_ROUND_CEILING`).
fn micros(d: Duration) -> u128 {
    d.as_nanos().div_ceil(1000)
}

/// `load(name)` (the module's find-and-load), timed and reported when `-X importtime` is on.
pub(crate) unsafe fn timed(name: *mut PyObject, load: impl FnOnce() -> PyResult<PyRef>) -> PyResult<PyRef> {
    if !enabled() {
        return load();
    }
    use std::io::Write;
    if !HEADER_PRINTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        let _ = std::io::stderr().write_all(b"import time: self [us] | cumulative | imported package\n");
    }
    let outer_nested = NESTED.replace(Duration::ZERO);
    let level = LEVEL.get();
    LEVEL.set(level + 1);
    let started = Instant::now();
    let result = load();
    let cumulative = started.elapsed();
    LEVEL.set(level);
    let own = cumulative.saturating_sub(NESTED.get());
    let line = format!(
        "import time: {:>9} | {:>10} | {:indent$}{}\n",
        micros(own),
        micros(cumulative),
        "",
        crate::objects::str::to_string(name),
        indent = level * 2
    );
    let _ = std::io::stderr().write_all(line.as_bytes());
    NESTED.set(outer_nested + cumulative);
    result
}
