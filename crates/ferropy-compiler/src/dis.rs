//! Disassembler (`ferropy-compiler dis FILE`), for review and tests.

use crate::code::{CodeUnit, Constant};
use crate::opcode::{binop, Op, CMP_SYMBOLS};
use std::fmt::Write;

pub fn dis(c: &CodeUnit) -> String {
    let mut out = String::new();
    dis_into(c, &mut out);
    out
}

fn dis_into(c: &CodeUnit, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code object {}> (qualname {}, line {}):", c.name, c.qualname, c.firstlineno);
    let _ = writeln!(
        out,
        "  argcount={} posonly={} kwonly={} flags=0x{:x} stacksize={}",
        c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.stacksize
    );
    let _ = writeln!(out, "  varnames={:?} cellvars={:?} freevars={:?}", c.varnames, c.cellvars, c.freevars);
    let Ok(ins) = c.instructions() else {
        let _ = writeln!(out, "  <undecodable>");
        return;
    };
    let targets: std::collections::HashSet<u32> =
        ins.iter().filter(|d| d.op.has_target()).map(|d| d.arg).chain(c.exceptions.iter().map(|e| e.target)).collect();
    let mut last_line = 0;
    for d in &ins {
        let pos = c.position(d.at);
        let line = if pos.line != last_line && pos.line != 0 { last_line = pos.line; format!("{:>4}", pos.line) } else { "    ".into() };
        let mark = if targets.contains(&d.start) { ">>" } else { "  " };
        let _ = writeln!(out, "{} {} {:>5} {:<22} {}", line, mark, d.at, d.op.name(), describe(c, d.op, d.arg));
    }
    if !c.exceptions.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &c.exceptions {
            let _ = writeln!(out, "  {} to {} -> {} [{}]{}", e.start, e.end, e.target, e.depth, if e.lasti { " lasti" } else { "" });
        }
    }
    for k in &c.consts {
        if let Constant::Code(inner) = k {
            let _ = writeln!(out);
            dis_into(inner, out);
        }
    }
}

fn describe(c: &CodeUnit, op: Op, arg: u32) -> String {
    let name = |i: u32| c.names.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    match op {
        Op::LOAD_CONST | Op::KW_NAMES => format!("{} ({})", arg, c.consts.get(arg as usize).map_or("?".into(), |k| k.repr())),
        Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => format!("{} ({})", arg, c.varnames.get(arg as usize).map_or("?", |s| s)),
        Op::LOAD_DEREF | Op::STORE_DEREF | Op::DELETE_DEREF | Op::LOAD_CLASSDEREF | Op::LOAD_CLOSURE | Op::MAKE_CELL => format!("{} ({})", arg, c.deref_name(arg)),
        Op::LOAD_NAME | Op::STORE_NAME | Op::DELETE_NAME | Op::STORE_GLOBAL | Op::DELETE_GLOBAL | Op::LOAD_ATTR | Op::STORE_ATTR | Op::DELETE_ATTR | Op::LOAD_METHOD | Op::IMPORT_NAME | Op::IMPORT_FROM => format!("{} ({})", arg, name(arg)),
        Op::LOAD_GLOBAL => format!("{} ({}{})", arg, if arg & 1 != 0 { "NULL + " } else { "" }, name(arg >> 1)),
        Op::BINARY_OP => {
            let base = arg % binop::INPLACE;
            format!("{} ({}{})", arg, binop::SYMBOLS.get(base as usize).unwrap_or(&"?"), if arg >= binop::INPLACE { "=" } else { "" })
        }
        Op::COMPARE_OP => format!("{} ({})", arg, CMP_SYMBOLS.get(arg as usize).unwrap_or(&"?")),
        _ if op.has_target() => format!("to {}", arg),
        _ => {
            if matches!(op, Op::NOP | Op::POP_TOP | Op::RETURN_VALUE | Op::PUSH_NULL | Op::GET_ITER) { String::new() } else { arg.to_string() }
        }
    }
}
