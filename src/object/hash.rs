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
