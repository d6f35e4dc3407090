//! From the code generator's control-flow graph to instruction words: dead-code removal,
//! jump threading, stack depths, layout with `EXTENDED_ARG`, the line table and the
//! exception table.
//!
//! Exception handling in the graph: every instruction is stamped with the handler that
//! covers it (the code generator knows its innermost `try`), and a `SETUP_*`
//! pseudo-instruction where the `try` begins lets the depth pass learn the stack depth the
//! handler unwinds to.  Neither pseudo-instruction reaches the output.

use crate::code::{ExceptionEntry, LineEntry, Position};
use crate::opcode::Op;

pub type BlockId = u32;
pub const NO_BLOCK: BlockId = u32::MAX;
pub const NO_HANDLER: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    /// Jump target (`NO_BLOCK` if none); SETUP_* pseudo-ops name a handler in `arg`.
    pub target: BlockId,
    pub pos: Position,
    pub handler: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub target: BlockId,
    pub lasti: bool,
    pub depth: Option<u32>,
}

#[derive(Default, Debug)]
pub struct Cfg {
    pub blocks: Vec<Vec<Instr>>,
    /// Layout order; control falls through from a block to the next one in this order.
    pub order: Vec<BlockId>,
    pub handlers: Vec<Handler>,
}

pub struct Assembled {
    pub code: Vec<u32>,
    pub lines: Vec<LineEntry>,
    pub exceptions: Vec<ExceptionEntry>,
    pub stacksize: u32,
}

impl Cfg {
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Vec::new());
        (self.blocks.len() - 1) as BlockId
    }

    pub fn assemble(mut self) -> Result<Assembled, String> {
        self.truncate_after_terminators();
        self.thread_jumps();
        self.drop_unreachable();
        self.drop_jumps_to_next();
        self.drop_redundant_nops();
        self.assign_lines_to_lineless();
        let stacksize = self.stack_depths()?;
        self.layout(stacksize)
    }

    fn truncate_after_terminators(&mut self) {
        for b in &mut self.blocks {
            if let Some(i) = b.iter().position(|ins| ins.op.is_terminator()) {
                b.truncate(i + 1);
            }
        }
    }

    /// The block control reaches by falling off the end of `order[i]` (skipping empty blocks).
    fn fallthrough(&self, i: usize) -> Option<BlockId> {
        self.order.get(i + 1).copied()
    }

    /// A jump to a block that only jumps goes straight to the final target, unless that
    /// jump has a line of its own (as CPython 3.11: `break` then `break` traces both).
    fn thread_jumps(&mut self) {
        let mut pos_in_order = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in self.order.iter().enumerate() {
            pos_in_order[b as usize] = i;
        }
        // An empty block is the block it falls into.
        let nonempty = |blocks: &Vec<Vec<Instr>>, b: BlockId| {
            let mut at = pos_in_order[b as usize];
            while at != usize::MAX && at + 1 < self.order.len() && blocks[self.order[at] as usize].is_empty() {
                at += 1;
            }
            if at == usize::MAX { b } else { self.order[at] }
        };
        for bi in 0..self.blocks.len() {
            for ii in 0..self.blocks[bi].len() {
                let ins = self.blocks[bi][ii];
                if !ins.op.has_target() || ins.op.is_pseudo() || ins.target == NO_BLOCK {
                    continue;
                }
                if !matches!(ins.op, Op::JUMP | Op::JUMP_NO_INTERRUPT | Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE | Op::POP_JUMP_IF_NONE | Op::POP_JUMP_IF_NOT_NONE) {
                    continue;
                }
                let mut t = ins.target;
                for _ in 0..16 {
                    match self.blocks[nonempty(&self.blocks, t) as usize].first() {
                        Some(j) if j.op.is_unconditional_jump() && j.target != t && (j.pos.line == 0 || j.pos.line == ins.pos.line) => {
                            t = j.target
                        }
                        _ => break,
                    }
                }
                self.blocks[bi][ii].target = t;
            }
        }
    }

    fn drop_unreachable(&mut self) {
        let mut pos_in_order = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in self.order.iter().enumerate() {
            pos_in_order[b as usize] = i;
        }
        let mut seen = vec![false; self.blocks.len()];
        let mut work = vec![self.order[0]];
        while let Some(b) = work.pop() {
            if seen[b as usize] {
                continue;
            }
            seen[b as usize] = true;
            let block = &self.blocks[b as usize];
            for ins in block {
                if ins.handler != NO_HANDLER {
                    work.push(self.handlers[ins.handler as usize].target);
                }
                if ins.op.is_pseudo() && ins.op != Op::POP_BLOCK {
                    work.push(self.handlers[ins.arg as usize].target);
                } else if ins.target != NO_BLOCK {
                    work.push(ins.target);
                }
            }
            if !block.last().map_or(false, |i| i.op.is_terminator()) {
                if let Some(n) = self.fallthrough(pos_in_order[b as usize]) {
                    work.push(n);
                }
            }
        }
        self.order.retain(|&b| seen[b as usize]);
    }

    fn drop_jumps_to_next(&mut self) {
        for i in 0..self.order.len() {
            let Some(next) = self.order.get(i + 1).copied() else { break };
            let b = &mut self.blocks[self.order[i] as usize];
            if let Some(last) = b.last() {
                if last.op.is_unconditional_jump() && last.target == next {
                    b.pop();
                }
            }
        }
    }

    /// `NOP`s exist to give a line (`pass`, a constant statement) its own line event.  One
    /// is dropped when a neighbour in its block already starts that line, or gives its line
    /// to a following artificial (line 0) instruction; artificial NOPs always go.
    fn drop_redundant_nops(&mut self) {
        for b in &mut self.blocks {
            let mut out: Vec<Instr> = Vec::with_capacity(b.len());
            let mut i = 0;
            while i < b.len() {
                let ins = b[i];
                if ins.op != Op::NOP {
                    out.push(ins);
                    i += 1;
                    continue;
                }
                let line = ins.pos.line;
                // Pseudo instructions (handler setup) vanish later: look past them.
                let same_as_prev = out.iter().rev().find(|p| !p.op.is_pseudo()).is_some_and(|p| p.pos.line == line);
                let next_at = (i + 1..b.len()).find(|&k| !b[k].op.is_pseudo());
                match next_at.map(|k| &b[k]) {
                    _ if line == 0 || same_as_prev => {}
                    Some(next) if next.pos.line == line => {}
                    Some(next) if next.pos.line == 0 => {
                        let k = next_at.unwrap_or(i + 1);
                        b[k].pos = ins.pos;
                    }
                    _ => out.push(ins),
                }
                i += 1;
            }
            *b = out;
        }
    }

    /// Depth at each block entry (checked consistent at merges), handler depths, max depth.
    fn stack_depths(&mut self) -> Result<u32, String> {
        let mut pos_in_order = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in self.order.iter().enumerate() {
            pos_in_order[b as usize] = i;
        }
        let mut entry: Vec<Option<i32>> = vec![None; self.blocks.len()];
        let mut max = 0i32;
        let mut work: Vec<BlockId> = Vec::new();
        let start = self.order[0];
        entry[start as usize] = Some(0);
        work.push(start);
        fn reach(entry: &mut [Option<i32>], work: &mut Vec<BlockId>, b: BlockId, d: i32) -> Result<(), String> {
            if d < 0 {
                return Err(format!("negative stack depth entering block {}", b));
            }
            match entry[b as usize] {
                None => {
                    entry[b as usize] = Some(d);
                    work.push(b);
                    Ok(())
                }
                Some(e) if e == d => Ok(()),
                Some(e) => Err(format!("inconsistent stack depth at block {}: {} vs {}", b, e, d)),
            }
        }
        while let Some(b) = work.pop() {
            let mut d = entry[b as usize].unwrap();
            let n = self.blocks[b as usize].len();
            for ii in 0..n {
                let ins = self.blocks[b as usize][ii];
                match ins.op {
                    Op::SETUP_FINALLY | Op::SETUP_CLEANUP | Op::SETUP_WITH => {
                        let h = &mut self.handlers[ins.arg as usize];
                        let hd = if ins.op == Op::SETUP_WITH { d - 1 } else { d };
                        if let Some(old) = h.depth {
                            if old as i32 != hd {
                                return Err(format!("handler {} set up at depths {} and {}", ins.arg, old, hd));
                            }
                        }
                        h.depth = Some(hd as u32);
                        let target_depth = hd + 1 + h.lasti as i32;
                        max = max.max(target_depth);
                        let t = h.target;
                        reach(&mut entry, &mut work, t, target_depth)?;
                        continue;
                    }
                    Op::POP_BLOCK => continue,
                    _ => {}
                }
                if ins.target != NO_BLOCK {
                    let jd = d + ins.op.stack_effect(ins.arg, true);
                    max = max.max(jd);
                    reach(&mut entry, &mut work, ins.target, jd)?;
                }
                d += ins.op.stack_effect(ins.arg, false);
                if d < 0 {
                    return Err(format!("stack underflow at {} in block {}", ins.op.name(), b));
                }
                max = max.max(d);
            }
            let ends = self.blocks[b as usize].last().map_or(false, |i| i.op.is_terminator());
            if !ends {
                if let Some(next) = self.fallthrough(pos_in_order[b as usize]) {
                    reach(&mut entry, &mut work, next, d)?;
                } else {
                    return Err(format!("control falls off the end of the code (block {})", b));
                }
            }
        }
        Ok(max as u32)
    }

    fn layout(self, stacksize: u32) -> Result<Assembled, String> {
        // Word size of each instruction depends on its argument, which for jumps depends on
        // the layout: iterate until stable (almost always one round).
        let mut offsets = vec![0u32; self.blocks.len()];
        loop {
            let mut at = 0u32;
            let mut new_offsets = vec![0u32; self.blocks.len()];
            for &b in &self.order {
                new_offsets[b as usize] = at;
                for ins in &self.blocks[b as usize] {
                    if ins.op.is_pseudo() {
                        continue;
                    }
                    let arg = if ins.target != NO_BLOCK { offsets[ins.target as usize] } else { ins.arg };
                    at += prefix_words(arg) + 1 + ins.op.cache_words();
                }
            }
            if new_offsets == offsets {
                break;
            }
            offsets = new_offsets;
        }
        let mut code = Vec::new();
        let mut lines: Vec<LineEntry> = Vec::new();
        let mut exceptions: Vec<ExceptionEntry> = Vec::new();
        let mut cur_handler = NO_HANDLER;
        let mut run_start = 0u32;
        let close = |exceptions: &mut Vec<ExceptionEntry>, h: u32, start: u32, end: u32, handlers: &[Handler], offsets: &[u32]| {
            if h == NO_HANDLER || start == end {
                return;
            }
            let hd = handlers[h as usize];
            let Some(depth) = hd.depth else { return };
            let target = offsets[hd.target as usize];
            if let Some(last) = exceptions.last_mut() {
                if last.end == start && last.target == target && last.depth == depth && last.lasti == hd.lasti {
                    last.end = end;
                    return;
                }
            }
            exceptions.push(ExceptionEntry { start, end, target, depth, lasti: hd.lasti });
        };
        for &b in &self.order {
            for ins in &self.blocks[b as usize] {
                if ins.op.is_pseudo() {
                    continue;
                }
                let start = code.len() as u32;
                if ins.handler != cur_handler {
                    close(&mut exceptions, cur_handler, run_start, start, &self.handlers, &offsets);
                    cur_handler = ins.handler;
                    run_start = start;
                }
                let arg = if ins.target != NO_BLOCK { offsets[ins.target as usize] } else { ins.arg };
                let prefixes = prefix_words(arg);
                for k in (1..=prefixes).rev() {
                    code.push(Op::EXTENDED_ARG as u32 | (((arg >> (24 * k)) & 0xff_ffff) << 8));
                }
                code.push(ins.op as u32 | ((arg & 0xff_ffff) << 8));
                for _ in 0..ins.op.cache_words() {
                    code.push(Op::CACHE as u32);
                }
                if lines.last().map_or(true, |l| l.pos != ins.pos) {
                    lines.push(LineEntry { start, pos: ins.pos });
                }
            }
        }
        close(&mut exceptions, cur_handler, run_start, code.len() as u32, &self.handlers, &offsets);
        Ok(Assembled { code, lines, exceptions, stacksize })
    }
}

fn prefix_words(arg: u32) -> u32 {
    if arg < (1 << 24) {
        0
    } else {
        1
    }
}
