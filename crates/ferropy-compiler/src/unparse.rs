//! Expression -> source text, for `from __future__ import annotations` (PEP 563): the
//! annotation is stored as the string CPython produces (minimal parentheses by operator
//! precedence, canonical spacing, Python reprs of constants).

use crate::ast_util::{ident, int, list, node, nodes, req};
use crate::code::Constant;
use crate::compile_stmt::const_of;
use ferropy_parser::ast::{Kind, Node, Value};

// Precedence levels, loosest first.
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

pub fn unparse(e: &Node) -> String {
    let mut out = String::new();
    expr(e, TEST, &mut out);
    out
}

fn binop(k: Kind) -> (&'static str, u8) {
    match k {
        Kind::Add => ("+", ARITH),
        Kind::Sub => ("-", ARITH),
        Kind::Mult => ("*", TERM),
        Kind::MatMult => ("@", TERM),
        Kind::Div => ("/", TERM),
        Kind::Mod => ("%", TERM),
        Kind::FloorDiv => ("//", TERM),
        Kind::Pow => ("**", POWER),
        Kind::LShift => ("<<", SHIFT),
        Kind::RShift => (">>", SHIFT),
        Kind::BitOr => ("|", BOR),
        Kind::BitXor => ("^", BXOR),
        _ => ("&", BAND),
    }
}

fn cmpop(k: Kind) -> &'static str {
    match k {
        Kind::Eq => "==",
        Kind::NotEq => "!=",
        Kind::Lt => "<",
        Kind::LtE => "<=",
        Kind::Gt => ">",
        Kind::GtE => ">=",
        Kind::Is => "is",
        Kind::IsNot => "is not",
        Kind::In => "in",
        _ => "not in",
    }
}

fn seq(items: &[Value], out: &mut String) {
    for (i, v) in items.iter().filter_map(|v| v.as_node()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(v, TEST, out);
    }
}

fn paren(cond: bool, out: &mut String, f: impl FnOnce(&mut String)) {
    if cond {
        out.push('(');
    }
    f(out);
    if cond {
        out.push(')');
    }
}

fn expr(e: &Node, level: u8, out: &mut String) {
    match e.kind {
        Kind::Constant => constant(e, out),
        Kind::Name => out.push_str(ident(e, 0).unwrap_or("")),
        Kind::Attribute => {
            let v = req(e, 0);
            expr(v, ATOM, out);
            // `1 .real`: an int literal needs a space before the dot.
            if v.kind == Kind::Constant && matches!(const_of(v), Some(Constant::Int(_))) {
                out.push(' ');
            }
            out.push('.');
            out.push_str(ident(e, 1).unwrap_or(""));
        }
        Kind::Subscript => {
            expr(req(e, 0), ATOM, out);
            out.push('[');
            let s = req(e, 1);
            if s.kind == Kind::Tuple && !list(s, 0).is_empty() {
                let items = list(s, 0);
                seq(items, out);
                if items.len() == 1 {
                    out.push(',');
                }
            } else {
                expr(s, TUPLE, out);
            }
            out.push(']');
        }
        Kind::Starred => {
            out.push('*');
            expr(req(e, 0), BOR, out);
        }
        Kind::Tuple => {
            let items = list(e, 0);
            if items.is_empty() {
                out.push_str("()");
                return;
            }
            paren(level > TUPLE, out, |out| {
                seq(items, out);
                if items.len() == 1 {
                    out.push(',');
                }
            });
        }
        Kind::List => {
            out.push('[');
            seq(list(e, 0), out);
            out.push(']');
        }
        Kind::Set => {
            if list(e, 0).is_empty() {
                out.push_str("{*()}");
                return;
            }
            out.push('{');
            seq(list(e, 0), out);
            out.push('}');
        }
        Kind::Dict => {
            out.push('{');
            for (i, (k, v)) in list(e, 0).iter().zip(nodes(e, 1)).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k.as_node() {
                    Some(k) => {
                        expr(k, TEST, out);
                        out.push_str(": ");
                        expr(v, TEST, out);
                    }
                    None => {
                        out.push_str("**");
                        expr(v, BOR, out);
                    }
                }
            }
            out.push('}');
        }
        Kind::BinOp => {
            let (op, pr) = binop(req(e, 1).kind);
            let right_assoc = pr == POWER;
            paren(level > pr, out, |out| {
                expr(req(e, 0), if right_assoc { pr + 1 } else { pr }, out);
                out.push(' ');
                out.push_str(op);
                out.push(' ');
                expr(req(e, 2), if right_assoc { pr } else { pr + 1 }, out);
            });
        }
        Kind::UnaryOp => {
            let (op, pr) = match req(e, 0).kind {
                Kind::Not => ("not ", NOT),
                Kind::USub => ("-", FACTOR),
                Kind::UAdd => ("+", FACTOR),
                _ => ("~", FACTOR),
            };
            paren(level > pr, out, |out| {
                out.push_str(op);
                expr(req(e, 1), pr, out);
            });
        }
        Kind::BoolOp => {
            let (op, pr) = if req(e, 0).kind == Kind::And { (" and ", AND) } else { (" or ", OR) };
            paren(level > pr, out, |out| {
                for (i, v) in nodes(e, 1).enumerate() {
                    if i > 0 {
                        out.push_str(op);
                    }
                    expr(v, pr + 1, out);
                }
            });
        }
        Kind::Compare => paren(level > CMP, out, |out| {
            expr(req(e, 0), CMP + 1, out);
            for (op, c) in list(e, 1).iter().filter_map(|v| v.as_node()).zip(nodes(e, 2)) {
                out.push(' ');
                out.push_str(cmpop(op.kind));
                out.push(' ');
                expr(c, CMP + 1, out);
            }
        }),
        Kind::IfExp => paren(level > TEST, out, |out| {
            expr(req(e, 1), TEST + 1, out);
            out.push_str(" if ");
            expr(req(e, 0), TEST + 1, out);
            out.push_str(" else ");
            expr(req(e, 2), TEST, out);
        }),
        Kind::Lambda => paren(level > TEST, out, |out| {
            let a = arguments(req(e, 0));
            out.push_str("lambda");
            if !a.is_empty() {
                out.push(' ');
                out.push_str(&a);
            }
            out.push_str(": ");
            expr(req(e, 1), TEST, out);
        }),
        Kind::NamedExpr => paren(level > TUPLE, out, |out| {
            expr(req(e, 0), ATOM, out);
            out.push_str(" := ");
            expr(req(e, 1), ATOM, out);
        }),
        Kind::Await => paren(level > AWAIT, out, |out| {
            out.push_str("await ");
            expr(req(e, 0), ATOM, out);
        }),
        Kind::Yield | Kind::YieldFrom => {
            out.push_str(if e.kind == Kind::Yield { "(yield" } else { "(yield from" });
            if let Some(v) = node(e, 0) {
                out.push(' ');
                expr(v, TEST, out);
            }
            out.push(')');
        }
        Kind::Call => {
            expr(req(e, 0), ATOM, out);
            out.push('(');
            let args: Vec<&Node> = nodes(e, 1).collect();
            let kws: Vec<&Node> = nodes(e, 2).collect();
            // A lone generator argument keeps its own parentheses only.
            if args.len() == 1 && kws.is_empty() && args[0].kind == Kind::GeneratorExp {
                comprehension(args[0], "", "", out);
            } else {
                let mut first = true;
                for a in args {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    expr(a, TEST, out);
                }
                for k in kws {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    match ident(k, 0) {
                        Some(n) => {
                            out.push_str(n);
                            out.push('=');
                        }
                        None => out.push_str("**"),
                    }
                    expr(req(k, 1), TEST, out);
                }
            }
            out.push(')');
        }
        Kind::Slice => {
            if let Some(l) = node(e, 0) {
                expr(l, TEST, out);
            }
            out.push(':');
            if let Some(u) = node(e, 1) {
                expr(u, TEST, out);
            }
            if let Some(s) = node(e, 2) {
                out.push(':');
                expr(s, TEST, out);
            }
        }
        Kind::ListComp => comprehension(e, "[", "]", out),
        Kind::SetComp => comprehension(e, "{", "}", out),
        Kind::DictComp => comprehension(e, "{", "}", out),
        Kind::GeneratorExp => comprehension(e, "(", ")", out),
        Kind::JoinedStr | Kind::FormattedValue => {
            let mut body = String::new();
            fstring_body(e, &mut body);
            let cs: Vec<u32> = body.chars().map(|c| c as u32).collect();
            out.push('f');
            out.push_str(&Constant::Str(String::from_iter(cs.iter().filter_map(|&c| char::from_u32(c))).into_bytes().into()).repr());
        }
        _ => {}
    }
}

fn fstring_body(e: &Node, out: &mut String) {
    match e.kind {
        Kind::JoinedStr => {
            for v in nodes(e, 0) {
                fstring_body(v, out);
            }
        }
        Kind::Constant => {
            if let Some(Constant::Str(s)) = const_of(e) {
                out.push_str(&String::from_utf8_lossy(&s).replace('{', "{{").replace('}', "}}"));
            }
        }
        Kind::FormattedValue => {
            let mut inner = String::new();
            expr(req(e, 0), TEST + 1, &mut inner);
            out.push('{');
            if inner.starts_with('{') {
                out.push(' ');
            }
            out.push_str(&inner);
            match int(e, 1) {
                115 => out.push_str("!s"),
                114 => out.push_str("!r"),
                97 => out.push_str("!a"),
                _ => {}
            }
            if let Some(spec) = node(e, 2) {
                out.push(':');
                fstring_body(spec, out);
            }
            out.push('}');
        }
        _ => {}
    }
}

fn comprehension(e: &Node, open: &str, close: &str, out: &mut String) {
    out.push_str(open);
    let gens_i = if e.kind == Kind::DictComp {
        expr(req(e, 0), TEST, out);
        out.push_str(": ");
        expr(req(e, 1), TEST, out);
        2
    } else {
        expr(req(e, 0), TEST, out);
        1
    };
    if open.is_empty() {
        // Call argument: `f(x for x in y)`.
    }
    for g in nodes(e, gens_i) {
        out.push_str(if int(g, 3) != 0 { " async for " } else { " for " });
        expr(req(g, 0), TUPLE, out);
        out.push_str(" in ");
        expr(req(g, 1), TEST + 1, out);
        for c in nodes(g, 2) {
            out.push_str(" if ");
            expr(c, TEST + 1, out);
        }
    }
    out.push_str(close);
}

fn arguments(a: &Node) -> String {
    let mut parts: Vec<String> = Vec::new();
    let posonly: Vec<&Node> = nodes(a, 0).collect();
    let args: Vec<&Node> = nodes(a, 1).collect();
    let defaults: Vec<&Node> = nodes(a, 6).collect();
    let npos = posonly.len() + args.len();
    for (i, p) in posonly.iter().chain(args.iter()).enumerate() {
        let mut s = ident(p, 0).unwrap_or("").to_string();
        if i + defaults.len() >= npos {
            s.push('=');
            expr(defaults[i + defaults.len() - npos], TEST, &mut s);
        }
        parts.push(s);
        if i + 1 == posonly.len() {
            parts.push("/".into());
        }
    }
    let kwonly: Vec<&Node> = nodes(a, 3).collect();
    match node(a, 2) {
        Some(v) => parts.push(format!("*{}", ident(v, 0).unwrap_or(""))),
        None if !kwonly.is_empty() => parts.push("*".into()),
        None => {}
    }
    for (k, d) in kwonly.iter().zip(list(a, 4).iter()) {
        let mut s = ident(k, 0).unwrap_or("").to_string();
        if let Some(d) = d.as_node() {
            s.push('=');
            expr(d, TEST, &mut s);
        }
        parts.push(s);
    }
    if let Some(k) = node(a, 5) {
        parts.push(format!("**{}", ident(k, 0).unwrap_or("")));
    }
    parts.join(", ")
}

fn constant(e: &Node, out: &mut String) {
    match const_of(e) {
        Some(Constant::Ellipsis) => out.push_str("..."),
        Some(Constant::Float(f)) if f.is_infinite() => out.push_str(if f > 0.0 { "1e309" } else { "-1e309" }),
        Some(Constant::Complex { imag, .. }) if imag.is_infinite() => out.push_str("1e309j"),
        Some(c) => out.push_str(&c.repr()),
        None => {}
    }
}
