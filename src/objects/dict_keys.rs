//! A dict's keys table (what `ma_keys` points to): one heap block holding a small header,
//! the sparse index array and the dense entry array, as CPython's compact dict. The index
//! array's items are 1, 2, 4 or 8 bytes wide, the narrowest that holds every entry position
//! of the table's size (a table of up to 128 slots uses bytes), so the usual small dict costs
//! one allocation of 32 + 8 + 5 x 24 bytes instead of three blocks with 8-byte indices.
//!
//! Probing loops are generic over the index width (`Ix`) and dispatched once per lookup
//! (`with_width!`), so a lookup reads its indices with plain loads of the right size.
use crate::object::object::PyObject;
use crate::pyport::Py_hash_t;
use core::ffi::c_void;
use libmimalloc_sys::{mi_free, mi_malloc};

pub(crate) const EMPTY: isize = -1;
pub(crate) const DUMMY: isize = -2;
pub(crate) const PERTURB_SHIFT: u32 = 5;

#[repr(C)]
pub(crate) struct Entry {
    pub hash: Py_hash_t,
    /// NULL for a deleted entry.
    pub key: *mut PyObject,
    pub value: *mut PyObject,
}

/// The block's header; the indices follow it, then the entries.
#[repr(C)]
pub(crate) struct KeyTable {
    /// The number of index slots (a power of two) minus one.
    mask: usize,
    /// Insertions left before the table must grow (2/3 load factor).
    pub usable: usize,
    /// Entry positions in use, live or deleted.
    nentries: usize,
    /// The first entry, inside this block (kept so that reaching an entry is one load).
    entries: *mut Entry,
}

const HEADER: usize = core::mem::size_of::<KeyTable>();

/// An index array item type.
pub(crate) trait Ix: Copy {
    /// # Safety
    /// `i` is below the table's slot count.
    unsafe fn load(t: *const KeyTable, i: usize) -> isize;
    /// # Safety
    /// As `load`.
    unsafe fn store(t: *mut KeyTable, i: usize, v: isize);
}

macro_rules! ix_impl {
    ($($t:ty),*) => {$(
        impl Ix for $t {
            #[inline(always)]
            unsafe fn load(t: *const KeyTable, i: usize) -> isize {
                *((t as *const u8).add(HEADER) as *const $t).add(i) as isize
            }
            #[inline(always)]
            unsafe fn store(t: *mut KeyTable, i: usize, v: isize) {
                *((t as *mut u8).add(HEADER) as *mut $t).add(i) = v as $t;
            }
        }
    )*};
}
ix_impl!(i8, i16, i32, i64);

/// log2 of the index item size for a table of `mask + 1` slots: every entry position
/// (below 2/3 of the slots) and the two markers must fit.
#[inline(always)]
fn width_shift(mask: usize) -> u32 {
    if mask < 0x80 {
        0
    } else if mask < 0x8000 {
        1
    } else if mask < 0x8000_0000 {
        2
    } else {
        3
    }
}

/// Runs `$body` with `$I` bound to the index type of table `$t`.
macro_rules! with_width {
    ($t:expr, $I:ident => $body:expr) => {
        match $crate::objects::dict_keys::KeyTable::shift($t) {
            0 => { type $I = i8; $body }
            1 => { type $I = i16; $body }
            2 => { type $I = i32; $body }
            _ => { type $I = i64; $body }
        }
    };
}
pub(crate) use with_width;

pub(crate) fn usable_for(size: usize) -> usize {
    (size << 1) / 3
}

fn block_size(size: usize) -> Option<usize> {
    let indices = size.checked_shl(width_shift(size - 1))?;
    let entries = usable_for(size).checked_mul(core::mem::size_of::<Entry>())?;
    HEADER.checked_add(indices)?.checked_add(entries)
}

impl KeyTable {
    /// A new empty table of `size` slots (a power of two, at least 8); NULL when out of
    /// memory.
    pub(crate) fn alloc(size: usize) -> *mut KeyTable {
        let Some(bytes) = block_size(size) else { return core::ptr::null_mut() };
        // SAFETY: a fresh block of `bytes`, 16-aligned (mimalloc), written before use.
        unsafe {
            let t = mi_malloc(bytes) as *mut KeyTable;
            if t.is_null() {
                return t;
            }
            let index_bytes = size << width_shift(size - 1);
            // EMPTY (-1) is all one bits at every width.
            core::ptr::write_bytes((t as *mut u8).add(HEADER), 0xff, index_bytes);
            t.write(KeyTable {
                mask: size - 1,
                usable: usable_for(size),
                nentries: 0,
                entries: (t as *mut u8).add(HEADER + index_bytes) as *mut Entry,
            });
            t
        }
    }

    /// Frees the block (the entries' references are the caller's business).
    ///
    /// # Safety
    /// `t` came from `alloc` or `clone_block` and is not used again.
    pub(crate) unsafe fn free(t: *mut KeyTable) {
        mi_free(t as *mut c_void);
    }

    /// A bitwise copy of the whole block (the caller takes the references).
    ///
    /// # Safety
    /// `t` is a live table.
    pub(crate) unsafe fn clone_block(t: *const KeyTable) -> *mut KeyTable {
        let bytes = block_size((*t).mask + 1).unwrap_unchecked();
        let c = mi_malloc(bytes) as *mut KeyTable;
        if c.is_null() {
            return c;
        }
        let used = (*t).entries as usize - t as usize + (*t).nentries * core::mem::size_of::<Entry>();
        core::ptr::copy_nonoverlapping(t as *const u8, c as *mut u8, used);
        (*c).entries = (c as *mut u8).offset(((*t).entries as *mut u8).offset_from(t as *const u8)) as *mut Entry;
        c
    }

    /// log2 of the index item size (0 for bytes ... 3 for 8-byte items).
    #[inline(always)]
    pub(crate) fn shift(t: *const KeyTable) -> u32 {
        // SAFETY: callers pass a live table.
        width_shift(unsafe { (*t).mask })
    }

    #[inline(always)]
    pub(crate) fn mask(&self) -> usize {
        self.mask
    }

    /// Entry positions used (live and deleted).
    #[inline(always)]
    pub(crate) fn nentries(&self) -> usize {
        self.nentries
    }

    /// The entries in use, live and deleted, in insertion order.
    #[inline(always)]
    pub(crate) fn entries(&self) -> &[Entry] {
        // SAFETY: the first `nentries` entries are written.
        unsafe { core::slice::from_raw_parts(self.entries, self.nentries) }
    }

    /// Entry `ix`, known to be below `nentries`.
    ///
    /// # Safety
    /// `ix < nentries`.
    #[inline(always)]
    pub(crate) unsafe fn entry_unchecked(&self, ix: usize) -> &mut Entry {
        &mut *self.entries.add(ix)
    }

    /// Entry `ix` when it is in use.
    #[inline(always)]
    pub(crate) fn entry(&self, ix: usize) -> Option<&mut Entry> {
        // SAFETY: bounded by nentries.
        if ix < self.nentries { Some(unsafe { self.entry_unchecked(ix) }) } else { None }
    }

    /// The index at slot `i` (any width; for paths that probe once).
    #[inline]
    pub(crate) fn index(&self, i: usize) -> isize {
        let t = self as *const KeyTable;
        // SAFETY: callers pass slots at most `mask`.
        unsafe { with_width!(t, I => I::load(t, i)) }
    }

    #[inline]
    pub(crate) fn set_index(&mut self, i: usize, v: isize) {
        let t = self as *mut KeyTable;
        // SAFETY: as `index`.
        unsafe { with_width!(t, I => I::store(t, i, v)) }
    }

    /// The first slot for `hash` that holds no entry (for inserting a new key).
    #[inline(always)]
    unsafe fn free_slot_in<I: Ix>(t: *const KeyTable, hash: Py_hash_t) -> usize {
        let mask = (*t).mask;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        while I::load(t, i) >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        i
    }

    /// Appends an entry for a key known to be absent (the caller checked `usable > 0`).
    #[inline]
    pub(crate) fn push(&mut self, hash: Py_hash_t, key: *mut PyObject, value: *mut PyObject) {
        let t = self as *mut KeyTable;
        // SAFETY: there is room for one more entry (usable > 0) and a free slot (load < 2/3).
        unsafe {
            let n = self.nentries;
            with_width!(t, I => {
                let slot = Self::free_slot_in::<I>(t, hash);
                I::store(t, slot, n as isize);
            });
            self.entries.add(n).write(Entry { hash, key, value });
        }
        self.nentries += 1;
        self.usable -= 1;
    }

    /// The slot whose index is entry `ix` (which has `hash`).
    pub(crate) fn slot_of_entry(&self, hash: Py_hash_t, ix: usize) -> usize {
        let mask = self.mask;
        let mut perturb = hash as usize;
        let mut slot = (hash as usize) & mask;
        while self.index(slot) != ix as isize {
            perturb >>= PERTURB_SHIFT;
            slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        slot
    }

    /// Forgets the entry positions from `n` on (they hold no live entry).
    pub(crate) fn truncate(&mut self, n: usize) {
        self.nentries = self.nentries.min(n);
    }

    /// The first entry matching `found` among those that `hash` probes, as (slot, entry
    /// index); `found` must not change the table.
    #[inline(always)]
    pub(crate) unsafe fn find<I: Ix>(t: *const KeyTable, hash: Py_hash_t, mut found: impl FnMut(&Entry) -> bool) -> Option<(usize, usize)> {
        let mask = (*t).mask;
        let entries = (*t).entries;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = I::load(t, i);
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 && found(&*entries.add(ix as usize)) {
                return Some((i, ix as usize));
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_sizes_and_probing() {
        assert_eq!(width_shift(7), 0);
        assert_eq!(width_shift(127), 0);
        assert_eq!(width_shift(255), 1);
        assert_eq!(width_shift((1 << 15) - 1), 1);
        assert_eq!(width_shift((1 << 16) - 1), 2);
        assert_eq!(width_shift((1 << 32) - 1), 3);
        // Every entry position of a table fits its index type.
        for shift in [7u32, 15, 31] {
            let size = 1usize << shift;
            assert!(usable_for(size) < (1usize << (8 << width_shift(size - 1)) >> 1));
        }
        assert_eq!(block_size(8), Some(32 + 8 + 5 * 24));
        for size in [8usize, 256, 1 << 16] {
            let t = KeyTable::alloc(size);
            assert!(!t.is_null());
            unsafe {
                let tr = &mut *t;
                let n = usable_for(size);
                // Hashes that collide on the first slot exercise the probe sequence.
                for i in 0..n {
                    tr.push((i * size) as Py_hash_t, i as *mut PyObject, core::ptr::null_mut());
                }
                assert_eq!(tr.usable, 0);
                assert_eq!(tr.nentries(), n);
                for i in 0..n {
                    let hash = (i * size) as Py_hash_t;
                    let hit = with_width!(t, I => KeyTable::find::<I>(t, hash, |e| e.key as usize == i));
                    let (slot, ix) = hit.unwrap();
                    assert_eq!(ix, i);
                    assert_eq!(tr.index(slot), i as isize);
                    assert_eq!(tr.slot_of_entry(hash, i), slot);
                }
                let c = KeyTable::clone_block(t);
                assert_eq!((*c).entries().len(), n);
                assert_eq!((*c).entry(n - 1).unwrap().key as usize, n - 1);
                assert!((*c).entry(n).is_none());
                KeyTable::free(c);
                KeyTable::free(t);
            }
        }
    }
}
