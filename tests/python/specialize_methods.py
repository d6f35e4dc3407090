# LOAD_METHOD without bound methods, and the fast int/float/subscript paths: results stay
# right when classes, instances and operand types change after the sites warmed up.

class A:
    def f(self):
        return "A.f"

class B(A):
    pass

def call_f(o):
    return o.f()

a, b = A(), B()
out = []
for i in range(40):
    out.append(call_f(a) + "/" + call_f(b))
    if i == 10:
        A.f = lambda self: "patched"          # class attribute replaced
    if i == 20:
        b.f = lambda: "instance"              # instance dict shadows the method
    if i == 25:
        del b.f
    if i == 30:
        B.f = staticmethod(lambda: "static")  # a subclass overrides with a staticmethod
print(out[9], out[11], out[21], out[26], out[31])

class G:
    def __getattribute__(self, name):
        if name == "f":
            return lambda: "getattribute"
        return object.__getattribute__(self, name)

class H:
    def __getattr__(self, name):
        return lambda: "getattr " + name

class P:
    @property
    def f(self):
        return lambda: "property"

class S:
    __slots__ = ("f",)

s = S()
s.f = lambda: "slot"
print([call_f(o) for o in (a, G(), H(), P(), s) for _ in range(25)][::25])

# Monkeypatching __getattribute__ onto a class after warming up.
class M:
    def f(self):
        return "M.f"
m = M()
warm = [call_f(m) for _ in range(30)]
M.__getattribute__ = lambda self, name: (lambda: "late getattribute")
print(warm[-1], call_f(m))

# C methods through LOAD_METHOD: list.append, dict.get, str.join, with wrong self types.
lst = []
for i in range(30):
    lst.append(i)
print(sum(lst), {1: 2}.get(1), ",".join(["a", "b"]))
try:
    list.append(3, 4)
except TypeError as e:
    print("TypeError", e)

class L(list):
    def append(self, x):
        super().append(x * 10)
l2 = L()
for i in range(25):
    l2.append(i)
print(l2[-1], len(l2))

# Method called with keywords and defaults.
class K:
    def g(self, x, y=2, *, z=3):
        return x + y + z
k = K()
print([k.g(1), k.g(1, 5), k.g(1, z=10), k.g(x=4)])
try:
    k.g()
except TypeError as e:
    print("TypeError", e)

# Fast arithmetic edges: overflow out of the machine range, floor semantics, division by
# zero, int/float mixes, subclasses of int and float, bool operands.
def arith(x, y):
    r = [x + y, x - y, x * y]
    try:
        r.append(x // y)
        r.append(x % y)
        r.append(x / y)
    except ZeroDivisionError as e:
        r.append(str(e))
    r.append(x < y)
    r.append(x == y)
    r.append(x >= y)
    return r

class MyInt(int):
    def __add__(self, o):
        return "MyInt.add"

class MyFloat(float):
    def __mul__(self, o):
        return "MyFloat.mul"

cases = [(7, 2), (-7, 2), (7, -2), (-7, -2), (2**59, 2**59), (2**62, 3), (-(2**60), 2**60),
         (1 << 30, 1 << 30), (5, 0), (5.0, 0), (0, 0.0), (1.5, 2), (3, 0.5), (True, 2),
         (MyInt(3), 4), (MyFloat(2.0), 3), (float("nan"), float("nan")), (-0.0, 0.0),
         (2**53 + 1, 1.0), (10**20, 3)]
for x, y in cases:
    for _ in range(3):
        r = arith(x, y)
    print(x, y, r)

def shifts(x, y):
    return [x & y, x | y, x ^ y, x >> y, x << y]
for x, y in [(5, 1), (-5, 1), (-1, 70), (1, 40), (3, 31), (1 << 40, 3)]:
    print(shifts(x, y))
try:
    shifts(1, -1)
except ValueError as e:
    print("ValueError", e)

# Subscripts: negative and out-of-range indexes, bool and big-int keys, dict misses,
# a list subclass with __getitem__, unhashable keys.
lst = [10, 20, 30]
tup = (1, 2, 3)
dct = {1: "one", "k": "v"}
print(lst[-1], lst[True], tup[-3], dct[1], dct["k"])
for expr in ("lst[3]", "lst[-4]", "tup[10**20]", "dct[2]", "dct[[1]]", "lst['a']"):
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__, e)
class LL(list):
    def __getitem__(self, i):
        return "LL"
print(LL([1])[0])
lst[-1] = 99
dct[[1][0]] = "uno"
print(lst, dct)
try:
    lst[5] = 1
except IndexError as e:
    print("IndexError", e)
try:
    dct[{}] = 1
except TypeError as e:
    print("TypeError", e)
