//! Lifecycle, runtime state, interpreters, threads, the GIL, signals, pending calls, atexit.
pub mod abi;
pub mod capsule;
pub mod ctype;
pub mod datetime;
pub mod gilstate;
pub mod hooks;
pub mod initconfig;
pub mod inittab;
pub mod main;
pub mod signals;
pub mod strtod;
pub mod thread;
pub mod threadstate;
pub mod time;
pub mod version;
