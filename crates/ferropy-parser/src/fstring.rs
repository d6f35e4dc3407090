//! f-strings with 3.11 semantics: the token is already complete (a nested string must use
//! the other quote kind), we split it into literal text and `{expression!conv:spec}`
//! fields, and parse each expression with a fresh parser whose token positions are
//! shifted to where the expression sits in the file.

use crate::ast::{Kind, Node, Value};
use crate::parser::{PResult, Parser};
use crate::string_literal::{decode_escapes, merge_parts, Part};
use crate::tokenizer::{tokenize, Tok, Token};

impl<'a> Parser<'a> {
    /// f-string errors are reported at the last token CPython read (the one after the
    /// string).
    fn fs_err(&self, msg: &str, _t: &Token) -> Box<crate::error::SyntaxError> {
        let l = self.last_seen();
        self.err_tok(msg, &l)
    }

    /// Scan `body` (raw token text between the quotes; starts at byte `abs` in the file).
    /// In a format spec (`depth` > 0) scanning stops at the `}` closing the field and
    /// returns its index.
    pub(crate) fn fstring_body(&mut self, body: &str, abs: usize, t: &Token, raw: bool, depth: u32, parts: &mut Vec<Part>) -> PResult<usize> {
        let b = body.as_bytes();
        let mut i = 0;
        let mut lit_start = 0;
        let flush = |this: &Self, parts: &mut Vec<Part>, from: usize, to: usize| -> PResult<()> {
            if to > from {
                let s = &body[from..to];
                let mut out = Vec::new();
                if raw || !s.contains('\\') {
                    out.extend_from_slice(s.as_bytes());
                } else {
                    if let Some(w) = decode_escapes(s, false, &mut out).map_err(|m| this.err_tok(&m, t))? {
                        this.warn_deprecated(w, t);
                    }
                }
                parts.push(Part::Lit(out));
            }
            Ok(())
        };
        while i < b.len() {
            let c = b[i];
            if c == b'\\' && !raw {
                // Skip escapes so `\N{...}` is not taken for a field.
                if i + 2 < b.len() && b[i + 1] == b'N' && b[i + 2] == b'{' {
                    match body[i..].find('}') {
                        Some(e) => {
                            i += e + 1;
                            continue;
                        }
                        None => {
                            i += 2;
                            continue;
                        }
                    }
                }
                i += if i + 1 < b.len() && b[i + 1] != b'{' && b[i + 1] != b'}' { 2 } else { 1 };
                continue;
            }
            if c == b'{' {
                if depth == 0 && i + 1 < b.len() && b[i + 1] == b'{' {
                    flush(self, parts, lit_start, i + 1)?;
                    i += 2;
                    lit_start = i;
                    continue;
                }
                flush(self, parts, lit_start, i)?;
                i = self.fstring_field(body, abs, t, raw, depth, i, parts)?;
                lit_start = i;
                continue;
            }
            if c == b'}' {
                if depth > 0 {
                    flush(self, parts, lit_start, i)?;
                    return Ok(i);
                }
                if i + 1 < b.len() && b[i + 1] == b'}' {
                    flush(self, parts, lit_start, i + 1)?;
                    i += 2;
                    lit_start = i;
                    continue;
                }
                return Err(self.fs_err("f-string: single '}' is not allowed", t));
            }
            i += 1;
        }
        if depth > 0 {
            return Err(self.fs_err("f-string: expecting '}'", t));
        }
        flush(self, parts, lit_start, b.len())?;
        Ok(b.len())
    }

    /// Parse one `{...}` field starting at `body[open]`; returns the index after it.
    #[allow(clippy::too_many_arguments)]
    fn fstring_field(&mut self, body: &str, abs: usize, t: &Token, raw: bool, depth: u32, open: usize, parts: &mut Vec<Part>) -> PResult<usize> {
        if depth >= 2 {
            return Err(self.fs_err("f-string: expressions nested too deeply", t));
        }
        let b = body.as_bytes();
        let start = open + 1;
        let mut j = start;
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, usize)> = None;
        let mut debug = false;
        while j < b.len() {
            let c = b[j];
            if c == b'\\' {
                return Err(self.fs_err("f-string expression part cannot include a backslash", t));
            }
            if let Some((q, n)) = quote {
                if c == q && (n == 1 || (j + 2 < b.len() + 0 && b[j + 1] == q && b[j + 2] == q)) {
                    j += n;
                    quote = None;
                    continue;
                }
                j += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    if j + 2 < b.len() && b[j + 1] == c && b[j + 2] == c {
                        quote = Some((c, 3));
                        j += 3;
                    } else {
                        quote = Some((c, 1));
                        j += 1;
                    }
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= 200 {
                        return Err(self.fs_err("f-string: too many nested parenthesis", t));
                    }
                    stack.push(c);
                }
                b')' | b']' | b'}' => {
                    if stack.is_empty() {
                        if c == b'}' {
                            break;
                        }
                        return Err(self.fs_err(&format!("f-string: unmatched '{}'", c as char), t));
                    }
                    let o = stack.pop().unwrap();
                    let want = match o { b'(' => b')', b'[' => b']', _ => b'}' };
                    if want != c {
                        return Err(self.fs_err(&format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, o as char), t));
                    }
                }
                b'#' => return Err(self.fs_err("f-string expression part cannot include '#'", t)),
                b'=' | b'!' | b'<' | b'>' if j + 1 < b.len() && b[j + 1] == b'=' => {
                    j += 2;
                    continue;
                }
                b'!' if stack.is_empty() => break,
                b':' if stack.is_empty() => break,
                b'=' if stack.is_empty() => {
                    debug = true;
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        if quote.is_some() {
            return Err(self.fs_err("f-string: unterminated string", t));
        }
        if j >= b.len() {
            if !stack.is_empty() {
                return Err(self.fs_err("f-string: expecting '}'", t));
            }
            return Err(self.fs_err("f-string: expecting '}'", t));
        }
        let expr_text = &body[start..j];
        if expr_text.trim_matches([' ', '\t', '\n', '\x0c', '\r']).is_empty() {
            let msg = match b[j] {
                b'}' => "f-string: empty expression not allowed".to_string(),
                c => format!("f-string: expression required before '{}'", c as char),
            };
            return Err(self.fs_err(&msg, t));
        }
        let value = self.fstring_expr(expr_text, abs + start, t)?;
        if debug {
            j += 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\x0c' | b'\r') {
                j += 1;
            }
            parts.push(Part::Lit(body[start..j].as_bytes().to_vec()));
        }
        let mut conversion: i64 = -1;
        if j < b.len() && b[j] == b'!' {
            j += 1;
            if j >= b.len() {
                return Err(self.fs_err("f-string: expecting '}'", t));
            }
            let cc = b[j];
            if !matches!(cc, b's' | b'r' | b'a') {

                return Err(self.fs_err("f-string: invalid conversion character: expected 's', 'r', or 'a'", t));
            }
            conversion = cc as i64;
            j += 1;
            if j < b.len() && b[j] != b':' && b[j] != b'}' {
                return Err(self.fs_err("f-string: expecting '}'", t));
            }
        }
        let mut spec = None;
        if j < b.len() && b[j] == b':' {
            let mut sparts = Vec::new();
            let rel = self.fstring_body(&body[j + 1..], abs + j + 1, t, raw, depth + 1, &mut sparts)?;
            j = j + 1 + rel;
            // A format spec carries the location of its own string token (3.11).
            let tloc = crate::ast::Loc { lineno: t.line, col: t.col, end_lineno: t.end_line, end_col: t.end_col };
            let values = merge_parts(sparts, tloc);
            spec = Some(Node::new(Kind::JoinedStr, tloc, vec![Value::List(values)]));
        }
        if j >= b.len() || b[j] != b'}' {
            return Err(self.fs_err("f-string: expecting '}'", t));
        }
        j += 1;
        if debug && conversion == -1 && spec.is_none() {
            conversion = b'r' as i64;
        }
        parts.push(Part::Expr(Node::new(Kind::FormattedValue, Default::default(), vec![Value::node(value), Value::Int(conversion), Value::opt(spec)])));
        Ok(j)
    }

    /// Parse an f-string expression found at byte `at` of the file.
    fn fstring_expr(&mut self, text: &str, at: usize, t: &Token) -> PResult<Node> {
        // Where the expression starts: line and byte column in the file.
        let before = &self.src[t.start as usize..at];
        let nl = before.bytes().filter(|&c| c == b'\n').count() as u32;
        let line0 = t.line + nl;
        let col0 = match before.rfind('\n') {
            Some(p) => (before.len() - p - 1) as u32,
            None => t.col + before.len() as u32,
        };
        let sub = format!("({})", text);
        let mut toks = tokenize(&sub);
        // Errors inside the expression: 3.11 numbers lines from where the expression
        // starts in the file but keeps columns of the "(expression)" text it parsed.
        let shift = |e: &mut crate::error::SyntaxError| {
            e.lineno = e.lineno.map(|l| l + line0 as i64 - 1);
            e.end_lineno = e.end_lineno.map(|l| l + line0 as i64 - 1);
        };
        // The error's text is the line of the "(expression)" string, as 3.11 shows it.
        let sub_text = |e: &mut crate::error::SyntaxError| {
            if let Some(l) = e.lineno {
                if l >= 1 {
                    e.text = sub.split('\n').nth(l as usize - 1).map(|s| s.to_string());
                }
            }
        };
        if let Some((_, e)) = toks.error.take() {
            let mut e = e;
            sub_text(&mut e);
            if toks.unclosed || e.kind != crate::error::ErrorKind::SyntaxError {
                e.msg = format!("f-string: {}", e.msg);
            }
            shift(&mut e);
            return Err(Box::new(e));
        }
        for tk in toks.toks.iter_mut() {
            // CPython shifts a token's columns only when the token *ends* on the first
            // line (its tokenizer knows a token's line at the token's end).
            if tk.line == 1 && tk.end_line == 1 {
                tk.col = (tk.col + col0).saturating_sub(1);
            }
            if tk.end_line == 1 {
                tk.end_col = (tk.end_col + col0).saturating_sub(1);
            }
            tk.line += line0 - 1;
            tk.end_line += line0 - 1;
        }
        let mut p = Parser::new(&sub, &toks.toks, &toks.line_starts, usize::MAX);
        p.in_fstring = true;
        p.depth = self.depth;
        p.stack_base = self.stack_base;
        p.stack_budget = self.stack_budget;
        let r = p.star_expressions();
        match r {
            Ok(n) if matches!(p.peek(), Tok::Newline | Tok::EndMarker) => Ok(n),
            _ => {
                // 3.11 reports these relative to the "(expression)" string it parsed:
                // parse again with unshifted positions to get them.
                let raw = tokenize(&sub);
                let mut q = Parser::new(&sub, &raw.toks, &raw.line_starts, usize::MAX);
                q.in_fstring = true;
                let e = match q.star_expressions() {
                    Err(e) => e,
                    Ok(_) => q.invalid(),
                };
                let mut e = *e;
                e.msg = format!("f-string: {}", e.msg);
                if e.text.is_none() {
                    sub_text(&mut e);
                }
                shift(&mut e);
                Err(Box::new(e))
            }
        }
    }
}
