//! Scalar types of CPython's `pyport.h`. Declared by hand in include/pyport.h too
//! (excluded from cbindgen), so that generated declarations name them as CPython does.

/// `Py_ssize_t`: `ssize_t` on every platform we target.
pub type Py_ssize_t = isize;
/// `Py_hash_t`: a signed hash, the size of a pointer.
pub type Py_hash_t = Py_ssize_t;
/// `Py_uhash_t`: the unsigned form of `Py_hash_t`.
pub type Py_uhash_t = usize;
/// `wchar_t` is 32-bit signed on x86_64 Linux (glibc).
pub type wchar_t = i32;

