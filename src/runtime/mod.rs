//! Lifecycle, runtime state, interpreters, threads, the GIL, signals, pending calls, atexit.
pub mod main;
pub mod version;
