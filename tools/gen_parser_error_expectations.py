#!/usr/bin/env python3
"""Generate the parser error corpus and its expectations from CPython 3.11 (the oracle).

    python3 tools/gen_parser_error_expectations.py

Writes crates/ferropy-parser/tests/errors/cases.py.txt (the invalid programs, separated by
'### case' lines) and expected.txt (one line per case: exception type, msg, lineno |
offset, end_lineno, end_offset -- or OK).  Both are committed; tools/parser_tests.py
--errors checks ours against them.  Add cases to the list below and rerun.
"""
import ast, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, 'crates', 'ferropy-parser', 'tests', 'errors')

C = [
"f() = 1", "x = f() = 1", "a + 1 = 2", "(a, f()) = 1", "if x = 1: pass", "f(a=1 b)", 'print "x"', "[a b]", "a b",
"for x in y\n  pass", "def f():\npass", "x = 1 +", "del f()", "None = 1", "x += 1, = 2", "(yield) = 1",
"f(x for x in y, 1)", "a, b += 1", "x: int, y: int = 1", "[x for x in y] = 1", 'f"{x!z}"', 'f"{}"', 'f"{x"',
"def f(a=1, b): pass", "class A(x for x in y): pass", "import a.b as", "from x import a,", "a = 1 if b",
"del *a", "def f(): yield = 1", "a.1", "1 = 1", '"a" = 1', "x = yield = 1", "f(**a, *b)", "f(a for a in b, )",
"1abc", "0x", "0xg", "08", "0o8", "1_", "1e", "1__0", "if x:\n  a\n    b", "if x:\n    a\n  b", "if x", "if x\n",
"  x", "x = (1,\n2", "x = )", "x = (]", "'abc", "'''abc\n", "a $ b", "a ! b", "0_7", "0b2", "0b12", "f(**)",
"a\\ b", 'x = "a\\\nb', "if x:\n\ta\n        b", "while x\n    pass\n", "while x:\npass\n", "for x in y:\npass\n",
"with a:\npass\n", "try:\npass\n", "try:\n    pass\nexcept:\npass\n", "try:\n    pass\nfinally:\npass\n",
"try:\n    pass\nx = 1\n", "class C:\npass\n", "class C\n    pass\n", "def f()\n    pass\n", "def f(:\n    pass\n",
"if x:\n    pass\nelif y:\npass\n", "if x:\n    pass\nelse:\npass\n", "match x:\ncase 1:\n    pass\n",
"match x:\n    case 1:\n    pass\n", "x = [1, 2\ny = 3\n", "x = {1: 2, 3}", "x = {1: 2, 3: }", "lambda x=1, y: x",
"def f(*): pass", "def f(*, **k): pass", "def f(**k, a): pass", "def f(a, /, b, /): pass", "def f(*a, /): pass",
"def f(/): pass", "def f(*a=1): pass", "def f(**k=1): pass", "f(a, *b, c=1, d)", "f(**k, a)", "f(a=1, b)",
"x = 1 = 2", "(a, b) += 1", "[a] += 1", "f() += 1", "x.y: int, z = 1", "(x, y): int", "[x]: int", "f(): int",
"del (a, b()), c", "del [a, 1]", "del a + b", "for 1 in x: pass", "for f() in x: pass", "with a as 1: pass",
"with a as f(): pass", "x = lambda: yield", "import", "from . import", "from x import", "from x import *, y",
"import a as b.c", "global", "nonlocal 1", "assert", "raise from x", "return x y", "a = *", "a = b c",
"a if b else", "(a, b", "a, b)", "]", "}", "x = 1 2", "x = 'a' 'b' c", 'f"{x!}"', 'f"{x!rr}"', 'f"}"',
'f"{x:{y:{z}}}"', 'f"{a#}"', "f\"{'a'}\" f\"{\"", "b'\u00e9'", "'a' b'b'", "u'x' b'y'", '"\\N{FOO BAR}"',
'"\\x1"', '"\\u12"', 'b"\\x1"', "x = 1 if 2 else", "not", "a not b", "a is not", "x = {**}", "x = [*]",
"print(*)", "@\ndef f(): pass", "@x\nclass", "async x", "await", "x = (yield from)",
"def f(a, a=1, *, b): pass", "lambda *: 1", "lambda **k, a: 1", "class A(metaclass=M, x): pass",
"class A(**k, x): pass", "try:\n    pass\nexcept* :\n    pass\n", "try:\n    pass\nexcept A, B:\n    pass\n",
"try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n", "match x:\n    case a as _:\n        pass\n",
"match x:\n    case {a: 1}:\n        pass\n", "match x:\n    case C(a=1, b):\n        pass\n",
"match x:\n    case 1 + 1:\n        pass\n", "match x:\n    case f\"{x}\":\n        pass\n",
"match x:\n    case -a:\n        pass\n", "x = 0b", "x = 0o", "x = 1.e", "x = 1e+", "x = 5j3", "x = 0xfor",
"x = 1_000_", "x = 09.5j", "x = 012", "x = 0_1", "x = 1__2", "x = \u20ac ", "a = 1 \u20ac 2",
"def \u20ac(): pass", "x = ~", "x = -", "x = a.", "x = a[", "x = a[1", "x = a(", "x = a(1", "x = a(1,", "x = {",
"x = [", "x = (", "if x:\n    pass\n  else:\n    pass\n", "def f():\n    return\n\tx\n", 'x = """',
"class A:\n    def f(self):\n        pass\n   def g(self):\n        pass\n", "f(a, b for b in c)",
"f(b for b in c, a)", "(a for a in b, c)", "[a for a in b, c]", "{a: b for a in c, d}",
"x = [i for i in range(3) if]", "x = [for x in y]", "x = (x for in y)", "a := 1", "(a.b := 1)", "(a[1] := 1)",
"((a, b) := 1)", "f(a := 1 = 2)", "def f(x: int = 1, /, y): pass", "x += yield", "x = yield from",
"with (a as b, c as d:\n    pass\n", "with (a, b) as c, :\n    pass\n", "if True:\n    x = 1\n   y = 2\n",
"x = [1,\n     2,\n     3\n)\n", "foo(\n  a=1,\n  b=2,\n]\n", "x = 'abc\ny = 1\n", 's = """abc\ndef\n',
"def f", "class", "class A(", "if", "elif x:\n    pass\n", "else:\n    pass\n", "except:\n    pass\n",
"finally:\n    pass\n", "x = 1; ; y = 2", ";", "x = 1;;", "import a.", "import .a", "from .. import (a",
"from x import (a, b", "from x import (*)", "@x y\ndef f(): pass", "x = True = 1", "x = ... = 1",
"f(True=1)", "f(x.y=1)", "f(x=1, *y, **z, w)", "x = a if else c", "lambda: x = 1", "(lambda: x) = 1",
"a = b = c d", "print 1, 2", 'exec "code"', "x = 1\n  y = 2\n", "(" * 250 + ")" * 250, "[" * 300,
"x = " + "-" * 5000 + "1", "if 1:\n" + "".join(" " * i + "if 1:\n" for i in range(1, 120)),
"x = ((a)", "print(f'{x=!q}')", "def f(a, b, a): pass", "f(*)", "f(a, **)", "x = {a: *b}", "x = {*a: b}",
"import a, ", "from x import a as", "class A(x=1, *y, z=2, **w, v): pass", "del x,,", "x = 1 if 2",
"for x in y:\n    pass\nelse\n    pass\n", "while 1:\n    pass\nelse:\npass\n", "with a as b c: pass",
"async def f():\n    async with a b: pass\n", "x = [a, b c, d]", "x = {a b}", "x = {a: b c}", "f(a b, c)",
"x = (a, b c)", "print(a b)", "a[b c]", "a[1:2 3]", "x = yield x y", "assert x y", "return (x y)",
"x = 'a' if b 'c'", "def f() -> : pass", "def f() -> x y: pass", "x = not", "global x y", "nonlocal x,",
"raise x y", "del x y", "import a b", "@x\n@\ndef f(): pass", "x = 1\n\\\n", "x = 3.14.15", "x = 1.2.3",
"x = 0b1e", "x = 0o7j", "x = 0x1.5", "x.__class__ = ", "\tx = 1", "x = 1\n\ty = 2\n",
"if x:\n\tpass\n        pass\n", "x = '''\n\n", "x = b'\\u1234'", "x = r'\\'", "f'{a!r=}'", "f'{=}'", "f'{!r}'",
"f'{:x}'", "f'{a:{b:{c:{d}}}}'", "f'{a:{b}'", "f'{a}}'", "f'{{a}'", "f'{a)'", "f'{(a}'", "f'{a[}'",
"f'{\"\\n\"}'", "f'{lambda x: 1}'", "f'{yield}'", "f'{a b}'", "f'{a = b}'", "f'{*a}'",
]


def from_cpython_tests():
    """Invalid snippets used by CPython's own test-suite (test_syntax doctests and
    _check_error calls, test_exceptions, test_fstring), as extra inputs."""
    import doctest, sysconfig
    test_dir = os.path.join(sysconfig.get_paths()['stdlib'], 'test')
    out = []
    mod = ast.parse(open(os.path.join(test_dir, 'test_syntax.py'), encoding='utf-8').read())
    doc = ast.get_docstring(mod, clean=False) or ''
    for ex in doctest.DocTestParser().get_examples(doc):
        out.append(ex.source)
    for name in ('test_syntax.py', 'test_exceptions.py', 'test_fstring.py', 'test_string_literals.py', 'test_grammar.py', 'test_patma.py'):
        tree = ast.parse(open(os.path.join(test_dir, name), encoding='utf-8').read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for arg in node.args[:2]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        out.append(arg.value)
                    elif isinstance(arg, (ast.List, ast.Tuple)):
                        for e in arg.elts:
                            if isinstance(e, ast.Constant) and isinstance(e.value, str):
                                out.append(e.value)
    seen = set()
    cases = []
    for src in out:
        if src in seen or '\x00' in src or '### case' in src or len(src) > 2000:
            continue
        seen.add(src)
        try:
            src.encode('utf-8')
        except UnicodeEncodeError:
            continue
        if expectation(src).startswith('ERROR SyntaxError') or expectation(src).startswith('ERROR IndentationError') or expectation(src).startswith('ERROR TabError'):
            cases.append(src)
    return cases


def expectation(src):
    try:
        ast.parse(src.encode('utf-8'))
        return 'OK'
    except SyntaxError as e:
        o = lambda v: 'None' if v is None else str(v)
        return 'ERROR %s %r %s | %s %s %s' % (type(e).__name__, e.msg, o(e.lineno), o(e.offset), o(e.end_lineno), o(e.end_offset))
    except (ValueError, RecursionError, MemoryError) as e:
        return 'ERROR %s %r None | None None None' % (type(e).__name__, str(e))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit('run this with CPython 3.11 (the oracle)')
    os.makedirs(DIR, exist_ok=True)
    global C
    C = C + [c for c in from_cpython_tests() if c not in C]
    with open(os.path.join(DIR, 'cases.py.txt'), 'w', encoding='utf-8') as f:
        f.write('# ferropy parser error corpus, generated by tools/gen_parser_error_expectations.py;\n'
                '# cases are separated by "### case" lines.  Edit the list in that script.\n')
        for c in C:
            f.write('\n### case\n' + c)
    with open(os.path.join(DIR, 'expected.txt'), 'w', encoding='utf-8') as f:
        for c in C:
            f.write(expectation(c) + '\n')
    print('%d cases' % len(C))


if __name__ == '__main__':
    main()
