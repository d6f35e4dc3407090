//! `struct_time` (nine fields by index plus `tm_zone`/`tm_gmtoff` by name), the
//! conversions between it and C's `struct tm` (CPython's rules: months and weekdays
//! shifted, `checktm`'s ranges and fix-ups), `gmtime`, `localtime`, `mktime`.
use core::ffi::{c_int, CStr};
use std::ffi::CString;

use crate::abstract_::type_error;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::posix::args::{errno_error, overflow, value_error};
use crate::modules::time::convert::to_time_t;
use crate::modules::{args_slice, fast, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::object::ptr::PyRef;
use crate::object::typeobject::PyTypeObject;
use crate::objects::structseq::{PyStructSequence_Desc, PyStructSequence_Field, PyStructSequence_New, PyStructSequence_NewType, PyStructSequence_SetItem};
use crate::objects::{float, int, tuple};

const fn field(name: &'static CStr, doc: &'static CStr) -> PyStructSequence_Field {
    PyStructSequence_Field { name: name.as_ptr(), doc: doc.as_ptr() }
}

static mut FIELDS: [PyStructSequence_Field; 12] = [
    field(c"tm_year", c"year, for example, 1993"),
    field(c"tm_mon", c"month of year, range [1, 12]"),
    field(c"tm_mday", c"day of month, range [1, 31]"),
    field(c"tm_hour", c"hours, range [0, 23]"),
    field(c"tm_min", c"minutes, range [0, 59]"),
    field(c"tm_sec", c"seconds, range [0, 61])"),
    field(c"tm_wday", c"day of week, range [0, 6], Monday is 0"),
    field(c"tm_yday", c"day of year, range [1, 366]"),
    field(c"tm_isdst", c"1 if summer time is in effect, 0 if not, and -1 if unknown"),
    field(c"tm_zone", c"abbreviation of timezone name"),
    field(c"tm_gmtoff", c"offset from UTC in seconds"),
    PyStructSequence_Field { name: core::ptr::null(), doc: core::ptr::null() },
];

static mut DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"time.struct_time".as_ptr(),
    doc: c"The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details.".as_ptr(),
    fields: &raw mut FIELDS as *mut PyStructSequence_Field,
    n_in_sequence: 9,
};

pub(crate) static mut STRUCT_TIME: *mut PyTypeObject = core::ptr::null_mut();

/// Makes the type (once per process).
pub(crate) unsafe fn init_type() -> PyResult<*mut PyTypeObject> {
    if STRUCT_TIME.is_null() {
        let tp = PyStructSequence_NewType(&raw mut DESC);
        if tp.is_null() {
            return Err(Raised::assume_set());
        }
        STRUCT_TIME = tp;
    }
    Ok(STRUCT_TIME)
}

/// A `struct_time` of a `struct tm`.
pub(crate) unsafe fn from_tm(tm: &libc::tm) -> PyResult<PyRef> {
    let op = PyRef::from_owned(PyStructSequence_New(STRUCT_TIME)).ok_or_else(Raised::assume_set)?;
    let zone = if tm.tm_zone.is_null() {
        crate::abstract_::new_ref(crate::abstract_::none())
    } else {
        crate::codecs::locale_codec::decode(CStr::from_ptr(tm.tm_zone).to_bytes(), true)?
    };
    let values = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    for (i, v) in values.into_iter().enumerate() {
        PyStructSequence_SetItem(op.as_ptr(), i as isize, int::from_i64(v)?.into_ptr());
    }
    PyStructSequence_SetItem(op.as_ptr(), 9, zone.into_ptr());
    PyStructSequence_SetItem(op.as_ptr(), 10, int::from_i64(tm.tm_gmtoff)?.into_ptr());
    Ok(op)
}

/// A `struct tm` read from a time tuple, with the zone name it may point to.
pub(crate) struct TmArg {
    pub tm: libc::tm,
    _zone: Option<CString>,
}

/// A 9-tuple or `struct_time` as a `struct tm` (CPython's `gettmarg`); `function` names
/// the caller in the "illegal time tuple" message.
pub(crate) unsafe fn tm_arg(function: &str, op: *mut PyObject) -> PyResult<TmArg> {
    if !tuple::is_tuple(op) {
        return Err(type_error("Tuple or struct_time argument required"));
    }
    let items = tuple::items(op);
    if items.len() != 9 {
        return Err(type_error(format!("{function}(): illegal time tuple argument")));
    }
    let mut v = [0 as c_int; 9];
    for (slot, &item) in v.iter_mut().zip(items) {
        *slot = crate::modules::posix::args::c_int_arg(item)?;
    }
    if v[0] < c_int::MIN + 1900 {
        return Err(overflow("year out of range"));
    }
    let mut tm: libc::tm = core::mem::zeroed();
    tm.tm_year = v[0] - 1900;
    tm.tm_mon = v[1] - 1;
    tm.tm_mday = v[2];
    tm.tm_hour = v[3];
    tm.tm_min = v[4];
    tm.tm_sec = v[5];
    tm.tm_wday = (v[6] + 1) % 7;
    tm.tm_yday = v[7] - 1;
    tm.tm_isdst = v[8];
    let mut zone = None;
    if (*op).ob_type == STRUCT_TIME {
        let all = core::slice::from_raw_parts((*(op as *mut crate::objects::tuple::PyTupleObject)).ob_item.as_ptr(), 11);
        if crate::objects::str::is_str(all[9]) {
            let bytes = crate::codecs::fs_encoding::encode(all[9])?;
            zone = CString::new(crate::objects::bytes::as_slice(bytes.as_ptr())).ok();
        }
        if all[10] != crate::abstract_::none() {
            tm.tm_gmtoff = crate::objects::long_convert::as_i64(all[10])?;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok(TmArg { tm, _zone: zone })
}

/// CPython's `checktm`: range checks, with month/day/yday 0 taken as the first.
pub(crate) fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(value_error("day of year out of range"));
    }
    Ok(())
}

/// The `time_t` of an optional seconds argument (None or absent: now).
pub(crate) unsafe fn when(arg: Option<*mut PyObject>) -> PyResult<libc::time_t> {
    match arg {
        Some(a) if a != crate::abstract_::none() => to_time_t(a),
        _ => Ok((crate::modules::time::clocks::read_clock(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t),
    }
}

/// `localtime_r` of a time, OSError (errno) when the C library cannot represent it.
pub(crate) unsafe fn local_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm: libc::tm = core::mem::zeroed();
    *libc::__errno_location() = 0;
    if libc::localtime_r(&t, &mut tm).is_null() {
        if *libc::__errno_location() == 0 {
            *libc::__errno_location() = libc::EINVAL;
        }
        return Err(errno_error());
    }
    Ok(tm)
}

unsafe fn optional_arg(name: &CStr, args: *const *mut PyObject, nargs: isize) -> PyResult<Option<*mut PyObject>> {
    let a = args_slice(args, nargs);
    crate::modules::posix::args::check_args(name, a.len(), 0, 1)?;
    Ok(a.first().copied())
}

/// `gmtime([seconds])`.
unsafe extern "C" fn gmtime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let t = when(optional_arg(c"gmtime", args, nargs)?)?;
        let mut tm: libc::tm = core::mem::zeroed();
        *libc::__errno_location() = 0;
        if libc::gmtime_r(&t, &mut tm).is_null() {
            if *libc::__errno_location() == 0 {
                *libc::__errno_location() = libc::EINVAL;
            }
            return Err(errno_error());
        }
        from_tm(&tm)
    })())
}

/// `localtime([seconds])`.
unsafe extern "C" fn localtime(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let t = when(optional_arg(c"localtime", args, nargs)?)?;
        from_tm(&local_tm(t)?)
    })())
}

/// `mktime(tuple)`: local time to seconds since the Epoch (a float).
unsafe extern "C" fn mktime(_m: *mut PyObject, t: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut arg = tm_arg("mktime", t)?;
        // mktime leaves tm_wday alone on failure: the sentinel tells -1 (an error) from
        // one second before the Epoch.
        arg.tm.tm_wday = -1;
        let r = libc::mktime(&mut arg.tm);
        if r == -1 && arg.tm.tm_wday == -1 {
            return Err(overflow("mktime argument out of range"));
        }
        float::new(r as f64)
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 3] = [
    fast(c"gmtime", gmtime, c"gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT).  When 'seconds' is not passed in, convert the current time instead.\n\nIf the platform supports the tm_gmtoff and tm_zone, they are available as\nattributes only."),
    fast(c"localtime", localtime, c"localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time.\nWhen 'seconds' is not passed in, convert the current time instead."),
    crate::modules::meth(c"mktime", mktime, crate::object::methods::METH_O, c"mktime(tuple) -> floating point number\n\nConvert a time tuple in local time to seconds since the Epoch.\nNote that mktime(gmtime(0)) will not generally return zero for most\ntime zones; instead the returned value will either be equal to that\nof the timezone or altzone attributes on the time module."),
];
