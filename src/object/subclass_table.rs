//! Who subclasses whom: the record behind `type.__subclasses__()` and the invalidation of
//! method-cache tags down a hierarchy (CPython keeps it in `tp_subclasses`, a dict of weak
//! references per base). Here it is a side table of two maps keyed by address, so that
//! creating and destroying a heap type costs a few hash probes whatever the number of
//! types alive (a flat list of pairs cost two full scans per type: half the time of
//! `PyType_FromSpec` + dealloc with the ~700 types of a started runtime).
//!
//! `bases_of` remembers under which bases a type was recorded, so that forgetting it does
//! not depend on its `tp_bases` still being what it was at readying.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;

use crate::object::object::PyObject;
use crate::object::typeobject::PyTypeObject;
use crate::objects::tuple;

/// Hashes an address: objects are 16-byte aligned, so the low bits carry nothing; one
/// multiply spreads the rest (SipHash would cost more than the rest of the probe).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type AddressMap<V> = HashMap<usize, V, BuildHasherDefault<AddressHasher>>;

#[derive(Default)]
struct Table {
    /// base -> its direct subclasses, in the order they were recorded.
    subclasses: AddressMap<Vec<usize>>,
    /// subclass -> the bases it is recorded under.
    bases_of: AddressMap<Vec<usize>>,
}

static TABLE: Mutex<Option<Table>> = Mutex::new(None);

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    let mut guard = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(Table::default))
}

impl Table {
    fn record(&mut self, sub: usize, bases: &[*mut PyObject]) {
        let recorded = self.bases_of.entry(sub).or_default();
        for &b in bases {
            let b = b as usize;
            if recorded.contains(&b) {
                continue;
            }
            recorded.push(b);
            self.subclasses.entry(b).or_default().push(sub);
        }
    }

    /// Forgets `sub` as a subclass (of every base it was recorded under).
    fn forget_as_subclass(&mut self, sub: usize) {
        let Some(bases) = self.bases_of.remove(&sub) else { return };
        for b in bases {
            if let Some(subs) = self.subclasses.get_mut(&b) {
                // Keeps the order of the others: __subclasses__() lists them as created.
                if let Some(i) = subs.iter().rposition(|&s| s == sub) {
                    subs.remove(i);
                }
                if subs.is_empty() {
                    self.subclasses.remove(&b);
                }
            }
        }
    }
}

unsafe fn bases<'a>(tp: *mut PyTypeObject) -> &'a [*mut PyObject] {
    let bases = (*tp).tp_bases;
    if bases.is_null() { &[] } else { tuple::items(bases) }
}

/// Records `sub` as a direct subclass of each of its bases (at readying).
///
/// # Safety
/// `sub` is a live, ready type.
pub(crate) unsafe fn add_subclass(sub: *mut PyTypeObject) {
    with_table(|t| t.record(sub as usize, bases(sub)));
}

/// Forgets a heap type that is being deallocated (as base and as subclass).
///
/// # Safety
/// Called from the type's dealloc.
pub(crate) unsafe fn remove_subclass(tp: *mut PyTypeObject) {
    with_table(|t| {
        t.forget_as_subclass(tp as usize);
        // Its subclasses hold references to it, so normally none are left; a type torn
        // down at finalization may still be listed.
        if let Some(subs) = t.subclasses.remove(&(tp as usize)) {
            for s in subs {
                if let Some(bases) = t.bases_of.get_mut(&s) {
                    bases.retain(|&b| b != tp as usize);
                }
            }
        }
    });
}

/// Records `tp` under its current bases only (after `__bases__` was assigned).
///
/// # Safety
/// `tp` is a live, ready type.
pub(crate) unsafe fn replace_bases(tp: *mut PyTypeObject) {
    with_table(|t| {
        t.forget_as_subclass(tp as usize);
        t.record(tp as usize, bases(tp));
    });
}

/// The direct subclasses of `tp`, oldest first.
pub(crate) fn direct_subclasses(tp: *mut PyTypeObject) -> Vec<*mut PyTypeObject> {
    with_table(|t| {
        t.subclasses.get(&(tp as usize)).map_or_else(Vec::new, |subs| subs.iter().map(|&s| s as *mut PyTypeObject).collect())
    })
}
