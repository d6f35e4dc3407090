# The weakref module's containers and finalize with the cycle collector: entries of
# WeakValueDictionary, WeakKeyDictionary and WeakSet whose objects die in collected cycles
# disappear; weakref.finalize callbacks run once, at collection, and report alive/dead.
import gc
import weakref

gc.collect()
gc.disable()


class Obj:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __repr__(self):
        return f"Obj({self.name})"


values = weakref.WeakValueDictionary()
keys = weakref.WeakKeyDictionary()
wset = weakref.WeakSet()
objs = [Obj(i) for i in range(5)]
for o in objs:
    values[o.name] = o
    keys[o] = o.name * 10
    wset.add(o)
print("sizes:", len(values), len(keys), len(wset))
kept = objs[:2]
del objs, o
gc.collect()
print("after collect:", sorted(values.keys()), sorted(keys.values()), sorted(x.name for x in wset))
del kept
gc.collect()
print("all gone:", len(values), len(keys), len(wset))

calls = []
target = Obj("f")
fin = weakref.finalize(target, calls.append, "finalized")
print("alive:", fin.alive)
del target
gc.collect()
print("calls:", calls, "alive:", fin.alive)
print("second call:", fin(), calls)

# finalize.detach and peek.
t2 = Obj("g")
f2 = weakref.finalize(t2, calls.append, "never")
print("peek:", f2.peek()[0] is t2, f2.peek()[2:])
print("detach:", f2.detach()[0] is t2, f2.alive)
del t2
gc.collect()
print("calls after detach:", calls)

# WeakMethod of a bound method whose instance is in a cycle.
class M:
    def __init__(self):
        self.me = self

    def hello(self):
        return "hi"

m = M()
wm = weakref.WeakMethod(m.hello)
print("WeakMethod call:", wm()())
del m
gc.collect()
print("WeakMethod dead:", wm() is None)
