//! The item vector of a list (`ob_item`): a PyMem block while small, its own memory mapping
//! once it reaches `MAP_THRESHOLD_SLOTS` slots (128 KiB).
//!
//! Why: growing a big list moves its vector on every step with mimalloc (no in-place growth
//! for huge blocks), touching fresh pages each time; CPython on glibc grows such blocks with
//! `mremap`, which moves page-table entries instead of bytes. Mapping big vectors ourselves
//! gives the same behaviour whatever the allocator: appending 1e6 items faults in each page
//! once. Which kind a vector is follows from its capacity alone (`allocated`), so nothing
//! else needs recording: every owner of `ob_item` allocates, resizes and frees it here.
use core::ffi::c_void;
use core::ptr;

use crate::object::object::PyObject;
use crate::object::pymem::{PyMem_Calloc, PyMem_Free, PyMem_Realloc};

/// Capacity (in slots) from which a vector is a memory mapping: 128 KiB, glibc's own
/// threshold for mapping a block.
const MAP_THRESHOLD_SLOTS: usize = 1 << 14;
const SLOT: usize = core::mem::size_of::<*mut PyObject>();

#[inline(always)]
fn is_mapped(slots: usize) -> bool {
    slots >= MAP_THRESHOLD_SLOTS
}

/// Bytes of the mapping for `slots` slots, whole pages.
fn map_len(slots: usize) -> usize {
    let page = 4096;
    (slots * SLOT + page - 1) & !(page - 1)
}

unsafe fn map(slots: usize) -> *mut *mut PyObject {
    let p = libc::mmap(
        ptr::null_mut(),
        map_len(slots),
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
        0,
    );
    if p == libc::MAP_FAILED {
        ptr::null_mut()
    } else {
        p.cast()
    }
}

/// A vector of `slots` NULL slots (`slots > 0`), or NULL when memory runs out. The caller
/// has checked that `slots * 8` fits in an `isize`.
pub(crate) unsafe fn alloc_zeroed(slots: usize) -> *mut *mut PyObject {
    if is_mapped(slots) {
        map(slots) // anonymous mappings are zero-filled
    } else {
        PyMem_Calloc(slots, SLOT).cast()
    }
}

/// Resizes `block` (NULL, or a vector of `old` slots) to `new` slots, keeping the first
/// `min(old, new)`; `new == 0` frees it and returns NULL. NULL for `new > 0` means memory
/// ran out and `block` is unchanged.
pub(crate) unsafe fn realloc(block: *mut *mut PyObject, old: usize, new: usize) -> *mut *mut PyObject {
    let old = if block.is_null() { 0 } else { old };
    if new == 0 {
        free(block, old);
        return ptr::null_mut();
    }
    match (is_mapped(old), is_mapped(new)) {
        (false, false) => PyMem_Realloc(block.cast(), new * SLOT).cast(),
        (true, true) => {
            if map_len(old) == map_len(new) {
                return block;
            }
            let p = libc::mremap(block.cast(), map_len(old), map_len(new), libc::MREMAP_MAYMOVE);
            if p == libc::MAP_FAILED {
                ptr::null_mut()
            } else {
                p.cast()
            }
        }
        // Crossing the threshold: copy the slots in use into the other kind of block.
        (old_mapped, _) => {
            let fresh: *mut *mut PyObject =
                if old_mapped { crate::object::pymem::PyMem_Malloc(new * SLOT).cast() } else { map(new) };
            if !fresh.is_null() {
                if old > 0 {
                    ptr::copy_nonoverlapping(block, fresh, old.min(new));
                }
                free(block, old);
            }
            fresh
        }
    }
}

/// Frees `block` (NULL, or a vector of `slots` slots).
pub(crate) unsafe fn free(block: *mut *mut PyObject, slots: usize) {
    if block.is_null() {
        return;
    }
    if is_mapped(slots) {
        libc::munmap(block as *mut c_void, map_len(slots));
    } else {
        PyMem_Free(block.cast());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_across_the_threshold_and_back_keeping_items() {
        unsafe {
            let mut n = 1000;
            let mut b = alloc_zeroed(n);
            assert!((0..n).all(|i| (*b.add(i)).is_null()));
            for i in 0..n {
                *b.add(i) = i as *mut PyObject;
            }
            for new in [MAP_THRESHOLD_SLOTS - 1, MAP_THRESHOLD_SLOTS, 3 * MAP_THRESHOLD_SLOTS, 5000, 17] {
                b = realloc(b, n, new);
                assert!(!b.is_null());
                let kept = n.min(new).min(1000);
                assert!((0..kept).all(|i| *b.add(i) == i as *mut PyObject));
                n = new;
            }
            assert!(realloc(b, n, 0).is_null());
            let m = alloc_zeroed(2 * MAP_THRESHOLD_SLOTS);
            assert!((*m.add(2 * MAP_THRESHOLD_SLOTS - 1)).is_null());
            free(m, 2 * MAP_THRESHOLD_SLOTS);
        }
    }
}
