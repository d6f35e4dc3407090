//! Structural verifier of a finished `CodeUnit` (run over the whole stdlib by the tests):
//! decodable words, arguments in range, jump targets on instruction starts, a stack depth
//! that never goes negative, agrees at every merge and stays within `stacksize`, and an
//! exception table whose ranges, targets and depths make sense.

use crate::code::{CodeUnit, Constant};
use crate::opcode::Op;
use std::collections::HashMap;

pub fn verify(c: &CodeUnit) -> Result<(), String> {
    verify_one(c).map_err(|e| format!("{} ({}): {}", c.qualname, c.firstlineno, e))?;
    for k in &c.consts {
        if let Constant::Code(inner) = k {
            verify(inner)?;
        }
    }
    Ok(())
}

fn verify_one(c: &CodeUnit) -> Result<(), String> {
    let ins = c.instructions()?;
    if ins.is_empty() {
        return Err("no instructions".into());
    }
    let mut index_of: HashMap<u32, usize> = HashMap::new();
    for (i, d) in ins.iter().enumerate() {
        index_of.insert(d.start, i);
    }
    let nderef = (c.cellvars.len() + c.freevars.len()) as u32;
    for d in &ins {
        let bad = match d.op {
            Op::LOAD_CONST => d.arg as usize >= c.consts.len(),
            Op::KW_NAMES => !matches!(c.consts.get(d.arg as usize), Some(Constant::Tuple(_))),
            Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => d.arg as usize >= c.varnames.len(),
            Op::LOAD_DEREF | Op::STORE_DEREF | Op::DELETE_DEREF | Op::LOAD_CLASSDEREF | Op::LOAD_CLOSURE | Op::MAKE_CELL => d.arg >= nderef,
            Op::LOAD_NAME | Op::STORE_NAME | Op::DELETE_NAME | Op::STORE_GLOBAL | Op::DELETE_GLOBAL | Op::LOAD_ATTR | Op::STORE_ATTR => d.arg as usize >= c.names.len(),
            Op::DELETE_ATTR | Op::LOAD_METHOD | Op::IMPORT_NAME | Op::IMPORT_FROM => d.arg as usize >= c.names.len(),
            Op::LOAD_GLOBAL => (d.arg >> 1) as usize >= c.names.len(),
            Op::COPY | Op::SWAP => d.arg == 0,
            Op::COPY_FREE_VARS => d.arg as usize != c.freevars.len(),
            _ => false,
        };
        if bad {
            return Err(format!("{} argument {} out of range at {}", d.op.name(), d.arg, d.at));
        }
        if d.op.has_target() && !index_of.contains_key(&d.arg) {
            return Err(format!("{} at {} jumps to {}, not an instruction", d.op.name(), d.at, d.arg));
        }
    }
    // Exception table.
    let mut handler_depth: HashMap<u32, u32> = HashMap::new();
    let mut prev_end = 0;
    for e in &c.exceptions {
        if e.start >= e.end || e.end as usize > c.code.len() || e.start < prev_end {
            return Err(format!("bad exception range {}..{}", e.start, e.end));
        }
        prev_end = e.end;
        if !index_of.contains_key(&e.target) || !index_of.contains_key(&e.start) {
            return Err(format!("exception entry {:?} not on instruction boundaries", e));
        }
        if e.depth + 1 + e.lasti as u32 > c.stacksize {
            return Err(format!("exception entry {:?} deeper than stacksize {}", e, c.stacksize));
        }
        handler_depth.insert(e.target, e.depth + 1 + e.lasti as u32);
    }
    // Stack depths by abstract interpretation.
    let mut depth: Vec<Option<i32>> = vec![None; ins.len()];
    let mut work = vec![(0usize, 0i32)];
    for (&t, &d) in &handler_depth {
        work.push((index_of[&t], d as i32));
    }
    while let Some((i, d)) = work.pop() {
        if i >= ins.len() {
            return Err("control runs off the end".into());
        }
        match depth[i] {
            Some(old) if old == d => continue,
            Some(old) => return Err(format!("stack depth {} vs {} at word {}", old, d, ins[i].at)),
            None => depth[i] = Some(d),
        }
        let x = ins[i];
        if x.op.has_target() {
            let jd = d + x.op.stack_effect(x.arg, true);
            if jd < 0 || jd as u32 > c.stacksize {
                return Err(format!("depth {} after jump at word {}", jd, x.at));
            }
            work.push((index_of[&x.arg], jd));
        }
        let nd = d + x.op.stack_effect(x.arg, false);
        if nd < 0 || nd as u32 > c.stacksize {
            return Err(format!("depth {} after {} at word {} (stacksize {})", nd, x.op.name(), x.at, c.stacksize));
        }
        if !x.op.is_terminator() {
            work.push((i + 1, nd));
        }
    }
    for e in &c.exceptions {
        // Every covered instruction must sit at least as deep as the handler unwinds to.
        for (i, d) in ins.iter().enumerate() {
            if d.at >= e.start && d.at < e.end {
                if let Some(dd) = depth[i] {
                    if (dd as u32) < e.depth {
                        return Err(format!("word {} at depth {} under handler depth {}", d.at, dd, e.depth));
                    }
                }
            }
        }
    }
    Ok(())
}
