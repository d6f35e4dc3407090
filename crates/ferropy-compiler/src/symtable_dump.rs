//! Text form of a symbol table, identical to what `tools/compiler_tests.py` prints from
//! CPython's `symtable` module (symbols sorted by name: CPython's order for names passing
//! through to children follows set iteration, which is not stable).

use crate::symtable::*;
use std::fmt::Write;

pub fn dump(t: &SymbolTable) -> String {
    let mut out = String::new();
    dump_block(t, 0, 0, &mut out);
    out
}

fn dump_block(t: &SymbolTable, bi: usize, depth: usize, out: &mut String) {
    let b = &t.blocks[bi];
    let kind = match b.kind {
        BlockKind::Module => "module",
        BlockKind::Class => "class",
        BlockKind::Function => "function",
        BlockKind::Annotation => "annotation",
    };
    let pad = "  ".repeat(depth);
    let children: Vec<&str> = b.children.iter().map(|&c| t.blocks[c].name.as_str()).collect();
    let _ = writeln!(out, "{}TABLE {} {} line={} nested={} optimized={} children=[{}]", pad, kind, b.name, b.loc.lineno, b.nested as u8, b.is_function() as u8, children.join(","));
    if b.is_function() {
        let _ = writeln!(out, "{}  params=[{}]", pad, b.varnames.join(","));
    }
    let mut syms: Vec<&(String, u32)> = b.symbols.iter().collect();
    syms.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, flags) in syms {
        let _ = writeln!(out, "{}  {} flags={} {}", pad, name, flags, predicates(*flags, b.name == "top"));
    }
    for &c in &b.children {
        dump_block(t, c, depth + 1, out);
    }
}

/// The `symtable.Symbol.is_*` answers, one letter each (`-` for false).
fn predicates(flags: u32, module: bool) -> String {
    let scope = Scope::of(flags);
    let p = [
        ('R', flags & USE != 0),
        ('I', flags & DEF_IMPORT != 0),
        ('P', flags & DEF_PARAM != 0),
        // In a table named "top" (the module, or any function so named: `symtable`'s own
        // test) every bound name counts as global and local, as `Symbol.is_global` says.
        ('G', matches!(scope, Some(Scope::GlobalExplicit | Scope::GlobalImplicit)) || (module && flags & DEF_BOUND != 0)),
        ('N', flags & DEF_NONLOCAL != 0),
        ('D', scope == Some(Scope::GlobalExplicit)),
        ('L', matches!(scope, Some(Scope::Local | Scope::Cell)) || (module && flags & DEF_BOUND != 0)),
        ('A', flags & DEF_ANNOT != 0),
        ('F', scope == Some(Scope::Free)),
        ('S', flags & DEF_LOCAL != 0),
        ('C', scope == Some(Scope::Cell)),
    ];
    p.iter().map(|&(c, on)| if on { c } else { '-' }).collect()
}
