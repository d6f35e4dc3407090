# SyntaxError's `text` and location for sources with and without a final newline:
# parser errors end the line with a newline (the tokenizer adds one), tokenizer errors keep
# the line as it is, and errors found after parsing read the line from the file (none for
# a name that is not a file).
SOURCES = [
    'x = 1 +', 'x = 1 +\n', 'if x:', 'x = (1,', 'x = [1, 2', 'a b', 'f(**a, *b)',
    'print "x"', 'for x in y\n  pass', "'abc", 'x = $', 'x = )', 'x = 1_', '0777',
    'x = """a', 'a = 1\n  b', 'if x:\n    a\n  b', '\tif 1:\n        a', 'x = 1e', '\u20ac',
    'return 1', 'nonlocal x', 'def f():\n  global x\n  x = 1\n  global x', 'f"{}"',
    'from __future__ import braces', 'x = 1\nyield', 'class A:\n  return',
]
for src in SOURCES:
    try:
        compile(src, 'no-such-file', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for src in ['if 1:\n\tx\n        y', 'if 1:\n        x\n\ty', 'if 1:\n  x\n \ty']:
    try:
        compile(src, 'no-such-file', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
