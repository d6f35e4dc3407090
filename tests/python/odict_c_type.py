# collections.OrderedDict as the C type (_collections.OrderedDict, PyODict_Type): order
# through inserts, deletes, move_to_end both ways and popitem both ends; the views and
# their reversed iterators; equality that minds order only between OrderedDicts; repr
# (recursive too), copy, fromkeys, update's argument forms, | and |=, pickling,
# __dict__, weakrefs, subclasses, and the errors of mutating while iterating.
import collections, copy, pickle, sys, weakref
from collections import OrderedDict as OD

print(OD.__module__, OD.__name__, OD.__mro__[1:])
od = OD()
for k in "cabde":
    od[k] = ord(k)
del od["b"]
print(od, len(od), list(od), list(reversed(od)))
od.move_to_end("c")
od.move_to_end("e", last=False)
print(list(od.items()), list(reversed(od.items())), list(reversed(od.values())))
print(type(od.keys()).__name__, type(od.values()).__name__, type(od.items()).__name__, type(iter(od)).__name__)
print(od.keys(), od.values(), od.items())
print(od.popitem(), od.popitem(last=False), od)
print(od.pop("a"), od.pop("zz", "dflt"), od.setdefault("x", 9), od.setdefault("x", 10), od)
for f in (lambda: od.pop("nope"), lambda: OD().popitem(), lambda: od.move_to_end("nope"),
          lambda: od.update(1, 2), lambda: od.update([(1, 2, 3)]), lambda: od.update([(1,)]),
          lambda: OD.fromkeys(), lambda: hash(od)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = OD(a=1, b=2)
b = OD(b=2, a=1)
print(a == b, a != b, a == dict(b), dict(a) == b, a == OD(a=1, b=2), a.keys() == b.keys())
print(OD([("x", 1), ("y", 2)]), OD({"p": 1}), OD(a=1, b=2), OD(OD(z=0)), OD.fromkeys("abc", 0))
u = OD()
u.update([("k", 1)], m=2)
u.update({"n": 3}.items())


class KeysOnly:
    def keys(self):
        return ["q"]

    def __getitem__(self, k):
        return k * 2


u.update(KeysOnly())
print(u, u | {"k": 0}, {"z": 1} | u, type({"z": 1} | u).__name__)
u |= [("w", 5)]
print(u)
c = u.copy()
c["new"] = 1
print(c, u, copy.copy(u) == u, copy.deepcopy(u) == u)

r = OD(a=1)
r["self"] = r
print(r)

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(OD(b=1, a=2), proto))
    print(proto, p, type(p).__name__)
od2 = OD(a=1)
od2.attr = "x"
print(od2.__dict__, od2.__reduce__()[2], pickle.loads(pickle.dumps(od2)).attr)
it = iter(OD(a=1, b=2, c=3))
next(it)
print(pickle.loads(pickle.dumps(it)) if False else list(it))
print(weakref.ref(od2)() is od2)


class Sub(OD):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


s = Sub(a=1)
s.update(b=2)
s.setdefault("c", 3)
print(s, type(s.copy()).__name__, s.copy(), Sub.fromkeys("xy", 1))

for mutate in (lambda d: d.__setitem__("new", 1), lambda d: d.move_to_end("a"), lambda d: d.pop("b")):
    d = OD(a=1, b=2, c=3)
    it = iter(d)
    next(it)
    mutate(d)
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError", e)
d = OD(a=1, b=2)
it = iter(d)
next(it)
d["a"] = 5  # a new value is not a change of order
print(list(it), d)
print(sys.getsizeof(OD()) > sys.getsizeof({}), OD().__sizeof__() < OD(a=1).__sizeof__())
big = OD((i, i) for i in range(1000))
for i in range(0, 1000, 3):
    big.move_to_end(i, last=(i % 2 == 0))
for i in range(0, 1000, 7):
    del big[i]
print(len(big), list(big)[:10], list(reversed(big))[:10], sum(big.values()))
