//! Statements: simple statements, compound statements and blocks.

use super::expressions::{ctx, name_node};
use super::targets::expr_name;
use super::{PResult, Parser};
use crate::ast::{Kind, Loc, Node, Value};
use crate::error::ErrorKind;
use crate::tokenizer::Tok;

const STACK_RETRY_MSG: &str = super::STACK_RETRY;

fn augop(t: Tok) -> Option<Kind> {
    Some(match t {
        Tok::PlusEqual => Kind::Add,
        Tok::MinEqual => Kind::Sub,
        Tok::StarEqual => Kind::Mult,
        Tok::AtEqual => Kind::MatMult,
        Tok::SlashEqual => Kind::Div,
        Tok::PercentEqual => Kind::Mod,
        Tok::AmperEqual => Kind::BitAnd,
        Tok::VBarEqual => Kind::BitOr,
        Tok::CircumflexEqual => Kind::BitXor,
        Tok::LeftShiftEqual => Kind::LShift,
        Tok::RightShiftEqual => Kind::RShift,
        Tok::DoubleStarEqual => Kind::Pow,
        Tok::DoubleSlashEqual => Kind::FloorDiv,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    pub(crate) fn file(&mut self) -> PResult<Node> {
        let mut body = Vec::new();
        while self.peek() != Tok::EndMarker {
            if self.peek() == Tok::Newline {
                self.bump();
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(Node::new(Kind::Module, Loc::default(), vec![Value::list(body), Value::List(vec![])]))
    }

    /// A compound statement ends at the last real token of its last block (a trailing
    /// `;` included), as CPython's positions do.
    fn loc_end(&self, start: (u32, u32)) -> Loc {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            if !matches!(self.toks[i].kind, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker) {
                break;
            }
        }
        let t = &self.toks[i];
        Loc { lineno: start.0, col: start.1, end_lineno: t.end_line, end_col: t.end_col }
    }

    pub(crate) fn statement(&mut self, out: &mut Vec<Node>) -> PResult<()> {
        match self.peek() {
            Tok::Def | Tok::Class | Tok::If | Tok::While | Tok::For | Tok::Try | Tok::With | Tok::At => {
                let s = self.compound()?;
                out.push(s);
                Ok(())
            }
            Tok::Async if matches!(self.peek_at(1), Tok::Def | Tok::For | Tok::With) => {
                let s = self.compound()?;
                out.push(s);
                Ok(())
            }
            Tok::Name if self.at_name("match") => {
                if let Some(m) = self.match_stmt()? {
                    out.push(m);
                    return Ok(());
                }
                let r = self.simple_stmts(out);
                // `match x` + NEWLINE that is not a valid expression statement either:
                // CPython's second pass says "expected ':'".
                if r.is_err() {
                    if let Some(t) = self.match_colon_hint.take() {
                        return Err(self.err_tok("expected ':'", &t));
                    }
                }
                self.match_colon_hint = None;
                r
            }
            _ => self.simple_stmts(out),
        }
    }

    fn simple_stmts(&mut self, out: &mut Vec<Node>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat(Tok::Semi) {
                if self.peek() == Tok::Newline {
                    break;
                }
                continue;
            }
            break;
        }
        if self.peek() != Tok::Newline {
            return Err(self.after_statement_error(out.last().unwrap()));
        }
        self.bump();
        Ok(())
    }

    fn after_statement_error(&mut self, last: &Node) -> Box<crate::error::SyntaxError> {
        // `print "x"`: the Python 2 statement forms.
        if last.kind == Kind::Expr {
            let v = last.fields[0].as_node().unwrap();
            if v.kind == Kind::Name && self.is_expr_start() {
                if let Value::Str(id) = &v.fields[0] {
                    if id == "print" || id == "exec" {
                        let save = self.pos;
                        let r = self.star_expressions();
                        self.pos = save;
                        if let Ok(arg) = r {
                            let msg = format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id);
                            return self.err_nodes(&msg, v, &arg);
                        }
                    }
                }
            }
        }
        // CPython's second pass tries to read another expression here (for its "forgot a
        // comma?" hint); what it reads counts for tokenizer errors further on.
        let t = self.last_seen();
        let ends_with_expression = matches!(last.kind, Kind::Expr | Kind::Assign | Kind::AugAssign | Kind::AnnAssign | Kind::Return | Kind::Raise | Kind::Assert);
        if ends_with_expression && self.is_expr_start() {
            let save = self.pos;
            let r = self.expression();
            self.pos = save;
            if let Err(e) = r {
                if e.msg != "invalid syntax" && e.msg != STACK_RETRY_MSG {
                    return e;
                }
            }
        }
        self.invalid_at(t)
    }

    fn simple_stmt(&mut self) -> PResult<Node> {
        let start = self.start();
        let t = *self.tok();
        match t.kind {
            Tok::Pass => {
                self.bump();
                Ok(self.mk(Kind::Pass, start, vec![]))
            }
            Tok::Break => {
                self.bump();
                Ok(self.mk(Kind::Break, start, vec![]))
            }
            Tok::Continue => {
                self.bump();
                Ok(self.mk(Kind::Continue, start, vec![]))
            }
            Tok::Return => {
                self.bump();
                let v = if self.is_expr_start() { Some(self.star_expressions()?) } else { None };
                Ok(self.mk(Kind::Return, start, vec![Value::opt(v)]))
            }
            Tok::Raise => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if self.is_expr_start() {
                    exc = Some(self.expression()?);
                    if self.eat(Tok::From) {
                        cause = Some(self.expression()?);
                    }
                }
                Ok(self.mk(Kind::Raise, start, vec![Value::opt(exc), Value::opt(cause)]))
            }
            Tok::Global | Tok::Nonlocal => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    if self.peek() != Tok::Name {
                        return Err(self.invalid());
                    }
                    let n = self.bump();
                    names.push(Value::Str(self.ident(&n)));
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                }
                let k = if t.kind == Tok::Global { Kind::Global } else { Kind::Nonlocal };
                Ok(self.mk(k, start, vec![Value::List(names)]))
            }
            Tok::Del => {
                let start_pos = self.pos;
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let e = self.target_elem()?;
                    targets.push(self.del_target(e)?);
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                    if matches!(self.peek(), Tok::Newline | Tok::Semi) {
                        break;
                    }
                }
                if !matches!(self.peek(), Tok::Newline | Tok::Semi) {
                    // `del a in b`: CPython names the invalid target of the whole expression
                    let here = self.last_seen();
                    let save = self.pos;
                    self.pos = start_pos + 1;
                    let whole = self.star_expressions();
                    let ok_end = matches!(self.peek(), Tok::Newline | Tok::Semi);
                    self.pos = save;
                    if let (Ok(w), true) = (whole, ok_end) {
                        if let Some(bad) = super::targets::invalid_target(&w, true) {
                            return Err(self.err_node(&format!("cannot delete {}", expr_name(bad)), bad));
                        }
                    }
                    return Err(self.invalid_at(here));
                }
                Ok(self.mk(Kind::Delete, start, vec![Value::list(targets)]))
            }
            Tok::Assert => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat(Tok::Comma) { Some(self.expression()?) } else { None };
                Ok(self.mk(Kind::Assert, start, vec![Value::node(test), Value::opt(msg)]))
            }
            Tok::Import => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    let astart = self.start();
                    let name = self.dotted_name()?;
                    let asname = self.optional_asname()?;
                    names.push(self.mk(Kind::Alias, astart, vec![Value::Str(name), asname]));
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                }
                Ok(self.mk(Kind::Import, start, vec![Value::list(names)]))
            }
            Tok::From => self.import_from(),
            _ => self.expr_stmt(),
        }
    }

    /// The `as NAME` of an import alias: the name, or None when there is no `as`.
    fn optional_asname(&mut self) -> PResult<Value> {
        if !self.eat(Tok::As) {
            return Ok(Value::None);
        }
        if self.peek() != Tok::Name {
            return Err(self.invalid());
        }
        let n = self.bump();
        Ok(Value::Str(self.ident(&n)))
    }

    fn dotted_name(&mut self) -> PResult<String> {
        if self.peek() != Tok::Name {
            return Err(self.invalid());
        }
        let t = self.bump();
        let mut s = self.ident(&t);
        while self.peek() == Tok::Dot && self.peek_at(1) == Tok::Name {
            self.bump();
            let t = self.bump();
            s.push('.');
            s.push_str(&self.ident(&t));
        }
        Ok(s)
    }

    fn import_from(&mut self) -> PResult<Node> {
        let start = self.start();
        self.bump();
        let mut level = 0;
        loop {
            match self.peek() {
                Tok::Dot => level += 1,
                Tok::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.peek() == Tok::Name { Value::Str(self.dotted_name()?) } else { Value::None };
        if matches!(module, Value::None) && level == 0 {
            return Err(self.invalid());
        }
        if self.peek() != Tok::Import {
            return Err(self.invalid());
        }
        self.bump();
        let mut names = Vec::new();
        if self.peek() == Tok::Star {
            let s = self.start();
            self.bump();
            names.push(self.mk(Kind::Alias, s, vec![Value::Str("*".into()), Value::None]));
        } else {
            let paren = self.eat(Tok::LPar);
            loop {
                let astart = self.start();
                if self.peek() != Tok::Name {
                    return Err(self.invalid());
                }
                let n = self.bump();
                let name = self.ident(&n);
                let asname = self.optional_asname()?;
                names.push(self.mk(Kind::Alias, astart, vec![Value::Str(name), asname]));
                if !self.eat(Tok::Comma) {
                    break;
                }
                if paren && self.peek() == Tok::RPar {
                    break;
                }
                if !paren && matches!(self.peek(), Tok::Newline | Tok::Semi) {
                    let c = self.toks[self.pos - 1];
                    return Err(self.err_range("trailing comma not allowed without surrounding parentheses", c.end_line, c.end_col, c.end_line, c.end_col));
                }
            }
            if paren {
                self.expect(Tok::RPar)?;
            }
        }
        Ok(self.mk(Kind::ImportFrom, start, vec![module, Value::list(names), Value::Int(level)]))
    }

    fn expr_stmt(&mut self) -> PResult<Node> {
        let start = self.start();
        let first_tok = self.peek();
        let e = if self.peek() == Tok::Yield { self.yield_expr()? } else { self.star_expressions()? };
        match self.peek() {
            Tok::Colon => {
                // annotated assignment
                let simple = (e.kind == Kind::Name && first_tok != Tok::LPar) as i64;
                // CPython only complains about the target once an annotation follows.
                if !matches!(e.kind, Kind::Name | Kind::Attribute | Kind::Subscript) {
                    let save = self.pos;
                    let colon = self.bump();
                    let ann = self.expression();
                    self.pos = save;
                    if let Err(err) = ann {
                        if err.msg == "invalid syntax" {
                            return Err(self.invalid_at(colon));
                        }
                        return Err(err);
                    }
                }
                match e.kind {
                    Kind::Name | Kind::Attribute | Kind::Subscript => {}
                    Kind::Tuple | Kind::List => {
                        let msg = format!("only single target (not {}) can be annotated", if e.kind == Kind::Tuple { "tuple" } else { "list" });
                        // an unparenthesised tuple is reported at its first element
                        if e.kind == Kind::Tuple && first_tok != Tok::LPar {
                            if let Value::List(v) = &e.fields[0] {
                                if let Some(Value::Node(f)) = v.first() {
                                    return Err(self.err_node(&msg, f));
                                }
                            }
                        }
                        return Err(self.err_node(&msg, &e));
                    }
                    _ => return Err(self.err_node("illegal target for annotation", &e)),
                }
                let mut target = e;
                super::targets::set_ctx(&mut target, Kind::Store);
                self.bump();
                let ann = self.expression()?;
                let value = if self.eat(Tok::Equal) {
                    Some(if self.peek() == Tok::Yield { self.yield_expr()? } else { self.star_expressions()? })
                } else {
                    None
                };
                Ok(self.mk(Kind::AnnAssign, start, vec![Value::node(target), Value::node(ann), Value::opt(value), Value::Int(simple)]))
            }
            Tok::Equal => {
                if !matches!(e.kind, Kind::Yield | Kind::YieldFrom) {
                    if let Some(bad) = super::targets::invalid_target(&e, false) {
                        let direct = std::ptr::eq(bad, &e);
                        let parenthesized = first_tok == Tok::LPar && (e.loc.lineno, e.loc.col) != start;
                        let excluded = matches!(e.kind, Kind::Tuple | Kind::List | Kind::GeneratorExp)
                            || (!parenthesized && matches!(e.kind, Kind::Compare | Kind::BoolOp | Kind::IfExp | Kind::Lambda | Kind::NamedExpr))
                            || (!parenthesized && e.kind == Kind::UnaryOp && matches!(e.fields[0].as_node().map(|n| n.kind), Some(Kind::Not)))
                            || (e.kind == Kind::Constant && matches!(expr_name(&e), "None" | "True" | "False"));
                        if direct && !excluded && self.rhs_prefix_ok() {
                            let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(bad));
                            return Err(self.err_node(&msg, bad));
                        }
                        return Err(self.err_node(&format!("cannot assign to {}", expr_name(bad)), bad));
                    }
                }
                let mut exprs = vec![e];
                while self.eat(Tok::Equal) {
                    let v = if self.peek() == Tok::Yield { self.yield_expr()? } else { self.star_expressions()? };
                    if self.peek() == Tok::Equal && !matches!(v.kind, Kind::Yield | Kind::YieldFrom) {
                        // another target: CPython rejects it before reading on
                        if let Some(bad) = super::targets::invalid_target(&v, false) {
                            return Err(self.err_node(&format!("cannot assign to {}", expr_name(bad)), bad));
                        }
                    }
                    exprs.push(v);
                }
                let value = exprs.pop().unwrap();
                let n_targets = exprs.len();
                let mut targets = Vec::with_capacity(n_targets);
                for (i, t) in exprs.into_iter().enumerate() {
                    if matches!(t.kind, Kind::Yield | Kind::YieldFrom) && !(i == 0 && first_tok == Tok::LPar) {
                        return Err(self.err_node("assignment to yield expression not possible", &t));
                    }
                    if let Some(bad) = super::targets::invalid_target(&t, false) {
                        let direct = std::ptr::eq(bad, &t);
                        // Parenthesised, any expression is a candidate for the "==" hint.
                        let parenthesized = first_tok == Tok::LPar && (t.loc.lineno, t.loc.col) != start;
                        let excluded = matches!(t.kind, Kind::Tuple | Kind::List | Kind::GeneratorExp)
                            || (!parenthesized && matches!(t.kind, Kind::Compare | Kind::BoolOp | Kind::IfExp | Kind::Lambda | Kind::NamedExpr))
                            || (!parenthesized && t.kind == Kind::UnaryOp && matches!(t.fields[0].as_node().map(|n| n.kind), Some(Kind::Not)))
                            || (t.kind == Kind::Constant && matches!(expr_name(&t), "None" | "True" | "False"));
                        if i == 0 && n_targets == 1 && direct && !excluded && self.rhs_is_simple(&value) {
                            let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(bad));
                            return Err(self.err_node(&msg, bad));
                        }
                        return Err(self.err_node(&format!("cannot assign to {}", expr_name(bad)), bad));
                    }
                    let mut t = t;
                    super::targets::set_ctx(&mut t, Kind::Store);
                    targets.push(t);
                }
                Ok(self.mk(Kind::Assign, start, vec![Value::list(targets), Value::node(value), Value::None]))
            }
            k if augop(k).is_some() => {
                let op = augop(k).unwrap();
                if !matches!(e.kind, Kind::Name | Kind::Attribute | Kind::Subscript) {
                    let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&e));
                    return Err(self.err_node(&msg, &e));
                }
                let mut target = e;
                super::targets::set_ctx(&mut target, Kind::Store);
                self.bump();
                let v = if self.peek() == Tok::Yield { self.yield_expr()? } else { self.star_expressions()? };
                Ok(self.mk(Kind::AugAssign, start, vec![Value::node(target), ctx(op), Value::node(v)]))
            }
            _ => Ok(self.mk(Kind::Expr, start, vec![Value::node(e)])),
        }
    }

    /// After `target =`: does a bitwise_or expression start here, not followed by another
    /// `=` or `:=` (CPython's condition for the "Maybe you meant '=='" hint)?
    fn rhs_prefix_ok(&mut self) -> bool {
        let save = self.pos;
        self.bump();
        let ok = match self.peek() {
            Tok::Star | Tok::Lambda | Tok::Not | Tok::Yield => false,
            _ if !self.is_expr_start() => false,
            _ => match self.bitwise_or() {
                Ok(_) => !matches!(self.peek(), Tok::Equal | Tok::ColonEqual),
                Err(_) => true,
            },
        };
        self.pos = save;
        ok
    }

    fn rhs_is_simple(&self, v: &Node) -> bool {
        // CPython's rule only matches when the right side is a bitwise_or expression.
        !matches!(v.kind, Kind::Tuple | Kind::Compare | Kind::BoolOp | Kind::IfExp | Kind::Lambda | Kind::Yield | Kind::YieldFrom | Kind::Starred)
            && !(v.kind == Kind::UnaryOp && matches!(v.fields[0].as_node().map(|n| n.kind), Some(Kind::Not)))
    }

    /// `':' block` with CPython's "expected an indented block after ..." error.
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Node>> {
        let mode = match what {
            "function definition" | "'try' statement" | "'finally' statement" | "'else' statement" => b'f',
            "'case' statement" => b'c',
            _ => b'n',
        };
        self.expect_colon(mode)?;
        self.block_after_colon(what, line)
    }

    fn block_after_colon(&mut self, what: &str, line: u32) -> PResult<Vec<Node>> {
        let mut body = Vec::new();
        if self.peek() == Tok::Newline {
            self.bump();
            if self.peek() != Tok::Indent {
                if self.peek() == Tok::Error {
                    return Err(self.invalid());
                }
                let t = *self.tok();
                let mut e = self.err_tok(&format!("expected an indented block after {} on line {}", what, line), &t);
                e.kind = ErrorKind::IndentationError;
                return Err(e);
            }
            self.bump();
            while self.peek() != Tok::Dedent && self.peek() != Tok::EndMarker {
                self.statement(&mut body)?;
            }
            if self.peek() == Tok::Error {
                return Err(self.invalid());
            }
            self.eat(Tok::Dedent);
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    fn compound(&mut self) -> PResult<Node> {
        let t = *self.tok();
        match t.kind {
            Tok::If => self.if_stmt(false),
            Tok::While => {
                let start = self.start();
                self.bump();
                let test = self.named_expression()?;
                let body = self.block("'while' statement", t.line)?;
                let orelse = self.else_block()?;
                Ok(Node::new(Kind::While, self.loc_end(start), vec![Value::node(test), Value::list(body), Value::list(orelse)]))
            }
            Tok::For => self.for_stmt(false, self.start()),
            Tok::With => self.with_stmt(false, self.start()),
            Tok::Async => {
                let start = self.start();
                self.bump();
                match self.peek() {
                    Tok::Def => self.funcdef(true, start, Vec::new()),
                    Tok::For => self.for_stmt(true, start),
                    _ => self.with_stmt(true, start),
                }
            }
            Tok::Try => self.try_stmt(),
            Tok::Def => {
                let s = self.start();
                self.funcdef(false, s, Vec::new())
            }
            Tok::Class => {
                let s = self.start();
                self.classdef(s, Vec::new())
            }
            Tok::At => {
                let mut decos = Vec::new();
                while self.eat(Tok::At) {
                    decos.push(self.named_expression()?);
                    if self.peek() != Tok::Newline {
                        return Err(self.invalid());
                    }
                    self.bump();
                }
                let s = self.start();
                match self.peek() {
                    Tok::Def => self.funcdef(false, s, decos),
                    Tok::Async if self.peek_at(1) == Tok::Def => {
                        self.bump();
                        self.funcdef(true, s, decos)
                    }
                    Tok::Class => self.classdef(s, decos),
                    _ => Err(self.invalid()),
                }
            }
            _ => Err(self.invalid()),
        }
    }

    fn else_block(&mut self) -> PResult<Vec<Node>> {
        if self.peek() == Tok::Else {
            let t = self.bump();
            return self.block("'else' statement", t.line);
        }
        Ok(Vec::new())
    }

    fn if_stmt(&mut self, elif: bool) -> PResult<Node> {
        let start = self.start();
        let t = self.bump();
        let test = self.named_expression()?;
        let what = if elif { "'elif' statement" } else { "'if' statement" };
        let body = self.block(what, t.line)?;
        let orelse = if self.peek() == Tok::Elif {
            vec![self.if_stmt(true)?]
        } else {
            self.else_block()?
        };
        Ok(Node::new(Kind::If, self.loc_end(start), vec![Value::node(test), Value::list(body), Value::list(orelse)]))
    }

    fn for_stmt(&mut self, is_async: bool, start: (u32, u32)) -> PResult<Node> {
        let t = self.bump();
        let target = self.target_list(Tok::In)?;
        if self.peek() != Tok::In {
            return Err(self.invalid());
        }
        self.bump();
        let iter = self.star_expressions()?;
        let body = self.block("'for' statement", t.line)?;
        let orelse = self.else_block()?;
        let k = if is_async { Kind::AsyncFor } else { Kind::For };
        Ok(Node::new(k, self.loc_end(start), vec![Value::node(target), Value::node(iter), Value::list(body), Value::list(orelse), Value::None]))
    }

    fn with_item(&mut self) -> PResult<Node> {
        let e = self.expression()?;
        let vars = if self.eat(Tok::As) {
            let tpos = self.pos;
            let t = self.target_elem()?;
            if !matches!(self.peek(), Tok::Comma | Tok::RPar | Tok::Colon | Tok::Newline) {
                // `with a as b in c:`: the target is really an expression
                let here = self.last_seen();
                let save = self.pos;
                self.pos = tpos;
                let whole = self.expression();
                self.pos = save;
                if let Ok(w) = whole {
                    if let Some(bad) = super::targets::invalid_target(&w, false) {
                        return Err(self.err_node(&format!("cannot assign to {}", expr_name(bad)), bad));
                    }
                }
                return Err(self.invalid_at(here));
            }
            Some(self.store_target(t)?)
        } else {
            None
        };
        Ok(Node::new(Kind::Withitem, Loc::default(), vec![Value::node(e), Value::opt(vars)]))
    }

    fn with_stmt(&mut self, is_async: bool, start: (u32, u32)) -> PResult<Node> {
        let t = self.bump();
        let mut items = Vec::new();
        let mut done = false;
        if self.peek() == Tok::LPar {
            // Try the parenthesised form `with (a as b, c):`.
            let save = self.pos;
            self.bump();
            let r: PResult<Vec<Node>> = (|| {
                let mut items = Vec::new();
                loop {
                    items.push(self.with_item()?);
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                    if self.peek() == Tok::RPar {
                        break;
                    }
                }
                self.expect(Tok::RPar)?;
                if self.peek() != Tok::Colon && self.peek() != Tok::Newline {
                    return Err(self.invalid());
                }
                Ok(items)
            })();
            match r {
                Ok(v) => {
                    items = v;
                    done = true;
                }
                Err(_) => self.pos = save,
            }
        }
        if !done {
            loop {
                items.push(self.with_item()?);
                if !self.eat(Tok::Comma) {
                    break;
                }
            }
        }
        let body = self.block("'with' statement", t.line)?;
        let k = if is_async { Kind::AsyncWith } else { Kind::With };
        Ok(Node::new(k, self.loc_end(start), vec![Value::list(items), Value::list(body), Value::None]))
    }

    fn try_stmt(&mut self) -> PResult<Node> {
        let start = self.start();
        let t = self.bump();
        let body = self.block("'try' statement", t.line)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.peek() == Tok::Except {
            let hstart = self.start();
            let et = self.bump();
            let is_star = self.eat(Tok::Star);
            if let Some(s) = star {
                if s != is_star {
                    let msg = "cannot have both 'except' and 'except*' on the same 'try'";
                    let end = self.toks[self.pos - 1];
                    return Err(self.err_range(msg, et.line, et.col, end.end_line, end.end_col));
                }
            }
            star = Some(is_star);
            let mut typ = None;
            let mut name = Value::None;
            if self.peek() == Tok::Newline {
                let t = *self.tok();
                return Err(self.err_tok("expected ':'", &t));
            }
            if self.peek() != Tok::Colon {
                let ty = self.expression()?;
                if self.peek() == Tok::Comma {
                    // `except A, B:`
                    let save = self.pos;
                    self.bump();
                    let r = self.expression();
                    self.pos = save;
                    if let Ok(b) = r {
                        let _ = b;
                        let mut last = ty.clone();
                        let s2 = self.pos;
                        let mut q = self.pos;
                        // Collect through the last element for the error range.
                        while self.peek() == Tok::Comma {
                            self.bump();
                            match self.expression() {
                                Ok(n) => last = n,
                                Err(_) => break,
                            }
                            q = self.pos;
                        }
                        let _ = q;
                        let mut end = *self.toks.get(self.pos - 1).unwrap_or(self.tok());
                        if self.peek() == Tok::As && self.peek_at(1) == Tok::Name {
                            end = *self.tok_at(1);
                        }
                        self.pos = s2;
                        let _ = last;
                        return Err(self.err_range("multiple exception types must be parenthesized", ty.loc.lineno, ty.loc.col, end.end_line, end.end_col));
                    }
                }
                typ = Some(ty);
                if self.eat(Tok::As) {
                    if self.peek() != Tok::Name {
                        return Err(self.invalid());
                    }
                    let n = self.bump();
                    name = Value::Str(self.ident(&n));
                }
            } else if is_star {
                return Err(self.err_tok("expected one or more exception types", self.tok()));
            }
            let what = if is_star { "'except*' statement" } else { "'except' statement" };
            let hbody = self.block(what, et.line)?;
            handlers.push(Node::new(Kind::ExceptHandler, self.loc_end(hstart), vec![Value::opt(typ), name, Value::list(hbody)]));
        }
        let orelse = if !handlers.is_empty() { self.else_block()? } else { Vec::new() };
        let mut finalbody = Vec::new();
        if self.peek() == Tok::Finally {
            let ft = self.bump();
            finalbody = self.block("'finally' statement", ft.line)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            if self.peek() == Tok::Error {
                return Err(self.invalid());
            }
            let t = *self.tok();
            if t.kind == Tok::EndMarker {
                // at the end of the file CPython points after the last line's NEWLINE
                if let Some(nl) = self.toks[..self.pos].iter().rev().find(|t| t.kind == Tok::Newline) {
                    let mut e = self.err_tok("expected 'except' or 'finally' block", nl);
                    e.end_offset = Some(-1);
                    return Err(e);
                }
            }
            return Err(self.err_tok("expected 'except' or 'finally' block", &t));
        }
        let k = if star == Some(true) { Kind::TryStar } else { Kind::Try };
        Ok(Node::new(k, self.loc_end(start), vec![Value::list(body), Value::list(handlers), Value::list(orelse), Value::list(finalbody)]))
    }

    fn funcdef(&mut self, is_async: bool, start: (u32, u32), decos: Vec<Node>) -> PResult<Node> {
        let t = self.bump(); // def
        if self.peek() != Tok::Name {
            return Err(self.invalid());
        }
        let n = self.bump();
        let name = self.ident(&n);
        self.expect_msg(Tok::LPar, "(")?;
        let args = self.parameters(true, Tok::RPar)?;
        self.expect(Tok::RPar)?;
        let returns = if self.peek() == Tok::RArrow {
            let arrow = self.bump();
            match self.expression() {
                Ok(r) => Some(r),
                // `-> :`: the optional return annotation is abandoned and the forced ':'
                // fails at the arrow.
                Err(e) if e.msg == "invalid syntax" => return Err(self.err_tok("expected ':'", &arrow)),
                Err(e) => return Err(e),
            }
        } else {
            None
        };
        let body = self.block("function definition", t.line)?;
        let k = if is_async { Kind::AsyncFunctionDef } else { Kind::FunctionDef };
        Ok(Node::new(
            k,
            self.loc_end(start),
            vec![Value::Str(name), Value::node(args), Value::list(body), Value::list(decos), Value::opt(returns), Value::None],
        ))
    }

    fn classdef(&mut self, start: (u32, u32), decos: Vec<Node>) -> PResult<Node> {
        let t = self.bump();
        if self.peek() != Tok::Name {
            return Err(self.invalid());
        }
        let n = self.bump();
        let name = self.ident(&n);
        let (mut bases, mut keywords) = (Value::List(vec![]), Value::List(vec![]));
        if self.peek() == Tok::LPar {
            let dummy = name_node(self, &n, Kind::Load);
            let call = self.call_for_class(dummy)?;
            let mut f = call.fields.into_iter();
            f.next();
            bases = f.next().unwrap();
            keywords = f.next().unwrap();
        }
        let body = self.block("class definition", t.line)?;
        Ok(Node::new(Kind::ClassDef, self.loc_end(start), vec![Value::Str(name), bases, keywords, Value::list(body), Value::list(decos)]))
    }

    fn call_for_class(&mut self, dummy: Node) -> PResult<Node> {
        let start = self.start();
        self.call_args(dummy, start, true)
    }

    fn match_stmt(&mut self) -> PResult<Option<Node>> {
        let save = self.pos;
        let start = self.start();
        let mt = self.bump();
        // Subject: star_named_expression ',' ... | named_expression
        let subject = (|| -> PResult<Node> {
            let sstart = self.start();
            let first = self.star_named_expression()?;
            if self.peek() == Tok::Comma {
                let mut elts = vec![first];
                while self.eat(Tok::Comma) {
                    if self.peek() == Tok::Colon {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                return Ok(self.mk(Kind::Tuple, sstart, vec![Value::list(elts), ctx(Kind::Load)]));
            }
            if first.kind == Kind::Starred {
                return Err(self.invalid());
            }
            Ok(first)
        })();
        let subject = match subject {
            Ok(_) if self.peek() == Tok::Newline => {
                self.match_colon_hint = Some(*self.tok());
                self.pos = save;
                return Ok(None);
            }
            Ok(s) if self.peek() == Tok::Colon => s,
            _ => {
                self.pos = save;
                return Ok(None);
            }
        };
        self.bump(); // ':'
        if self.peek() != Tok::Newline {
            self.pos = save;
            return Ok(None);
        }
        self.bump();
        if self.peek() != Tok::Indent {
            let t = *self.tok();
            let mut e = self.err_tok(&format!("expected an indented block after 'match' statement on line {}", mt.line), &t);
            e.kind = ErrorKind::IndentationError;
            return Err(e);
        }
        self.bump();
        let mut cases = Vec::new();
        while self.at_name("case") {
            let ct = self.bump();
            let pattern = self.patterns()?;
            let guard = if self.eat(Tok::If) { Some(self.named_expression()?) } else { None };
            let body = self.block("'case' statement", ct.line)?;
            cases.push(Node::new(Kind::MatchCase, Loc::default(), vec![Value::node(pattern), Value::opt(guard), Value::list(body)]));
        }
        if cases.is_empty() || self.peek() != Tok::Dedent {
            return Err(self.invalid());
        }
        self.bump();
        Ok(Some(Node::new(Kind::Match, self.loc_end(start), vec![Value::node(subject), Value::list(cases)])))
    }
}
