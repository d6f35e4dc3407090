//! Struct sequences (named-tuple-like types such as `os.stat_result`), described in C by
//! `PyStructSequence_Desc` (CPython's `structseq.h`).
use core::ffi::{c_char, c_int};

/// One named field; a `name` of `PyStructSequence_UnnamedField` makes it positional-only.
#[repr(C)]
pub struct PyStructSequence_Field {
    pub name: *const c_char,
    pub doc: *const c_char,
}
assert_layout!(PyStructSequence_Field, size = 16, name @ 0, doc @ 8);

/// A struct sequence type: `fields` ends with a NULL name; the first `n_in_sequence`
/// fields are visible as tuple items.
#[repr(C)]
pub struct PyStructSequence_Desc {
    pub name: *const c_char,
    pub doc: *const c_char,
    pub fields: *mut PyStructSequence_Field,
    pub n_in_sequence: c_int,
}
assert_layout!(PyStructSequence_Desc, size = 32, name @ 0, doc @ 8, fields @ 16,
    n_in_sequence @ 24);
