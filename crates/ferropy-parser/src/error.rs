//! SyntaxError as a plain value: the parser never panics on bad input, it returns one of
//! these, carrying exactly what CPython's exception would carry so the runtime can build
//! the Python object later and the command line can print it today.

use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// Positions follow CPython's SyntaxError attributes: lines are 1-based, offsets are
/// 1-based *character* (not byte) columns; `None` where CPython has `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: Option<i64>,
    pub offset: Option<i64>,
    pub end_lineno: Option<i64>,
    pub end_offset: Option<i64>,
    /// The source line (with its newline, as CPython stores it), if any.
    pub text: Option<String>,
}

impl SyntaxError {
    pub fn simple(kind: ErrorKind, msg: impl Into<String>) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: String::new(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
        }
    }

    /// What `python3 FILE` prints on stderr for this error (the traceback-less form).
    pub fn render(&self) -> String {
        let mut out = String::new();
        let lineno = self.lineno.unwrap_or(0);
        let _ = writeln!(out, "  File \"{}\", line {}", self.filename, lineno);
        if let Some(text) = &self.text {
            // CPython strips leading whitespace of the line and shifts the caret.
            let line = text.trim_end_matches(['\n', '\r']);
            let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
            let removed = line.chars().count() - stripped.chars().count();
            if !stripped.is_empty() || self.offset.is_some() {
                let _ = writeln!(out, "    {}", stripped);
                if let Some(off) = self.offset {
                    let len = stripped.chars().count() as i64;
                    let start = (off - 1 - removed as i64).clamp(0, len);
                    let mut end = match (self.end_lineno, self.end_offset) {
                        (Some(el), Some(eo)) if el == lineno && eo > off => eo - 1 - removed as i64,
                        _ => start + 1,
                    };
                    if end > len + 1 {
                        end = len + 1;
                    }
                    if end <= start {
                        end = start + 1;
                    }
                    let _ = writeln!(
                        out,
                        "    {}{}",
                        " ".repeat(start as usize),
                        "^".repeat((end - start) as usize)
                    );
                }
            }
        }
        let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
        out
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (line {:?}, offset {:?})", self.kind.name(), self.msg, self.lineno, self.offset)
    }
}
