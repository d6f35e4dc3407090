//! The int object layout (CPython 3.11's cpython/longintrepr.h): 30-bit digits stored
//! least significant first, the sign carried by `ob_size`.
use crate::object::object::PyVarObject;
use core::ffi::c_int;

/// `digit`: one base-2**30 digit.
#[cfg(not(Py_LIMITED_API))]
pub type digit = u32;
/// `sdigit`: signed variant of `digit`.
#[cfg(not(Py_LIMITED_API))]
pub type sdigit = i32;
/// `twodigits`: holds the product of two digits.
#[cfg(not(Py_LIMITED_API))]
pub type twodigits = u64;
/// `stwodigits`: signed variant of `twodigits`.
#[cfg(not(Py_LIMITED_API))]
pub type stwodigits = i64;

/// Bits per digit.
#[cfg(not(Py_LIMITED_API))]
pub const PyLong_SHIFT: c_int = 30;
/// Exponent of the largest power of ten that fits a digit (used for decimal conversion).
#[cfg(not(Py_LIMITED_API))]
pub const _PyLong_DECIMAL_SHIFT: c_int = 9;
// The next three are `digit`-typed in C (`((digit)1 << PyLong_SHIFT)`...), which cbindgen
// cannot print, so they are hand-written in include/cpython/longintrepr.h and crate-private
// here.
/// 10**_PyLong_DECIMAL_SHIFT.
pub(crate) const _PyLong_DECIMAL_BASE: digit = 1_000_000_000;
/// The digit base, 2**30, and the mask of a digit's bits.
pub(crate) const PyLong_BASE: digit = 1 << PyLong_SHIFT;
pub(crate) const PyLong_MASK: digit = PyLong_BASE - 1;

/// `struct _longobject` (`PyLongObject`): `abs(ob_size)` digits follow the header; the sign
/// of `ob_size` is the sign of the number, zero has `ob_size == 0`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _longobject {
    pub ob_base: PyVarObject,
    pub ob_digit: [digit; 1],
}
pub type PyLongObject = _longobject;
assert_layout!(PyLongObject, size = 32, ob_base @ 0, ob_digit @ 24);
// Pin the values the hand-written C macros must agree with.
static_assertions::const_assert_eq!(PyLong_BASE, 0x4000_0000);
static_assertions::const_assert_eq!(PyLong_MASK, 0x3fff_ffff);
static_assertions::const_assert_eq!(_PyLong_DECIMAL_BASE, 10u32.pow(_PyLong_DECIMAL_SHIFT as u32));

// ---- The int type ----------------------------------------------------------------------------
// The object core: allocation, the small-int cache, digit access, conversion to and from
// `long_digits::Int`, dealloc/repr/hash/richcompare. Arithmetic slots are in long_ops.rs,
// the C conversions in long_convert.rs, text in long_str.rs, methods in long_methods.rs.
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_LONG_SUBCLASS, _Py_TPFLAGS_MATCH_SELF,
};
use crate::objects::long_digits::Int;
use crate::pyport::{Py_hash_t, Py_ssize_t};

/// `PyLong_Type`: `int`.
#[no_mangle]
pub static mut PyLong_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(long_dealloc),
    tp_repr: Some(crate::objects::long_str::long_repr),
    tp_as_number: &raw mut crate::objects::long_ops::LONG_AS_NUMBER,
    tp_hash: Some(long_hash),
    tp_richcompare: Some(crate::objects::long_ops::long_richcompare),
    tp_new: Some(crate::objects::long_new::long_new),
    tp_methods: (&raw mut crate::objects::long_methods::LONG_METHODS).cast(),
    tp_getset: (&raw mut crate::objects::long_methods::LONG_GETSET).cast(),
    tp_free: Some(crate::object::pymem::PyObject_Free),
    ..static_type(
        c"int",
        core::mem::offset_of!(PyLongObject, ob_digit),
        core::mem::size_of::<digit>(),
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
        Some(c"int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4"),
    )
};

// ---- Small ints -------------------------------------------------------------------------------

/// The cached ints are -NSMALLNEG..NSMALLPOS-1 (CPython's -5..256): every int of that value
/// made by this library is one of these objects (`PyLong_FromLong(5) == PyLong_FromLong(5)`).
pub(crate) const NSMALLNEG: i64 = 5;
pub(crate) const NSMALLPOS: i64 = 257;
pub(crate) const NSMALL: usize = (NSMALLNEG + NSMALLPOS) as usize;

/// The initial value of the cache, which lives in `_PyRuntime` (runtime/pyruntime_compat.rs)
/// where CPython-built modules find it.
pub(crate) const fn small_ints() -> [PyLongObject; NSMALL] {
    let mut arr = [const {
        PyLongObject {
            ob_base: PyVarObject {
                ob_base: PyObject { ob_refcnt: 1, ob_type: &raw mut PyLong_Type },
                ob_size: 0,
            },
            ob_digit: [0],
        }
    }; NSMALL];
    let mut i = 0;
    while i < NSMALL {
        let v = i as i64 - NSMALLNEG;
        arr[i].ob_base.ob_size = if v < 0 { -1 } else if v == 0 { 0 } else { 1 };
        arr[i].ob_digit[0] = v.unsigned_abs() as digit;
        i += 1;
    }
    arr
}

// Static, never freed (their refcount starts at 1 and is restored if C code over-releases).
use crate::runtime::pyruntime_compat::small_ints_base;

/// The cached int for `v` in -5..=256 (borrowed).
#[inline]
pub(crate) fn small_int(v: i64) -> *mut PyObject {
    debug_assert!((-NSMALLNEG..NSMALLPOS).contains(&v));
    // SAFETY: in bounds; only the address is taken.
    unsafe { small_ints_base().add((v + NSMALLNEG) as usize).cast() }
}

/// A new reference to the cached int `v` (-5..=256).
#[inline]
pub(crate) fn small_ref(v: i64) -> PyRef {
    // SAFETY: the cache is static and live.
    unsafe { PyRef::from_borrowed(small_int(v)).unwrap_unchecked() }
}

#[inline]
fn is_small_object(op: *mut PyObject) -> bool {
    let start = small_ints_base() as usize;
    let end = start + core::mem::size_of::<[PyLongObject; NSMALL]>();
    (start..end).contains(&(op as usize))
}

// ---- Allocation and digit access --------------------------------------------------------------

/// Most digits an int may have (CPython's `MAX_LONG_DIGITS`).
pub(crate) const MAX_LONG_DIGITS: usize =
    (isize::MAX as usize - core::mem::offset_of!(PyLongObject, ob_digit)) / core::mem::size_of::<digit>();

/// Freed one-digit exact ints kept for reuse (linked through `ob_type`), so small-int
/// arithmetic that leaves the cache costs no allocator call. Guarded by the GIL.
const FREE_LIST_MAX: usize = 100;
struct FreeList {
    head: *mut PyObject,
    len: usize,
}
static mut FREE_LIST: FreeList = FreeList { head: core::ptr::null_mut(), len: 0 };

/// Empties the free list (at finalization).
pub(crate) fn clear_free_list() {
    // SAFETY: under the GIL; the blocks came from PyObject_Malloc.
    unsafe {
        let list = &mut *(&raw mut FREE_LIST);
        while !list.head.is_null() {
            let op = list.head;
            list.head = (*op).ob_type as *mut PyObject;
            crate::object::pymem::PyObject_Free(op.cast());
        }
        list.len = 0;
    }
}

/// A new exact int with room for `ndigits` digits and `ob_size` set to `size` (whose
/// absolute value is `ndigits`); the digits are uninitialized. OverflowError "too many
/// digits in integer" past `MAX_LONG_DIGITS`, MemoryError when allocation fails.
pub(crate) fn alloc(size: Py_ssize_t) -> PyResult<*mut PyLongObject> {
    let n = size.unsigned_abs();
    if n > MAX_LONG_DIGITS {
        return Err(raise_type(
            &raw mut crate::errors::exception_types::_PyExc_OverflowError,
            "too many digits in integer",
        ));
    }
    let bytes = core::mem::offset_of!(PyLongObject, ob_digit) + n.max(1) * core::mem::size_of::<digit>();
    // SAFETY: plain allocation; the header is written before the object escapes.
    unsafe {
        let list = &mut *(&raw mut FREE_LIST);
        let op = if n <= 1 && !list.head.is_null() {
            let op = list.head;
            list.head = (*op).ob_type as *mut PyObject;
            list.len -= 1;
            op as *mut PyLongObject
        } else {
            crate::object::pymem::PyObject_Malloc(bytes) as *mut PyLongObject
        };
        if op.is_null() {
            return Err(crate::object::pending_error::no_memory());
        }
        (*op).ob_base.ob_base.ob_refcnt = 1;
        (*op).ob_base.ob_base.ob_type = &raw mut PyLong_Type;
        (*op).ob_base.ob_size = size;
        Ok(op)
    }
}

/// `ob_size` of an int (its sign and digit count).
#[inline]
pub(crate) unsafe fn size_of(op: *mut PyObject) -> Py_ssize_t {
    (*(op as *mut PyVarObject)).ob_size
}

/// The digits of an int, least significant first.
#[inline]
pub(crate) unsafe fn digits<'a>(op: *mut PyObject) -> &'a [digit] {
    let n = size_of(op).unsigned_abs();
    core::slice::from_raw_parts(core::ptr::addr_of!((*(op as *mut PyLongObject)).ob_digit) as *const digit, n)
}

/// Mutable digits of a freshly allocated int.
#[inline]
pub(crate) unsafe fn digits_mut<'a>(op: *mut PyLongObject) -> &'a mut [digit] {
    let n = (*op).ob_base.ob_size.unsigned_abs();
    core::slice::from_raw_parts_mut(core::ptr::addr_of_mut!((*op).ob_digit) as *mut digit, n)
}

/// The value of an int with at most two digits (|v| < 2**60), the "medium" fast path.
#[inline]
pub(crate) unsafe fn medium_value(op: *mut PyObject) -> Option<i64> {
    let size = size_of(op);
    let d = core::ptr::addr_of!((*(op as *mut PyLongObject)).ob_digit) as *const digit;
    match size {
        0 => Some(0),
        1 => Some(i64::from(*d)),
        -1 => Some(-i64::from(*d)),
        2 | -2 => {
            let m = i64::from(*d) | (i64::from(*d.add(1)) << PyLong_SHIFT);
            Some(if size < 0 { -m } else { m })
        }
        _ => None,
    }
}

/// True for int and its subclasses (`PyLong_Check`).
#[inline]
pub(crate) unsafe fn is_int(op: *mut PyObject) -> bool {
    (*(*op).ob_type).tp_flags & Py_TPFLAGS_LONG_SUBCLASS != 0
}

/// True for exact ints (`PyLong_CheckExact`).
#[inline]
pub(crate) unsafe fn is_exact_int(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut PyLong_Type
}

/// A new int from an `i64` (cached for -5..=256).
#[inline]
pub(crate) fn from_i64(v: i64) -> PyResult<PyRef> {
    if (-NSMALLNEG..NSMALLPOS).contains(&v) {
        return Ok(small_ref(v));
    }
    from_u64_signed(v < 0, v.unsigned_abs())
}

/// A new int `(-1 if neg else 1) * m`.
pub(crate) fn from_u64_signed(neg: bool, m: u64) -> PyResult<PyRef> {
    if m < NSMALLPOS as u64 && (!neg || m <= NSMALLNEG as u64) {
        return Ok(small_ref(if neg { -(m as i64) } else { m as i64 }));
    }
    let n: Py_ssize_t = if m < 1 << 30 { 1 } else if m < 1 << 60 { 2 } else { 3 };
    let op = alloc(if neg { -n } else { n })?;
    // SAFETY: `op` has `n` digits.
    unsafe {
        let d = digits_mut(op);
        let mut x = m;
        for slot in d.iter_mut() {
            *slot = (x as digit) & PyLong_MASK;
            x >>= PyLong_SHIFT;
        }
        Ok(PyRef::from_owned(op.cast()).unwrap_unchecked())
    }
}

/// A new int from a `u64`.
#[inline]
pub(crate) fn from_u64(v: u64) -> PyResult<PyRef> {
    from_u64_signed(false, v)
}

/// A new int from an `i128`.
pub(crate) fn from_i128(v: i128) -> PyResult<PyRef> {
    match i64::try_from(v) {
        Ok(x) => from_i64(x),
        Err(_) => from_int(&Int::from_i128(v)),
    }
}

/// A new exact int holding `v` (cached when small).
pub(crate) fn from_int(v: &Int) -> PyResult<PyRef> {
    if v.mag.len() <= 1 {
        let m = v.mag.first().copied().unwrap_or(0);
        return from_u64_signed(v.neg, u64::from(m));
    }
    from_digits(v.neg, &v.mag)
}

/// A new exact int from a sign and normalized digits.
pub(crate) fn from_digits(neg: bool, mag: &[digit]) -> PyResult<PyRef> {
    if mag.len() <= 1 {
        return from_u64_signed(neg, u64::from(mag.first().copied().unwrap_or(0)));
    }
    let n = mag.len() as Py_ssize_t;
    let op = alloc(if neg { -n } else { n })?;
    // SAFETY: `op` has `mag.len()` digits.
    unsafe {
        digits_mut(op).copy_from_slice(mag);
        Ok(PyRef::from_owned(op.cast()).unwrap_unchecked())
    }
}

/// The value of an int as an owned `Int`.
pub(crate) unsafe fn to_int(op: *mut PyObject) -> Int {
    Int { neg: size_of(op) < 0, mag: digits(op).to_vec() }
}

/// `int.__del__`: frees the object through its type's `tp_free`; a cached small int is never
/// freed (C code released one reference too many: keep it alive, as CPython 3.11 would
/// not — there it is memory corruption).
unsafe extern "C" fn long_dealloc(op: *mut PyObject) {
    if is_small_object(op) {
        (*op).ob_refcnt = 1;
        return;
    }
    let tp = (*op).ob_type;
    if tp == &raw mut PyLong_Type && size_of(op).unsigned_abs() <= 1 {
        // Every exact int has room for at least one digit: keep the block.
        let list = &mut *(&raw mut FREE_LIST);
        if list.len < FREE_LIST_MAX {
            (*op).ob_type = list.head as *mut PyTypeObject;
            list.head = op;
            list.len += 1;
            return;
        }
    }
    match (*tp).tp_free {
        Some(free) => free(op.cast()),
        None => crate::object::pymem::PyObject_Free(op.cast()),
    }
}

// ---- Exported helpers of cpython/longobject.h -------------------------------------------------

/// `PyObject *_PyLong_New(Py_ssize_t size)`: a new int with `size` uninitialized digits and
/// `ob_size == size` (callers fill the digits and may shrink `ob_size`).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_New(size: Py_ssize_t) -> *mut PyLongObject {
    if size < 0 {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    alloc(size).unwrap_or(core::ptr::null_mut())
}

/// `PyObject *_PyLong_Copy(PyLongObject *src)`: an exact int equal to `src`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Copy(src: *mut PyLongObject) -> *mut PyObject {
    if src.is_null() || !is_int(src.cast()) {
        let _ = crate::object::pending_error::bad_internal_call();
        return core::ptr::null_mut();
    }
    let op = src.cast::<PyObject>();
    match from_digits(size_of(op) < 0, digits(op)) {
        Ok(r) => r.into_ptr(),
        Err(_) => core::ptr::null_mut(),
    }
}

/// `int _PyLong_Sign(PyObject *v)`: -1, 0 or 1.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Sign(v: *mut PyObject) -> c_int {
    let s = size_of(v);
    (s > 0) as c_int - (s < 0) as c_int
}

/// `size_t _PyLong_NumBits(PyObject *v)`: bits of `abs(v)` (0 for zero).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_NumBits(v: *mut PyObject) -> usize {
    crate::objects::long_digits::bit_length(digits(v)) as usize
}

/// Bits of the numeric hash modulus, 2**61 - 1 (`_PyHASH_BITS`).
const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;

/// The numeric hash of the integer with these digits (least significant first) and sign:
/// its value modulo 2**61 - 1, negated for negative numbers, -1 mapped to -2.
pub(crate) fn hash_digits(digits: &[digit], negative: bool) -> Py_hash_t {
    let mut x: u64 = 0;
    for &d in digits.iter().rev() {
        // x * 2**30 mod M is a rotation of x's 61 bits by 30.
        x = ((x << PyLong_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - PyLong_SHIFT as u32));
        x += u64::from(d);
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let h = if negative { -(x as i64) } else { x as i64 };
    if h == -1 { -2 } else { h as Py_hash_t }
}

/// `int.__hash__`.
pub(crate) unsafe extern "C" fn long_hash(op: *mut PyObject) -> Py_hash_t {
    let v = op as *mut PyLongObject;
    let size: Py_ssize_t = (*v).ob_base.ob_size;
    let n = size.unsigned_abs();
    let digits = core::ptr::addr_of!((*v).ob_digit) as *const digit;
    hash_digits(core::slice::from_raw_parts(digits, n), size < 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_digits(&[], false), 0);
        assert_eq!(hash_digits(&[1], false), 1);
        assert_eq!(hash_digits(&[1], true), -2);
        assert_eq!(hash_digits(&[2], true), -2);
        assert_eq!(hash_digits(&[5], true), -5);
        // 2**61 - 1 hashes to 0, 2**61 to 1, 2**90 + 7 to 2**29 + 7.
        let m = (1u64 << 61) - 1;
        let split = |v: u128| -> Vec<digit> {
            let mut v = v;
            let mut out = Vec::new();
            while v != 0 {
                out.push((v & u128::from(PyLong_MASK)) as digit);
                v >>= PyLong_SHIFT;
            }
            out
        };
        assert_eq!(hash_digits(&split(u128::from(m)), false), 0);
        assert_eq!(hash_digits(&split(1u128 << 61), false), 1);
        assert_eq!(hash_digits(&split((1u128 << 90) + 7), false), (1 << 29) + 7);
        assert_eq!(hash_digits(&split(123_456_789_012_345_678_901_234), true), -1_954_299_044_504_764_694);
    }
}
