# _contextvars: ContextVar/Token/Context semantics and messages, compared with python3.
import contextvars as cv
import re

def r(x):
    return re.sub(r"0x[0-9a-f]+", "0x?", repr(x))

v = cv.ContextVar("v", default=1)
w = cv.ContextVar("w")
print(r(v), r(w), v.name, w.name)
print(v.get(), v.get(7), w.get(9))
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w)

t = v.set(5)
print(v.get(), t.var is v, t.old_value is cv.Token.MISSING, r(t), r(cv.Token.MISSING))
t2 = v.set(6)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get(), r(t2))
try:
    v.reset(t2)
except RuntimeError as e:
    print("RuntimeError", r(str(e)))
try:
    w.reset(t)
except ValueError as e:
    print("ValueError", r(str(e)))
v.reset(t)
print(v.get(), v in cv.copy_context())

# copy_context, run, isolation
ctx = cv.copy_context()
def f(a, b=0):
    v.set(a + b)
    w.set("in")
    return v.get(), w.get()
print(ctx.run(f, 10, b=5), v.get(), w.get("unset"))
print(ctx[v], ctx.get(w), ctx.get(cv.ContextVar("z")), ctx.get(cv.ContextVar("z"), 3), len(ctx), v in ctx)
print(sorted(x.name for x in ctx), sorted(x.name for x in ctx.keys()), sorted(map(str, ctx.values())))
print(sorted((k.name, val) for k, val in ctx.items()))
c2 = ctx.copy()
print(c2 == ctx, c2 is ctx, c2 != ctx, cv.Context() == cv.Context(), len(cv.Context()))
c2.run(v.set, 100)
print(c2[v], ctx[v], c2 == ctx)

# Entering twice
def reenter():
    ctx.run(lambda: None)
try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", r(str(e)))

# Token from another context
tok = ctx.run(v.set, 3)
try:
    v.reset(tok)
except ValueError as e:
    print("ValueError", r(str(e)))
ctx.run(v.reset, tok)
print(ctx[v])

# Errors and messages
for fn in [lambda: cv.ContextVar(1), lambda: cv.Token(), lambda: cv.Context(1),
           lambda: ctx[1], lambda: ctx.run(), lambda: v.reset(1), lambda: hash(ctx),
           lambda: type("X", (cv.ContextVar,), {}), lambda: type("X", (cv.Context,), {}),
           lambda: ctx.get(1), lambda: 1 in ctx, lambda: setattr(v, "name", "x"),
           lambda: ctx[cv.ContextVar("nope")], lambda: v.get(1, 2)]:
    try:
        print(fn())
    except BaseException as e:
        print(type(e).__name__, r(str(e)))

# Generic aliases, module contents
print(cv.ContextVar[int], cv.Token[str], cv.Context.__module__, cv.ContextVar.__name__)
import _contextvars
print(sorted(n for n in dir(_contextvars) if not n.startswith("__")))
print(type(cv.copy_context()) is cv.Context, hash(v) == hash(v), v == v, v != w)

# Many variables, each context sees its own values
vars_ = [cv.ContextVar(f"x{i}", default=i) for i in range(50)]
def setall(k):
    for var in vars_:
        var.set(var.get() * k)
    return sum(var.get() for var in vars_)
a, b = cv.Context(), cv.Context()
print(a.run(setall, 2), b.run(setall, 3), a.run(setall, 2), sum(x.get() for x in vars_), len(a))

# Threads start with an empty context
import threading
out = []
v.set(42)
th = threading.Thread(target=lambda: out.append((v.get(), len(cv.copy_context()))))
th.start(); th.join()
print(out, v.get())

# decimal (through _pydecimal) keeps its context in a ContextVar
import decimal
decimal.getcontext().prec = 5
print(decimal.Decimal(1) / decimal.Decimal(7))
with decimal.localcontext() as lc:
    lc.prec = 10
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(1) / decimal.Decimal(7))
