"""Code objects loaded from the bytecode cache behave as freshly compiled ones: the same
module is imported in two child processes (the first compiles and writes the cache, the
second loads it) and each prints what the runtime reads of its code objects: names and
constants, counts, closures, handlers, traceback and traced lines (line table decoded on
first use, past its 16-entry blocks), marshal and replace of a loaded code object."""
import os
import subprocess
import sys
import tempfile

MOD = '''
import sys
GREETING = "h\\u00e9llo \\ud800 w\\u00f6rld"
BIG = 10 ** 40

def closure(a, b=2, *args, k=3, **kw):
    c = a + b
    def inner(x):
        return a, c, x, k
    return inner

def handlers(n):
    out = []
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError(i)
                out.append(1 / (i % 2))
            except ZeroDivisionError:
                out.append("zero")
            finally:
                out.append("f")
        except ValueError as e:
            out.append(("value", e.args[0], sys.exc_info()[2].tb_lineno - sys._getframe().f_code.co_firstlineno))
    return out

def gen(n):
    total = 0
    for i in range(n):
        got = yield i * i
        total += got or 0
    return total

def many_lines(x):
    a = x + 1
    b = a * 2
    c = b - 3
    d = c // 2
    e = d % 7
    f = e + a
    g = f * b
    h = g - c
    i = h + d
    j = i * e
    k = j - f
    l = k + g
    m = l * 2
    n = m - h
    o = n + i
    p = o * 3
    q = p - j
    r = q + k
    s = r * l
    t = s - m
    u = t + n
    v = u * o
    return (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v)

def failing(x):
    y = [1, 2, 3]
    return (
        y[0] +
        y[x]
    )

class Base:
    def who(self):
        return "base"

class Child(Base):
    def who(self):
        return "child of " + super().who() + " " + __class__.__name__

def wide():
    # More than 256 constants and locals: EXTENDED_ARG in the words.
WIDE
'''.replace("WIDE", "".join(f"    v{i} = {i}.5\n" for i in range(300)) + "    return [" + ", ".join(f"v{i}" for i in range(300)) + "]")

CHECK = '''
import marshal, sys, types, mod

# Left out: bit 0x40 of co_flags and the order of co_cellvars, where ferropy's compiler
# differs from CPython's whether or not the code came from the cache.
def describe(co):
    consts = [c if not isinstance(c, types.CodeType) else "<code " + c.co_name + ">" for c in co.co_consts]
    names = co.co_varnames if len(co.co_varnames) < 30 else (co.co_varnames[:3], len(co.co_varnames))
    return (co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
            co.co_nlocals, co.co_flags & ~0x40, names, sorted(co.co_cellvars), co.co_freevars, co.co_names,
            consts[:6], len(consts))

for name in ["closure", "handlers", "gen", "many_lines", "failing", "wide"]:
    print(describe(getattr(mod, name).__code__))
print(describe(mod.closure(1).__code__))
print(describe(mod.Child.who.__code__))
print(mod.GREETING.encode("utf-8", "surrogatepass"), mod.BIG)
print(mod.closure(1)(5), mod.closure(1, 4, 9, k=7)(6))
print(mod.handlers(7))
g = mod.gen(4)
print(next(g), g.send(10), g.send(20), g.send(30))
try:
    g.send(40)
except StopIteration as e:
    print("stop", e.value)
print(mod.many_lines(5))
print(mod.Child().who())
print(sum(mod.wide()))

lines = []
def tracer(frame, event, arg):
    if frame.f_code is mod.many_lines.__code__ and event == "line":
        lines.append(frame.f_lineno - frame.f_code.co_firstlineno)
    return tracer
sys.settrace(tracer)
mod.many_lines(2)
sys.settrace(None)
print(lines)

try:
    mod.failing(7)
except IndexError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("IndexError at", tb.tb_lineno - mod.failing.__code__.co_firstlineno)

co = mod.handlers.__code__
again = marshal.loads(marshal.dumps(co))
print(again == co, describe(again) == describe(co))
ns = {"sys": sys}
f = types.FunctionType(again, ns)
f.__code__ = f.__code__.replace(co_name="handlers")
print(f(4) == mod.handlers(4))
r = mod.closure.__code__.replace(co_name="renamed", co_firstlineno=1000)
print(r.co_name, r.co_firstlineno, r.co_varnames, sorted(r.co_cellvars))
print(sorted(set(l for _, _, l in mod.many_lines.__code__.co_lines() if l)) ==
      list(range(mod.many_lines.__code__.co_firstlineno, mod.many_lines.__code__.co_firstlineno + 24)))
'''

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "mod.py"), "w", encoding="utf-8") as f:
        f.write(MOD)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    runs = []
    for _ in range(2):
        r = subprocess.run([sys.executable, "-c", CHECK], cwd=d, env=env, capture_output=True, text=True, timeout=120)
        runs.append(r.stdout if r.returncode == 0 else "exit %d: %s" % (r.returncode, r.stderr[-2000:]))
    print(runs[0])
    print("cache written:", any(n.startswith("mod.") for n in os.listdir(os.path.join(d, "__pycache__"))))
    print("loaded from the cache gives the same:", runs[0] == runs[1])
    if runs[0] != runs[1]:
        print(runs[1])
