//! The code generator's core: compilation units (one per code object), emitting into the
//! control-flow graph, name resolution from the symbol table, closures and qualnames.
//! Statements are in `compile_stmt.rs`, expressions in `compile_expr.rs`.

use crate::assemble::{BlockId, Cfg, Handler, Instr, NO_BLOCK, NO_HANDLER};
use crate::code::{flags, CodeUnit, Constant, Position};
use crate::error::{at, CompileResult};
use crate::mangle::mangle;
use crate::opcode::Op;
use crate::symtable::{BlockKind, Scope, SymbolTable, DEF_FREE_CLASS};
use ferropy_parser::ast::{Kind, Loc, Node};
pub use ferropy_parser::Mode;
use std::sync::Arc as Rc;

/// Options of one compilation (`compile(source, filename, mode, flags, dont_inherit,
/// optimize)`; the runtime merges the caller's future flags into `flags` unless
/// `dont_inherit`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `exec` (a module), `eval` (an expression, the code returns its value) or `single`
    /// (one interactive statement: expression statements print their value).
    pub mode: Mode,
    /// `PyCF_*` bits and inherited `CO_FUTURE_*` bits (see `cflags`).
    pub flags: u32,
    /// 0: asserts and `__debug__` on; 1 and 2 (-O/-OO): asserts removed, `__debug__` False;
    /// 2 also drops docstrings.
    pub optimize: u8,
}

impl Options {
    /// Interactive mode: expression statements print their value (`PRINT_EXPR`).
    pub fn interactive(&self) -> bool {
        self.mode == Mode::Single
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// A construct `break`/`continue`/`return` must unwind through.
#[derive(Clone, Copy, Debug)]
pub enum FBlock<'a> {
    WhileLoop { start: BlockId, exit: BlockId },
    ForLoop { start: BlockId, exit: BlockId },
    AsyncForLoop { start: BlockId, exit: BlockId },
    /// Inside `try:` of a try/except; the handler must be popped.
    TryExcept { handler: u32 },
    /// Inside `try:` of a try/finally: the final body runs on the way out.
    FinallyTry { handler: u32, body: &'a [ferropy_parser::ast::Value] },
    /// Inside the `finally:` of the exceptional path.
    FinallyEnd { handler: u32 },
    /// `at`: the `with` statement's position, which its exit on `break`/`continue`/`return`
    /// (and the rest of that statement) takes, as in CPython 3.11.
    With { handler: u32, is_async: bool, at: Position },
    /// Inside an `except` body: pops the exception (and clears the bound name).
    HandlerCleanup { handler: u32, name_handler: u32, name: Option<&'a str> },
    ExceptionHandler,
    /// A value the unwinding must pop (a return value kept across a finally body).
    PopValue,
}

pub struct Unit<'a> {
    pub kind: UnitKind,
    pub block: usize,
    pub cfg: Cfg,
    pub cur: BlockId,
    pub consts: Vec<Constant>,
    /// `consts` indices by `Constant::pool_hash`, so that a function of 100,000 distinct
    /// constants compiles in linear time.
    pub const_index: std::collections::HashMap<u64, Vec<u32>>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub name: String,
    pub qualname: String,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub pos: Position,
    /// Position of the last instruction emitted with a line (what a loop's closing jump
    /// reports, as CPython's jumps without a location inherit it).
    pub last_pos: Position,
    pub fblocks: Vec<FBlock<'a>>,
    /// Active exception handlers, innermost last.
    pub handlers: Vec<u32>,
    pub private: Option<String>,
}

pub struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub opts: Options,
    pub filename: String,
    pub units: Vec<Unit<'a>>,
    /// fblock and handler stacks saved while `return`/`break`/`continue` unwind them.
    pub unwind_saves: Vec<(Vec<FBlock<'a>>, Vec<u32>)>,
    /// Location of the pattern compiled last (where some match errors are reported).
    pub last_pattern_loc: Loc,
    /// SyntaxWarnings found so far (the runtime issues them).
    pub warnings: Vec<ferropy_parser::Warning>,
}

/// Nesting limit of loops/try/with, as CPython's CO_MAXBLOCKS.
const MAX_BLOCKS: usize = 20;

pub fn pos_of(l: Loc) -> Position {
    Position { line: l.lineno, end_line: l.end_lineno, col: l.col, end_col: l.end_col }
}

impl<'a> Compiler<'a> {
    pub fn new(st: &'a SymbolTable, filename: &str, opts: Options) -> Self {
        Compiler { st, opts, filename: filename.to_string(), units: Vec::new(), unwind_saves: Vec::new(), last_pattern_loc: Loc::default(), warnings: Vec::new() }
    }

    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    pub fn ub(&self) -> &Unit<'a> {
        self.units.last().unwrap()
    }

    pub fn sym_block(&self) -> &crate::symtable::Block {
        &self.st.blocks[self.ub().block]
    }

    // ---- units ----

    pub fn enter_unit(&mut self, kind: UnitKind, block: usize, name: &str, firstlineno: u32) {
        let b = &self.st.blocks[block];
        let mut cellvars: Vec<String> = b.symbols.iter().filter(|(_, f)| Scope::of(*f) == Some(Scope::Cell)).map(|(n, _)| n.clone()).collect();
        if kind == UnitKind::Class && b.needs_class_closure {
            cellvars.push("__class__".to_string());
        }
        cellvars.sort();
        let mut freevars: Vec<String> = b
            .symbols
            .iter()
            .filter(|(_, f)| Scope::of(*f) == Some(Scope::Free) || f & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        freevars.sort();
        let qualname = self.qualname_for(kind, name);
        let private = if kind == UnitKind::Class { Some(name.to_string()) } else { self.units.last().and_then(|u| u.private.clone()) };
        let mut cfg = Cfg::default();
        let entry = cfg.new_block();
        cfg.order.push(entry);
        self.units.push(Unit {
            kind,
            block,
            cfg,
            cur: entry,
            consts: Vec::new(),
            const_index: std::collections::HashMap::new(),
            names: Vec::new(),
            varnames: b.varnames.clone(),
            cellvars,
            freevars,
            name: name.to_string(),
            qualname,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            pos: Position { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 },
            last_pos: Position { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 },
            fblocks: Vec::new(),
            handlers: Vec::new(),
            private,
        });
        // Prologue: cells, free variables, generator creation, then RESUME.
        let ncell = self.ub().cellvars.len() as u32;
        let nfree = self.ub().freevars.len() as u32;
        let artificial = Position::default();
        let saved = std::mem::replace(&mut self.u().pos, artificial);
        for i in 0..ncell {
            self.emit(Op::MAKE_CELL, i);
        }
        if nfree > 0 {
            self.emit(Op::COPY_FREE_VARS, nfree);
        }
        let sb = &self.st.blocks[block];
        if sb.generator || (sb.coroutine && kind != UnitKind::Module && kind != UnitKind::Class) {
            self.u().pos = saved;
            self.emit(Op::RETURN_GENERATOR, 0);
            self.emit(Op::POP_TOP, 0);
        }
        self.u().pos = saved;
        if kind == UnitKind::Module {
            // A module's RESUME is at line 0, as CPython 3.11's (its `call` event and a
            // frame read before the first line report 0).
            self.emit_artificial(Op::RESUME, 0);
        } else {
            self.emit(Op::RESUME, 0);
        }
    }

    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.st.blocks[parent.block].scope(&mangled) == Some(Scope::GlobalExplicit) {
                return name.to_string();
            }
        }
        match parent.kind {
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda => format!("{}.<locals>.{}", parent.qualname, name),
            _ => format!("{}.{}", parent.qualname, name),
        }
    }

    /// Finish the current unit: implicit `return None` if control can reach the end.
    pub fn exit_unit(&mut self) -> CompileResult<CodeUnit> {
        let u = self.units.pop().unwrap();
        let sb = &self.st.blocks[u.block];
        let mut fl = 0;
        match u.kind {
            UnitKind::Module | UnitKind::Class => {}
            _ => {
                fl |= flags::OPTIMIZED | flags::NEWLOCALS;
                if sb.varargs {
                    fl |= flags::VARARGS;
                }
                if sb.varkeywords {
                    fl |= flags::VARKEYWORDS;
                }
                if sb.nested {
                    fl |= flags::NESTED;
                }
                fl |= match (sb.generator, sb.coroutine) {
                    (true, true) => flags::ASYNC_GENERATOR,
                    (true, false) => flags::GENERATOR,
                    (false, true) => flags::COROUTINE,
                    _ => 0,
                };
                if u.kind == UnitKind::Comprehension && sb.coroutine && !sb.generator && sb.comprehension == Some(crate::symtable::CompKind::Gen) {
                    fl |= flags::ASYNC_GENERATOR;
                }
            }
        }
        fl |= self.future_co_flags();
        let asm = u.cfg.assemble().map_err(|e| at(format!("internal compiler error in {}: {}", u.qualname, e), Loc::default()))?;
        Ok(CodeUnit {
            code: asm.code,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: fl,
            firstlineno: u.firstlineno,
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            stacksize: asm.stacksize,
            lines: crate::line_table::LineTable::from_entries(&asm.lines),
            exceptions: asm.exceptions,
        })
    }

    /// The `CO_FUTURE_*` bits of every code object: the inherited ones and those the
    /// module's own future statements turn on.
    pub fn future_co_flags(&self) -> u32 {
        let mut fl = self.opts.flags & crate::cflags::FUTURE_MASK;
        if self.st.future.annotations {
            fl |= crate::cflags::CO_FUTURE_ANNOTATIONS;
        }
        if self.st.future.barry_as_flufl {
            fl |= crate::cflags::CO_FUTURE_BARRY_AS_BDFL;
        }
        fl
    }

    // ---- emitting ----

    pub fn emit(&mut self, op: Op, arg: u32) {
        self.emit_full(op, arg, NO_BLOCK);
    }

    pub fn emit_jump(&mut self, op: Op, target: BlockId) {
        self.emit_full(op, 0, target);
    }

    fn emit_full(&mut self, op: Op, arg: u32, target: BlockId) {
        let u = self.u();
        let handler = u.handlers.last().copied().unwrap_or(NO_HANDLER);
        let pos = u.pos;
        if pos.line != 0 {
            u.last_pos = pos;
        }
        let cur = u.cur as usize;
        u.cfg.blocks[cur].push(Instr { op, arg, target, pos, handler });
    }

    pub fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }

    /// Continue emitting into `b`, placed next in layout order (reached by fall-through).
    pub fn use_block(&mut self, b: BlockId) {
        let u = self.u();
        u.cfg.order.push(b);
        u.cur = b;
    }

    /// Begin a protected region: instructions from here to `pop_handler` unwind to
    /// `target` on an exception.
    pub fn push_handler(&mut self, setup: Op, target: BlockId, lasti: bool) -> u32 {
        let u = self.u();
        let id = u.cfg.handlers.len() as u32;
        u.cfg.handlers.push(Handler { target, lasti, depth: None });
        self.emit(setup, id);
        self.u().handlers.push(id);
        id
    }

    pub fn pop_handler(&mut self) {
        self.u().handlers.pop();
    }

    pub fn push_fblock(&mut self, f: FBlock<'a>, loc: Loc) -> CompileResult<()> {
        if self.ub().fblocks.len() >= MAX_BLOCKS {
            return Err(at("too many statically nested blocks", loc));
        }
        self.u().fblocks.push(f);
        Ok(())
    }

    /// A SyntaxError at the construct being compiled (where CPython reports some errors).
    pub fn err_here(&self, msg: impl Into<String>) -> Box<ferropy_parser::SyntaxError> {
        let p = self.ub().pos;
        at(msg, Loc { lineno: p.line, col: p.col, end_lineno: p.end_line, end_col: p.end_col })
    }

    /// Emits a jump that closes a block (a loop's back edge, the jump over an `else`)
    /// without a line of its own, as CPython 3.11 does: exit_lines.rs gives it the line of
    /// what runs before it when only one place does (so a loop's back edge after a nested
    /// loop reports the nested `for`, not its body's last line).
    pub fn emit_closing_jump(&mut self, target: BlockId) {
        let saved = std::mem::take(&mut self.u().pos);
        self.emit_jump(Op::JUMP, target);
        self.u().pos = saved;
    }

    /// Emits an instruction at the position of the one before it (a `finally` body's
    /// closing `RERAISE`).
    pub fn emit_at_last_pos(&mut self, op: Op, arg: u32) {
        let at = self.u().last_pos;
        let saved = std::mem::replace(&mut self.u().pos, at);
        self.emit(op, arg);
        self.u().pos = saved;
    }

    /// Emits an instruction without a position (no line event of its own).
    pub fn emit_artificial(&mut self, op: Op, arg: u32) {
        let saved = std::mem::take(&mut self.u().pos);
        self.emit(op, arg);
        self.u().pos = saved;
    }

    pub fn set_pos(&mut self, l: Loc) -> Position {
        std::mem::replace(&mut self.u().pos, pos_of(l))
    }

    // ---- pools ----

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        let bucket = u.const_index.entry(c.pool_hash()).or_default();
        if let Some(&i) = bucket.iter().find(|&&i| u.consts[i as usize].same(&c)) {
            return i;
        }
        let i = u.consts.len() as u32;
        bucket.push(i);
        u.consts.push(c);
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Op::LOAD_CONST, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.names.iter().position(|k| k == name) {
            return i as u32;
        }
        u.names.push(name.to_string());
        (u.names.len() - 1) as u32
    }

    pub fn add_mangled_name(&mut self, name: &str) -> u32 {
        let m = mangle(self.ub().private.as_deref(), name).into_owned();
        self.add_name(&m)
    }

    fn varname(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|k| k == name) {
            return i as u32;
        }
        u.varnames.push(name.to_string());
        (u.varnames.len() - 1) as u32
    }

    fn deref_index(&self, name: &str) -> Option<u32> {
        let u = self.ub();
        if let Some(i) = u.cellvars.iter().position(|k| k == name) {
            return Some(i as u32);
        }
        u.freevars.iter().position(|k| k == name).map(|i| (i + u.cellvars.len()) as u32)
    }

    // ---- names ----

    /// Load/store/delete a variable by its source name.
    pub fn name_op(&mut self, name: &str, ctx: NameCtx, loc: Loc) -> CompileResult<()> {
        if name == "__debug__" {
            match ctx {
                NameCtx::Load => {
                    self.load_const(Constant::Bool(self.opts.optimize == 0));
                    return Ok(());
                }
                NameCtx::Store => return Err(at("cannot assign to __debug__", loc)),
                NameCtx::Del => return Err(at("cannot delete __debug__", loc)),
            }
        }
        let mangled = mangle(self.ub().private.as_deref(), name).into_owned();
        let kind = self.ub().kind;
        let optimized = !matches!(kind, UnitKind::Module | UnitKind::Class);
        let scope = self.sym_block().scope(&mangled);
        enum Via {
            Fast,
            Deref,
            Global,
            Name,
        }
        let via = match scope {
            Some(Scope::Free) | Some(Scope::Cell) => Via::Deref,
            Some(Scope::Local) if optimized => Via::Fast,
            Some(Scope::GlobalImplicit) if optimized => Via::Global,
            Some(Scope::GlobalExplicit) => Via::Global,
            _ => Via::Name,
        };
        // A class body reaching an enclosing function's variable checks its own namespace first.
        let via = match via {
            Via::Deref if self.deref_index(&mangled).is_none() => Via::Name,
            v => v,
        };
        match via {
            Via::Fast => {
                let i = self.varname(&mangled);
                self.emit(match ctx { NameCtx::Load => Op::LOAD_FAST, NameCtx::Store => Op::STORE_FAST, NameCtx::Del => Op::DELETE_FAST }, i);
            }
            Via::Deref => {
                let i = self.deref_index(&mangled).unwrap();
                let op = match ctx {
                    NameCtx::Load if kind == UnitKind::Class => Op::LOAD_CLASSDEREF,
                    NameCtx::Load => Op::LOAD_DEREF,
                    NameCtx::Store => Op::STORE_DEREF,
                    NameCtx::Del => Op::DELETE_DEREF,
                };
                self.emit(op, i);
            }
            Via::Global => {
                let i = self.add_name(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Op::LOAD_GLOBAL, i << 1),
                    NameCtx::Store => self.emit(Op::STORE_GLOBAL, i),
                    NameCtx::Del => self.emit(Op::DELETE_GLOBAL, i),
                }
            }
            Via::Name => {
                let i = self.add_name(&mangled);
                self.emit(match ctx { NameCtx::Load => Op::LOAD_NAME, NameCtx::Store => Op::STORE_NAME, NameCtx::Del => Op::DELETE_NAME }, i);
            }
        }
        Ok(())
    }

    /// Push the closure tuple a nested code unit needs, if any (returns whether one was pushed).
    pub fn load_closure(&mut self, child: &CodeUnit) -> CompileResult<bool> {
        if child.freevars.is_empty() {
            return Ok(false);
        }
        for name in &child.freevars {
            let i = match self.deref_index(name) {
                Some(i) => i,
                None => return Err(at(format!("internal compiler error: no cell for free variable '{}'", name), Loc::default())),
            };
            self.emit(Op::LOAD_CLOSURE, i);
        }
        self.emit(Op::BUILD_TUPLE, child.freevars.len() as u32);
        Ok(true)
    }

    /// Push a function object for `child` (its defaults etc. already pushed per `fl`).
    pub fn make_function(&mut self, child: CodeUnit, mut fl: u32) -> CompileResult<()> {
        if self.load_closure(&child)? {
            fl |= crate::opcode::make_fn::CLOSURE;
        }
        self.load_const(Constant::Code(Rc::new(child)));
        self.emit(Op::MAKE_FUNCTION, fl);
        Ok(())
    }

    pub fn block_for(&self, n: &Node) -> CompileResult<usize> {
        self.st.block_of(n).ok_or_else(|| at("internal compiler error: no symbol table block", n.loc))
    }

    pub fn is_function_like(&self) -> bool {
        self.st.blocks[self.ub().block].kind == BlockKind::Function
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameCtx {
    Load,
    Store,
    Del,
}

/// Compile a module, an `Expression` (eval mode) or an `Interactive` (single mode) root.
pub fn compile_module<'a>(module: &'a Node, st: &'a SymbolTable, filename: &str, opts: Options) -> CompileResult<CodeUnit> {
    compile_root(module, st, filename, opts).map(|(code, _)| code)
}

/// `compile_module`, also returning the warnings the code generator found.
pub fn compile_root<'a>(module: &'a Node, st: &'a SymbolTable, filename: &str, opts: Options) -> CompileResult<(CodeUnit, Vec<ferropy_parser::Warning>)> {
    let mut c = Compiler::new(st, filename, opts);
    c.enter_unit(UnitKind::Module, 0, "<module>", 1);
    match module.kind {
        Kind::Expression => c.expression_body(module)?,
        Kind::Interactive => c.interactive_body(module)?,
        _ => c.module_body(module)?,
    }
    let code = c.exit_unit()?;
    Ok((code, std::mem::take(&mut c.warnings)))
}
