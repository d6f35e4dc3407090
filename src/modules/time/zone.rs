//! The time zone attributes (`timezone`, `altzone`, `daylight`, `tzname`), read from the
//! C library's local time in January and July of the current year (so the southern
//! hemisphere's summer is seen as such), and `tzset()`, which re-reads `TZ` and updates
//! them.
use core::ffi::CStr;

use crate::errors::raised::PyResult;
use crate::modules::module_init::{add, add_int};
use crate::modules::{meth, none_ref, ret};
use crate::object::methods::{PyMethodDef, METH_NOARGS};
use crate::object::object::PyObject;
use crate::objects::tuple;

/// (offset west of UTC in seconds, zone name) of local time at `t`.
unsafe fn zone_at(t: libc::time_t) -> (i64, Vec<u8>) {
    let mut tm: libc::tm = core::mem::zeroed();
    if libc::localtime_r(&t, &mut tm).is_null() {
        return (0, b"UTC".to_vec());
    }
    let name = if tm.tm_zone.is_null() { Vec::new() } else { CStr::from_ptr(tm.tm_zone).to_bytes().to_vec() };
    (-tm.tm_gmtoff, name)
}

/// Sets the four attributes in the module dict `d`.
pub(crate) unsafe fn init_timezone(d: *mut PyObject) -> PyResult<()> {
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    let now = libc::time(core::ptr::null_mut());
    let start = (now / YEAR) * YEAR;
    let (jan, jan_name) = zone_at(start);
    let (jul, jul_name) = zone_at(start + YEAR / 2);
    let ((std_off, std_name), (dst_off, dst_name)) =
        if jan < jul { ((jul, jul_name), (jan, jan_name)) } else { ((jan, jan_name), (jul, jul_name)) };
    add_int(d, "timezone", std_off)?;
    add_int(d, "altzone", dst_off)?;
    add_int(d, "daylight", (jan != jul) as i64)?;
    let names = tuple::from_vec(vec![
        crate::codecs::locale_codec::decode(&std_name, true)?,
        crate::codecs::locale_codec::decode(&dst_name, true)?,
    ])?;
    add(d, "tzname", names.as_ptr())
}

/// `tzset()`: re-reads the TZ environment variable.
unsafe extern "C" fn tzset(m: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    extern "C" {
        fn tzset();
    }
    ret((|| {
        tzset();
        init_timezone(crate::objects::module::PyModule_GetDict(m))?;
        Ok(none_ref())
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 1] = [meth(
    c"tzset",
    tzset,
    METH_NOARGS,
    c"tzset()\n\nInitialize, or reinitialize, the local timezone to the value\nstored in os.environ['TZ']. The TZ environment variable should be\nspecified in standard Unix timezone format as documented in the tzset\nman page (eg. 'US/Eastern', 'Europe/Amsterdam'). Unknown timezones will\nsilently fall back to UTC. If the TZ environment variable is not set, the\nlocal timezone is set to the systems best guess of wallclock time.\nChanging the TZ environment variable without calling tzset *may* change\nthe local timezone used by methods such as localtime, but this behaviour\nshould not be relied on.",
)];
