//! Symbol tables and code generation (the tokenizer, parser and AST are the
//! `ferropy-parser` crate).
pub mod flags;
pub mod stack_effect;
pub mod warnings;
