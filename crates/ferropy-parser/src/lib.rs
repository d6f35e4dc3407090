//! Python 3.11 source text -> AST. Plain Rust with no dependency on the object core, so it
//! can be tested and fuzzed alone (see docs/DESIGN.md).

pub mod ast;
pub mod cli;
pub mod dump;
pub mod error;
mod fstring;
pub mod number;
pub mod parser;
pub mod source;
pub mod string_literal;
pub mod tokenizer;
#[rustfmt::skip]
pub mod unicode_tables;

pub use ast::{Kind, Module, Node, Value};
pub use error::{ErrorKind, SyntaxError};

/// Parse a file's bytes (coding declarations and BOM honoured, as `ast.parse(bytes)`).
pub fn parse_module(source: &[u8], filename: &str) -> Result<Module, SyntaxError> {
    let text = source::decode_source(source).map_err(|mut e| {
        e.filename = filename.to_string();
        e
    })?;
    parse_str(&text, filename)
}

/// Parse already-decoded text.
pub fn parse_str(text: &str, filename: &str) -> Result<Module, SyntaxError> {
    let toks = tokenizer::tokenize(text);
    parser::parse_tokens(text, &toks).map_err(|e| {
        let mut e = *e;
        e.filename = filename.to_string();
        if e.text.is_none() {
            if let Some(l) = e.lineno {
                if l >= 1 {
                    if let Some(line) = text.split_inclusive('\n').nth(l as usize - 1) {
                        e.text = Some(line.to_string());
                    }
                }
            }
        }
        e
    })
}

/// `ast.dump(tree)` / `ast.dump(tree, include_attributes=True)`.
pub fn dump(tree: &Node, include_attributes: bool) -> String {
    dump::dump(tree, include_attributes)
}
