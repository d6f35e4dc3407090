//! The line-table cursor of cpython/code.h (`PyCodeAddressRange`), which the thread state
//! embeds (`PyTraceInfo.bounds`) for the line tracer.
//!
//! FIXME(merge): the concrete-objects branch declares `PyCodeObject`, `_opaque` and
//! `_line_offsets` in src/objects/code.rs (cpython/code.h is theirs). Keep theirs: delete
//! this file and `pub mod linetable;`, and import them in runtime/threadstate.rs from
//! `crate::objects::code`. They are here only so that this branch builds alone.
use core::ffi::c_int;

/// Placeholder until the code object struct is declared with its fields (cpython/code.h's
/// owner): C sees `PyCodeObject` only through pointers here. When the real struct lands,
/// delete this and import it instead (two Rust items of the same name would confuse
/// cbindgen).
pub struct PyCodeObject {
    _private: [u8; 0],
}

/// `struct _opaque`: the private cursor state inside `PyCodeAddressRange`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _opaque {
    pub computed_line: c_int,
    pub lo_next: *const u8,
    pub limit: *const u8,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(_opaque, size = 24, computed_line @ 0, lo_next @ 8, limit @ 16);

/// `struct _line_offsets` (`PyCodeAddressRange`): the instruction range `[ar_start, ar_end)`
/// that maps to line `ar_line`.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct _line_offsets {
    pub ar_start: c_int,
    pub ar_end: c_int,
    pub ar_line: c_int,
    pub opaque: _opaque,
}
#[cfg(not(Py_LIMITED_API))]
pub type PyCodeAddressRange = _line_offsets;
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyCodeAddressRange, size = 40, ar_start @ 0, ar_end @ 4, ar_line @ 8, opaque @ 16);
