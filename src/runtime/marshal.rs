//! marshal.h: the format version `marshal.dumps` writes by default (marshal.h is not
//! included by Python.h; C code includes it explicitly).
use core::ffi::c_int;

/// `Py_MARSHAL_VERSION`: the current marshal format.
#[cfg(not(Py_LIMITED_API))]
pub const Py_MARSHAL_VERSION: c_int = 4;
