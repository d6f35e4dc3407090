//! The object core: the object header, type objects and their slots, attribute access,
//! descriptors, allocation and reference counting.
pub mod alloc;
mod rust_alloc;
pub mod buffer;
pub mod buffer_contig;
pub mod call_convention;
pub mod descr;
pub mod hash;
pub mod member;
pub mod methods;
pub(crate) mod method_table;
pub mod object;
pub mod object_class;
pub mod objimpl;
pub mod pymem;
pub mod tracemalloc;
pub mod is_freed;
pub mod get_method;
pub mod ptr;
pub mod refcount;
pub mod abi_functions;
pub mod slots;
pub mod typeobject;
pub mod typeslots;
pub mod baseobject;
pub mod builtin_types;
pub mod generic_alloc;
pub mod pending_error;
pub mod siphash;
pub mod static_type;
pub mod temp_alloc;
pub mod type_cache;
pub(crate) mod subclass_table;
pub mod type_call;
pub mod type_ready;
pub mod typetype;
pub mod descr_call;
pub mod descr_objects;
pub mod generic_getattr;
pub mod member_numbers;
pub mod object_attr;
pub mod slot_dunders;
pub mod slot_dunders_int;
pub mod slot_memo;
pub mod slot_wrappers;
pub mod tp_new_wrapper;
pub mod type_attr;
pub mod type_dict;
pub mod heap_type;
pub mod subtype;
pub mod type_layout;
pub mod type_new;
pub mod type_getsets;
pub mod object_methods;
pub mod type_methods;
pub mod type_abstract;
pub mod type_bases;

/// Rust tests share objects (interned strings, static types) whose reference counts are
/// guarded by the GIL in the real runtime; tests that touch them hold this lock instead.
#[cfg(test)]
pub(crate) fn test_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}
