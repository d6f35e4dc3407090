# Instances of a subclass of super die without freeing their class twice (its reference
# count stays put), and a million-deep chain of method-wrappers dies without a deep stack.
import gc
import sys


class A:
    def meth(self, a):
        return "A(%r)" % a


class B(A):
    def meth(self, a):
        return "B(%r)" % a + mysuper(B, self).meth(a)


class mysuper(super):
    def __init__(self, *args):
        return super(mysuper, self).__init__(*args)


before = sys.getrefcount(mysuper)
for i in range(100):
    unbound = mysuper(B)
    del unbound
    print(B().meth(i)) if i < 2 else B().meth(i)
gc.collect()
print("mysuper refcount unchanged:", sys.getrefcount(mysuper) == before)
s = mysuper(B, B())
print(type(s).__name__, s.meth(7), s.__thisclass__.__name__, type(s.__self__).__name__)
del s
gc.collect()
print("after gc:", sys.getrefcount(mysuper) == before)

f = lambda: None
for i in range(1000000):
    f = f.__call__
print(type(f).__name__)
f = None
print("wrapper chain freed")

# A __del__ that assigns __class__: the instance's reference to its new class is the one
# released when it dies (not the old class's).
class O(object):
    pass


class A(object):
    def __del__(self):
        self.__class__ = O


before_o, before_a = sys.getrefcount(O), sys.getrefcount(A)
l = [A() for x in range(100)]
del l
gc.collect()
print("O refcount unchanged:", sys.getrefcount(O) == before_o, "A refcount unchanged:", sys.getrefcount(A) == before_a)


# __class__ assignment between classes whose __slots__ name the same fields in another order
class G(object):
    __slots__ = ["a", "b"]


class H(object):
    __slots__ = ["b", "a"]


x = G()
x.a = 1
x.__class__ = H
print(type(x).__name__, x.a)
x.__class__ = G
print(type(x).__name__, x.a)
