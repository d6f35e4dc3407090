# Traceback entries' line numbers (computed when asked, as CPython 3.11 does): through
# nested frames, finished frames, loops, try/finally, re-raises, generators, and
# TracebackType made by hand (tb_lineno -1 means "the line of tb_lasti").
import sys, traceback, types

def inner(x):
    if x > 1:
        return inner(x - 1)
    raise ValueError(
        "multi-line raise")

def middle():
    try:
        inner(3)
    finally:
        pass

def lines(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    return out

try:
    middle()
except ValueError as e:
    saved = e
    print(lines(e.__traceback__))
print(lines(saved.__traceback__))
print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(saved.__traceback__)])

def reraiser():
    try:
        {}[1]
    except KeyError:
        raise

for attempt in range(3):
    try:
        reraiser()
    except KeyError as e:
        print(attempt, lines(e.__traceback__))

def gen():
    yield 1
    raise RuntimeError("in generator")

try:
    for _ in gen():
        pass
except RuntimeError as e:
    print(lines(e.__traceback__))

try:
    exec("a = 1\nb = 2\n1/0\n")
except ZeroDivisionError as e:
    print(lines(e.__traceback__))

f = sys._getframe()
t = types.TracebackType(None, f, f.f_lasti, -1)
print(t.tb_lineno, types.TracebackType(None, f, 0, 7).tb_lineno)
chained = types.TracebackType(t, f, f.f_lasti, 99)
print(chained.tb_lineno, chained.tb_next.tb_lineno)

try:
    raise TypeError("top")
except TypeError:
    print(traceback.format_exc().splitlines()[1:3])
