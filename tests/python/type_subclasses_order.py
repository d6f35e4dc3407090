# type.__subclasses__() after classes come and go and after __bases__ is reassigned:
# the side table keeps creation order, forgets dead classes, follows new bases.
import gc


class Base: pass
class Other: pass


def names(cls):
    return [c.__name__ for c in cls.__subclasses__()]


made = [type(f"C{i}", (Base,), {}) for i in range(6)]
print(names(Base))
del made[1], made[3]          # drops C1 and C4
gc.collect()
print(names(Base))

class Late(Base): pass
print(names(Base))

# Two bases: listed under both, forgotten under both.
class Both(Base, Other): pass
print(names(Base), names(Other))
del Both
gc.collect()
print(names(Base), names(Other))

# __bases__ assignment moves a class from one base's list to the other's.
class A: pass
class B: pass
class Mover(A): pass
print(names(A), names(B))
Mover.__bases__ = (B,)
print(names(A), names(B), [c.__name__ for c in Mover.__mro__])
Mover.__bases__ = (A, B)
print(names(A), names(B))

# Many classes made and dropped: the list stays right (and fast).
for i in range(2000):
    type("Tmp", (Base,), {})
gc.collect()
print(names(Base))
print(len(object.__subclasses__()) > 50, bool in int.__subclasses__())

# The single-base MRO shortcut and the general merge agree.
class D(Late): pass
class E(D, Other): pass
print([c.__name__ for c in D.__mro__])
print([c.__name__ for c in E.__mro__])
try:
    class Bad(Base, Base): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(Base, Late): pass
except TypeError as e:
    print("TypeError:", e)
