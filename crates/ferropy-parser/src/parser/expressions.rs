//! Expressions, from `star_expressions` down to atoms, including calls, subscripts,
//! comprehensions, lambdas and displays.

use super::{PResult, Parser};
use crate::ast::{Constant, Kind, Node, Value};
use crate::tokenizer::Tok;

fn binop_kind(t: Tok) -> Option<(Kind, u8)> {
    // (operator, precedence level): higher binds tighter
    Some(match t {
        Tok::VBar => (Kind::BitOr, 1),
        Tok::Circumflex => (Kind::BitXor, 2),
        Tok::Amper => (Kind::BitAnd, 3),
        Tok::LeftShift => (Kind::LShift, 4),
        Tok::RightShift => (Kind::RShift, 4),
        Tok::Plus => (Kind::Add, 5),
        Tok::Minus => (Kind::Sub, 5),
        Tok::Star => (Kind::Mult, 6),
        Tok::Slash => (Kind::Div, 6),
        Tok::DoubleSlash => (Kind::FloorDiv, 6),
        Tok::Percent => (Kind::Mod, 6),
        Tok::At => (Kind::MatMult, 6),
        _ => return None,
    })
}

pub(crate) fn ctx(k: Kind) -> Value {
    Value::node(Node::leaf(k))
}

pub(crate) fn name_node(p: &Parser, t: &crate::tokenizer::Token, c: Kind) -> Node {
    let id = p.text(t);
    let id = if id.is_ascii() { id.to_string() } else { crate::string_literal::nfkc_identifier(id) };
    Node::new(
        Kind::Name,
        crate::ast::Loc { lineno: t.line, col: t.col, end_lineno: t.end_line, end_col: t.end_col },
        vec![Value::Str(id), ctx(c)],
    )
}

impl<'a> Parser<'a> {
    pub(crate) fn is_expr_start(&self) -> bool {
        matches!(
            self.peek(),
            Tok::Name | Tok::Number | Tok::String | Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::Minus | Tok::Plus
                | Tok::Tilde | Tok::Not | Tok::Lambda | Tok::Await | Tok::None | Tok::True | Tok::False | Tok::Ellipsis
                | Tok::Star
        )
    }

    /// star_expressions: a tuple without parentheses if there is a comma.
    pub(crate) fn star_expressions(&mut self) -> PResult<Node> {
        let start = self.start();
        let first = self.star_expression()?;
        if self.peek() != Tok::Comma {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if !self.is_expr_start() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.mk(Kind::Tuple, start, vec![Value::list(elts), ctx(Kind::Load)]))
    }

    pub(crate) fn star_expression(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Star {
            let start = self.start();
            self.bump();
            let v = self.bitwise_or()?;
            return Ok(self.mk(Kind::Starred, start, vec![Value::node(v), ctx(Kind::Load)]));
        }
        self.expression()
    }

    pub(crate) fn star_named_expression(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Star {
            let start = self.start();
            self.bump();
            let v = self.bitwise_or()?;
            return Ok(self.mk(Kind::Starred, start, vec![Value::node(v), ctx(Kind::Load)]));
        }
        self.named_expression()
    }

    pub(crate) fn named_expression(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Name && self.peek_at(1) == Tok::ColonEqual {
            let start = self.start();
            let t = self.bump();
            let target = name_node(self, &t, Kind::Store);
            self.bump();
            let value = self.expression()?;
            return Ok(self.mk(Kind::NamedExpr, start, vec![Value::node(target), Value::node(value)]));
        }
        let e = self.expression()?;
        if self.peek() == Tok::ColonEqual {
            // only when a value follows (otherwise a plain syntax error at the ':=')
            let save = self.pos;
            let op = self.bump();
            let v = self.expression();
            self.pos = save;
            if v.is_err() {
                return Err(self.invalid_at(op));
            }
            let what = crate::parser::targets::expr_name(&e);
            return Err(self.err_node(&format!("cannot use assignment expressions with {}", what), &e));
        }
        if self.peek() == Tok::Equal && !self.in_fstring && !self.in_call_arg {
            return Err(self.misplaced_assignment(e));
        }
        Ok(e)
    }

    /// `if x = 1:` and friends (CPython's invalid_named_expression).
    fn misplaced_assignment(&mut self, e: Node) -> Box<crate::error::SyntaxError> {
        let save = self.pos;
        let eq = self.bump();
        let rhs = self.bitwise_or();
        let ok_after = !matches!(self.peek(), Tok::Equal | Tok::ColonEqual);
        self.pos = save;
        let rhs = match rhs {
            Ok(r) if ok_after => r,
            _ => return self.invalid_at(eq),
        };
        if e.kind == Kind::Name {
            return self.err_nodes("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", &e, &rhs);
        }
        let excluded = matches!(e.kind, Kind::List | Kind::Tuple | Kind::GeneratorExp | Kind::Compare | Kind::BoolOp | Kind::IfExp | Kind::Lambda | Kind::NamedExpr)
            || (e.kind == Kind::UnaryOp && e.fields[0].as_node().map(|n| n.kind) == Some(Kind::Not))
            || (e.kind == Kind::Constant && matches!(crate::parser::targets::expr_name(&e), "True" | "False" | "None"));
        if excluded {
            return self.invalid();
        }
        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", crate::parser::targets::expr_name(&e));
        self.err_node(&msg, &e)
    }

    pub(crate) fn expression(&mut self) -> PResult<Node> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Lambda {
            return self.lambdef();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if self.peek() == Tok::If {
            self.bump();
            let test = self.disjunction()?;
            if self.peek() != Tok::Else {
                if matches!(self.peek(), Tok::Error | Tok::Colon) {
                    return Err(self.invalid());
                }
                let prev = self.toks[self.pos - 1];
                return Err(self.err_range("expected 'else' after 'if' expression", start.0, start.1, prev.end_line, prev.end_col));
            }
            self.bump();
            let orelse = self.expression()?;
            return Ok(self.mk(Kind::IfExp, start, vec![Value::node(test), Value::node(body), Value::node(orelse)]));
        }
        Ok(body)
    }

    fn lambdef(&mut self) -> PResult<Node> {
        let start = self.start();
        self.bump();
        let args = self.parameters(false, Tok::Colon)?;
        if self.peek() != Tok::Colon {
            return Err(self.invalid());
        }
        self.bump();
        self.enter()?;
        let body = self.expression();
        self.leave();
        let body = body?;
        Ok(self.mk(Kind::Lambda, start, vec![Value::node(args), Value::node(body)]))
    }

    pub(crate) fn disjunction(&mut self) -> PResult<Node> {
        let start = self.start();
        let first = self.conjunction()?;
        if self.peek() != Tok::Or {
            return Ok(first);
        }
        let mut vals = vec![first];
        while self.eat(Tok::Or) {
            vals.push(self.conjunction()?);
        }
        Ok(self.mk(Kind::BoolOp, start, vec![ctx(Kind::Or), Value::list(vals)]))
    }

    fn conjunction(&mut self) -> PResult<Node> {
        let start = self.start();
        let first = self.inversion()?;
        if self.peek() != Tok::And {
            return Ok(first);
        }
        let mut vals = vec![first];
        while self.eat(Tok::And) {
            vals.push(self.inversion()?);
        }
        Ok(self.mk(Kind::BoolOp, start, vec![ctx(Kind::And), Value::list(vals)]))
    }

    fn inversion(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Not {
            let start = self.start();
            self.bump();
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            return Ok(self.mk(Kind::UnaryOp, start, vec![ctx(Kind::Not), Value::node(operand)]));
        }
        self.comparison()
    }

    fn comp_op(&mut self) -> Option<Kind> {
        let k = match self.peek() {
            Tok::EqEqual => Kind::Eq,
            Tok::NotEqual => {
                if self.text(self.tok()) == "<>" {
                    return None;
                }
                Kind::NotEq
            }
            Tok::Less => Kind::Lt,
            Tok::LessEqual => Kind::LtE,
            Tok::Greater => Kind::Gt,
            Tok::GreaterEqual => Kind::GtE,
            Tok::In => Kind::In,
            Tok::Is => {
                if self.peek_at(1) == Tok::Not {
                    self.bump();
                    self.bump();
                    return Some(Kind::IsNot);
                }
                Kind::Is
            }
            Tok::Not => {
                if self.peek_at(1) == Tok::In {
                    self.bump();
                    self.bump();
                    return Some(Kind::NotIn);
                }
                return None;
            }
            _ => return None,
        };
        self.bump();
        Some(k)
    }

    fn comparison(&mut self) -> PResult<Node> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comps = Vec::new();
        while let Some(op) = self.comp_op() {
            ops.push(Node::leaf(op));
            comps.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.mk(Kind::Compare, start, vec![Value::node(left), Value::list(ops), Value::list(comps)]))
    }

    pub(crate) fn bitwise_or(&mut self) -> PResult<Node> {
        self.binary(1)
    }

    /// Precedence climbing over the left-associative binary operators.
    fn binary(&mut self, min: u8) -> PResult<Node> {
        let start = self.start();
        let mut left = self.factor()?;
        loop {
            let (k, prec) = match binop_kind(self.peek()) {
                Some(x) if x.1 >= min => x,
                _ => break,
            };
            self.bump();
            let right = self.binary(prec + 1)?;
            left = self.mk(Kind::BinOp, start, vec![Value::node(left), ctx(k), Value::node(right)]);
        }
        Ok(left)
    }

    fn factor(&mut self) -> PResult<Node> {
        let k = match self.peek() {
            Tok::Plus => Kind::UAdd,
            Tok::Minus => Kind::USub,
            Tok::Tilde => Kind::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.bump();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(self.mk(Kind::UnaryOp, start, vec![ctx(k), Value::node(operand)]))
    }

    fn power(&mut self) -> PResult<Node> {
        let start = self.start();
        let base = self.await_primary()?;
        if self.peek() == Tok::DoubleStar {
            self.bump();
            self.enter_n(2)?;
            let exp = self.factor();
            self.leave();
            let exp = exp?;
            return Ok(self.mk(Kind::BinOp, start, vec![Value::node(base), ctx(Kind::Pow), Value::node(exp)]));
        }
        Ok(base)
    }

    fn await_primary(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Await {
            let start = self.start();
            self.bump();
            let v = self.primary()?;
            return Ok(self.mk(Kind::Await, start, vec![Value::node(v)]));
        }
        self.primary()
    }

    pub(crate) fn primary(&mut self) -> PResult<Node> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            match self.peek() {
                Tok::Dot => {
                    self.bump();
                    if self.peek() != Tok::Name {
                        return Err(self.invalid());
                    }
                    let t = self.bump();
                    let attr = self.ident(&t);
                    e = self.mk(Kind::Attribute, start, vec![Value::node(e), Value::Str(attr), ctx(Kind::Load)]);
                }
                Tok::LPar => {
                    e = self.call(e, start)?;
                }
                Tok::LSqb => {
                    self.bump();
                    let s = self.slices()?;
                    if self.peek() != Tok::RSqb {
                        let last = match s.kind {
                            Kind::Tuple => match &s.fields[0] {
                                Value::List(v) => v.last().and_then(|x| x.as_node()).cloned().unwrap_or(s.clone()),
                                _ => s.clone(),
                            },
                            _ => s.clone(),
                        };
                        let last = if last.kind == Kind::Slice {
                            // the bound just parsed
                            last.fields.iter().rev().find_map(|f| f.as_node()).cloned().unwrap_or(last)
                        } else {
                            last
                        };
                        return Err(self.maybe_missing_comma(&last));
                    }
                    self.bump();
                    e = self.mk(Kind::Subscript, start, vec![Value::node(e), Value::node(s), ctx(Kind::Load)]);
                }
                _ => break,
            }
        }
        Ok(e)
    }

    pub(crate) fn ident(&self, t: &crate::tokenizer::Token) -> String {
        let s = self.text(t);
        if s.is_ascii() {
            s.to_string()
        } else {
            crate::string_literal::nfkc_identifier(s)
        }
    }

    fn slices(&mut self) -> PResult<Node> {
        let start = self.start();
        let first = self.slice_item()?;
        if self.peek() != Tok::Comma {
            if first.kind == Kind::Starred {
                // `a[*b]` is a one-element tuple
                return Ok(self.mk(Kind::Tuple, start, vec![Value::list(vec![first]), ctx(Kind::Load)]));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.peek() == Tok::RSqb {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(self.mk(Kind::Tuple, start, vec![Value::list(elts), ctx(Kind::Load)]))
    }

    fn slice_item(&mut self) -> PResult<Node> {
        let start = self.start();
        if self.peek() == Tok::Star {
            return self.star_named_expression();
        }
        let lower = if self.peek() == Tok::Colon { None } else { Some(self.named_expression()?) };
        if self.peek() != Tok::Colon {
            return Ok(lower.unwrap());
        }
        if let Some(l) = &lower {
            if l.kind == Kind::NamedExpr {
                // `a[x := 1 : 2]` is not a slice bound in the grammar
                return Err(self.invalid());
            }
        }
        self.bump();
        let upper = if matches!(self.peek(), Tok::Colon | Tok::Comma | Tok::RSqb) { None } else { Some(self.expression()?) };
        let mut step = None;
        if self.eat(Tok::Colon) && !matches!(self.peek(), Tok::Comma | Tok::RSqb) {
            step = Some(self.expression()?);
        }
        Ok(self.mk(Kind::Slice, start, vec![Value::opt(lower), Value::opt(upper), Value::opt(step)]))
    }

    fn call(&mut self, func: Node, start: (u32, u32)) -> PResult<Node> {
        self.call_args(func, start, false)
    }

    pub(crate) fn call_args(&mut self, func: Node, start: (u32, u32), class: bool) -> PResult<Node> {
        let lpar = self.bump();
        // "positional argument follows ..." is reported at the last token CPython read,
        // i.e. after the whole argument list.
        let mut late_error: Option<&'static str> = None;
        let mut args: Vec<Node> = Vec::new();
        let mut keywords: Vec<Node> = Vec::new();
        let mut seen_kw = false;
        let mut seen_kwunpack = false;
        let mut n_items = 0;
        while self.peek() != Tok::RPar {
            let astart = self.start();
            n_items += 1;
            if self.peek() == Tok::Star {
                self.bump();
                let star = self.toks[self.pos - 1];
                if seen_kwunpack {
                    return Err(self.err_tok("iterable argument unpacking follows keyword argument unpacking", &star));
                }
                let v = self.expression()?;
                let s = self.mk(Kind::Starred, astart, vec![Value::node(v), ctx(Kind::Load)]);
                if seen_kwunpack {
                    return Err(self.err_tok("iterable argument unpacking follows keyword argument unpacking", &star));
                }
                args.push(s);
            } else if self.peek() == Tok::DoubleStar {
                self.bump();
                let v = self.expression()?;
                if matches!(self.peek(), Tok::For | Tok::Async) && n_items == 1 {
                    return Err(self.invalid());
                }
                keywords.push(self.mk(Kind::Keyword, astart, vec![Value::None, Value::node(v)]));
                seen_kwunpack = true;
            } else if matches!(self.peek(), Tok::True | Tok::False | Tok::None) && self.peek_at(1) == Tok::Equal {
                let t = *self.tok();
                let eq = *self.tok_at(1);
                let what = self.text(&t).to_string();
                return Err(self.err_range(&format!("cannot assign to {}", what), t.line, t.col, eq.end_line, eq.end_col));
            } else if self.peek() == Tok::Name && self.peek_at(1) == Tok::Equal {
                let t = self.bump();
                self.bump();
                let v = self.expression()?;
                let id = self.ident(&t);
                keywords.push(self.mk(Kind::Keyword, astart, vec![Value::Str(id), Value::node(v)]));
                seen_kw = true;
            } else {
                self.in_call_arg = true;
                let e = self.named_expression();
                self.in_call_arg = false;
                let e = e?;
                if matches!(self.peek(), Tok::For | Tok::Async) && class {
                    return Err(self.invalid());
                }
                if matches!(self.peek(), Tok::For | Tok::Async) {
                    let gens = self.comprehension_clauses()?;
                    // A lone generator argument shares the call's parentheses.
                    if n_items == 1 && self.peek() == Tok::RPar {
                        let rpar = *self.tok();
                        let g = crate::ast::Node::new(
                            Kind::GeneratorExp,
                            crate::ast::Loc { lineno: lpar.line, col: lpar.col, end_lineno: rpar.end_line, end_col: rpar.end_col },
                            vec![Value::node(e), Value::list(gens)],
                        );
                        args.push(g);
                        continue;
                    }
                    let last = self.toks[self.pos - 1];
                    return Err(self.err_range("Generator expression must be parenthesized", e.loc.lineno, e.loc.col, last.end_line, last.end_col));
                }
                if self.peek() == Tok::Equal {
                    if e.kind == Kind::NamedExpr {
                        return Err(self.invalid());
                    }
                    return Err(self.err_range(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        e.loc.lineno, e.loc.col, self.tok().end_line, self.tok().end_col,
                    ));
                }
                if late_error.is_none() {
                    if seen_kwunpack {
                        late_error = Some("positional argument follows keyword argument unpacking");
                    } else if seen_kw {
                        late_error = Some("positional argument follows keyword argument");
                    }
                }
                args.push(e);
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        if self.peek() != Tok::RPar {
            let last = args.iter().chain(keywords.iter()).max_by_key(|n| (n.loc.end_lineno, n.loc.end_col)).cloned();
            let last = match last {
                Some(l) if l.kind == Kind::Keyword => l.fields[1].as_node().cloned(),
                x => x,
            };
            if let Some(l) = last {
                return Err(self.maybe_missing_comma(&l));
            }
            return Err(self.invalid());
        }
        if let Some(msg) = late_error {
            let t = self.last_seen();
            return Err(self.err_tok(msg, &t));
        }
        self.bump();
        if n_items > 1 {
            if let Some(g) = args.iter().find(|a| a.kind == Kind::GeneratorExp && a.loc.col == lpar.col && a.loc.lineno == lpar.line) {
                let _ = g;
            }
        }
        Ok(self.mk(Kind::Call, start, vec![Value::node(func), Value::list(args), Value::list(keywords)]))
    }


    fn check_comp_elt(&self, elt: &Node) -> PResult<()> {
        if elt.kind == Kind::Starred {
            return Err(self.err_node("iterable unpacking cannot be used in comprehension", elt));
        }
        Ok(())
    }

    pub(crate) fn comprehension_clauses(&mut self) -> PResult<Vec<Node>> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.peek() == Tok::Async && self.peek_at(1) == Tok::For {
                self.bump();
                1
            } else if self.peek() == Tok::For {
                0
            } else {
                break;
            };
            self.bump();
            let target = self.target_list(Tok::In)?;
            if self.peek() != Tok::In {
                if self.is_expr_start() {
                    let last = match (&target.kind, target.fields.first()) {
                        (Kind::Tuple, Some(Value::List(v))) => v.last().and_then(|x| x.as_node()).cloned().unwrap_or_else(|| target.clone()),
                        _ => target.clone(),
                    };
                    return Err(self.maybe_missing_comma(&last));
                }
                return Err(self.invalid());
            }
            self.bump();
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.peek() == Tok::If {
                self.bump();
                ifs.push(self.disjunction()?);
            }
            gens.push(Node::leaf(Kind::Comprehension));
            let g = gens.last_mut().unwrap();
            g.fields = vec![Value::node(target), Value::node(iter), Value::list(ifs), Value::Int(is_async)];
        }
        Ok(gens)
    }

    pub(crate) fn yield_expr(&mut self) -> PResult<Node> {
        let start = self.start();
        self.bump();
        if self.eat(Tok::From) {
            let v = self.expression()?;
            return Ok(self.mk(Kind::YieldFrom, start, vec![Value::node(v)]));
        }
        let v = if self.is_expr_start() { Some(self.star_expressions()?) } else { None };
        Ok(self.mk(Kind::Yield, start, vec![Value::opt(v)]))
    }

    fn atom(&mut self) -> PResult<Node> {
        let t = *self.tok();
        let start = self.start();
        let c = |c: Constant| Value::Const(c);
        match t.kind {
            Tok::Name => {
                self.bump();
                Ok(name_node(self, &t, Kind::Load))
            }
            Tok::True => {
                self.bump();
                Ok(self.mk(Kind::Constant, start, vec![c(Constant::True), Value::None]))
            }
            Tok::False => {
                self.bump();
                Ok(self.mk(Kind::Constant, start, vec![c(Constant::False), Value::None]))
            }
            Tok::None => {
                self.bump();
                Ok(self.mk(Kind::Constant, start, vec![c(Constant::None), Value::None]))
            }
            Tok::Ellipsis => {
                self.bump();
                Ok(self.mk(Kind::Constant, start, vec![c(Constant::Ellipsis), Value::None]))
            }
            Tok::Number => {
                self.bump();
                let v = crate::number::parse_number(self.text(&t));
                match v {
                    Ok(v) => Ok(self.mk(Kind::Constant, start, vec![c(v), Value::None])),
                    Err(msg) => Err(self.err_tok(&msg, &t)),
                }
            }
            Tok::String => self.strings(),
            Tok::LPar => self.paren_atom(),
            Tok::LSqb => self.list_atom(),
            Tok::LBrace => self.brace_atom(),
            _ => Err(self.invalid()),
        }
    }

    fn paren_atom(&mut self) -> PResult<Node> {
        let start = self.start();
        self.bump();
        self.enter_n(17)?;
        let r = self.paren_atom_inner(start);
        self.leave();
        r
    }

    fn paren_atom_inner(&mut self, start: (u32, u32)) -> PResult<Node> {
        if self.eat(Tok::RPar) {
            return Ok(self.mk(Kind::Tuple, start, vec![Value::List(vec![]), ctx(Kind::Load)]));
        }
        if self.peek() == Tok::Yield {
            let y = self.yield_expr()?;
            self.expect(Tok::RPar)?;
            return Ok(y);
        }
        if self.peek() == Tok::DoubleStar {
            let t = *self.tok();
            self.bump();
            let _ = self.bitwise_or()?;
            return Err(self.err_tok("cannot use double starred expression here", &t));
        }
        let first = self.star_named_expression()?;
        if matches!(self.peek(), Tok::For | Tok::Async) {
            self.check_comp_elt(&first)?;
            let gens = self.comprehension_clauses()?;
            self.expect(Tok::RPar)?;
            return Ok(self.mk(Kind::GeneratorExp, start, vec![Value::node(first), Value::list(gens)]));
        }
        if self.peek() == Tok::RPar {
            self.bump();
            if first.kind == Kind::Starred {
                return Err(self.err_node("cannot use starred expression here", &first));
            }
            return Ok(first);
        }
        if self.peek() != Tok::Comma {
            return Err(self.maybe_missing_comma(&first));
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.peek() == Tok::RPar {
                break;
            }
            let e = self.star_named_expression()?;
            elts.push(e);
            if matches!(self.peek(), Tok::For | Tok::Async) {
                return Err(self.err_nodes("did you forget parentheses around the comprehension target?", &elts[0], elts.last().unwrap()));
            }
            if !matches!(self.peek(), Tok::Comma | Tok::RPar) {
                return Err(self.maybe_missing_comma(elts.last().unwrap()));
            }
        }
        self.expect(Tok::RPar)?;
        Ok(self.mk(Kind::Tuple, start, vec![Value::list(elts), ctx(Kind::Load)]))
    }

    /// `[a b]`: CPython suggests a missing comma when another expression follows.
    pub(crate) fn maybe_missing_comma(&mut self, prev: &Node) -> Box<crate::error::SyntaxError> {
        let inner;
        let prev = if prev.kind == Kind::Starred {
            inner = prev.fields[0].as_node().cloned().unwrap_or_else(|| prev.clone());
            &inner
        } else {
            prev
        };
        if prev.kind == Kind::Name && self.peek() == Tok::String {
            return self.invalid();
        }
        if self.is_expr_start() && !matches!(self.peek(), Tok::Star | Tok::Minus | Tok::Plus | Tok::Not | Tok::Tilde | Tok::LPar | Tok::LSqb) {
            let save = self.pos;
            let r = self.expression();
            let bad = match r {
                Ok(b) => Some(b),
                Err(_) => None,
            };
            self.pos = save;
            if let Some(b) = bad {
                return self.err_nodes("invalid syntax. Perhaps you forgot a comma?", prev, &b);
            }
        }
        self.invalid()
    }

    fn list_atom(&mut self) -> PResult<Node> {
        let start = self.start();
        self.bump();
        self.enter_n(17)?;
        let r = self.list_atom_inner(start);
        self.leave();
        r
    }

    fn list_atom_inner(&mut self, start: (u32, u32)) -> PResult<Node> {
        if self.eat(Tok::RSqb) {
            return Ok(self.mk(Kind::List, start, vec![Value::List(vec![]), ctx(Kind::Load)]));
        }
        let first = self.star_named_expression()?;
        if matches!(self.peek(), Tok::For | Tok::Async) {
            self.check_comp_elt(&first)?;
            let gens = self.comprehension_clauses()?;
            self.expect(Tok::RSqb)?;
            return Ok(self.mk(Kind::ListComp, start, vec![Value::node(first), Value::list(gens)]));
        }
        let mut elts = vec![first];
        loop {
            if self.eat(Tok::RSqb) {
                break;
            }
            if matches!(self.peek(), Tok::For | Tok::Async) && elts.len() > 1 {
                return Err(self.err_nodes("did you forget parentheses around the comprehension target?", &elts[0], elts.last().unwrap()));
            }
            if !self.eat(Tok::Comma) {
                return Err(self.maybe_missing_comma(elts.last().unwrap()));
            }
            if self.eat(Tok::RSqb) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(self.mk(Kind::List, start, vec![Value::list(elts), ctx(Kind::Load)]))
    }

    fn brace_atom(&mut self) -> PResult<Node> {
        let start = self.start();
        self.bump();
        self.enter_n(17)?;
        let r = self.brace_atom_inner(start);
        self.leave();
        r
    }

    fn brace_atom_inner(&mut self, start: (u32, u32)) -> PResult<Node> {
        if self.eat(Tok::RBrace) {
            return Ok(self.mk(Kind::Dict, start, vec![Value::List(vec![]), Value::List(vec![])]));
        }
        // dict
        let mut keys: Vec<Value> = Vec::new();
        let mut values: Vec<Node> = Vec::new();
        let first_key;
        if self.peek() == Tok::DoubleStar {
            self.bump();
            let v = self.bitwise_or()?;
            keys.push(Value::None);
            values.push(v);
            first_key = None;
        } else {
            let k = self.star_named_expression()?;
            if self.peek() == Tok::Colon && k.kind != Kind::Starred {
                self.bump();
                let v = self.dict_value()?;
                if matches!(self.peek(), Tok::For | Tok::Async) {
                    let gens = self.comprehension_clauses()?;
                    self.expect(Tok::RBrace)?;
                    return Ok(self.mk(Kind::DictComp, start, vec![Value::node(k), Value::node(v), Value::list(gens)]));
                }
                keys.push(Value::node(k));
                values.push(v);
                first_key = None;
            } else {
                first_key = Some(k);
            }
        }
        if let Some(first) = first_key {
            // set
            if matches!(self.peek(), Tok::For | Tok::Async) {
                self.check_comp_elt(&first)?;
                let gens = self.comprehension_clauses()?;
                self.expect(Tok::RBrace)?;
                return Ok(self.mk(Kind::SetComp, start, vec![Value::node(first), Value::list(gens)]));
            }
            let mut elts = vec![first];
            loop {
                if self.eat(Tok::RBrace) {
                    break;
                }
                if matches!(self.peek(), Tok::For | Tok::Async) && elts.len() > 1 {
                    return Err(self.err_nodes("did you forget parentheses around the comprehension target?", &elts[0], elts.last().unwrap()));
                }
                if !self.eat(Tok::Comma) {
                    return Err(self.maybe_missing_comma(elts.last().unwrap()));
                }
                if self.eat(Tok::RBrace) {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            return Ok(self.mk(Kind::Set, start, vec![Value::list(elts)]));
        }
        loop {
            if self.eat(Tok::RBrace) {
                break;
            }
            if !self.eat(Tok::Comma) {
                let lastv = values.last().cloned().unwrap();
                return Err(self.maybe_missing_comma(&lastv));
            }
            if self.eat(Tok::RBrace) {
                break;
            }
            if self.eat(Tok::DoubleStar) {
                let v = self.bitwise_or()?;
                keys.push(Value::None);
                values.push(v);
            } else {
                let k = self.expression()?;
                if self.peek() != Tok::Colon {
                    if matches!(self.peek(), Tok::Comma | Tok::RBrace) {
                        let mut e = self.err_range("':' expected after dictionary key", k.loc.lineno, k.loc.col, k.loc.end_lineno, k.loc.end_col);
                        e.end_offset = Some(0);
                        return Err(e);
                    }
                    return Err(self.maybe_missing_comma(&k));
                }
                self.bump();
                let v = self.dict_value()?;
                keys.push(Value::node(k));
                values.push(v);
            }
        }
        Ok(self.mk(Kind::Dict, start, vec![Value::List(keys), Value::list(values)]))
    }

    fn dict_value(&mut self) -> PResult<Node> {
        match self.peek() {
            Tok::Star => {
                let t = *self.tok();
                let save = self.pos;
                self.bump();
                let r = self.bitwise_or();
                self.pos = save;
                match r {
                    Ok(v) => Err(self.err_range("cannot use a starred expression in a dictionary value", t.line, t.col, v.loc.end_lineno, v.loc.end_col)),
                    Err(e) => Err(e),
                }
            }
            Tok::RBrace | Tok::Comma => {
                let colon = self.toks[self.pos - 1];
                Err(self.err_tok("expression expected after dictionary key and ':'", &colon))
            }
            _ => self.expression(),
        }
    }

    /// Parameters of `def` (with annotations) or `lambda`, up to `end`.
    pub(crate) fn parameters(&mut self, annotations: bool, end: Tok) -> PResult<Node> {
        let mut posonly: Vec<Node> = Vec::new();
        let mut args: Vec<Node> = Vec::new();
        let mut defaults: Vec<Node> = Vec::new();
        let mut kwonly: Vec<Node> = Vec::new();
        let mut kw_defaults: Vec<Value> = Vec::new();
        let mut vararg: Option<Node> = None;
        let mut kwarg: Option<Node> = None;
        let mut star_seen = false;
        let mut slash_seen = false;
        while self.peek() != end {
            let t = *self.tok();
            match t.kind {
                Tok::Slash => {
                    if slash_seen {
                        return Err(self.err_tok("/ may appear only once", &t));
                    }
                    if star_seen {
                        return Err(self.err_tok("/ must be ahead of *", &t));
                    }
                    if args.is_empty() {
                        if self.peek_raw(1) == Tok::Comma {
                            return Err(self.err_tok("at least one argument must precede /", &t));
                        }
                        return Err(self.invalid());
                    }
                    if self.peek_raw(1) == Tok::Star {
                        let st = *self.tok_at(1);
                        return Err(self.err_tok("expected comma between / and *", &st));
                    }
                    self.bump();
                    slash_seen = true;
                    posonly.append(&mut args);
                }
                Tok::Star => {
                    if star_seen {
                        return Err(self.err_tok("* argument may appear only once", &t));
                    }
                    self.bump();
                    star_seen = true;
                    let bare_err = |p: &Self| {
                        if annotations {
                            p.err_tok("named arguments must follow bare *", &t)
                        } else {
                            let l = p.last_seen();
                            p.err_tok("named arguments must follow bare *", &l)
                        }
                    };
                    if self.peek() == Tok::Comma {
                        if matches!(self.peek_at(1), Tok::RPar | Tok::Colon | Tok::DoubleStar) || self.peek_at(1) == end {
                            return Err(bare_err(self));
                        }
                    } else if self.peek() == end {
                        return Err(bare_err(self));
                    } else {
                        let a = self.param(annotations, true)?;
                        if self.peek() == Tok::Equal {
                            let e = *self.tok();
                            return Err(self.err_tok("var-positional argument cannot have default value", &e));
                        }
                        vararg = Some(a);
                    }
                }
                Tok::DoubleStar => {
                    self.bump();
                    let a = self.param(annotations, false)?;
                    if self.peek() == Tok::Equal {
                        let e = *self.tok();
                        return Err(self.err_tok("var-keyword argument cannot have default value", &e));
                    }
                    kwarg = Some(a);
                    if self.peek() == Tok::Comma {
                        self.bump();
                    }
                    if self.peek() != end {
                        let n = *self.tok();
                        if matches!(n.kind, Tok::Name | Tok::Star | Tok::DoubleStar | Tok::Slash) {
                            return Err(self.err_tok("arguments cannot follow var-keyword argument", &n));
                        }
                        return Err(self.invalid());
                    }
                    break;
                }
                Tok::Name => {
                    let a = self.param(annotations, false)?;
                    let default = if self.peek() == Tok::Equal {
                        let eq = self.bump();
                        if matches!(self.peek(), Tok::Comma | Tok::RPar) || (self.peek() == end && end == Tok::Colon) {
                            return Err(self.err_tok("expected default value expression", &eq));
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if star_seen {
                        kwonly.push(a);
                        kw_defaults.push(Value::opt(default));
                    } else {
                        match default {
                            Some(d) => defaults.push(d),
                            None => {
                                if !defaults.is_empty() {
                                    return Err(self.err_node("non-default argument follows default argument", &a));
                                }
                            }
                        }
                        args.push(a);
                    }
                }
                Tok::LPar => {
                    // `def f((a, b))`: find the matching parenthesis for the range.
                    let mut depth = 0;
                    let mut i = self.pos;
                    let mut names_only = true;
                    loop {
                        let k = self.toks[i.min(self.toks.len() - 1)].kind;
                        match k {
                            Tok::LPar => depth += 1,
                            Tok::RPar => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            Tok::Name | Tok::Comma => {}
                            _ => names_only = false,
                        }
                        if matches!(k, Tok::EndMarker | Tok::Newline | Tok::Error) {
                            return Err(self.invalid());
                        }
                        i += 1;
                    }
                    if !names_only {
                        return Err(self.invalid());
                    }
                    let close = self.toks[i];
                    let msg = if annotations { "Function parameters cannot be parenthesized" } else { "Lambda expression parameters cannot be parenthesized" };
                    return Err(self.err_range(msg, t.line, t.col, close.end_line, close.end_col));
                }
                _ => return Err(self.invalid()),
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        Ok(Node::new(
            Kind::Arguments,
            Default::default(),
            vec![
                Value::list(posonly),
                Value::list(args),
                Value::opt(vararg),
                Value::list(kwonly),
                Value::List(kw_defaults),
                Value::opt(kwarg),
                Value::list(defaults),
            ],
        ))
    }

    fn param(&mut self, annotations: bool, star: bool) -> PResult<Node> {
        let start = self.start();
        if self.peek() != Tok::Name {
            return Err(self.invalid());
        }
        let t = self.bump();
        let id = self.ident(&t);
        let mut ann = None;
        if annotations && self.eat(Tok::Colon) {
            if star && self.peek() == Tok::Star {
                let s = self.start();
                self.bump();
                let v = self.expression()?;
                ann = Some(self.mk(Kind::Starred, s, vec![Value::node(v), ctx(Kind::Load)]));
            } else {
                ann = Some(self.expression()?);
            }
        }
        Ok(self.mk(Kind::Arg, start, vec![Value::Str(id), Value::opt(ann), Value::None]))
    }
}
