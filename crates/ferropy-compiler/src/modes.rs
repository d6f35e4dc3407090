//! What the REPL-oriented flags change: `PyCF_ALLOW_INCOMPLETE_INPUT` turns errors caused
//! by input ending inside a construct into `SyntaxError("incomplete input")` (how
//! `codeop` tells "needs more lines" from "wrong"), and `PyCF_DONT_IMPLY_DEDENT` makes an
//! interactive compound statement without its final newline unfinished.

use crate::cflags::{ALLOW_INCOMPLETE_INPUT, DONT_IMPLY_DEDENT};
use crate::compile::Options;
use ferropy_parser::{ErrorKind, Kind, Mode, Module, SyntaxError};

/// Whether a parse error only says that the input stopped too early.
fn ends_too_early(e: &SyntaxError, text: &str, mode: Mode) -> bool {
    let m = e.msg.as_str();
    if m.ends_with("was never closed") || m.starts_with("unterminated triple-quoted string") || m == "unexpected EOF while parsing" {
        return true;
    }
    if mode == Mode::Single && m.starts_with("unterminated string literal") {
        return true;
    }
    // A block header on the last line with no body yet.
    e.kind == ErrorKind::IndentationError
        && m.starts_with("expected an indented block")
        && e.lineno.is_some_and(|l| l >= last_nonblank_line(text) as i64)
}

fn last_nonblank_line(text: &str) -> usize {
    text.split('\n').enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i + 1).last().unwrap_or(0)
}

fn incomplete(lineno: i64, offset: i64) -> Box<SyntaxError> {
    let mut e = SyntaxError::simple(ErrorKind::SyntaxError, "incomplete input");
    e.lineno = Some(lineno);
    e.offset = Some(offset);
    e.end_lineno = Some(lineno);
    e.end_offset = Some(-1);
    Box::new(e)
}

pub(crate) fn adjust_parse_error(e: Box<SyntaxError>, text: &str, opts: Options) -> Box<SyntaxError> {
    if opts.flags & ALLOW_INCOMPLETE_INPUT == 0 || !ends_too_early(&e, text, opts.mode) {
        return e;
    }
    let mut r = incomplete(e.lineno.unwrap_or(0), e.offset.unwrap_or(0));
    r.filename = e.filename.clone();
    r.text = e.text.clone();
    r
}

/// Single mode with `PyCF_DONT_IMPLY_DEDENT`: an indented last line without its newline
/// leaves the compound statement open.
pub(crate) fn check_implied_dedent(root: &Module, text: &str, filename: &str, opts: Options) -> Result<(), Box<SyntaxError>> {
    if opts.mode != Mode::Single || opts.flags & DONT_IMPLY_DEDENT == 0 || text.ends_with('\n') || root.kind != Kind::Interactive {
        return Ok(());
    }
    let last = text.rsplit('\n').next().unwrap_or("");
    if !last.starts_with([' ', '\t']) || last.trim().is_empty() {
        return Ok(());
    }
    let line = text.split('\n').count() as i64;
    let e = if opts.flags & ALLOW_INCOMPLETE_INPUT != 0 {
        incomplete(line, last.chars().count() as i64)
    } else {
        let mut e = SyntaxError::simple(ErrorKind::SyntaxError, "invalid syntax");
        e.lineno = Some(line);
        e.offset = Some(0);
        e.end_lineno = Some(line);
        e.end_offset = Some(0);
        Box::new(e)
    };
    let mut e = crate::error::finish(e, filename);
    e.text = Some(format!("{last}\n"));
    Err(e)
}
