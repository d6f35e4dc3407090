//! `match` patterns (PEP 634).

use super::expressions::ctx;
use super::{PResult, Parser};
use crate::ast::{Constant, Kind, Node, Value};
use crate::tokenizer::Tok;

impl<'a> Parser<'a> {
    /// `patterns`: an open sequence becomes a MatchSequence.
    pub(crate) fn patterns(&mut self) -> PResult<Node> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if self.peek() != Tok::Comma {
            if first.kind == Kind::MatchStar {
                return Ok(self.mk(Kind::MatchSequence, start, vec![Value::list(vec![first])]));
            }
            return Ok(first);
        }
        let mut pats = vec![first];
        while self.eat(Tok::Comma) {
            if matches!(self.peek(), Tok::Colon | Tok::If) {
                break;
            }
            pats.push(self.maybe_star_pattern()?);
        }
        Ok(self.mk(Kind::MatchSequence, start, vec![Value::list(pats)]))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Star {
            let start = self.start();
            self.bump();
            if self.peek() != Tok::Name {
                return Err(self.invalid());
            }
            let t = self.bump();
            let name = self.ident(&t);
            let v = if name == "_" { Value::None } else { Value::Str(name) };
            return Ok(self.mk(Kind::MatchStar, start, vec![v]));
        }
        self.pattern()
    }

    pub(crate) fn pattern(&mut self) -> PResult<Node> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Node> {
        let start = self.start();
        let p = self.or_pattern()?;
        if self.eat(Tok::As) {
            if self.peek() != Tok::Name || matches!(self.peek_at(1), Tok::Dot | Tok::LPar | Tok::LSqb) {
                let save = self.pos;
                if let Ok(e) = self.star_expressions() {
                    if e.kind != Kind::Name {
                        return Err(self.err_node("invalid pattern target", &e));
                    }
                }
                self.pos = save;
                return Err(self.invalid());
            }
            let t = self.bump();
            let name = self.ident(&t);
            if name == "_" {
                return Err(self.err_tok("cannot use '_' as a target", &t));
            }
            return Ok(self.mk(Kind::MatchAs, start, vec![Value::node(p), Value::Str(name)]));
        }
        Ok(p)
    }

    fn or_pattern(&mut self) -> PResult<Node> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if self.peek() != Tok::VBar {
            return Ok(first);
        }
        let mut pats = vec![first];
        while self.eat(Tok::VBar) {
            pats.push(self.closed_pattern()?);
        }
        Ok(self.mk(Kind::MatchOr, start, vec![Value::list(pats)]))
    }

    fn closed_pattern(&mut self) -> PResult<Node> {
        let start = self.start();
        let t = *self.tok();
        match t.kind {
            Tok::None | Tok::True | Tok::False => {
                self.bump();
                let c = match t.kind {
                    Tok::None => Constant::None,
                    Tok::True => Constant::True,
                    _ => Constant::False,
                };
                Ok(self.mk(Kind::MatchSingleton, start, vec![Value::Const(c)]))
            }
            Tok::Number | Tok::Minus | Tok::String => {
                let v = self.literal_expr()?;
                Ok(self.mk(Kind::MatchValue, start, vec![Value::node(v)]))
            }
            Tok::Name => {
                let name_or_attr = self.name_or_attr()?;
                if self.peek() == Tok::LPar {
                    return self.class_pattern(name_or_attr, start);
                }
                if name_or_attr.kind == Kind::Name {
                    let id = match &name_or_attr.fields[0] {
                        Value::Str(s) => s.clone(),
                        _ => unreachable!(),
                    };
                    if id == "_" {
                        return Ok(self.mk(Kind::MatchAs, start, vec![Value::None, Value::None]));
                    }
                    return Ok(self.mk(Kind::MatchAs, start, vec![Value::None, Value::Str(id)]));
                }
                Ok(self.mk(Kind::MatchValue, start, vec![Value::node(name_or_attr)]))
            }
            Tok::LPar | Tok::LSqb => {
                let close = if t.kind == Tok::LPar { Tok::RPar } else { Tok::RSqb };
                self.bump();
                if self.eat(close) {
                    return Ok(self.mk(Kind::MatchSequence, start, vec![Value::List(vec![])]));
                }
                let first = self.maybe_star_pattern()?;
                if t.kind == Tok::LPar && self.peek() == Tok::RPar && first.kind != Kind::MatchStar {
                    self.bump();
                    return Ok(first); // group pattern
                }
                let mut pats = vec![first];
                while self.eat(Tok::Comma) {
                    if self.peek() == close {
                        break;
                    }
                    pats.push(self.maybe_star_pattern()?);
                }
                self.expect(close)?;
                Ok(self.mk(Kind::MatchSequence, start, vec![Value::list(pats)]))
            }
            Tok::LBrace => self.mapping_pattern(),
            _ => Err(self.invalid()),
        }
    }

    fn name_or_attr(&mut self) -> PResult<Node> {
        let start = self.start();
        let t = self.bump();
        let mut n = super::expressions::name_node(self, &t, Kind::Load);
        while self.peek() == Tok::Dot {
            self.bump();
            if self.peek() != Tok::Name {
                return Err(self.invalid());
            }
            let a = self.bump();
            let attr = self.ident(&a);
            n = self.mk(Kind::Attribute, start, vec![Value::node(n), Value::Str(attr), ctx(Kind::Load)]);
        }
        Ok(n)
    }

    /// signed numbers, complex `a + bj`, strings.
    fn literal_expr(&mut self) -> PResult<Node> {
        let start = self.start();
        if self.peek() == Tok::String {
            return self.strings();
        }
        let mut left = self.signed_number()?;
        if matches!(self.peek(), Tok::Plus | Tok::Minus) {
            let op = if self.peek() == Tok::Plus { Kind::Add } else { Kind::Sub };
            self.bump();
            let right = self.signed_number()?;
            if right.kind != Kind::Constant || !matches!(right.fields[0], Value::Const(Constant::Complex(_))) {
                return Err(self.err_node("imaginary number required in complex literal", &right));
            }
            left = self.mk(Kind::BinOp, start, vec![Value::node(left), ctx(op), Value::node(right)]);
        }
        Ok(left)
    }

    fn signed_number(&mut self) -> PResult<Node> {
        let start = self.start();
        let neg = self.eat(Tok::Minus);
        if self.peek() != Tok::Number {
            return Err(self.invalid());
        }
        let t = self.bump();
        let v = crate::number::parse_number(self.text(&t)).map_err(|m| self.err_tok(&m, &t))?;
        let c = self.mk(Kind::Constant, self_start(&t), vec![Value::Const(v), Value::None]);
        if neg {
            return Ok(self.mk(Kind::UnaryOp, start, vec![ctx(Kind::USub), Value::node(c)]));
        }
        Ok(c)
    }

    fn mapping_pattern(&mut self) -> PResult<Node> {
        let start = self.start();
        self.bump();
        let mut keys = Vec::new();
        let mut pats = Vec::new();
        let mut rest = Value::None;
        while self.peek() != Tok::RBrace {
            if self.eat(Tok::DoubleStar) {
                if self.peek() != Tok::Name {
                    return Err(self.invalid());
                }
                let t = self.bump();
                let name = self.ident(&t);
                if name == "_" {
                    return Err(self.err_tok("invalid syntax", &t));
                }
                rest = Value::Str(name);
                self.eat(Tok::Comma);
                break;
            }
            let key = match self.peek() {
                Tok::None | Tok::True | Tok::False => {
                    let t = self.bump();
                    let c = match t.kind {
                        Tok::None => Constant::None,
                        Tok::True => Constant::True,
                        _ => Constant::False,
                    };
                    self.mk(Kind::Constant, self_start(&t), vec![Value::Const(c), Value::None])
                }
                Tok::Name => {
                    let n = self.name_or_attr()?;
                    if n.kind == Kind::Name {
                        return Err(self.invalid());
                    }
                    n
                }
                _ => self.literal_expr()?,
            };
            self.expect(Tok::Colon)?;
            keys.push(key);
            pats.push(self.pattern()?);
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RBrace)?;
        Ok(self.mk(Kind::MatchMapping, start, vec![Value::list(keys), Value::list(pats), rest]))
    }

    fn class_pattern(&mut self, cls: Node, start: (u32, u32)) -> PResult<Node> {
        self.bump(); // (
        let mut pats = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_pats = Vec::new();
        while self.peek() != Tok::RPar {
            if self.peek() == Tok::Name && self.peek_at(1) == Tok::Equal {
                let t = self.bump();
                self.bump();
                kwd_attrs.push(Value::Str(self.ident(&t)));
                kwd_pats.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.err_node("positional patterns follow keyword patterns", &p));
                }
                pats.push(p);
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RPar)?;
        Ok(self.mk(Kind::MatchClass, start, vec![Value::node(cls), Value::list(pats), Value::List(kwd_attrs), Value::list(kwd_pats)]))
    }
}

fn self_start(t: &crate::tokenizer::Token) -> (u32, u32) {
    (t.line, t.col)
}
