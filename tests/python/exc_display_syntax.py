# The location block of SyntaxError reports (file, source line, carets), captured from
# sys.excepthook, for errors of compile() and for hand-made SyntaxError instances.
import sys

class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass

def show(e):
    cap = Capture()
    old, sys.stderr = sys.stderr, cap
    try:
        sys.excepthook(type(e), e, None)
    finally:
        sys.stderr = old
    print(''.join(cap.parts), end='')

for source in ["x = (1,\n", "def f(:\n  pass\n", "  x = 1\n", "a b c\n", "x = 1 +\n", "if x:\npass\n",
               "print 'hi'\n", "f(**a, *b)\n", "x = 'abc\n", "\tdef\n", "1 = x\n", "for x in range(3):\n\tif x:\n        pass\n"]:
    try:
        compile(source, "snippet.py", "exec")
    except SyntaxError as e:
        show(e)

cases = [
    ("bad thing", ("f.py", 3, 5, "  abc def\n", 3, 8)),
    ("m", ("f.py", 1, 1, "x = 1\n")),
    ("m", ("f.py", 1, 0, "x = 1\n")),
    ("m", ("f.py", 1, 99, "x = 1\n")),
    ("m", (None, 2, 3, None)),
    ("m", ("f.py", 1, None, "abc")),
    ("m", ("f.py", 2, 4, "line1\nline2 xx\n", 2, 6)),
    ("m", ("f.py", 2, 9, "line1\nline2 xx\n", 2, 11)),
    ("m", ("f.py", 1, 3, "abcdef", 2, 2)),
    ("m", ("f.py", 1, 5, "  abcdef\n", 2, 2)),
    ("m", ("f.py", 1, 3, "abcdef", 1, 2)),
    ("m", ("f.py", 1, 3, "abcdef", 1, 99)),
    ("m", ("f.py", 1, 1, "    ", 1, 3)),
    ("m", ("f.py", 1, 2, "h\u00e9llo w\u00f6rld", 1, 5)),
    ("m", ("f.py", 1, 3, "abc", None, 5)),
    ("m", ("f.py", 1, 2, "abc", 1, 0)),
    ("", ("f.py", 1, 1, "x")),
    ("m", ("f.py", "x", 1, "x")),
    ("m", ("f.py", 1, 2, "\tab cd\n", 1, 4)),
    ("m", ("f.py", 1, -3, "abc")),
]
for args in cases:
    show(SyntaxError(*args))
show(SyntaxError("only a message"))
show(IndentationError("unexpected indent", ("g.py", 4, 3, "    y\n", 4, 4)))
show(IndentationError("m", ("f.py", 2, 1, "pass\n", 2, 5)))
show(TabError("m", ("f.py", 2, 1, "pass\n", 2, 5)))

class Custom(SyntaxError):
    pass
show(Custom("custom", ("c.py", 1, 2, "abc")))

class Lookalike(Exception):
    print_file_and_line = None
    msg = "from attributes"
    filename = "q.py"
    lineno = 2
    offset = 1
    text = "zz"
show(Lookalike("hello"))
