//! The `_PyTime_t` API of cpython/pytime.h (a timestamp is an `int64_t` count of
//! nanoseconds): conversions from Python numbers and C structs with the four rounding modes,
//! to milliseconds/microseconds/`timeval`/`timespec`, the clocks, `gmtime`/`localtime`, and
//! the deadline helpers. Errors are CPython's: OverflowError "timestamp too large to convert
//! to C _PyTime_t" (or "... out of range for platform time_t" for `time_t` results) and
//! ValueError for NaN.
use core::ffi::{c_double, c_int, c_long};

use crate::errors::exception_types as exc;
use crate::errors::pyerr::{PyErr_Clear, PyErr_ExceptionMatches, PyErr_Occurred};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{float, long_convert};
use crate::runtime::time::{_PyTime_round_t, _PyTime_t, _Py_clock_info_t};

/// The rounding mode as C passes it (any int; a Rust enum must never hold another value),
/// printed as `_PyTime_round_t` in the header (cbindgen.toml).
pub type _PyTime_round_t_int = c_int;

const SEC_NS: i64 = 1_000_000_000;
const MS_NS: i64 = 1_000_000;
const US_NS: i64 = 1_000;
const SEC_US: i64 = 1_000_000;

/// 2^63 as a double: the first value above every `int64_t`.
const I64_END: f64 = 9_223_372_036_854_775_808.0;

fn in_i64_range(d: f64) -> bool {
    (-I64_END..I64_END).contains(&d)
}

fn overflow() -> c_int {
    let _ = raise_type(&raw mut exc::_PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    -1
}

fn time_t_overflow() -> c_int {
    let _ = raise_type(&raw mut exc::_PyExc_OverflowError, "timestamp out of range for platform time_t");
    -1
}

fn nan_error() -> c_int {
    let _ = raise_type(&raw mut exc::_PyExc_ValueError, "Invalid value NaN (not a number)");
    -1
}

/// `x` rounded to an integral double as `round` says (ties to even for HALF_EVEN, away
/// from zero for UP).
pub(crate) fn round_double(x: f64, round: _PyTime_round_t) -> f64 {
    match round {
        _PyTime_round_t::_PyTime_ROUND_HALF_EVEN => {
            let r = x.round();
            if (x - r).abs() == 0.5 {
                2.0 * (x / 2.0).round()
            } else {
                r
            }
        }
        _PyTime_round_t::_PyTime_ROUND_CEILING => x.ceil(),
        _PyTime_round_t::_PyTime_ROUND_FLOOR => x.floor(),
        _PyTime_round_t::_PyTime_ROUND_UP => {
            if x >= 0.0 {
                x.ceil()
            } else {
                x.floor()
            }
        }
    }
}

/// `t / k` (k > 0) rounded as `round` says, without overflow.
pub(crate) fn divide(t: i64, k: i64, round: _PyTime_round_t) -> i64 {
    let (q, r) = (t / k, t % k);
    let away = if t >= 0 { 1 } else { -1 };
    match round {
        _PyTime_round_t::_PyTime_ROUND_HALF_EVEN => {
            let half = k / 2;
            if r.abs() > half || (r.abs() == half && k % 2 == 0 && q & 1 != 0) {
                q + away
            } else {
                q
            }
        }
        _PyTime_round_t::_PyTime_ROUND_CEILING => q + (r > 0) as i64,
        _PyTime_round_t::_PyTime_ROUND_FLOOR => q - (r < 0) as i64,
        _PyTime_round_t::_PyTime_ROUND_UP => q + if r != 0 { away } else { 0 },
    }
}

/// The `round` argument as C passed it; anything out of the enum is HALF_EVEN's neighbour
/// FLOOR (CPython never checks; no valid caller passes one).
fn round_mode(round: _PyTime_round_t_int) -> _PyTime_round_t {
    match round {
        1 => _PyTime_round_t::_PyTime_ROUND_CEILING,
        2 => _PyTime_round_t::_PyTime_ROUND_HALF_EVEN,
        3 => _PyTime_round_t::_PyTime_ROUND_UP,
        _ => _PyTime_round_t::_PyTime_ROUND_FLOOR,
    }
}

/// `PyLong_AsLongLong(obj)` with its OverflowError replaced by `on_overflow`'s.
unsafe fn as_long_long(obj: *mut PyObject, on_overflow: fn() -> c_int) -> Option<i64> {
    let v = long_convert::PyLong_AsLongLong(obj);
    if v == -1 && !PyErr_Occurred().is_null() {
        if PyErr_ExceptionMatches(exc::PyExc_OverflowError) != 0 {
            PyErr_Clear();
            on_overflow();
        }
        return None;
    }
    Some(v)
}

/// A float or an int of seconds (times `unit` nanoseconds) as a timestamp.
unsafe fn from_object(tp: *mut _PyTime_t, obj: *mut PyObject, round: c_int, unit: i64) -> c_int {
    if float::is_float(obj) {
        let d = float::value(obj);
        if d.is_nan() {
            return nan_error();
        }
        let ns = round_double(d * unit as f64, round_mode(round));
        // CPython's message for a float out of range names time_t.
        if !in_i64_range(ns) {
            return time_t_overflow();
        }
        *tp = ns as i64;
        return 0;
    }
    let Some(v) = as_long_long(obj, overflow) else { return -1 };
    match v.checked_mul(unit) {
        Some(ns) => {
            *tp = ns;
            0
        }
        None => overflow(),
    }
}

/// `_PyTime_t _PyTime_FromSeconds(int seconds)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_FromSeconds(seconds: c_int) -> _PyTime_t {
    seconds as i64 * SEC_NS
}

/// `_PyTime_t _PyTime_FromNanoseconds(_PyTime_t ns)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_FromNanoseconds(ns: _PyTime_t) -> _PyTime_t {
    ns
}

/// `int _PyTime_FromNanosecondsObject(_PyTime_t *t, PyObject *obj)`: an int of nanoseconds
/// (TypeError "expect int, got T" for anything else).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_FromNanosecondsObject(t: *mut _PyTime_t, obj: *mut PyObject) -> c_int {
    if obj.is_null() || !crate::objects::int::is_int(obj) {
        let name = if obj.is_null() { "NULL".to_string() } else { crate::abstract_::tp_name(obj) };
        let _ = crate::abstract_::type_error(format!("expect int, got {name}"));
        return -1;
    }
    let Some(v) = as_long_long(obj, overflow) else { return -1 };
    *t = v;
    0
}

/// `int _PyTime_FromSecondsObject(_PyTime_t *t, PyObject *obj, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_FromSecondsObject(t: *mut _PyTime_t, obj: *mut PyObject, round: _PyTime_round_t_int) -> c_int {
    from_object(t, obj, round, SEC_NS)
}

/// `int _PyTime_FromMillisecondsObject(_PyTime_t *t, PyObject *obj, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_FromMillisecondsObject(t: *mut _PyTime_t, obj: *mut PyObject, round: _PyTime_round_t_int) -> c_int {
    from_object(t, obj, round, MS_NS)
}

/// `double _PyTime_AsSecondsDouble(_PyTime_t t)`: whole seconds convert exactly.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_AsSecondsDouble(t: _PyTime_t) -> c_double {
    if t % SEC_NS == 0 {
        (t / SEC_NS) as f64
    } else {
        t as f64 / 1e9
    }
}

/// `_PyTime_t _PyTime_AsMilliseconds(_PyTime_t t, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_AsMilliseconds(t: _PyTime_t, round: _PyTime_round_t_int) -> _PyTime_t {
    divide(t, MS_NS, round_mode(round))
}

/// `_PyTime_t _PyTime_AsMicroseconds(_PyTime_t t, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_AsMicroseconds(t: _PyTime_t, round: _PyTime_round_t_int) -> _PyTime_t {
    divide(t, US_NS, round_mode(round))
}

/// `_PyTime_t _PyTime_AsNanoseconds(_PyTime_t t)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_AsNanoseconds(t: _PyTime_t) -> _PyTime_t {
    t
}

/// `PyObject *_PyTime_AsNanosecondsObject(_PyTime_t t)`: an int.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_AsNanosecondsObject(t: _PyTime_t) -> *mut PyObject {
    long_convert::PyLong_FromLongLong(t)
}

/// Seconds and a non-negative remainder of `units` per second.
fn split(count: i64, units: i64) -> (i64, i64) {
    (count.div_euclid(units), count.rem_euclid(units))
}

/// `int _PyTime_FromTimeval(_PyTime_t *tp, struct timeval *tv)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_FromTimeval(tp: *mut _PyTime_t, tv: *mut libc::timeval) -> c_int {
    let ns = ((*tv).tv_sec as i64).checked_mul(SEC_NS).and_then(|s| s.checked_add((*tv).tv_usec as i64 * US_NS));
    match ns {
        Some(ns) => {
            *tp = ns;
            0
        }
        None => overflow(),
    }
}

/// `int _PyTime_FromTimespec(_PyTime_t *tp, struct timespec *ts)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_FromTimespec(tp: *mut _PyTime_t, ts: *mut libc::timespec) -> c_int {
    let ns = ((*ts).tv_sec as i64).checked_mul(SEC_NS).and_then(|s| s.checked_add((*ts).tv_nsec as i64));
    match ns {
        Some(ns) => {
            *tp = ns;
            0
        }
        None => overflow(),
    }
}

/// `int _PyTime_AsTimeval(_PyTime_t t, struct timeval *tv, _PyTime_round_t round)`:
/// `tv_usec` in [0, 10^6). With a 64-bit `time_t` it cannot overflow.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_AsTimeval(t: _PyTime_t, tv: *mut libc::timeval, round: _PyTime_round_t_int) -> c_int {
    _PyTime_AsTimeval_clamp(t, tv, round);
    0
}

/// `void _PyTime_AsTimeval_clamp(_PyTime_t t, struct timeval *tv, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_AsTimeval_clamp(t: _PyTime_t, tv: *mut libc::timeval, round: _PyTime_round_t_int) {
    let (sec, usec) = split(divide(t, US_NS, round_mode(round)), SEC_US);
    (*tv).tv_sec = sec;
    (*tv).tv_usec = usec;
}

/// `int _PyTime_AsTimevalTime_t(_PyTime_t t, time_t *secs, int *us, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_AsTimevalTime_t(t: _PyTime_t, secs: *mut libc::time_t, us: *mut c_int, round: _PyTime_round_t_int) -> c_int {
    let (sec, usec) = split(divide(t, US_NS, round_mode(round)), SEC_US);
    *secs = sec;
    *us = usec as c_int;
    0
}

/// `int _PyTime_AsTimespec(_PyTime_t t, struct timespec *ts)`: `tv_nsec` in [0, 10^9).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_AsTimespec(t: _PyTime_t, ts: *mut libc::timespec) -> c_int {
    _PyTime_AsTimespec_clamp(t, ts);
    0
}

/// `void _PyTime_AsTimespec_clamp(_PyTime_t t, struct timespec *ts)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_AsTimespec_clamp(t: _PyTime_t, ts: *mut libc::timespec) {
    let (sec, nsec) = split(t, SEC_NS);
    (*ts).tv_sec = sec;
    (*ts).tv_nsec = nsec;
}

/// `_PyTime_t _PyTime_Add(_PyTime_t t1, _PyTime_t t2)`: clamped to the `_PyTime_t` range.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_Add(t1: _PyTime_t, t2: _PyTime_t) -> _PyTime_t {
    t1.saturating_add(t2)
}

/// `_PyTime_t _PyTime_MulDiv(_PyTime_t ticks, _PyTime_t mul, _PyTime_t div)`: `ticks * mul /
/// div` (truncated) clamped to the `_PyTime_t` range.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_MulDiv(ticks: _PyTime_t, mul: _PyTime_t, div: _PyTime_t) -> _PyTime_t {
    if div == 0 {
        return 0;
    }
    let v = ticks as i128 * mul as i128 / div as i128;
    v.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// A seconds object as whole seconds and a fraction in [0, `denominator`).
unsafe fn object_to_denominator(obj: *mut PyObject, sec: *mut libc::time_t, numerator: *mut c_long, denominator: f64, round: _PyTime_round_t_int) -> c_int {
    if float::is_float(obj) {
        let d = float::value(obj);
        if d.is_nan() {
            *numerator = 0;
            return nan_error();
        }
        let mut int_part = d.trunc();
        let mut frac = round_double((d - int_part) * denominator, round_mode(round));
        if frac >= denominator {
            frac -= denominator;
            int_part += 1.0;
        } else if frac < 0.0 {
            frac += denominator;
            int_part -= 1.0;
        }
        if !in_i64_range(int_part) {
            return time_t_overflow();
        }
        *sec = int_part as libc::time_t;
        *numerator = frac as c_long;
        return 0;
    }
    let s = long_convert::_PyLong_AsTime_t(obj);
    *numerator = 0;
    if s == -1 && !PyErr_Occurred().is_null() {
        return -1;
    }
    *sec = s;
    0
}

/// `int _PyTime_ObjectToTime_t(PyObject *obj, time_t *sec, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_ObjectToTime_t(obj: *mut PyObject, sec: *mut libc::time_t, round: _PyTime_round_t_int) -> c_int {
    if float::is_float(obj) {
        let d = float::value(obj);
        if d.is_nan() {
            return nan_error();
        }
        let d = round_double(d, round_mode(round)).trunc();
        if !in_i64_range(d) {
            return time_t_overflow();
        }
        *sec = d as libc::time_t;
        return 0;
    }
    let s = long_convert::_PyLong_AsTime_t(obj);
    if s == -1 && !PyErr_Occurred().is_null() {
        return -1;
    }
    *sec = s;
    0
}

/// `int _PyTime_ObjectToTimeval(PyObject *obj, time_t *sec, long *usec, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_ObjectToTimeval(obj: *mut PyObject, sec: *mut libc::time_t, usec: *mut c_long, round: _PyTime_round_t_int) -> c_int {
    object_to_denominator(obj, sec, usec, 1e6, round)
}

/// `int _PyTime_ObjectToTimespec(PyObject *obj, time_t *sec, long *nsec, _PyTime_round_t round)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_ObjectToTimespec(obj: *mut PyObject, sec: *mut libc::time_t, nsec: *mut c_long, round: _PyTime_round_t_int) -> c_int {
    object_to_denominator(obj, sec, nsec, 1e9, round)
}

// ---- Clocks ---------------------------------------------------------------------------------

/// A clock's time in nanoseconds, and its description when `info` is not NULL; -1 with
/// OSError when the clock cannot be read.
unsafe fn read_clock(clock: libc::clockid_t, name: &'static core::ffi::CStr, monotonic: bool, t: *mut _PyTime_t, info: *mut _Py_clock_info_t) -> c_int {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    if libc::clock_gettime(clock, &mut ts) != 0 {
        crate::errors::setters::PyErr_SetFromErrno(exc::PyExc_OSError);
        return -1;
    }
    *t = (ts.tv_sec as i64).saturating_mul(SEC_NS).saturating_add(ts.tv_nsec as i64);
    if !info.is_null() {
        let mut res = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        if libc::clock_getres(clock, &mut res) != 0 {
            crate::errors::setters::PyErr_SetFromErrno(exc::PyExc_OSError);
            return -1;
        }
        (*info).implementation = name.as_ptr();
        (*info).monotonic = monotonic as c_int;
        (*info).adjustable = (!monotonic) as c_int;
        (*info).resolution = res.tv_sec as f64 + res.tv_nsec as f64 * 1e-9;
    }
    0
}

/// The clock's time, 0 if it cannot be read (the no-error spellings).
fn clock_now(clock: libc::clockid_t) -> _PyTime_t {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-parameter.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return 0;
    }
    (ts.tv_sec as i64).saturating_mul(SEC_NS).saturating_add(ts.tv_nsec as i64)
}

/// `_PyTime_t _PyTime_GetSystemClock(void)`: CLOCK_REALTIME.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_GetSystemClock() -> _PyTime_t {
    clock_now(libc::CLOCK_REALTIME)
}

/// `int _PyTime_GetSystemClockWithInfo(_PyTime_t *t, _Py_clock_info_t *info)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_GetSystemClockWithInfo(t: *mut _PyTime_t, info: *mut _Py_clock_info_t) -> c_int {
    read_clock(libc::CLOCK_REALTIME, c"clock_gettime(CLOCK_REALTIME)", false, t, info)
}

/// `_PyTime_t _PyTime_GetMonotonicClock(void)`: CLOCK_MONOTONIC.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_GetMonotonicClock() -> _PyTime_t {
    clock_now(libc::CLOCK_MONOTONIC)
}

/// `int _PyTime_GetMonotonicClockWithInfo(_PyTime_t *t, _Py_clock_info_t *info)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_GetMonotonicClockWithInfo(t: *mut _PyTime_t, info: *mut _Py_clock_info_t) -> c_int {
    read_clock(libc::CLOCK_MONOTONIC, c"clock_gettime(CLOCK_MONOTONIC)", true, t, info)
}

/// `_PyTime_t _PyTime_GetPerfCounter(void)`: the monotonic clock, as on CPython/Linux.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyTime_GetPerfCounter() -> _PyTime_t {
    _PyTime_GetMonotonicClock()
}

/// `int _PyTime_GetPerfCounterWithInfo(_PyTime_t *t, _Py_clock_info_t *info)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_GetPerfCounterWithInfo(t: *mut _PyTime_t, info: *mut _Py_clock_info_t) -> c_int {
    _PyTime_GetMonotonicClockWithInfo(t, info)
}

/// `_PyTime_t _PyDeadline_Init(_PyTime_t timeout)`: now + timeout on the monotonic clock.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyDeadline_Init(timeout: _PyTime_t) -> _PyTime_t {
    _PyTime_Add(_PyTime_GetMonotonicClock(), timeout)
}

/// `_PyTime_t _PyDeadline_Get(_PyTime_t deadline)`: the time left until `deadline`
/// (negative once passed).
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn _PyDeadline_Get(deadline: _PyTime_t) -> _PyTime_t {
    deadline.saturating_sub(_PyTime_GetMonotonicClock())
}

// ---- Broken-down time -------------------------------------------------------------------------

/// The result of `gmtime_r`/`localtime_r`: 0, or -1 with OSError from errno (EINVAL when
/// the C library gave none).
unsafe fn broken_down(ok: bool) -> c_int {
    if ok {
        return 0;
    }
    if *libc::__errno_location() == 0 {
        *libc::__errno_location() = libc::EINVAL;
    }
    crate::errors::setters::PyErr_SetFromErrno(exc::PyExc_OSError);
    -1
}

/// `int _PyTime_localtime(time_t t, struct tm *tm)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_localtime(t: libc::time_t, tm: *mut libc::tm) -> c_int {
    *libc::__errno_location() = 0;
    broken_down(!libc::localtime_r(&t, tm).is_null())
}

/// `int _PyTime_gmtime(time_t t, struct tm *tm)`.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub unsafe extern "C" fn _PyTime_gmtime(t: libc::time_t, tm: *mut libc::tm) -> c_int {
    *libc::__errno_location() = 0;
    broken_down(!libc::gmtime_r(&t, tm).is_null())
}
