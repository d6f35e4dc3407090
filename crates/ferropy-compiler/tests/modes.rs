//! Compile modes and flags: `eval`, `single`, `PyCF_*` and inherited future flags.  The
//! expected results are what CPython 3.11's `compile()` gives for the same input.

use ferropy_compiler::cflags;
use ferropy_compiler::code::{flags, Constant};
use ferropy_compiler::compile::{Mode, Options};
use ferropy_compiler::opcode::Op;

fn opts(mode: Mode, flags: u32) -> Options {
    Options { mode, flags, optimize: 0 }
}

/// "OK" or "Kind msg line offset end_line end_offset".
fn outcome(src: &str, mode: Mode, fl: u32) -> String {
    match ferropy_compiler::compile(src.as_bytes(), "<s>", opts(mode, fl)) {
        Ok(c) => {
            ferropy_compiler::verify::verify(&c.code).unwrap();
            "OK".to_string()
        }
        Err(e) => format!("{} {} {} {} {} {}", e.kind.name(), e.msg, e.lineno.unwrap_or(-9), e.offset.unwrap_or(-9), e.end_lineno.unwrap_or(-9), e.end_offset.unwrap_or(-9)),
    }
}

fn ops(src: &str, mode: Mode) -> Vec<Op> {
    let c = ferropy_compiler::compile(src.as_bytes(), "<s>", opts(mode, 0)).unwrap().code;
    ferropy_compiler::verify::verify(&c).unwrap();
    c.instructions().unwrap().iter().map(|d| d.op).filter(|o| *o != Op::CACHE).collect()
}

#[test]
fn eval_mode_accepts_and_rejects_as_cpython() {
    let cases: &[(&str, &str)] = &[
        ("1", "OK"),
        ("1\n\n", "OK"),
        ("\n1", "OK"),
        ("(1,\n2)", "OK"),
        ("a,b", "OK"),
        ("1 if 2 else 3", "OK"),
        ("lambda: (yield)", "OK"),
        (" 1", "IndentationError unexpected indent 1 1 1 -1"),
        ("1;2", "SyntaxError invalid syntax 1 2 1 3"),
        ("x=1", "SyntaxError invalid syntax 1 2 1 3"),
        ("1\n2", "SyntaxError invalid syntax 2 1 2 2"),
        ("", "SyntaxError invalid syntax 0 0 0 0"),
        ("yield 1", "SyntaxError invalid syntax 1 1 1 6"),
        ("await x", "SyntaxError 'await' outside function 1 1 1 8"),
        ("*a", "SyntaxError invalid syntax 1 1 1 2"),
        ("*a,", "SyntaxError invalid syntax 1 1 1 2"),
    ];
    for (src, want) in cases {
        assert_eq!(outcome(src, Mode::Eval, 0), *want, "eval {:?}", src);
    }
}

#[test]
fn eval_mode_code_returns_the_value() {
    assert_eq!(ops("x + 1", Mode::Eval), vec![Op::RESUME, Op::LOAD_NAME, Op::LOAD_CONST, Op::BINARY_OP, Op::RETURN_VALUE]);
    assert_eq!(ops("lambda: 1", Mode::Eval), vec![Op::RESUME, Op::LOAD_CONST, Op::MAKE_FUNCTION, Op::RETURN_VALUE]);
    let c = ferropy_compiler::compile(b"'doc'", "<s>", opts(Mode::Eval, 0)).unwrap().code;
    assert!(matches!(&c.consts[0], Constant::Str(s) if &**s == "doc".as_bytes()));
    assert_eq!(c.name, "<module>");
}

#[test]
fn single_mode_accepts_and_rejects_as_cpython() {
    let cases: &[(&str, &str)] = &[
        ("1", "OK"),
        ("x=1", "OK"),
        ("1;2", "OK"),
        ("if 1:\n  x\n", "OK"),
        ("if 1:\n  x", "OK"),
        ("if 1:\n  x\n\n", "OK"),
        ("def f():\n  pass\n", "OK"),
        ("if 1:\n pass\nelse:\n pass\n", "OK"),
        ("x=1\n\n", "OK"),
        ("1\n#c\n", "OK"),
        ("x=1 # c\n  # d\n", "OK"),
        ("x=1;\n", "OK"),
        ("x=1\ny=2", "SyntaxError multiple statements found while compiling a single statement 1 4 1 4"),
        ("a\n\nb", "SyntaxError multiple statements found while compiling a single statement 1 2 1 2"),
        ("x=1\n  y", "SyntaxError multiple statements found while compiling a single statement 1 4 1 4"),
        ("x = (1,\n 2)\ny", "SyntaxError multiple statements found while compiling a single statement 2 4 2 4"),
        ("if 1:\n  x\nz", "SyntaxError invalid syntax 3 1 3 2"),
        ("if 1:\n  x\n\nz\n", "SyntaxError invalid syntax 4 1 4 2"),
        ("def f():\n  return 1\nf()", "SyntaxError invalid syntax 3 1 3 2"),
        ("", "SyntaxError invalid syntax 0 0 0 0"),
        ("\n", "SyntaxError invalid syntax 1 0 1 0"),
        ("# c", "SyntaxError invalid syntax 1 0 1 0"),
        ("await x", "SyntaxError 'await' outside function 1 1 1 8"),
    ];
    for (src, want) in cases {
        assert_eq!(outcome(src, Mode::Single, 0), *want, "single {:?}", src);
    }
}

#[test]
fn single_mode_prints_expression_statements() {
    // CPython: a string is printed, not a docstring; nested blocks print too; functions don't.
    assert_eq!(ops("'a'", Mode::Single), vec![Op::RESUME, Op::LOAD_CONST, Op::PRINT_EXPR, Op::LOAD_CONST, Op::RETURN_VALUE]);
    assert_eq!(ops("x=1;y", Mode::Single), vec![Op::RESUME, Op::LOAD_CONST, Op::STORE_NAME, Op::LOAD_NAME, Op::PRINT_EXPR, Op::LOAD_CONST, Op::RETURN_VALUE]);
    let o = ops("if 1:\n  5\n  def f(): 6", Mode::Single);
    assert_eq!(o.iter().filter(|x| **x == Op::PRINT_EXPR).count(), 1);
    assert!(ops("x: int = 1", Mode::Single).contains(&Op::SETUP_ANNOTATIONS));
    assert!(!ops("'a'", Mode::Exec).contains(&Op::PRINT_EXPR));
}

#[test]
fn incomplete_input_and_dont_imply_dedent() {
    let inc = cflags::ALLOW_INCOMPLETE_INPUT;
    let did = cflags::DONT_IMPLY_DEDENT;
    let cases: &[(&str, Mode, u32, &str)] = &[
        ("if 1:\n  x\n", Mode::Single, did, "OK"),
        ("if 1:\n  x\n", Mode::Single, did | inc, "OK"),
        ("x=1", Mode::Single, did | inc, "OK"),
        ("if 1:\n  x", Mode::Single, did, "SyntaxError invalid syntax 2 0 2 0"),
        ("if 1:\n  x", Mode::Single, did | inc, "SyntaxError incomplete input 2 3 2 -1"),
        ("if 1:\n  x", Mode::Exec, inc, "OK"),
        ("x = (", Mode::Exec, inc, "SyntaxError incomplete input"),
        ("x = (", Mode::Exec, 0, "SyntaxError '(' was never closed"),
        ("x = \"\"\"\n", Mode::Exec, inc, "SyntaxError incomplete input"),
        ("for x in y:\n", Mode::Exec, inc, "SyntaxError incomplete input"),
        ("class A:\n  def f(self):\n", Mode::Single, inc, "SyntaxError incomplete input"),
        ("for x in y:\n", Mode::Exec, 0, "IndentationError expected an indented block after 'for' statement on line 1"),
        ("if 9:\n  x\nelse:", Mode::Single, did | inc, "SyntaxError incomplete input"),
        ("a\\", Mode::Exec, inc, "SyntaxError incomplete input"),
        ("'abc", Mode::Single, inc, "SyntaxError incomplete input"),
        ("'abc", Mode::Exec, inc, "SyntaxError unterminated string literal (detected at line 1)"),
        ("1 +\n", Mode::Exec, inc, "SyntaxError invalid syntax 1 4 1 4"),
    ];
    for (src, mode, fl, want) in cases {
        let got = outcome(src, *mode, *fl);
        assert!(got.starts_with(want), "{:?} {:?} {:#x}: got {:?}, want {:?}", src, mode, fl, got, want);
    }
}

#[test]
fn future_flags_inherited_and_reported() {
    // compile('x', '', 'exec', CO_FUTURE_ANNOTATIONS | CO_FUTURE_DIVISION).co_flags == 0x1020000
    let c = ferropy_compiler::compile(b"x", "<s>", opts(Mode::Exec, 0x0102_0000)).unwrap();
    assert_eq!(c.code.flags & cflags::FUTURE_MASK, 0x0102_0000);
    assert_eq!(c.future_flags, 0x0102_0000);
    // Inherited `annotations` makes annotations strings: no evaluation of the name.
    let c = ferropy_compiler::compile(b"x: undefined_name = 1", "<s>", opts(Mode::Exec, cflags::CO_FUTURE_ANNOTATIONS)).unwrap();
    assert!(c.code.consts.iter().any(|k| matches!(k, Constant::Str(s) if &**s == "undefined_name".as_bytes())));
    // The source's own future statement is reported back to the caller; division is not.
    let c = ferropy_compiler::compile(b"from __future__ import annotations, division\n", "<s>", opts(Mode::Exec, 0)).unwrap();
    assert_eq!(c.future_flags, cflags::CO_FUTURE_ANNOTATIONS);
    assert_eq!(c.code.flags & flags::FUTURE_ANNOTATIONS, flags::FUTURE_ANNOTATIONS);
    let c = ferropy_compiler::compile(b"from __future__ import annotations", "<s>", opts(Mode::Single, 0)).unwrap();
    assert_eq!(c.code.flags, cflags::CO_FUTURE_ANNOTATIONS);
    // Nested code objects carry the bits too.
    let c = ferropy_compiler::compile(b"def f(): pass", "<s>", opts(Mode::Exec, 0x20000)).unwrap();
    let f = c.code.consts.iter().find_map(|k| if let Constant::Code(x) = k { Some(x.clone()) } else { None }).unwrap();
    assert_eq!(f.flags & cflags::FUTURE_MASK, 0x20000);
}

#[test]
fn ignore_cookie_reads_text_as_utf8() {
    let src = "# -*- coding: latin-1 -*-\nx = 'é'\n";
    let c = ferropy_compiler::compile(src.as_bytes(), "<s>", opts(Mode::Exec, cflags::IGNORE_COOKIE)).unwrap();
    assert!(c.code.consts.iter().any(|k| matches!(k, Constant::Str(s) if &**s == "é".as_bytes())));
    let c = ferropy_compiler::compile(src.as_bytes(), "<s>", opts(Mode::Exec, 0)).unwrap();
    assert!(c.code.consts.iter().any(|k| matches!(k, Constant::Str(s) if &**s == "Ã©".as_bytes())));
}

#[test]
fn warnings_are_collected_in_cpython_order() {
    // The full differential corpus is tools/compiler_tests.py --warnings; these pin the API.
    let c = ferropy_compiler::compile(b"print(1 is 1)\nprint('\\d')\nassert (x, 1)\n", "<s>", opts(Mode::Exec, 0)).unwrap();
    let got: Vec<(String, &str, u32, u32, u32)> = c.warnings.iter().map(|w| (w.message.clone(), w.category.name(), w.lineno, w.offset, w.end_offset)).collect();
    assert_eq!(
        got,
        vec![
            ("invalid escape sequence '\\d'".to_string(), "DeprecationWarning", 2, 7, 11),
            ("\"is\" with a literal. Did you mean \"==\"?".to_string(), "SyntaxWarning", 1, 7, 13),
            ("assertion is always true, perhaps remove parentheses?".to_string(), "SyntaxWarning", 3, 1, 14),
        ]
    );
    // Warnings are also found under -O (assert) and in eval mode.
    let c = ferropy_compiler::compile(b"assert (x, 1)", "<s>", Options { optimize: 1, ..Default::default() }).unwrap();
    assert_eq!(c.warnings.len(), 1);
    let c = ferropy_compiler::compile(b"(1, 2)(3)", "<s>", opts(Mode::Eval, 0)).unwrap();
    assert_eq!(c.warnings[0].message, "'tuple' object is not callable; perhaps you missed a comma?");
    assert!(ferropy_compiler::compile(b"x is None or x is not ...", "<s>", opts(Mode::Eval, 0)).unwrap().warnings.is_empty());
}

#[test]
fn small_sources_compile_on_a_small_stack() {
    // Sources up to 256 bytes compile on the caller's thread: the deepest nesting that
    // fits must not need more than a modest thread stack.
    let deep = |open: &str, close: &str| {
        let n = 250 / (open.len() + close.len());
        format!("{}1{}", open.repeat(n), close.repeat(n))
    };
    let sources = [deep("(", ")"), deep("[", "]"), deep("-", ""), deep("f(", ")"), deep("{1:", "}"), deep("(lambda:", ")"), deep("not ", "")];
    for src in sources {
        assert!(src.len() <= 256);
        let r = std::thread::Builder::new()
            .stack_size(512 << 10)
            .spawn(move || ferropy_compiler::compile(src.as_bytes(), "<s>", opts(Mode::Eval, 0)).map(|_| ()).map_err(|e| e.msg.clone()))
            .unwrap()
            .join()
            .expect("compiling a small source overflowed a 512 KiB stack");
        let _ = r;
    }
}
