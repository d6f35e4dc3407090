//! `sleep(secs)`: waits on the monotonic clock until an absolute deadline with the GIL
//! released; a signal interrupting the wait runs the Python handlers (an exception from
//! one ends the sleep) and the wait resumes for the time left (PEP 475).
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{error_for, value_error, without_gil};
use crate::modules::time::convert::to_ns_ceiling;
use crate::modules::{none_ref, ret};
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;

pub(crate) unsafe fn sleep_ns(ns: i64) -> PyResult<PyRef> {
    let start = crate::modules::time::clocks::read_clock(libc::CLOCK_MONOTONIC)?;
    let deadline = start + ns as i128;
    let ts = libc::timespec { tv_sec: (deadline / 1_000_000_000) as i64, tv_nsec: (deadline % 1_000_000_000) as i64 };
    loop {
        let err = without_gil(|| libc::clock_nanosleep(libc::CLOCK_MONOTONIC, libc::TIMER_ABSTIME, &ts, core::ptr::null_mut()));
        match err {
            0 => return Ok(none_ref()),
            libc::EINTR => {
                if crate::runtime::signals::PyErr_CheckSignals() < 0 {
                    return Err(Raised::assume_set());
                }
            }
            e => return Err(error_for(e)),
        }
    }
}

pub(crate) unsafe extern "C" fn sleep(_m: *mut PyObject, secs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let ns = to_ns_ceiling(secs)?;
        if ns < 0 {
            return Err(value_error("sleep length must be non-negative"));
        }
        sleep_ns(ns)
    })())
}
