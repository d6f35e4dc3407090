//! Constants of ceval.h: the `FORMAT_VALUE` opcode's argument bits (conversion and
//! whether a format spec is on the stack), part of the public header.
use core::ffi::c_int;

pub const FVC_MASK: c_int = 0x3;
pub const FVC_NONE: c_int = 0x0;
pub const FVC_STR: c_int = 0x1;
pub const FVC_REPR: c_int = 0x2;
pub const FVC_ASCII: c_int = 0x3;
pub const FVS_MASK: c_int = 0x4;
pub const FVS_HAVE_SPEC: c_int = 0x4;
