//! Code generation for statements, function and class definitions, and the unwinding of
//! `break`/`continue`/`return` through loops, `try` and `with`.

use crate::ast_util::{ident, int, is_docstring, list, node, nodes, req};
use crate::code::{CodeUnit, Constant, Position};
use crate::compile::{Compiler, FBlock, NameCtx, UnitKind};
use crate::error::{at, CompileResult};
use crate::opcode::{binop, make_fn, Op};
use crate::symtable::{BlockKind, Scope};
use ferropy_parser::ast::{Constant as AstConst, Kind, Loc, Node, Value};

impl<'a> Compiler<'a> {
    pub fn module_body(&mut self, module: &'a Node) -> CompileResult<()> {
        let body = list(module, 0);
        if find_annotations(body) {
            self.emit(Op::SETUP_ANNOTATIONS, 0);
        }
        self.body_with_docstring(body, true)?;
        // The implicit `return None` has no line of its own: it takes the line control
        // reaches it from (exit_lines.rs), where a tracer sees the module return.
        self.u().pos = Default::default();
        self.load_const(Constant::None);
        self.emit(Op::RETURN_VALUE, 0);
        Ok(())
    }

    /// Single mode: no docstring, every expression statement prints its value.
    pub fn interactive_body(&mut self, root: &'a Node) -> CompileResult<()> {
        let body = list(root, 0);
        if find_annotations(body) {
            self.emit(Op::SETUP_ANNOTATIONS, 0);
        }
        self.stmts(body)?;
        self.load_const(Constant::None);
        self.emit(Op::RETURN_VALUE, 0);
        Ok(())
    }

    /// Eval mode: the code returns the expression's value.
    pub fn expression_body(&mut self, root: &'a Node) -> CompileResult<()> {
        let e = req(root, 0);
        let saved = self.set_pos(e.loc);
        self.expr(e)?;
        self.emit(Op::RETURN_VALUE, 0);
        self.u().pos = saved;
        Ok(())
    }

    /// Module and class bodies: a leading docstring is stored as `__doc__`.
    fn body_with_docstring(&mut self, body: &'a [Value], store_doc: bool) -> CompileResult<()> {
        let mut rest = body;
        if let Some(first) = body.first().and_then(|v| v.as_node()) {
            if is_docstring(first) && store_doc {
                rest = &body[1..];
                if self.opts.optimize < 2 {
                    let saved = self.set_pos(first.loc);
                    self.expr(req(first, 0))?;
                    self.name_op("__doc__", NameCtx::Store, first.loc)?;
                    self.u().pos = saved;
                }
            }
        }
        self.stmts(rest)
    }

    pub fn stmts(&mut self, body: &'a [Value]) -> CompileResult<()> {
        for s in body.iter().filter_map(|v| v.as_node()) {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        let saved = self.set_pos(s.loc);
        let r = self.stmt_inner(s);
        self.u().pos = saved;
        r
    }

    fn stmt_inner(&mut self, s: &'a Node) -> CompileResult<()> {
        match s.kind {
            Kind::FunctionDef | Kind::AsyncFunctionDef => self.function_def(s),
            Kind::ClassDef => self.class_def(s),
            Kind::Return => self.return_stmt(s),
            Kind::Delete => {
                for t in nodes(s, 0) {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Kind::Assign => {
                self.expr(req(s, 1))?;
                let targets: Vec<&'a Node> = nodes(s, 0).collect();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::COPY, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Kind::AugAssign => self.aug_assign(s),
            Kind::AnnAssign => self.ann_assign(s),
            Kind::For => self.for_stmt(s),
            Kind::AsyncFor => self.async_for_stmt(s),
            Kind::While => self.while_stmt(s),
            Kind::If => self.if_stmt(s),
            Kind::With => self.with_stmt(s, 0, false),
            Kind::AsyncWith => {
                if !self.in_async_function() {
                    return Err(at("'async with' outside async function", s.loc));
                }
                self.with_stmt(s, 0, true)
            }
            Kind::Match => self.match_stmt(s),
            Kind::Raise => {
                let mut n = 0;
                if let Some(e) = node(s, 0) {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = node(s, 1) {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RAISE_VARARGS, n);
                Ok(())
            }
            Kind::Try => {
                if !list(s, 3).is_empty() {
                    self.try_finally(s, false)
                } else {
                    self.try_except(s)
                }
            }
            Kind::TryStar => {
                if !list(s, 3).is_empty() {
                    self.try_finally(s, true)
                } else {
                    self.try_star_except(s)
                }
            }
            Kind::Assert => self.assert_stmt(s),
            Kind::Import => self.import(s),
            Kind::ImportFrom => self.import_from(s),
            Kind::Global | Kind::Nonlocal => Ok(()),
            Kind::Pass => {
                self.emit(Op::NOP, 0); // a line event for tracing; dropped when redundant
                Ok(())
            }
            Kind::Expr => {
                let v = req(s, 0);
                if self.opts.interactive() && self.ub().kind == UnitKind::Module {
                    self.expr(v)?;
                    self.emit(Op::PRINT_EXPR, 0);
                    return Ok(());
                }
                if v.kind == Kind::Constant {
                    self.emit(Op::NOP, 0); // no effect; only its line event
                    return Ok(());
                }
                self.expr(v)?;
                self.emit(Op::POP_TOP, 0);
                Ok(())
            }
            Kind::Break => self.break_stmt(s.loc),
            Kind::Continue => self.continue_stmt(s.loc),
            _ => Err(at(format!("internal compiler error: unexpected statement {:?}", s.kind), s.loc)),
        }
    }

    pub fn in_async_function(&self) -> bool {
        matches!(self.ub().kind, UnitKind::AsyncFunction)
            || (self.ub().kind == UnitKind::Comprehension && self.st.blocks[self.ub().block].coroutine)
    }

    // ---- functions and classes ----

    fn decorators(&mut self, s: &'a Node, i: usize) -> CompileResult<usize> {
        let mut n = 0;
        for d in nodes(s, i) {
            self.expr(d)?;
            n += 1;
        }
        Ok(n)
    }

    fn apply_decorators(&mut self, n: usize) {
        for _ in 0..n {
            // [decorator, obj] -> decorator(obj): CALL 0 with a non-NULL callable slot.
            self.emit(Op::CALL, 0);
        }
    }

    /// Defaults tuple and kw-defaults dict of `args`; returns MAKE_FUNCTION flags.
    fn defaults(&mut self, args: &'a Node) -> CompileResult<u32> {
        let mut fl = 0;
        let defaults: Vec<&'a Node> = nodes(args, 6).collect();
        if !defaults.is_empty() {
            self.tuple_of(&defaults)?;
            fl |= make_fn::DEFAULTS;
        }
        let kwonly: Vec<&'a Node> = nodes(args, 3).collect();
        let kwd = list(args, 4);
        let mut n = 0;
        for (a, d) in kwonly.iter().zip(kwd.iter()) {
            if let Some(d) = d.as_node() {
                let name = crate::mangle::mangle(self.ub().private.as_deref(), ident(a, 0).unwrap_or("")).into_owned();
                self.load_const(Constant::Str(name.into_bytes().into()));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Op::BUILD_MAP, n);
            fl |= make_fn::KWDEFAULTS;
        }
        Ok(fl)
    }

    /// Argument annotations as a flat (name, value, ...) tuple; returns whether pushed.
    fn annotations(&mut self, args: &'a Node, returns: Option<&'a Node>) -> CompileResult<bool> {
        let mut n = 0;
        let mut one = |c: &mut Self, a: &'a Node| -> CompileResult<()> {
            if let Some(ann) = node(a, 1) {
                let name = crate::mangle::mangle(c.ub().private.as_deref(), ident(a, 0).unwrap_or("")).into_owned();
                c.load_const(Constant::Str(name.into_bytes().into()));
                c.annotation_value(ann)?;
                n += 1;
            }
            Ok(())
        };
        for a in nodes(args, 0).chain(nodes(args, 1)) {
            one(self, a)?;
        }
        if let Some(a) = node(args, 2) {
            one(self, a)?;
        }
        for a in nodes(args, 3) {
            one(self, a)?;
        }
        if let Some(a) = node(args, 5) {
            one(self, a)?;
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str(b"return".to_vec().into()));
            self.annotation_value(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BUILD_TUPLE, 2 * n);
        }
        Ok(n > 0)
    }

    /// An annotation's value: evaluated, or (PEP 563) its source text.
    pub fn annotation_value(&mut self, ann: &'a Node) -> CompileResult<()> {
        if self.st.future.annotations {
            let text = crate::unparse::unparse(ann);
            self.load_const(Constant::Str(text.into_bytes().into()));
            Ok(())
        } else if ann.kind == Kind::Starred {
            // `*args: *Ts` (PEP 646): the annotation is the single unpacked item.
            self.expr(req(ann, 0))?;
            self.emit(Op::UNPACK_SEQUENCE, 1);
            Ok(())
        } else {
            self.expr(ann)
        }
    }

    fn check_forbidden_args(&self, args: &'a Node) -> CompileResult<()> {
        // Reported at the def/lambda, as CPython does.
        let mut all: Vec<&'a Node> = nodes(args, 0).chain(nodes(args, 1)).chain(nodes(args, 3)).collect();
        all.extend(node(args, 2));
        all.extend(node(args, 5));
        for a in all {
            if ident(a, 0) == Some("__debug__") {
                return Err(self.err_here("cannot assign to __debug__"));
            }
        }
        Ok(())
    }

    fn function_def(&mut self, s: &'a Node) -> CompileResult<()> {
        let name = ident(s, 0).unwrap_or("");
        let args = req(s, 1);
        self.check_forbidden_args(args)?;
        let ndec = self.decorators(s, 3)?;
        let firstlineno = nodes(s, 3).next().map_or(s.loc.lineno, |d| d.loc.lineno);
        let mut fl = self.defaults(args)?;
        if self.annotations(args, node(s, 4))? {
            fl |= make_fn::ANNOTATIONS;
        }
        let block = self.block_for(s)?;
        let kind = if s.kind == Kind::AsyncFunctionDef { UnitKind::AsyncFunction } else { UnitKind::Function };
        self.enter_unit(kind, block, name, firstlineno);
        let body = list(s, 2);
        let mut rest = body;
        let doc = match body.first().and_then(|v| v.as_node()) {
            Some(first) if is_docstring(first) => {
                rest = &body[1..];
                if self.opts.optimize < 2 { const_of(req(first, 0)) } else { None }
            }
            _ => None,
        };
        // consts[0] is the docstring, or None so that no other str is taken for one.
        self.add_const(doc.unwrap_or(Constant::None));
        self.set_arg_counts(args);
        self.stmts(rest)?;
        // The implicit `return None` takes the line control reaches it from (exit_lines.rs).
        self.u().pos = Default::default();
        self.load_const(Constant::None);
        self.emit(Op::RETURN_VALUE, 0);
        let code = self.exit_unit()?;
        self.make_function(code, fl)?;
        self.apply_decorators(ndec);
        self.name_op(name, NameCtx::Store, s.loc)
    }

    fn set_arg_counts(&mut self, args: &'a Node) {
        let u = self.u();
        u.posonlyargcount = list(args, 0).len() as u32;
        u.argcount = u.posonlyargcount + list(args, 1).len() as u32;
        u.kwonlyargcount = list(args, 3).len() as u32;
    }

    pub fn lambda(&mut self, e: &'a Node) -> CompileResult<()> {
        let args = req(e, 0);
        self.check_forbidden_args(args)?;
        let fl = self.defaults(args)?;
        let block = self.block_for(e)?;
        self.enter_unit(UnitKind::Lambda, block, "<lambda>", e.loc.lineno);
        self.add_const(Constant::None);
        self.set_arg_counts(args);
        let body = req(e, 1);
        self.expr(body)?;
        let saved = self.set_pos(body.loc);
        // A generator lambda returns its body's value too (bpo-23192), as CPython 3.11.
        self.emit(Op::RETURN_VALUE, 0);
        self.u().pos = saved;
        let code = self.exit_unit()?;
        self.make_function(code, fl)
    }

    fn class_def(&mut self, s: &'a Node) -> CompileResult<()> {
        let name = ident(s, 0).unwrap_or("");
        let ndec = self.decorators(s, 4)?;
        let firstlineno = nodes(s, 4).next().map_or(s.loc.lineno, |d| d.loc.lineno);
        let block = self.block_for(s)?;
        self.enter_unit(UnitKind::Class, block, name, firstlineno);
        self.name_op("__name__", NameCtx::Load, s.loc)?;
        self.name_op("__module__", NameCtx::Store, s.loc)?;
        let qn = self.ub().qualname.clone();
        self.load_const(Constant::Str(qn.into_bytes().into()));
        self.name_op("__qualname__", NameCtx::Store, s.loc)?;
        let body = list(s, 3);
        if find_annotations(body) {
            self.emit(Op::SETUP_ANNOTATIONS, 0);
        }
        self.body_with_docstring(body, true)?;
        // What closes the body takes the line control reaches it from (exit_lines.rs).
        self.u().pos = Default::default();
        if self.st.blocks[block].needs_class_closure {
            let i = self.ub().cellvars.iter().position(|c| c == "__class__").unwrap() as u32;
            self.emit(Op::LOAD_CLOSURE, i);
            self.emit(Op::COPY, 1);
            let n = self.add_name("__classcell__");
            self.emit(Op::STORE_NAME, n);
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Op::RETURN_VALUE, 0);
        let code = self.exit_unit()?;
        self.emit(Op::PUSH_NULL, 0);
        self.emit(Op::LOAD_BUILD_CLASS, 0);
        self.make_function(code, 0)?;
        self.load_const(Constant::Str(name.as_bytes().to_vec().into()));
        // build_class(func, name, *bases, **keywords)
        self.call_helper(2, list(s, 1), list(s, 2), s.loc)?;
        self.apply_decorators(ndec);
        self.name_op(name, NameCtx::Store, s.loc)
    }

    // ---- assignment ----

    pub fn store_target(&mut self, t: &'a Node) -> CompileResult<()> {
        let saved = self.set_pos(t.loc);
        let r = self.store_target_inner(t);
        self.u().pos = saved;
        r
    }

    fn store_target_inner(&mut self, t: &'a Node) -> CompileResult<()> {
        match t.kind {
            Kind::Name => self.name_op(ident(t, 0).unwrap_or(""), NameCtx::Store, t.loc),
            Kind::Attribute => {
                let attr = ident(t, 1).unwrap_or("");
                if attr == "__debug__" {
                    return Err(at("cannot assign to __debug__", t.loc));
                }
                self.expr(req(t, 0))?;
                let i = self.add_mangled_name(attr);
                self.emit(Op::STORE_ATTR, i);
                Ok(())
            }
            Kind::Subscript => {
                self.expr(req(t, 0))?;
                self.subscript_key(req(t, 1))?;
                self.emit(Op::STORE_SUBSCR, 0);
                Ok(())
            }
            Kind::Tuple | Kind::List => self.unpack_into(list(t, 0), t.loc),
            Kind::Starred => Err(at("starred assignment target must be in a list or tuple", t.loc)),
            _ => Err(at(format!("internal compiler error: cannot store to {:?}", t.kind), t.loc)),
        }
    }

    pub fn unpack_into(&mut self, elts: &'a [Value], loc: Loc) -> CompileResult<()> {
        let elts: Vec<&'a Node> = elts.iter().filter_map(|v| v.as_node()).collect();
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if e.kind == Kind::Starred {
                if star.is_some() {
                    return Err(self.err_here("multiple starred expressions in assignment"));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 16) {
                    return Err(at("too many expressions in star-unpacking assignment", loc));
                }
                self.emit(Op::UNPACK_EX, (i as u32) | ((after as u32) << 8));
            }
            None => self.emit(Op::UNPACK_SEQUENCE, elts.len() as u32),
        }
        for e in elts {
            if e.kind == Kind::Starred {
                self.store_target(req(e, 0))?;
            } else {
                self.store_target(e)?;
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Node) -> CompileResult<()> {
        let saved = self.set_pos(t.loc);
        let r = match t.kind {
            Kind::Name => self.name_op(ident(t, 0).unwrap_or(""), NameCtx::Del, t.loc),
            Kind::Attribute => {
                self.expr(req(t, 0))?;
                let i = self.add_mangled_name(ident(t, 1).unwrap_or(""));
                self.emit(Op::DELETE_ATTR, i);
                Ok(())
            }
            Kind::Subscript => {
                self.expr(req(t, 0))?;
                self.subscript_key(req(t, 1))?;
                self.emit(Op::DELETE_SUBSCR, 0);
                Ok(())
            }
            Kind::Tuple | Kind::List => {
                for e in nodes(t, 0) {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            _ => Err(at(format!("internal compiler error: cannot delete {:?}", t.kind), t.loc)),
        };
        self.u().pos = saved;
        r
    }

    fn aug_assign(&mut self, s: &'a Node) -> CompileResult<()> {
        let t = req(s, 0);
        let op = binop_arg(req(s, 1).kind) + binop::INPLACE;
        match t.kind {
            Kind::Name => {
                let name = ident(t, 0).unwrap_or("");
                if name == "__debug__" {
                    return Err(at("cannot assign to __debug__", t.loc));
                }
                self.name_op(name, NameCtx::Load, t.loc)?;
                self.expr(req(s, 2))?;
                self.emit(Op::BINARY_OP, op);
                self.name_op(name, NameCtx::Store, t.loc)
            }
            Kind::Attribute => {
                self.expr(req(t, 0))?;
                self.emit(Op::COPY, 1);
                let i = self.add_mangled_name(ident(t, 1).unwrap_or(""));
                self.emit(Op::LOAD_ATTR, i);
                self.expr(req(s, 2))?;
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_ATTR, i);
                Ok(())
            }
            Kind::Subscript => {
                self.expr(req(t, 0))?;
                self.subscript_key(req(t, 1))?;
                self.emit(Op::COPY, 2);
                self.emit(Op::COPY, 2);
                self.emit(Op::BINARY_SUBSCR, 0);
                self.expr(req(s, 2))?;
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_SUBSCR, 0);
                Ok(())
            }
            _ => Err(at("internal compiler error: bad augmented assignment target", t.loc)),
        }
    }

    fn ann_assign(&mut self, s: &'a Node) -> CompileResult<()> {
        let t = req(s, 0);
        if let Some(v) = node(s, 2) {
            self.expr(v)?;
            self.store_target(t)?;
        }
        let ann = req(s, 1);
        let module_or_class = matches!(self.ub().kind, UnitKind::Module | UnitKind::Class);
        match t.kind {
            Kind::Name => {
                let name = ident(t, 0).unwrap_or("");
                if name == "__debug__" {
                    return Err(at("cannot assign to __debug__", t.loc));
                }
                if int(s, 3) != 0 && module_or_class {
                    self.annotation_value(ann)?;
                    let n = self.add_name("__annotations__");
                    self.emit(Op::LOAD_NAME, n);
                    let m = crate::mangle::mangle(self.ub().private.as_deref(), name).into_owned();
                    self.load_const(Constant::Str(m.into_bytes().into()));
                    self.emit(Op::STORE_SUBSCR, 0);
                }
            }
            Kind::Attribute | Kind::Subscript => {
                if node(s, 2).is_none() {
                    // The target's parts are still evaluated.
                    self.expr(req(t, 0))?;
                    self.emit(Op::POP_TOP, 0);
                    if t.kind == Kind::Subscript {
                        self.subscript_key(req(t, 1))?;
                        self.emit(Op::POP_TOP, 0);
                    }
                }
                if module_or_class && !self.st.future.annotations {
                    self.expr(ann)?;
                    self.emit(Op::POP_TOP, 0);
                }
            }
            _ => {}
        }
        Ok(())
    }

    // ---- control flow ----

    fn if_stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        let test = req(s, 0);
        let end = self.new_block();
        let orelse = list(s, 2);
        let next = if orelse.is_empty() { end } else { self.new_block() };
        self.jump_if(test, next, false)?;
        self.stmts(list(s, 1))?;
        if !orelse.is_empty() {
            self.emit_closing_jump(end);
            self.use_block(next);
            self.stmts(orelse)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn while_stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        let test = req(s, 0);
        let start = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.push_fblock(FBlock::WhileLoop { start, exit }, s.loc)?;
        // A constant test compiles to no jump (true) or a plain jump (false); the dead
        // code is still compiled, for its errors, and dropped as unreachable.
        self.jump_if(test, anchor, false)?;
        self.use_block(body);
        self.stmts(list(s, 1))?;
        self.emit_closing_jump(start);
        self.u().fblocks.pop();
        self.use_block(anchor);
        self.stmts(list(s, 2))?;
        self.use_block(exit);
        Ok(())
    }

    fn for_stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let exit = self.new_block();
        self.push_fblock(FBlock::ForLoop { start, exit }, s.loc)?;
        self.expr(req(s, 1))?;
        self.emit(Op::GET_ITER, 0);
        self.use_block(start);
        self.emit_jump(Op::FOR_ITER, cleanup);
        self.use_block(body);
        self.store_target(req(s, 0))?;
        self.stmts(list(s, 2))?;
        self.emit_closing_jump(start);
        self.use_block(cleanup);
        self.u().fblocks.pop();
        self.stmts(list(s, 3))?;
        self.use_block(exit);
        Ok(())
    }

    fn async_for_stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        if !self.in_async_function() {
            return Err(at("'async for' outside async function", s.loc));
        }
        let start = self.new_block();
        let except = self.new_block();
        let exit = self.new_block();
        self.expr(req(s, 1))?;
        self.emit(Op::GET_AITER, 0);
        self.use_block(start);
        self.push_fblock(FBlock::AsyncForLoop { start, exit }, s.loc)?;
        // The StopAsyncIteration of __anext__ ends the loop (END_ASYNC_FOR).
        self.push_handler(Op::SETUP_FINALLY, except, false);
        self.emit(Op::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from_loop(3)?;
        self.pop_handler();
        self.store_target(req(s, 0))?;
        self.stmts(list(s, 2))?;
        self.emit_jump(Op::JUMP, start);
        self.u().fblocks.pop();
        self.use_block(except);
        self.emit(Op::END_ASYNC_FOR, 0);
        self.stmts(list(s, 3))?;
        self.use_block(exit);
        Ok(())
    }

    fn loop_index(&self) -> Option<usize> {
        self.ub().fblocks.iter().rposition(|f| matches!(f, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. } | FBlock::AsyncForLoop { .. }))
    }

    fn break_stmt(&mut self, loc: Loc) -> CompileResult<()> {
        let Some(i) = self.loop_index() else { return Err(at("'break' outside loop", loc)) };
        // The statement's own line event, before any unwinding takes another line.
        self.emit(Op::NOP, 0);
        self.unwind_to(i + 1, false)?;
        let f = self.ub().fblocks[i];
        self.unwind_one(f, false)?;
        let exit = match f {
            FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } | FBlock::AsyncForLoop { exit, .. } => exit,
            _ => unreachable!(),
        };
        self.emit_jump(Op::JUMP, exit);
        self.restore_after_unwind();
        Ok(())
    }

    fn continue_stmt(&mut self, loc: Loc) -> CompileResult<()> {
        let Some(i) = self.loop_index() else { return Err(at("'continue' not properly in loop", loc)) };
        self.emit(Op::NOP, 0);
        self.unwind_to(i + 1, false)?;
        let start = match self.ub().fblocks[i] {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } | FBlock::AsyncForLoop { start, .. } => start,
            _ => unreachable!(),
        };
        self.emit_jump(Op::JUMP, start);
        self.restore_after_unwind();
        Ok(())
    }

    fn return_stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        if !self.is_function_like() || self.ub().kind == UnitKind::Module || self.ub().kind == UnitKind::Class {
            return Err(at("'return' outside function", s.loc));
        }
        let sb = &self.st.blocks[self.ub().block];
        let value = node(s, 0);
        if value.is_some() && sb.coroutine && sb.generator {
            return Err(at("'return' with value in async generator", s.loc));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => {}
        }
        let preserve = value.is_some();
        self.unwind_to(0, preserve)?;
        if !preserve {
            self.load_const(Constant::None);
        }
        self.emit(Op::RETURN_VALUE, 0);
        self.restore_after_unwind();
        Ok(())
    }

    /// Emit the exits of fblocks[from..] (innermost first), keeping TOS if `preserve`.
    /// The fblock and handler stacks are saved so the code after can restore them.
    fn unwind_to(&mut self, from: usize, preserve: bool) -> CompileResult<()> {
        let saved_f = self.ub().fblocks.clone();
        let saved_h = self.ub().handlers.clone();
        self.unwind_saves.push((saved_f, saved_h));
        while self.ub().fblocks.len() > from {
            let f = self.u().fblocks.pop().unwrap();
            self.unwind_one(f, preserve)?;
        }
        Ok(())
    }

    fn restore_after_unwind(&mut self) {
        let (f, h) = self.unwind_saves.pop().unwrap();
        self.u().fblocks = f;
        self.u().handlers = h;
        // Whatever follows a jump or return in the same block is unreachable.
        let b = self.new_block();
        self.use_block(b);
    }

    fn drop_handler(&mut self, h: u32) {
        let u = self.u();
        if let Some(i) = u.handlers.iter().rposition(|&x| x == h) {
            u.handlers.truncate(i);
        }
    }

    fn unwind_one(&mut self, f: FBlock<'a>, preserve: bool) -> CompileResult<()> {
        match f {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } | FBlock::AsyncForLoop { .. } => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
            }
            FBlock::TryExcept { handler } => self.drop_handler(handler),
            FBlock::FinallyTry { handler, body } => {
                // The unwinding statement's own line event comes first (CPython's POP_BLOCK
                // there); after the final body, what is left of the statement has no line
                // of its own (it returns or jumps from the final body's last line).
                self.emit(Op::NOP, 0);
                self.drop_handler(handler);
                if preserve {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve {
                    self.u().fblocks.pop();
                }
                self.u().pos = Position::default();
            }
            FBlock::FinallyEnd { handler } => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.drop_handler(handler);
                self.emit(Op::POP_EXCEPT, 0);
            }
            FBlock::With { handler, is_async, at } => {
                self.u().pos = at;
                self.drop_handler(handler);
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.call_exit_with_nones();
                if is_async {
                    self.emit(Op::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.yield_from_loop(3)?;
                }
                self.emit(Op::POP_TOP, 0);
            }
            FBlock::HandlerCleanup { handler, name_handler, name } => {
                if name.is_some() {
                    self.drop_handler(name_handler);
                }
                self.drop_handler(handler);
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.clear_name(n)?;
                }
            }
            FBlock::PopValue => {
                if preserve {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
            }
        }
        Ok(())
    }

    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Op::CALL, 2);
    }

    fn clear_name(&mut self, name: &str) -> CompileResult<()> {
        let l = Loc::default();
        self.load_const(Constant::None);
        self.name_op(name, NameCtx::Store, l)?;
        self.name_op(name, NameCtx::Del, l)
    }

    // ---- try ----

    /// try: body / except...: / else: / (no finally)
    fn try_except(&mut self, s: &'a Node) -> CompileResult<()> {
        let handler_blk = self.new_block();
        let cleanup = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        // The `try` line has its own line event, before the body.
        let try_pos = self.u().pos;
        self.emit(Op::NOP, 0);
        let h = self.push_handler(Op::SETUP_FINALLY, handler_blk, false);
        self.push_fblock(FBlock::TryExcept { handler: h }, s.loc)?;
        self.stmts(list(s, 0))?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.use_block(orelse);
        self.stmts(list(s, 2))?;
        self.emit_closing_jump(end);
        // [exc]
        self.use_block(handler_blk);
        let ch = self.push_handler(Op::SETUP_CLEANUP, cleanup, true);
        self.emit_artificial(Op::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler, s.loc)?;
        let handlers: Vec<&'a Node> = nodes(s, 1).collect();
        for (i, hn) in handlers.iter().enumerate() {
            let saved = self.set_pos(hn.loc);
            let typ = node(hn, 0);
            if typ.is_none() && i + 1 < handlers.len() {
                return Err(at("default 'except:' must be last", hn.loc));
            }
            let next = self.new_block();
            if let Some(t) = typ {
                self.expr(t)?;
                self.emit(Op::CHECK_EXC_MATCH, 0);
                self.emit_jump(Op::POP_JUMP_IF_FALSE, next);
            }
            self.handler_body(hn, ch, end, false)?;
            self.use_block(next);
            // The re-raise after the last clause is located at that clause, as CPython's.
            if i + 1 < handlers.len() {
                self.u().pos = saved;
            }
        }
        self.u().fblocks.pop();
        self.pop_handler();
        // No handler matched: [prev, exc] -> re-raise with the cleanup's handler active.
        self.u().handlers.push(ch);
        self.emit(Op::RERAISE, 0);
        self.u().handlers.pop();
        self.u().pos = try_pos;
        self.cleanup_block(cleanup);
        self.use_block(end);
        Ok(())
    }

    /// Body of one `except` clause; stack on entry [prev, exc].
    fn handler_body(&mut self, hn: &'a Node, ch: u32, end: u32, star: bool) -> CompileResult<()> {
        let name = ident(hn, 1);
        match name {
            Some(n) => {
                self.name_op(n, NameCtx::Store, hn.loc)?;
                let name_cleanup = self.new_block();
                let nh = self.push_handler(Op::SETUP_CLEANUP, name_cleanup, true);
                self.push_fblock(FBlock::HandlerCleanup { handler: ch, name_handler: nh, name: Some(n) }, hn.loc)?;
                self.stmts(list(hn, 2))?;
                self.u().fblocks.pop();
                self.pop_handler();
                // Leaving the handler: the cleanup handler no longer covers what follows.
                let saved = self.ub().handlers.clone();
                self.drop_handler(ch);
                // Artificial, as CPython 3.11's (no line event of its own: it takes the line
                // control comes from, exit_lines.rs).
                let saved_pos = std::mem::take(&mut self.u().pos);
                if !star {
                    self.emit(Op::POP_EXCEPT, 0);
                }
                self.clear_name(n)?;
                self.emit_jump(Op::JUMP, end);
                self.u().pos = saved_pos;
                self.u().handlers = saved;
                // Exception inside the body: clear the name, re-raise.
                self.use_block(name_cleanup);
                let saved_pos = std::mem::take(&mut self.u().pos);
                self.clear_name(n)?;
                self.emit(Op::RERAISE, 1);
                self.u().pos = saved_pos;
            }
            None => {
                self.emit(Op::POP_TOP, 0);
                self.push_fblock(FBlock::HandlerCleanup { handler: ch, name_handler: 0, name: None }, hn.loc)?;
                self.stmts(list(hn, 2))?;
                self.u().fblocks.pop();
                let saved = self.ub().handlers.clone();
                self.drop_handler(ch);
                let saved_pos = std::mem::take(&mut self.u().pos);
                if !star {
                    self.emit(Op::POP_EXCEPT, 0);
                }
                self.emit_jump(Op::JUMP, end);
                self.u().pos = saved_pos;
                self.u().handlers = saved;
            }
        }
        Ok(())
    }

    /// [prev, lasti, exc]: restore the previous exception and re-raise.
    fn cleanup_block(&mut self, cleanup: u32) {
        self.use_block(cleanup);
        let saved = std::mem::take(&mut self.u().pos);
        self.emit(Op::COPY, 3);
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::RERAISE, 1);
        self.u().pos = saved;
    }

    fn try_finally(&mut self, s: &'a Node, star: bool) -> CompileResult<()> {
        let finalbody = list(s, 3);
        let end = self.new_block();
        let exc = self.new_block();
        let cleanup = self.new_block();
        self.emit(Op::NOP, 0);
        let h = self.push_handler(Op::SETUP_FINALLY, exc, false);
        self.push_fblock(FBlock::FinallyTry { handler: h, body: finalbody }, s.loc)?;
        if !list(s, 1).is_empty() {
            if star { self.try_star_except(s)? } else { self.try_except(s)? }
        } else {
            self.stmts(list(s, 0))?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        self.stmts(finalbody)?;
        self.emit_closing_jump(end);
        // Exceptional path: [exc]
        self.use_block(exc);
        let ch = self.push_handler(Op::SETUP_CLEANUP, cleanup, true);
        self.emit_artificial(Op::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::FinallyEnd { handler: ch }, s.loc)?;
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.emit_at_last_pos(Op::RERAISE, 0);
        self.pop_handler();
        self.cleanup_block(cleanup);
        self.use_block(end);
        Ok(())
    }

    /// try: ... except* T: ... (exception groups).
    fn try_star_except(&mut self, s: &'a Node) -> CompileResult<()> {
        let handler_blk = self.new_block();
        let cleanup = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let reraise_star = self.new_block();
        // The `try` line's own event comes before the body (as for `except`); the way out
        // after the body and `else` has no line of its own.
        self.emit(Op::NOP, 0);
        let h = self.push_handler(Op::SETUP_FINALLY, handler_blk, false);
        self.push_fblock(FBlock::TryExcept { handler: h }, s.loc)?;
        self.stmts(list(s, 0))?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.use_block(orelse);
        self.stmts(list(s, 2))?;
        self.emit_closing_jump(end);
        // [exc]
        self.use_block(handler_blk);
        self.push_handler(Op::SETUP_CLEANUP, cleanup, true);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler, s.loc)?;
        // [prev, orig] -> [prev, orig, raised-list, rest]
        self.emit(Op::BUILD_LIST, 0);
        self.emit(Op::COPY, 2);
        let handlers: Vec<&'a Node> = nodes(s, 1).collect();
        for hn in handlers.iter() {
            let saved = self.set_pos(hn.loc);
            let next = self.new_block();
            let no_match = self.new_block();
            let after_body = self.new_block();
            let raised = self.new_block();
            let Some(t) = node(hn, 0) else { return Err(at("expected 'except' or 'finally' block", hn.loc)) };
            self.expr(t)?;
            // [.., rest, type] -> [.., rest', match]
            self.emit(Op::CHECK_EG_MATCH, 0);
            self.emit(Op::COPY, 1);
            self.emit_jump(Op::POP_JUMP_IF_NONE, no_match);
            // A handler body's own exception goes into the raised list.
            let name = ident(hn, 1);
            match name {
                Some(n) => self.name_op(n, NameCtx::Store, hn.loc)?,
                None => self.emit(Op::POP_TOP, 0),
            }
            let bh = self.push_handler(Op::SETUP_CLEANUP, raised, true);
            self.push_fblock(FBlock::HandlerCleanup { handler: bh, name_handler: bh, name }, hn.loc)?;
            for st in nodes(hn, 2) {
                if matches!(st.kind, Kind::Break | Kind::Continue | Kind::Return) {
                    return Err(at("'break', 'continue' and 'return' cannot appear in an except* block", st.loc));
                }
            }
            self.stmts(list(hn, 2))?;
            self.u().fblocks.pop();
            self.pop_handler();
            self.use_block(after_body);
            if let Some(n) = name {
                self.clear_name(n)?;
            }
            self.emit_jump(Op::JUMP, next);
            // [prev, orig, list, rest, lasti, exc]
            self.use_block(raised);
            if let Some(n) = name {
                self.clear_name(n)?;
            }
            self.emit(Op::LIST_APPEND, 3);
            self.emit(Op::POP_TOP, 0);
            self.emit_jump(Op::JUMP, next);
            // [.., rest, None]
            self.use_block(no_match);
            self.emit(Op::POP_TOP, 0);
            self.use_block(next);
            self.u().pos = saved;
        }
        self.u().fblocks.pop();
        // [prev, orig, list, rest] -> [prev, exc-or-None]
        self.emit(Op::LIST_APPEND, 1);
        self.emit(Op::PREP_RERAISE_STAR, 0);
        self.emit(Op::COPY, 1);
        self.emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise_star);
        self.emit(Op::POP_TOP, 0);
        self.pop_handler();
        self.emit(Op::POP_EXCEPT, 0);
        self.emit_jump(Op::JUMP, end);
        self.use_block(reraise_star);
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::RERAISE, 0);
        self.cleanup_block(cleanup);
        self.use_block(end);
        Ok(())
    }

    // ---- with ----

    fn with_stmt(&mut self, s: &'a Node, item: usize, is_async: bool) -> CompileResult<()> {
        let items: Vec<&'a Node> = nodes(s, 0).collect();
        let it = items[item];
        let exc = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.expr(req(it, 0))?;
        if is_async {
            self.emit(Op::BEFORE_ASYNC_WITH, 0);
            self.emit(Op::GET_AWAITABLE, 1);
            self.load_const(Constant::None);
            self.yield_from_loop(3)?;
        } else {
            self.emit(Op::BEFORE_WITH, 0);
        }
        // [exit, value]
        let h = self.push_handler(Op::SETUP_WITH, exc, true);
        self.push_fblock(FBlock::With { handler: h, is_async, at: crate::compile::pos_of(s.loc) }, s.loc)?;
        match node(it, 1) {
            Some(t) => self.store_target(t)?,
            None => self.emit(Op::POP_TOP, 0),
        }
        if item + 1 < items.len() {
            self.with_stmt(s, item + 1, is_async)?;
        } else {
            self.stmts(list(s, 1))?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        let saved = self.set_pos(s.loc);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.yield_from_loop(3)?;
        }
        self.emit(Op::POP_TOP, 0);
        self.emit_jump(Op::JUMP, end);
        // [exit, lasti, exc]
        self.use_block(exc);
        self.push_handler(Op::SETUP_CLEANUP, cleanup, true);
        self.emit(Op::PUSH_EXC_INFO, 0);
        self.emit(Op::WITH_EXCEPT_START, 0);
        if is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.yield_from_loop(3)?;
        }
        let suppress = self.new_block();
        self.emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
        self.emit(Op::RERAISE, 2);
        self.use_block(suppress);
        self.emit(Op::POP_TOP, 0);
        self.pop_handler();
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::POP_TOP, 0);
        self.emit(Op::POP_TOP, 0);
        self.emit_jump(Op::JUMP, end);
        self.cleanup_block(cleanup);
        self.u().pos = saved;
        self.use_block(end);
        Ok(())
    }

    // ---- misc ----

    fn assert_stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        self.check_assert(s);
        if self.opts.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(req(s, 0), end, true)?;
        self.emit(Op::LOAD_ASSERTION_ERROR, 0);
        if let Some(m) = node(s, 1) {
            self.expr(m)?;
            self.emit(Op::CALL, 0);
        }
        self.emit(Op::RAISE_VARARGS, 1);
        self.use_block(end);
        Ok(())
    }

    fn import(&mut self, s: &'a Node) -> CompileResult<()> {
        for a in nodes(s, 0) {
            let saved = self.set_pos(a.loc);
            let name = ident(a, 0).unwrap_or("");
            self.load_const(Constant::Int("0".into()));
            self.load_const(Constant::None);
            let i = self.add_name(name);
            self.emit(Op::IMPORT_NAME, i);
            match ident(a, 1) {
                Some(asname) => {
                    let parts: Vec<&str> = name.split('.').collect();
                    for (k, p) in parts.iter().enumerate().skip(1) {
                        let j = self.add_name(p);
                        self.emit(Op::IMPORT_FROM, j);
                        if k + 1 < parts.len() {
                            self.emit(Op::SWAP, 2);
                            self.emit(Op::POP_TOP, 0);
                        }
                    }
                    if parts.len() > 1 {
                        self.emit(Op::SWAP, 2);
                        self.emit(Op::POP_TOP, 0);
                    }
                    self.name_op(asname, NameCtx::Store, a.loc)?;
                }
                None => {
                    let first = name.split('.').next().unwrap_or(name);
                    self.name_op(first, NameCtx::Store, a.loc)?;
                }
            }
            self.u().pos = saved;
        }
        Ok(())
    }

    fn import_from(&mut self, s: &'a Node) -> CompileResult<()> {
        let module = ident(s, 0);
        if module == Some("__future__") && int(s, 2) == 0 && s.loc.lineno > self.st.future.last_lineno {
            return Err(at(crate::future::MISPLACED, s.loc));
        }
        let names: Vec<&'a Node> = nodes(s, 1).collect();
        self.load_const(Constant::Int(int(s, 2).to_string()));
        let tuple: Vec<Constant> = names.iter().map(|a| Constant::Str(ident(a, 0).unwrap_or("").as_bytes().to_vec().into())).collect();
        self.load_const(Constant::Tuple(tuple.into()));
        let i = self.add_name(module.unwrap_or(""));
        self.emit(Op::IMPORT_NAME, i);
        if names.len() == 1 && ident(names[0], 0) == Some("*") {
            self.emit(Op::IMPORT_STAR, 0);
            return Ok(());
        }
        for a in names {
            let name = ident(a, 0).unwrap_or("");
            let j = self.add_name(name);
            self.emit(Op::IMPORT_FROM, j);
            self.name_op(ident(a, 1).unwrap_or(name), NameCtx::Store, a.loc)?;
        }
        self.emit(Op::POP_TOP, 0);
        Ok(())
    }

    pub fn is_class_or_module_scope(&self) -> bool {
        matches!(self.st.blocks[self.ub().block].kind, BlockKind::Module | BlockKind::Class)
    }

    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.st.blocks[self.ub().block].scope(name)
    }
}

/// Whether a body has a simple annotated name at its own level (`SETUP_ANNOTATIONS`).
pub fn find_annotations(body: &[Value]) -> bool {
    body.iter().filter_map(|v| v.as_node()).any(|s| match s.kind {
        Kind::AnnAssign => true,
        Kind::For | Kind::AsyncFor | Kind::While | Kind::If => find_annotations(list(s, if s.kind == Kind::While || s.kind == Kind::If { 1 } else { 2 })) || find_annotations(list(s, if s.kind == Kind::While || s.kind == Kind::If { 2 } else { 3 })),
        Kind::With | Kind::AsyncWith => find_annotations(list(s, 1)),
        Kind::Try | Kind::TryStar => {
            find_annotations(list(s, 0))
                || find_annotations(list(s, 2))
                || find_annotations(list(s, 3))
                || nodes(s, 1).any(|h| find_annotations(list(h, 2)))
        }
        Kind::Match => nodes(s, 1).any(|c| find_annotations(list(c, 2))),
        _ => false,
    })
}

/// The constant of a `Constant` node.
pub fn const_of(e: &Node) -> Option<Constant> {
    if e.kind != Kind::Constant {
        return None;
    }
    Some(match e.fields.first()? {
        Value::Const(c) => ast_const(c),
        _ => return None,
    })
}

pub fn ast_const(c: &AstConst) -> Constant {
    match c {
        AstConst::None => Constant::None,
        AstConst::True => Constant::Bool(true),
        AstConst::False => Constant::Bool(false),
        AstConst::Ellipsis => Constant::Ellipsis,
        AstConst::Int(s) => Constant::Int(s.clone()),
        AstConst::Float(f) => Constant::Float(*f),
        AstConst::Complex(i) => Constant::Complex { real: 0.0, imag: *i },
        AstConst::Str(s) => Constant::Str(s.clone().into()),
        AstConst::Bytes(b) => Constant::Bytes(b.clone().into()),
    }
}

pub fn binop_arg(k: Kind) -> u32 {
    match k {
        Kind::Add => binop::ADD,
        Kind::BitAnd => binop::AND,
        Kind::FloorDiv => binop::FLOOR_DIVIDE,
        Kind::LShift => binop::LSHIFT,
        Kind::MatMult => binop::MATRIX_MULTIPLY,
        Kind::Mult => binop::MULTIPLY,
        Kind::Mod => binop::REMAINDER,
        Kind::BitOr => binop::OR,
        Kind::Pow => binop::POWER,
        Kind::RShift => binop::RSHIFT,
        Kind::Sub => binop::SUBTRACT,
        Kind::Div => binop::TRUE_DIVIDE,
        _ => binop::XOR,
    }
}

#[allow(dead_code)]
fn _unused(_: CodeUnit) {}
