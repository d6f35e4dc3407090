# The eval loop's fast paths give the results of the general ones: in-place `s += t`,
# comparison fused with its jump, LOAD_FAST/LOAD_CONST/STORE_FAST chains, float
# temporaries reused for results, str(x) and f"{n}" of ints.
import sys


# ---- s += t on a local str ----
def build(n, piece):
    s = ""
    for i in range(n):
        s += piece if i % 3 else str(i)
    return s

print(build(20, "ab"), len(build(500, "xyz")))


def aliasing():
    s = "start"
    s += "-"
    t = s              # a second reference: the next += must not change t
    s += "more"
    u = s
    s = s + "!"        # `s = s + x` form
    s += s             # the right side is the same object
    return s, t, u

print(aliasing())


def non_ascii():
    s = "abc"
    s += "é"           # widens: not in place
    s += "x"
    s += "\u20ac"
    s += "\U0001f600"
    s += ""
    return s, len(s), [ord(c) for c in s]

print(non_ascii())


def hash_after_append():
    k = "ke"
    h1 = hash(k)
    k += "y"
    d = {"key": 1}
    return hash(k) == hash("key"), h1 == hash("ke"), d[k], k in d, k == "key"

print(hash_after_append())


class S(str):
    def __add__(self, other):
        return "S.__add__"
    def __radd__(self, other):
        return "S.__radd__"

def subclass_operands():
    s = "abc"
    s += S("x")        # a str subclass on the right: its __radd__ runs
    t = S("q")
    t += "z"
    return s, t, type(t).__name__

print(subclass_operands())


def interned_left():
    s = "interned_name"
    s += "_suffix"
    return s, "interned_name"

print(interned_left())


def in_loop_with_other_names():
    parts = []
    s = ""
    for i in range(200):
        s += chr(65 + i % 26)
        if len(s) > 10:
            parts.append(s)
            s = ""
    return len(parts), parts[:3], s

print(in_loop_with_other_names())


# ---- comparison fused with the jump ----
def compare_jumps(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    if not a < b:
        out.append("not-lt")
    n = 0
    while n < 4:
        n += 1
        if a >= b:
            break
    return out, n

for a, b in [(1, 2), (2, 2), (3, 2), (-5, 2**59), (2**61, 1), (1.5, 1.5), (0.0, -0.0),
             (float("nan"), 1.0), (float("nan"), float("nan")), (1, 1.0), (True, 1), ("a", "b"), (1, "a")]:
    try:
        print(a, b, compare_jumps(a, b))
    except TypeError as e:
        print(a, b, "TypeError", e)


# ---- chained loads and stores ----
def chains(a, b, c):
    x = a + b
    y = x * c
    z = y - x
    return a, b, c, x, y, z, x - 1, y + 2

print(chains(1, 2, 3), chains(1.5, 2.5, -1.0), chains(2**62, 1, 3))


def unbound_after_chain():
    a = 1
    if a:
        return a, b  # noqa: F821 (b is a local never bound)
    b = 2

try:
    unbound_after_chain()
except UnboundLocalError as e:
    print("UnboundLocalError", e)


# ---- float temporaries ----
def floats(ax, ay, bx, by):
    dx = ax - bx
    dy = ay - by
    d2 = dx * dx + dy * dy
    mag = 0.01 / (d2 * d2 ** 0.5)
    kept = dx * 2.0
    other = kept + 1.0     # kept must keep its value
    return dx, dy, d2, mag, kept, other, (dx * dy) * (dx + dy) - (dx - dy)

print(floats(1.0, 2.0, 3.5, -4.25))
vals = [0.5 * i for i in range(5)]
total = 0.0
for v in vals:
    total += v * v + v * 3
print(total, vals)


# ---- str(x) and f-strings of ints ----
print(str(0), str(7), str(-7), str(2**59 + 1), str(-(2**60) + 1), str(2**60), str(-(2**100)))
print(str(), str(""), str(object=5), str(b"ab", "ascii"), str(b"\xff", "latin-1"), str(True))
for bad in [lambda: str(1, 2, 3, 4), lambda: str(x=1), lambda: str(1, object=2), lambda: str(5, "utf-8")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class T(str):
    pass

print(type(T(5)).__name__, T(5), type(str(T("x"))).__name__)
n = 12345
print(f"{n}|{-n}|{n!s}|{n!r}|{n:>8}|{2**70}|{True}|{False!s}|{0}")


# ---- tracing still sees every line ----
def traced():
    s = "a"
    s += "b"
    x = 1
    if x < 2:
        s += "c"
    return s

events = []
def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer

sys.settrace(tracer)
r = traced()
sys.settrace(None)
print(r, events)
