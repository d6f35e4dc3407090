//! The three allocator domains of pymem.h/objimpl.h (`PyMem_Raw*`, `PyMem_*`,
//! `PyObject_*`) and `PyMem_GetAllocator`/`PyMem_SetAllocator`.
//!
//! Each domain is one `PyMemAllocatorEx` in a static. A public function checks the size
//! limits CPython checks, then makes one indirect call through its domain's allocator:
//! no lock, because CPython documents that an allocator must be installed before the
//! domain is used (and the raw domain's allocator must itself be thread-safe).
//!
//! The default allocator of all three domains is mimalloc: thread-safe (the raw domain
//! needs that), fast for the small blocks objects are made of (what pymalloc is for in
//! CPython), and one heap for all domains, so a block freed through the "wrong" domain
//! still goes back where it came from, as it does in CPython's default configuration.
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_void};
use core::ptr;

use libmimalloc_sys::{mi_free, mi_malloc, mi_realloc, mi_zalloc};

use crate::object::alloc::{PyMemAllocatorDomain, PyMemAllocatorEx, PyMemAllocatorName};
use crate::pyport::Py_ssize_t;

/// Largest request any domain accepts: CPython refuses sizes above `PY_SSIZE_T_MAX`
/// before reaching the allocator.
const MAX_REQUEST: usize = Py_ssize_t::MAX as usize;

/// One domain's allocator. C code replaces it with `PyMem_SetAllocator` before use, so
/// plain (unsynchronised) reads on the hot path are what CPython does too.
struct Domain(UnsafeCell<PyMemAllocatorEx>);

// SAFETY: written only by PyMem_SetAllocator/setup_allocators, which CPython's contract
// restricts to before the domain is in use (or under the GIL, for hooks).
unsafe impl Sync for Domain {}

impl Domain {
    #[inline(always)]
    fn get(&self) -> *mut PyMemAllocatorEx {
        self.0.get()
    }
}

const fn mimalloc_allocator() -> PyMemAllocatorEx {
    PyMemAllocatorEx {
        ctx: ptr::null_mut(),
        malloc: Some(mimalloc_malloc),
        calloc: Some(mimalloc_calloc),
        realloc: Some(mimalloc_realloc),
        free: Some(mimalloc_free),
    }
}

const fn libc_allocator() -> PyMemAllocatorEx {
    PyMemAllocatorEx {
        ctx: ptr::null_mut(),
        malloc: Some(libc_malloc),
        calloc: Some(libc_calloc),
        realloc: Some(libc_realloc),
        free: Some(libc_free),
    }
}

static RAW: Domain = Domain(UnsafeCell::new(mimalloc_allocator()));
static MEM: Domain = Domain(UnsafeCell::new(mimalloc_allocator()));
static OBJ: Domain = Domain(UnsafeCell::new(mimalloc_allocator()));

fn domain(d: PyMemAllocatorDomain) -> &'static Domain {
    match d {
        PyMemAllocatorDomain::PYMEM_DOMAIN_RAW => &RAW,
        PyMemAllocatorDomain::PYMEM_DOMAIN_MEM => &MEM,
        PyMemAllocatorDomain::PYMEM_DOMAIN_OBJ => &OBJ,
    }
}

/// `PyMemAllocatorDomain` as C passes it: a plain int, since C may pass a value outside the
/// enum (CPython defines what happens then) and a Rust enum may never hold one. The C
/// header names it `PyMemAllocatorDomain` (cbindgen.toml renames it).
pub type PyMemAllocatorDomain_int = core::ffi::c_int;

/// The domain C passed, or None for a value outside the enum (C can pass any int; a Rust
/// enum must never hold one, so the raw value is inspected first).
fn domain_from_c(raw: PyMemAllocatorDomain_int) -> Option<&'static Domain> {
    match raw {
        0 => Some(&RAW),
        1 => Some(&MEM),
        2 => Some(&OBJ),
        _ => None,
    }
}

// The default allocator. Zero-byte requests are made one byte so every call returns a
// distinct pointer (the contract of all three domains), whatever the allocator does.
unsafe extern "C" fn mimalloc_malloc(_ctx: *mut c_void, size: usize) -> *mut c_void {
    mi_malloc(if size == 0 { 1 } else { size })
}
unsafe extern "C" fn mimalloc_calloc(_ctx: *mut c_void, nelem: usize, elsize: usize) -> *mut c_void {
    // The callers have ruled out overflow of nelem * elsize.
    let n = nelem.wrapping_mul(elsize);
    mi_zalloc(if n == 0 { 1 } else { n })
}
unsafe extern "C" fn mimalloc_realloc(_ctx: *mut c_void, p: *mut c_void, size: usize) -> *mut c_void {
    mi_realloc(p, if size == 0 { 1 } else { size })
}
unsafe extern "C" fn mimalloc_free(_ctx: *mut c_void, p: *mut c_void) {
    mi_free(p)
}

// The C library's allocator (PYTHONMALLOC=malloc): what tools like valgrind see best.
unsafe extern "C" fn libc_malloc(_ctx: *mut c_void, size: usize) -> *mut c_void {
    libc::malloc(if size == 0 { 1 } else { size })
}
unsafe extern "C" fn libc_calloc(_ctx: *mut c_void, nelem: usize, elsize: usize) -> *mut c_void {
    if nelem == 0 || elsize == 0 {
        libc::calloc(1, 1)
    } else {
        libc::calloc(nelem, elsize)
    }
}
unsafe extern "C" fn libc_realloc(_ctx: *mut c_void, p: *mut c_void, size: usize) -> *mut c_void {
    libc::realloc(p, if size == 0 { 1 } else { size })
}
unsafe extern "C" fn libc_free(_ctx: *mut c_void, p: *mut c_void) {
    libc::free(p)
}

// The shared bodies of the three families. An allocator installed with a NULL function
// would make CPython jump to NULL; here the request fails (NULL) or is dropped (free).
#[inline(always)]
unsafe fn malloc_in(d: &Domain, size: usize) -> *mut c_void {
    if size > MAX_REQUEST {
        return ptr::null_mut();
    }
    let a = &*d.get();
    match a.malloc {
        Some(f) => f(a.ctx, size),
        None => ptr::null_mut(),
    }
}

#[inline(always)]
unsafe fn calloc_in(d: &Domain, nelem: usize, elsize: usize) -> *mut c_void {
    if elsize != 0 && nelem > MAX_REQUEST / elsize {
        return ptr::null_mut();
    }
    let a = &*d.get();
    match a.calloc {
        Some(f) => f(a.ctx, nelem, elsize),
        None => ptr::null_mut(),
    }
}

#[inline(always)]
unsafe fn realloc_in(d: &Domain, p: *mut c_void, size: usize) -> *mut c_void {
    if size > MAX_REQUEST {
        return ptr::null_mut();
    }
    let a = &*d.get();
    match a.realloc {
        Some(f) => f(a.ctx, p, size),
        None => ptr::null_mut(),
    }
}

/// Like CPython, free(NULL) still reaches the installed allocator (hooks may count it);
/// the default allocators ignore NULL.
#[inline(always)]
unsafe fn free_in(d: &Domain, p: *mut c_void) {
    let a = &*d.get();
    if let Some(f) = a.free {
        f(a.ctx, p)
    }
}

/// `void *PyMem_RawMalloc(size_t size)`: callable without the GIL.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMem_RawMalloc(size: usize) -> *mut c_void {
    malloc_in(&RAW, size)
}

/// `void *PyMem_RawCalloc(size_t nelem, size_t elsize)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMem_RawCalloc(nelem: usize, elsize: usize) -> *mut c_void {
    calloc_in(&RAW, nelem, elsize)
}

/// `void *PyMem_RawRealloc(void *ptr, size_t new_size)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMem_RawRealloc(p: *mut c_void, new_size: usize) -> *mut c_void {
    realloc_in(&RAW, p, new_size)
}

/// `void PyMem_RawFree(void *ptr)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMem_RawFree(p: *mut c_void) {
    free_in(&RAW, p)
}

/// `void *PyMem_Malloc(size_t size)`.
#[no_mangle]
pub unsafe extern "C" fn PyMem_Malloc(size: usize) -> *mut c_void {
    malloc_in(&MEM, size)
}

/// `void *PyMem_Calloc(size_t nelem, size_t elsize)`.
#[no_mangle]
pub unsafe extern "C" fn PyMem_Calloc(nelem: usize, elsize: usize) -> *mut c_void {
    calloc_in(&MEM, nelem, elsize)
}

/// `void *PyMem_Realloc(void *ptr, size_t new_size)`.
#[no_mangle]
pub unsafe extern "C" fn PyMem_Realloc(p: *mut c_void, new_size: usize) -> *mut c_void {
    realloc_in(&MEM, p, new_size)
}

/// `void PyMem_Free(void *ptr)`.
#[no_mangle]
pub unsafe extern "C" fn PyMem_Free(p: *mut c_void) {
    free_in(&MEM, p)
}

/// `void *PyObject_Malloc(size_t size)`: the object domain (objects and their buffers).
#[no_mangle]
pub unsafe extern "C" fn PyObject_Malloc(size: usize) -> *mut c_void {
    malloc_in(&OBJ, size)
}

/// `void *PyObject_Calloc(size_t nelem, size_t elsize)`.
#[cfg(not(limited_api_before_3_5))]
#[no_mangle]
pub unsafe extern "C" fn PyObject_Calloc(nelem: usize, elsize: usize) -> *mut c_void {
    calloc_in(&OBJ, nelem, elsize)
}

/// `void *PyObject_Realloc(void *ptr, size_t new_size)`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Realloc(p: *mut c_void, new_size: usize) -> *mut c_void {
    realloc_in(&OBJ, p, new_size)
}

/// `void PyObject_Free(void *ptr)`: also the usual `tp_free` of non-GC types.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Free(p: *mut c_void) {
    free_in(&OBJ, p)
}

/// `void PyMem_GetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator)`:
/// copies the domain's current allocator (the default one until a Set). An unknown domain
/// yields an all-NULL allocator, as in CPython; a NULL `allocator` is ignored.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMem_GetAllocator(domain: PyMemAllocatorDomain_int, allocator: *mut PyMemAllocatorEx) {
    if allocator.is_null() {
        return;
    }
    *allocator = match domain_from_c(domain) {
        Some(dom) => ptr::read(dom.get()),
        None => PyMemAllocatorEx { ctx: ptr::null_mut(), malloc: None, calloc: None, realloc: None, free: None },
    };
}

/// `void PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator)`:
/// installs a copy of `*allocator`; the public functions of the domain use it from now on.
/// An unknown domain is ignored, as in CPython; a NULL `allocator` too.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn PyMem_SetAllocator(domain: PyMemAllocatorDomain_int, allocator: *mut PyMemAllocatorEx) {
    if allocator.is_null() {
        return;
    }
    if let Some(dom) = domain_from_c(domain) {
        ptr::write(dom.get(), ptr::read(allocator));
    }
}

/// Installs a named allocator in all three domains, for `PyPreConfig.allocator`
/// (`PYTHONMALLOC`) at pre-initialisation. `NOT_SET` keeps what is installed (possibly a
/// user's hook); `DEFAULT` is mimalloc; `MALLOC` the C library's. The debug variants and
/// the pymalloc names have no allocator here: Err, and nothing changes.
pub fn setup_allocators(name: PyMemAllocatorName) -> Result<(), ()> {
    let a = match name {
        PyMemAllocatorName::PYMEM_ALLOCATOR_NOT_SET => return Ok(()),
        PyMemAllocatorName::PYMEM_ALLOCATOR_DEFAULT => mimalloc_allocator(),
        PyMemAllocatorName::PYMEM_ALLOCATOR_MALLOC => libc_allocator(),
        _ => return Err(()),
    };
    for d in [PyMemAllocatorDomain::PYMEM_DOMAIN_RAW, PyMemAllocatorDomain::PYMEM_DOMAIN_MEM,
              PyMemAllocatorDomain::PYMEM_DOMAIN_OBJ] {
        // SAFETY: pre-initialisation, before any domain is in use (the caller's contract).
        unsafe { ptr::write(domain(d).get(), PyMemAllocatorEx { ..a }) };
    }
    Ok(())
}

/// Under valgrind, all domains use the C library's allocator, so that memcheck sees every
/// block (mimalloc's are invisible to it), as CPython's pymalloc steps aside when it runs
/// under valgrind. Decided once, when the library is loaded, before any allocation: the
/// hot path pays nothing.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[used]
#[link_section = ".init_array"]
static USE_MALLOC_UNDER_VALGRIND: unsafe extern "C" fn() = use_malloc_under_valgrind;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
unsafe extern "C" fn use_malloc_under_valgrind() {
    if running_on_valgrind() {
        let _ = setup_allocators(PyMemAllocatorName::PYMEM_ALLOCATOR_MALLOC);
    }
}

/// valgrind's `RUNNING_ON_VALGRIND` client request: a no-op instruction sequence that
/// valgrind recognises and answers in rdx (left at 0 on a real CPU).
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn running_on_valgrind() -> bool {
    const VG_USERREQ_RUNNING_ON_VALGRIND: u64 = 0x1001;
    let args: [u64; 6] = [VG_USERREQ_RUNNING_ON_VALGRIND, 0, 0, 0, 0, 0];
    let mut result: u64 = 0;
    // SAFETY: the rotations of rdi add up to 128 bits (rdi unchanged), xchg rbx,rbx is a
    // no-op; valgrind reads `args` and writes only rdx.
    unsafe {
        core::arch::asm!(
            "rol rdi, 3", "rol rdi, 13", "rol rdi, 61", "rol rdi, 51", "xchg rbx, rbx",
            inout("rdx") result,
            in("rax") args.as_ptr(),
            out("rdi") _,
            options(nostack),
        );
    }
    result != 0
}

/// Copies a NUL-terminated string into memory of a domain; NULL on NULL input or failure.
unsafe fn strdup_in(d: &Domain, s: *const c_char) -> *mut c_char {
    if s.is_null() {
        return ptr::null_mut();
    }
    let n = libc::strlen(s) + 1;
    let copy = malloc_in(d, n) as *mut c_char;
    if !copy.is_null() {
        ptr::copy_nonoverlapping(s, copy, n);
    }
    copy
}

/// `char *_PyMem_RawStrdup(const char *str)`: a copy to free with `PyMem_RawFree`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyMem_RawStrdup(s: *const c_char) -> *mut c_char {
    strdup_in(&RAW, s)
}

/// `char *_PyMem_Strdup(const char *str)`: a copy to free with `PyMem_Free`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyMem_Strdup(s: *const c_char) -> *mut c_char {
    strdup_in(&MEM, s)
}

/// `wchar_t *_PyMem_RawWcsdup(const wchar_t *str)`: a copy to free with `PyMem_RawFree`;
/// NULL when the size would overflow or the allocation fails.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyMem_RawWcsdup(s: *const libc::wchar_t) -> *mut libc::wchar_t {
    if s.is_null() {
        return ptr::null_mut();
    }
    let len = libc::wcslen(s);
    let w = core::mem::size_of::<libc::wchar_t>();
    if len > MAX_REQUEST / w - 1 {
        return ptr::null_mut();
    }
    let copy = malloc_in(&RAW, (len + 1) * w) as *mut libc::wchar_t;
    if !copy.is_null() {
        ptr::copy_nonoverlapping(s, copy, len + 1);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_sizes_give_distinct_pointers() {
        unsafe {
            let a = PyObject_Malloc(0);
            let b = PyObject_Malloc(0);
            let c = PyMem_Calloc(0, 8);
            let d = PyMem_RawRealloc(ptr::null_mut(), 0);
            assert!(!a.is_null() && !b.is_null() && !c.is_null() && !d.is_null());
            assert!(a != b);
            let e = PyObject_Realloc(a, 0);
            assert!(!e.is_null());
            PyObject_Free(e);
            PyObject_Free(b);
            PyMem_Free(c);
            PyMem_RawFree(d);
        }
    }

    #[test]
    fn limits() {
        unsafe {
            assert!(PyMem_Malloc(MAX_REQUEST + 1).is_null());
            assert!(PyMem_RawCalloc(usize::MAX / 2, 3).is_null());
            assert!(PyObject_Calloc(MAX_REQUEST / 16 + 1, 16).is_null());
            let p = PyMem_Malloc(8);
            assert!(PyMem_Realloc(p, MAX_REQUEST + 1).is_null());
            PyMem_Free(p);
            PyObject_Free(ptr::null_mut());
        }
    }

    #[test]
    fn calloc_zeroes_and_realloc_keeps() {
        unsafe {
            let p = PyObject_Calloc(100, 3) as *mut u8;
            assert!((0..300).all(|i| *p.add(i) == 0));
            *p = 42;
            let q = PyObject_Realloc(p as *mut c_void, 10_000) as *mut u8;
            assert_eq!(*q, 42);
            PyObject_Free(q as *mut c_void);
        }
    }

    #[test]
    fn unknown_domain_is_all_null() {
        unsafe {
            let mut a = mimalloc_allocator();
            PyMem_GetAllocator(7, &mut a);
            assert!(a.malloc.is_none() && a.free.is_none() && a.ctx.is_null());
            PyMem_GetAllocator(1, &mut a);
            assert!(a.malloc.is_some());
        }
    }

    #[test]
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    fn not_under_valgrind_keeps_mimalloc() {
        // cargo test does not run under valgrind: the request must answer 0 on a real CPU.
        assert!(!running_on_valgrind());
        let mut a = mimalloc_allocator();
        unsafe { PyMem_GetAllocator(2, &mut a) };
        // The default (mimalloc) allocator answers a zero-byte request; the libc one would
        // too, so check the pointer is mimalloc's.
        let p = unsafe { a.malloc.unwrap()(a.ctx, 0) };
        extern "C" {
            // In the mimalloc library the crate builds (declared by its "extended" feature).
            fn mi_is_in_heap_region(p: *const c_void) -> bool;
        }
        assert!(unsafe { mi_is_in_heap_region(p) });
        unsafe { a.free.unwrap()(a.ctx, p) };
    }

    #[test]
    fn setup_refuses_allocators_we_do_not_have() {
        // (Switching for real would pull the allocator from under the other tests.)
        assert!(setup_allocators(PyMemAllocatorName::PYMEM_ALLOCATOR_DEBUG).is_err());
        assert!(setup_allocators(PyMemAllocatorName::PYMEM_ALLOCATOR_PYMALLOC).is_err());
        assert!(setup_allocators(PyMemAllocatorName::PYMEM_ALLOCATOR_NOT_SET).is_ok());
    }

    #[test]
    fn strdup() {
        unsafe {
            let s = _PyMem_Strdup(c"hello".as_ptr());
            assert_eq!(core::ffi::CStr::from_ptr(s).to_bytes(), b"hello");
            PyMem_Free(s as *mut c_void);
            assert!(_PyMem_RawStrdup(ptr::null()).is_null());
        }
    }
}

/// Whether `d` holds `a`'s functions (the context pointer aside: both allocators ignore it).
unsafe fn holds(d: &Domain, a: &PyMemAllocatorEx) -> bool {
    let cur = &*d.get();
    cur.malloc.map(|f| f as usize) == a.malloc.map(|f| f as usize)
        && cur.calloc.map(|f| f as usize) == a.calloc.map(|f| f as usize)
        && cur.realloc.map(|f| f as usize) == a.realloc.map(|f| f as usize)
        && cur.free.map(|f| f as usize) == a.free.map(|f| f as usize)
}

/// `const char *_PyMem_GetCurrentAllocatorName(void)`: the `PYTHONMALLOC` name of the
/// allocator all three domains use: "malloc" for the C library's, "mimalloc" for ferropy's
/// default (the name CPython gives mimalloc from 3.13); NULL when the domains differ or a
/// user's allocator is installed, as CPython answers for allocators it does not know.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyMem_GetCurrentAllocatorName() -> *const c_char {
    for (a, name) in [(libc_allocator(), c"malloc"), (mimalloc_allocator(), c"mimalloc")] {
        if holds(&RAW, &a) && holds(&MEM, &a) && holds(&OBJ, &a) {
            return name.as_ptr();
        }
    }
    ptr::null()
}
