//! The tokenizer: text -> tokens, eagerly, into one vector.  Eager because the parser
//! backtracks a lot and because CPython reports a tokenizer error found anywhere later in
//! the file in place of a plain "invalid syntax"; we keep the first tokenizer error and
//! the index at which it occurred and let the parser decide which error wins.

use crate::error::{ErrorKind, SyntaxError};
use crate::unicode_tables as tables;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tok {
    Name, Number, String, Newline, Indent, Dedent, EndMarker,
    /// Stands where the tokenizer failed; the parser can never match it.
    Error,
    // keywords
    False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif,
    Else, Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or,
    Pass, Raise, Return, Try, While, With, Yield,
    // operators
    LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus, Star, Slash,
    VBar, Amper, Less, Greater, Equal, Dot, Percent, EqEqual, NotEqual, LessEqual,
    GreaterEqual, Tilde, Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual,
    MinEqual, StarEqual, SlashEqual, PercentEqual, AmperEqual, VBarEqual, CircumflexEqual,
    LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At,
    AtEqual, RArrow, Ellipsis, ColonEqual, Exclamation,
}

impl Tok {
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (Tok::False as u8) && (self as u8) <= (Tok::Yield as u8)
    }
}

pub fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "False" => Tok::False, "None" => Tok::None, "True" => Tok::True, "and" => Tok::And,
        "as" => Tok::As, "assert" => Tok::Assert, "async" => Tok::Async, "await" => Tok::Await,
        "break" => Tok::Break, "class" => Tok::Class, "continue" => Tok::Continue,
        "def" => Tok::Def, "del" => Tok::Del, "elif" => Tok::Elif, "else" => Tok::Else,
        "except" => Tok::Except, "finally" => Tok::Finally, "for" => Tok::For,
        "from" => Tok::From, "global" => Tok::Global, "if" => Tok::If, "import" => Tok::Import,
        "in" => Tok::In, "is" => Tok::Is, "lambda" => Tok::Lambda, "nonlocal" => Tok::Nonlocal,
        "not" => Tok::Not, "or" => Tok::Or, "pass" => Tok::Pass, "raise" => Tok::Raise,
        "return" => Tok::Return, "try" => Tok::Try, "while" => Tok::While, "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}

/// A token: byte range into the source plus line/column (0-based byte column) of both ends.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: Tok,
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

pub struct Tokens {
    pub toks: Vec<Token>,
    /// The first tokenizer error and the index of the `Tok::Error` token standing for it.
    pub error: Option<(usize, SyntaxError)>,
    /// Byte offset of the start of each line (index 0 = line 1).
    pub line_starts: Vec<u32>,
    /// The error is "'(' was never closed" (it has its own precedence rule).
    pub unclosed: bool,
    /// Warnings (`1if x else y`: "invalid decimal literal"), in source order.
    pub warnings: Vec<crate::warning::Warning>,
    /// The error is one CPython's tokenizer only reports when the parser asks for that
    /// token (indentation, tabs, line continuation), so it never replaces an earlier
    /// parser error.
    pub only_if_reached: bool,
}

const MAX_INDENT: usize = 100;
const MAX_PAREN: usize = 200;

pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        in_ranges(tables::XID_START, c as u32)
    }
}

pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(tables::XID_CONTINUE, c as u32)
    }
}

pub fn in_ranges(r: &[(u32, u32)], cp: u32) -> bool {
    match r.binary_search_by(|&(lo, hi)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(_) => true,
        Err(_) => false,
    }
}

pub fn is_printable(c: char) -> bool {
    !in_ranges(tables::NON_PRINTABLE, c as u32)
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    toks: Vec<Token>,
    indents: Vec<u32>,
    alt_indents: Vec<u32>,
    /// Open brackets: (char, line, byte col).
    parens: Vec<(u8, u32, u32)>,
    line_starts: Vec<u32>,
    at_line_start: bool,
    /// `async`/`await` are always keywords in 3.11; nothing to track.
    cont_line: bool,
    warnings: Vec<crate::warning::Warning>,
}

pub fn tokenize(src: &str) -> Tokens {
    tokenize_into(src, Vec::new(), Vec::new())
}

/// Tokenize reusing the given buffers (cleared first): allocating a large token vector
/// for every file costs more than the tokenizing itself.
pub fn tokenize_into(src: &str, mut toks: Vec<Token>, mut line_starts: Vec<u32>) -> Tokens {
    toks.clear();
    toks.reserve(src.len() / 4 + 16);
    line_starts.clear();
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        toks,
        indents: vec![0],
        alt_indents: vec![0],
        parens: Vec::new(),
        line_starts: vec![0],
        at_line_start: true,
        cont_line: false,
        warnings: Vec::new(),
    };
    let mut unclosed = false;
    let mut only_if_reached = false;
    let error = match lx.run() {
        Ok(()) => None,
        Err(e) => {
            unclosed = e.msg.ends_with("was never closed");
            only_if_reached = e.kind != ErrorKind::SyntaxError
                || e.msg.starts_with("unexpected character after line continuation")
                || e.msg.starts_with("unexpected EOF");
            let (line, col) = (lx.line, (lx.pos.min(lx.b.len()) - lx.line_start) as u32);
            lx.toks.push(Token { kind: Tok::Error, start: lx.pos as u32, end: lx.pos as u32, line, col, end_line: line, end_col: col });
            Some((lx.toks.len() - 1, e))
        }
    };
    // Finish the line table for the whole source (errors may need later lines).
    let mut ls = line_starts;
    ls.push(0);
    for (i, &c) in src.as_bytes().iter().enumerate() {
        if c == b'\n' {
            ls.push(i as u32 + 1);
        }
    }
    let _ = &lx.line_starts;
    Tokens { toks: lx.toks, error, line_starts: ls, unclosed, only_if_reached, warnings: lx.warnings }
}

/// 1-based character column of byte `pos` on the line starting at `line_start`.
pub fn char_col(src: &str, line_start: usize, pos: usize) -> i64 {
    let pos = pos.min(src.len());
    let ls = line_start.min(pos);
    match src.get(ls..pos) {
        Some(s) => s.chars().count() as i64 + 1,
        None => (pos - ls) as i64 + 1,
    }
}

impl<'a> Lexer<'a> {
    fn peek(&self, k: usize) -> u8 {
        *self.b.get(self.pos + k).unwrap_or(&0)
    }

    fn err_at(&self, kind: ErrorKind, msg: impl Into<String>, line: u32, line_start: usize, pos: usize, end_line: u32, end_ls: usize, end_pos: usize) -> SyntaxError {
        let mut e = SyntaxError::simple(kind, msg);
        e.lineno = Some(line as i64);
        e.offset = Some(char_col(self.src, line_start, pos));
        e.end_lineno = Some(end_line as i64);
        e.end_offset = Some(char_col(self.src, end_ls, end_pos));
        // The line as the tokenizer read it: unlike parser errors, no newline is added at
        // the end of the source (CPython's tokenizer errors keep the text as it is).
        let rest = &self.src[line_start.min(self.src.len())..];
        e.text = Some(rest[..rest.find('\n').map_or(rest.len(), |n| n + 1)].to_string());
        e
    }

    /// An error at the current position (offset = end_offset, as CPython's tokenizer does).
    /// CPython's tokenizer reports the column of its cursor without adding one.
    fn err_here(&self, msg: impl Into<String>) -> SyntaxError {
        let mut e = self.err_at(ErrorKind::SyntaxError, msg, self.line, self.line_start, self.pos, self.line, self.line_start, self.pos);
        e.offset = e.offset.map(|o| o - 1);
        e.end_offset = e.offset;
        e
    }

    fn push(&mut self, kind: Tok, start: usize, line: u32, col: usize) {
        self.toks.push(Token {
            kind,
            start: start as u32,
            end: self.pos as u32,
            line,
            col: col as u32,
            end_line: self.line,
            end_col: (self.pos - self.line_start) as u32,
        });
    }

    fn newline_seen(&mut self) {
        // self.pos points just after '\n'
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.at_line_start && self.parens.is_empty() {
                self.at_line_start = false;
                if self.indentation()? {
                    continue;
                }
            }
            self.at_line_start = false;
            // skip whitespace
            while matches!(self.peek(0), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            let c = self.peek(0);
            let start = self.pos;
            let col = start - self.line_start;
            let line = self.line;
            if self.pos >= self.b.len() {
                return self.eof();
            }
            match c {
                b'#' => {
                    while self.pos < self.b.len() && self.b[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                    // A NEWLINE ending this line starts where the comment did (CPython).
                    if self.pos < self.b.len() {
                        let nl_col = (self.pos - self.line_start) as u32;
                        self.pos += 1;
                        let blank = self.toks.last().map_or(true, |t| t.kind == Tok::Newline || t.kind == Tok::Indent || t.kind == Tok::Dedent);
                        if self.parens.is_empty() && !blank {
                            self.toks.push(Token { kind: Tok::Newline, start: start as u32, end: self.pos as u32, line, col: col as u32, end_line: line, end_col: nl_col });
                        }
                        self.newline_seen();
                        if self.parens.is_empty() {
                            self.at_line_start = true;
                        }
                    }
                    continue;
                }
                b'\n' => {
                    self.pos += 1;
                    let blank = self.toks.last().map_or(true, |t| t.kind == Tok::Newline || t.kind == Tok::Indent || t.kind == Tok::Dedent);
                    if self.parens.is_empty() && !blank {
                        self.toks.push(Token { kind: Tok::Newline, start: start as u32, end: self.pos as u32, line, col: col as u32, end_line: line, end_col: col as u32 });
                    }
                    self.newline_seen();
                    if self.parens.is_empty() {
                        self.at_line_start = true;
                    }
                    continue;
                }
                b'\\' => {
                    if self.pos + 1 >= self.b.len() {
                        // a backslash at the very end of the file
                        let mut e = self.err_here("unexpected EOF while parsing");
                        e.offset = Some(char_col(self.src, self.line_start, self.pos + 1));
                        e.end_offset = Some(-1);
                        self.pos += 1;
                        return Err(e);
                    }
                    if self.peek(1) != b'\n' {
                        self.pos += 1;
                        let mut e = self.err_here("unexpected character after line continuation character");
                        e.offset = Some(char_col(self.src, self.line_start, self.pos));
                        e.end_offset = Some(0);
                        return Err(e);
                    }
                    if self.pos + 2 >= self.b.len() {
                        let mut e = self.err_here("unexpected EOF while parsing");
                        e.offset = Some(char_col(self.src, self.line_start, self.pos + 1));
                        e.end_offset = Some(-1);
                        self.pos += 2;
                        self.newline_seen();
                        return Err(e);
                    }
                    self.pos += 2;
                    self.newline_seen();
                    self.cont_line = true;
                    continue;
                }
                _ => {}
            }
            if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_ascii_digit()) {
                self.number()?;
                self.push(Tok::Number, start, line, col);
                continue;
            }
            if c == b'"' || c == b'\'' {
                self.string(start, line, col)?;
                continue;
            }
            if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
                // identifier (maybe a string prefix)
                let mut p = self.pos;
                let mut all_ascii = true;
                while p < self.b.len() {
                    let ch = self.b[p];
                    if ch.is_ascii_alphanumeric() || ch == b'_' {
                        p += 1;
                    } else if ch >= 0x80 {
                        all_ascii = false;
                        let chr = self.src[p..].chars().next().unwrap();
                        p += chr.len_utf8();
                    } else {
                        break;
                    }
                }
                let word = &self.src[start..p];
                if p < self.b.len() && (self.b[p] == b'"' || self.b[p] == b'\'') && word.len() <= 2 && is_string_prefix(word) {
                    self.pos = p;
                    self.string(start, line, col)?;
                    continue;
                }
                if !all_ascii {
                    self.check_identifier(start, p)?;
                }
                self.pos = p;
                let kind = if all_ascii { keyword(word).unwrap_or(Tok::Name) } else { Tok::Name };
                self.push(kind, start, line, col);
                continue;
            }
            // operators
            let (kind, len) = operator(self.peek(0), self.peek(1), self.peek(2));
            match kind {
                Some(k) => {
                    match k {
                        Tok::LPar | Tok::LSqb | Tok::LBrace => {
                            if self.parens.len() >= MAX_PAREN {
                                self.pos += 1;
                                return Err(self.err_here("too many nested parentheses"));
                            }
                            self.parens.push((c, line, col as u32));
                        }
                        Tok::RPar | Tok::RSqb | Tok::RBrace => {
                            match self.parens.pop() {
                                None => {
                                    self.pos += 1;
                                    return Err(self.err_here(format!("unmatched '{}'", c as char)));
                                }
                                Some((open, oline, _ocol)) => {
                                    let want = match open { b'(' => b')', b'[' => b']', _ => b'}' };
                                    if want != c {
                                        let msg = if oline != line {
                                            format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", c as char, open as char, oline)
                                        } else {
                                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char)
                                        };
                                        self.pos += 1;
                                        return Err(self.err_here(msg));
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                    self.pos += len;
                    self.push(k, start, line, col);
                }
                None => {
                    // an invalid character
                    let ch = self.src[self.pos..].chars().next().unwrap();
                    if (ch as u32) >= 0x80 {
                        return Err(self.bad_char(ch));
                    }
                    if !is_printable(ch) {
                        self.pos += 1;
                        return Err(self.err_here(format!("invalid non-printable character U+{:04X}", ch as u32)));
                    }
                    // `$`, `?`, backtick: an error token the parser rejects as invalid syntax.
                    self.pos += 1;
                    self.push(Tok::Exclamation, start, line, col);
                }
            }
        }
    }

    fn bad_char(&self, ch: char) -> SyntaxError {
        let s = self.pos;
        let mut e = if is_printable(ch) {
            self.err_here(format!("invalid character '{}' (U+{:04X})", ch, ch as u32))
        } else {
            self.err_here(format!("invalid non-printable character U+{:04X}", ch as u32))
        };
        let _ = s;
        e.offset = Some(char_col(self.src, self.line_start, self.pos));
        e.end_offset = e.offset;
        e
    }

    fn check_identifier(&mut self, start: usize, end: usize) -> Result<(), SyntaxError> {
        let mut first = true;
        for (i, ch) in self.src[start..end].char_indices() {
            let ok = if first { is_id_start(ch) } else { is_id_continue(ch) };
            first = false;
            if !ok {
                self.pos = start + i;
                return Err(self.bad_char(ch));
            }
        }
        Ok(())
    }

    fn eof(&mut self) -> Result<(), SyntaxError> {
        if let Some(&(open, oline, ocol)) = self.parens.last() {
            let ls = self.line_start_of(oline);
            let mut e = self.err_at(ErrorKind::SyntaxError, format!("'{}' was never closed", open as char), oline, ls, ls + ocol as usize, oline, ls, ls);
            e.end_offset = Some(0);
            // Found at the end, after the newline CPython adds: the parser's text rule applies.
            e.text = None;
            return Err(e);
        }
        let col = (self.pos - self.line_start) as u32;
        if let Some(t) = self.toks.last() {
            if !matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
                self.toks.push(Token { kind: Tok::Newline, start: self.pos as u32, end: self.pos as u32, line: self.line, col, end_line: self.line, end_col: col });
            }
        }
        // CPython's end-of-file tokens sit at the end of the last line, not on a line
        // after it.
        let (mut eline, mut ecol) = (self.line, col);
        if self.pos > 0 && self.b.get(self.pos - 1) == Some(&b'\n') && self.line > 1 {
            let prev_start = self.b[..self.pos - 1].iter().rposition(|&c| c == b'\n').map(|p| p + 1).unwrap_or(0);
            eline = self.line - 1;
            ecol = (self.pos - 1 - prev_start) as u32;
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.toks.push(Token { kind: Tok::Dedent, start: self.pos as u32, end: self.pos as u32, line: eline, col: ecol, end_line: eline, end_col: ecol });
        }
        self.toks.push(Token { kind: Tok::EndMarker, start: self.pos as u32, end: self.pos as u32, line: eline, col: ecol, end_line: eline, end_col: ecol });
        Ok(())
    }

    fn line_start_of(&self, line: u32) -> usize {
        // Walk back from the current line; only used for errors.
        let mut l = self.line;
        let mut p = self.line_start;
        while l > line && p > 0 {
            p -= 1;
            while p > 0 && self.b[p - 1] != b'\n' {
                p -= 1;
            }
            l -= 1;
        }
        p
    }

    /// Handle indentation at the start of a logical line.  Returns true if the line was
    /// blank (or comment-only) and was skipped.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let mut col: u32 = 0;
        let mut alt: u32 = 0;
        let mut p = self.pos;
        loop {
            match self.b.get(p) {
                Some(b' ') => { col += 1; alt += 1; }
                Some(b'\t') => { col = (col / 8 + 1) * 8; alt += 1; }
                Some(b'\x0c') => { col = 0; alt = 0; }
                // A backslash continuation inside the indentation joins the next line
                // to it (so a continued blank line is still blank).
                Some(b'\\') if self.b.get(p + 1) == Some(&b'\n') && p + 2 < self.b.len() => {
                    p += 2;
                    self.line += 1;
                    self.line_start = p;
                    continue;
                }
                _ => break,
            }
            p += 1;
        }
        match self.b.get(p) {
            None => {
                self.pos = p;
                return Ok(false);
            }
            Some(b'#') | Some(b'\n') => {
                // blank line: skip it entirely, no NEWLINE
                while p < self.b.len() && self.b[p] != b'\n' {
                    p += 1;
                }
                if p < self.b.len() {
                    p += 1;
                    self.pos = p;
                    self.newline_seen();
                    self.at_line_start = true;
                } else {
                    self.pos = p;
                }
                return Ok(true);
            }
            Some(b'\\') => {
                // A continuation line starting a statement: CPython treats indentation normally.
            }
            _ => {}
        }
        self.pos = p;
        let top = *self.indents.last().unwrap();
        let alt_top = *self.alt_indents.last().unwrap();
        let line = self.line;
        let tok_col = (p - self.line_start) as u32;
        if col == top {
            if alt != alt_top {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                let mut e = self.err_here("too many levels of indentation");
                e.kind = ErrorKind::IndentationError;
                e.offset = Some(1);
                e.end_offset = Some(0);
                return Err(e);
            }
            if alt <= alt_top {
                return Err(self.tab_error());
            }
            self.indents.push(col);
            self.alt_indents.push(alt);
            self.toks.push(Token { kind: Tok::Indent, start: self.line_start as u32, end: p as u32, line, col: 0, end_line: line, end_col: tok_col });
        } else {
            // A mismatch is reported before any DEDENT is produced, as CPython does.
            if !self.indents.contains(&col) {
                let mut e = self.err_here("unindent does not match any outer indentation level");
                e.kind = ErrorKind::IndentationError;
                let line_end = self.src[self.line_start..].find('\n').map(|x| self.line_start + x).unwrap_or(self.src.len());
                e.offset = Some(char_col(self.src, self.line_start, line_end));
                e.end_offset = Some(-1);
                e.text = None; // reported like a parser error: the line with its newline
                return Err(e);
            }
            while self.indents.len() > 1 && col < *self.indents.last().unwrap() {
                self.indents.pop();
                self.alt_indents.pop();
                self.toks.push(Token { kind: Tok::Dedent, start: p as u32, end: p as u32, line, col: tok_col, end_line: line, end_col: tok_col });
            }
            if col != *self.indents.last().unwrap() {
                let mut e = self.err_here("unindent does not match any outer indentation level");
                e.kind = ErrorKind::IndentationError;
                // CPython reports the end of the line's indentation plus one... as a byte count.
                e.offset = Some(char_col(self.src, self.line_start, self.pos));
                let line_end = self.src[self.line_start..].find('\n').map(|x| self.line_start + x).unwrap_or(self.src.len());
                e.offset = Some(char_col(self.src, self.line_start, line_end));
                e.end_offset = Some(-1);
                e.text = None; // reported like a parser error: the line with its newline
                return Err(e);
            }
            if alt != *self.alt_indents.last().unwrap() {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    fn tab_error(&self) -> SyntaxError {
        let mut e = self.err_here("inconsistent use of tabs and spaces in indentation");
        e.kind = ErrorKind::TabError;
        e.offset = Some(1);
        e.end_offset = Some(0);
        e.text = None; // reported like a parser error: the line with its newline
        e
    }

    fn digits(&mut self, pred: fn(u8) -> bool, kind: &str) -> Result<bool, SyntaxError> {
        // Digits with single underscores between them.  Returns whether any were read.
        let mut any = false;
        loop {
            let c = self.peek(0);
            if pred(c) {
                self.pos += 1;
                any = true;
            } else if c == b'_' && any {
                self.pos += 1;
                if !pred(self.peek(0)) {
                    let d = self.peek(0);
                    if d.is_ascii_digit() && kind != "decimal" {
                        self.pos += 1;
                        return Err(self.err_here(format!("invalid digit '{}' in {} literal", d as char, kind)));
                    }
                    return Err(self.err_here(format!("invalid {} literal", kind)));
                }
            } else {
                break;
            }
        }
        Ok(any)
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let c = self.peek(0);
        if c == b'0' && matches!(self.peek(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let base = self.peek(1).to_ascii_lowercase();
            self.pos += 2;
            let (kind, pred): (&str, fn(u8) -> bool) = match base {
                b'x' => ("hexadecimal", |c: u8| c.is_ascii_hexdigit()),
                b'o' => ("octal", |c: u8| (b'0'..=b'7').contains(&c)),
                _ => ("binary", |c: u8| c == b'0' || c == b'1'),
            };
            if self.peek(0) == b'_' {
                self.pos += 1;
            }
            let any = self.digits(pred, kind)?;
            let nc = self.peek(0);
            if nc.is_ascii_digit() && base != b'x' {
                self.pos += 1;
                return Err(self.err_here(format!("invalid digit '{}' in {} literal", nc as char, kind)));
            }
            if !any {
                return Err(self.err_here(format!("invalid {} literal", kind)));
            }
            return self.verify_end(kind);
        }
        let mut is_float_or_imag = false;
        if c == b'.' {
            // fraction only
        } else {
            self.digits(|c| c.is_ascii_digit(), "decimal")?;
        }
        let int_end = self.pos;
        if self.peek(0) == b'.' {
            is_float_or_imag = true;
            self.pos += 1;
            if self.peek(0).is_ascii_digit() {
                self.digits(|c| c.is_ascii_digit(), "decimal")?;
            }
        }
        if matches!(self.peek(0), b'e' | b'E') {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(0), b'+' | b'-') {
                self.pos += 1;
            }
            if self.peek(0).is_ascii_digit() {
                self.digits(|c| c.is_ascii_digit(), "decimal")?;
                is_float_or_imag = true;
            } else if self.pos > save + 1 {
                // `1e+` with no digits
                return Err(self.err_here("invalid decimal literal"));
            } else {
                self.pos = save;
                return self.verify_end("decimal");
            }
        }
        if matches!(self.peek(0), b'j' | b'J') {
            self.pos += 1;
            return self.verify_end("imaginary");
        }
        if !is_float_or_imag {
            let text = &self.b[start..int_end];
            if text.len() > 1 && text[0] == b'0' && text.iter().any(|&c| c != b'0' && c != b'_') {
                let mut e = self.err_here("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
                e.offset = Some(char_col(self.src, self.line_start, start));
                let nz = start + text.iter().position(|&c| c != b'0' && c != b'_').unwrap_or(0);
                e.end_offset = Some(char_col(self.src, self.line_start, nz));
                return Err(e);
            }
        }
        self.verify_end("decimal")
    }

    fn verify_end(&mut self, kind: &str) -> Result<(), SyntaxError> {
        let c = self.peek(0);
        let rest = &self.b[self.pos..];
        for kw in [&b"and"[..], b"else", b"for", b"if", b"in", b"is", b"not", b"or"] {
            if rest.starts_with(kw) {
                // Accepted for now, with CPython's warning at the keyword's first column.
                let col = (char_col(self.src, self.line_start, self.pos) - 1) as u32;
                self.warnings.push(crate::warning::Warning {
                    category: crate::warning::Category::SyntaxWarning,
                    message: format!("invalid {} literal", kind),
                    lineno: self.line,
                    offset: col,
                    end_lineno: self.line,
                    end_offset: col,
                });
                return Ok(());
            }
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            let tokstart = self.toks.len();
            let _ = tokstart;
            // CPython points at the literal's start when the offending char is part of it.
            let mut e = self.err_here(format!("invalid {} literal", kind));
            let numstart = {
                // find start of this number
                let mut p = self.pos;
                while p > self.line_start && (self.b[p - 1].is_ascii_alphanumeric() || self.b[p - 1] == b'_' || self.b[p - 1] == b'.') {
                    p -= 1;
                }
                p
            };
            let _ = numstart;
            e.offset = Some(char_col(self.src, self.line_start, self.pos) - 1);
            e.end_offset = e.offset;
            return Err(e);
        }
        Ok(())
    }

    fn string(&mut self, start: usize, line: u32, col: usize) -> Result<(), SyntaxError> {
        let q = self.peek(0);
        let triple = self.peek(1) == q && self.peek(2) == q;
        let line_start0 = self.line_start;
        if triple {
            self.pos += 3;
        } else {
            self.pos += 1;
        }
        loop {
            if self.pos >= self.b.len() {
                // A final newline does not start a line of its own here.
                let at_line = if self.b.last() == Some(&b'\n') && self.line > line { self.line - 1 } else { self.line };
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {})", at_line)
                } else {
                    format!("unterminated string literal (detected at line {})", self.line)
                };
                let mut e = self.err_at(ErrorKind::SyntaxError, msg, line, line_start0, start, line, line_start0, start);
                e.end_offset = e.offset;
                return Err(e);
            }
            let c = self.b[self.pos];
            if c == q {
                if !triple {
                    self.pos += 1;
                    break;
                }
                if self.peek(1) == q && self.peek(2) == q {
                    self.pos += 3;
                    break;
                }
                self.pos += 1;
            } else if c == b'\\' {
                self.pos += 1;
                if self.pos < self.b.len() {
                    if self.b[self.pos] == b'\n' {
                        self.pos += 1;
                        self.newline_seen();
                    } else {
                        self.pos += 1;
                    }
                }
            } else if c == b'\n' {
                if !triple {
                    let msg = format!("unterminated string literal (detected at line {})", self.line);
                    let mut e = self.err_at(ErrorKind::SyntaxError, msg, line, line_start0, start, line, line_start0, start);
                    e.end_offset = e.offset;
                    return Err(e);
                }
                self.pos += 1;
                self.newline_seen();
            } else {
                self.pos += 1;
            }
        }
        self.push(Tok::String, start, line, col);
        Ok(())
    }
}

fn is_string_prefix(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    matches!(l.as_str(), "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf")
}

fn operator(a: u8, b: u8, c: u8) -> (Option<Tok>, usize) {
    use Tok::*;
    let three = match (a, b, c) {
        (b'*', b'*', b'=') => Some(DoubleStarEqual),
        (b'.', b'.', b'.') => Some(Ellipsis),
        (b'/', b'/', b'=') => Some(DoubleSlashEqual),
        (b'<', b'<', b'=') => Some(LeftShiftEqual),
        (b'>', b'>', b'=') => Some(RightShiftEqual),
        _ => Option::None,
    };
    if three.is_some() {
        return (three, 3);
    }
    let two = match (a, b) {
        (b'!', b'=') => Some(NotEqual),
        (b'%', b'=') => Some(PercentEqual),
        (b'&', b'=') => Some(AmperEqual),
        (b'*', b'*') => Some(DoubleStar),
        (b'*', b'=') => Some(StarEqual),
        (b'+', b'=') => Some(PlusEqual),
        (b'-', b'=') => Some(MinEqual),
        (b'-', b'>') => Some(RArrow),
        (b'/', b'/') => Some(DoubleSlash),
        (b'/', b'=') => Some(SlashEqual),
        (b':', b'=') => Some(ColonEqual),
        (b'<', b'<') => Some(LeftShift),
        (b'<', b'=') => Some(LessEqual),
        (b'<', b'>') => Some(NotEqual),
        (b'=', b'=') => Some(EqEqual),
        (b'>', b'=') => Some(GreaterEqual),
        (b'>', b'>') => Some(RightShift),
        (b'@', b'=') => Some(AtEqual),
        (b'^', b'=') => Some(CircumflexEqual),
        (b'|', b'=') => Some(VBarEqual),
        _ => Option::None,
    };
    if two.is_some() {
        return (two, 2);
    }
    let one = match a {
        b'(' => LPar, b')' => RPar, b'[' => LSqb, b']' => RSqb, b'{' => LBrace, b'}' => RBrace,
        b':' => Colon, b',' => Comma, b';' => Semi, b'+' => Plus, b'-' => Minus, b'*' => Star,
        b'/' => Slash, b'|' => VBar, b'&' => Amper, b'<' => Less, b'>' => Greater, b'=' => Equal,
        b'.' => Dot, b'%' => Percent, b'~' => Tilde, b'^' => Circumflex, b'@' => At,
        b'!' => Exclamation,
        _ => return (Option::None, 0),
    };
    (Some(one), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Tok> {
        let t = tokenize(s);
        assert!(t.error.is_none(), "{:?}", t.error);
        t.toks.iter().map(|t| t.kind).collect()
    }

    fn err(s: &str) -> String {
        tokenize(s).error.expect("expected an error").1.msg
    }

    #[test]
    fn simple_statement() {
        use Tok::*;
        assert_eq!(kinds("x = 1\n"), vec![Name, Equal, Number, Newline, EndMarker]);
    }

    #[test]
    fn implicit_newline_and_dedents_at_eof() {
        use Tok::*;
        assert_eq!(kinds("if x:\n    y"), vec![If, Name, Colon, Newline, Indent, Name, Newline, Dedent, EndMarker]);
    }

    #[test]
    fn blank_and_comment_lines_do_not_indent() {
        use Tok::*;
        assert_eq!(kinds("a\n    # c\n\n  \nb\n"), vec![Name, Newline, Name, Newline, EndMarker]);
    }

    #[test]
    fn newlines_inside_brackets_are_ignored() {
        use Tok::*;
        assert_eq!(kinds("(a,\n   b)\n"), vec![LPar, Name, Comma, Name, RPar, Newline, EndMarker]);
    }

    #[test]
    fn continuation_line() {
        use Tok::*;
        assert_eq!(kinds("a = \\\n  1\n"), vec![Name, Equal, Number, Newline, EndMarker]);
    }

    #[test]
    fn numbers() {
        use Tok::*;
        for n in ["1_000", "0x_ff", "0o17", "0b1_0", "1.5e-3", "1j", ".5", "5.", "1E5J", "00", "0_0"] {
            assert_eq!(kinds(n), vec![Number, Newline, EndMarker], "{}", n);
        }
        assert_eq!(kinds("1if x else 2"), vec![Number, If, Name, Else, Number, Newline, EndMarker]);
    }

    #[test]
    fn number_errors() {
        assert_eq!(err("1abc"), "invalid decimal literal");
        assert_eq!(err("0x"), "invalid hexadecimal literal");
        assert_eq!(err("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(err("0b12"), "invalid digit '2' in binary literal");
        assert_eq!(err("1__0"), "invalid decimal literal");
        assert!(err("012").starts_with("leading zeros"));
    }

    #[test]
    fn string_prefixes_and_triple_quotes() {
        use Tok::*;
        assert_eq!(kinds("rb'x' Rb\"y\" f'''a\n'b'''"), vec![String, String, String, Newline, EndMarker]);
        assert_eq!(kinds("ur"), vec![Name, Newline, EndMarker]);
    }

    #[test]
    fn string_errors() {
        assert_eq!(err("'abc"), "unterminated string literal (detected at line 1)");
        assert_eq!(err("'''abc\n\n"), "unterminated triple-quoted string literal (detected at line 2)");
    }

    #[test]
    fn tabs_and_form_feeds() {
        use Tok::*;
        assert_eq!(kinds("if x:\n\ty\n\tz\n"), vec![If, Name, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, EndMarker]);
        // same column with tab size 8, different with tab size 1: inconsistent
        assert_eq!(tokenize("if x:\n\ty\n        z\n").error.unwrap().1.kind, ErrorKind::TabError);
        let t = tokenize("if x:\n        y\n\tz\n");
        assert_eq!(t.error.unwrap().1.kind, ErrorKind::TabError);
        assert_eq!(kinds("\x0c  x\n"), vec![Indent, Name, Newline, Dedent, EndMarker]);
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(err("(]"), "closing parenthesis ']' does not match opening parenthesis '('");
        assert_eq!(err(")"), "unmatched ')'");
        assert_eq!(err("foo(\n"), "'(' was never closed");
        assert_eq!(err(&"(".repeat(300)), "too many nested parentheses");
    }

    #[test]
    fn dedent_mismatch() {
        let t = tokenize("if x:\n    a\n  b\n");
        let e = t.error.unwrap().1;
        assert_eq!(e.kind, ErrorKind::IndentationError);
        assert_eq!(e.msg, "unindent does not match any outer indentation level");
    }

    #[test]
    fn unicode_identifiers() {
        use Tok::*;
        assert_eq!(kinds("été = 1"), vec![Name, Equal, Number, Newline, EndMarker]);
        assert_eq!(err("a € b"), "invalid character '€' (U+20AC)");
    }

    #[test]
    fn operators_longest_match() {
        use Tok::*;
        assert_eq!(kinds("a **= b // c ... -> :="), vec![Name, DoubleStarEqual, Name, DoubleSlash, Name, Ellipsis, RArrow, ColonEqual, Newline, EndMarker]);
    }
}
