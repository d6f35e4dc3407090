//! Start-up memory: mimalloc asks for transparent huge pages (`madvise(MADV_HUGEPAGE)`) on
//! its first arena, so on kernels where THP is in `madvise` mode (the common default) the
//! first allocation makes two 2 MiB pages resident — 4 MiB of RSS before Python holds
//! anything, more than the rest of an initialized runtime. An embedded interpreter should
//! be small, so THP is off unless the user asks for it (`MIMALLOC_ALLOW_THP=1`).
//! Set from an `.init_array` constructor: before any allocation of ours.
//! (This belongs with the allocator in src/object/pymem.rs; it is here only because that
//! file has another owner.)
use core::ffi::{c_int, c_long};

extern "C" {
    fn mi_option_set(option: c_int, value: c_long);
    fn mi_collect(force: bool);
}

/// `mi_option_allow_thp` in the vendored mimalloc v3 (libmimalloc-sys 0.1.49): its position
/// in `mi_option_e`. Check it when upgrading mimalloc.
const MI_OPTION_ALLOW_THP: c_int = 43;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[used]
#[link_section = ".init_array"]
static NO_THP_BY_DEFAULT: unsafe extern "C" fn() = no_thp_by_default;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
unsafe extern "C" fn no_thp_by_default() {
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        mi_option_set(MI_OPTION_ALLOW_THP, 0);
    }
}

/// Gives back to the system the pages start-up used only for a while (source text, compiler
/// trees, the strings of cached units before they were stripped, tables that were resized):
/// called once an initialization is complete, so an embedder's resident set is what the
/// runtime holds, not its high-water mark.
pub(crate) fn release_startup_pages() {
    // SAFETY: mimalloc's collection of the calling thread's heap; any thread may call it.
    unsafe { mi_collect(true) }
}
