//! Symbol tables: one block per module, class, function, lambda and comprehension, each
//! symbol with CPython 3.11's definition flags and resolved scope (the same bit layout as
//! `_symtable`, so the differential test compares raw numbers).
//!
//! Two passes: `Builder` walks the AST recording how each name is defined and used, then
//! `analyze` resolves every name to local / global / free / cell, top-down with the set of
//! names bound in enclosing function scopes, bottom-up with the free names of children.

use crate::ast_util::{ident, int, list, node, nodes, req};
use crate::error::{at, CompileResult};
use crate::future::Future;
use crate::mangle::mangle;
use ferropy_parser::ast::{Kind, Loc, Node, Value};
use crate::fast_hash::{FastMap as HashMap, FastSet as HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
pub const SCOPE_OFF: u32 = 11;
pub const SCOPE_MASK: u32 = 15;

/// Resolved scope of a name (stored in the flags at `SCOPE_OFF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    pub fn of(flags: u32) -> Option<Scope> {
        Some(match (flags >> SCOPE_OFF) & SCOPE_MASK {
            1 => Scope::Local,
            2 => Scope::GlobalExplicit,
            3 => Scope::GlobalImplicit,
            4 => Scope::Free,
            5 => Scope::Cell,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
    /// Annotations under `from __future__ import annotations`: checked, never kept.
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    pub fn describe(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Gen => "generator expression",
        }
    }
}

#[derive(Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub name: String,
    pub loc: Loc,
    /// Symbols in first-seen order with their flags (scope bits filled by `analyze`).
    pub symbols: Vec<(String, u32)>,
    index: HashMap<String, usize>,
    pub children: Vec<usize>,
    /// Parameters in order (posonly, positional, kwonly, *args, **kwargs).
    pub varnames: Vec<String>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    /// A class whose methods use `__class__` (or `super`) gets a `__class__` cell.
    pub needs_class_closure: bool,
    /// The class name in effect for mangling inside this block.
    pub private: Option<String>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// global/nonlocal declarations: (name, statement location), for error positions.
    directives: Vec<(String, Loc)>,
}

impl Block {
    fn new(kind: BlockKind, name: &str, loc: Loc) -> Block {
        Block {
            kind,
            name: name.to_string(),
            loc,
            symbols: Vec::new(),
            index: HashMap::default(),
            children: Vec::new(),
            varnames: Vec::new(),
            nested: false,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            private: None,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: Vec::new(),
        }
    }

    /// Flags of `name` (already mangled), 0 if unknown.
    pub fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    pub fn scope(&self, name: &str) -> Option<Scope> {
        Scope::of(self.flags(name))
    }

    fn set(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 = flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), flags));
            }
        }
    }

    /// Whether the block is a function-like scope (fast locals).
    pub fn is_function(&self) -> bool {
        self.kind == BlockKind::Function
    }

    fn directive_loc(&self, name: &str) -> Loc {
        self.directives.iter().find(|(n, _)| n == name).map_or(self.loc, |d| d.1)
    }
}

#[derive(Debug)]
pub struct SymbolTable {
    /// Block 0 is the module.
    pub blocks: Vec<Block>,
    /// AST node address -> block, for the code generator.
    by_node: HashMap<usize, usize>,
    pub future: Future,
}

impl SymbolTable {
    pub fn block_of(&self, n: &Node) -> Option<usize> {
        self.by_node.get(&(n as *const Node as usize)).copied()
    }
}

/// Build and analyse the symbol table of a module.
pub fn build(module: &Node, future: Future) -> CompileResult<SymbolTable> {
    let mut b = Builder { blocks: Vec::new(), stack: Vec::new(), by_node: HashMap::default(), future, private: None };
    b.enter(BlockKind::Module, "top", Loc::default(), module);
    if module.kind == Kind::Expression {
        b.expr(req(module, 0))?;
    } else {
        for s in nodes(module, 0) {
            b.stmt(s)?;
        }
    }
    b.exit();
    let mut t = SymbolTable { blocks: b.blocks, by_node: b.by_node, future };
    analyze(&mut t.blocks, 0, None, HashSet::default())?;
    Ok(t)
}

struct Builder {
    blocks: Vec<Block>,
    stack: Vec<usize>,
    by_node: HashMap<usize, usize>,
    future: Future,
    private: Option<String>,
}

impl Builder {
    fn cur(&mut self) -> &mut Block {
        let i = *self.stack.last().unwrap();
        &mut self.blocks[i]
    }

    fn enter(&mut self, kind: BlockKind, name: &str, loc: Loc, n: &Node) {
        let mut b = Block::new(kind, name, loc);
        b.private = self.private.clone();
        let idx = self.blocks.len();
        if let Some(&p) = self.stack.last() {
            let parent = &self.blocks[p];
            b.nested = parent.nested || parent.kind == BlockKind::Function;
            b.comp_iter_expr = parent.comp_iter_expr;
            // Annotation blocks (future annotations) are checked but never become children.
            if kind != BlockKind::Annotation {
                self.blocks[p].children.push(idx);
            }
        }
        if kind != BlockKind::Annotation {
            self.by_node.insert(n as *const Node as usize, idx);
        }
        self.blocks.push(b);
        self.stack.push(idx);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    /// Record a definition/use in the current block.
    fn def(&mut self, name: &str, flag: u32, loc: Loc) -> CompileResult<()> {
        let i = *self.stack.last().unwrap();
        self.def_in(i, name, flag, loc)
    }

    fn def_in(&mut self, bi: usize, name: &str, flag: u32, loc: Loc) -> CompileResult<()> {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let b = &mut self.blocks[bi];
        let old = b.flags(&mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(at(format!("duplicate argument '{}' in function definition", name), loc));
        }
        let mut val = old | flag;
        if b.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(at(format!("comprehension inner loop cannot rebind assignment expression target '{}'", name), loc));
            }
            val |= DEF_COMP_ITER;
        }
        b.set(&mangled, val);
        if flag & DEF_PARAM != 0 {
            b.varnames.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 {
            // A global declaration anywhere also marks the name in the module's table.
            let m = &mut self.blocks[0];
            let v = m.flags(&mangled) | flag;
            m.set(&mangled, v);
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Value]) -> CompileResult<()> {
        for s in body.iter().filter_map(|v| v.as_node()) {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, items: &[Value]) -> CompileResult<()> {
        for e in items.iter().filter_map(|v| v.as_node()) {
            self.expr(e)?;
        }
        Ok(())
    }

    fn opt(&mut self, n: Option<&Node>) -> CompileResult<()> {
        match n {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn stmt(&mut self, s: &Node) -> CompileResult<()> {
        match s.kind {
            Kind::FunctionDef | Kind::AsyncFunctionDef => {
                let name = ident(s, 0).unwrap_or("");
                self.def(name, DEF_LOCAL, s.loc)?;
                let args = req(s, 1);
                self.exprs(list(args, 6))?;
                self.exprs(list(args, 4))?;
                self.annotations(args, node(s, 4))?;
                self.exprs(list(s, 3))?;
                self.enter(BlockKind::Function, name, s.loc, s);
                if s.kind == Kind::AsyncFunctionDef {
                    self.cur().coroutine = true;
                }
                self.params(args)?;
                self.stmts(list(s, 2))?;
                self.exit();
            }
            Kind::ClassDef => {
                let name = ident(s, 0).unwrap_or("");
                self.def(name, DEF_LOCAL, s.loc)?;
                self.exprs(list(s, 1))?;
                for k in nodes(s, 2) {
                    self.expr(req(k, 1))?;
                }
                self.exprs(list(s, 4))?;
                let saved = self.private.replace(name.to_string());
                self.enter(BlockKind::Class, name, s.loc, s);
                self.stmts(list(s, 3))?;
                self.exit();
                self.private = saved;
            }
            Kind::Return => self.opt(node(s, 0))?,
            Kind::Delete => self.exprs(list(s, 0))?,
            Kind::Assign => {
                self.exprs(list(s, 0))?;
                self.expr(req(s, 1))?;
            }
            Kind::AnnAssign => {
                let target = req(s, 0);
                let simple = int(s, 3) != 0;
                if target.kind == Kind::Name {
                    let id = ident(target, 0).unwrap_or("");
                    let mangled = mangle(self.private.as_deref(), id).into_owned();
                    let cur = self.cur().flags(&mangled);
                    let at_module = *self.stack.last().unwrap() == 0;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !at_module && simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(at(format!("annotated name '{}' can't be {}", id, what), s.loc));
                    }
                    if simple {
                        self.def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if node(s, 2).is_some() {
                        self.def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(req(s, 1))?;
                self.opt(node(s, 2))?;
            }
            Kind::AugAssign => {
                self.expr(req(s, 0))?;
                self.expr(req(s, 2))?;
            }
            Kind::For | Kind::AsyncFor => {
                self.expr(req(s, 0))?;
                self.expr(req(s, 1))?;
                self.stmts(list(s, 2))?;
                self.stmts(list(s, 3))?;
            }
            Kind::While | Kind::If => {
                self.expr(req(s, 0))?;
                self.stmts(list(s, 1))?;
                self.stmts(list(s, 2))?;
            }
            Kind::Match => {
                self.expr(req(s, 0))?;
                for c in nodes(s, 1) {
                    self.pattern(req(c, 0))?;
                    self.opt(node(c, 1))?;
                    self.stmts(list(c, 2))?;
                }
            }
            Kind::Raise => {
                self.opt(node(s, 0))?;
                self.opt(node(s, 1))?;
            }
            Kind::Try | Kind::TryStar => {
                self.stmts(list(s, 0))?;
                self.stmts(list(s, 2))?;
                for h in nodes(s, 1) {
                    self.opt(node(h, 0))?;
                    if let Some(n) = ident(h, 1) {
                        self.def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(list(h, 2))?;
                }
                self.stmts(list(s, 3))?;
            }
            Kind::Assert => {
                self.expr(req(s, 0))?;
                self.opt(node(s, 1))?;
            }
            Kind::Import | Kind::ImportFrom => {
                let names = if s.kind == Kind::Import { 0 } else { 1 };
                for a in nodes(s, names) {
                    self.alias(a)?;
                }
            }
            Kind::Global | Kind::Nonlocal => {
                let global = s.kind == Kind::Global;
                for v in list(s, 0) {
                    let Value::Str(name) = v else { continue };
                    let mangled = mangle(self.private.as_deref(), name).into_owned();
                    let cur = self.cur().flags(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let what = if global { "global" } else { "nonlocal" };
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and {}", name, what)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to {} declaration", name, what)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be {}", name, what)
                        } else {
                            format!("name '{}' is assigned to before {} declaration", name, what)
                        };
                        return Err(at(msg, s.loc));
                    }
                    if !global && *self.stack.last().unwrap() == 0 {
                        return Err(at("nonlocal declaration not allowed at module level", s.loc));
                    }
                    self.def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, s.loc)?;
                    self.cur().directives.push((mangled, s.loc));
                }
            }
            Kind::Expr => self.expr(req(s, 0))?,
            Kind::With | Kind::AsyncWith => {
                for item in nodes(s, 0) {
                    self.expr(req(item, 0))?;
                    self.opt(node(item, 1))?;
                }
                self.stmts(list(s, 1))?;
            }
            Kind::Pass | Kind::Break | Kind::Continue => {}
            _ => {}
        }
        Ok(())
    }

    fn alias(&mut self, a: &Node) -> CompileResult<()> {
        let name = ident(a, 0).unwrap_or("");
        let store = match ident(a, 1) {
            Some(asname) => asname,
            None => name.split('.').next().unwrap_or(name),
        };
        if name == "*" {
            if *self.stack.last().unwrap() != 0 {
                return Err(at("import * only allowed at module level", a.loc));
            }
            return Ok(());
        }
        self.def(store, DEF_IMPORT, a.loc)
    }

    fn params(&mut self, args: &Node) -> CompileResult<()> {
        for i in [0, 1, 3] {
            for a in nodes(args, i) {
                self.def(ident(a, 0).unwrap_or(""), DEF_PARAM, a.loc)?;
            }
        }
        if let Some(a) = node(args, 2) {
            self.def(ident(a, 0).unwrap_or(""), DEF_PARAM, a.loc)?;
            self.cur().varargs = true;
        }
        if let Some(a) = node(args, 5) {
            self.def(ident(a, 0).unwrap_or(""), DEF_PARAM, a.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    /// Argument and return annotations of a def, evaluated in the enclosing scope.
    fn annotations(&mut self, args: &Node, returns: Option<&Node>) -> CompileResult<()> {
        let future = self.future.annotations;
        if future {
            self.enter(BlockKind::Annotation, "_annotation", args.loc, args);
        }
        for i in [0, 1] {
            for a in nodes(args, i) {
                self.opt(node(a, 1))?;
            }
        }
        if let Some(a) = node(args, 2) {
            self.opt(node(a, 1))?;
        }
        for a in nodes(args, 3) {
            self.opt(node(a, 1))?;
        }
        if let Some(a) = node(args, 5) {
            self.opt(node(a, 1))?;
        }
        self.opt(returns)?;
        if future {
            self.exit();
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Node) -> CompileResult<()> {
        let future = self.future.annotations;
        if future {
            self.enter(BlockKind::Annotation, "_annotation", e.loc, e);
        }
        self.expr(e)?;
        if future {
            self.exit();
        }
        Ok(())
    }

    fn in_annotation(&mut self, what: &str, e: &Node) -> CompileResult<()> {
        if self.cur().kind == BlockKind::Annotation {
            return Err(at(format!("'{}' can not be used within an annotation", what), e.loc));
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Node) -> CompileResult<()> {
        match p.kind {
            Kind::MatchValue => self.expr(req(p, 0))?,
            Kind::MatchSingleton => {}
            Kind::MatchSequence => {
                for q in nodes(p, 0) {
                    self.pattern(q)?;
                }
            }
            Kind::MatchStar => {
                if let Some(n) = ident(p, 0) {
                    self.def(n, DEF_LOCAL, p.loc)?;
                }
            }
            Kind::MatchMapping => {
                self.exprs(list(p, 0))?;
                for q in nodes(p, 1) {
                    self.pattern(q)?;
                }
                if let Some(n) = ident(p, 2) {
                    self.def(n, DEF_LOCAL, p.loc)?;
                }
            }
            Kind::MatchClass => {
                self.expr(req(p, 0))?;
                for q in nodes(p, 1) {
                    self.pattern(q)?;
                }
                for q in nodes(p, 3) {
                    self.pattern(q)?;
                }
            }
            Kind::MatchAs => {
                if let Some(q) = node(p, 0) {
                    self.pattern(q)?;
                }
                if let Some(n) = ident(p, 1) {
                    self.def(n, DEF_LOCAL, p.loc)?;
                }
            }
            Kind::MatchOr => {
                for q in nodes(p, 0) {
                    self.pattern(q)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn expr(&mut self, e: &Node) -> CompileResult<()> {
        match e.kind {
            Kind::NamedExpr => {
                self.in_annotation("named expression", e)?;
                self.named_expr(e)?;
            }
            Kind::BoolOp => self.exprs(list(e, 1))?,
            Kind::BinOp => {
                self.expr(req(e, 0))?;
                self.expr(req(e, 2))?;
            }
            Kind::UnaryOp => self.expr(req(e, 1))?,
            Kind::Lambda => {
                let args = req(e, 0);
                self.exprs(list(args, 6))?;
                self.exprs(list(args, 4))?;
                self.enter(BlockKind::Function, "lambda", e.loc, e);
                self.params(args)?;
                self.expr(req(e, 1))?;
                self.exit();
            }
            Kind::IfExp => {
                self.expr(req(e, 0))?;
                self.expr(req(e, 1))?;
                self.expr(req(e, 2))?;
            }
            Kind::Dict => {
                self.exprs(list(e, 0))?;
                self.exprs(list(e, 1))?;
            }
            Kind::Set => self.exprs(list(e, 0))?,
            Kind::ListComp => self.comprehension(e, "listcomp", CompKind::List, list(e, 1), req(e, 0), None)?,
            Kind::SetComp => self.comprehension(e, "setcomp", CompKind::Set, list(e, 1), req(e, 0), None)?,
            Kind::GeneratorExp => self.comprehension(e, "genexpr", CompKind::Gen, list(e, 1), req(e, 0), None)?,
            Kind::DictComp => self.comprehension(e, "dictcomp", CompKind::Dict, list(e, 2), req(e, 0), node(e, 1))?,
            Kind::Yield | Kind::YieldFrom => {
                self.in_annotation("yield expression", e)?;
                self.opt(node(e, 0))?;
                let b = self.cur();
                b.generator = true;
                if let Some(k) = b.comprehension {
                    // 3.11 says 'yield' for `yield from` too.
                    return Err(at(format!("'yield' inside {}", k.describe()), e.loc));
                }
            }
            Kind::Await => {
                self.in_annotation("await expression", e)?;
                self.expr(req(e, 0))?;
                self.cur().coroutine = true;
            }
            Kind::Compare => {
                self.expr(req(e, 0))?;
                self.exprs(list(e, 2))?;
            }
            Kind::Call => {
                self.expr(req(e, 0))?;
                self.exprs(list(e, 1))?;
                for k in nodes(e, 2) {
                    self.expr(req(k, 1))?;
                }
            }
            Kind::FormattedValue => {
                self.expr(req(e, 0))?;
                self.opt(node(e, 2))?;
            }
            Kind::JoinedStr => self.exprs(list(e, 0))?,
            Kind::Constant => {}
            Kind::Attribute => self.expr(req(e, 0))?,
            Kind::Subscript => {
                self.expr(req(e, 0))?;
                self.expr(req(e, 1))?;
            }
            Kind::Starred => self.expr(req(e, 0))?,
            Kind::Slice => {
                self.opt(node(e, 0))?;
                self.opt(node(e, 1))?;
                self.opt(node(e, 2))?;
            }
            Kind::Name => {
                let id = ident(e, 0).unwrap_or("");
                let load = crate::ast_util::ctx(e) == Kind::Load;
                self.def(id, if load { USE } else { DEF_LOCAL }, e.loc)?;
                // `super()` needs the implicit `__class__` cell of the enclosing class.
                if load && id == "super" && self.cur().kind == BlockKind::Function {
                    self.def("__class__", USE, e.loc)?;
                }
            }
            Kind::List | Kind::Tuple => self.exprs(list(e, 0))?,
            _ => {}
        }
        Ok(())
    }

    fn named_expr(&mut self, e: &Node) -> CompileResult<()> {
        if self.cur().comp_iter_expr > 0 {
            return Err(at("assignment expression cannot be used in a comprehension iterable expression", e.loc));
        }
        let target = req(e, 0);
        if self.cur().comprehension.is_some() {
            self.extend_named_expr_scope(target)?;
        }
        self.expr(req(e, 1))?;
        self.expr(target)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing non-comprehension scope.
    fn extend_named_expr_scope(&mut self, target: &Node) -> CompileResult<()> {
        let name = ident(target, 0).unwrap_or("");
        let loc = target.loc;
        for &bi in self.stack.clone().iter().rev() {
            let b = &self.blocks[bi];
            if b.comprehension.is_some() {
                if b.flags(name) & DEF_COMP_ITER != 0 {
                    return Err(at(format!("assignment expression cannot rebind comprehension iteration variable '{}'", name), loc));
                }
                continue;
            }
            match b.kind {
                BlockKind::Function => {
                    let global = b.flags(name) & DEF_GLOBAL != 0;
                    self.def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, loc)?;
                    self.cur().directives.push((name.to_string(), loc));
                    return self.def_in(bi, name, DEF_LOCAL, loc);
                }
                BlockKind::Module => {
                    self.def(name, DEF_GLOBAL, loc)?;
                    self.cur().directives.push((name.to_string(), loc));
                    return self.def_in(bi, name, DEF_GLOBAL, loc);
                }
                BlockKind::Class => {
                    return Err(at("assignment expression within a comprehension cannot be used in a class body", loc));
                }
                BlockKind::Annotation => return Ok(()),
            }
        }
        Ok(())
    }

    fn comprehension(&mut self, e: &Node, name: &str, kind: CompKind, gens: &[Value], elt: &Node, value: Option<&Node>) -> CompileResult<()> {
        let mut gens = gens.iter().filter_map(|v| v.as_node());
        let Some(first) = gens.next() else { return Ok(()) };
        // The first iterable is evaluated in the enclosing scope.
        self.cur().comp_iter_expr += 1;
        let r = self.expr(req(first, 1));
        self.cur().comp_iter_expr -= 1;
        r?;
        self.enter(BlockKind::Function, name, e.loc, e);
        {
            let b = self.cur();
            b.comprehension = Some(kind);
            if int(first, 3) != 0 {
                b.coroutine = true;
            }
        }
        self.def(".0", DEF_PARAM, e.loc)?;
        self.cur().comp_iter_target = true;
        let r = self.expr(req(first, 0));
        self.cur().comp_iter_target = false;
        r?;
        self.exprs(list(first, 2))?;
        for g in gens {
            self.cur().comp_iter_target = true;
            let r = self.expr(req(g, 0));
            self.cur().comp_iter_target = false;
            r?;
            self.cur().comp_iter_expr += 1;
            let r = self.expr(req(g, 1));
            self.cur().comp_iter_expr -= 1;
            r?;
            self.exprs(list(g, 2))?;
            if int(g, 3) != 0 {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let is_gen = kind == CompKind::Gen;
        let b = self.cur();
        b.generator = is_gen;
        let async_comp = b.coroutine && !is_gen;
        self.exit();
        if async_comp {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}

/// Resolve every name of block `bi` and its children; returns the block's free names.
fn analyze(blocks: &mut Vec<Block>, bi: usize, mut bound: Option<HashSet<String>>, mut global: HashSet<String>) -> CompileResult<HashSet<String>> {
    let kind = blocks[bi].kind;
    let mut local = HashSet::default();
    let mut free = HashSet::default();
    let mut scopes: Vec<Scope> = Vec::with_capacity(blocks[bi].symbols.len());
    let mut new_bound = HashSet::default();
    let mut new_global = HashSet::default();
    // A class body's own names are invisible to its methods: children see what the
    // class itself saw.
    if kind == BlockKind::Class {
        new_global = global.clone();
        if let Some(b) = &bound {
            new_bound = b.clone();
        }
    }
    for i in 0..blocks[bi].symbols.len() {
        let (name, flags) = &blocks[bi].symbols[i];
        let scope = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(at(format!("name '{}' is nonlocal and global", name), blocks[bi].directive_loc(name)));
            }
            global.insert(name.clone());
            if let Some(b) = &mut bound {
                b.remove(name);
            }
            Scope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            match &bound {
                None => return Err(at("nonlocal declaration not allowed at module level", blocks[bi].directive_loc(name))),
                Some(b) if !b.contains(name) => {
                    return Err(at(format!("no binding for nonlocal '{}' found", name), blocks[bi].directive_loc(name)))
                }
                _ => {}
            }
            free.insert(name.clone());
            Scope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            Scope::Local
        } else if bound.as_ref().map_or(false, |b| b.contains(name)) {
            free.insert(name.clone());
            Scope::Free
        } else {
            Scope::GlobalImplicit
        };
        scopes.push(scope);
    }
    if kind != BlockKind::Class {
        if kind == BlockKind::Function {
            new_bound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound {
            new_bound.extend(b.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    } else {
        new_bound.insert("__class__".to_string());
    }
    let mut new_free = HashSet::default();
    for ci in blocks[bi].children.clone() {
        let f = analyze(blocks, ci, Some(new_bound.clone()), new_global.clone())?;
        new_free.extend(f);
    }
    let b = &mut blocks[bi];
    match kind {
        BlockKind::Function => {
            // Locals captured by children become cells.
            for (i, s) in scopes.iter_mut().enumerate() {
                if *s == Scope::Local && new_free.remove(&b.symbols[i].0) {
                    *s = Scope::Cell;
                }
            }
        }
        BlockKind::Class => {
            if new_free.remove("__class__") {
                b.needs_class_closure = true;
            }
        }
        _ => {}
    }
    for (i, s) in scopes.iter().enumerate() {
        b.symbols[i].1 |= (*s as u32) << SCOPE_OFF;
    }
    // Free names of children pass through this block (in a stable order).
    let mut passing: Vec<String> = new_free.iter().cloned().collect();
    passing.sort();
    for name in passing {
        if let Some(&i) = b.index.get(&name) {
            if kind == BlockKind::Class && b.symbols[i].1 & (DEF_BOUND | DEF_GLOBAL) != 0 {
                b.symbols[i].1 |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(bd) = &bound {
            if !bd.contains(&name) {
                continue;
            }
        }
        b.set(&name, (Scope::Free as u32) << SCOPE_OFF);
    }
    free.extend(new_free);
    Ok(free)
}
