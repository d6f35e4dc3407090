//! The item vector of a list (`ob_item`): a PyMem block while small, its own memory mapping
//! once it reaches `MAP_THRESHOLD_SLOTS` slots (128 KiB).
//!
//! Why: growing a big list moves its vector on every step with mimalloc (no in-place growth
//! for huge blocks), touching fresh pages each time; CPython on glibc grows such blocks with
//! `mremap`, which moves page-table entries instead of bytes. Mapping big vectors ourselves
//! gives the same behaviour whatever the allocator: appending 1e6 items faults in each page
//! once. Which kind a vector is follows from its capacity alone (`allocated`), so nothing
//! else needs recording: every owner of `ob_item` allocates, resizes and frees it here.
//!
//! Vectors of 2 MiB or more are mapped in whole 2 MiB units at 2 MiB-aligned addresses and
//! marked for transparent huge pages: each unit then faults in once, as one huge page, instead
//! of 512 times (appending 1e6 items: ~2000 page faults, most of the append time, become 4).
//! The resident cost is at most the unused part of the last unit, under half of what the
//! vector already holds. (The allocator's own THP stays off: see runtime/startup_memory.rs
//! and `allow_advised_huge_pages`.)
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

/// The size and alignment of a transparent huge page on x86-64 (and arm64 with 4 KiB pages).
const HUGE: usize = 2 << 20;

/// Bytes of the mapping for `slots` slots: whole pages, or whole huge pages from `HUGE` on.
fn map_len(slots: usize) -> usize {
    let bytes = slots * SLOT;
    let unit = if bytes >= HUGE { HUGE } else { 4096 };
    (bytes + unit - 1) & !(unit - 1)
}

unsafe fn mmap_anon(len: usize) -> *mut c_void {
    let p = libc::mmap(
        ptr::null_mut(),
        len,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
        0,
    );
    if p == libc::MAP_FAILED {
        ptr::null_mut()
    } else {
        p
    }
}

/// `len` bytes (a multiple of `HUGE`) of fresh mapping at a `HUGE`-aligned address: one
/// `HUGE` more is mapped and the ends trimmed.
unsafe fn mmap_huge_aligned(len: usize) -> *mut c_void {
    let p = mmap_anon(len + HUGE);
    if p.is_null() {
        return p;
    }
    let start = p as usize;
    let aligned = (start + HUGE - 1) & !(HUGE - 1);
    if aligned > start {
        libc::munmap(p, aligned - start);
    }
    let tail = start + len + HUGE - (aligned + len);
    if tail > 0 {
        libc::munmap((aligned + len) as *mut c_void, tail);
    }
    aligned as *mut c_void
}

/// Asks for huge pages on a mapping of `len` bytes (a hint: refused on kernels without THP).
unsafe fn want_huge_pages(p: *mut c_void, len: usize) {
    if len >= HUGE {
        allow_advised_huge_pages();
        libc::madvise(p, len, libc::MADV_HUGEPAGE);
    }
}

/// `prctl(PR_SET_THP_DISABLE)` flag (Linux 6.18): THP stays off except where madvised.
const PR_THP_DISABLE_EXCEPT_ADVISED: libc::c_ulong = 1 << 1;

/// mimalloc turns THP off for the whole process when its own use of them is off (the
/// default: runtime/startup_memory.rs), which also silences `MADV_HUGEPAGE`. Where the kernel
/// can (6.18 and later), that becomes "off except where madvised": mimalloc's memory and the
/// host program's are unchanged, and the list vectors get their huge pages. Done once, on
/// the first big vector; older kernels refuse the flag and nothing changes.
fn allow_advised_huge_pages() {
    use core::sync::atomic::{AtomicBool, Ordering};
    static DONE: AtomicBool = AtomicBool::new(false);
    if DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    // SAFETY: process-wide THP flags; no memory is touched.
    unsafe {
        if libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1 {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1 as libc::c_ulong, PR_THP_DISABLE_EXCEPT_ADVISED, 0 as libc::c_ulong, 0 as libc::c_ulong);
        }
    }
}

unsafe fn map(slots: usize) -> *mut *mut PyObject {
    let len = map_len(slots);
    if len < HUGE {
        return mmap_anon(len).cast();
    }
    let p = mmap_huge_aligned(len);
    if !p.is_null() {
        want_huge_pages(p, len);
    }
    p.cast()
}

/// Grows or shrinks a mapping from `old_len` to `new_len` bytes, keeping its pages; NULL when
/// memory runs out. A mapping of `HUGE` or more stays `HUGE`-aligned: it grows in place when
/// the address space after it is free, else moves (page tables, not bytes) to a fresh
/// aligned range.
unsafe fn remap(block: *mut c_void, old_len: usize, new_len: usize) -> *mut c_void {
    if new_len < HUGE {
        let p = libc::mremap(block, old_len, new_len, libc::MREMAP_MAYMOVE);
        return if p == libc::MAP_FAILED { ptr::null_mut() } else { p };
    }
    let aligned = block as usize & (HUGE - 1) == 0;
    if aligned || new_len < old_len {
        let p = libc::mremap(block, old_len, new_len, 0);
        if p != libc::MAP_FAILED {
            want_huge_pages(p, new_len);
            return p;
        }
    }
    let target = mmap_huge_aligned(new_len);
    if target.is_null() {
        return target;
    }
    // MREMAP_FIXED replaces the reserved range with the moved mapping.
    let p = libc::mremap(block, old_len, new_len, libc::MREMAP_MAYMOVE | libc::MREMAP_FIXED, target);
    if p == libc::MAP_FAILED {
        libc::munmap(target, new_len);
        return ptr::null_mut();
    }
    want_huge_pages(p, new_len);
    p
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
            remap(block.cast(), map_len(old), map_len(new)).cast()
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

    #[test]
    fn huge_vectors_are_aligned_and_keep_items_across_moves() {
        let huge_slots = HUGE / SLOT;
        unsafe {
            let mut n = MAP_THRESHOLD_SLOTS;
            let mut b = alloc_zeroed(n);
            for i in 0..n {
                *b.add(i) = (i + 1) as *mut PyObject;
            }
            // Grow by eighths as a list does, past several huge units, then shrink back.
            while n < 3 * huge_slots {
                let new = n + n / 8 + 6;
                b = realloc(b, n, new);
                assert!(!b.is_null());
                if map_len(new) >= HUGE {
                    assert_eq!(b as usize % HUGE, 0, "a huge vector starts on a huge page");
                    assert_eq!(map_len(new) % HUGE, 0);
                }
                for i in n..new {
                    *b.add(i) = (i + 1) as *mut PyObject;
                }
                n = new;
            }
            assert!((0..n).all(|i| *b.add(i) == (i + 1) as *mut PyObject));
            for new in [2 * huge_slots + 5, huge_slots - 1, MAP_THRESHOLD_SLOTS, 100] {
                b = realloc(b, n, new);
                assert!(!b.is_null());
                assert!((0..new).all(|i| *b.add(i) == (i + 1) as *mut PyObject));
                n = new;
            }
            free(b, n);
            let z = alloc_zeroed(huge_slots + 1);
            assert_eq!(z as usize % HUGE, 0);
            assert!((*z.add(huge_slots)).is_null());
            free(z, huge_slots + 1);
        }
    }
}
