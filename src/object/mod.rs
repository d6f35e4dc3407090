//! The object core: the object header, type objects and their slots, attribute access,
//! descriptors, allocation and reference counting.
pub mod alloc;
pub mod buffer;
pub mod descr;
pub mod hash;
pub mod member;
pub mod methods;
pub mod object;
pub mod objimpl;
pub mod pymem;
pub mod ptr;
pub mod refcount;
pub mod slots;
pub mod typeobject;
pub mod typeslots;
