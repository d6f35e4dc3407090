//! The builtin types, one file per type (int.rs, float.rs, str.rs, list.rs, dict.rs, ...).

pub mod bool;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod cfunction;
pub mod code;
pub mod complex;
pub mod dict;
pub mod float;
pub mod function;
pub mod gen;
pub mod int;
pub mod list;
pub mod memoryview;
pub mod method;
pub mod module;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod structseq;
pub mod tuple;
pub mod unicode_format;
pub mod weakref;
