# Instances of Python subclasses of the builtin iterator and container types, made and
# freed many times: the instance's reference to its class is released exactly once.
import itertools
from _collections import deque, defaultdict

class E(enumerate): pass
class Z(zip): pass
class M(map): pass
class C(itertools.count): pass
class Ch(itertools.chain): pass
class D(deque): pass
class DD(defaultdict): pass

for cls, args in [(E, ([1],)), (Z, ([1], [2])), (M, (abs, [-1])), (C, ()), (Ch, ('ab',)), (D, ('ab',)), (DD, (list,))]:
    for i in range(300):
        obj = cls(*args)
        del obj
    print(cls.__name__, next(iter(cls(*args)), None) if cls is not DD else dict(cls(*args)))
