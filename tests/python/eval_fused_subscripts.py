# The eval loop runs `seq[k]` (LOAD_FAST LOAD_CONST BINARY_SUBSCR), `seq[k] op= v`
# (COPY 2, COPY 2, BINARY_SUBSCR ... SWAP 3, SWAP 2, STORE_SUBSCR) and float/int
# arithmetic through fused fast paths; every other receiver, key and error must behave as
# the separate instructions do.
import sys
import traceback


def first_items(a):
    return a[0], a[1], a[-1], a[2]


print(first_items([10, 20, 30]))
print(first_items((1.5, 2.5, 3.5)))
print(first_items("xyz"))
print(first_items({0: "a", 1: "b", -1: "c", 2: "d"}))


class Seq:
    def __getitem__(self, k):
        print("getitem", k)
        return k * 2

    def __setitem__(self, k, v):
        print("setitem", k, v)


print(first_items(Seq()))
try:
    first_items([1, 2])
except IndexError as e:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print("IndexError", e, tb[-1].name, tb[-1].line)


def bump(a, v):
    a[0] += v
    a[1] -= v
    a[2] *= v
    return a


print(bump([1, 2, 3], 4))
print(bump([1.0, 2.0, 3.0], 0.5))
print(bump({0: 1, 1: 2, 2: 3}, 10))
print(type(bump(Seq(), 3)).__name__)
for bad in [(1, 2, 3), [1, 2], "abc", [None, 1, 2]]:
    try:
        bump(bad, 1)
    except (TypeError, IndexError) as e:
        tb = traceback.extract_tb(sys.exc_info()[2])
        print(type(e).__name__, e, tb[-1].line)


class Gone:
    def __add__(self, other):
        return other

    def __del__(self):
        f = sys._getframe(1)
        print("deleted while storing", f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno)


def replace_item(a):
    x = 0
    a[0] += 1
    return x


holder = [Gone()]
replace_item(holder)
print(holder)

# A list element shared with a local: the stored result must be a new object.
x = 1.25
pts = [x, 2.0]
pts[0] += 1.0
print(x, pts)


# Arithmetic operands of every shape next to the fast paths.
def arith(a, b):
    out = []
    for op in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: a ** b, lambda: a // b, lambda: a % b):
        try:
            out.append(op())
        except (ZeroDivisionError, OverflowError, TypeError) as e:
            out.append(type(e).__name__)
    return out


for a, b in [(0, 0), (0, 5), (-7, 2), (7, -2), (1 << 29, -(1 << 29)), (1 << 30, 3), (-(1 << 30) + 1, 1),
             (1 << 59, 2), (1 << 61, 1), (2.5, 0.0), (2.5, 2), (3, 0.5), (-8.0, 1 / 3), (1e308, 10.0),
             (True, 2.0), (2.0, False), (1.5, 1 + 2j), (-0.0, 0.0)]:
    print(a, b, arith(a, b))


def compare_all(a, b):
    return [a < b, a <= b, a == b, a != b, a > b, a >= b]


for a, b in [(0, 0), (-1, 0), (0, -1), (1, -1), (-(1 << 30), 1 << 30), (2.0, 2), (float("nan"), 1.0)]:
    print(a, b, compare_all(a, b))

# Temporaries reused for results: values must not alias.
def dot(xs, ys):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i] - (xs[i] - ys[i]) * 0.5
    return s


vals = [0.5 * i for i in range(10)]
print(dot(vals, vals[::-1]), vals)


# A constant right operand: `n - 1`, `i * 7 + 3`, `if n < 2:`, `x % 5 == 0`.
def with_constants(n):
    out = []
    for x in (n, n * 7 + 3, n - 1.5, n * 0.5 + 2, n // 3 - 1, n % 5 == 0, n ** 2 + 1):
        out.append(x)
    if n < 2:
        out.append("small")
    if n % 5 == 0:
        out.append("fives")
    if n * 1.0 >= 2.5:
        out.append("big")
    k = 0
    while n > 3 and k < 5:
        n -= 3
        k += 1
    out.append(n)
    return out


for n in (0, 1, 2, 5, 10, -7, 1 << 40, 1 << 70, 2.5, -0.0, True):
    print(n, with_constants(n))
for bad in ("ab", None, [1]):
    try:
        with_constants(bad)
    except TypeError as e:
        tb = traceback.extract_tb(sys.exc_info()[2])
        print("TypeError", e, tb[-1].line)


def shared_temporaries():
    # The constant must never take a result (it is shared by every run).
    rs = []
    for i in range(3):
        big = 10 ** 12
        rs.append(big + 1)
        rs.append(2.5 * 2.0)
        rs.append(i - 1000000)
    return rs


print(shared_temporaries(), shared_temporaries())
