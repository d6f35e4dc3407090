# Class instances in reference cycles: gc.collect() finds them (counts as CPython where the
# count is deterministic), collects self-cycles, 2-cycles and rings, leaves reachable ones,
# and respects gc.disable()/gc.enable() and thresholds.
import gc
import _weakref

gc.collect()
gc.disable()


class Node:
    __slots__ = ("other", "__weakref__")


class Plain:
    pass


def make_ring(n):
    nodes = [Node() for _ in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.other = b
    return nodes


# Slots-only instances: each node is exactly one object, as in CPython.
ring = make_ring(10)
refs = [_weakref.ref(n) for n in ring]
del ring
print("ring alive before collect:", sum(r() is not None for r in refs))
print("collected ring of 10:", gc.collect())
print("ring alive after collect:", sum(r() is not None for r in refs))

n = Node()
n.other = n
r = _weakref.ref(n)
del n
print("self-cycle collected:", gc.collect(), r() is None)

# A reachable cycle survives.
keep = make_ring(3)
print("reachable ring collected:", gc.collect(), all(isinstance(x.other, Node) for x in keep))
del keep
print("now unreachable:", gc.collect())

# Instances with a __dict__ in a cycle: collected (CPython 3.11 keeps instance dicts
# inline, so only whether they die is compared, not the count).
a, b = Plain(), Plain()
a.b, b.a = b, a
ra, rb = _weakref.ref(a), _weakref.ref(b)
del a, b
print("dict instances collected (>0):", gc.collect() > 0, ra() is None, rb() is None)

# Containers in cycles.
lst = []
lst.append(lst)
d = {}
d["self"] = d
del lst, d
print("list and dict self-cycles:", gc.collect())

# Tracking.
print("is_tracked:", gc.is_tracked(Node()), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]))
print("isenabled while disabled:", gc.isenabled())
gc.enable()
print("isenabled:", gc.isenabled())
print("threshold:", gc.get_threshold())

# Automatic collection: with a tiny threshold, cycles go away without gc.collect().
gc.set_threshold(10)
refs = []
for i in range(200):
    x = Node()
    x.other = x
    refs.append(_weakref.ref(x))
    del x
print("automatically collected most:", sum(r() is None for r in refs) > 150)
gc.set_threshold(700, 10, 10)
print("collect(generation) bounds:")
for g in (0, 1, 2):
    print(" ", g, gc.collect(g) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print("  3:", e)
