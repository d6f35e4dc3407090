# LOAD_ATTR / STORE_ATTR caches (instance dict entry index, __slots__ members): results
# stay right when instances differ in shape, classes gain descriptors, attributes are
# deleted, __dict__ is replaced, or __getattr__/__setattr__ appear after warming up.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def get_y(o):
    return o.y

def set_y(o, v):
    o.y = v

ps = [P(i, i * 10) for i in range(30)]
print(sum(get_y(p) for p in ps))
for p in ps:
    set_y(p, 1)
print(sum(get_y(p) for p in ps))

# Same class, different insertion order: the cached entry index points elsewhere.
q = P.__new__(P)
q.y = "y first"
q.x = "x second"
print(get_y(q), [get_y(p) for p in ps[:2]])
set_y(q, "stored")
print(q.__dict__)

# Deleting the attribute: AttributeError from the warm site, then it comes back.
r = P(1, 2)
for _ in range(25):
    get_y(r)
del r.y
try:
    get_y(r)
except AttributeError as e:
    print("AttributeError", e)
r.y = 5
print(get_y(r))

# Replacing __dict__ wholesale.
r.__dict__ = {"y": "new dict"}
print(get_y(r))
set_y(r, "set in new dict")
print(r.__dict__)

# A property added to the class after warming up wins over the instance dict.
for _ in range(25):
    get_y(ps[0])
P.y = property(lambda self: "property y", lambda self, v: print("setter", v))
print(get_y(ps[0]))
set_y(ps[0], 42)
del P.y
print(get_y(ps[0]))

# A class attribute (non-data) does not hide the instance dict.
P.y = "class y"
print(get_y(ps[1]), get_y(P.__new__(P)))
del P.y

# __getattr__ and __setattr__ added late.
class Q:
    pass
qs = Q()
qs.y = 1
for _ in range(25):
    get_y(qs)
    set_y(qs, 2)
Q.__getattr__ = lambda self, name: "fallback " + name
Q.__setattr__ = lambda self, name, v: object.__setattr__(self, name, ("wrapped", v))
set_y(qs, 3)
print(get_y(qs))
del qs.y
print(get_y(qs))

# __slots__ members: unset slot raises, deletion, subclass with a dict.
class S:
    __slots__ = ("y", "z")
class T(S):
    pass
s = S()
try:
    get_y(s)
except AttributeError as e:
    print("AttributeError", e)
for i in range(25):
    set_y(s, i)
print(get_y(s))
del s.y
try:
    get_y(s)
except AttributeError as e:
    print("AttributeError", e)
t = T()
set_y(t, "T slot")
t.w = "dict"
print(get_y(t), t.w, t.__dict__)

# Type changes: __class__ assignment between compatible classes.
class P2:
    @property
    def y(self):
        return "P2.y"
o = P(0, "plain")
for _ in range(25):
    get_y(o)
o.__class__ = P2
print(get_y(o))

# Attributes of modules, classes and builtins through the same sites.
import sys
class C:
    y = "C.y"
print(get_y(C), [get_y(x) for x in (C, P(0, 1), C())])
print(sys.maxsize, (1).real, (2.5).imag)
