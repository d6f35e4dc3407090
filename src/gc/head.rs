//! The GC header and the generation lists the cycle collector works on.
//!
//! Every object of a GC type (`Py_TPFLAGS_HAVE_GC`) is allocated with a `PyGC_Head`
//! immediately before its `PyObject`, laid out as CPython 3.11 lays it out (two
//! `uintptr_t` words, 16 bytes), so memory sized from `tp_basicsize` and code built
//! against CPython's internal macros agree with us:
//!
//! * `_gc_next`: the next header in the object's generation list; 0 means "not tracked".
//!   During a collection its low bit marks unreachable objects (`NEXT_MASK_UNREACHABLE`).
//! * `_gc_prev`: the previous header, with two flag bits in the low bits (headers are
//!   8-aligned): bit 0 "finalized" (`tp_finalize` has run), bit 1 "collecting". While the
//!   collector runs, the word above the flags holds the `gc_refs` count instead.
//!
//! Tracked objects sit in circular doubly linked lists, one per generation, each with a
//! sentinel head (an empty list's head points at itself). `PyObject_GC_Track` appends to
//! generation 0; the collector moves survivors to older generations by splicing lists.
//! All of this is protected by the GIL (there is one interpreter for now; the state moves
//! into the interpreter state when there are several).
use core::cell::UnsafeCell;

use crate::object::object::PyObject;

/// `PyGC_Head` (CPython's internal pycore_gc.h): two words before every GC object.
#[repr(C)]
pub struct PyGC_Head {
    pub _gc_next: usize,
    pub _gc_prev: usize,
}
assert_layout!(PyGC_Head, size = 16, _gc_next @ 0, _gc_prev @ 8);

/// `_gc_prev` bit: `tp_finalize` has been called for this object.
pub(crate) const PREV_MASK_FINALIZED: usize = 1;
/// `_gc_prev` bit: the object is in the set being collected.
pub(crate) const PREV_MASK_COLLECTING: usize = 2;
/// How far `gc_refs` is shifted in `_gc_prev` during a collection.
pub(crate) const PREV_SHIFT: usize = 2;
/// The pointer part of `_gc_prev`.
pub(crate) const PREV_MASK: usize = !((1 << PREV_SHIFT) - 1);
/// `_gc_next` bit: the object was found unreachable (only during a collection).
pub(crate) const NEXT_MASK_UNREACHABLE: usize = 1;

/// Generations, as in CPython: 0 (young) .. 2 (old); thresholds are `gc.get_threshold()`.
pub(crate) const NUM_GENERATIONS: usize = 3;
pub(crate) const THRESHOLDS: [i32; NUM_GENERATIONS] = [700, 10, 10];

/// What `gc.get_stats()` reports per generation.
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: isize,
    pub collected: isize,
    pub uncollectable: isize,
}

/// One generation: its list of tracked objects and the counter the collector's trigger
/// uses (for generation 0: GC objects allocated minus deleted since the last collection;
/// for the others: collections of the younger generation).
pub struct Generation {
    pub head: PyGC_Head,
    pub threshold: i32,
    pub count: i32,
}

/// The collector's state (CPython keeps it per interpreter as `interp->gc`).
pub struct GcState {
    pub generations: [Generation; NUM_GENERATIONS],
    /// Objects frozen by `gc.freeze()`: tracked but never collected.
    pub permanent: Generation,
    /// The objects in the builtin static types' dicts, which live as long as the process
    /// (object/builtin_types.rs): tracked, listed by `gc.get_objects()`, never examined by
    /// a collection (nothing they refer to can be garbage while they live).
    pub runtime_static: Generation,
    /// `gc.enable()`/`gc.disable()`.
    pub enabled: bool,
    /// A collection is running (no nested collections).
    pub collecting: bool,
    /// `gc.set_debug()` flags.
    pub debug: i32,
    /// `gc.garbage` and `gc.callbacks` (owned lists, made at first use).
    pub garbage: *mut PyObject,
    pub callbacks: *mut PyObject,
    pub stats: [GenStats; NUM_GENERATIONS],
    /// Objects in the oldest generation after the last full collection, and objects
    /// promoted into it since: a full collection waits until the second is a quarter of the
    /// first, so that the cost of full collections stays linear in the heap size.
    pub long_lived_total: isize,
    pub long_lived_pending: isize,
}

struct GcCell(UnsafeCell<GcState>);
// SAFETY: touched only with the GIL held (C callers of the GC API must hold it).
unsafe impl Sync for GcCell {}

const fn generation(threshold: i32) -> Generation {
    // The head's self links are set on first use: a static cannot hold its own address
    // as an integer at compile time.
    Generation { head: PyGC_Head { _gc_next: 0, _gc_prev: 0 }, threshold, count: 0 }
}

const INITIAL: GcState = GcState {
    generations: [generation(THRESHOLDS[0]), generation(THRESHOLDS[1]), generation(THRESHOLDS[2])],
    permanent: generation(0),
    runtime_static: generation(0),
    enabled: true,
    collecting: false,
    debug: 0,
    garbage: core::ptr::null_mut(),
    callbacks: core::ptr::null_mut(),
    stats: [GenStats { collections: 0, collected: 0, uncollectable: 0 }; NUM_GENERATIONS],
    long_lived_total: 0,
    long_lived_pending: 0,
};

#[cfg(not(test))]
static STATE: GcCell = GcCell(UnsafeCell::new(INITIAL));

/// The state, lists not necessarily initialised yet.
#[cfg(not(test))]
#[inline(always)]
fn raw_state() -> *mut GcState {
    STATE.0.get()
}

// Rust tests run on many threads without the GIL: each test thread gets lists of its own,
// so tests that allocate GC objects cannot race on shared links.
#[cfg(test)]
thread_local! {
    static STATE: GcCell = const { GcCell(UnsafeCell::new(INITIAL)) };
}

#[cfg(test)]
fn raw_state() -> *mut GcState {
    STATE.with(|s| s.0.get())
}

#[inline]
unsafe fn list_init(head: *mut PyGC_Head) {
    (*head)._gc_next = head as usize;
    (*head)._gc_prev = head as usize;
}

/// The collector's state, with every generation list initialised.
#[inline]
pub fn state() -> *mut GcState {
    let st = raw_state();
    // SAFETY: GIL held; the lists are made circular once, before any object joins them.
    unsafe {
        if (*st).generations[0].head._gc_next == 0 {
            for g in (*st).generations.iter_mut() {
                list_init(&mut g.head);
            }
            list_init(&mut (*st).permanent.head);
            list_init(&mut (*st).runtime_static.head);
        }
    }
    st
}

/// The header of a GC object.
#[inline(always)]
pub unsafe fn as_gc(op: *mut PyObject) -> *mut PyGC_Head {
    (op as *mut PyGC_Head).sub(1)
}

/// The object a header belongs to.
#[inline(always)]
pub unsafe fn from_gc(g: *mut PyGC_Head) -> *mut PyObject {
    g.add(1) as *mut PyObject
}

/// Whether the object is in a generation list.
#[inline(always)]
pub unsafe fn is_tracked(op: *mut PyObject) -> bool {
    (*as_gc(op))._gc_next != 0
}

#[inline(always)]
pub unsafe fn is_finalized(op: *mut PyObject) -> bool {
    (*as_gc(op))._gc_prev & PREV_MASK_FINALIZED != 0
}

/// Marks `tp_finalize` as done, so it is never called twice (PEP 442).
#[inline(always)]
pub unsafe fn set_finalized(op: *mut PyObject) {
    (*as_gc(op))._gc_prev |= PREV_MASK_FINALIZED;
}

/// Appends an untracked object's header to the list `head` (keeping its flag bits).
#[inline]
unsafe fn list_append(g: *mut PyGC_Head, head: *mut PyGC_Head) {
    let last = ((*head)._gc_prev & PREV_MASK) as *mut PyGC_Head;
    (*last)._gc_next = g as usize;
    (*g)._gc_prev = ((*g)._gc_prev & !PREV_MASK) | last as usize;
    (*g)._gc_next = head as usize;
    (*head)._gc_prev = ((*head)._gc_prev & !PREV_MASK) | g as usize;
}

/// Links an untracked GC object at the end of generation 0. The caller has checked that
/// it is a GC object and not tracked.
#[inline]
pub unsafe fn track(op: *mut PyObject) {
    let st = state();
    list_append(as_gc(op), &mut (*st).generations[0].head);
}

/// Unlinks a tracked GC object from its list; only its "finalized" bit survives.
#[inline]
pub unsafe fn untrack(op: *mut PyObject) {
    let g = as_gc(op);
    let prev = ((*g)._gc_prev & PREV_MASK) as *mut PyGC_Head;
    let next = ((*g)._gc_next & !NEXT_MASK_UNREACHABLE) as *mut PyGC_Head;
    (*prev)._gc_next = next as usize;
    (*next)._gc_prev = ((*next)._gc_prev & !PREV_MASK) | prev as usize;
    (*g)._gc_next = 0;
    (*g)._gc_prev &= PREV_MASK_FINALIZED;
}

/// Moves a tracked object that lives as long as the process out of the collected
/// generations (into `runtime_static`); anything else is left alone.
pub unsafe fn keep_out_of_collections(op: *mut PyObject) {
    if !crate::object::objimpl::object_is_gc(op) || !is_tracked(op) {
        return;
    }
    untrack(op);
    list_append(as_gc(op), &mut (*state()).runtime_static.head);
}

/// A GC object was allocated: counts towards generation 0's threshold, and starts a
/// collection when the count passes it (the new object is not tracked yet, so it is not
/// examined).
#[inline]
pub fn note_alloc() {
    // SAFETY: GIL held.
    unsafe {
        let st = raw_state();
        let g0 = &mut (*st).generations[0];
        g0.count += 1;
        if g0.count > g0.threshold && g0.threshold != 0 && (*st).enabled && !(*st).collecting {
            crate::gc::collector::collect_automatic();
        }
    }
}

/// A GC object was freed.
#[inline]
pub fn note_free() {
    // SAFETY: GIL held.
    unsafe {
        let st = raw_state();
        if (*st).generations[0].count > 0 {
            (*st).generations[0].count -= 1;
        }
    }
}

/// Takes back the count of a new object no collection will ever examine (untracked at
/// creation, see `collect::untrack_tuple_of_atoms`); its free later counts as usual.
#[inline]
pub fn uncount_allocation() {
    note_free();
}

/// The objects of generation `gen` (0..NUM_GENERATIONS), oldest first.
pub unsafe fn objects_in(gen: usize) -> Vec<*mut PyObject> {
    let st = state();
    let head: *mut PyGC_Head = &mut (*st).generations[gen].head;
    let mut out = Vec::new();
    let mut g = (*head)._gc_next as *mut PyGC_Head;
    while g != head {
        out.push(from_gc(g));
        g = ((*g)._gc_next & !NEXT_MASK_UNREACHABLE) as *mut PyGC_Head;
    }
    out
}

/// Generation `gen`'s counter (`gc.get_count()`).
pub fn count(gen: usize) -> i32 {
    // SAFETY: GIL held.
    unsafe { (*state()).generations[gen].count }
}

/// Serialises the Rust tests that use the (process-wide) generation lists.
#[cfg(test)]
pub(crate) static TEST_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(test)]
mod tests {
    use super::*;
    use core::ptr;

    /// A fake GC object: header then object, as the allocator lays them out.
    #[repr(C)]
    struct Boxed {
        gc: PyGC_Head,
        ob: PyObject,
    }

    fn boxed() -> Box<Boxed> {
        Box::new(Boxed { gc: PyGC_Head { _gc_next: 0, _gc_prev: 0 }, ob: PyObject { ob_refcnt: 1, ob_type: ptr::null_mut() } })
    }

    #[test]
    fn track_links_into_generation_0_in_order() {
        let _l = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let before = objects_in(0);
            let (mut a, mut b, mut c) = (boxed(), boxed(), boxed());
            let (pa, pb, pc): (*mut PyObject, *mut PyObject, *mut PyObject) = (&mut a.ob, &mut b.ob, &mut c.ob);
            track(pa);
            track(pb);
            track(pc);
            assert!(is_tracked(pa) && is_tracked(pb) && is_tracked(pc));
            let now = objects_in(0);
            assert_eq!(now.len(), before.len() + 3);
            assert_eq!(&now[before.len()..], &[pa, pb, pc]);
            // Unlink from the middle, keeping the finalized bit only.
            set_finalized(pb);
            untrack(pb);
            assert!(!is_tracked(pb) && is_finalized(pb));
            assert_eq!(b.gc._gc_prev, PREV_MASK_FINALIZED);
            assert_eq!(&objects_in(0)[before.len()..], &[pa, pc]);
            // Re-tracking keeps the flag; the list stays consistent from both ends.
            track(pb);
            assert!(is_finalized(pb));
            assert_eq!(&objects_in(0)[before.len()..], &[pa, pc, pb]);
            untrack(pa);
            untrack(pc);
            untrack(pb);
            assert_eq!(objects_in(0), before);
            let head: *mut PyGC_Head = &mut (*state()).generations[0].head;
            let last = ((*head)._gc_prev & PREV_MASK) as *mut PyGC_Head;
            assert_eq!(before.last().map(|&o| as_gc(o)).unwrap_or(head), last);
        }
    }

    #[test]
    fn empty_lists_point_at_themselves() {
        unsafe {
            let st = state();
            for gen in 1..NUM_GENERATIONS {
                let h: *mut PyGC_Head = &mut (*st).generations[gen].head;
                assert_eq!((*h)._gc_next, h as usize);
                assert!(objects_in(gen).is_empty());
            }
            assert_eq!((*st).generations[0].threshold, 700);
        }
    }
}
