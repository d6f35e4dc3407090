//! The `_sre` module: the regular-expression engine under `re` (docs/sre.md).
pub mod char_test;
pub mod charclass;
pub mod constants;
pub mod engine;
pub mod match_obj;
pub mod module;
pub mod pattern;
pub mod scanner;
pub mod subject;
