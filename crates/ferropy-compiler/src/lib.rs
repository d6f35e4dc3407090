//! Python 3.11 AST -> symbol tables -> bytecode (`CodeUnit`).  Plain Rust with no object
//! core, so it is tested alone; the eval loop turns a `CodeUnit` into a code object.
//! Design notes: docs/compiler.md.

pub mod assemble;
pub mod ast_util;
pub mod cli;
pub mod code;
pub mod compile;
mod compile_expr;
mod compile_match;
pub mod compile_stmt;
pub mod dis;
pub mod error;
pub mod fold;
pub mod future;
pub mod mangle;
pub mod opcode;
pub mod symtable;
pub mod symtable_dump;
pub mod unparse;
pub mod verify;

pub use error::CompileResult;

/// Parse and build the symbol table of a file's bytes (errors carry filename and text).
pub fn symtable_of_source(source: &[u8], filename: &str) -> Result<(ferropy_parser::Module, symtable::SymbolTable), Box<ferropy_parser::SyntaxError>> {
    let module = ferropy_parser::parse_module(source, filename).map_err(Box::new)?;
    let text = String::from_utf8_lossy(source);
    let fut = future::scan(&module).map_err(|e| error::finish(e, &text, filename))?;
    let st = symtable::build(&module, fut).map_err(|e| error::finish(e, &text, filename))?;
    Ok((module, st))
}

/// Compile a file's bytes to a module `CodeUnit` (errors carry filename and text).
pub fn compile_source(source: &[u8], filename: &str, opts: compile::Options) -> Result<code::CodeUnit, Box<ferropy_parser::SyntaxError>> {
    let (module, st) = symtable_of_source(source, filename)?;
    let text = String::from_utf8_lossy(source);
    compile_module_checked(&module, &st, filename, opts).map_err(|e| error::finish(e, &text, filename))
}

fn compile_module_checked(module: &ferropy_parser::Module, st: &symtable::SymbolTable, filename: &str, opts: compile::Options) -> CompileResult<code::CodeUnit> {
    // Deeply nested code recurses deeply: compile on a thread with a big stack.
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(s, || compile::compile_module(module, st, filename, opts))
            .expect("spawn compiler thread")
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}
