//! The start symbols other than `file`: `eval` (one expression list, as `eval()` and
//! `compile(..., 'eval')` parse) and `single` (one interactive statement, as the REPL and
//! `compile(..., 'single')` parse).

use super::{PResult, Parser};
use crate::ast::{Kind, Loc, Node, Value};
use crate::tokenizer::Tok;

/// Which grammar entry point to parse with (CPython's `Py_file_input` etc.).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Exec,
    Eval,
    Single,
}

impl<'a> Parser<'a> {
    /// `eval: expressions NEWLINE* ENDMARKER`; a starred item is not an expression here.
    pub(crate) fn eval_input(&mut self) -> PResult<Node> {
        while self.peek() == Tok::Newline {
            self.bump();
        }
        if self.peek() == Tok::EndMarker {
            return Err(self.empty_input_error());
        }
        let body = self.star_expressions()?;
        let first_star = match body.kind {
            Kind::Starred => Some(&body),
            Kind::Tuple => match &body.fields[0] {
                Value::List(items) => items.iter().filter_map(|v| v.as_node()).find(|n| n.kind == Kind::Starred),
                _ => None,
            },
            _ => None,
        };
        if let Some(s) = first_star {
            return Err(self.err_range("invalid syntax", s.loc.lineno, s.loc.col, s.loc.lineno, s.loc.col + 1));
        }
        while self.peek() == Tok::Newline {
            self.bump();
        }
        if self.peek() != Tok::EndMarker {
            return Err(self.invalid());
        }
        Ok(Node::new(Kind::Expression, Loc::default(), vec![Value::node(body)]))
    }

    /// `interactive: statement_newline`: exactly one statement (simple statements joined
    /// by `;` count as one), then only blank lines and comments.
    pub(crate) fn single_input(&mut self) -> PResult<Node> {
        if self.peek() == Tok::EndMarker {
            return Err(self.empty_input_error());
        }
        let mut body = Vec::new();
        self.statement(&mut body)?;
        let compound = body.len() == 1 && is_compound(body[0].kind);
        let end = self.toks[self.pos.saturating_sub(1)];
        while matches!(self.peek(), Tok::Newline | Tok::Dedent) {
            self.bump();
        }
        if self.peek() != Tok::EndMarker {
            if compound {
                return Err(self.invalid());
            }
            let mut e = self.err_range("multiple statements found while compiling a single statement", end.line, end.col, end.line, end.col);
            e.offset = e.offset.map(|o| o.max(1));
            e.end_offset = e.offset;
            return Err(e);
        }
        Ok(Node::new(Kind::Interactive, Loc::default(), vec![Value::list(body)]))
    }

    /// Nothing but blank lines and comments: CPython says "invalid syntax" at column 0 of
    /// the last line (line 0 for empty input).
    fn empty_input_error(&self) -> Box<crate::error::SyntaxError> {
        let lines = self.src.split_inclusive('\n').count() as u32;
        let mut e = self.err_range("invalid syntax", lines.max(1), 0, lines.max(1), 0);
        e.lineno = Some(lines as i64);
        e.end_lineno = Some(lines as i64);
        e.offset = Some(0);
        e.end_offset = Some(0);
        e
    }
}

fn is_compound(k: Kind) -> bool {
    matches!(
        k,
        Kind::FunctionDef | Kind::AsyncFunctionDef | Kind::ClassDef | Kind::If | Kind::While | Kind::For | Kind::AsyncFor
            | Kind::With | Kind::AsyncWith | Kind::Try | Kind::TryStar | Kind::Match
    )
}
