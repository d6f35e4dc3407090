//! Lines for instructions the code generator leaves without one (an implicit `return None`,
//! a class body's closing return), decided on the control-flow graph as CPython 3.11 does:
//! such an instruction belongs to the line control came from. A line-less exit block
//! reached from several places is copied once per jump to it, so that a tracer sees the
//! function return from the line it actually left (`if a: x = 1` returns from line of
//! `x = 1`, not from the `if`).
use crate::assemble::{BlockId, Cfg, Instr, NO_BLOCK};
use crate::code::Position;
use crate::opcode::Op;

fn has_line(ins: &Instr) -> bool {
    ins.pos.line != 0
}

/// An instruction whose `target` is a control-flow edge (not a handler set-up).
fn is_jump(ins: &Instr) -> bool {
    ins.target != NO_BLOCK && !ins.op.is_pseudo()
}

fn ends_scope(block: &[Instr]) -> bool {
    block.last().is_some_and(|i| matches!(i.op, Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE))
}

fn falls_through(block: &[Instr]) -> bool {
    !block.last().is_some_and(|i| i.op.is_terminator())
}

impl Cfg {
    fn is_exit_without_line(&self, b: BlockId) -> bool {
        let block = &self.blocks[b as usize];
        ends_scope(block) && !block.iter().any(has_line)
    }

    /// Edges into each block: jumps, handler set-ups and fall-through (layout order).
    fn predecessor_counts(&self) -> Vec<u32> {
        let mut preds = vec![0u32; self.blocks.len()];
        for (i, &b) in self.order.iter().enumerate() {
            let block = &self.blocks[b as usize];
            for ins in block {
                if ins.op.is_pseudo() && ins.op != Op::POP_BLOCK {
                    preds[self.handlers[ins.arg as usize].target as usize] += 1;
                } else if is_jump(ins) {
                    preds[ins.target as usize] += 1;
                }
            }
            if falls_through(block) {
                if let Some(&next) = self.order.get(i + 1) {
                    preds[next as usize] += 1;
                }
            }
        }
        preds
    }

    /// Gives line-less instructions the line of what runs before them (see the module doc).
    pub(crate) fn assign_lines_to_lineless(&mut self) {
        self.skip_empty_jump_targets();
        self.copy_shared_lineless_exits();
        self.propagate_lines();
    }

    /// Jumps to an empty block go to the block it falls into, so that the blocks' edges are
    /// the ones control takes.
    fn skip_empty_jump_targets(&mut self) {
        let mut pos_in_order = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in self.order.iter().enumerate() {
            pos_in_order[b as usize] = i;
        }
        for bi in 0..self.blocks.len() {
            for k in 0..self.blocks[bi].len() {
                let ins = self.blocks[bi][k];
                if !is_jump(&ins) {
                    continue;
                }
                let mut at = pos_in_order[ins.target as usize];
                while at != usize::MAX && at + 1 < self.order.len() && self.blocks[self.order[at] as usize].is_empty() {
                    at += 1;
                }
                if at != usize::MAX {
                    self.blocks[bi][k].target = self.order[at];
                }
            }
        }
    }

    /// A block that ends by jumping to a line-less exit block takes a copy of the exit in
    /// place of the jump (as CPython lays it out: no new line starts there, so an
    /// `f_lineno` jump cannot land on it); another jump to a shared one gets its own copy
    /// after the original (which ends in a terminator, so nothing falls into it).
    fn copy_shared_lineless_exits(&mut self) {
        let mut preds = self.predecessor_counts();
        let mut inlined_from: Vec<BlockId> = Vec::new();
        let mut i = 0;
        while i < self.order.len() {
            let b = self.order[i] as usize;
            for k in 0..self.blocks[b].len() {
                let jump = self.blocks[b][k];
                if !is_jump(&jump) || !self.is_exit_without_line(jump.target) {
                    continue;
                }
                let target = jump.target;
                let mut copy = self.blocks[target as usize].clone();
                copy[0].pos = jump.pos;
                if k + 1 == self.blocks[b].len() && jump.op.is_unconditional_jump() {
                    self.blocks[b].pop();
                    self.blocks[b].extend(copy);
                    preds[target as usize] -= 1;
                    inlined_from.push(target);
                } else if preds[target as usize] > 1 {
                    self.blocks.push(copy);
                    let new = (self.blocks.len() - 1) as BlockId;
                    preds.push(1);
                    preds[target as usize] -= 1;
                    self.blocks[b][k].target = new;
                    let at = self.order.iter().position(|&o| o == target).unwrap();
                    self.order.insert(at + 1, new);
                    if at < i {
                        i += 1;
                    }
                }
            }
            i += 1;
        }
        // An exit every jump to which was replaced by a copy is no longer reached.
        self.order.retain(|&o| !(preds[o as usize] == 0 && inlined_from.contains(&o)));
        // What falls into a line-less exit takes it over with its own last line.
        for i in 0..self.order.len().saturating_sub(1) {
            let (b, next) = (self.order[i], self.order[i + 1]);
            let block = &self.blocks[b as usize];
            if falls_through(block) && self.is_exit_without_line(next) {
                if let Some(last) = block.last().copied().filter(has_line) {
                    self.blocks[next as usize][0].pos = last.pos;
                }
            }
        }
    }

    /// Within a block a line-less instruction takes the previous one's position; a block
    /// entered only from one place starts with that place's position (an empty block passes
    /// it on to the block it falls into).
    fn propagate_lines(&mut self) {
        let preds = self.predecessor_counts();
        let mut entry: Vec<Option<Position>> = vec![None; self.blocks.len()];
        for i in 0..self.order.len() {
            let b = self.order[i] as usize;
            let mut prev: Option<Position> = entry[b];
            for k in 0..self.blocks[b].len() {
                let ins = &mut self.blocks[b][k];
                if ins.op.is_pseudo() {
                    continue;
                }
                if has_line(ins) {
                    prev = Some(ins.pos);
                } else if let Some(p) = prev {
                    ins.pos = p;
                }
                let ins = *ins;
                if is_jump(&ins) && has_line(&ins) {
                    self.start_sole_successor(&preds, &mut entry, ins.target, ins.pos);
                }
            }
            if let (Some(p), true) = (prev, falls_through(&self.blocks[b])) {
                if let Some(&next) = self.order.get(i + 1) {
                    self.start_sole_successor(&preds, &mut entry, next, p);
                }
            }
        }
    }

    /// A block with one predecessor and a line-less start begins at `pos`.
    fn start_sole_successor(&mut self, preds: &[u32], entry: &mut [Option<Position>], b: BlockId, pos: Position) {
        if preds[b as usize] != 1 {
            return;
        }
        match self.blocks[b as usize].iter_mut().find(|i| !i.op.is_pseudo()) {
            Some(first) if has_line(first) => {}
            Some(first) => {
                first.pos = pos;
                entry[b as usize] = Some(pos);
            }
            None => entry[b as usize] = Some(pos),
        }
    }
}
