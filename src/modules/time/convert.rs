//! Conversions between Python numbers and times, with CPython's errors: seconds objects to
//! `time_t` (floored, for `gmtime`/`localtime`/`ctime`) and to nanoseconds (rounded up,
//! for timeouts such as `sleep`), nanoseconds to float seconds.
use crate::errors::exception_types as exc;
use crate::errors::raised::PyResult;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::objects::{float, long_convert};

fn overflow(message: &str) -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}

fn nan_error() -> crate::errors::raised::Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, "Invalid value NaN (not a number)")
}

const TIME_T_RANGE: &str = "timestamp out of range for platform time_t";

/// A timestamp in seconds as `time_t`, floats floored.
pub(crate) unsafe fn to_time_t(op: *mut PyObject) -> PyResult<libc::time_t> {
    if float::is_float(op) {
        let f = float::value(op);
        if f.is_nan() {
            return Err(nan_error());
        }
        let f = f.floor();
        if !(-9.223_372_036_854_775e18..9.223_372_036_854_775e18).contains(&f) {
            return Err(overflow(TIME_T_RANGE));
        }
        return Ok(f as libc::time_t);
    }
    let i = crate::abstract_::number::index(op)?;
    long_convert::as_i64_with(i.as_ptr(), TIME_T_RANGE)
}

/// A duration in seconds as nanoseconds, rounded up (a timeout never ends early).
pub(crate) unsafe fn to_ns_ceiling(op: *mut PyObject) -> PyResult<i64> {
    if float::is_float(op) {
        let f = float::value(op);
        if f.is_nan() {
            return Err(nan_error());
        }
        let ns = (f * 1e9).ceil();
        if !(-9.223_372_036_854_775e18..9.223_372_036_854_775e18).contains(&ns) {
            return Err(overflow(TIME_T_RANGE));
        }
        return Ok(ns as i64);
    }
    let too_large = "timestamp too large to convert to C _PyTime_t";
    let i = crate::abstract_::number::index(op)?;
    let secs = long_convert::as_i64_with(i.as_ptr(), too_large)?;
    secs.checked_mul(1_000_000_000).ok_or_else(|| overflow(too_large))
}

/// Nanoseconds as float seconds (CPython divides, so whole seconds stay exact).
pub(crate) fn ns_to_seconds(ns: i128) -> f64 {
    ns as f64 / 1e9
}

/// A `timespec` as nanoseconds.
pub(crate) fn timespec_ns(ts: &libc::timespec) -> i128 {
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}
