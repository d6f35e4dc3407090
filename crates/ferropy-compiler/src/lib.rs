//! Python 3.11 AST -> symbol tables -> bytecode (`CodeUnit`).  Plain Rust with no object
//! core, so it is tested alone; the eval loop turns a `CodeUnit` into a code object.
//! Design notes: docs/compiler.md.

pub mod ast_util;
pub mod cli;
pub mod error;
pub mod future;
pub mod mangle;
pub mod symtable;
pub mod symtable_dump;

pub use error::CompileResult;

/// Parse and build the symbol table of a file's bytes (errors carry filename and text).
pub fn symtable_of_source(source: &[u8], filename: &str) -> Result<(ferropy_parser::Module, symtable::SymbolTable), Box<ferropy_parser::SyntaxError>> {
    let module = ferropy_parser::parse_module(source, filename).map_err(Box::new)?;
    let text = String::from_utf8_lossy(source);
    let fut = future::scan(&module).map_err(|e| error::finish(e, &text, filename))?;
    let st = symtable::build(&module, fut).map_err(|e| error::finish(e, &text, filename))?;
    Ok((module, st))
}
