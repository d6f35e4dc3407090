//! The cycle garbage collector. For now: the GC header that precedes GC objects and the
//! per-generation lists of tracked objects (head.rs); the collector itself builds on them.
pub mod head;
