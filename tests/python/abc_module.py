# _abc: abc.ABCMeta is the C-accelerated one; registration, caches (weak), hooks, errors.
import abc, _abc, gc
from collections.abc import Sequence, Mapping, Iterable, Hashable, Sized, MutableSequence

print(type(abc.ABC._abc_impl).__name__, type(abc.ABC._abc_impl).__module__)
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance(1, Sequence))
print(isinstance(iter([]), Iterable), isinstance([], Hashable), issubclass(tuple, Sized))
print(issubclass(list, MutableSequence), issubclass(tuple, MutableSequence))

class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @property
    @abc.abstractmethod
    def p(self): pass
print(sorted(A.__abstractmethods__))
try:
    A()
except TypeError as e:
    print(e)

class B(A):
    def f(self): return 1
print(sorted(B.__abstractmethods__))
class C(B):
    p = 3
print(C().f(), C().p, C.__abstractmethods__)

class Plain: pass
print(issubclass(Plain, A), _abc._get_dump(A)[2] == set() or len(_abc._get_dump(A)[2]))
tok = abc.get_cache_token()
print(A.register(Plain) is Plain, abc.get_cache_token() == tok + 1)
print(issubclass(Plain, A), isinstance(Plain(), A), issubclass(Plain, B))
reg, cache, neg, ver = _abc._get_dump(A)
print(len(reg), [r() for r in reg] == [Plain], ver == abc.get_cache_token())
print(A.register(C) is C, abc.get_cache_token() == tok + 1)   # already a subclass: no bump

# Subclass of a registered class.
class PlainChild(Plain): pass
print(issubclass(PlainChild, A))

# Cycle.
try:
    Plain2 = type("Plain2", (A,), {})
    A2 = abc.ABCMeta("A2", (), {})
    A2.register(A)
    A.register(A2)
except RuntimeError as e:
    print("RuntimeError", e)

# Weak registry and caches: a dead class leaves them.
class Temp: pass
A.register(Temp)
issubclass(Temp, A)
n_before = len(_abc._get_dump(A)[0])
del Temp
gc.collect()
print(n_before - len(_abc._get_dump(A)[0]))

# __subclasshook__
class H(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is H:
            return any("quack" in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, H), isinstance(Duck(), H), issubclass(int, H))
class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42
try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError", e)

# __class__ differing from type(): both are tried.
class Fake:
    @property
    def __class__(self):
        return Duck
print(isinstance(Fake(), H), isinstance(Fake(), Duck))

# Errors.
for f, args in [(_abc._abc_register, (A, 1)), (_abc._abc_subclasscheck, (A, 1)),
                (_abc._get_dump, (1,)), (_abc._abc_instancecheck, (Plain, 1)),
                (_abc._abc_register, (A,)), (_abc._reset_caches, (int,))]:
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    issubclass(1, A)
except TypeError as e:
    print(e)
class Wrong(abc.ABC): pass
Wrong._abc_impl = 5
try:
    isinstance(1, Wrong)
except TypeError as e:
    print(e)

# _reset_caches / _reset_registry
A._abc_caches_clear()
print([len(s) for s in _abc._get_dump(A)[1:3]])
A._abc_registry_clear()
print(len(_abc._get_dump(A)[0]), issubclass(PlainChild, A))

# Collection flags for pattern matching: register passes Sequence's flag on.
class MySeq:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i < 2: return i * 10
        raise IndexError
class MySeqChild(MySeq): pass
Sequence.register(MySeq)
def kind(x):
    match x:
        case [a, b]: return f"seq {a} {b}"
        case {"k": v}: return f"map {v}"
        case _: return "other"
print(kind(MySeq()), kind(MySeqChild()), kind({"k": 1}), kind("ab"))
class MyMap(dict): pass
print(kind(MyMap(k=5)))
try:
    class Both(abc.ABC):
        __abc_tpflags__ = 1 << 5 | 1 << 6
except TypeError as e:
    print(e)
print(hasattr(Sequence, "__abc_tpflags__"), "__abc_tpflags__" in Sequence.__dict__)

# A non-type ABCMeta check target and _abc_data construction.
abc_data = type(abc.ABC._abc_impl)
print(type(abc_data()).__name__, hasattr(_abc, "_abc_data"), _abc._get_dump(type("X", (), {"_abc_impl": abc_data()}))[:3])
try:
    class Sub(abc_data): pass
except TypeError as e:
    print(e)
