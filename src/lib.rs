//! ferropy: CPython 3.11 rewritten in Rust, shipped as a drop-in `libpython3.11.so.1.0`.
//!
//! Layers (see ../shared/ARCHITECTURE.md and docs/DESIGN.md):
//! runtime/ (process, interpreters, threads) -> import/, modules/ -> eval/ -> the object
//! core (object/, objects/, abstract_/, errors/, gc/). The parser is the separate crate
//! `ferropy-parser` (crates/ferropy-parser) so that it can be tested and fuzzed alone.
//!
//! Names follow CPython's C-API, hence the lint allowances.
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals)]
#![allow(clippy::missing_safety_doc)]

#[macro_use]
mod layout;
pub mod pyport;

mod c_entry;

pub mod object;
pub mod objects;
pub mod abstract_;
pub mod errors;
pub mod gc;
pub mod runtime;
pub mod eval;
pub mod compiler;
pub mod modules;
pub mod import;
pub mod codecs;
pub mod internal_api;
