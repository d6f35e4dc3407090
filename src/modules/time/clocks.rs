//! The clocks: `time`, `monotonic`, `perf_counter`, `process_time`, `thread_time` (each
//! with `_ns`), `clock_gettime(_ns)`, `clock_settime(_ns)`, `clock_getres`,
//! `pthread_getcpuclockid`, `get_clock_info`. All read `clock_gettime`.
use core::ffi::c_int;

use crate::errors::raised::PyResult;
use crate::modules::posix::args::{c_int_arg, errno_error, value_error};
use crate::modules::time::convert::{ns_to_seconds, timespec_ns};
use crate::modules::{args_slice, meth, fast, none_ref, owned, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::objects::{dict, float, int, str as pystr};

/// Reads a clock in nanoseconds.
pub(crate) unsafe fn read_clock(clock: libc::clockid_t) -> PyResult<i128> {
    let mut ts: libc::timespec = core::mem::zeroed();
    if libc::clock_gettime(clock, &mut ts) != 0 {
        return Err(errno_error());
    }
    Ok(timespec_ns(&ts))
}

unsafe fn seconds(clock: libc::clockid_t) -> PyResult<PyRef> {
    float::new(ns_to_seconds(read_clock(clock)?))
}

unsafe fn nanoseconds(clock: libc::clockid_t) -> PyResult<PyRef> {
    int::from_i128(read_clock(clock)?)
}

macro_rules! clock_pair {
    ($secs:ident, $ns:ident, $clock:expr) => {
        unsafe extern "C" fn $secs(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
            ret(seconds($clock))
        }
        unsafe extern "C" fn $ns(_m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
            ret(nanoseconds($clock))
        }
    };
}

clock_pair!(time, time_ns, libc::CLOCK_REALTIME);
clock_pair!(monotonic, monotonic_ns, libc::CLOCK_MONOTONIC);
clock_pair!(perf_counter, perf_counter_ns, libc::CLOCK_MONOTONIC);
clock_pair!(process_time, process_time_ns, libc::CLOCK_PROCESS_CPUTIME_ID);
clock_pair!(thread_time, thread_time_ns, libc::CLOCK_THREAD_CPUTIME_ID);

unsafe fn clock_id(op: *mut PyObject) -> PyResult<libc::clockid_t> {
    c_int_arg(op)
}

unsafe extern "C" fn clock_gettime(_m: *mut PyObject, clk: *mut PyObject) -> *mut PyObject {
    ret(clock_id(clk).and_then(|c| seconds(c)))
}

unsafe extern "C" fn clock_gettime_ns(_m: *mut PyObject, clk: *mut PyObject) -> *mut PyObject {
    ret(clock_id(clk).and_then(|c| nanoseconds(c)))
}

unsafe extern "C" fn clock_getres(_m: *mut PyObject, clk: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut ts: libc::timespec = core::mem::zeroed();
        if libc::clock_getres(clock_id(clk)?, &mut ts) != 0 {
            return Err(errno_error());
        }
        float::new(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
    })())
}

unsafe fn set_clock(clock: libc::clockid_t, ns: i128) -> PyResult<PyRef> {
    let ts = libc::timespec { tv_sec: ns.div_euclid(1_000_000_000) as i64, tv_nsec: ns.rem_euclid(1_000_000_000) as i64 };
    if libc::clock_settime(clock, &ts) != 0 {
        return Err(errno_error());
    }
    Ok(none_ref())
}

/// `clock_settime(clk_id, time, /)`: seconds (float or int).
unsafe extern "C" fn clock_settime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        crate::modules::posix::args::check_args(c"clock_settime", a.len(), 2, 2)?;
        let clock = clock_id(a[0])?;
        let ns = if float::is_float(a[1]) {
            (float::as_double(a[1])? * 1e9) as i128
        } else {
            crate::modules::time::convert::to_time_t(a[1])? as i128 * 1_000_000_000
        };
        set_clock(clock, ns)
    })())
}

/// `clock_settime_ns(clk_id, time, /)`: nanoseconds.
unsafe extern "C" fn clock_settime_ns(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args, nargs);
        crate::modules::posix::args::check_args(c"clock_settime_ns", a.len(), 2, 2)?;
        let clock = clock_id(a[0])?;
        let i = crate::abstract_::number::index(a[1])?;
        let ns = crate::objects::long_convert::int_to_i128(i.as_ptr())
            .ok_or_else(|| crate::modules::posix::args::overflow("timestamp too large to convert to C _PyTime_t"))?;
        set_clock(clock, ns)
    })())
}

/// `pthread_getcpuclockid(thread_id, /)`.
unsafe extern "C" fn pthread_getcpuclockid(_m: *mut PyObject, tid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let tid = crate::objects::long_convert::PyLong_AsUnsignedLong(tid);
        if !crate::errors::pyerr::PyErr_Occurred().is_null() {
            return Err(crate::errors::raised::Raised::assume_set());
        }
        let mut clock: libc::clockid_t = 0;
        let err = libc::pthread_getcpuclockid(tid as libc::pthread_t, &mut clock);
        if err != 0 {
            return Err(crate::modules::posix::args::error_for(err));
        }
        int::from_i64(clock as i64)
    })())
}

/// (implementation, monotonic, adjustable, clock) of each named clock.
fn clock_info(name: &str) -> Option<(&'static str, bool, bool, libc::clockid_t)> {
    Some(match name {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true, libc::CLOCK_REALTIME),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false, libc::CLOCK_MONOTONIC),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, libc::CLOCK_PROCESS_CPUTIME_ID),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, libc::CLOCK_THREAD_CPUTIME_ID),
        _ => return None,
    })
}

/// `get_clock_info(name, /)`: a `types.SimpleNamespace`.
unsafe extern "C" fn get_clock_info(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !pystr::is_str(name) {
            return Err(crate::abstract_::type_error(format!(
                "get_clock_info() argument 1 must be str, not {}",
                crate::abstract_::tp_name(name)
            )));
        }
        let Some((implementation, monotonic, adjustable, clock)) = clock_info(&pystr::to_string(name)) else {
            return Err(value_error("unknown clock"));
        };
        let mut ts: libc::timespec = core::mem::zeroed();
        let resolution = if libc::clock_getres(clock, &mut ts) == 0 { ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9 } else { 1e-9 };
        let d = dict::new()?;
        let set = |k: &str, v: PyRef| dict::set_item(d.as_ptr(), pystr::intern(k)?.as_ptr(), v.as_ptr());
        set("implementation", pystr::from_utf8(implementation)?)?;
        set("monotonic", crate::abstract_::compare::bool_ref(monotonic))?;
        set("adjustable", crate::abstract_::compare::bool_ref(adjustable))?;
        set("resolution", float::new(resolution)?)?;
        owned(crate::objects::namespace::_PyNamespace_New(d.as_ptr()))
    })())
}

pub(crate) const CLOCK_CONSTANTS: &[(&str, c_int)] = &[
    ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
    ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
    ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
    ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
    ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
    ("CLOCK_TAI", libc::CLOCK_TAI),
    ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
];

pub(crate) const FUNCTIONS: [PyMethodDef; 17] = [
    meth(c"time", time, METH_NOARGS, c"time() -> floating point number\n\nReturn the current time in seconds since the Epoch.\nFractions of a second may be present if the system clock provides them."),
    meth(c"time_ns", time_ns, METH_NOARGS, c"time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."),
    meth(c"monotonic", monotonic, METH_NOARGS, c"monotonic() -> float\n\nMonotonic clock, cannot go backward."),
    meth(c"monotonic_ns", monotonic_ns, METH_NOARGS, c"monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."),
    meth(c"perf_counter", perf_counter, METH_NOARGS, c"perf_counter() -> float\n\nPerformance counter for benchmarking."),
    meth(c"perf_counter_ns", perf_counter_ns, METH_NOARGS, c"perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."),
    meth(c"process_time", process_time, METH_NOARGS, c"process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."),
    meth(c"process_time_ns", process_time_ns, METH_NOARGS, c"process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    meth(c"thread_time", thread_time, METH_NOARGS, c"thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."),
    meth(c"thread_time_ns", thread_time_ns, METH_NOARGS, c"thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    meth(c"clock_gettime", clock_gettime, METH_O, c"clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."),
    meth(c"clock_gettime_ns", clock_gettime_ns, METH_O, c"clock_gettime_ns(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds."),
    meth(c"clock_getres", clock_getres, METH_O, c"clock_getres(clk_id) -> floating point number\n\nReturn the resolution (precision) of the specified clock clk_id."),
    fast(c"clock_settime", clock_settime, c"clock_settime(clk_id, time)\n\nSet the time of the specified clock clk_id."),
    fast(c"clock_settime_ns", clock_settime_ns, c"clock_settime_ns(clk_id, time)\n\nSet the time of the specified clock clk_id with nanoseconds."),
    meth(c"pthread_getcpuclockid", pthread_getcpuclockid, METH_O, c"pthread_getcpuclockid(thread_id) -> int\n\nReturn the clk_id of a thread's CPU time clock."),
    meth(c"get_clock_info", get_clock_info, METH_O, c"get_clock_info(name: str) -> dict\n\nGet information of the specified clock."),
];
