//! Unit tests of the compiler's rules (the differential tests against CPython live in
//! tools/compiler_tests.py).

use ferropy_compiler::code::{flags, CodeUnit, Constant};
use ferropy_compiler::compile::Options;
use ferropy_compiler::opcode::Op;
use ferropy_compiler::symtable::Scope;

fn st(src: &str) -> ferropy_compiler::symtable::SymbolTable {
    ferropy_compiler::symtable_of_source(src.as_bytes(), "t.py").unwrap().1
}

fn compile(src: &str) -> CodeUnit {
    let c = ferropy_compiler::compile_source(src.as_bytes(), "t.py", Options::default()).unwrap();
    ferropy_compiler::verify::verify(&c).unwrap();
    c
}

fn err(src: &str) -> (String, Option<i64>, Option<i64>) {
    let e = ferropy_compiler::compile_source(src.as_bytes(), "t.py", Options::default()).unwrap_err();
    (e.msg.clone(), e.lineno, e.offset)
}

fn child<'a>(c: &'a CodeUnit, name: &str) -> &'a CodeUnit {
    c.consts.iter().find_map(|k| match k {
        Constant::Code(x) if x.name == name => Some(&**x),
        _ => None,
    }).unwrap_or_else(|| panic!("no code object {}", name))
}

fn ops(c: &CodeUnit) -> Vec<Op> {
    c.instructions().unwrap().iter().map(|d| d.op).collect()
}

#[test]
fn closure_cells_and_frees() {
    let t = st("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
    let f = &t.blocks[t.blocks[0].children[0]];
    assert_eq!(f.scope("x"), Some(Scope::Cell));
    let g = &t.blocks[f.children[0]];
    assert_eq!(g.scope("x"), Some(Scope::Free));
    let c = compile("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
    let f = child(&c, "f");
    assert_eq!(f.cellvars, vec!["x"]);
    assert_eq!(child(f, "g").freevars, vec!["x"]);
    assert_eq!(child(f, "g").qualname, "f.<locals>.g");
    assert_eq!(f.flags & flags::NOFREE, 0);
    // CPython 3.11 no longer sets CO_NOFREE, not even on code without cells or free names.
    let c = compile("def p(a):\n    return a\n");
    assert_eq!(child(&c, "p").flags, flags::OPTIMIZED | flags::NEWLOCALS);
}

#[test]
fn class_scope_is_skipped_and_class_cell() {
    let src = "class C:\n    x = 1\n    def m(self):\n        return x, super()\n";
    let t = st(src);
    let c = &t.blocks[t.blocks[0].children[0]];
    assert!(c.needs_class_closure);
    let m = &t.blocks[c.children[0]];
    assert_eq!(m.scope("x"), Some(Scope::GlobalImplicit));
    assert_eq!(m.scope("__class__"), Some(Scope::Free));
    let code = compile(src);
    let cls = child(&code, "C");
    assert_eq!(cls.cellvars, vec!["__class__"]);
    assert_eq!(child(cls, "m").qualname, "C.m");
    assert!(cls.names.iter().any(|n| n == "__classcell__"));
}

#[test]
fn mangling_in_classes() {
    let t = st("class C:\n    __a = 1\n    def f(self):\n        return self.__b\n");
    assert!(t.blocks[t.blocks[0].children[0]].scope("_C__a").is_some());
    let c = compile("class C:\n    def f(self):\n        return self.__b\n");
    assert!(child(child(&c, "C"), "f").names.iter().any(|n| n == "_C__b"));
}

#[test]
fn symtable_errors() {
    assert_eq!(err("def f(x):\n    global x\n").0, "name 'x' is parameter and global");
    assert_eq!(err("def f():\n    nonlocal x\n").0, "no binding for nonlocal 'x' found");
    assert_eq!(err("nonlocal x\n").0, "nonlocal declaration not allowed at module level");
    assert_eq!(err("def f():\n    x = 1\n    global x\n").0, "name 'x' is assigned to before global declaration");
    assert_eq!(err("[x for x in (y := 1)]\n").0, "assignment expression cannot be used in a comprehension iterable expression");
    assert_eq!(err("class C:\n    [(y := 1) for x in z]\n").0, "assignment expression within a comprehension cannot be used in a class body");
}

#[test]
fn compile_errors() {
    assert_eq!(err("break\n"), ("'break' outside loop".into(), Some(1), Some(1)));
    assert_eq!(err("for x in y:\n    def f():\n        continue\n").0, "'continue' not properly in loop");
    assert_eq!(err("return\n").0, "'return' outside function");
    assert_eq!(err("yield\n").0, "'yield' outside function");
    assert_eq!(err("def f():\n    await x\n").0, "'await' outside async function");
    assert_eq!(err("async def f():\n    yield 1\n    return 1\n").0, "'return' with value in async generator");
    assert_eq!(err("__debug__ = 1\n").0, "cannot assign to __debug__");
    assert_eq!(err("*a = b\n").0, "starred assignment target must be in a list or tuple");
    assert_eq!(err("a, *b, *c = d\n").0, "multiple starred expressions in assignment");
    let deep: String = (0..21).map(|i| format!("{}while x:\n", "    ".repeat(i))).collect::<String>() + &"    ".repeat(21) + "pass\n";
    assert_eq!(err(&deep).0, "too many statically nested blocks");
}

#[test]
fn qualnames_and_flags() {
    let c = compile("def g():\n    yield 1\nasync def a():\n    await x\nf = lambda: [i for i in x]\n");
    assert_ne!(child(&c, "g").flags & flags::GENERATOR, 0);
    assert_ne!(child(&c, "a").flags & flags::COROUTINE, 0);
    let lam = child(&c, "<lambda>");
    assert_eq!(lam.qualname, "<lambda>");
    assert_eq!(child(lam, "<listcomp>").qualname, "<lambda>.<locals>.<listcomp>");
    assert_eq!(child(lam, "<listcomp>").argcount, 1);
}

#[test]
fn constant_folding_and_docstrings() {
    let c = compile("x = (1 + 2) * 3\ny = -5\nz = (1, 2, (3, 'a'))\n");
    assert!(c.consts.iter().any(|k| matches!(k, Constant::Int(s) if s == "9")));
    assert!(c.consts.iter().any(|k| matches!(k, Constant::Int(s) if s == "-5")));
    assert!(!ops(&c).contains(&Op::BINARY_OP));
    assert!(!ops(&c).contains(&Op::BUILD_TUPLE));
    let f = compile("def f():\n    'doc'\n    return 1\ndef g():\n    return 'x'\n");
    assert!(matches!(&child(&f, "f").consts[0], Constant::Str(s) if &**s == b"doc"));
    assert!(matches!(&child(&f, "g").consts[0], Constant::None));
}

#[test]
fn asserts_and_debug_with_optimize() {
    let src = "assert x, 'm'\ny = __debug__\n";
    let plain = compile(src);
    assert!(ops(&plain).contains(&Op::LOAD_ASSERTION_ERROR));
    let o = ferropy_compiler::compile_source(src.as_bytes(), "t.py", Options { optimize: 1, ..Default::default() }).unwrap();
    assert!(!ops(&o).contains(&Op::LOAD_ASSERTION_ERROR));
    assert!(o.consts.iter().any(|k| matches!(k, Constant::Bool(false))));
}

#[test]
fn exception_table_and_dead_code() {
    let c = compile("try:\n    f()\nexcept E as e:\n    g(e)\nfinally:\n    h()\n");
    assert!(c.exceptions.len() >= 3);
    assert!(c.exceptions.iter().any(|e| e.lasti));
    let d = compile("def f():\n    return 1\n    print('dead')\n");
    assert!(!child(&d, "f").names.iter().any(|n| n == "print") || !ops(child(&d, "f")).contains(&Op::CALL));
    // Positions: each instruction maps back to its source span.
    let p = compile("x = 1\nprint(x)\n");
    let call = p.instructions().unwrap().into_iter().find(|d| d.op == Op::CALL).unwrap();
    let pos = p.position(call.at);
    assert_eq!((pos.line, pos.col, pos.end_col), (2, 0, 8));
}

#[test]
fn match_statements_verify() {
    compile("match x:\n    case [1, *r] | (2, *r): pass\n    case {'a': b, **kw}: pass\n    case C(1, y=z) if z: pass\n    case _: pass\n");
    assert_eq!(err("match x:\n    case a:\n        pass\n    case 1:\n        pass\n").0, "name capture 'a' makes remaining patterns unreachable");
}

#[test]
fn pass_and_constant_statements_keep_a_line_event() {
    // Tracing reports a 'line' event for `pass` and `1` lines, as CPython's NOPs give.
    let c = compile("def f(x):\n    if x:\n        pass\n    else:\n        1\n    return x\n");
    let f = child(&c, "f");
    let lines: Vec<u32> = f.lines.iter().map(|l| l.pos.line).collect();
    assert!(lines.contains(&3) && lines.contains(&5), "{:?}", lines);
    // Redundant NOPs go: a `pass` on the line of other code adds nothing.
    let g = compile("def g(x):\n    x = 1; pass\n    return x\n");
    assert!(!ops(child(&g, "g")).contains(&Op::NOP));
}
