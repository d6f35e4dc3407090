# The special-method slots a class inherits from its base (remembered per base while the
# base is unchanged): every change to the base or an ancestor shows in classes made after
# it, and a class defining a name gets its own slot.
import operator


class Base:
    pass


class A(Base):
    pass


print("A eq", A() == A(), "A len", hasattr(A(), "__len__"))

Base.__eq__ = lambda self, other: True
Base.__hash__ = lambda self: 7


class B(Base):
    pass


print("B eq", B() == B(), "A eq now", A() == A(), "hash", hash(B()), hash(A()))

Base.__len__ = lambda self: 3


class C(Base):
    pass


print("C len", len(C()), "A len", len(A()))

del Base.__eq__
del Base.__hash__


class D(Base):
    pass


d = D()
print("D eq", d == D(), d == d, "A eq", A() == A())


class Root:
    def __getitem__(self, k):
        return ("root", k)


class Mid(Root):
    pass


class Leaf1(Mid):
    pass


Root.__getitem__ = lambda self, k: ("changed", k)


class Leaf2(Mid):
    pass


print(Leaf1()[1], Leaf2()[2], Mid()[3])


class Own(Mid):
    def __getitem__(self, k):
        return ("own", k)

    def __add__(self, other):
        return "added"


class AfterOwn(Mid):
    pass


print(Own()[4], AfterOwn()[5], Own() + 1)
try:
    AfterOwn() + 1
except TypeError as e:
    print("TypeError", e)


# Bases of the runtime: object, int, dict, list, Exception.
class O1:
    pass


class O2:
    def __repr__(self):
        return "O2!"


class O3:
    pass


print(O1() == O1(), repr(O2()), repr(O3()).startswith("<__main__.O3 object"))


class I1(int):
    pass


class I2(int):
    def __add__(self, other):
        return "I2 add"


class I3(int):
    pass


print(I1(3) + I1(4), I2(3) + 4, I3(5) + 1, type(I3(5) + 1).__name__)


class Dict1(dict):
    pass


class Dict2(dict):
    def __missing__(self, key):
        return "missing " + key


class Dict3(dict):
    def __getitem__(self, key):
        return "get " + key


class Dict4(dict):
    pass


try:
    Dict1()["x"]
except KeyError as e:
    print("KeyError", e)
print(Dict2()["y"], Dict3()["z"], Dict4(a=1)["a"])


class L1(list):
    pass


class L2(list):
    def __len__(self):
        return 99


class L3(list):
    pass


print(len(L1([1, 2])), len(L2([1])), len(L3([1, 2, 3])), L3([1]) + [2])


class E1(Exception):
    pass


class E2(Exception):
    def __str__(self):
        return "E2 text"


class E3(Exception):
    pass


print(str(E1("a")), str(E2("b")), str(E3("c")))


# __eq__ without __hash__ makes instances unhashable; a subclass inherits that.
class Eq:
    def __eq__(self, other):
        return True


class EqSub(Eq):
    pass


class EqSub2(Eq):
    pass


for cls in (Eq, EqSub, EqSub2):
    try:
        hash(cls())
        print(cls.__name__, "hashable")
    except TypeError as e:
        print(cls.__name__, "TypeError", e)


# A class made by type() and one with several bases.
T1 = type("T1", (Base,), {})
T2 = type("T2", (Base,), {"__len__": lambda self: 11})
print(len(T1()), len(T2()))


class Mixin:
    def __len__(self):
        return 5


class Multi(Mixin, Base):
    pass


print(len(Multi()))


# Slots set on a base after its subclasses exist reach them, before and after new ones.
class Shape:
    pass


class Sq(Shape):
    pass


class Circ(Shape):
    pass


Shape.__lt__ = lambda self, other: "lt"
print(Sq() < Circ(), operator.lt(Circ(), Sq()))


class Tri(Shape):
    pass


print(Tri() < Sq())


# __call__, __iter__, __contains__, __bool__ through the same base.
class Callable:
    def __call__(self):
        return "called"

    def __iter__(self):
        return iter([1, 2])

    def __bool__(self):
        return False


class Call1(Callable):
    pass


class Call2(Callable):
    def __bool__(self):
        return True


class Call3(Callable):
    pass


print(Call1()(), list(Call1()), bool(Call1()), bool(Call2()), bool(Call3()), 2 in Call3())


# __bases__ assignment: the hierarchy below is fixed up again, subclasses made later too.
class P1:
    def __len__(self):
        return 1


class P2:
    def __len__(self):
        return 2

    def __neg__(self):
        return "neg P2"


class Q(P1):
    pass


class R(Q):
    pass


class R2(R):
    pass


Q.__bases__ = (P2,)


class S(Q):
    pass


print(len(Q()), len(R()), len(R2()), len(S()), -S(), -R2())


# Classes made and freed in a loop (a freed class's address may hold the next one).
import gc

for i in range(4):
    B_ = type("B%d" % i, (), {"__len__": (lambda i: lambda self: i)(i)} if i % 2 else {})
    C_ = type("C%d" % i, (B_,), {})
    print(i, hasattr(C_, "__len__") and len(C_()), bool(C_()))
    del B_, C_
    gc.collect()


# Abstract base classes (ABCMeta changes the class after making it).
import abc


class AB(abc.ABC):
    @abc.abstractmethod
    def f(self):
        ...

    def __len__(self):
        return 4


class Impl(AB):
    def f(self):
        return 1


class Impl2(Impl):
    def __len__(self):
        return 6


print(len(Impl()), len(Impl2()))
try:
    AB()
except TypeError as e:
    print("TypeError", e)
