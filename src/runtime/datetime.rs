//! The datetime C-API of datetime.h: the object layouts that its accessor macros read
//! (`PyDateTime_GET_YEAR` reads `data[0..2]` of a date...) and `PyDateTime_CAPI`, the
//! table of types and constructors that `PyDateTime_IMPORT` fetches from the
//! "datetime.datetime_CAPI" capsule. Not in the limited API.
//!
//! datetime.h is not included by Python.h in CPython; here the structs come through
//! ferropy_generated.h like every other declaration, so Python.h shows them too, and
//! datetime.h adds the macros.
use core::ffi::{c_char, c_int, c_uchar};

use crate::object::object::{PyObject, PyTypeObject};
use crate::pyport::Py_hash_t;

/// Bytes of packed fields (big-endian year, then month, day...) in each object kind.
#[cfg(not(Py_LIMITED_API))]
pub const _PyDateTime_DATE_DATASIZE: usize = 4;
#[cfg(not(Py_LIMITED_API))]
pub const _PyDateTime_TIME_DATASIZE: usize = 6;
#[cfg(not(Py_LIMITED_API))]
pub const _PyDateTime_DATETIME_DATASIZE: usize = 10;

/// `PyDateTime_Delta`: a timedelta, normalized (0 <= seconds < 86400,
/// 0 <= microseconds < 1000000); `hashcode` is -1 until computed.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDateTime_Delta {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub days: c_int,
    pub seconds: c_int,
    pub microseconds: c_int,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyDateTime_Delta, size = 40,
    ob_base @ 0, hashcode @ 16, days @ 24, seconds @ 28, microseconds @ 32);

/// `PyDateTime_TZInfo`: the abstract tzinfo base, only an object header.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDateTime_TZInfo {
    pub ob_base: PyObject,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyDateTime_TZInfo, size = 16, ob_base @ 0);

/// `_PyDateTime_BaseTZInfo`: the common head of time and datetime objects (never
/// allocated; `_PyDateTime_HAS_TZINFO` casts to it).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyDateTime_BaseTZInfo {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyDateTime_BaseTZInfo, size = 32, ob_base @ 0, hashcode @ 16, hastzinfo @ 24);

/// `_PyDateTime_BaseTime`: a time object allocated without a tzinfo (hastzinfo false).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyDateTime_BaseTime {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; _PyDateTime_TIME_DATASIZE],
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyDateTime_BaseTime, size = 32,
    ob_base @ 0, hashcode @ 16, hastzinfo @ 24, data @ 25);

/// `PyDateTime_Time`: a time with its fold and tzinfo (valid when hastzinfo is true).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDateTime_Time {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; _PyDateTime_TIME_DATASIZE],
    pub fold: c_uchar,
    pub tzinfo: *mut PyObject,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyDateTime_Time, size = 40,
    ob_base @ 0, hashcode @ 16, hastzinfo @ 24, data @ 25, fold @ 31, tzinfo @ 32);

/// `PyDateTime_Date`: a date (hastzinfo is always false).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDateTime_Date {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; _PyDateTime_DATE_DATASIZE],
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyDateTime_Date, size = 32, ob_base @ 0, hashcode @ 16, hastzinfo @ 24, data @ 25);

/// `_PyDateTime_BaseDateTime`: a datetime allocated without a tzinfo.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _PyDateTime_BaseDateTime {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; _PyDateTime_DATETIME_DATASIZE],
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_PyDateTime_BaseDateTime, size = 40,
    ob_base @ 0, hashcode @ 16, hastzinfo @ 24, data @ 25);

/// `PyDateTime_DateTime`: a datetime with its fold and tzinfo (valid when hastzinfo).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDateTime_DateTime {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; _PyDateTime_DATETIME_DATASIZE],
    pub fold: c_uchar,
    pub tzinfo: *mut PyObject,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyDateTime_DateTime, size = 48,
    ob_base @ 0, hashcode @ 16, hastzinfo @ 24, data @ 25, fold @ 35, tzinfo @ 40);

/// `PyDateTime_CAPI`: the datetime module's types, the UTC singleton and its constructors,
/// in the order CPython's capsule lays them out.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyDateTime_CAPI {
    pub DateType: *mut PyTypeObject,
    pub DateTimeType: *mut PyTypeObject,
    pub TimeType: *mut PyTypeObject,
    pub DeltaType: *mut PyTypeObject,
    pub TZInfoType: *mut PyTypeObject,
    pub TimeZone_UTC: *mut PyObject,
    pub Date_FromDate:
        Option<unsafe extern "C" fn(c_int, c_int, c_int, *mut PyTypeObject) -> *mut PyObject>,
    pub DateTime_FromDateAndTime: Option<
        unsafe extern "C" fn(
            c_int,
            c_int,
            c_int,
            c_int,
            c_int,
            c_int,
            c_int,
            *mut PyObject,
            *mut PyTypeObject,
        ) -> *mut PyObject,
    >,
    pub Time_FromTime: Option<
        unsafe extern "C" fn(
            c_int,
            c_int,
            c_int,
            c_int,
            *mut PyObject,
            *mut PyTypeObject,
        ) -> *mut PyObject,
    >,
    pub Delta_FromDelta: Option<
        unsafe extern "C" fn(c_int, c_int, c_int, c_int, *mut PyTypeObject) -> *mut PyObject,
    >,
    pub TimeZone_FromTimeZone:
        Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject>,
    pub DateTime_FromTimestamp: Option<
        unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject,
    >,
    pub Date_FromTimestamp:
        Option<unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject>,
    pub DateTime_FromDateAndTimeAndFold: Option<
        unsafe extern "C" fn(
            c_int,
            c_int,
            c_int,
            c_int,
            c_int,
            c_int,
            c_int,
            *mut PyObject,
            c_int,
            *mut PyTypeObject,
        ) -> *mut PyObject,
    >,
    pub Time_FromTimeAndFold: Option<
        unsafe extern "C" fn(
            c_int,
            c_int,
            c_int,
            c_int,
            *mut PyObject,
            c_int,
            *mut PyTypeObject,
        ) -> *mut PyObject,
    >,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyDateTime_CAPI, size = 120,
    DateType @ 0, DateTimeType @ 8, TimeType @ 16, DeltaType @ 24, TZInfoType @ 32,
    TimeZone_UTC @ 40, Date_FromDate @ 48, DateTime_FromDateAndTime @ 56,
    Time_FromTime @ 64, Delta_FromDelta @ 72, TimeZone_FromTimeZone @ 80,
    DateTime_FromTimestamp @ 88, Date_FromTimestamp @ 96,
    DateTime_FromDateAndTimeAndFold @ 104, Time_FromTimeAndFold @ 112);
