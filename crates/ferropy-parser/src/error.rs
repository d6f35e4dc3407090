//! SyntaxError as a plain value: the parser never panics on bad input, it returns one of
//! these, carrying exactly what CPython's exception would carry so the runtime can build
//! the Python object later and the command line can print it today.

use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// What CPython raises when the tree is too deep to convert ("during ast construction").
    RecursionError,
    /// What CPython's parser raises when its own stack limit is hit.
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::MemoryError => "MemoryError",
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
        if matches!(self.kind, ErrorKind::RecursionError | ErrorKind::MemoryError) {
            // not syntax errors: no location block
            if self.msg.is_empty() {
                let _ = writeln!(out, "{}", self.kind.name());
            } else {
                let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
            }
            return out;
        }
        let lineno = self.lineno.unwrap_or(0);
        let _ = writeln!(out, "  File \"{}\", line {}", self.filename, lineno);
        if let Some(text) = &self.text {
            // Mirrors the traceback printer: strip leading blanks, shift the caret, no
            // caret when it would point left of the text.
            let chars: Vec<char> = text.chars().collect();
            let mut i = 0;
            while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\x0c') {
                i += 1;
            }
            let mut body: Vec<char> = chars[i..].to_vec();
            if body.last() == Some(&'\n') {
                body.pop();
            }
            let line: String = body.iter().collect();
            let _ = writeln!(out, "    {}", line);
            // The printer measures the line in UTF-8 bytes (it clips offsets with it).
            let len_bytes = line.len() as i64;
            let suppressed = self.kind == ErrorKind::SyntaxError && self.end_offset == Some(-1);
            let single = self.kind != ErrorKind::SyntaxError;
            if let (Some(off), false) = (self.offset, suppressed) {
                let len = len_bytes;
                let mut o = off - 1 - i as i64;
                if o > len {
                    o = len;
                }
                if o >= 0 {
                    let mut end = match (self.end_lineno, self.end_offset) {
                        (Some(el), Some(eo)) if el == lineno && eo > 0 => eo - 1 - i as i64,
                        (Some(el), Some(eo)) if el > lineno && eo > 0 => len,
                        _ => o + 1,
                    };
                    if end > len + 1 {
                        end = len + 1;
                    }
                    if end <= o || single {
                        end = o + 1;
                    }
                    let _ = writeln!(out, "    {}{}", " ".repeat(o as usize), "^".repeat((end - o) as usize));
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
