//! Typed access to the parser's uniform nodes.  Fields are read by their index in the
//! ASDL order of `ferropy_parser::ast` (faster than by name, and the table is fixed).

use ferropy_parser::ast::{Kind, Loc, Node, Value};

pub(crate) static EMPTY: [Value; 0] = [];

/// Field `i` as a child node, if present.
#[inline]
pub fn node(n: &Node, i: usize) -> Option<&Node> {
    match n.fields.get(i) {
        Some(Value::Node(c)) => Some(c),
        _ => None,
    }
}

/// Field `i` as a required child node (the parser always sets required fields).
#[inline]
pub fn req(n: &Node, i: usize) -> &Node {
    node(n, i).expect("required AST field missing")
}

/// Field `i` as a list (empty when absent).
#[inline]
pub fn list(n: &Node, i: usize) -> &[Value] {
    match n.fields.get(i) {
        Some(Value::List(v)) => v,
        _ => &EMPTY,
    }
}

/// Iterate the nodes of list field `i` (holes, as in `Dict.keys`, are skipped).
pub fn nodes(n: &Node, i: usize) -> impl Iterator<Item = &Node> {
    list(n, i).iter().filter_map(|v| v.as_node())
}

/// Field `i` as an identifier.
#[inline]
pub fn ident(n: &Node, i: usize) -> Option<&str> {
    match n.fields.get(i) {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    }
}

/// Field `i` as a plain integer (`level`, `simple`, `is_async`, `conversion`).
#[inline]
pub fn int(n: &Node, i: usize) -> i64 {
    match n.fields.get(i) {
        Some(Value::Int(v)) => *v,
        _ => 0,
    }
}

/// The context kind (Load/Store/Del) of Name/Attribute/Subscript/Starred/List/Tuple.
pub fn ctx(n: &Node) -> Kind {
    let i = match n.kind {
        Kind::Attribute | Kind::Subscript => 2,
        Kind::Name | Kind::Starred | Kind::List | Kind::Tuple => 1,
        _ => return Kind::Load,
    };
    node(n, i).map(|c| c.kind).unwrap_or(Kind::Load)
}

/// Whether a statement is a docstring-like `Expr(Constant(str))`.
pub fn is_docstring(s: &Node) -> bool {
    s.kind == Kind::Expr
        && node(s, 0).map_or(false, |e| e.kind == Kind::Constant && matches!(e.fields.first(), Some(Value::Const(ferropy_parser::ast::Constant::Str(_)))))
}

pub fn loc(n: &Node) -> Loc {
    n.loc
}
