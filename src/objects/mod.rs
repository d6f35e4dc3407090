//! The builtin types, one file per type (int.rs, float.rs, str.rs, list.rs, dict.rs, ...).
pub mod module;
pub mod structseq;
