//! Compile-time errors are the parser's `SyntaxError` values, positioned as CPython
//! positions them (1-based offsets: the node's column + 1).

use ferropy_parser::ast::Loc;
use ferropy_parser::{ErrorKind, SyntaxError};

pub type CompileResult<T> = Result<T, Box<SyntaxError>>;

/// A SyntaxError spanning `loc`.
pub fn at(msg: impl Into<String>, loc: Loc) -> Box<SyntaxError> {
    let mut e = SyntaxError::simple(ErrorKind::SyntaxError, msg);
    e.lineno = Some(loc.lineno as i64);
    e.offset = Some(loc.col as i64 + 1);
    e.end_lineno = Some(loc.end_lineno as i64);
    e.end_offset = Some(loc.end_col as i64 + 1);
    Box::new(e)
}

/// Fill in the filename. The source line is left unset: as in CPython, errors found after
/// parsing get their `text` from the file named `filename` when it is raised (none for
/// `<string>`), not from the compiled source.
pub fn finish(mut e: Box<SyntaxError>, filename: &str) -> Box<SyntaxError> {
    e.filename = filename.to_string();
    e
}
