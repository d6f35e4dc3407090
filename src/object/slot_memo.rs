//! What a new class inherits for the special-method slots it does not define itself.
//!
//! `fixup_slot_dunders` computes each slot of a new class from the special-method names
//! found along its MRO (~65 slots, ~90 names). When the class's MRO is itself followed by
//! its base's MRO and its own dict holds none of a slot's names, every name resolves as it
//! does for the base, and so does the slot: the answer depends only on the base, and is
//! remembered per base:
//! - a class made by a class statement or `type()` holds the answer in its own slots: it
//!   computed them the same way when it was made, and every later change of a special
//!   method (`setattr`, `__bases__`) recomputes them (slot_dunders.rs). Its entry goes when
//!   it is freed;
//! - for other bases (`object`, `int`, `Exception`, types made by `PyType_FromSpec`) the
//!   answers are computed once per slot and kept while the base's version tag stands
//!   (`PyType_Modified` withdraws it on any change to the base or its MRO; tags are never
//!   reused).
use core::ffi::{c_int, c_uint, c_void, CStr};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::object::typeobject::PyTypeObject;
use crate::objects::{dict, str as pystr};

/// Bases remembered at most: a program that makes classes on ever new bases (classes made
/// in a loop) starts over rather than growing without bound.
const MAX_BASES: usize = 8192;

/// What subclasses of one base inherit.
struct Entry {
    /// The base's tag the values were computed under (unused without values).
    tag: c_uint,
    /// `None`: the base's own slots are the answer. Else per slot group (in
    /// `slot_groups()` order) the answer, once computed.
    values: Option<Box<[Option<usize>]>>,
}

/// FNV-1a for the short keys here (type addresses, special-method names).
#[derive(Default)]
struct ShortHasher(u64);

impl Hasher for ShortHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 ^ self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Fast = BuildHasherDefault<ShortHasher>;

// SAFETY (all accesses): guarded by the GIL.
static mut MEMO: Option<HashMap<usize, Entry, Fast>> = None;

/// The slot groups (indices into `groups`) whose special-method names `tp`'s own dict
/// holds, as a bit set; `None` when a key is not an exact str (it could equal a name
/// without being one: the caller takes the general path) or there are too many groups.
///
/// # Safety
/// `tp` is a live type with a dict; the GIL is held.
pub(crate) unsafe fn own_groups(tp: *mut PyTypeObject, groups: &[(c_int, Box<[u16]>)]) -> Option<u128> {
    if groups.len() > 128 {
        return None;
    }
    let by_name = groups_by_name(groups);
    let d = (*tp).tp_dict;
    let mut own = 0u128;
    let mut pos = 0;
    while let Some((k, _, _)) = dict::next_entry(d, &mut pos) {
        if (*k).ob_type != &raw mut pystr::PyUnicode_Type {
            return None;
        }
        if !(*(k as *mut pystr::PyASCIIObject)).ascii() {
            continue;
        }
        let text = pystr::data_bytes(k);
        if text.len() > 4 && text.starts_with(b"__") && text.ends_with(b"__") {
            if let Some(&bits) = by_name.get(text) {
                own |= bits;
            }
        }
    }
    Some(own)
}

/// Each special-method name of the slot table with the groups it belongs to.
fn groups_by_name(groups: &[(c_int, Box<[u16]>)]) -> &'static HashMap<&'static [u8], u128, Fast> {
    static BY_NAME: std::sync::OnceLock<HashMap<&'static [u8], u128, Fast>> = std::sync::OnceLock::new();
    BY_NAME.get_or_init(|| {
        let mut m: HashMap<&'static [u8], u128, Fast> = HashMap::default();
        // SAFETY: the slot table is static and its names are C literals.
        let rows = unsafe { crate::object::slot_wrappers::rows() };
        for (g, (_, row_indices)) in groups.iter().enumerate() {
            for &i in row_indices.iter() {
                let name: &'static [u8] = unsafe { CStr::from_ptr(rows[i as usize].name).to_bytes() };
                *m.entry(name).or_insert(0) |= 1u128 << g;
            }
        }
        m
    })
}

/// What subclasses of `base` (whose tag is `tag`) inherit, taken out of the memo while a
/// class is made from it (`give_back` returns it): `None` when nothing is known.
///
/// # Safety
/// The GIL is held.
pub(crate) unsafe fn take(base: *mut PyTypeObject, tag: c_uint, ngroups: usize) -> Inherited {
    let memo = (*(&raw mut MEMO)).get_or_insert_with(HashMap::default);
    match memo.remove(&(base as usize)) {
        Some(Entry { values: None, .. }) => Inherited::BaseSlots,
        Some(Entry { tag: t, values: Some(v) }) if t == tag => Inherited::Values(v),
        _ => Inherited::Values(vec![None; ngroups].into_boxed_slice()),
    }
}

/// Puts back what `take` took (with the answers computed meanwhile).
///
/// # Safety
/// The GIL is held.
pub(crate) unsafe fn give_back(base: *mut PyTypeObject, tag: c_uint, inherited: Inherited) {
    let values = match inherited {
        Inherited::BaseSlots => None,
        Inherited::Values(v) => Some(v),
    };
    insert(base as usize, Entry { tag, values });
}

/// Records that `tp`'s slots are what its subclasses inherit (called once a class
/// statement or `type()` has made `tp`: its slots were computed from its MRO, and every
/// later change of a special method recomputes them).
///
/// # Safety
/// `tp` is a live, ready heap type; the GIL is held.
pub(crate) unsafe fn record_own_slots(tp: *mut PyTypeObject) {
    insert(tp as usize, Entry { tag: 0, values: None });
}

/// Withdraws the record of `tp`'s own slots (while its MRO changes: its slots are stale
/// until it is fixed up again); whether there was one.
///
/// # Safety
/// The GIL is held.
pub(crate) unsafe fn withdraw_record(tp: *mut PyTypeObject) -> bool {
    match (*(&raw mut MEMO)).as_mut().and_then(|memo| memo.remove(&(tp as usize))) {
        Some(Entry { values: None, .. }) => true,
        _ => false,
    }
}

/// Forgets `tp` (it is being freed: its address may hold another type next).
///
/// # Safety
/// The GIL is held.
pub(crate) unsafe fn forget(tp: *mut PyTypeObject) {
    if let Some(memo) = (*(&raw mut MEMO)).as_mut() {
        memo.remove(&(tp as usize));
    }
}

unsafe fn insert(key: usize, e: Entry) {
    let memo = (*(&raw mut MEMO)).get_or_insert_with(HashMap::default);
    if memo.len() >= MAX_BASES && !memo.contains_key(&key) {
        memo.clear();
    }
    memo.insert(key, e);
}

/// What a new class inherits from its base for the slots it does not define.
pub(crate) enum Inherited {
    /// The base's current slot values.
    BaseSlots,
    /// Per slot group, the value once computed.
    Values(Box<[Option<usize>]>),
}

impl Inherited {
    /// The inherited value of group `g` (slot at `slot` in the base), if known.
    ///
    /// # Safety
    /// For `BaseSlots`, `base_slot` is the address of the slot in the live base.
    pub(crate) unsafe fn get(&self, g: usize, base_slot: *mut *mut c_void) -> Option<*mut c_void> {
        match self {
            Inherited::BaseSlots => (!base_slot.is_null()).then(|| *base_slot),
            Inherited::Values(v) => v.get(g).copied().flatten().map(|p| p as *mut c_void),
        }
    }

    /// Keeps the computed value of group `g`.
    pub(crate) fn set(&mut self, g: usize, value: *mut c_void) {
        if let Inherited::Values(v) = self {
            if let Some(slot) = v.get_mut(g) {
                *slot = Some(value as usize);
            }
        }
    }
}

/// Forgets everything (the method cache is emptied: finalization, `PyType_ClearCache`).
pub(crate) fn clear() {
    // SAFETY: the GIL is held.
    unsafe {
        *(&raw mut MEMO) = None;
    }
}
