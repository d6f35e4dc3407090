# ast.parse / compile(..., PyCF_ONLY_AST): the tree with positions (UTF-8 byte columns)
# for many constructs, the modes, errors, literal_eval and unparse round trips.
import ast

SNIPPETS = [
    "x = 1",
    "a, *b = c = d",
    "x: int = 5\ny: 'List[int]'\n(z): int",
    "del a[1:2, ::3], b.c",
    "x += 1; y //= 2; z @= w",
    "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    'doc'\n    return a\n",
    "@dec\n@dec2(1)\nasync def g():\n    await x\n    async for i in y: pass\n    async with a as b, c: pass\n",
    "class C(B, metaclass=M, **kw):\n    x = 1\n    def m(self): ...\n",
    "for i in range(3):\n    continue\nelse:\n    break\n",
    "while x:\n    pass\nelse:\n    y\n",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e\n",
    "with open(f) as g, h:\n    pass\n",
    "with (a as b, c as d,):\n    pass\n",
    "try:\n    x\nexcept E as e:\n    y\nexcept (A, B):\n    pass\nelse:\n    z\nfinally:\n    w\n",
    "try:\n    x\nexcept* E as e:\n    y\n",
    "raise E from c",
    "assert x, 'msg'",
    "import a.b.c as d, e",
    "from ..m import (x as y, z)",
    "from . import *",
    "global a, b\nnonlocal c",
    "lambda x, *y, z=1, **w: (x, y)",
    "a if b else c",
    "{1: 2, **d, 3: 4}",
    "{1, 2, *s}",
    "[x for x in y if x if not x]",
    "{k: v for k, v in d.items()}",
    "{x async for x in y}",
    "(x for x in y for z in x)",
    "f(a, *b, c=1, **d)",
    "a < b <= c is not d not in e",
    "not a and b or c",
    "-x + ~y * +z ** 2 / 3 % 4 @ m << 1 >> 2 & 3 | 4 ^ 5",
    "(yield)\n(yield x)\n(yield from y)",
    "x[1:2:3]\nx[:, 1]\nx[...]",
    "(a := 10)",
    "f'{x!r:>{w}} {y=} {{}}' 'plain' f'{z:%Y}'",
    "b'\\x00\\xff' b'abc'",
    "'\\N{BULLET} \\u00e9 \\U0001F600 \\x7f'",
    "u'unicode kind'",
    "1_000, 0x1F, 0o17, 0b101, 1e10, 1.5j, 3.14, 10**100",
    "None, True, False, ...",
    "'é' + 'ü' + 'x'",
    "é = 'ü'; print(é)",
    "x = '''multi\nline'''; y = 2",
    "match p:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=yy) as pt if yy > 0: pass\n    case None: pass\n    case -1.5 + 2j: pass\n    case str() | bytes(): pass\n    case _: pass\n",
    "def f[T](x): pass" if False else "def f(x, y=[], *, z): pass",
    "x = (1,\n     2,\n     3)",
    "if x:\n\n    # comment\n    y = 1\n",
    "async def f():\n    return [x async for x in y]\n",
    "a.b.c.d(e)[f].g",
    "print(*a, sep='')",
    "x = yield",
]

for src in SNIPPETS:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    print(ast.unparse(tree))

# Modes and the compile() spelling.
print(ast.dump(ast.parse("1 + 2", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1\n", mode="single")))
print(ast.dump(compile("a.b", "<f>", "exec", ast.PyCF_ONLY_AST)))
print(ast.dump(compile(b"# coding: latin-1\nx = '\xe9'\n", "<f>", "exec", ast.PyCF_ONLY_AST), include_attributes=True))
print(ast.dump(ast.parse("x", type_comments=True)))
print(ast.dump(ast.parse("x", feature_version=(3, 8))))
print(type(ast.parse("x")).__name__, ast.parse("x").body[0].value.ctx is ast.parse("y").body[0].value.ctx)

# Positions: byte columns for non-ASCII lines, end positions of multi-line nodes.
t = ast.parse("s = 'ééé' + x\n")
b = t.body[0].value
print(b.left.col_offset, b.left.end_col_offset, b.right.col_offset, b.right.end_col_offset)
print(ast.get_source_segment("s = 'ééé' + x\n", b.right))
t = ast.parse("def f():\n    return (1 +\n            2)\n")
r = t.body[0].body[0]
print(r.lineno, r.end_lineno, r.value.lineno, r.value.col_offset, r.value.end_lineno, r.value.end_col_offset)

# Errors.
for src, mode in [("x = ", "exec"), ("1 +\n", "eval"), ("def f(:", "exec"), ("  x", "exec"), ("x = 1\x00", "exec"), ("a\n  b", "exec")]:
    try:
        ast.parse(src, mode=mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    ast.parse("x", mode="bogus")
except ValueError as e:
    print(e)

# literal_eval over source text.
for s in ["1", "-2.5", "1+2j", "'a' 'b'", "b'x'", "(1, [2, {3: {4}}])", "{'a': (None, True, ...)}", "set()", "  7"]:
    print(repr(ast.literal_eval(s)))
for s in ["x", "1 + y", "f()", "[1, 2] * 3"]:
    try:
        ast.literal_eval(s)
    except ValueError as e:
        print('ValueError', str(e).split(' at ')[0])

# Walk, iter_fields, increment_lineno, copy_location on parsed trees.
t = ast.parse("def f(a):\n    return a * 2\n")
print([type(n).__name__ for n in ast.walk(t)])
print([(k, type(v).__name__) for k, v in ast.iter_fields(t.body[0])])
ast.increment_lineno(t, 10)
print(t.body[0].lineno, t.body[0].body[0].value.lineno, t.body[0].body[0].end_lineno)

# mode='func_type' (type comments' signatures).
for s in ['(int, str) -> List[int]', '() -> None', '(a) -> b', '((a, b)) -> c', '(*a, **k) -> None', '(a,\n b) -> \\\n  c', "('x', y) -> 'z'"]:
    print(ast.dump(ast.parse(s, mode='func_type'), include_attributes=True))
for s in ['int -> str', 'x']:
    try:
        ast.parse(s, mode='func_type')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno, e.offset)
for mode, flags in [('bogus', ast.PyCF_ONLY_AST), ('func_type', 0), ('bogus', 0)]:
    try:
        compile('x', 'f', mode, flags)
    except ValueError as e:
        print(e)
ft = ast.parse('(int) -> str', mode='func_type')
print(compile(ft, 'f', 'func_type', ast.PyCF_ONLY_AST) is ft)
