//! The per-thread frame stack: frames (header, locals, value stack) are carved out of large
//! chunks linked through the thread state's `datastack_*` fields, so a call allocates
//! nothing in the common case: it bumps `datastack_top`, and returning moves it back.
use crate::object::object::PyObject;
use crate::runtime::threadstate::{PyThreadState, _PyStackChunk};

/// Words per chunk (a frame larger than this gets a chunk of its own size).
const CHUNK_WORDS: usize = 32 * 1024;

/// Header words of a chunk before its data.
const HEADER_WORDS: usize = 3;

unsafe fn chunk_end(c: *mut _PyStackChunk) -> *mut *mut PyObject {
    (c as *mut *mut PyObject).add((*c).size)
}

unsafe fn chunk_data(c: *mut _PyStackChunk) -> *mut *mut PyObject {
    (c as *mut *mut PyObject).add(HEADER_WORDS)
}

/// Reserves `n` words on `ts`'s frame stack of which the first `nzero` are zeroed (a
/// frame's value stack above its pointer is never read, so calls skip clearing it).
///
/// # Safety
/// `ts` is the current thread state; `nzero <= n`.
#[inline]
pub(crate) unsafe fn alloc_zeroing(ts: *mut PyThreadState, n: usize, nzero: usize) -> *mut *mut PyObject {
    let top = (*ts).datastack_top;
    if !top.is_null() && (top as usize) + n * 8 <= (*ts).datastack_limit as usize {
        (*ts).datastack_top = top.add(n);
        core::ptr::write_bytes(top, 0, nzero);
        return top;
    }
    alloc_slow(ts, n)
}

#[cold]
unsafe fn alloc_slow(ts: *mut PyThreadState, n: usize) -> *mut *mut PyObject {
    let words = (n + HEADER_WORDS).max(CHUNK_WORDS);
    let c = libc::calloc(words, 8) as *mut _PyStackChunk;
    if c.is_null() {
        crate::runtime::pystate::fatal_error("frame stack", "out of memory");
    }
    (*c).previous = (*ts).datastack_chunk;
    (*c).size = words;
    // The previous chunk's top, restored when this chunk empties.
    (*c).top = (*ts).datastack_top as usize;
    (*ts).datastack_chunk = c;
    (*ts).datastack_limit = chunk_end(c);
    let base = chunk_data(c);
    (*ts).datastack_top = base.add(n);
    base
}

/// Gives back the words from `base` (the most recent allocation) on.
///
/// # Safety
/// `base` came from the latest `alloc` on `ts` not yet released.
#[inline]
pub(crate) unsafe fn release(ts: *mut PyThreadState, base: *mut *mut PyObject) {
    let c = (*ts).datastack_chunk;
    if base == chunk_data(c) && !(*c).previous.is_null() {
        let prev = (*c).previous;
        (*ts).datastack_chunk = prev;
        (*ts).datastack_top = (*c).top as *mut *mut PyObject;
        (*ts).datastack_limit = chunk_end(prev);
        libc::free(c as *mut libc::c_void);
        return;
    }
    (*ts).datastack_top = base;
}

/// Frees every chunk of a thread state that is going away.
///
/// # Safety
/// No frame of `ts` is live.
pub(crate) unsafe fn free_all(ts: *mut PyThreadState) {
    let mut c = (*ts).datastack_chunk;
    while !c.is_null() {
        let prev = (*c).previous;
        libc::free(c as *mut libc::c_void);
        c = prev;
    }
    (*ts).datastack_chunk = core::ptr::null_mut();
    (*ts).datastack_top = core::ptr::null_mut();
    (*ts).datastack_limit = core::ptr::null_mut();
}
