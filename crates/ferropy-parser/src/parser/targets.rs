//! Assignment and deletion targets.  Targets are parsed as expressions and then checked
//! and switched to Store/Del context, which is also where "cannot assign to ..." comes from.

use super::expressions::ctx;
use super::{PResult, Parser};
use crate::ast::{Constant, Kind, Node, Value};
use crate::tokenizer::Tok;

/// CPython's description of an expression in "cannot assign to %s" messages.
pub(crate) fn expr_name(n: &Node) -> &'static str {
    match n.kind {
        Kind::Attribute => "attribute",
        Kind::Subscript => "subscript",
        Kind::Starred => "starred",
        Kind::Name => "name",
        Kind::List => "list",
        Kind::Tuple => "tuple",
        Kind::Lambda => "lambda",
        Kind::Call => "function call",
        Kind::BoolOp | Kind::BinOp | Kind::UnaryOp => "expression",
        Kind::GeneratorExp => "generator expression",
        Kind::Yield | Kind::YieldFrom => "yield expression",
        Kind::Await => "await expression",
        Kind::ListComp => "list comprehension",
        Kind::SetComp => "set comprehension",
        Kind::DictComp => "dict comprehension",
        Kind::Dict => "dict literal",
        Kind::Set => "set display",
        Kind::JoinedStr | Kind::FormattedValue => "f-string expression",
        Kind::Constant => match n.fields.first() {
            Some(Value::Const(Constant::None)) => "None",
            Some(Value::Const(Constant::True)) => "True",
            Some(Value::Const(Constant::False)) => "False",
            Some(Value::Const(Constant::Ellipsis)) => "ellipsis",
            _ => "literal",
        },
        Kind::Compare => "comparison",
        Kind::IfExp => "conditional expression",
        Kind::NamedExpr => "named expression",
        Kind::Slice => "slice",
        _ => "expression",
    }
}

/// Find the first node that cannot be a target (depth first, as CPython reports).
pub(crate) fn invalid_target(n: &Node, del: bool) -> Option<&Node> {
    match n.kind {
        Kind::Name | Kind::Attribute | Kind::Subscript => None,
        Kind::Starred => {
            if del {
                Some(n)
            } else {
                invalid_target(n.fields[0].as_node().unwrap(), del)
            }
        }
        Kind::Tuple | Kind::List => {
            if let Value::List(items) = &n.fields[0] {
                for it in items {
                    if let Some(bad) = invalid_target(it.as_node().unwrap(), del) {
                        return Some(bad);
                    }
                }
            }
            None
        }
        _ => Some(n),
    }
}

pub(crate) fn set_ctx(n: &mut Node, c: Kind) {
    match n.kind {
        Kind::Name | Kind::Attribute | Kind::Subscript => {
            let last = n.fields.len() - 1;
            n.fields[last] = ctx(c);
        }
        Kind::Starred => {
            n.fields[1] = ctx(c);
            if let Value::Node(inner) = &mut n.fields[0] {
                set_ctx(inner, c);
            }
        }
        Kind::Tuple | Kind::List => {
            n.fields[1] = ctx(c);
            if let Value::List(items) = &mut n.fields[0] {
                for it in items {
                    if let Value::Node(inner) = it {
                        set_ctx(inner, c);
                    }
                }
            }
        }
        _ => {}
    }
}

impl<'a> Parser<'a> {
    /// Check and convert to Store: "cannot assign to X".
    pub(crate) fn store_target(&self, mut n: Node) -> PResult<Node> {
        if let Some(bad) = invalid_target(&n, false) {
            return Err(self.err_node(&format!("cannot assign to {}", expr_name(bad)), bad));
        }
        set_ctx(&mut n, Kind::Store);
        Ok(n)
    }

    pub(crate) fn del_target(&self, mut n: Node) -> PResult<Node> {
        if let Some(bad) = invalid_target(&n, true) {
            return Err(self.err_node(&format!("cannot delete {}", expr_name(bad)), bad));
        }
        set_ctx(&mut n, Kind::Del);
        Ok(n)
    }

    /// star_targets for `for` and comprehensions: stops before `in` (`stop`).
    pub(crate) fn target_list(&mut self, stop: Tok) -> PResult<Node> {
        let start = self.start();
        let first = self.target_elem()?;
        if self.peek() != Tok::Comma {
            return self.store_target(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.peek() == stop || !self.is_expr_start() {
                break;
            }
            elts.push(self.target_elem()?);
        }
        let t = self.mk(Kind::Tuple, start, vec![Value::list(elts), ctx(Kind::Load)]);
        self.store_target(t)
    }

    pub(crate) fn target_elem(&mut self) -> PResult<Node> {
        if self.peek() == Tok::Star {
            let start = self.start();
            self.bump();
            let v = self.target_elem()?;
            return Ok(self.mk(Kind::Starred, start, vec![Value::node(v), ctx(Kind::Load)]));
        }
        self.bitwise_or()
    }
}
