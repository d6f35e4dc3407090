//! Per-instruction caches of the eval loop (see docs/eval.md, "Speed").
//!
//! When a code object first runs, every `LOAD_GLOBAL` gets an entry in its code's cache
//! table, and the index is written into the instruction's first inline cache word (as the
//! argument of a `CACHE` word, so the words stay a valid instruction stream). The entry
//! remembers the value found with the version tags of the globals and builtins dicts it
//! was found under: every dict mutation takes a new process-wide version, so matching tags
//! mean the same dicts, unchanged, and the value is still alive (borrowed from the dict).
//!
//! `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD` sites get four `AttrEntry` ways (one per
//! receiver type: base-class methods see several subclasses), each keyed by the type's
//! version tag (withdrawn by `PyType_Modified` whenever a class dict, base or slot
//! changes, and never reused): for a name the type does not define, the index of the
//! instance dict entry holding it (instances of one class insert their attributes in the
//! same order, so one index serves them all; the entry's key is checked by identity); for
//! a `__slots__` member, its descriptor. A miss, or any other kind of attribute, takes the
//! generic protocol; a site that fails to fill waits a few executions before trying again.
//!
//! `LOAD_METHOD`, for a method descriptor of the type (a Python function, a C method) not
//! shadowed by the instance dict, pushes the descriptor and `self` instead of allocating a
//! bound method; `CALL` then passes `self` as the first argument.
use core::cell::{Cell, UnsafeCell};

use ferropy_compiler::opcode::Op;

use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::objects::dict::{self, PyDictObject};

/// What one `LOAD_GLOBAL` site last found.
#[derive(Clone, Copy)]
pub(crate) struct GlobalEntry {
    /// `ma_version_tag` of the globals the value was looked up in (0: empty entry).
    globals_version: u64,
    /// `ma_version_tag` of the builtins when the value came from them, else 0.
    builtins_version: u64,
    /// Borrowed from the dict it was found in.
    value: *mut PyObject,
}

const EMPTY: GlobalEntry = GlobalEntry { globals_version: 0, builtins_version: 0, value: core::ptr::null_mut() };

/// What one attribute site last found (see the module comment).
#[derive(Clone, Copy)]
pub(crate) struct AttrEntry {
    /// The type's `tp_version_tag` (0: empty entry; tags start at 1).
    tp_version: u32,
    kind: u8,
    /// (Way 0 only) executions to skip before trying to fill again after a failed fill.
    cooldown: u8,
    /// (Way 0 only) the way the next fill for a new type replaces when all are taken.
    victim: u8,
    /// `DICT`: the instance dict entry index.
    index: u32,
    /// `MEMBER`, `METHOD`: the type's descriptor (borrowed; alive while the tag matches).
    descr: *mut PyObject,
}

const EMPTY_ATTR: AttrEntry = AttrEntry { tp_version: 0, kind: 0, cooldown: 0, victim: 0, index: 0, descr: core::ptr::null_mut() };
/// Entries (ways) per attribute site, one per receiver type: a method of a base class
/// runs on instances of several subclasses.
const WAYS: usize = 4;
/// The type has no attribute of the name: it is in the instance dict at `index`.
const DICT: u8 = 1;
/// A `__slots__` member descriptor.
const MEMBER: u8 = 2;
/// A method descriptor (for `LOAD_METHOD`).
const METHOD: u8 = 3;
/// (Way 0, for exact module receivers) the name's entry index in the module's dict.
const MODULE: u8 = 4;
const COOLDOWN: u8 = 32;

/// The cache table of one code object (owned by its `CodeRt`). Code objects are shared
/// between threads only under the GIL, which every access holds.
pub(crate) struct Caches {
    globals: UnsafeCell<Box<[GlobalEntry]>>,
    attrs: UnsafeCell<Box<[AttrEntry]>>,
    /// Entries the tables get when the code first runs: most code objects made by an
    /// import never run, so their sites are not even numbered until then (`UNNUMBERED`).
    nglobals: Cell<u32>,
    nattrs: Cell<u32>,
    /// The instruction words whose cache words take the site numbers (the `CodeRt`'s
    /// unit's own, which it holds alone and never moves).
    words: *mut u32,
    nwords: usize,
    /// `LOAD_NAME`/`STORE_NAME`: per name (index into `co_names`), the entry index in the
    /// locals dict where the name was last found (a hint checked by key identity, see
    /// `name_hint`); allocated on first use.
    name_hints: UnsafeCell<Box<[u32]>>,
}

/// `nglobals`/`nattrs` before the sites are numbered: no table has this length, so the
/// first `globals_ptr`/`attrs_ptr` takes the cold path, which numbers them.
const UNNUMBERED: u32 = u32::MAX;

impl Caches {
    /// The caches of `words`, whose sites are numbered when the code first runs.
    ///
    /// # Safety
    /// `words` stays valid (and is written only through this table) while it lives.
    pub(crate) unsafe fn new(words: *mut u32, nwords: usize) -> Caches {
        Caches {
            globals: UnsafeCell::new(Box::default()),
            attrs: UnsafeCell::new(Box::default()),
            nglobals: Cell::new(UNNUMBERED),
            nattrs: Cell::new(UNNUMBERED),
            words,
            nwords,
            name_hints: UnsafeCell::new(Box::default()),
        }
    }

    /// Numbers the cached sites (writing each site's index into its first cache word) if
    /// that was not done yet. Equal code numbers alike, so numbered words compare and
    /// hash as the compiler's words do (code_replace.rs calls this before it compares).
    pub(crate) fn ensure_numbered(&self) {
        if self.nglobals.get() == UNNUMBERED {
            // SAFETY: `words` is valid (see `new`); the GIL serialises all access, and no
            // frame runs the words before they are numbered.
            let (n, na) = assign(unsafe { core::slice::from_raw_parts_mut(self.words, self.nwords) });
            self.nglobals.set(n);
            self.nattrs.set(na);
        }
    }

    /// The first global entry (indexed by the cache word of a `LOAD_GLOBAL`).
    #[inline(always)]
    pub(crate) fn globals_ptr(&self) -> *mut GlobalEntry {
        // SAFETY: the GIL serialises all access.
        unsafe {
            let table = &mut *self.globals.get();
            if table.len() != self.nglobals.get() as usize {
                self.first_run(table, EMPTY, |c| c.nglobals.get());
            }
            table.as_mut_ptr()
        }
    }

    /// The first attribute entry (the cache word of an attribute instruction is the index
    /// of its site's first way).
    #[inline(always)]
    pub(crate) fn attrs_ptr(&self) -> *mut AttrEntry {
        // SAFETY: the GIL serialises all access.
        unsafe {
            let table = &mut *self.attrs.get();
            if table.len() != self.nattrs.get() as usize {
                self.first_run(table, EMPTY_ATTR, |c| c.nattrs.get());
            }
            table.as_mut_ptr()
        }
    }

    /// `globals_ptr` once the table exists (the eval loop makes it when it loads a frame,
    /// so its instructions skip the length check).
    #[inline(always)]
    pub(crate) fn globals_made(&self) -> *mut GlobalEntry {
        // SAFETY: the GIL serialises all access; the table is never replaced once made.
        unsafe { (*self.globals.get()).as_mut_ptr() }
    }

    /// `attrs_ptr` once the table exists (see `globals_made`).
    #[inline(always)]
    pub(crate) fn attrs_made(&self) -> *mut AttrEntry {
        // SAFETY: as `globals_made`.
        unsafe { (*self.attrs.get()).as_mut_ptr() }
    }
}

impl Caches {
    /// A table's first use: the sites numbered if they are not yet, and its empty entries.
    #[cold]
    #[inline(never)]
    fn first_run<T: Copy>(&self, table: &mut Box<[T]>, empty: T, len: impl Fn(&Caches) -> u32) {
        self.ensure_numbered();
        *table = empty_table(empty, len(self));
    }
}

/// Numbers the cached sites of `words` (writing each site's index into its first cache
/// word): (global entries, attribute entries).
fn assign(words: &mut [u32]) -> (u32, u32) {
    let mut n = 0u32;
    let mut na = 0u32;
    let mut i = 0;
    while i < words.len() {
        let Some(op) = Op::from_u8(words[i] as u8) else {
            i += 1;
            continue;
        };
        if op == Op::LOAD_GLOBAL && i + 1 < words.len() {
            words[i + 1] = Op::CACHE as u32 | (n << 8);
            n += 1;
        } else if matches!(op, Op::LOAD_ATTR | Op::STORE_ATTR | Op::LOAD_METHOD) && i + 1 < words.len() {
            words[i + 1] = Op::CACHE as u32 | ((na * WAYS as u32) << 8);
            na += 1;
        }
        i += 1 + op.cache_words() as usize;
    }
    (n, na * WAYS as u32)
}

impl Caches {
    /// The hint slot of name `i` of a code object with `nnames` names. Module and class
    /// bodies run `LOAD_NAME`/`STORE_NAME` on their namespace dict; the slot remembers
    /// the name's entry index in that dict, so a hit is one key-identity check
    /// (`dict::value_at`, `dict::replace_at`) instead of a hash probe. Any dict may be
    /// checked against any hint: an index whose entry holds another key is a miss.
    #[inline]
    pub(crate) fn name_hint(&self, i: usize, nnames: usize) -> Option<&mut u32> {
        // SAFETY: the GIL serialises all access.
        unsafe {
            let table = &mut *self.name_hints.get();
            if table.len() != nnames {
                *table = empty_table(u32::MAX, nnames as u32);
            }
            table.get_mut(i)
        }
    }
}

/// A table of `n` empty entries (made when the code first runs).
#[cold]
#[inline(never)]
fn empty_table<T: Copy>(empty: T, n: u32) -> Box<[T]> {
    vec![empty; n as usize].into_boxed_slice()
}

#[inline(always)]
unsafe fn version(d: *mut PyObject) -> u64 {
    (*(d as *mut PyDictObject)).ma_version_tag
}

/// `LOAD_GLOBAL`'s lookup through the entry `e`: a borrowed value on a hit, `None` on a
/// miss (the caller then runs `fill_global`).
///
/// # Safety
/// `e` is this site's entry; `globals` and `builtins` are the frame's.
#[inline(always)]
pub(crate) unsafe fn cached_global(e: *const GlobalEntry, globals: *mut PyObject, builtins: *mut PyObject) -> Option<*mut PyObject> {
    let e = &*e;
    if e.globals_version == version(globals) && (e.builtins_version == 0 || e.builtins_version == version(builtins)) {
        return Some(e.value);
    }
    None
}

/// Looks `name` up in exact-dict globals then builtins and records the result in `e`;
/// `Ok(None)` when the name is in neither, or when a namespace is not an exact dict
/// (nothing is cached then and the caller takes the generic path).
///
/// # Safety
/// As `cached_global`; `name` is a str.
#[inline(never)]
pub(crate) unsafe fn fill_global(
    e: *mut GlobalEntry,
    globals: *mut PyObject,
    builtins: *mut PyObject,
    name: *mut PyObject,
) -> PyResult<Option<*mut PyObject>> {
    if !dict::is_exact(globals) || !dict::is_exact(builtins) {
        return Ok(None);
    }
    if let Some(v) = dict::get_item(globals, name)? {
        *e = GlobalEntry { globals_version: version(globals), builtins_version: 0, value: v };
        return Ok(Some(v));
    }
    if let Some(v) = dict::get_item(builtins, name)? {
        // Looking up in builtins cannot change globals (str keys compare without Python
        // code), but take the version afterwards anyway: it is what must match next time.
        *e = GlobalEntry { globals_version: version(globals), builtins_version: version(builtins), value: v };
        return Ok(Some(v));
    }
    Ok(None)
}

/// `LOAD_METHOD` without the bound method: `Some((descriptor, self))` as new references
/// when `obj`'s type uses the generic attribute lookup and `name` is a method descriptor
/// of the type not shadowed by the instance dict; `None` for the generic path.
///
/// # Safety
/// `obj` is live, `name` a str.
#[inline]
pub(crate) unsafe fn unbound_method(obj: *mut PyObject, name: *mut PyObject) -> Option<*mut PyObject> {
    use crate::object::generic_getattr::{dict_ptr, PyObject_GenericGetAttr};
    use crate::object::typeobject::Py_TPFLAGS_METHOD_DESCRIPTOR;
    let tp = (*obj).ob_type;
    let generic: unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject = PyObject_GenericGetAttr;
    if (*tp).tp_getattro.map(|f| f as usize) != Some(generic as usize) || (*tp).tp_dict.is_null() {
        return None;
    }
    let d = match crate::object::type_cache::lookup(tp, name) {
        Ok(d) => d?,
        Err(_) => {
            // The generic path meets the same error again and reports it.
            crate::errors::pyerr::PyErr_Clear();
            return None;
        }
    };
    if (*(*d).ob_type).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR == 0 {
        return None;
    }
    let dp = dict_ptr(obj);
    if !dp.is_null() && !(*dp).is_null() {
        // An instance attribute of that name wins; the generic path finds it.
        match dict::get_item(*dp, name) {
            Ok(None) => {}
            Ok(Some(_)) => return None,
            Err(_) => {
                crate::errors::pyerr::PyErr_Clear();
                return None;
            }
        }
    }
    (*d).ob_refcnt += 1;
    Some(d)
}

type GetAttro = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
type SetAttro = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> core::ffi::c_int;

#[inline(always)]
unsafe fn generic_getattro(tp: *mut crate::object::typeobject::PyTypeObject) -> bool {
    let g: GetAttro = crate::object::generic_getattr::PyObject_GenericGetAttr;
    (*tp).tp_getattro.map(|f| f as usize) == Some(g as usize)
}

#[inline(always)]
unsafe fn generic_setattro(tp: *mut crate::object::typeobject::PyTypeObject) -> bool {
    let g: SetAttro = crate::object::generic_getattr::PyObject_GenericSetAttr;
    (*tp).tp_setattro.map(|f| f as usize) == Some(g as usize)
}

/// The instance dict of `obj`, or NULL.
#[inline(always)]
unsafe fn instance_dict(obj: *mut PyObject) -> *mut PyObject {
    let p = crate::object::generic_getattr::dict_ptr(obj);
    if p.is_null() { core::ptr::null_mut() } else { *p }
}

/// The site's way for `obj`'s type, or NULL.
#[inline(always)]
unsafe fn way_for(site: *mut AttrEntry, obj: *mut PyObject) -> *mut AttrEntry {
    let v = (*(*obj).ob_type).tp_version_tag;
    if v != 0 {
        for k in 0..WAYS {
            if (*site.add(k)).tp_version == v {
                return site.add(k);
            }
        }
    }
    core::ptr::null_mut()
}

/// Whether to try filling the site now (false while cooling down after a failure).
#[inline(always)]
unsafe fn may_fill(site: *mut AttrEntry) -> bool {
    let s0 = &mut *site;
    if s0.cooldown > 0 {
        s0.cooldown -= 1;
        return false;
    }
    true
}

/// Fills a way of `site` for `obj`'s type: the way that type already has (stale), else an
/// empty one, else the next in turn.
#[inline(never)]
unsafe fn fill_site(site: *mut AttrEntry, obj: *mut PyObject, name: *mut PyObject, for_store: bool, want_method: bool) {
    let mut e = way_for(site, obj);
    if e.is_null() {
        e = (0..WAYS).map(|k| site.add(k)).find(|&w| (*w).tp_version == 0).unwrap_or_else(|| {
            let s0 = &mut *site;
            let k = s0.victim as usize % WAYS;
            s0.victim = s0.victim.wrapping_add(1);
            site.add(k)
        });
    }
    let (cooldown, victim) = ((*site).cooldown, (*site).victim);
    let ok = fill_attr(&mut *e, obj, name, for_store, want_method);
    (*site).victim = victim;
    (*site).cooldown = if ok { cooldown } else { COOLDOWN };
}

/// Records what `name` is for `obj`'s type: `for_store` needs a generic `tp_setattro`,
/// else a generic `tp_getattro`; `want_method` also accepts method descriptors. Leaves the
/// entry empty (cooling down) when the attribute is of no cached kind. Never raises.
unsafe fn fill_attr(e: &mut AttrEntry, obj: *mut PyObject, name: *mut PyObject, for_store: bool, want_method: bool) -> bool {
    use crate::object::typeobject::{Py_TPFLAGS_METHOD_DESCRIPTOR, Py_TPFLAGS_VALID_VERSION_TAG};
    *e = EMPTY_ATTR;
    let tp = (*obj).ob_type;
    let generic = if for_store { generic_setattro(tp) } else { generic_getattro(tp) };
    if !generic || (*tp).tp_dict.is_null() || !crate::objects::str::is_str(name) {
        return false;
    }
    let descr = match crate::object::type_cache::lookup(tp, name) {
        Ok(d) => d,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            return false;
        }
    };
    // The lookup gave the type a version tag if it could.
    if (*tp).tp_flags & Py_TPFLAGS_VALID_VERSION_TAG == 0 {
        return false;
    }
    let (kind, index) = match descr {
        None => {
            let d = instance_dict(obj);
            if d.is_null() {
                return false;
            }
            match dict::index_of(d, name) {
                Ok(Some(ix)) if ix <= u32::MAX as usize => (DICT, ix as u32),
                Ok(_) => return false,
                Err(_) => {
                    crate::errors::pyerr::PyErr_Clear();
                    return false;
                }
            }
        }
        Some(d) if (*d).ob_type == &raw mut crate::object::descr_objects::PyMemberDescr_Type => (MEMBER, 0),
        Some(d) if want_method && (*(*d).ob_type).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR != 0 => (METHOD, 0),
        Some(_) => return false,
    };
    *e = AttrEntry { tp_version: (*tp).tp_version_tag, kind, cooldown: 0, victim: 0, index, descr: descr.unwrap_or(core::ptr::null_mut()) };
    true
}

/// `LOAD_ATTR` through the site's entry: `Some(result)` (a new reference) on a hit,
/// `None` for the generic path.
///
/// # Safety
/// `e` is this site's entry; `obj` live, `name` the instruction's name.
#[inline(always)]
pub(crate) unsafe fn load_attr(site: *mut AttrEntry, obj: *mut PyObject, name: *mut PyObject) -> Option<PyResult<*mut PyObject>> {
    let e = way_for(site, obj);
    match if e.is_null() { 0 } else { (*e).kind } {
        DICT => {
            let d = instance_dict(obj);
            if !d.is_null() {
                if let Some(v) = dict::value_at(d, name, (*e).index as usize) {
                    (*v).ob_refcnt += 1;
                    return Some(Ok(v));
                }
            }
        }
        MEMBER => return Some(crate::object::descr_objects::member_read((*e).descr, obj).map(|r| r.into_ptr())),
        _ => {}
    }
    if may_fill(site) {
        fill_site(site, obj, name, false, false);
    }
    None
}

/// `STORE_ATTR` through the site's entry: `Some(result)` on a hit, `None` for the generic
/// path. Takes no reference.
///
/// # Safety
/// As `load_attr`; `v` live.
#[inline(always)]
pub(crate) unsafe fn store_attr(site: *mut AttrEntry, obj: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> Option<PyResult<()>> {
    let e = way_for(site, obj);
    match if e.is_null() { 0 } else { (*e).kind } {
        DICT => {
            let d = instance_dict(obj);
            if !d.is_null() && dict::replace_at(d, name, (*e).index as usize, v) {
                return Some(Ok(()));
            }
        }
        MEMBER => return Some(crate::object::descr_objects::member_write((*e).descr, obj, v)),
        _ => {}
    }
    if may_fill(site) {
        fill_site(site, obj, name, true, false);
    }
    None
}

/// `LOAD_METHOD` through the site's entry: `Some(descriptor)` (a new reference) when the
/// call can pass `obj` as `self`; `None` for the generic path.
///
/// # Safety
/// As `load_attr`.
#[inline(always)]
pub(crate) unsafe fn load_method(site: *mut AttrEntry, obj: *mut PyObject, name: *mut PyObject) -> Option<*mut PyObject> {
    let e = way_for(site, obj);
    if !e.is_null() && (*e).kind == METHOD {
        let d = instance_dict(obj);
        // An instance attribute of that name wins; the generic path finds it.
        let shadowed = !d.is_null() && (*(d as *mut PyDictObject)).ma_used != 0 && !matches!(dict::get_item(d, name), Ok(None));
        if !shadowed {
            (*(*e).descr).ob_refcnt += 1;
            return Some((*e).descr);
        }
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            crate::errors::pyerr::PyErr_Clear();
        }
        return None;
    }
    if may_fill(site) {
        fill_site(site, obj, name, false, true);
    }
    unbound_method(obj, name)
}

/// `LOAD_ATTR`/`LOAD_METHOD` on an exact module (`math.sqrt`, `struct.pack`): the value
/// (a new reference) when way 0 of the site holds the entry index of `name` in the
/// module's dict and that entry still holds exactly `name`; `None` for the generic path.
/// Modules have their own `tp_getattro`, so the type-keyed ways never cache them.
///
/// # Safety
/// `site` is the instruction's site; `obj` an exact module.
#[inline(always)]
pub(crate) unsafe fn load_module_attr(site: *mut AttrEntry, obj: *mut PyObject, name: *mut PyObject) -> Option<*mut PyObject> {
    let e = &*site;
    let d = (*(obj as *mut crate::objects::module::PyModuleObject)).md_dict;
    if e.kind != MODULE || d.is_null() {
        return None;
    }
    let v = dict::value_at(d, name, e.index as usize)?;
    (*v).ob_refcnt += 1;
    Some(v)
}

/// After the generic lookup of `name` on the exact module `obj` gave `value`: when that is
/// the module dict's entry, remembers its index in way 0. Names starting with `_` are left
/// out: only `ModuleType`'s and `object`'s (dunder) attributes could take precedence over
/// the dict, and every other name is found there first.
///
/// # Safety
/// As `load_module_attr`; `value` live.
#[inline(never)]
pub(crate) unsafe fn fill_module_attr(site: *mut AttrEntry, obj: *mut PyObject, name: *mut PyObject, value: *mut PyObject) {
    let d = (*(obj as *mut crate::objects::module::PyModuleObject)).md_dict;
    if d.is_null() || !dict::is_exact(d) || crate::objects::str::data_bytes(name).first() == Some(&b'_') {
        return;
    }
    let Ok(Some(ix)) = dict::index_of(d, name) else {
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            crate::errors::pyerr::PyErr_Clear();
        }
        return;
    };
    if dict::value_at(d, name, ix) == Some(value) {
        let s0 = &mut *site;
        *s0 = AttrEntry { tp_version: 0, kind: MODULE, cooldown: s0.cooldown, victim: s0.victim, index: ix as u32, descr: core::ptr::null_mut() };
    }
}
