//! Hand-written recursive descent over the token vector.  Mostly predictive; where the
//! grammar needs it (assignment targets, `match` as a soft keyword, parenthesised `with`
//! items, lambda/def parameters) it parses a superset and checks or backtracks.
//!
//! Errors: the first error raised wins, except that a generic "invalid syntax" gives way
//! to a tokenizer error found anywhere in the file, as CPython does.

mod expressions;
pub mod modes;
mod patterns;
mod statements;
mod targets;

use crate::ast::{Kind, Loc, Node, Value};
use crate::error::{ErrorKind, SyntaxError};
use crate::tokenizer::{char_col, Tok, Token};

pub type PResult<T> = Result<T, Box<SyntaxError>>;

/// Deep nesting must give an error, never a stack overflow.  The unit is roughly one
/// level of CPython's parser, whose limit (MAXSTACK 6000, less what a statement costs)
/// makes it raise MemoryError.
const MAX_DEPTH: u32 = 5968;

pub struct Parser<'a> {
    pub(crate) src: &'a str,
    pub(crate) toks: &'a [Token],
    pub(crate) pos: usize,
    pub(crate) depth: u32,
    pub(crate) line_starts: &'a [u32],
    /// Set when parsing an f-string expression: errors report against the outer file.
    pub(crate) in_fstring: bool,
    /// Furthest token index looked at: CPython reports a generic error at the last token
    /// its tokenizer produced, which is this one.
    pub(crate) seen: std::cell::Cell<usize>,
    costs: Vec<u32>,
    /// Parsing a call's positional argument (where `x=...` means something else).
    pub(crate) in_call_arg: bool,
    /// Stack address at the start of the parse and how much of the stack we may use;
    /// past that the parse is abandoned and rerun on a thread with a big stack.
    pub(crate) stack_base: usize,
    pub(crate) stack_budget: usize,
    /// Where `match <subject>` was followed by a NEWLINE (for the "expected ':'" hint).
    pub(crate) match_colon_hint: Option<Token>,
    /// Warnings found while parsing (invalid escapes), in the order found.
    pub(crate) warnings: std::cell::RefCell<Vec<crate::warning::Warning>>,
}

/// Error message marking "ran out of stack budget: retry on a bigger stack".
pub const STACK_RETRY: &str = "\u{0}ferropy: parser stack budget exceeded";

#[inline(never)]
pub fn stack_addr() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, toks: &'a [Token], line_starts: &'a [u32], _tok_error_at: usize) -> Self {
        Parser { src, toks, pos: 0, depth: 0, line_starts, in_fstring: false, seen: std::cell::Cell::new(0), costs: Vec::new(), in_call_arg: false, stack_base: stack_addr(), stack_budget: 512 << 10, match_colon_hint: None, warnings: Default::default() }
    }

    #[inline]
    fn see(&self, i: usize) -> usize {
        let i = i.min(self.toks.len() - 1);
        if i > self.seen.get() {
            self.seen.set(i);
        }
        i
    }

    #[inline]
    pub(crate) fn peek(&self) -> Tok {
        self.toks[self.see(self.pos)].kind
    }

    #[inline]
    pub(crate) fn peek_at(&self, k: usize) -> Tok {
        self.toks[self.see(self.pos + k)].kind
    }

    /// Look ahead without it counting as "read" for error locations.
    #[inline]
    pub(crate) fn peek_raw(&self, k: usize) -> Tok {
        self.toks[(self.pos + k).min(self.toks.len() - 1)].kind
    }

    #[inline]
    pub(crate) fn tok(&self) -> &Token {
        &self.toks[self.see(self.pos)]
    }

    #[inline]
    pub(crate) fn tok_at(&self, k: usize) -> &Token {
        &self.toks[self.see(self.pos + k)]
    }

    /// The last token looked at (for errors CPython reports "at the last token").
    pub(crate) fn last_seen(&self) -> Token {
        self.toks[self.seen.get().max(self.pos).min(self.toks.len() - 1)]
    }


    #[inline]
    pub(crate) fn bump(&mut self) -> Token {
        let t = *self.tok();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    #[inline]
    pub(crate) fn eat(&mut self, k: Tok) -> bool {
        if self.peek() == k {
            self.bump();
            true
        } else {
            false
        }
    }

    pub(crate) fn text(&self, t: &Token) -> &'a str {
        &self.src[t.start as usize..t.end as usize]
    }

    pub(crate) fn at_name(&self, s: &str) -> bool {
        self.peek() == Tok::Name && self.text(self.tok()) == s
    }

    pub(crate) fn expect(&mut self, k: Tok) -> PResult<Token> {
        if self.peek() == k {
            Ok(self.bump())
        } else {
            Err(self.invalid())
        }
    }

    /// The `':'` before a block.  CPython's grammar says "expected ':'" in three ways: at
    /// the current token for forced tokens (`def`, `try`, `else`, `finally`), at the
    /// last token for `case`, and only before a NEWLINE for the other statements.
    pub(crate) fn expect_colon(&mut self, mode: u8) -> PResult<Token> {
        if self.peek() == Tok::Colon {
            return Ok(self.bump());
        }
        let t = *self.tok();
        if t.kind == Tok::Error {
            return Err(self.invalid());
        }
        match mode {
            b'f' => Err(self.err_tok("expected ':'", &t)),
            b'c' => {
                let l = self.last_seen();
                Err(self.err_tok("expected ':'", &l))
            }
            _ if t.kind == Tok::Newline => Err(self.err_tok("expected ':'", &t)),
            _ => Err(self.invalid()),
        }
    }

    /// `expected ':'` style errors point just after the previous token.
    pub(crate) fn expect_msg(&mut self, k: Tok, what: &str) -> PResult<Token> {
        if self.peek() == k {
            Ok(self.bump())
        } else {
            if self.peek() == Tok::Error {
                return Err(self.invalid());
            }
            // a forced token: reported at the token found instead
            let t = *self.tok();
            Err(self.err_tok(&format!("expected '{}'", what), &t))
        }
    }

    pub(crate) fn start(&self) -> (u32, u32) {
        let t = self.tok();
        (t.line, t.col)
    }

    pub(crate) fn loc_from(&self, start: (u32, u32)) -> Loc {
        let prev = &self.toks[self.pos.saturating_sub(1)];
        Loc { lineno: start.0, col: start.1, end_lineno: prev.end_line, end_col: prev.end_col }
    }

    pub(crate) fn mk(&self, kind: Kind, start: (u32, u32), fields: Vec<Value>) -> Node {
        Node::new(kind, self.loc_from(start), fields)
    }

    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.enter_n(1)
    }

    pub(crate) fn enter_n(&mut self, n: u32) -> PResult<()> {
        self.depth += n;
        self.costs.push(n);
        if self.depth > MAX_DEPTH {
            return Err(Box::new(SyntaxError::simple(ErrorKind::MemoryError, "")));
        }
        if self.stack_base.saturating_sub(stack_addr()) > self.stack_budget {
            return Err(Box::new(SyntaxError::simple(ErrorKind::MemoryError, STACK_RETRY)));
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        let n = self.costs.pop().unwrap_or(1);
        self.depth -= n;
    }

    fn line_text(&self, line: u32) -> (usize, &'a str) {
        let idx = (line as usize).saturating_sub(1);
        let st = *self.line_starts.get(idx).unwrap_or(&(self.src.len() as u32)) as usize;
        let st = st.min(self.src.len());
        let en = self.src[st..].find('\n').map(|x| st + x).unwrap_or(self.src.len());
        (st, &self.src[st..en])
    }

    /// Error spanning two (line, byte col) positions; offsets become 1-based characters.
    pub(crate) fn err_range(&self, msg: &str, l1: u32, c1: u32, l2: u32, c2: u32) -> Box<SyntaxError> {
        let (s1, _) = self.line_text(l1);
        let (s2, _) = self.line_text(l2);
        let mut e = SyntaxError::simple(ErrorKind::SyntaxError, msg);
        e.lineno = Some(l1 as i64);
        e.offset = Some(char_col(self.src, s1, s1 + c1 as usize));
        e.end_lineno = Some(l2 as i64);
        e.end_offset = Some(char_col(self.src, s2, s2 + c2 as usize));
        Box::new(e)
    }

    pub(crate) fn err_node(&self, msg: &str, n: &Node) -> Box<SyntaxError> {
        self.err_range(msg, n.loc.lineno, n.loc.col, n.loc.end_lineno, n.loc.end_col)
    }

    pub(crate) fn err_nodes(&self, msg: &str, a: &Node, b: &Node) -> Box<SyntaxError> {
        self.err_range(msg, a.loc.lineno, a.loc.col, b.loc.end_lineno, b.loc.end_col)
    }

    pub(crate) fn err_tok(&self, msg: &str, t: &Token) -> Box<SyntaxError> {
        let mut e = self.err_range(msg, t.line, t.col, t.end_line, t.end_col);
        let at_eof = t.start as usize >= self.src.len();
        if t.kind == Tok::EndMarker || (t.kind == Tok::Dedent && at_eof) {
            e.end_offset = Some(-1);
        } else if t.kind == Tok::Dedent {
            // CPython's DEDENT tokens carry column -1.
            e.offset = Some(0);
            e.end_offset = Some(-1);
        }
        e
    }

    /// The generic error at the current token.
    pub(crate) fn invalid(&self) -> Box<SyntaxError> {
        let t = self.last_seen();
        self.invalid_at(t)
    }

    /// The generic error at token `t` (look-ahead already done still counts).
    pub(crate) fn invalid_at(&self, t: Token) -> Box<SyntaxError> {
        // CPython reads past a string to see whether another one follows (implicit
        // concatenation), so a tokenizer error right after it is reached.
        if self.toks[self.seen.get().max(self.pos).min(self.toks.len() - 1)].kind == Tok::String {
            let mut i = self.seen.get().max(self.pos);
            while i < self.toks.len() - 1 && self.toks[i].kind == Tok::String {
                i += 1;
            }
            self.see(i);
        }
        let mut e = match t.kind {
            Tok::Indent => {
                let mut e = self.err_range("unexpected indent", t.line, t.end_col.saturating_sub(1), t.line, t.end_col);
                e.kind = ErrorKind::IndentationError;
                e.end_offset = Some(-1);
                e
            }
            Tok::Dedent => {
                let mut e = self.err_range("unexpected unindent", t.line, t.col, t.line, t.col);
                e.kind = ErrorKind::IndentationError;
                if t.start as usize >= self.src.len() {
                    e.end_offset = Some(-1);
                }
                e
            }
            Tok::EndMarker => {
                // CPython's ENDMARKER has column -1 here.
                let mut e = self.err_range("invalid syntax", t.line, t.col, t.line, t.col);
                e.offset = Some(0);
                e.end_offset = Some(0);
                e
            }
            Tok::Newline if t.start as usize >= self.src.len() => {
                // At end of input CPython points one past the last character.
                self.err_range("invalid syntax", t.line, t.col, t.line, t.col)
            }
            _ => self.err_range("invalid syntax", t.line, t.col, t.end_line, t.end_col),
        };
        e.filename.clear();
        e
    }
}

/// Parse a whole file.
/// The error's flag says whether it came from the tokenizer proper, whose columns CPython
/// always counts in characters.
pub fn parse_tokens(src: &str, toks: &crate::tokenizer::Tokens, stack_budget: usize, mode: modes::Mode) -> Result<(Node, Vec<crate::warning::Warning>), (Box<SyntaxError>, bool)> {
    parse_tokens_inner(src, toks, stack_budget, mode).map_err(|e| {
        let from_tokenizer = matches!(&toks.error, Some((_, te)) if *e == *te) && !toks.unclosed && !toks.only_if_reached;
        (e, from_tokenizer)
    })
}

fn parse_tokens_inner(src: &str, toks: &crate::tokenizer::Tokens, stack_budget: usize, mode: modes::Mode) -> Result<(Node, Vec<crate::warning::Warning>), Box<SyntaxError>> {
    let err_at = toks.error.as_ref().map(|e| e.0).unwrap_or(usize::MAX);
    let mut p = Parser::new(src, &toks.toks, &toks.line_starts, err_at);
    p.stack_budget = stack_budget;
    let r = match mode {
        modes::Mode::Exec => p.file(),
        modes::Mode::Eval => p.eval_input(),
        modes::Mode::Single => p.single_input(),
    };
    match r {
        Ok(n) => {
            // Tokenizer and parser warnings in source order, as CPython's lazy tokenizer
            // interleaves them.
            let mut ws: Vec<crate::warning::Warning> = toks.warnings.clone();
            ws.extend(p.warnings.take());
            ws.sort_by_key(|w| (w.lineno, w.offset));
            Ok((n, ws))
        }
        Err(e) if e.msg == STACK_RETRY => Err(e),
        Err(e) => {
            if let Some((idx, te)) = &toks.error {
                // A tokenizer error the parser reached wins; one further on replaces a
                // parser error too, except that an unclosed bracket only does so when the
                // parser had already looked past the bracket's line.
                let seen = p.seen.get().max(p.pos);
                if seen >= *idx {
                    return Err(Box::new(te.clone()));
                }
                // "unexpected indent/unindent" is final in CPython (no look further on).
                if e.kind == ErrorKind::IndentationError && e.msg.starts_with("unexpected ") {
                    return Err(e);
                }
                if toks.only_if_reached {
                    return Err(e);
                }
                if toks.unclosed {
                    let seen_line = p.toks[seen.min(p.toks.len() - 1)].line as i64;
                    if seen_line > te.lineno.unwrap_or(0) {
                        return Err(Box::new(te.clone()));
                    }
                    return Err(e);
                }
                return Err(Box::new(te.clone()));
            }
            Err(e)
        }
    }
}
