//! `_PyRuntime`: CPython 3.11's runtime-state variable, exported with its size and layout
//! for extension modules built with `Py_BUILD_CORE_MODULE` (most of lib-dynload: `_ctypes`,
//! `_pickle`, `_datetime`, `_asyncio`, `_lsprof`, `_zoneinfo`, `_curses`...). Their inline
//! internal helpers read it directly:
//! - `_PyThreadState_GET()` loads `gilstate.tstate_current` (then `recursion_remaining` of
//!   the thread state, whose layout is CPython's);
//! - `_PyLong_GetZero()`/`_PyLong_GetOne()` take the address of a small int;
//! - `_Py_ID(name)`/`_Py_STR(name)` take the address of a static str.
//!
//! ferropy's small-int cache *is* `small_ints` here (int.rs reaches it through
//! `small_ints_base`), so `0` made by a module and by ferropy are one object. The current
//! thread state is mirrored into `tstate_current` by `pystate::swap`. The 325 global
//! strings are written and interned first thing when the interned table is made, so each
//! is ferropy's interned string of its text (~20 KB of `_PyRuntime`). The single
//! characters, bytes and empty tuple (~40 KB more) are written only when an extension
//! module is first loaded (`ensure_static_objects`): a run without one never touches them.
//! The rest of the struct stays zero: no module we load reads it (see docs/dynload.md,
//! "`_PyRuntime`", for how that was checked).
use crate::objects::bytes::PyBytes_Type;
use crate::objects::int::{small_ints, PyLongObject, NSMALL};
use crate::objects::str::{PyASCIIObject, PyCompactUnicodeObject, PyUnicode_Type};
use crate::objects::tuple::PyTuple_Type;
use crate::runtime::pyruntime_compat_layout as layout;
use crate::runtime::threadstate::PyThreadState;
use core::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// The refcount of the static objects: high enough that no sequence of decrefs frees them
/// (CPython 3.11 gives its static objects 999999999 for the same reason).
const STATIC_REFCNT: isize = 1 << 40;

/// `_PyRuntimeState` with the fields ferropy maintains typed and the rest opaque bytes at
/// CPython's offsets (checked below against the generated layout).
#[repr(C)]
pub struct PyRuntimeCompat {
    _head: [u8; layout::OFF_TSTATE_CURRENT],
    /// `gilstate.tstate_current`.
    tstate_current: AtomicPtr<PyThreadState>,
    _middle: [u8; layout::OFF_SMALL_INTS - layout::OFF_TSTATE_CURRENT - 8],
    /// `global_objects.singletons.small_ints`: ferropy's small-int cache.
    small_ints: [PyLongObject; NSMALL],
    _tail: [u8; layout::SIZE - layout::OFF_SMALL_INTS - NSMALL * layout::SMALL_INT_SIZE],
}

const _: () = {
    assert!(core::mem::size_of::<PyRuntimeCompat>() == layout::SIZE);
    assert!(core::mem::align_of::<PyRuntimeCompat>() == layout::ALIGN);
    assert!(core::mem::size_of::<PyLongObject>() == layout::SMALL_INT_SIZE);
    assert!(core::mem::offset_of!(PyRuntimeCompat, tstate_current) == layout::OFF_TSTATE_CURRENT);
    assert!(core::mem::offset_of!(PyRuntimeCompat, small_ints) == layout::OFF_SMALL_INTS);
};

/// `_PyRuntimeState _PyRuntime` (internal API; not declared in our headers).
#[no_mangle]
pub static mut _PyRuntime: PyRuntimeCompat = PyRuntimeCompat {
    _head: [0; layout::OFF_TSTATE_CURRENT],
    tstate_current: AtomicPtr::new(core::ptr::null_mut()),
    _middle: [0; layout::OFF_SMALL_INTS - layout::OFF_TSTATE_CURRENT - 8],
    small_ints: small_ints(),
    _tail: [0; layout::SIZE - layout::OFF_SMALL_INTS - NSMALL * layout::SMALL_INT_SIZE],
};

// `_PyRuntime` under a second, hidden name at the same address (an assembler alias: the
// static above is defined in this module's object, which lets `.set` make a real symbol;
// were it not, the link would fail on an undefined `ferropy_runtime_local`).
#[cfg(target_arch = "x86_64")]
core::arch::global_asm!(
    ".globl ferropy_runtime_local",
    ".hidden ferropy_runtime_local",
    ".set ferropy_runtime_local, {runtime}",
    runtime = sym _PyRuntime,
);

#[cfg(target_arch = "x86_64")]
extern "C" {
    // Only its address is used (`sym` in `runtime`).
    static ferropy_runtime_local: u8;
}

/// The address of `_PyRuntime` for ferropy's own code, without a GOT load.
///
/// The exported name can be preempted, so rustc reaches it through the GOT (one load per
/// `PyLong_FromLong` of a small value), and rustc does not emit the relocations a linker
/// could relax into a `lea`. The hidden alias binds inside the library, so a PC-relative
/// `lea` of it is valid. The one difference from the GOT: a non-PIC program referencing
/// `_PyRuntime` itself would get a copy relocation that this address does not follow; only
/// `Py_BUILD_CORE` code references it, and that is built as shared objects.
#[inline(always)]
fn runtime() -> *mut PyRuntimeCompat {
    #[cfg(target_arch = "x86_64")]
    {
        let p: *mut PyRuntimeCompat;
        // SAFETY: computes an address; reads and writes nothing.
        unsafe {
            core::arch::asm!(
                "lea {p}, [rip + {rt}]",
                p = out(reg) p,
                rt = sym ferropy_runtime_local,
                options(pure, nomem, nostack, preserves_flags),
            );
        }
        p
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        &raw mut _PyRuntime
    }
}

/// The first of the cached small ints (-5), inside `_PyRuntime`.
#[inline(always)]
pub(crate) fn small_ints_base() -> *mut PyLongObject {
    // SAFETY: only the address is taken.
    unsafe { (&raw mut (*runtime()).small_ints).cast() }
}

/// Mirrors the current thread state for `_PyThreadState_GET()` in modules.
#[inline(always)]
pub(crate) fn set_tstate_current(tstate: *mut PyThreadState) {
    // SAFETY: an atomic field of a static; only this field is touched.
    unsafe { (*(&raw const (*runtime()).tstate_current)).store(tstate, Ordering::Relaxed) }
}

/// Whether the static single characters, bytes and empty tuple are written.
static OBJECTS_READY: AtomicBool = AtomicBool::new(false);

fn base() -> *mut u8 {
    runtime().cast()
}

/// Writes the global strings and interns them: called when the interned table is made
/// (early in each initialization), so that each is *the* interned string of its text and
/// `_Py_ID(read)` in a module is the `"read"` of ferropy's code objects.
///
/// # Safety
/// The GIL is held (or the runtime is being initialized by this thread).
pub(crate) unsafe fn intern_global_strings() {
    for (offset, text) in layout::GLOBAL_STRINGS.iter() {
        let at = base().add(*offset);
        write_ascii(at, text.as_bytes());
        crate::objects::str::intern_runtime_static(at.cast());
    }
}

/// Writes the other static objects (single-character strs and bytes, empty bytes and
/// tuple), once: called before an extension module's shared object is loaded, as only such
/// modules read them.
pub(crate) fn ensure_static_objects() {
    if OBJECTS_READY.load(Ordering::Acquire) {
        return;
    }
    // SAFETY: the GIL is held; every object written lies inside `_PyRuntime` at the
    // generated offsets (bounds checked by the unit test below).
    unsafe {
        for c in 0..128u8 {
            write_ascii(base().add(layout::OFF_STRINGS_ASCII + c as usize * layout::ASCII_STRIDE), &[c]);
        }
        for c in 128..=255u8 {
            let at = layout::OFF_STRINGS_LATIN1 + (c as usize - 128) * layout::LATIN1_STRIDE;
            write_latin1(base().add(at), c);
        }
        write_bytes(base().add(layout::OFF_BYTES_EMPTY), None);
        for c in 0..=255u8 {
            write_bytes(base().add(layout::OFF_BYTES_CHARACTERS + c as usize * layout::BYTES_CHAR_STRIDE), Some(c));
        }
        write_empty_tuple(base().add(layout::OFF_TUPLE_EMPTY));
    }
    OBJECTS_READY.store(true, Ordering::Release);
}

/// The runtime was finalized: the next initialization may use another hash secret, so the
/// static objects are written again (with their hashes reset) when next needed.
pub(crate) fn forget_static_objects() {
    OBJECTS_READY.store(false, Ordering::Release);
}

/// A static compact ASCII str (`PyASCIIObject` + data + NUL) at `at`.
unsafe fn write_ascii(at: *mut u8, text: &[u8]) {
    let s = at.cast::<PyASCIIObject>();
    let ob = &mut (*s).ob_base;
    ob.ob_refcnt = STATIC_REFCNT;
    ob.ob_type = &raw mut PyUnicode_Type;
    (*s).length = text.len() as isize;
    (*s).hash = -1;
    (*s).state = 0;
    (*s).set_kind(1);
    (*s).set_compact(true);
    (*s).set_ascii(true);
    (*s).set_ready(true);
    let data = at.add(core::mem::size_of::<PyASCIIObject>());
    core::ptr::copy_nonoverlapping(text.as_ptr(), data, text.len());
    *data.add(text.len()) = 0;
}

/// A static compact one-character Latin-1 str (U+0080..U+00FF) at `at`. Its UTF-8 form is
/// made on demand (as for any compact non-ASCII str) and then kept.
unsafe fn write_latin1(at: *mut u8, c: u8) {
    let s = at.cast::<PyCompactUnicodeObject>();
    let a = &mut (*s)._base;
    a.ob_base.ob_refcnt = STATIC_REFCNT;
    a.ob_base.ob_type = &raw mut PyUnicode_Type;
    a.length = 1;
    a.hash = -1;
    if a.state == 0 {
        (*s).utf8_length = 0;
        (*s).utf8 = core::ptr::null_mut();
        (*s).wstr_length = 0;
    }
    a.state = 0;
    a.set_kind(1);
    a.set_compact(true);
    a.set_ready(true);
    let data = at.add(core::mem::size_of::<PyCompactUnicodeObject>());
    *data = c;
    *data.add(1) = 0;
}

/// A static bytes object at `at`: empty, or the one byte `c`, NUL-terminated.
unsafe fn write_bytes(at: *mut u8, c: Option<u8>) {
    let b = at.cast::<crate::objects::bytes::PyBytesObject>();
    (*b).ob_base.ob_base.ob_refcnt = STATIC_REFCNT;
    (*b).ob_base.ob_base.ob_type = &raw mut PyBytes_Type;
    (*b).ob_base.ob_size = c.is_some() as isize;
    (*b).ob_shash = -1;
    let data = (&raw mut (*b).ob_sval).cast::<u8>();
    match c {
        Some(c) => {
            *data = c;
            *data.add(1) = 0;
        }
        None => *data = 0,
    }
}

/// The static empty tuple at `at` (never GC-tracked: its GC header stays zero).
unsafe fn write_empty_tuple(at: *mut u8) {
    let t = at.cast::<crate::object::object::PyVarObject>();
    (*t).ob_base.ob_refcnt = STATIC_REFCNT;
    (*t).ob_base.ob_type = &raw mut PyTuple_Type;
    (*t).ob_size = 0;
}

/// `_Py_ID(name)` as a module sees it: the static str for identifier `name` (tests).
#[cfg(test)]
pub(crate) fn global_string(text: &str) -> Option<*mut crate::object::object::PyObject> {
    layout::GLOBAL_STRINGS.iter().find(|(_, t)| *t == text).map(|(o, _)| unsafe { base().add(*o).cast() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_strings_fit_their_slots() {
        // Each string's slot runs to the next one (they are laid out in order): header,
        // text and NUL must fit.
        let mut offsets: Vec<(usize, &str)> = layout::GLOBAL_STRINGS.to_vec();
        offsets.sort();
        for w in offsets.windows(2) {
            let need = core::mem::size_of::<PyASCIIObject>() + w[0].1.len() + 1;
            assert!(w[0].0 + need <= w[1].0, "{:?} overlaps {:?}", w[0], w[1]);
        }
        let last = offsets.last().unwrap();
        assert!(last.0 + core::mem::size_of::<PyASCIIObject>() + last.1.len() + 1 <= layout::OFF_STRINGS_ASCII);
        assert!(layout::OFF_STRINGS_LITERALS >= layout::OFF_STRINGS);
        assert!(layout::OFF_TUPLE_EMPTY + 24 <= layout::OFF_MAIN_INTERPRETER);
        assert!(layout::OFF_STRINGS_LATIN1 + 128 * layout::LATIN1_STRIDE <= layout::OFF_TUPLE_EMPTY);
        assert!(layout::OFF_BYTES_CHARACTERS + 256 * layout::BYTES_CHAR_STRIDE <= layout::OFF_STRINGS);
        assert!(global_string("read").is_some());
        assert!(global_string("__name__").is_some());
    }

    #[test]
    fn layout_table_matches_cpython_headers() {
        // Regenerates the table from CPython's internal headers and compares.
        let root = env!("CARGO_MANIFEST_DIR");
        let status = std::process::Command::new("python3")
            .arg(format!("{root}/tools/gen_pyruntime_layout.py"))
            .arg("--check")
            .status()
            .expect("python3 runs");
        assert!(status.success(), "src/runtime/pyruntime_compat_layout.rs is stale");
    }

    #[test]
    fn local_name_is_the_exported_static() {
        assert_eq!(base() as usize, (&raw const _PyRuntime) as usize);
    }

    #[test]
    fn small_ints_are_ferropys_cache() {
        let zero = crate::objects::int::small_int(0);
        assert_eq!(zero as usize, base() as usize + layout::OFF_SMALL_INTS + 5 * layout::SMALL_INT_SIZE);
    }
}
