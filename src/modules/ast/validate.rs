//! The checks `compile(tree, ...)` makes before compiling a tree built in Python: contexts
//! (`Load`/`Store`/`Del`), non-empty bodies and lists, matching lengths, reserved names, as
//! CPython 3.11 reports them (ValueError, a few TypeErrors). Trees the parser made always
//! pass, so the compiler may rely on them.
use ferropy_parser::ast::{Constant, Kind, Node, Value};

pub(super) enum Invalid {
    Value(String),
    Type(String),
}

type R = Result<(), Invalid>;

fn value_err(msg: impl Into<String>) -> R {
    Err(Invalid::Value(msg.into()))
}

fn field<'n>(n: &'n Node, name: &str) -> &'n Value {
    n.field(name).unwrap_or(&Value::None)
}

fn items<'n>(n: &'n Node, name: &str) -> &'n [Value] {
    match field(n, name) {
        Value::List(v) => v,
        _ => &[],
    }
}

fn node<'n>(n: &'n Node, name: &str) -> Option<&'n Node> {
    field(n, name).as_node()
}

fn ctx_name(k: Kind) -> &'static str {
    match k {
        Kind::Store => "Store",
        Kind::Del => "Del",
        _ => "Load",
    }
}

pub(super) fn validate_mod(m: &Node) -> R {
    match m.kind {
        Kind::Module | Kind::Interactive => stmts(items(m, "body")),
        _ => match node(m, "body") {
            Some(b) => expr(b, Kind::Load),
            None => value_err("field 'body' is required for Expression"),
        },
    }
}

fn nonempty(list: &[Value], what: &str, owner: &str) -> R {
    if list.is_empty() {
        return value_err(format!("empty {what} on {owner}"));
    }
    Ok(())
}

fn body(n: &Node, name: &str, owner: &str) -> R {
    nonempty(items(n, name), name, owner)?;
    stmts(items(n, name))
}

fn stmts(list: &[Value]) -> R {
    for v in list {
        match v.as_node() {
            Some(s) => stmt(s)?,
            None => return value_err("None disallowed in statement list"),
        }
    }
    Ok(())
}

fn exprs(list: &[Value], ctx: Kind, null_ok: bool) -> R {
    for v in list {
        match v.as_node() {
            Some(e) => expr(e, ctx)?,
            None if null_ok => {}
            None => return value_err("None disallowed in expression list"),
        }
    }
    Ok(())
}

fn opt_expr(n: &Node, name: &str) -> R {
    match node(n, name) {
        Some(e) => expr(e, Kind::Load),
        None => Ok(()),
    }
}

fn load(n: &Node, name: &str) -> R {
    expr_field(n, name, Kind::Load)
}

fn expr_field(n: &Node, name: &str, ctx: Kind) -> R {
    match node(n, name) {
        Some(e) => expr(e, ctx),
        None => value_err(format!("field '{name}' is required for {}", n.kind.py_name())),
    }
}

fn stmt(s: &Node) -> R {
    let owner = s.kind.py_name();
    match s.kind {
        Kind::FunctionDef | Kind::AsyncFunctionDef => {
            body(s, "body", owner)?;
            if let Some(a) = node(s, "args") {
                arguments(a)?;
            }
            exprs(items(s, "decorator_list"), Kind::Load, false)?;
            opt_expr(s, "returns")
        }
        Kind::ClassDef => {
            body(s, "body", owner)?;
            exprs(items(s, "bases"), Kind::Load, false)?;
            keywords(items(s, "keywords"))?;
            exprs(items(s, "decorator_list"), Kind::Load, false)
        }
        Kind::Return => opt_expr(s, "value"),
        Kind::Delete => {
            nonempty(items(s, "targets"), "targets", owner)?;
            exprs(items(s, "targets"), Kind::Del, false)
        }
        Kind::Assign => {
            nonempty(items(s, "targets"), "targets", owner)?;
            load(s, "value")?;
            exprs(items(s, "targets"), Kind::Store, false)
        }
        Kind::AugAssign => {
            expr_field(s, "target", Kind::Store)?;
            load(s, "value")
        }
        Kind::AnnAssign => {
            let simple = matches!(field(s, "simple"), Value::Int(i) if *i != 0);
            if simple && node(s, "target").is_some_and(|t| t.kind != Kind::Name) {
                return Err(Invalid::Type("AnnAssign with simple non-Name target".into()));
            }
            expr_field(s, "target", Kind::Store)?;
            opt_expr(s, "value")?;
            load(s, "annotation")
        }
        Kind::For | Kind::AsyncFor => {
            expr_field(s, "target", Kind::Store)?;
            load(s, "iter")?;
            body(s, "body", owner)?;
            stmts(items(s, "orelse"))
        }
        Kind::While | Kind::If => {
            load(s, "test")?;
            body(s, "body", owner)?;
            stmts(items(s, "orelse"))
        }
        Kind::With | Kind::AsyncWith => {
            nonempty(items(s, "items"), "items", owner)?;
            for it in items(s, "items").iter().filter_map(Value::as_node) {
                load(it, "context_expr")?;
                if let Some(v) = node(it, "optional_vars") {
                    expr(v, Kind::Store)?;
                }
            }
            body(s, "body", owner)
        }
        Kind::Match => {
            load(s, "subject")?;
            nonempty(items(s, "cases"), "cases", owner)?;
            for c in items(s, "cases").iter().filter_map(Value::as_node) {
                if let Some(p) = node(c, "pattern") {
                    pattern(p)?;
                }
                opt_expr(c, "guard")?;
                body(c, "body", "match_case")?;
            }
            Ok(())
        }
        Kind::Raise => {
            if node(s, "exc").is_none() && node(s, "cause").is_some() {
                return value_err("Raise with cause but no exception");
            }
            opt_expr(s, "exc")?;
            opt_expr(s, "cause")
        }
        Kind::Try | Kind::TryStar => {
            body(s, "body", owner)?;
            let (handlers, orelse, fin) = (items(s, "handlers"), items(s, "orelse"), items(s, "finalbody"));
            if handlers.is_empty() && fin.is_empty() {
                return value_err(format!("{owner} has neither except handlers nor finalbody"));
            }
            if handlers.is_empty() && !orelse.is_empty() {
                return value_err(format!("{owner} has orelse but no except handlers"));
            }
            for h in handlers.iter().filter_map(Value::as_node) {
                opt_expr(h, "type")?;
                body(h, "body", "ExceptHandler")?;
            }
            stmts(fin)?;
            stmts(orelse)
        }
        Kind::Assert => {
            load(s, "test")?;
            opt_expr(s, "msg")
        }
        Kind::Import | Kind::Global | Kind::Nonlocal => nonempty(items(s, "names"), "names", owner),
        Kind::ImportFrom => {
            if matches!(field(s, "level"), Value::Int(l) if *l < 0) {
                return value_err("Negative ImportFrom level");
            }
            nonempty(items(s, "names"), "names", owner)
        }
        Kind::Expr => load(s, "value"),
        _ => Ok(()),
    }
}

fn keywords(list: &[Value]) -> R {
    for k in list.iter().filter_map(Value::as_node) {
        load(k, "value")?;
    }
    Ok(())
}

fn arguments(a: &Node) -> R {
    for name in ["posonlyargs", "args", "kwonlyargs"] {
        for arg in items(a, name).iter().filter_map(Value::as_node) {
            opt_expr(arg, "annotation")?;
        }
    }
    for name in ["vararg", "kwarg"] {
        if let Some(arg) = node(a, name) {
            opt_expr(arg, "annotation")?;
        }
    }
    if items(a, "defaults").len() > items(a, "posonlyargs").len() + items(a, "args").len() {
        return value_err("more positional defaults than args on arguments");
    }
    if items(a, "kw_defaults").len() != items(a, "kwonlyargs").len() {
        return value_err("length of kwonlyargs is not the same as kw_defaults on arguments");
    }
    exprs(items(a, "defaults"), Kind::Load, false)?;
    exprs(items(a, "kw_defaults"), Kind::Load, true)
}

fn name_ok(id: &str) -> R {
    if matches!(id, "None" | "True" | "False") {
        return value_err(format!("identifier field can't represent '{id}' constant"));
    }
    Ok(())
}

fn comprehensions(e: &Node) -> R {
    let gens = items(e, "generators");
    if gens.is_empty() {
        return value_err(format!("comprehension with no generators"));
    }
    for g in gens.iter().filter_map(Value::as_node) {
        expr_field(g, "target", Kind::Store)?;
        load(g, "iter")?;
        exprs(items(g, "ifs"), Kind::Load, false)?;
    }
    Ok(())
}

fn expr(e: &Node, ctx: Kind) -> R {
    let has_ctx = matches!(e.kind, Kind::Attribute | Kind::Subscript | Kind::Starred | Kind::Name | Kind::List | Kind::Tuple);
    if has_ctx {
        let actual = node(e, "ctx").map_or(Kind::Load, |c| c.kind);
        if actual != ctx {
            return value_err(format!("expression must have {} context but has {} instead", ctx_name(ctx), ctx_name(actual)));
        }
    } else if ctx != Kind::Load {
        return value_err(format!("expression which can't be assigned to in {} context", ctx_name(ctx)));
    }
    match e.kind {
        Kind::BoolOp => {
            if items(e, "values").len() < 2 {
                return value_err("BoolOp with less than 2 values");
            }
            exprs(items(e, "values"), Kind::Load, false)
        }
        Kind::BinOp => {
            load(e, "left")?;
            load(e, "right")
        }
        Kind::UnaryOp => load(e, "operand"),
        Kind::Lambda => {
            if let Some(a) = node(e, "args") {
                arguments(a)?;
            }
            load(e, "body")
        }
        Kind::IfExp => {
            load(e, "test")?;
            load(e, "body")?;
            load(e, "orelse")
        }
        Kind::Dict => {
            if items(e, "keys").len() != items(e, "values").len() {
                return value_err("Dict doesn't have the same number of keys as values");
            }
            exprs(items(e, "keys"), Kind::Load, true)?;
            exprs(items(e, "values"), Kind::Load, false)
        }
        Kind::Set => exprs(items(e, "elts"), Kind::Load, false),
        Kind::ListComp | Kind::SetComp | Kind::GeneratorExp => {
            comprehensions(e)?;
            load(e, "elt")
        }
        Kind::DictComp => {
            comprehensions(e)?;
            load(e, "key")?;
            load(e, "value")
        }
        Kind::Yield => opt_expr(e, "value"),
        Kind::YieldFrom | Kind::Await => load(e, "value"),
        Kind::Compare => {
            let (ops, cmps) = (items(e, "ops"), items(e, "comparators"));
            if cmps.is_empty() {
                return value_err("Compare with no comparators");
            }
            if cmps.len() != ops.len() {
                return value_err("Compare has a different number of comparators and operands");
            }
            exprs(cmps, Kind::Load, false)?;
            load(e, "left")
        }
        Kind::Call => {
            load(e, "func")?;
            exprs(items(e, "args"), Kind::Load, false)?;
            keywords(items(e, "keywords"))
        }
        Kind::JoinedStr => exprs(items(e, "values"), Kind::Load, false),
        Kind::FormattedValue => {
            load(e, "value")?;
            opt_expr(e, "format_spec")
        }
        Kind::Attribute => load(e, "value"),
        Kind::Subscript => {
            load(e, "slice")?;
            load(e, "value")
        }
        Kind::Starred => expr_field(e, "value", ctx),
        Kind::Slice => {
            opt_expr(e, "lower")?;
            opt_expr(e, "upper")?;
            opt_expr(e, "step")
        }
        Kind::List | Kind::Tuple => exprs(items(e, "elts"), ctx, false),
        Kind::NamedExpr => {
            if node(e, "target").is_some_and(|t| t.kind != Kind::Name) {
                return Err(Invalid::Type("NamedExpr target must be a Name".into()));
            }
            load(e, "value")
        }
        Kind::Name => match field(e, "id") {
            Value::Str(id) => name_ok(id),
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

fn capture(v: &Value) -> R {
    match v {
        Value::Str(id) if id == "_" => value_err("can't capture name '_' in patterns"),
        Value::Str(id) => name_ok(id),
        _ => Ok(()),
    }
}

fn patterns(list: &[Value]) -> R {
    for p in list.iter().filter_map(Value::as_node) {
        pattern(p)?;
    }
    Ok(())
}

fn pattern(p: &Node) -> R {
    match p.kind {
        Kind::MatchValue => {
            let ok = node(p, "value").is_some_and(|v| matches!(v.kind, Kind::Constant | Kind::Attribute | Kind::UnaryOp | Kind::BinOp));
            if !ok {
                return value_err("patterns may only match literals and attribute lookups");
            }
            load(p, "value")
        }
        Kind::MatchSingleton => match field(p, "value") {
            Value::Const(Constant::None | Constant::True | Constant::False) => Ok(()),
            _ => value_err("MatchSingleton can only contain True, False and None"),
        },
        Kind::MatchSequence => patterns(items(p, "patterns")),
        Kind::MatchMapping => {
            if items(p, "keys").len() != items(p, "patterns").len() {
                return value_err("MatchMapping doesn't have the same number of keys as patterns");
            }
            capture(field(p, "rest"))?;
            exprs(items(p, "keys"), Kind::Load, false)?;
            patterns(items(p, "patterns"))
        }
        Kind::MatchClass => {
            let mut cls = node(p, "cls");
            while let Some(c) = cls {
                match c.kind {
                    Kind::Attribute => cls = node(c, "value"),
                    Kind::Name => break,
                    _ => return value_err("MatchClass cls field can only contain Name or Attribute nodes."),
                }
            }
            if items(p, "kwd_attrs").len() != items(p, "kwd_patterns").len() {
                return value_err("MatchClass doesn't have the same number of keyword attributes as patterns");
            }
            load(p, "cls")?;
            patterns(items(p, "patterns"))?;
            patterns(items(p, "kwd_patterns"))
        }
        Kind::MatchStar => capture(field(p, "name")),
        Kind::MatchAs => {
            capture(field(p, "name"))?;
            match node(p, "pattern") {
                Some(_) if matches!(field(p, "name"), Value::None) => value_err("MatchAs must specify a target name if a pattern is given"),
                Some(inner) => pattern(inner),
                None => Ok(()),
            }
        }
        Kind::MatchOr => {
            if items(p, "patterns").len() < 2 {
                return value_err("MatchOr requires at least 2 patterns");
            }
            patterns(items(p, "patterns"))
        }
        _ => Ok(()),
    }
}
