//! Code generation for `match` statements.
//!
//! Each case matches a copy of the subject (the last case the subject itself).  A pattern
//! consumes the value on top of the stack; on success it has stored its captures, on
//! failure it jumps to `fail(n)`, a chain of blocks that pops the `n` values it left above
//! the case's base and continues with the next case.  (Names bound before a failure stay
//! bound, which the language allows.)

use crate::ast_util::{ident, list, node, nodes, req};
use crate::code::Constant;
use crate::compile::{Compiler, NameCtx};
use crate::error::{at, CompileResult};
use crate::fold::fold;
use crate::opcode::Op;
use ferropy_parser::ast::{Kind, Loc, Node};

struct Pc {
    /// `pops[k]`: the block that pops k values and then goes to the failure target.
    pops: Vec<u32>,
    /// Values above the base (excluding the one being matched).
    on_top: u32,
    /// Names captured so far, for the duplicate and or-pattern checks.
    bound: Vec<String>,
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, s: &'a Node) -> CompileResult<()> {
        self.expr(req(s, 0))?;
        let cases: Vec<&'a Node> = nodes(s, 1).collect();
        let end = self.new_block();
        for (i, c) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            let pattern = req(c, 0);
            let guard = node(c, 1);
            if !last && guard.is_none() {
                if let Some((msg, loc)) = irrefutable(pattern) {
                    return Err(at(msg, loc));
                }
            }
            let next = self.new_block();
            let saved = self.set_pos(pattern.loc);
            if !last {
                self.emit(Op::COPY, 1);
            }
            let mut pc = Pc { pops: vec![next], on_top: 0, bound: Vec::new() };
            self.pattern(pattern, &mut pc)?;
            if let Some(g) = guard {
                self.jump_if(g, next, false)?;
            }
            if !last {
                self.emit(Op::POP_TOP, 0);
            }
            self.u().pos = saved;
            self.stmts(list(c, 2))?;
            self.emit_jump(Op::JUMP, end);
            self.emit_fail_pops(&pc);
            self.use_block(next);
        }
        self.use_block(end);
        Ok(())
    }

    fn fail(&mut self, pc: &mut Pc, n: u32) -> u32 {
        while pc.pops.len() <= n as usize {
            let b = self.new_block();
            pc.pops.push(b);
        }
        pc.pops[n as usize]
    }

    /// Lay out the pop chain: pops[k] falls through to pops[k-1]; pops[0] is the target.
    fn emit_fail_pops(&mut self, pc: &Pc) {
        let saved = std::mem::take(&mut self.u().pos);
        for k in (1..pc.pops.len()).rev() {
            self.use_block(pc.pops[k]);
            self.emit(Op::POP_TOP, 0);
        }
        if pc.pops.len() > 1 {
            self.emit_jump(Op::JUMP, pc.pops[0]);
        }
        self.u().pos = saved;
    }

    fn capture(&mut self, name: &str, loc: Loc, pc: &mut Pc) -> CompileResult<()> {
        if name == "__debug__" {
            return Err(at("cannot assign to __debug__", loc));
        }
        if pc.bound.iter().any(|b| b == name) {
            return Err(at(format!("multiple assignments to name '{}' in pattern", name), loc));
        }
        pc.bound.push(name.to_string());
        self.name_op(name, NameCtx::Store, loc)
    }

    fn pattern(&mut self, p: &'a Node, pc: &mut Pc) -> CompileResult<()> {
        self.last_pattern_loc = p.loc;
        let saved = self.set_pos(p.loc);
        let r = self.pattern_inner(p, pc);
        self.u().pos = saved;
        r
    }

    fn pattern_inner(&mut self, p: &'a Node, pc: &mut Pc) -> CompileResult<()> {
        match p.kind {
            Kind::MatchValue => {
                let v = req(p, 0);
                if v.kind != Kind::Attribute && fold(v, self.opts.optimize).is_none() {
                    return Err(at("patterns may only match literals and attribute lookups", v.loc));
                }
                self.expr(v)?;
                self.emit(Op::COMPARE_OP, 2);
                let f = self.fail(pc, pc.on_top);
                self.emit_jump(Op::POP_JUMP_IF_FALSE, f);
            }
            Kind::MatchSingleton => {
                let c = match p.fields.first() {
                    Some(ferropy_parser::ast::Value::Const(c)) => crate::compile_stmt::ast_const(c),
                    _ => Constant::None,
                };
                self.load_const(c);
                self.emit(Op::IS_OP, 0);
                let f = self.fail(pc, pc.on_top);
                self.emit_jump(Op::POP_JUMP_IF_FALSE, f);
            }
            Kind::MatchAs => {
                let name = ident(p, 1);
                match node(p, 0) {
                    None => match name {
                        Some(n) => self.capture(n, p.loc, pc)?,
                        None => self.emit(Op::POP_TOP, 0),
                    },
                    Some(sub) => {
                        self.emit(Op::COPY, 1);
                        pc.on_top += 1;
                        self.pattern(sub, pc)?;
                        pc.on_top -= 1;
                        match name {
                            Some(n) => self.capture(n, p.loc, pc)?,
                            None => self.emit(Op::POP_TOP, 0),
                        }
                    }
                }
            }
            Kind::MatchStar => match ident(p, 0) {
                Some(n) => self.capture(n, p.loc, pc)?,
                None => self.emit(Op::POP_TOP, 0),
            },
            Kind::MatchOr => self.or_pattern(p, pc)?,
            Kind::MatchSequence => self.sequence_pattern(p, pc)?,
            Kind::MatchMapping => self.mapping_pattern(p, pc)?,
            Kind::MatchClass => self.class_pattern(p, pc)?,
            _ => return Err(at("internal compiler error: unexpected pattern", p.loc)),
        }
        Ok(())
    }

    fn or_pattern(&mut self, p: &'a Node, pc: &mut Pc) -> CompileResult<()> {
        let alts: Vec<&'a Node> = nodes(p, 0).collect();
        let end = self.new_block();
        let mut names: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            let last = i + 1 == alts.len();
            if !last {
                if let Some((msg, loc)) = irrefutable(alt) {
                    return Err(at(msg, loc));
                }
            }
            let next = self.new_block();
            // Each alternative matches a copy; its failure goes on to the next one.
            let mut sub = Pc { pops: vec![next], on_top: 0, bound: pc.bound.clone() };
            self.emit(Op::COPY, 1);
            self.pattern(alt, &mut sub)?;
            self.emit(Op::POP_TOP, 0);
            self.emit_jump(Op::JUMP, end);
            self.emit_fail_pops(&sub);
            self.use_block(next);
            let mut got: Vec<String> = sub.bound[pc.bound.len()..].to_vec();
            got.sort();
            match &names {
                None => names = Some(got),
                // CPython reports this at the last pattern it compiled.
                Some(n) if *n != got => return Err(at("alternative patterns bind different names", self.last_pattern_loc)),
                _ => {}
            }
        }
        // No alternative matched: [subject] -> fail.
        let f = self.fail(pc, pc.on_top + 1);
        self.emit_jump(Op::JUMP, f);
        self.use_block(end);
        if let Some(n) = names {
            pc.bound.extend(n);
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, p: &'a Node, pc: &mut Pc) -> CompileResult<()> {
        let subs: Vec<&'a Node> = nodes(p, 0).collect();
        let star = subs.iter().position(|s| s.kind == Kind::MatchStar);
        if subs.iter().filter(|s| s.kind == Kind::MatchStar).count() > 1 {
            return Err(at("multiple starred names in sequence pattern", p.loc));
        }
        let n = subs.len() as u32;
        self.emit(Op::MATCH_SEQUENCE, 0);
        let f = self.fail(pc, pc.on_top + 1);
        self.emit_jump(Op::POP_JUMP_IF_FALSE, f);
        self.emit(Op::GET_LEN, 0);
        match star {
            None => {
                self.load_const(Constant::Int(n.to_string()));
                self.emit(Op::COMPARE_OP, 2);
            }
            Some(_) => {
                self.load_const(Constant::Int((n - 1).to_string()));
                self.emit(Op::COMPARE_OP, 5);
            }
        }
        let f = self.fail(pc, pc.on_top + 1);
        self.emit_jump(Op::POP_JUMP_IF_FALSE, f);
        match star {
            None if n == 0 => {
                self.emit(Op::POP_TOP, 0);
                return Ok(());
            }
            None => self.emit(Op::UNPACK_SEQUENCE, n),
            Some(i) => self.emit(Op::UNPACK_EX, (i as u32) | ((n - 1 - i as u32) << 8)),
        }
        self.sub_patterns(&subs, pc)
    }

    /// Match unpacked values (first on top) against `subs` in order.
    fn sub_patterns(&mut self, subs: &[&'a Node], pc: &mut Pc) -> CompileResult<()> {
        let n = subs.len() as u32;
        let base = pc.on_top;
        for (i, s) in subs.iter().enumerate() {
            pc.on_top = base + (n - 1 - i as u32);
            self.pattern(s, pc)?;
        }
        pc.on_top = base;
        Ok(())
    }

    fn mapping_pattern(&mut self, p: &'a Node, pc: &mut Pc) -> CompileResult<()> {
        let keys: Vec<&'a Node> = nodes(p, 0).collect();
        let subs: Vec<&'a Node> = nodes(p, 1).collect();
        let rest = ident(p, 2);
        self.emit(Op::MATCH_MAPPING, 0);
        let f = self.fail(pc, pc.on_top + 1);
        self.emit_jump(Op::POP_JUMP_IF_FALSE, f);
        if keys.is_empty() && rest.is_none() {
            self.emit(Op::POP_TOP, 0);
            return Ok(());
        }
        let mut seen: Vec<Constant> = Vec::new();
        for k in &keys {
            match k.kind {
                Kind::Attribute => {}
                _ => match fold(k, self.opts.optimize) {
                    Some(c) => {
                        if seen.iter().any(|s| s.same(&c)) {
                            return Err(at(format!("mapping pattern checks duplicate key ({})", c.repr()), p.loc));
                        }
                        seen.push(c);
                    }
                    None => return Err(at("mapping pattern keys may only match literals and attribute lookups", k.loc)),
                },
            }
        }
        if !keys.is_empty() {
            self.emit(Op::GET_LEN, 0);
            self.load_const(Constant::Int(keys.len().to_string()));
            self.emit(Op::COMPARE_OP, 5);
            let f = self.fail(pc, pc.on_top + 1);
            self.emit_jump(Op::POP_JUMP_IF_FALSE, f);
            let ks: Vec<&'a Node> = keys.clone();
            self.tuple_of(&ks)?;
            // [subject, keys] -> [subject, keys, values or None]
            self.emit(Op::MATCH_KEYS, 0);
            self.emit(Op::COPY, 1);
            let f = self.fail(pc, pc.on_top + 3);
            self.emit_jump(Op::POP_JUMP_IF_NONE, f);
            self.emit(Op::UNPACK_SEQUENCE, keys.len() as u32);
            pc.on_top += 2;
            self.sub_patterns(&subs, pc)?;
            pc.on_top -= 2;
        } else {
            self.load_const(Constant::Tuple(Vec::new().into()));
        }
        // [subject, keys]
        match rest {
            Some(r) => {
                self.emit(Op::COPY_DICT_WITHOUT_KEYS, 0);
                pc.on_top += 1;
                self.capture(r, p.loc, pc)?;
                pc.on_top -= 1;
                self.emit(Op::POP_TOP, 0);
            }
            None => {
                self.emit(Op::POP_TOP, 0);
                self.emit(Op::POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn class_pattern(&mut self, p: &'a Node, pc: &mut Pc) -> CompileResult<()> {
        let pos: Vec<&'a Node> = nodes(p, 1).collect();
        let attrs: Vec<&'a str> = list(p, 2).iter().filter_map(|v| if let ferropy_parser::ast::Value::Str(s) = v { Some(s.as_str()) } else { None }).collect();
        let kw: Vec<&'a Node> = nodes(p, 3).collect();
        for (i, a) in attrs.iter().enumerate() {
            if *a == "__debug__" {
                return Err(at("cannot assign to __debug__", kw.get(i).map_or(p.loc, |k| k.loc)));
            }
            if attrs[..i].contains(a) {
                return Err(at(format!("attribute name repeated in class pattern: {}", a), kw.get(i).map_or(p.loc, |k| k.loc)));
            }
        }
        self.expr(req(p, 0))?;
        let names: Vec<Constant> = attrs.iter().map(|a| Constant::Str(a.as_bytes().to_vec().into())).collect();
        self.load_const(Constant::Tuple(names.into()));
        // [subject, cls, names] -> [attribute tuple or None]
        self.emit(Op::MATCH_CLASS, pos.len() as u32);
        self.emit(Op::COPY, 1);
        let f = self.fail(pc, pc.on_top + 1);
        self.emit_jump(Op::POP_JUMP_IF_NONE, f);
        let all: Vec<&'a Node> = pos.iter().chain(kw.iter()).copied().collect();
        self.emit(Op::UNPACK_SEQUENCE, all.len() as u32);
        self.sub_patterns(&all, pc)
    }
}

/// If `p` always matches: CPython's error for a case or alternative it makes unreachable,
/// at the capture or wildcard responsible.
fn irrefutable(p: &Node) -> Option<(String, Loc)> {
    match p.kind {
        Kind::MatchAs if node(p, 0).is_none() => Some((
            match ident(p, 1) {
                Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n),
                None => "wildcard makes remaining patterns unreachable".to_string(),
            },
            p.loc,
        )),
        Kind::MatchAs => node(p, 0).and_then(irrefutable),
        Kind::MatchOr => nodes(p, 0).find_map(irrefutable),
        _ => None,
    }
}
