//! Conversions between ints and C integers: `PyLong_From*` and `PyLong_As*`, with CPython
//! 3.11's rules for which functions accept `__index__` and its exception messages.
use core::ffi::{c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};
use core::ptr::null_mut;

use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::object::ptr::PyRef;
use crate::objects::int::{digits, from_i64, from_u64, is_int, medium_value, size_of, small_int, NSMALLNEG, NSMALLPOS};
use crate::objects::long_digits as ld;
use crate::pyport::Py_ssize_t;

#[inline]
fn out(r: PyResult<PyRef>) -> *mut PyObject {
    r.map_or(null_mut(), PyRef::into_ptr)
}

/// `PyObject *PyLong_FromLong(long v)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromLong(v: c_long) -> *mut PyObject {
    if (v as u64).wrapping_add(NSMALLNEG as u64) < (NSMALLNEG + NSMALLPOS) as u64 {
        let op = small_int(v);
        (*op).ob_refcnt += 1;
        return op;
    }
    from_long_slow(v)
}

/// `PyLong_FromLong` past the cache, out of line so the cached path needs no stack frame.
/// `extern "C"` (it cannot unwind) so that the caller needs no unwind guard around the
/// call and can tail-jump to it.
#[inline(never)]
extern "C" fn from_long_slow(v: i64) -> *mut PyObject {
    out(from_i64(v))
}

/// `PyObject *PyLong_FromUnsignedLong(unsigned long v)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnsignedLong(v: c_ulong) -> *mut PyObject {
    out(from_u64(v))
}

/// `PyObject *PyLong_FromLongLong(long long v)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromLongLong(v: c_longlong) -> *mut PyObject {
    out(from_i64(v))
}

/// `PyObject *PyLong_FromUnsignedLongLong(unsigned long long v)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> *mut PyObject {
    out(from_u64(v))
}

/// `PyObject *PyLong_FromSsize_t(Py_ssize_t v)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromSsize_t(v: Py_ssize_t) -> *mut PyObject {
    out(from_i64(v as i64))
}

/// `PyObject *PyLong_FromSize_t(size_t v)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromSize_t(v: usize) -> *mut PyObject {
    out(from_u64(v as u64))
}

/// `PyObject *PyLong_FromVoidPtr(void *p)`: the address as a non-negative int.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromVoidPtr(p: *mut c_void) -> *mut PyObject {
    out(from_u64(p as usize as u64))
}

// ---- Reading values ---------------------------------------------------------------------------

/// The value of an int as an i128 when it fits (ints of up to 128 bits).
#[inline]
pub(crate) unsafe fn int_to_i128(op: *mut PyObject) -> Option<i128> {
    if let Some(v) = medium_value(op) {
        return Some(i128::from(v));
    }
    let m = ld::to_u128(digits(op))?;
    if size_of(op) < 0 {
        if m <= 1u128 << 127 { Some((m as i128).wrapping_neg()) } else { None }
    } else {
        i128::try_from(m).ok()
    }
}

/// Where an int value lies relative to a C range.
enum Fit<T> {
    Yes(T),
    Overflow(i32), // -1 below, +1 above
}

unsafe fn fit_i64(op: *mut PyObject) -> Fit<i64> {
    match int_to_i128(op).map(i64::try_from) {
        Some(Ok(v)) => Fit::Yes(v),
        _ => Fit::Overflow(if size_of(op) < 0 { -1 } else { 1 }),
    }
}

/// The int `__index__` gives for `op` (`op` itself when it is an int), for the functions
/// that accept any object with `__index__`.
unsafe fn indexed(op: *mut PyObject) -> PyResult<PyRef> {
    crate::abstract_::number::index(op)
}

fn overflow(message: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

fn integer_required() -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_TypeError, "an integer is required")
}

/// The value of `op` (an int, or an object with `__index__`) as an i64, OverflowError
/// `message` when it does not fit.
pub(crate) unsafe fn as_i64_with(op: *mut PyObject, message: &str) -> PyResult<i64> {
    if op.is_null() {
        return Err(bad_internal_call());
    }
    if is_int(op) {
        if let Some(v) = medium_value(op) {
            return Ok(v);
        }
        return match fit_i64(op) {
            Fit::Yes(v) => Ok(v),
            Fit::Overflow(_) => Err(overflow(message)),
        };
    }
    let v = indexed(op)?;
    as_i64_with(v.as_ptr(), message)
}

/// `PyLong_AsLong` for Rust: an int or `__index__` object as an i64 (OverflowError "Python
/// int too large to convert to C long").
pub(crate) unsafe fn as_i64(op: *mut PyObject) -> PyResult<i64> {
    as_i64_with(op, "Python int too large to convert to C long")
}

/// `long PyLong_AsLong(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLong(obj: *mut PyObject) -> c_long {
    if !obj.is_null() && is_int(obj) {
        if let Some(v) = medium_value(obj) {
            return v;
        }
    }
    as_i64(obj).unwrap_or(-1)
}

/// `int _PyLong_AsInt(PyObject *obj)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_AsInt(obj: *mut PyObject) -> c_int {
    let mut ov: c_int = 0;
    let v = as_i64_and_overflow(obj, &mut ov);
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return -1;
    }
    match c_int::try_from(v) {
        Ok(x) if ov == 0 => x,
        _ => {
            let _ = overflow("Python int too large to convert to C int");
            -1
        }
    }
}

/// `long long PyLong_AsLongLong(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongLong(obj: *mut PyObject) -> c_longlong {
    as_i64_with(obj, "int too big to convert").unwrap_or(-1)
}

/// The `...AndOverflow` conversions: -1 with `*overflow` set to -1/+1 when out of range.
unsafe fn as_i64_and_overflow(obj: *mut PyObject, overflow: *mut c_int) -> i64 {
    if overflow.is_null() || obj.is_null() {
        if !overflow.is_null() {
            *overflow = 0;
        }
        let _ = bad_internal_call();
        return -1;
    }
    *overflow = 0;
    let held;
    let op = if is_int(obj) {
        obj
    } else {
        match indexed(obj) {
            Ok(v) => {
                held = v;
                held.as_ptr()
            }
            Err(_) => return -1,
        }
    };
    match fit_i64(op) {
        Fit::Yes(v) => v,
        Fit::Overflow(side) => {
            *overflow = side;
            -1
        }
    }
}

/// `long PyLong_AsLongAndOverflow(PyObject *obj, int *overflow)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongAndOverflow(obj: *mut PyObject, overflow: *mut c_int) -> c_long {
    as_i64_and_overflow(obj, overflow)
}

/// `long long PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongLongAndOverflow(obj: *mut PyObject, overflow: *mut c_int) -> c_longlong {
    as_i64_and_overflow(obj, overflow)
}

/// `Py_ssize_t PyLong_AsSsize_t(PyObject *obj)`: ints only ("an integer is required").
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsSsize_t(obj: *mut PyObject) -> Py_ssize_t {
    if obj.is_null() {
        let _ = bad_internal_call();
        return -1;
    }
    if !is_int(obj) {
        let _ = integer_required();
        return -1;
    }
    match fit_i64(obj) {
        Fit::Yes(v) => v as Py_ssize_t,
        Fit::Overflow(_) => {
            let _ = overflow("Python int too large to convert to C ssize_t");
            -1
        }
    }
}

/// An int (only) as a u64: OverflowError `negative` for negative values, `large` when too
/// large.
unsafe fn as_u64_strict(obj: *mut PyObject, negative: &str, large: &str) -> PyResult<u64> {
    if obj.is_null() {
        return Err(bad_internal_call());
    }
    if !is_int(obj) {
        return Err(integer_required());
    }
    if size_of(obj) < 0 {
        return Err(overflow(negative));
    }
    match ld::to_u128(digits(obj)).map(u64::try_from) {
        Some(Ok(v)) => Ok(v),
        _ => Err(overflow(large)),
    }
}

/// `unsigned long PyLong_AsUnsignedLong(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLong(obj: *mut PyObject) -> c_ulong {
    as_u64_strict(
        obj,
        "can't convert negative value to unsigned int",
        "Python int too large to convert to C unsigned long",
    )
    .unwrap_or(u64::MAX)
}

/// `unsigned long long PyLong_AsUnsignedLongLong(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongLong(obj: *mut PyObject) -> c_ulonglong {
    as_u64_strict(obj, "can't convert negative int to unsigned", "int too big to convert").unwrap_or(u64::MAX)
}

/// `size_t PyLong_AsSize_t(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsSize_t(obj: *mut PyObject) -> usize {
    as_u64_strict(obj, "can't convert negative value to size_t", "Python int too large to convert to C size_t")
        .map_or(usize::MAX, |v| v as usize)
}

/// The low 64 bits of an int in two's complement (CPython's `_PyLong_AsUnsignedLongMask`).
pub(crate) unsafe fn low_u64(op: *mut PyObject) -> u64 {
    let d = digits(op);
    let mut x: u64 = 0;
    for &dig in d.iter().take(3).rev() {
        x = (x << ld::SHIFT) | u64::from(dig);
    }
    if size_of(op) < 0 { x.wrapping_neg() } else { x }
}

/// The mask conversions: an int or `__index__` object, reduced modulo 2**64.
unsafe fn as_u64_mask(obj: *mut PyObject) -> u64 {
    if obj.is_null() {
        let _ = bad_internal_call();
        return u64::MAX;
    }
    if is_int(obj) {
        return low_u64(obj);
    }
    match indexed(obj) {
        Ok(v) => low_u64(v.as_ptr()),
        Err(_) => u64::MAX,
    }
}

/// `unsigned long PyLong_AsUnsignedLongMask(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongMask(obj: *mut PyObject) -> c_ulong {
    as_u64_mask(obj)
}

/// `unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *obj)`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongLongMask(obj: *mut PyObject) -> c_ulonglong {
    as_u64_mask(obj)
}

/// `void *PyLong_AsVoidPtr(PyObject *obj)`: a negative int is read as a C long, others as
/// an unsigned long (so both signed and unsigned addresses come back).
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsVoidPtr(obj: *mut PyObject) -> *mut c_void {
    let v: u64 = if !obj.is_null() && is_int(obj) && size_of(obj) < 0 {
        match as_i64(obj) {
            Ok(x) => x as u64,
            Err(_) => return null_mut(),
        }
    } else {
        let r = if !obj.is_null() && !is_int(obj) {
            // CPython: PyLong_AsUnsignedLong on a non-int.
            Err(integer_required())
        } else {
            as_u64_strict(
                obj,
                "can't convert negative value to unsigned int",
                "Python int too large to convert to C unsigned long",
            )
        };
        match r {
            Ok(x) => x,
            Err(_) => return null_mut(),
        }
    };
    v as usize as *mut c_void
}

// ---- Argument Clinic converters and time_t ----------------------------------------------------

/// The converters' shared rule: a negative int is ValueError "value must be positive", then
/// `convert` (which may set OverflowError/TypeError), then an upper bound.
unsafe fn unsigned_converter(obj: *mut PyObject, convert: unsafe extern "C" fn(*mut PyObject) -> u64, max: u64, what: &str) -> Option<u64> {
    if obj.is_null() {
        let _ = bad_internal_call();
        return None;
    }
    if is_int(obj) && size_of(obj) < 0 {
        let _ = raise_type(&raw mut exc::_PyExc_ValueError, "value must be positive");
        return None;
    }
    let v = convert(obj);
    if v == u64::MAX && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return None;
    }
    if v > max {
        let _ = overflow(&format!("Python int too large for C {what}"));
        return None;
    }
    Some(v)
}

unsafe extern "C" fn as_size_t_u64(obj: *mut PyObject) -> u64 {
    PyLong_AsSize_t(obj) as u64
}

/// `int _PyLong_UnsignedShort_Converter(PyObject *obj, void *ptr)`: 1 with `*(unsigned
/// short *)ptr` set, or 0 with an exception.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_UnsignedShort_Converter(obj: *mut PyObject, ptr: *mut c_void) -> c_int {
    match unsigned_converter(obj, PyLong_AsUnsignedLong, u64::from(u16::MAX), "unsigned short") {
        Some(v) => {
            *(ptr as *mut u16) = v as u16;
            1
        }
        None => 0,
    }
}

/// `int _PyLong_UnsignedInt_Converter(PyObject *obj, void *ptr)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_UnsignedInt_Converter(obj: *mut PyObject, ptr: *mut c_void) -> c_int {
    match unsigned_converter(obj, PyLong_AsUnsignedLong, u64::from(u32::MAX), "unsigned int") {
        Some(v) => {
            *(ptr as *mut u32) = v as u32;
            1
        }
        None => 0,
    }
}

/// `int _PyLong_UnsignedLong_Converter(PyObject *obj, void *ptr)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_UnsignedLong_Converter(obj: *mut PyObject, ptr: *mut c_void) -> c_int {
    match unsigned_converter(obj, PyLong_AsUnsignedLong, u64::MAX, "unsigned long") {
        Some(v) => {
            *(ptr as *mut u64) = v;
            1
        }
        None => 0,
    }
}

/// `int _PyLong_UnsignedLongLong_Converter(PyObject *obj, void *ptr)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_UnsignedLongLong_Converter(obj: *mut PyObject, ptr: *mut c_void) -> c_int {
    match unsigned_converter(obj, PyLong_AsUnsignedLongLong, u64::MAX, "unsigned long long") {
        Some(v) => {
            *(ptr as *mut u64) = v;
            1
        }
        None => 0,
    }
}

/// `int _PyLong_Size_t_Converter(PyObject *obj, void *ptr)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Size_t_Converter(obj: *mut PyObject, ptr: *mut c_void) -> c_int {
    match unsigned_converter(obj, as_size_t_u64, u64::MAX, "size_t") {
        Some(v) => {
            *(ptr as *mut usize) = v as usize;
            1
        }
        None => 0,
    }
}

/// `PyObject *_PyLong_FromTime_t(time_t t)` (time_t is a long on this platform).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_FromTime_t(t: libc::time_t) -> *mut PyObject {
    out(from_i64(t))
}

/// `time_t _PyLong_AsTime_t(PyObject *obj)`: OverflowError "timestamp out of range for
/// platform time_t" when out of range.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyLong_AsTime_t(obj: *mut PyObject) -> libc::time_t {
    let v = PyLong_AsLongLong(obj);
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        if crate::errors::pyerr::PyErr_ExceptionMatches(crate::errors::exception_types::PyExc_OverflowError) != 0 {
            crate::errors::pyerr::PyErr_Clear();
            let _ = overflow("timestamp out of range for platform time_t");
        }
        return -1;
    }
    v
}
