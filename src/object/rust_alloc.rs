//! The allocator of Rust's own heap data (`Box`, `Vec`, `String` inside the runtime: dict
//! tables, code-point buffers, ...): mimalloc, the allocator of the PyMem domains, instead
//! of the C library's. Why: those buffers are on hot paths (a dict's table is rebuilt at
//! every resize) and glibc's malloc maps and unmaps big blocks each time, faulting their
//! pages in again, where mimalloc reuses them.
use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;
use libmimalloc_sys::{mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc, mi_zalloc_aligned};

/// mimalloc's plain blocks are aligned to 16 bytes, or to their size when smaller.
const MIN_ALIGN: usize = 16;

#[inline(always)]
fn plain(align: usize, size: usize) -> bool {
    align <= MIN_ALIGN && align <= size
}

struct MiMalloc;

// SAFETY: mimalloc's functions meet GlobalAlloc's contract (NULL on failure, blocks of at
// least the size and alignment asked for, any thread).
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            mi_malloc(layout.size()).cast()
        } else {
            mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            mi_zalloc(layout.size()).cast()
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align(), new_size) {
            mi_realloc(ptr as *mut c_void, new_size).cast()
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()).cast()
        }
    }
}

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

#[cfg(test)]
mod tests {
    #[test]
    fn over_aligned_and_zeroed_blocks() {
        #[repr(align(64))]
        struct Wide([u8; 64]);
        let b = Box::new(Wide([7; 64]));
        assert_eq!(&*b as *const Wide as usize % 64, 0);
        assert_eq!(b.0[63], 7);
        let z = vec![0u64; 1000];
        assert!(z.iter().all(|&x| x == 0));
        let mut v: Vec<u32> = Vec::new();
        v.extend(0..100_000);
        assert_eq!(v[99_999], 99_999);
    }
}
