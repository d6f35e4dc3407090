//! Python 3.11 AST -> symbol tables -> bytecode (`CodeUnit`).  Plain Rust with no object
//! core, so it is tested alone; the eval loop turns a `CodeUnit` into a code object.
//! Design notes: docs/compiler.md.

pub mod assemble;
pub mod ast_util;
pub mod cflags;
pub mod cli;
pub mod code;
pub mod code_cache;
pub mod compile;
mod compile_expr;
mod compile_match;
pub mod compile_stmt;
pub mod dis;
pub mod error;
mod exit_lines;
pub mod fold;
pub mod line_table;
pub mod future;
mod lint;
pub mod mangle;
mod modes;
pub mod opcode;
pub mod fast_hash;
pub mod symtable;
pub mod symtable_dump;
pub mod unparse;
pub mod verify;

pub use error::CompileResult;

/// Identifies this build's compiler and parser (a hash of their sources): cached code
/// units carry it and are used only by the same compiler.
pub const BYTECODE_ID: &str = env!("FERROPY_BYTECODE_ID");

/// Parse and build the symbol table of a file's bytes (errors carry filename and text).
pub fn symtable_of_source(source: &[u8], filename: &str) -> Result<(ferropy_parser::Module, symtable::SymbolTable), Box<ferropy_parser::SyntaxError>> {
    let module = ferropy_parser::parse_module(source, filename).map_err(Box::new)?;
    let st = symtable_of_tree(&module, filename, 0)?;
    Ok((module, st))
}

/// Future statements (plus the inherited `CO_FUTURE_*` bits of `flags`) and symbol table.
fn symtable_of_tree(module: &ferropy_parser::Module, filename: &str, flags: u32) -> Result<symtable::SymbolTable, Box<ferropy_parser::SyntaxError>> {
    let mut fut = if module.kind == ferropy_parser::Kind::Expression { future::Future::default() } else { future::scan(module).map_err(|e| error::finish(e, filename))? };
    fut.annotations |= flags & cflags::CO_FUTURE_ANNOTATIONS != 0;
    fut.barry_as_flufl |= flags & cflags::CO_FUTURE_BARRY_AS_BDFL != 0;
    symtable::build(module, fut).map_err(|e| error::finish(e, filename))
}

/// Compile a file's bytes to a module `CodeUnit` (errors carry the filename; parse errors the text).
pub fn compile_source(source: &[u8], filename: &str, opts: compile::Options) -> Result<code::CodeUnit, Box<ferropy_parser::SyntaxError>> {
    compile(source, filename, opts).map(|c| c.code)
}

/// What one compilation produces besides the code.
#[derive(Debug)]
pub struct Compiled {
    pub code: code::CodeUnit,
    /// The `CO_FUTURE_*` bits in effect (inherited and from the source's future
    /// statements): `PyRun_*` and `compile()` merge them back into the caller's
    /// `PyCompilerFlags`.
    pub future_flags: u32,
    /// Warnings to issue, in source order.
    pub warnings: Vec<ferropy_parser::Warning>,
}

/// Compile source in any mode (`compile()`, `Py_CompileStringExFlags`, `PyRun_*`).
/// Without `cflags::IGNORE_COOKIE` the bytes are decoded as a file is (BOM, coding
/// declaration); with it they must be UTF-8 text (`compile(str)`).
pub fn compile(source: &[u8], filename: &str, opts: compile::Options) -> Result<Compiled, Box<ferropy_parser::SyntaxError>> {
    let parsed = if opts.flags & cflags::IGNORE_COOKIE != 0 {
        match std::str::from_utf8(source) {
            Ok(text) => ferropy_parser::parse_str_with_warnings(text, filename, opts.mode),
            Err(_) => ferropy_parser::parse_with_warnings(source, filename, opts.mode),
        }
    } else {
        ferropy_parser::parse_with_warnings(source, filename, opts.mode)
    };
    // Valid UTF-8 (nearly always) is borrowed after the fast check; from_utf8_lossy's
    // chunked scan cost ~2% of compiling a module.
    let text = match core::str::from_utf8(source) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(source),
    };
    let (module, mut warnings) = parsed.map_err(|e| modes::adjust_parse_error(Box::new(e), &text, opts))?;
    modes::check_implied_dedent(&module, &text, filename, opts)?;
    let compiled = compile_parsed(&module, filename, opts, source.len() <= SMALL_SOURCE)?;
    // CPython parses the whole source before compiling: the parser's warnings come first.
    warnings.extend(compiled.warnings);
    Ok(Compiled { warnings, ..compiled })
}

/// Compile a tree that did not come from source text (`compile(ast_object, ...)`); the
/// caller has validated it (contexts, required fields) as CPython does.
pub fn compile_tree(module: &ferropy_parser::Module, filename: &str, opts: compile::Options) -> Result<Compiled, Box<ferropy_parser::SyntaxError>> {
    compile_parsed(module, filename, opts, false)
}

fn compile_parsed(module: &ferropy_parser::Module, filename: &str, opts: compile::Options, small: bool) -> Result<Compiled, Box<ferropy_parser::SyntaxError>> {
    let st = symtable_of_tree(module, filename, opts.flags)?;
    let (code, warnings) = compile_module_checked(module, &st, filename, opts, small).map_err(|e| error::finish(e, filename))?;
    let mut future_flags = opts.flags & cflags::FUTURE_MASK;
    if st.future.annotations {
        future_flags |= cflags::CO_FUTURE_ANNOTATIONS;
    }
    if st.future.barry_as_flufl {
        future_flags |= cflags::CO_FUTURE_BARRY_AS_BDFL;
    }
    Ok(Compiled { code, future_flags, warnings })
}

/// Sources up to this size nest at most this deep, which the caller's stack can take.
const SMALL_SOURCE: usize = 256;

fn compile_module_checked(module: &ferropy_parser::Module, st: &symtable::SymbolTable, filename: &str, opts: compile::Options, small: bool) -> CompileResult<(code::CodeUnit, Vec<ferropy_parser::Warning>)> {
    // Deeply nested code recurses deeply: compile on a thread with a big stack.  A small
    // source cannot nest deeply, so it is compiled here (no thread spawn per `eval()`).
    if small {
        return compile::compile_root(module, st, filename, opts);
    }
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(s, || compile::compile_root(module, st, filename, opts))
            .expect("spawn compiler thread")
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}
