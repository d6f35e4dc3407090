//! The C-API and stable-ABI version numbers of modsupport.h, which `PyModule_Create` and
//! `PyModule_FromDefAndSpec` pass to the library (their string forms are hand-written in
//! include/modsupport.h), and `Py_CLEANUP_SUPPORTED`, the bit an `O&` converter returns to
//! ask for a cleanup call.
use core::ffi::c_int;

/// `PYTHON_API_VERSION`: the API version CPython 3.11 modules are built with.
pub const PYTHON_API_VERSION: c_int = 1013;
/// `PYTHON_ABI_VERSION`: the stable ABI version (PEP 384), used by limited-API modules.
pub const PYTHON_ABI_VERSION: c_int = 3;
/// Returned by a `PyArg_Parse*` `O&` converter that wants to be called again on failure.
pub const Py_CLEANUP_SUPPORTED: c_int = 0x20000;
