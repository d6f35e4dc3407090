//! Hashing parameters of CPython's `pyhash.h`: the numeric hash modulus and constants
//! (shared by int, float, complex and Fraction/Decimal hashes), the algorithm ids, the
//! hash secret and the string hash function descriptor.
use core::ffi::{c_char, c_int, c_uchar, c_ulong, c_void};

use crate::pyport::{Py_hash_t, Py_ssize_t};

/// Multiplier of numeric and tuple hashes (`unsigned long`: the arithmetic is unsigned).
pub const _PyHASH_MULTIPLIER: c_ulong = 1000003 as c_ulong;
/// Numeric hashes reduce modulo the prime `2**_PyHASH_BITS - 1`.
pub const _PyHASH_BITS: c_int = 61;
pub const _PyHASH_MODULUS: usize = ((1 as usize) << _PyHASH_BITS) - 1;
/// Hash multiplier of the imaginary part of complex numbers.
pub const _PyHASH_IMAG: c_ulong = _PyHASH_MULTIPLIER;
/// `hash(float('inf'))`.
pub const _PyHASH_INF: c_int = 314159;

// String hash algorithm ids (`Py_HASH_ALGORITHM`, chosen in include/pyhash.h).
pub const Py_HASH_EXTERNAL: c_int = 0;
pub const Py_HASH_SIPHASH24: c_int = 1;
pub const Py_HASH_FNV: c_int = 2;
pub const Py_HASH_SIPHASH13: c_int = 3;

/// Rust mirror of `_Py_HashSecret_t` (24 bytes of randomization seed viewed per
/// algorithm). Written by hand in include/pyhash.h: its members are anonymous structs.
#[repr(C)]
pub union _Py_HashSecret_t {
    pub uc: [c_uchar; 24],
    pub fnv: _Py_HashSecret_fnv,
    pub siphash: _Py_HashSecret_siphash,
    pub djbx33a: _Py_HashSecret_djbx33a,
    pub expat: _Py_HashSecret_expat,
}
#[repr(C)]
#[derive(Clone, Copy)]
pub struct _Py_HashSecret_fnv {
    pub prefix: Py_hash_t,
    pub suffix: Py_hash_t,
}
#[repr(C)]
#[derive(Clone, Copy)]
pub struct _Py_HashSecret_siphash {
    pub k0: u64,
    pub k1: u64,
}
#[repr(C)]
#[derive(Clone, Copy)]
pub struct _Py_HashSecret_djbx33a {
    pub padding: [c_uchar; 16],
    pub suffix: Py_hash_t,
}
#[repr(C)]
#[derive(Clone, Copy)]
pub struct _Py_HashSecret_expat {
    pub padding: [c_uchar; 16],
    pub hashsalt: Py_hash_t,
}
assert_layout!(_Py_HashSecret_t, size = 24, uc @ 0, fnv @ 0, siphash @ 0, djbx33a @ 0,
    expat @ 0);
assert_layout!(_Py_HashSecret_djbx33a, size = 24, padding @ 0, suffix @ 16);

/// Rust mirror of `PyHash_FuncDef` (the string hash in use). Written by hand in
/// include/pyhash.h: cbindgen cannot emit its `const` members.
#[repr(C)]
pub struct PyHash_FuncDef {
    pub hash: Option<unsafe extern "C" fn(*const c_void, Py_ssize_t) -> Py_hash_t>,
    pub name: *const c_char,
    pub hash_bits: c_int,
    pub seed_bits: c_int,
}
assert_layout!(PyHash_FuncDef, size = 24, hash @ 0, name @ 8, hash_bits @ 16,
    seed_bits @ 20);

// ---- The hash functions of pyhash.h -------------------------------------------------------

/// `_Py_HashSecret`: the process's hash randomization secret (see siphash.rs), filled in
/// before the first string is hashed (at the latest by `Py_Initialize`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub static mut _Py_HashSecret: _Py_HashSecret_t = _Py_HashSecret_t { uc: [0; 24] };

/// The string hash in use: SipHash-1-3, 64-bit result, 128-bit key (`sys.hash_info`).
static mut HASH_FUNC_DEF: PyHash_FuncDef = PyHash_FuncDef {
    hash: Some(siphash13_raw),
    name: c"siphash13".as_ptr(),
    hash_bits: 64,
    seed_bits: 128,
};

/// The raw keyed hash of a buffer (`PyHash_FuncDef.hash`): no special cases.
unsafe extern "C" fn siphash13_raw(src: *const c_void, len: Py_ssize_t) -> Py_hash_t {
    if src.is_null() || len <= 0 {
        return crate::object::siphash::hash_raw(&[]);
    }
    crate::object::siphash::hash_raw(core::slice::from_raw_parts(src as *const u8, len as usize))
}

/// `PyHash_FuncDef *PyHash_GetFuncDef(void)`: which string hash this build uses.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyHash_GetFuncDef() -> *mut PyHash_FuncDef {
    &raw mut HASH_FUNC_DEF
}

/// `Py_hash_t _Py_HashBytes(const void *src, Py_ssize_t len)`: the hash of bytes and of
/// str data: 0 for an empty buffer, never -1.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _Py_HashBytes(src: *const c_void, len: Py_ssize_t) -> Py_hash_t {
    if src.is_null() || len <= 0 {
        return 0;
    }
    crate::object::siphash::hash_bytes(core::slice::from_raw_parts(src as *const u8, len as usize))
}

/// `Py_hash_t _Py_HashPointerRaw(const void *p)`: the address rotated right by 4 bits
/// (objects are 16-byte aligned, so the low bits carry no information).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_HashPointerRaw(p: *const c_void) -> Py_hash_t {
    (p as usize).rotate_right(4) as Py_hash_t
}

/// `Py_hash_t _Py_HashPointer(const void *p)`: the identity hash; never -1.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _Py_HashPointer(p: *const c_void) -> Py_hash_t {
    match _Py_HashPointerRaw(p) {
        -1 => -2,
        h => h,
    }
}
