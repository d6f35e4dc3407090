//! The object core: the object header, type objects and their slots, attribute access,
//! descriptors, allocation and reference counting.
pub mod alloc;
pub mod object;
