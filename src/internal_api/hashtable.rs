//! `_Py_hashtable_t` (CPython's internal pycore_hashtable.h): a hash table of `void *` keys
//! and values with caller-given hash, compare and destroy functions, used by `_hashlib`
//! (its OpenSSL name cache) and the test modules. The struct and entry layouts are
//! CPython's, because the header's inline `_Py_hashtable_get_entry` calls
//! `ht->get_entry_func` itself; the table is ours: separate chaining in a power-of-two
//! bucket array that doubles past a load of 3/4.
use core::ffi::{c_int, c_void};

use crate::object::pymem::{PyMem_Free, PyMem_Malloc};
use crate::pyport::Py_uhash_t;

#[repr(C)]
pub struct _Py_slist_item_t {
    pub next: *mut _Py_slist_item_t,
}

#[repr(C)]
pub struct _Py_slist_t {
    pub head: *mut _Py_slist_item_t,
}

#[repr(C)]
pub struct _Py_hashtable_entry_t {
    /// Link to the next entry of the bucket (first field, so an entry is a list item).
    pub _Py_slist_item: _Py_slist_item_t,
    pub key_hash: Py_uhash_t,
    pub key: *mut c_void,
    pub value: *mut c_void,
}
assert_layout!(_Py_hashtable_entry_t, size = 32, key_hash @ 8, key @ 16, value @ 24);

pub type _Py_hashtable_hash_func = Option<unsafe extern "C" fn(key: *const c_void) -> Py_uhash_t>;
pub type _Py_hashtable_compare_func = Option<unsafe extern "C" fn(key1: *const c_void, key2: *const c_void) -> c_int>;
pub type _Py_hashtable_destroy_func = Option<unsafe extern "C" fn(key: *mut c_void)>;
pub type _Py_hashtable_get_entry_func = Option<unsafe extern "C" fn(ht: *mut _Py_hashtable_t, key: *const c_void) -> *mut _Py_hashtable_entry_t>;
pub type _Py_hashtable_foreach_func =
    Option<unsafe extern "C" fn(ht: *mut _Py_hashtable_t, key: *const c_void, value: *const c_void, user_data: *mut c_void) -> c_int>;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct _Py_hashtable_allocator_t {
    pub malloc: Option<unsafe extern "C" fn(size: usize) -> *mut c_void>,
    pub free: Option<unsafe extern "C" fn(ptr: *mut c_void)>,
}

#[repr(C)]
pub struct _Py_hashtable_t {
    pub nentries: usize,
    pub nbuckets: usize,
    pub buckets: *mut _Py_slist_t,
    pub get_entry_func: _Py_hashtable_get_entry_func,
    pub hash_func: _Py_hashtable_hash_func,
    pub compare_func: _Py_hashtable_compare_func,
    pub key_destroy_func: _Py_hashtable_destroy_func,
    pub value_destroy_func: _Py_hashtable_destroy_func,
    pub alloc: _Py_hashtable_allocator_t,
}
assert_layout!(_Py_hashtable_t, size = 80, nentries @ 0, nbuckets @ 8, buckets @ 16, get_entry_func @ 24,
    hash_func @ 32, compare_func @ 40, key_destroy_func @ 48, value_destroy_func @ 56, alloc @ 64);

const MIN_BUCKETS: usize = 16;

unsafe fn alloc_bytes(ht: *const _Py_hashtable_t, size: usize) -> *mut c_void {
    match (*ht).alloc.malloc {
        Some(m) => m(size),
        None => core::ptr::null_mut(),
    }
}

unsafe fn free_bytes(ht: *const _Py_hashtable_t, p: *mut c_void) {
    if let Some(f) = (*ht).alloc.free {
        f(p)
    }
}

/// A zeroed bucket array of `n` lists, or NULL.
unsafe fn new_buckets(ht: *const _Py_hashtable_t, n: usize) -> *mut _Py_slist_t {
    let bytes = n * core::mem::size_of::<_Py_slist_t>();
    let b = alloc_bytes(ht, bytes) as *mut _Py_slist_t;
    if !b.is_null() {
        core::ptr::write_bytes(b, 0, n);
    }
    b
}

#[inline]
unsafe fn bucket_of(ht: *const _Py_hashtable_t, hash: Py_uhash_t) -> *mut _Py_slist_t {
    (*ht).buckets.add(hash & ((*ht).nbuckets - 1))
}

/// `Py_uhash_t _Py_hashtable_hash_ptr(const void *key)`: the pointer rotated by 4 bits
/// (its low bits are alignment zeros).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_hashtable_hash_ptr(key: *const c_void) -> Py_uhash_t {
    (key as usize).rotate_right(4)
}

/// `int _Py_hashtable_compare_direct(const void *key1, const void *key2)`: the keys are the
/// same pointer.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_hashtable_compare_direct(key1: *const c_void, key2: *const c_void) -> c_int {
    (key1 == key2) as c_int
}

/// The entry of `key`, or NULL (the table's `get_entry_func`).
unsafe extern "C" fn find_entry(ht: *mut _Py_hashtable_t, key: *const c_void) -> *mut _Py_hashtable_entry_t {
    let Some(hash_func) = (*ht).hash_func else { return core::ptr::null_mut() };
    let hash = hash_func(key);
    let mut item = (*bucket_of(ht, hash)).head;
    while !item.is_null() {
        let entry = item as *mut _Py_hashtable_entry_t;
        if (*entry).key_hash == hash {
            let same = match (*ht).compare_func {
                Some(cmp) => cmp(key, (*entry).key) != 0,
                None => key == (*entry).key as *const c_void,
            };
            if same {
                return entry;
            }
        }
        item = (*item).next;
    }
    core::ptr::null_mut()
}

/// `_Py_hashtable_t *_Py_hashtable_new_full(hash, compare, key_destroy, value_destroy,
/// allocator)`: NULL when out of memory; a NULL allocator means PyMem_Malloc/PyMem_Free.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_new_full(
    hash_func: _Py_hashtable_hash_func,
    compare_func: _Py_hashtable_compare_func,
    key_destroy_func: _Py_hashtable_destroy_func,
    value_destroy_func: _Py_hashtable_destroy_func,
    allocator: *mut _Py_hashtable_allocator_t,
) -> *mut _Py_hashtable_t {
    let alloc = if allocator.is_null() {
        _Py_hashtable_allocator_t { malloc: Some(PyMem_Malloc), free: Some(PyMem_Free) }
    } else {
        *allocator
    };
    let Some(malloc) = alloc.malloc else { return core::ptr::null_mut() };
    let ht = malloc(core::mem::size_of::<_Py_hashtable_t>()) as *mut _Py_hashtable_t;
    if ht.is_null() {
        return ht;
    }
    ht.write(_Py_hashtable_t {
        nentries: 0,
        nbuckets: MIN_BUCKETS,
        buckets: core::ptr::null_mut(),
        get_entry_func: Some(find_entry),
        hash_func,
        compare_func,
        key_destroy_func,
        value_destroy_func,
        alloc,
    });
    (*ht).buckets = new_buckets(ht, MIN_BUCKETS);
    if (*ht).buckets.is_null() {
        free_bytes(ht, ht as *mut c_void);
        return core::ptr::null_mut();
    }
    ht
}

/// `_Py_hashtable_t *_Py_hashtable_new(hash_func, compare_func)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_new(hash_func: _Py_hashtable_hash_func, compare_func: _Py_hashtable_compare_func) -> *mut _Py_hashtable_t {
    _Py_hashtable_new_full(hash_func, compare_func, None, None, core::ptr::null_mut())
}

/// Moves every entry into a bucket array of `n` lists (kept as is when out of memory: the
/// table still works, only slower).
unsafe fn rehash(ht: *mut _Py_hashtable_t, n: usize) {
    let fresh = new_buckets(ht, n);
    if fresh.is_null() {
        return;
    }
    for i in 0..(*ht).nbuckets {
        let mut item = (*(*ht).buckets.add(i)).head;
        while !item.is_null() {
            let next = (*item).next;
            let entry = item as *mut _Py_hashtable_entry_t;
            let b = fresh.add((*entry).key_hash & (n - 1));
            (*item).next = (*b).head;
            (*b).head = item;
            item = next;
        }
    }
    free_bytes(ht, (*ht).buckets as *mut c_void);
    (*ht).buckets = fresh;
    (*ht).nbuckets = n;
}

/// `int _Py_hashtable_set(_Py_hashtable_t *ht, const void *key, void *value)`: adds an
/// entry (the key must not be there yet, as CPython requires); 0, or -1 when out of memory.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_set(ht: *mut _Py_hashtable_t, key: *const c_void, value: *mut c_void) -> c_int {
    let Some(hash_func) = (*ht).hash_func else { return -1 };
    let entry = alloc_bytes(ht, core::mem::size_of::<_Py_hashtable_entry_t>()) as *mut _Py_hashtable_entry_t;
    if entry.is_null() {
        return -1;
    }
    let hash = hash_func(key);
    let b = bucket_of(ht, hash);
    entry.write(_Py_hashtable_entry_t {
        _Py_slist_item: _Py_slist_item_t { next: (*b).head },
        key_hash: hash,
        key: key as *mut c_void,
        value,
    });
    (*b).head = entry as *mut _Py_slist_item_t;
    (*ht).nentries += 1;
    if (*ht).nentries * 4 > (*ht).nbuckets * 3 {
        rehash(ht, (*ht).nbuckets * 2);
    }
    0
}

/// `void *_Py_hashtable_get(_Py_hashtable_t *ht, const void *key)`: the value, or NULL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_get(ht: *mut _Py_hashtable_t, key: *const c_void) -> *mut c_void {
    let entry = find_entry(ht, key);
    if entry.is_null() {
        core::ptr::null_mut()
    } else {
        (*entry).value
    }
}

/// `void *_Py_hashtable_steal(_Py_hashtable_t *ht, const void *key)`: removes the entry
/// without destroying key or value; the value, or NULL when absent.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_steal(ht: *mut _Py_hashtable_t, key: *const c_void) -> *mut c_void {
    let entry = find_entry(ht, key);
    if entry.is_null() {
        return core::ptr::null_mut();
    }
    let b = bucket_of(ht, (*entry).key_hash);
    let mut link: *mut *mut _Py_slist_item_t = &raw mut (*b).head;
    while *link != entry as *mut _Py_slist_item_t {
        link = &raw mut (**link).next;
    }
    *link = (*entry)._Py_slist_item.next;
    let value = (*entry).value;
    free_bytes(ht, entry as *mut c_void);
    (*ht).nentries -= 1;
    if (*ht).nbuckets > MIN_BUCKETS && (*ht).nentries * 8 < (*ht).nbuckets {
        rehash(ht, (*ht).nbuckets / 2);
    }
    value
}

/// `int _Py_hashtable_foreach(ht, func, user_data)`: calls `func` on each entry; stops at
/// the first non-zero result and returns it, else 0.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_foreach(ht: *mut _Py_hashtable_t, func: _Py_hashtable_foreach_func, user_data: *mut c_void) -> c_int {
    let Some(func) = func else { return 0 };
    for i in 0..(*ht).nbuckets {
        let mut item = (*(*ht).buckets.add(i)).head;
        while !item.is_null() {
            let entry = item as *mut _Py_hashtable_entry_t;
            let r = func(ht, (*entry).key, (*entry).value, user_data);
            if r != 0 {
                return r;
            }
            item = (*item).next;
        }
    }
    0
}

/// `size_t _Py_hashtable_size(const _Py_hashtable_t *ht)`: the bytes the table uses.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_size(ht: *const _Py_hashtable_t) -> usize {
    core::mem::size_of::<_Py_hashtable_t>()
        + (*ht).nbuckets * core::mem::size_of::<_Py_slist_t>()
        + (*ht).nentries * core::mem::size_of::<_Py_hashtable_entry_t>()
}

/// Frees every entry, destroying keys and values with the table's functions.
unsafe fn free_entries(ht: *mut _Py_hashtable_t) {
    for i in 0..(*ht).nbuckets {
        let b = (*ht).buckets.add(i);
        let mut item = (*b).head;
        (*b).head = core::ptr::null_mut();
        while !item.is_null() {
            let next = (*item).next;
            let entry = item as *mut _Py_hashtable_entry_t;
            if let Some(d) = (*ht).key_destroy_func {
                d((*entry).key);
            }
            if let Some(d) = (*ht).value_destroy_func {
                d((*entry).value);
            }
            free_bytes(ht, entry as *mut c_void);
            item = next;
        }
    }
    (*ht).nentries = 0;
}

/// `void _Py_hashtable_clear(_Py_hashtable_t *ht)`: removes (and destroys) every entry.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_clear(ht: *mut _Py_hashtable_t) {
    free_entries(ht);
    if (*ht).nbuckets > MIN_BUCKETS {
        rehash(ht, MIN_BUCKETS);
    }
}

/// `void _Py_hashtable_destroy(_Py_hashtable_t *ht)`: destroys every entry and frees the
/// table.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_hashtable_destroy(ht: *mut _Py_hashtable_t) {
    if ht.is_null() {
        return;
    }
    free_entries(ht);
    free_bytes(ht, (*ht).buckets as *mut c_void);
    free_bytes(ht, ht as *mut c_void);
}
