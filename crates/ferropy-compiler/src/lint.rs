//! CPython's compile-time SyntaxWarnings about code that is valid but almost certainly
//! wrong: `is` with a literal, calling or subscripting a literal, indexing a literal
//! sequence with a non-integer literal, and `assert` on a non-empty tuple.  Literal means
//! what constant folding reduces to a constant, as CPython checks after its AST optimiser.

use crate::ast_util::{list, nodes, req};
use crate::code::Constant;
use crate::compile::Compiler;
use crate::fold::fold;
use ferropy_parser::ast::{Kind, Loc, Node};
use ferropy_parser::Warning;

/// The type name a literal expression evaluates to, `None` for anything else.
fn literal_type(c: &Compiler, e: &Node) -> Option<&'static str> {
    if let Some(k) = fold(e, c.opts.optimize) {
        return Some(constant_type(&k));
    }
    Some(match e.kind {
        Kind::Tuple => "tuple",
        Kind::List | Kind::ListComp => "list",
        Kind::Dict | Kind::DictComp => "dict",
        Kind::Set | Kind::SetComp => "set",
        Kind::GeneratorExp => "generator",
        Kind::Lambda => "function",
        Kind::JoinedStr | Kind::FormattedValue => "str",
        _ => return None,
    })
}

fn constant_type(k: &Constant) -> &'static str {
    match k {
        Constant::None => "NoneType",
        Constant::Ellipsis => "ellipsis",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

impl<'a> Compiler<'a> {
    /// Code compiled twice (a `finally` body) warns twice, as in CPython.
    fn warn(&mut self, message: String, loc: Loc) {
        self.warnings.push(Warning::syntax(message, loc));
    }

    /// `x is 1`: an `is`/`is not` with an operand that is a literal other than a singleton.
    pub(crate) fn check_compare(&mut self, e: &Node) {
        let is_arg_ok = |c: &Compiler, n: &Node| match fold(n, c.opts.optimize) {
            None => n.kind != Kind::Constant,
            Some(k) => matches!(k, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        };
        let mut left_ok = is_arg_ok(self, req(e, 0));
        let ops = list(e, 1).iter().filter_map(|v| v.as_node()).map(|n| n.kind);
        for (op, right) in ops.zip(nodes(e, 2)) {
            let right_ok = is_arg_ok(self, right);
            if matches!(op, Kind::Is | Kind::IsNot) && !(left_ok && right_ok) {
                let msg = if op == Kind::Is { "\"is\" with a literal. Did you mean \"==\"?" } else { "\"is not\" with a literal. Did you mean \"!=\"?" };
                self.warn(msg.to_string(), e.loc);
                return; // one warning per comparison chain, as CPython
            }
            left_ok = right_ok;
        }
    }

    /// `(1, 2) (3, 4)`: calling a literal.
    pub(crate) fn check_call(&mut self, call: &Node) {
        let func = req(call, 0);
        if func.kind == Kind::Lambda {
            return; // `(lambda: 1)()` is fine
        }
        if let Some(t) = literal_type(self, func) {
            self.warn(format!("'{}' object is not callable; perhaps you missed a comma?", t), call.loc);
        }
    }

    /// `[1, 2] [0, 1]`-style mistakes in a loaded subscript.
    pub(crate) fn check_subscript(&mut self, sub: &Node) {
        let value = req(sub, 0);
        let index = req(sub, 1);
        let Some(vt) = literal_type(self, value) else { return };
        if matches!(vt, "NoneType" | "ellipsis" | "int" | "bool" | "float" | "complex" | "set" | "frozenset" | "generator" | "function") {
            self.warn(format!("'{}' object is not subscriptable; perhaps you missed a comma?", vt), sub.loc);
            return;
        }
        if !matches!(vt, "str" | "bytes" | "tuple" | "list") || matches!(value.kind, Kind::Dict | Kind::DictComp) {
            return;
        }
        match literal_type(self, index) {
            None | Some("int") | Some("bool") => {}
            Some(it) => self.warn(format!("{} indices must be integers or slices, not {}; perhaps you missed a comma?", vt, it), sub.loc),
        }
    }

    /// `assert (x, "message")` is always true.
    pub(crate) fn check_assert(&mut self, s: &Node) {
        let test = req(s, 0);
        let nonempty_tuple = match test.kind {
            Kind::Tuple => !list(test, 0).is_empty(),
            _ => matches!(fold(test, self.opts.optimize), Some(Constant::Tuple(t)) if !t.is_empty()),
        };
        if nonempty_tuple {
            self.warn("assertion is always true, perhaps remove parentheses?".to_string(), s.loc);
        }
    }
}
