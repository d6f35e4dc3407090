//! Code generation for expressions: operators, conditions (with jumps instead of booleans
//! where possible), calls, collections, f-strings, comprehensions, yield and await.

use crate::ast_util::{ident, int, list, node, nodes, req};
use crate::code::Constant;
use crate::compile::{Compiler, NameCtx, UnitKind};
use crate::compile_stmt::binop_arg;
use crate::error::{at, CompileResult};
use crate::fold::fold;
use crate::opcode::Op;
use crate::symtable::{BlockKind, CompKind};
use ferropy_parser::ast::{Kind, Loc, Node, Value};

/// Above this many items, collections and calls are built incrementally so the value
/// stack stays small (CPython's STACK_USE_GUARDRAIL).
const STACK_GUARD: usize = 30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Coll {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Node) -> CompileResult<()> {
        let saved = self.set_pos(e.loc);
        let r = self.expr_inner(e);
        self.u().pos = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Node) -> CompileResult<()> {
        if let Some(c) = fold(e, self.opts.optimize) {
            self.load_const(c);
            return Ok(());
        }
        match e.kind {
            Kind::Constant => {
                let c = crate::compile_stmt::const_of(e).unwrap_or(Constant::None);
                self.load_const(c);
            }
            Kind::Name => self.name_op(ident(e, 0).unwrap_or(""), NameCtx::Load, e.loc)?,
            Kind::BoolOp => {
                let end = self.new_block();
                let op = if req(e, 0).kind == Kind::And { Op::JUMP_IF_FALSE_OR_POP } else { Op::JUMP_IF_TRUE_OR_POP };
                let values: Vec<&'a Node> = nodes(e, 1).collect();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.emit_jump(op, end);
                    }
                }
                self.use_block(end);
            }
            Kind::BinOp => {
                self.expr(req(e, 0))?;
                self.expr(req(e, 2))?;
                self.emit(Op::BINARY_OP, binop_arg(req(e, 1).kind));
            }
            Kind::UnaryOp => {
                self.expr(req(e, 1))?;
                let op = match req(e, 0).kind {
                    Kind::Not => Op::UNARY_NOT,
                    Kind::USub => Op::UNARY_NEGATIVE,
                    Kind::UAdd => Op::UNARY_POSITIVE,
                    _ => Op::UNARY_INVERT,
                };
                self.emit(op, 0);
            }
            Kind::Lambda => self.lambda(e)?,
            Kind::IfExp => {
                let orelse = self.new_block();
                let end = self.new_block();
                self.jump_if(req(e, 0), orelse, false)?;
                self.expr(req(e, 1))?;
                self.emit_jump(Op::JUMP, end);
                self.use_block(orelse);
                self.expr(req(e, 2))?;
                self.use_block(end);
            }
            Kind::Dict => self.dict(e)?,
            Kind::Set => self.collection(list(e, 0), Coll::Set, 0)?,
            Kind::List => self.collection(list(e, 0), Coll::List, 0)?,
            Kind::Tuple => self.collection(list(e, 0), Coll::Tuple, 0)?,
            Kind::ListComp | Kind::SetComp | Kind::DictComp | Kind::GeneratorExp => self.comprehension(e)?,
            Kind::Await => {
                let bk = self.st.blocks[self.ub().block].kind;
                if bk != BlockKind::Function {
                    return Err(at("'await' outside function", e.loc));
                }
                if !matches!(self.ub().kind, UnitKind::AsyncFunction | UnitKind::Comprehension) {
                    return Err(at("'await' outside async function", e.loc));
                }
                self.expr(req(e, 0))?;
                self.emit(Op::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.yield_from_loop(3)?;
            }
            Kind::Yield => {
                if self.st.blocks[self.ub().block].kind != BlockKind::Function {
                    return Err(at("'yield' outside function", e.loc));
                }
                match node(e, 0) {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                if self.st.blocks[self.ub().block].coroutine {
                    self.emit(Op::ASYNC_GEN_WRAP, 0);
                }
                self.emit(Op::YIELD_VALUE, 0);
                self.emit(Op::RESUME, 1);
            }
            Kind::YieldFrom => {
                if self.st.blocks[self.ub().block].kind != BlockKind::Function {
                    return Err(at("'yield' outside function", e.loc));
                }
                if self.ub().kind == UnitKind::AsyncFunction {
                    return Err(at("'yield from' inside async function", e.loc));
                }
                self.expr(req(e, 0))?;
                self.emit(Op::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.yield_from_loop(2)?;
            }
            Kind::Compare => {
                self.check_compare(e);
                self.compare(e)?
            }
            Kind::Call => {
                self.check_call(e);
                self.call(e)?
            }
            Kind::FormattedValue => self.formatted(e)?,
            Kind::JoinedStr => self.joined(e)?,
            Kind::Attribute => {
                self.expr(req(e, 0))?;
                let i = self.add_mangled_name(ident(e, 1).unwrap_or(""));
                self.emit(Op::LOAD_ATTR, i);
            }
            Kind::Subscript => {
                self.check_subscript(e);
                self.expr(req(e, 0))?;
                self.subscript_key(req(e, 1))?;
                self.emit(Op::BINARY_SUBSCR, 0);
            }
            Kind::Starred => return Err(at("can't use starred expression here", e.loc)),
            Kind::Slice => self.build_slice(e)?,
            Kind::NamedExpr => {
                self.expr(req(e, 1))?;
                self.emit(Op::COPY, 1);
                let t = req(e, 0);
                self.store_target(t)?;
            }
            _ => return Err(at(format!("internal compiler error: unexpected expression {:?}", e.kind), e.loc)),
        }
        Ok(())
    }

    /// [receiver, value] -> [result], yielding what the receiver yields.
    pub fn yield_from_loop(&mut self, resume: u32) -> CompileResult<()> {
        let start = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.emit_jump(Op::SEND, exit);
        self.emit(Op::YIELD_VALUE, 0);
        self.emit(Op::RESUME, resume);
        self.emit_jump(Op::JUMP_NO_INTERRUPT, start);
        self.use_block(exit);
        Ok(())
    }

    pub fn constant_truth(&self, e: &Node) -> Option<bool> {
        fold(e, self.opts.optimize).and_then(|c| c.truthy())
    }

    /// Jump to `target` if `e` is truthy (`cond`) / falsy (`!cond`); fall through otherwise.
    pub fn jump_if(&mut self, e: &'a Node, target: u32, cond: bool) -> CompileResult<()> {
        let saved = self.set_pos(e.loc);
        let r = self.jump_if_inner(e, target, cond);
        self.u().pos = saved;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Node, target: u32, cond: bool) -> CompileResult<()> {
        if let Some(t) = self.constant_truth(e) {
            // The folded test keeps its line event (`if False:`, `while 1:` on each turn,
            // `assert True`), as CPython's folding leaves a NOP there.
            self.emit(Op::NOP, 0);
            if t == cond {
                self.emit_jump(Op::JUMP, target);
            }
            return Ok(());
        }
        match e.kind {
            Kind::UnaryOp if req(e, 0).kind == Kind::Not => return self.jump_if(req(e, 1), target, !cond),
            Kind::BoolOp => {
                let is_or = req(e, 0).kind == Kind::Or;
                let values: Vec<&'a Node> = nodes(e, 1).collect();
                if cond == is_or {
                    for v in values {
                        self.jump_if(v, target, cond)?;
                    }
                } else {
                    let next = self.new_block();
                    for v in &values[..values.len() - 1] {
                        self.jump_if(v, next, !cond)?;
                    }
                    self.jump_if(values[values.len() - 1], target, cond)?;
                    self.use_block(next);
                }
                return Ok(());
            }
            Kind::IfExp => {
                let end = self.new_block();
                let orelse = self.new_block();
                self.jump_if(req(e, 0), orelse, false)?;
                self.jump_if(req(e, 1), target, cond)?;
                self.emit_jump(Op::JUMP, end);
                self.use_block(orelse);
                self.jump_if(req(e, 2), target, cond)?;
                self.use_block(end);
                return Ok(());
            }
            Kind::Compare if list(e, 1).len() > 1 => {
                self.check_compare(e);
                let ops: Vec<Kind> = list(e, 1).iter().filter_map(|v| v.as_node()).map(|n| n.kind).collect();
                let comps: Vec<&'a Node> = nodes(e, 2).collect();
                let cleanup = self.new_block();
                let end = self.new_block();
                self.expr(req(e, 0))?;
                for i in 0..comps.len() - 1 {
                    self.expr(comps[i])?;
                    self.emit(Op::SWAP, 2);
                    self.emit(Op::COPY, 2);
                    self.compare_op(ops[i]);
                    self.emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(comps[comps.len() - 1])?;
                self.compare_op(ops[ops.len() - 1]);
                self.emit_jump(if cond { Op::POP_JUMP_IF_TRUE } else { Op::POP_JUMP_IF_FALSE }, target);
                self.emit_jump(Op::JUMP, end);
                self.use_block(cleanup);
                self.emit(Op::POP_TOP, 0);
                if !cond {
                    self.emit_jump(Op::JUMP, target);
                }
                self.use_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit_jump(if cond { Op::POP_JUMP_IF_TRUE } else { Op::POP_JUMP_IF_FALSE }, target);
        Ok(())
    }

    fn compare_op(&mut self, k: Kind) {
        match k {
            Kind::Lt => self.emit(Op::COMPARE_OP, 0),
            Kind::LtE => self.emit(Op::COMPARE_OP, 1),
            Kind::Eq => self.emit(Op::COMPARE_OP, 2),
            Kind::NotEq => self.emit(Op::COMPARE_OP, 3),
            Kind::Gt => self.emit(Op::COMPARE_OP, 4),
            Kind::GtE => self.emit(Op::COMPARE_OP, 5),
            Kind::Is => self.emit(Op::IS_OP, 0),
            Kind::IsNot => self.emit(Op::IS_OP, 1),
            Kind::In => self.emit(Op::CONTAINS_OP, 0),
            _ => self.emit(Op::CONTAINS_OP, 1),
        }
    }

    fn compare(&mut self, e: &'a Node) -> CompileResult<()> {
        let ops: Vec<Kind> = list(e, 1).iter().filter_map(|v| v.as_node()).map(|n| n.kind).collect();
        let comps: Vec<&'a Node> = nodes(e, 2).collect();
        self.expr(req(e, 0))?;
        if comps.len() == 1 {
            self.expr(comps[0])?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        let end = self.new_block();
        for i in 0..comps.len() - 1 {
            self.expr(comps[i])?;
            self.emit(Op::SWAP, 2);
            self.emit(Op::COPY, 2);
            self.compare_op(ops[i]);
            self.emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.expr(comps[comps.len() - 1])?;
        self.compare_op(ops[ops.len() - 1]);
        self.emit_jump(Op::JUMP, end);
        self.use_block(cleanup);
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    pub fn subscript_key(&mut self, k: &'a Node) -> CompileResult<()> {
        if k.kind == Kind::Slice {
            let saved = self.set_pos(k.loc);
            let r = self.build_slice(k);
            self.u().pos = saved;
            r
        } else {
            self.expr(k)
        }
    }

    fn build_slice(&mut self, s: &'a Node) -> CompileResult<()> {
        for i in 0..2 {
            match node(s, i) {
                Some(x) => self.expr(x)?,
                None => self.load_const(Constant::None),
            }
        }
        match node(s, 2) {
            Some(x) => {
                self.expr(x)?;
                self.emit(Op::BUILD_SLICE, 3);
            }
            None => self.emit(Op::BUILD_SLICE, 2),
        }
        Ok(())
    }

    /// Push a tuple of these expressions (a constant if they all fold).
    pub fn tuple_of(&mut self, items: &[&'a Node]) -> CompileResult<()> {
        let consts: Option<Vec<Constant>> = items.iter().map(|e| fold(e, self.opts.optimize)).collect();
        if let Some(c) = consts {
            self.load_const(Constant::Tuple(c.into()));
            return Ok(());
        }
        for e in items {
            self.expr(e)?;
        }
        self.emit(Op::BUILD_TUPLE, items.len() as u32);
        Ok(())
    }

    /// List/tuple/set display; `pushed` items already on the stack belong at its front.
    fn collection(&mut self, elts: &'a [Value], kind: Coll, pushed: u32) -> CompileResult<()> {
        let elts: Vec<&'a Node> = elts.iter().filter_map(|v| v.as_node()).collect();
        let starred = elts.iter().any(|e| e.kind == Kind::Starred);
        if !starred && elts.len() + pushed as usize <= STACK_GUARD {
            if kind == Coll::List && pushed == 0 && elts.len() > 2 {
                let consts: Option<Vec<Constant>> = elts.iter().map(|e| fold(e, self.opts.optimize)).collect();
                if let Some(c) = consts {
                    self.emit(Op::BUILD_LIST, 0);
                    self.load_const(Constant::Tuple(c.into()));
                    self.emit(Op::LIST_EXTEND, 1);
                    return Ok(());
                }
            }
            for e in &elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32 + pushed;
            self.emit(match kind { Coll::List => Op::BUILD_LIST, Coll::Tuple => Op::BUILD_TUPLE, Coll::Set => Op::BUILD_SET }, n);
            return Ok(());
        }
        let set = kind == Coll::Set;
        self.emit(if set { Op::BUILD_SET } else { Op::BUILD_LIST }, pushed);
        for e in &elts {
            if e.kind == Kind::Starred {
                self.expr(req(e, 0))?;
                self.emit(if set { Op::SET_UPDATE } else { Op::LIST_EXTEND }, 1);
            } else {
                self.expr(e)?;
                self.emit(if set { Op::SET_ADD } else { Op::LIST_APPEND }, 1);
            }
        }
        if kind == Coll::Tuple {
            self.emit(Op::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn dict(&mut self, e: &'a Node) -> CompileResult<()> {
        let keys = list(e, 0);
        let values: Vec<&'a Node> = nodes(e, 1).collect();
        let has_unpack = keys.iter().any(|k| matches!(k, Value::None));
        if !has_unpack && values.len() > 1 && values.len() <= STACK_GUARD {
            let consts: Option<Vec<Constant>> = keys.iter().map(|k| k.as_node().and_then(|k| fold(k, self.opts.optimize))).collect();
            if let Some(c) = consts {
                for v in &values {
                    self.expr(v)?;
                }
                self.load_const(Constant::Tuple(c.into()));
                self.emit(Op::BUILD_CONST_KEY_MAP, values.len() as u32);
                return Ok(());
            }
        }
        let mut have = false;
        let mut pending = 0u32;
        for (k, v) in keys.iter().zip(values.iter()) {
            match k.as_node() {
                None => {
                    if pending > 0 {
                        self.emit(Op::BUILD_MAP, pending);
                        if have {
                            self.emit(Op::DICT_UPDATE, 1);
                        }
                        have = true;
                        pending = 0;
                    }
                    if !have {
                        self.emit(Op::BUILD_MAP, 0);
                        have = true;
                    }
                    self.expr(v)?;
                    self.emit(Op::DICT_UPDATE, 1);
                }
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    pending += 1;
                    if pending as usize >= STACK_GUARD / 2 {
                        self.emit(Op::BUILD_MAP, pending);
                        if have {
                            self.emit(Op::DICT_UPDATE, 1);
                        }
                        have = true;
                        pending = 0;
                    }
                }
            }
        }
        if pending > 0 || !have {
            self.emit(Op::BUILD_MAP, pending);
            if have {
                self.emit(Op::DICT_UPDATE, 1);
            }
        }
        Ok(())
    }

    // ---- calls ----

    fn call(&mut self, e: &'a Node) -> CompileResult<()> {
        let func = req(e, 0);
        let args = list(e, 1);
        let kws = list(e, 2);
        let simple = !args.iter().filter_map(|v| v.as_node()).any(|a| a.kind == Kind::Starred)
            && !kws.iter().filter_map(|v| v.as_node()).any(|k| ident(k, 0).is_none())
            && args.len() + kws.len() < STACK_GUARD;
        if func.kind == Kind::Attribute && simple {
            self.expr(req(func, 0))?;
            let saved = self.set_pos(func.loc);
            let i = self.add_mangled_name(ident(func, 1).unwrap_or(""));
            self.emit(Op::LOAD_METHOD, i);
            self.u().pos = saved;
            return self.call_helper(0, args, kws, e.loc);
        }
        if func.kind == Kind::Name && self.load_global_with_null(func)? {
            return self.call_helper(0, args, kws, e.loc);
        }
        self.emit(Op::PUSH_NULL, 0);
        self.expr(func)?;
        self.call_helper(0, args, kws, e.loc)
    }

    /// `f(...)` with `f` a global: one `LOAD_GLOBAL` pushes both NULL and the function.
    fn load_global_with_null(&mut self, func: &'a Node) -> CompileResult<bool> {
        let name = ident(func, 0).unwrap_or("");
        if name == "__debug__" {
            return Ok(false);
        }
        let mangled = crate::mangle::mangle(self.ub().private.as_deref(), name).into_owned();
        let optimized = !matches!(self.ub().kind, UnitKind::Module | UnitKind::Class);
        let global = match self.scope_of(&mangled) {
            Some(crate::symtable::Scope::GlobalExplicit) => true,
            Some(crate::symtable::Scope::GlobalImplicit) => optimized,
            _ => false,
        };
        if !global {
            return Ok(false);
        }
        let saved = self.set_pos(func.loc);
        let i = self.add_name(&mangled);
        self.emit(Op::LOAD_GLOBAL, (i << 1) | 1);
        self.u().pos = saved;
        Ok(true)
    }

    /// Call the callable below `pushed` already-pushed positional arguments.
    pub fn call_helper(&mut self, pushed: u32, args: &'a [Value], kws: &'a [Value], loc: Loc) -> CompileResult<()> {
        let argv: Vec<&'a Node> = args.iter().filter_map(|v| v.as_node()).collect();
        let kwv: Vec<&'a Node> = kws.iter().filter_map(|v| v.as_node()).collect();
        for (i, k) in kwv.iter().enumerate() {
            if ident(k, 0) == Some("__debug__") {
                return Err(self.err_here("cannot assign to __debug__"));
            }
            // A name given twice is an error at its second use (CPython's validate_keywords).
            if let Some(name) = ident(k, 0) {
                if let Some(again) = kwv[i + 1..].iter().find(|later| ident(later, 0) == Some(name)) {
                    return Err(crate::error::at(format!("keyword argument repeated: {name}"), again.loc));
                }
            }
        }
        let starred = argv.iter().any(|a| a.kind == Kind::Starred);
        let dstar = kwv.iter().any(|k| ident(k, 0).is_none());
        let total = argv.len() + kwv.len() + pushed as usize;
        if !starred && !dstar && total < STACK_GUARD {
            for a in &argv {
                self.expr(a)?;
            }
            let mut names = Vec::new();
            for k in &kwv {
                self.expr(req(k, 1))?;
                names.push(Constant::Str(ident(k, 0).unwrap_or("").as_bytes().to_vec().into()));
            }
            if !names.is_empty() {
                let i = self.add_const(Constant::Tuple(names.into()));
                self.emit(Op::KW_NAMES, i);
            }
            let saved = self.set_pos(loc);
            self.emit(Op::CALL, total as u32);
            self.u().pos = saved;
            return Ok(());
        }
        // General form: a positional tuple and a keyword dict, then CALL_FUNCTION_EX.
        if pushed == 0 && argv.len() == 1 && argv[0].kind == Kind::Starred {
            self.expr(req(argv[0], 0))?;
        } else {
            self.collection(args, Coll::Tuple, pushed)?;
        }
        let mut has_kw = 0;
        if !kwv.is_empty() {
            has_kw = 1;
            let mut have = false;
            let mut pending = 0u32;
            for k in &kwv {
                match ident(k, 0) {
                    None => {
                        if pending > 0 {
                            self.emit(Op::BUILD_MAP, pending);
                            if have {
                                self.emit(Op::DICT_MERGE, 1);
                            }
                            have = true;
                            pending = 0;
                        }
                        if !have {
                            self.emit(Op::BUILD_MAP, 0);
                            have = true;
                        }
                        self.expr(req(k, 1))?;
                        self.emit(Op::DICT_MERGE, 1);
                    }
                    Some(name) => {
                        self.load_const(Constant::Str(name.as_bytes().to_vec().into()));
                        self.expr(req(k, 1))?;
                        pending += 1;
                    }
                }
            }
            if pending > 0 {
                self.emit(Op::BUILD_MAP, pending);
                if have {
                    self.emit(Op::DICT_MERGE, 1);
                }
            }
        }
        let saved = self.set_pos(loc);
        self.emit(Op::CALL_FUNCTION_EX, has_kw);
        self.u().pos = saved;
        Ok(())
    }

    // ---- f-strings ----

    fn formatted(&mut self, e: &'a Node) -> CompileResult<()> {
        self.expr(req(e, 0))?;
        let mut fl = match int(e, 1) {
            115 => 1, // !s
            114 => 2, // !r
            97 => 3,  // !a
            _ => 0,
        };
        if let Some(spec) = node(e, 2) {
            self.expr(spec)?;
            fl |= 4;
        }
        self.emit(Op::FORMAT_VALUE, fl);
        Ok(())
    }

    fn joined(&mut self, e: &'a Node) -> CompileResult<()> {
        let values: Vec<&'a Node> = nodes(e, 0).collect();
        if values.is_empty() {
            self.load_const(Constant::Str(Vec::new().into()));
            return Ok(());
        }
        for v in &values {
            self.expr(v)?;
        }
        if values.len() > 1 {
            self.emit(Op::BUILD_STRING, values.len() as u32);
        }
        Ok(())
    }

    // ---- comprehensions ----

    fn comprehension(&mut self, e: &'a Node) -> CompileResult<()> {
        let (kind, name, gens_i) = match e.kind {
            Kind::ListComp => (CompKind::List, "<listcomp>", 1),
            Kind::SetComp => (CompKind::Set, "<setcomp>", 1),
            Kind::DictComp => (CompKind::Dict, "<dictcomp>", 2),
            _ => (CompKind::Gen, "<genexpr>", 1),
        };
        let gens: Vec<&'a Node> = nodes(e, gens_i).collect();
        let block = self.block_for(e)?;
        let is_async = self.st.blocks[block].coroutine;
        if is_async && kind != CompKind::Gen && !matches!(self.ub().kind, UnitKind::AsyncFunction | UnitKind::Comprehension) {
            return Err(at("asynchronous comprehension outside of an asynchronous function", e.loc));
        }
        self.enter_unit(UnitKind::Comprehension, block, name, e.loc.lineno);
        self.u().argcount = 1;
        match kind {
            CompKind::List => self.emit(Op::BUILD_LIST, 0),
            CompKind::Set => self.emit(Op::BUILD_SET, 0),
            CompKind::Dict => self.emit(Op::BUILD_MAP, 0),
            CompKind::Gen => {}
        }
        self.comp_generator(e, &gens, 0, kind)?;
        if kind == CompKind::Gen {
            self.load_const(Constant::None);
        }
        self.emit(Op::RETURN_VALUE, 0);
        let code = self.exit_unit()?;
        self.make_function(code, 0)?;
        let first = gens[0];
        self.expr(req(first, 1))?;
        if int(first, 3) != 0 {
            self.emit(Op::GET_AITER, 0);
        } else {
            self.emit(Op::GET_ITER, 0);
        }
        self.emit(Op::CALL, 0);
        if is_async && kind != CompKind::Gen {
            self.emit(Op::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.yield_from_loop(3)?;
        }
        Ok(())
    }

    fn comp_generator(&mut self, e: &'a Node, gens: &[&'a Node], i: usize, kind: CompKind) -> CompileResult<()> {
        let g = gens[i];
        let is_async = int(g, 3) != 0;
        let start = self.new_block();
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if i == 0 {
            self.emit(Op::LOAD_FAST, 0);
        } else {
            self.expr(req(g, 1))?;
            self.emit(if is_async { Op::GET_AITER } else { Op::GET_ITER }, 0);
        }
        self.use_block(start);
        if is_async {
            self.push_handler(Op::SETUP_FINALLY, anchor, false);
            self.emit(Op::GET_ANEXT, 0);
            self.load_const(Constant::None);
            self.yield_from_loop(3)?;
            self.pop_handler();
        } else {
            self.emit_jump(Op::FOR_ITER, anchor);
        }
        self.store_target(req(g, 0))?;
        for cond in nodes(g, 2) {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(e, gens, i + 1, kind)?;
        } else {
            let depth = i as u32 + 2;
            match kind {
                CompKind::Gen => {
                    self.expr(req(e, 0))?;
                    if self.st.blocks[self.ub().block].coroutine {
                        self.emit(Op::ASYNC_GEN_WRAP, 0);
                    }
                    self.emit(Op::YIELD_VALUE, 0);
                    self.emit(Op::RESUME, 1);
                    self.emit(Op::POP_TOP, 0);
                }
                CompKind::List => {
                    self.expr(req(e, 0))?;
                    self.emit(Op::LIST_APPEND, depth);
                }
                CompKind::Set => {
                    self.expr(req(e, 0))?;
                    self.emit(Op::SET_ADD, depth);
                }
                CompKind::Dict => {
                    self.expr(req(e, 0))?;
                    self.expr(req(e, 1))?;
                    self.emit(Op::MAP_ADD, depth);
                }
            }
        }
        self.use_block(if_cleanup);
        self.emit_jump(Op::JUMP, start);
        self.use_block(anchor);
        if is_async {
            self.emit(Op::END_ASYNC_FOR, 0);
        }
        Ok(())
    }
}
