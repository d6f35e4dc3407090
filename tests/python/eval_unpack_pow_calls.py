# The eval loop's fast paths for unpacking exact tuples/lists, float powers and calls
# whose arguments move into the callee's frame give the results (and errors) of the
# general paths.
import math


# ---- UNPACK_SEQUENCE on exact tuples and lists, and everything else ----
def unpack_all():
    out = []
    for seq in [(1, 2), [3, 4], ("a", "b"), [None, (5,)]]:
        a, b = seq
        out.append((a, b))
    a, = (7,)
    out.append(a)
    x, y, z = [i * i for i in range(3)]
    out.append((x, y, z))
    # the same site sees tuples, lists, a str, an iterator and a subclass
    for seq in [(1, 2), [3, 4], "cd", iter([5, 6]), range(2)]:
        p, q = seq
        out.append((p, q))
    return out

print(unpack_all())


class T(tuple):
    def __iter__(self):
        return iter(("overridden", "iter"))


class L(list):
    def __iter__(self):
        return iter(["list", "subclass"])


def unpack_subclasses():
    a, b = T((1, 2))
    c, d = L([3, 4])
    return a, b, c, d

print(unpack_subclasses())


def unpack_errors():
    res = []
    for seq in [(1, 2, 3), [1], (), [], 5, None, (i for i in range(3))]:
        try:
            a, b = seq
            res.append((a, b))
        except (ValueError, TypeError) as e:
            res.append(f"{type(e).__name__}: {e}")
    return res

for line in unpack_errors():
    print(line)


def unpack_refs():
    # the items keep their own references after the container goes away
    objs = []
    for i in range(5):
        pair = ([i], {"k": i})
        a, b = pair
        del pair
        objs.append((a, b))
    return objs

print(unpack_refs())


def swap_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(swap_loop(90))


# ---- float ** ----
def powers():
    res = []
    for x, y in [(2.0, 0.5), (9.0, 0.5), (2.0, 10), (2.0, -1), (1.5, 2.5), (1e-300, 2.0),
                 (10.0, -400.0), (1.0, float("nan")), (2.0, 0.0), (0.5, 1074.0), (7, 0.5),
                 (3.0, 3), (1e10, 30.0)]:
        res.append(repr(x ** y))
    return res

print(powers())


def power_errors():
    res = []
    for x, y in [(10.0, 400.0), (0.0, -1.0), (-8.0, 1 / 3), (-2.0, 0.5), (float("inf"), 0.5),
                 (float("nan"), 2.0), (-2.0, 3.0), (0.0, 0.5), (-0.0, 0.5), (2.0, float("inf")),
                 (0.5, float("-inf")), (2.0, 10 ** 30), (1e308, 2)]:
        try:
            res.append(repr(x ** y))
        except (OverflowError, ZeroDivisionError, ValueError) as e:
            res.append(f"{type(e).__name__}: {e}")
    return res

for line in power_errors():
    print(line)


def dist(points):
    # temporaries: (dx * dx + dy * dy) ** 0.5 may reuse the float being freed
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        dx = x2 - x1
        dy = y2 - y1
        d = (dx * dx + dy * dy) ** 0.5
        total += d
    return total

pts = [(float(i), float(i * i % 7)) for i in range(50)]
print(repr(dist(pts)), repr(sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(pts, pts[1:]))))


class F(float):
    def __pow__(self, other):
        return "F.__pow__"

    def __rpow__(self, other):
        return "F.__rpow__"

print(F(2.0) ** 2.0, 2.0 ** F(3.0))
s = 3.0
s **= 2
print(s)


# ---- calls: arguments moved into the callee's frame ----
def zero():
    return "zero"

def one(a):
    return a

def many(a, b, c, d, e, f, g, h, i, j):
    k = a + b + c + d + e + f + g + h + i + j
    return k

def with_locals(a, b):
    x = a * 2
    y = b * 3
    return x, y, a, b

def cell_arg(a, b):
    def inner():
        return a + b
    return inner()

def defaults(a, b=10, *, c=20):
    return a + b + c

def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)

print(zero(), one([1]), many(*range(10)), many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(with_locals(1, 2), cell_arg(3, 4), defaults(1), defaults(1, 2), defaults(1, c=3))
print(rec(500))

def unbound_after_args(a):
    if a:
        b = 1
    return b

try:
    unbound_after_args(0)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


class Obj:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n

o = Obj()
print([o.bump(i) for i in range(5)])

try:
    one()
except TypeError as e:
    print("TypeError:", e)
try:
    one(1, 2)
except TypeError as e:
    print("TypeError:", e)


# ---- int temporaries that take the result of the next operation ----
def int_temps():
    out = []
    for i in range(1000, 1006):
        x = i * 7 + 3          # i * 7 is a lone temporary
        y = x
        z = x * 2 - 1          # x is shared: not written
        out.append((x, y, z, x is y, (x * 2 - 1998 * 7) is (z - z + 4 + 1000 * 2 - 1998 * 7 - 4)))
    two, three, k1, k2 = [2, 3, 1000, 1997]
    p40, p39, p29 = two ** 40, two ** 39, two ** 29
    big = (p40 + 1) * three - 5                 # two digits
    shrink = (p40 * three) // p39 + k1          # two digits, then one
    grow = (p29 + 1) * p29 + 1                  # one digit, then two
    neg = -(k1 * three) + 1
    flip = (k1 * three) - 7000
    small = (k1 * two - k2) is three
    out.append((big, shrink, grow, neg, flip, small))
    acc = 0
    for k in range(300, 320):
        acc = acc + (k * k - k) // 3 % 1000 + (k << 3 ^ 12345)
    out.append(acc)
    lst = []
    for k in range(5):
        t = 100000 + k * 1000
        lst.append(t)      # a list holds it too
        t = t + 1
    out.append(lst)
    return out

for row in int_temps():
    print(row)
