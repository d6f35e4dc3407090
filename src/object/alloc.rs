//! The allocator structs of cpython/pymem.h and cpython/objimpl.h: what
//! `PyMem_GetAllocator`/`PyMem_SetAllocator` and `PyObject_{Get,Set}ArenaAllocator` exchange
//! with C code that hooks memory allocation (tracemalloc-like tools, embedders).
use core::ffi::c_void;

/// Which family of allocation functions an allocator serves.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PyMemAllocatorDomain {
    /// `PyMem_RawMalloc()` and friends: callable without the GIL.
    PYMEM_DOMAIN_RAW,
    /// `PyMem_Malloc()` and friends.
    PYMEM_DOMAIN_MEM,
    /// `PyObject_Malloc()` and friends.
    PYMEM_DOMAIN_OBJ,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyMemAllocatorDomain, size = 4);

/// `PyPreConfig.allocator` values (`PYTHONMALLOC`). The pymalloc values exist because
/// CPython's own build defines `WITH_PYMALLOC`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PyMemAllocatorName {
    PYMEM_ALLOCATOR_NOT_SET = 0,
    PYMEM_ALLOCATOR_DEFAULT = 1,
    PYMEM_ALLOCATOR_DEBUG = 2,
    PYMEM_ALLOCATOR_MALLOC = 3,
    PYMEM_ALLOCATOR_MALLOC_DEBUG = 4,
    PYMEM_ALLOCATOR_PYMALLOC = 5,
    PYMEM_ALLOCATOR_PYMALLOC_DEBUG = 6,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyMemAllocatorName, size = 4);

/// `PyMemAllocatorEx`: one allocator; `ctx` is passed back as the first argument.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyMemAllocatorEx {
    pub ctx: *mut c_void,
    pub malloc: Option<unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void>,
    pub calloc: Option<unsafe extern "C" fn(*mut c_void, usize, usize) -> *mut c_void>,
    pub realloc: Option<unsafe extern "C" fn(*mut c_void, *mut c_void, usize) -> *mut c_void>,
    pub free: Option<unsafe extern "C" fn(*mut c_void, *mut c_void)>,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyMemAllocatorEx, size = 40, ctx @ 0, malloc @ 8, calloc @ 16, realloc @ 24, free @ 32);

/// `PyObjectArenaAllocator`: how the object allocator obtains and returns its arenas.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyObjectArenaAllocator {
    pub ctx: *mut c_void,
    pub alloc: Option<unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void>,
    pub free: Option<unsafe extern "C" fn(*mut c_void, *mut c_void, usize)>,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyObjectArenaAllocator, size = 24, ctx @ 0, alloc @ 8, free @ 16);
