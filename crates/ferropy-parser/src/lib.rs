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
pub mod warning;
#[rustfmt::skip]
pub mod unicode_tables;

pub use ast::{Kind, Module, Node, Value};
pub use error::{ErrorKind, SyntaxError};
pub use parser::modes::Mode;
pub use warning::{Category as WarningCategory, Warning};

/// Parse a file's bytes (coding declarations and BOM honoured, as `ast.parse(bytes)`).
pub fn parse_module(source: &[u8], filename: &str) -> Result<Module, SyntaxError> {
    parse_module_mode(source, filename, Mode::Exec)
}

/// Parse a file's bytes with the start symbol of `mode` (`Module`, `Expression` or
/// `Interactive` root).
pub fn parse_module_mode(source: &[u8], filename: &str, mode: Mode) -> Result<Module, SyntaxError> {
    parse_with_warnings(source, filename, mode).map(|(m, _)| m)
}

/// `parse_module_mode`, also returning the tokenizer's and parser's warnings (invalid
/// escape sequences, `1if`), in source order.
pub fn parse_with_warnings(source: &[u8], filename: &str, mode: Mode) -> Result<(Module, Vec<Warning>), SyntaxError> {
    let (text, declared) = source::decode_source_info(source).map_err(|mut e| {
        e.filename = filename.to_string();
        e
    })?;
    parse_text(&text, filename, mode).map_err(|(e, chars)| if declared || chars { e } else { to_byte_columns(e, &text) })
}

/// Char columns -> byte columns, as `ast.parse(bytes)` reports them without a declared
/// encoding.
fn to_byte_columns(mut e: SyntaxError, text: &str) -> SyntaxError {
    if text.is_ascii() {
        return e;
    }
    let conv = |line: Option<i64>, off: Option<i64>| -> Option<i64> {
        let (l, o) = match (line, off) {
            (Some(l), Some(o)) if l >= 1 && o >= 1 => (l, o),
            _ => return off,
        };
        let s = text.split('\n').nth(l as usize - 1)?;
        let chars = (o - 1) as usize;
        let bytes: usize = s.chars().take(chars).map(|c| c.len_utf8()).sum::<usize>() + chars.saturating_sub(s.chars().count());
        Some(bytes as i64 + 1)
    };
    e.offset = conv(e.lineno, e.offset).or(e.offset);
    e.end_offset = conv(e.end_lineno, e.end_offset).or(e.end_offset);
    e
}

/// Parse already-decoded text.
pub fn parse_str(text: &str, filename: &str) -> Result<Module, SyntaxError> {
    parse_str_mode(text, filename, Mode::Exec)
}

/// Parse already-decoded text with the start symbol of `mode`.
pub fn parse_str_mode(text: &str, filename: &str, mode: Mode) -> Result<Module, SyntaxError> {
    parse_str_with_warnings(text, filename, mode).map(|(m, _)| m)
}

/// `parse_str_mode`, also returning the warnings.
pub fn parse_str_with_warnings(text: &str, filename: &str, mode: Mode) -> Result<(Module, Vec<Warning>), SyntaxError> {
    parse_text(text, filename, mode).map_err(|(e, _)| e)
}

fn parse_text(text: &str, filename: &str, mode: Mode) -> Result<(Module, Vec<Warning>), (SyntaxError, bool)> {
    // Parse on the caller's stack within a small budget; a deeply nested file that
    // needs more is parsed again on a private thread with a big stack, so nesting is
    // bounded by the parser's own limit and not by the calling thread's stack.
    let mut r = parse_str_here(text, 512 << 10, mode);
    if matches!(&r, Err((e, _)) if e.msg == parser::STACK_RETRY) {
        let t = std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(512 << 20)
                .spawn_scoped(s, || parse_str_here(text, 480 << 20, mode))
                .map(|h| h.join())
        });
        r = match t {
            Ok(Ok(r)) => r,
            Ok(Err(p)) => std::panic::resume_unwind(p),
            Err(_) => Err((Box::new(SyntaxError::simple(ErrorKind::MemoryError, "")), false)),
        };
    }
    r.map_err(|(e, chars)| {
        let mut e = *e;
        e.filename = filename.to_string();
        if e.text.is_none() {
            if let Some(l) = e.lineno {
                if l >= 1 {
                    // The tokenizer ends the source with a newline, so the last line has one.
                    if let Some(line) = text.split_inclusive('\n').nth(l as usize - 1) {
                        let mut line = line.to_string();
                        if !line.ends_with('\n') {
                            line.push('\n');
                        }
                        e.text = Some(line);
                    }
                }
            }
        }
        (e, chars)
    })
}

thread_local! {
    static BUFFERS: std::cell::Cell<(Vec<tokenizer::Token>, Vec<u32>)> = const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

fn parse_str_here(text: &str, stack_budget: usize, mode: Mode) -> Result<(Module, Vec<Warning>), (Box<SyntaxError>, bool)> {
    let (tb, lb) = BUFFERS.with(|b| b.take());
    let toks = tokenizer::tokenize_into(text, tb, lb);
    let r = parser::parse_tokens(text, &toks, stack_budget, mode);
    // Keep the buffers for the next file unless they grew unreasonably.
    if toks.toks.capacity() < (4 << 20) {
        BUFFERS.with(|b| b.set((toks.toks, toks.line_starts)));
    }
    let (m, warnings) = r?;
    if ast_depth(&m) > MAX_AST_DEPTH {
        return Err((Box::new(SyntaxError::simple(ErrorKind::RecursionError, "maximum recursion depth exceeded during ast construction")), false));
    }
    Ok((m, warnings))
}

/// CPython converts the tree to Python objects with a recursion limit of 3 x 1000 frames
/// (less the caller's depth); deeper trees raise RecursionError from `ast.parse`.
const MAX_AST_DEPTH: usize = 2988;

fn ast_depth(root: &Node) -> usize {
    // Iterative: the tree can be deeper than is comfortable for recursion.
    let mut max = 0;
    let mut stack: Vec<(&Node, usize)> = vec![(root, 1)];
    while let Some((n, d)) = stack.pop() {
        if d > max {
            max = d;
        }
        for f in &n.fields {
            match f {
                Value::Node(c) if !c.fields.is_empty() || c.kind.info().attrs => stack.push((c, d + 1)),
                Value::List(items) => {
                    for it in items {
                        if let Value::Node(c) = it {
                            stack.push((c, d + 1));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    max
}

/// `ast.dump(tree)` / `ast.dump(tree, include_attributes=True)`.
pub fn dump(tree: &Node, include_attributes: bool) -> String {
    dump::dump(tree, include_attributes)
}
