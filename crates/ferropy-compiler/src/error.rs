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

/// Fill in the filename and source line, as the parser does for its own errors.
pub fn finish(mut e: Box<SyntaxError>, source: &str, filename: &str) -> Box<SyntaxError> {
    e.filename = filename.to_string();
    if e.text.is_none() {
        if let Some(l) = e.lineno {
            if l >= 1 {
                e.text = source.split_inclusive('\n').nth(l as usize - 1).map(str::to_string);
            }
        }
    }
    e
}
