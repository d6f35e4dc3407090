# isinstance/issubclass through metaclass hooks (__instancecheck__/__subclasscheck__ called
# with the class first, not bound), and the ABC weak caches: entries found by identity,
# classes that compare equal to other classes (metaclass __eq__), unhashable metaclasses.
import abc, gc
from collections.abc import Sequence, Mapping, Hashable, Callable

class Hooked(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return inst == 42
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is int

class H(metaclass=Hooked): pass
print(isinstance(42, H), isinstance(41, H), isinstance(H(), H))
print(issubclass(int, H), issubclass(str, H), issubclass(H, H))
print(isinstance(42, (str, H)), issubclass(bool, (H, str)))

class Static(type):
    @staticmethod
    def __instancecheck__(inst):
        return inst == "static"
    @classmethod
    def __subclasscheck__(mcls, sub):
        return mcls is Static and sub is float
class S(metaclass=Static): pass
print(isinstance("static", S), isinstance("x", S), issubclass(float, S), issubclass(int, S))

class CallableHook:
    def __call__(self, *args):
        print("callable hook args", len(args))
        return True
class WithCallable(type):
    __instancecheck__ = CallableHook()
class W(metaclass=WithCallable): pass
print(isinstance(1, W))

class NoneHook(type):
    __instancecheck__ = None
    __subclasscheck__ = None
class N(metaclass=NoneHook): pass
for f in (lambda: isinstance(1, N), lambda: issubclass(int, N)):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)

class Raising(type):
    def __instancecheck__(cls, inst):
        raise KeyError("from hook")
class R(metaclass=Raising): pass
try:
    isinstance(1, R)
except KeyError as e:
    print("KeyError", e)

class Truthy(type):
    def __instancecheck__(cls, inst):
        return [1]
    def __subclasscheck__(cls, sub):
        return 0
class T(metaclass=Truthy): pass
print(isinstance(None, T), issubclass(int, T))

# The ABC caches, many times over (hits after the first check).
values = [[], (), {}, "s", 1, 2.0, object(), len, iter([])]
abcs = [Sequence, Mapping, Hashable, Callable]
counts = [sum(isinstance(v, a) for v in values for a in abcs) for _ in range(50)]
print(counts[0], len(set(counts)))

# Classes equal to one another: the cache probe must compare, not only check identity.
class EqMeta(abc.ABCMeta):
    def __eq__(cls, other):
        return isinstance(other, EqMeta) and cls.__name__.lower() == other.__name__.lower()
    def __hash__(cls):
        return hash(cls.__name__.lower())
class Base(metaclass=EqMeta): pass
class Twin(metaclass=EqMeta): pass
class twin(metaclass=EqMeta): pass
Base.register(Twin)
print(issubclass(Twin, Base), issubclass(twin, Base), isinstance(twin(), Base), isinstance(Twin(), Base))
class Other(metaclass=EqMeta): pass
print(issubclass(Other, Base), issubclass(Other, Base))

# Unhashable classes: the cache lookup raises as in CPython.
class Unhashable(abc.ABCMeta):
    __hash__ = None
class U(metaclass=Unhashable): pass
class Abc(abc.ABC): pass
for f in (lambda: issubclass(U, Abc), lambda: isinstance(U(), Abc)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)

# A class that dies leaves no cache entry behind.
class Dying: pass
print(isinstance(Dying(), Abc), len(Abc._abc_impl and __import__("_abc")._get_dump(Abc)[2]))
del Dying
gc.collect()
print(len(__import__("_abc")._get_dump(Abc)[2]))
