# __del__ in collected cycles: each finalizer runs once, all finalizers of the cycle run
# before any member is cleared, a resurrected object survives (and is not counted) and is
# not finalized again, and gc.garbage stays empty (PEP 442).
import gc

gc.collect()
gc.disable()
log = []


class Fin:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        # The partner is still intact while any finalizer of the cycle runs.
        log.append((self.name, self.other is not None and self.other.name))


a, b = Fin("a"), Fin("b")
a.other, b.other = b, a
del a, b
found = gc.collect()
print("finalizers:", sorted(log))
print("found > 0:", found > 0)
print("garbage:", gc.garbage)

saved = []


class Phoenix:
    finalized = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        Phoenix.finalized += 1
        saved.append(self)


p = Phoenix()
del p
print("collect with resurrection:", gc.collect())
print("resurrected:", len(saved), "finalized:", Phoenix.finalized)
print("is_finalized:", gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
print("after release, finalized again?", Phoenix.finalized)
gc.collect()
print("finalized count stays:", Phoenix.finalized)

# Order: objects only reachable from a cycle are finalized with it.
log.clear()


class Leaf:
    def __del__(self):
        log.append("leaf")


class Holder:
    def __init__(self):
        self.me = self
        self.leaf = Leaf()

    def __del__(self):
        log.append("holder")


h = Holder()
del h
gc.collect()
print("holder and leaf:", log)
print("garbage at end:", gc.garbage)
