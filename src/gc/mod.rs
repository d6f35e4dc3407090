//! The cycle garbage collector: the GC header before GC objects and the generation lists
//! (head.rs), the marking of unreachable objects (collect.rs), what happens to them
//! (garbage.rs: weak references, finalizers, `tp_clear`), the collection driver with its
//! thresholds, statistics and callbacks (collector.rs), and the trashcan that bounds the C
//! stack of deallocation chains (trashcan.rs).
pub mod collect;
pub mod collector;
pub mod garbage;
pub mod head;
pub mod trashcan;
