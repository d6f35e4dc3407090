# Behaviours of the core types that CPython's Lib/test checks (session 8 fixes).
import builtins
import _weakref


def show(label, f, *a, **kw):
    try:
        print(label, repr(f(*a, **kw)))
    except Exception as e:
        print(label, type(e).__name__, e)


# object.__init__ / object.__new__ messages.
class C:
    pass
show("C(42)", C, 42)
show("C().__init__(42)", lambda: C().__init__(42))
show("object.__init__(C(), 42)", object.__init__, C(), 42)
class E:
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
show("E().__init__(42)", lambda: E().__init__(42))

# A comparison dunder whose lookup raises is NotImplemented.
def booh(self):
    raise AttributeError("booh")
class Eq:
    __eq__ = property(booh)
x = Eq()
print("Eq() == Eq()", Eq() == Eq(), x == x, x != Eq())

# BaseException.__setstate__.
e = Exception(1)
e.__setstate__({"a": 1, "b": [2]})
print("setstate", e.a, e.b, e.args)
e.__setstate__(None)
show("setstate list", e.__setstate__, [("a", 1)])
d = {}
class ClearingKey(str):
    def __hash__(self):
        d.clear()
        return super().__hash__()
d[ClearingKey("k")] = "v"
e.__setstate__(d)
print("clearing key", e.k)

# ImportError / OSError reduce forms.
print(ImportError("m", name="n", path="p").__reduce__())
print(ImportError("m").__reduce__())
ie = ImportError("m", name="n")
ie.extra = 5
print(ie.__reduce__())
print(OSError(2, "nf", "f1").__reduce__())
print(OSError(2, "nf", "f1", None, "f2").__reduce__())
print(OSError(2, "nf").__reduce__())
print(OSError("just one").__reduce__())

# SyntaxError details.
for details in [("f", 1, 2), ("f", 1, 2, "t", 1), ("f", 1, 2, "t", 1, 3, 9), ("f", 1, 2, "t")]:
    try:
        s = SyntaxError("bad", details)
        print("SyntaxError", s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
    except TypeError as ex:
        print("SyntaxError TypeError", ex)

# object.__getattribute__ records name and obj.
class A:
    pass
a = A()
try:
    object.__getattribute__(a, "bluch")
except AttributeError as ex:
    print("AttributeError", ex.name, ex.obj is a)

# gen.throw: the exception handled at the yield becomes the thrown one's __context__.
def handling():
    try:
        raise KeyError("a")
    except Exception:
        yield
g = handling()
g.send(None)
try:
    g.throw(ValueError)
except ValueError as ex:
    print("throw context", repr(ex.__context__))
def outer():
    yield from handling()
g = outer()
g.send(None)
try:
    g.throw(ValueError("v"))
except ValueError as ex:
    print("yield from context", repr(ex.__context__))

# Generator lambdas return their value.
lam = lambda: (yield 1)
gen = lam()
next(gen)
try:
    gen.send(2)
except StopIteration as ex:
    print("lambda generator value", ex.value)

# tuple subclasses and the named singletons pickle.
class T(tuple):
    pass
print("getnewargs", T((1, 2)).__getnewargs__(), type(T((1, 2)).__getnewargs__()[0]).__name__)
print("reduce_ex", T((1, 2)).__reduce_ex__(2)[1:])
print("singletons", Ellipsis.__reduce__(), NotImplemented.__reduce__())

# Coroutines: cr_code.
async def co():
    pass
c = co()
print("cr_code", c.cr_code.co_name, hasattr(c, "gi_code"))
c.close()
print("__get__ signature", type(lambda: 0).__get__.__text_signature__)

# float.fromhex takes ASCII only; float subclasses and keywords.
show("fromhex fullwidth", float.fromhex, "0x1p\uff10")
show("fromhex arabic digit", float.fromhex, "0x\u0661p0")
show("fromhex ascii", float.fromhex, " 0x1.8p1 ")

# dict: keyword keys must be str; setdefault compares once.
show("dict(**{1: 2})", lambda: dict(**{1: 2}))
show("dict(a=1)", lambda: dict(a=1))
class Hashed:
    def __init__(self):
        self.eq = 0
    def __hash__(self):
        return 42
    def __eq__(self, other):
        self.eq += 1
        return self is other
h1, h2 = Hashed(), Hashed()
dd = {h1: 5}
dd.setdefault(h2, [])
print("setdefault compares", h1.eq + h2.eq, len(dd))

# range slicing is exact.
for length in [0, 10, 2**100]:
    for sl in [slice(None, None, 2**100), slice(2**100, None), slice(-2**100, 5, -2**100), slice(3, -3, 7)]:
        show("range", lambda: range(length)[sl])

# list.sort notices a class change made by a comparison.
class WackyComparator(int):
    def __lt__(self, other):
        elem.__class__ = WackyList2
        return int.__lt__(self, other)
class WackyList1(list):
    pass
class WackyList2(list):
    def __lt__(self, other):
        raise ValueError("wacky")
L = [WackyList1([WackyComparator(i), i]) for i in range(10)]
elem = L[-1]
show("sort", L.sort)

# weakref repr: __name__ is looked up on the type, not through __getattr__.
class MyConfig(dict):
    def __getattr__(self, key):
        return self[key]
obj = MyConfig(offset=5)
r = _weakref.ref(obj)
print("weakref repr", "MyConfig" in repr(r), "(" in repr(r).split(";")[1])
def named():
    pass
print("weakref repr func", repr(_weakref.ref(named)).endswith("(named)>"))

# Iterator __reduce__ looks builtins up fully, before reading its own state.
orig_iter = builtins.iter
class CustomStr:
    def __init__(self, name, iterator):
        self.name, self.iterator = name, iterator
    def __hash__(self):
        return hash(self.name)
    def __eq__(self, other):
        list(self.iterator)
        return other == self.name
it = iter("xyz")
bd = builtins.__dict__
del bd["iter"]
bd[CustomStr("iter", it)] = orig_iter
try:
    r = it.__reduce__()
finally:
    del bd["iter"]
    bd["iter"] = orig_iter
print("reduce after lookup", r[0] is orig_iter, r[1:])

# The compiler refuses a repeated keyword argument.
for src in ["f(a=1, a=2)", "f(p, k1=50, *(1, 2), k1=100)", "class C(x=1, x=2): pass", "f(a=1, **k, b=2)"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled", src)
    except SyntaxError as ex:
        print("SyntaxError", ex.msg, ex.lineno, ex.offset)

# str.format: a '{' inside a field name (outside brackets) is an error.
for f in ["{a{}b}", "{a[{]}", "{{}}", "{a{", "{0:{}}"]:
    try:
        print(repr(f), repr(f.format(1, a={"{": 2}, **{"a{": 3})))
    except Exception as ex:
        print(repr(f), type(ex).__name__, ex)

# Sets and dicts reuse each other's stored hashes; set subclasses refuse keywords.
class HashCounting(int):
    count = 0
    def __hash__(self):
        HashCounting.count += 1
        return int.__hash__(self)
hd = dict.fromkeys(map(HashCounting, range(10)))
for t in (set, frozenset):
    HashCounting.count = 0
    s = t(hd)
    s.difference(hd)
    if hasattr(s, "symmetric_difference_update"):
        s.symmetric_difference_update(hd)
    dict.fromkeys(set(hd))
    dict.fromkeys(frozenset(hd), 1)
    print(t.__name__, "hashes", HashCounting.count)
class SubSet(set):
    pass
show("SubSet(sequence=())", lambda: SubSet(sequence=()))
class SlotSet(set):
    __slots__ = ("x", "__dict__")
ss = SlotSet([1])
ss.x = 10
ss.y = 2
print("set reduce", ss.__reduce__())
class CtxGen:
    pass
def ctx_gen():
    try:
        yield
    finally:
        raise ValueError("from finally")
g = ctx_gen()
next(g)
try:
    try:
        raise KeyError("outer")
    except KeyError:
        g.throw(TypeError("thrown"))
except ValueError as ex:
    print("finally context", repr(ex.__context__), repr(ex.__context__.__context__))
