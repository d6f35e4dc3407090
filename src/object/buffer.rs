//! The buffer protocol's view struct (`Py_buffer`) and request flags (CPython's
//! `pybuffer.h`; in the limited API since 3.11).
use core::ffi::{c_char, c_int, c_void};

use crate::object::object::PyObject;
use crate::pyport::Py_ssize_t;

/// `Py_buffer`: a view of an exporter's memory, filled by `bf_getbuffer`. CPython's
/// struct is anonymous; the C typedef (include/pytypedefs.h) names it by this tag so that
/// slot signatures can mention it before its body.
#[cfg(not(limited_api_before_3_11))]
#[repr(C)]
pub struct bufferinfo {
    pub buf: *mut c_void,
    /// Owned reference to the exporter.
    pub obj: *mut PyObject,
    pub len: Py_ssize_t,
    pub itemsize: Py_ssize_t,
    pub readonly: c_int,
    pub ndim: c_int,
    pub format: *mut c_char,
    pub shape: *mut Py_ssize_t,
    pub strides: *mut Py_ssize_t,
    pub suboffsets: *mut Py_ssize_t,
    pub internal: *mut c_void,
}
pub type Py_buffer = bufferinfo;
assert_layout!(Py_buffer, size = 80, buf @ 0, obj @ 8, len @ 16, itemsize @ 24,
    readonly @ 32, ndim @ 36, format @ 40, shape @ 48, strides @ 56, suboffsets @ 64,
    internal @ 72);

#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_MAX_NDIM: c_int = 64;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_SIMPLE: c_int = 0;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_WRITABLE: c_int = 0x0001;
/// Old spelling, kept out of the limited API as CPython does.
#[cfg(not(Py_LIMITED_API))]
pub const PyBUF_WRITEABLE: c_int = PyBUF_WRITABLE;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_FORMAT: c_int = 0x0004;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_ND: c_int = 0x0008;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_STRIDES: c_int = 0x0010 | PyBUF_ND;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_C_CONTIGUOUS: c_int = 0x0020 | PyBUF_STRIDES;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_F_CONTIGUOUS: c_int = 0x0040 | PyBUF_STRIDES;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_ANY_CONTIGUOUS: c_int = 0x0080 | PyBUF_STRIDES;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_INDIRECT: c_int = 0x0100 | PyBUF_STRIDES;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_CONTIG: c_int = PyBUF_ND | PyBUF_WRITABLE;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_CONTIG_RO: c_int = PyBUF_ND;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_STRIDED: c_int = PyBUF_STRIDES | PyBUF_WRITABLE;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_STRIDED_RO: c_int = PyBUF_STRIDES;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_RECORDS: c_int = PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_RECORDS_RO: c_int = PyBUF_STRIDES | PyBUF_FORMAT;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_FULL: c_int = PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_FULL_RO: c_int = PyBUF_INDIRECT | PyBUF_FORMAT;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_READ: c_int = 0x100;
#[cfg(not(limited_api_before_3_11))]
pub const PyBUF_WRITE: c_int = 0x200;
