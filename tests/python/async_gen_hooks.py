import sys

class Tick:
    def __await__(self):
        yield "tick"

def run(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks()
print(type(h).__name__, h.firstiter, h.finalizer, len(h), tuple(h))

seen = []
def firstiter(g):
    seen.append(("first", g.__name__))
finalized = []
def finalizer(g):
    finalized.append(g.__name__)
    # the loop would schedule aclose(); here it is run directly
    run(g.aclose())

sys.set_asyncgen_hooks(firstiter, finalizer)
print(sys.get_asyncgen_hooks().firstiter is firstiter, sys.get_asyncgen_hooks().finalizer is finalizer)

async def agen(name):
    try:
        for i in range(3):
            await Tick()
            yield i
    finally:
        print("finally of", name)

g = agen("g")
print(seen)
print(run(g.__anext__()))
print(seen)
print(run(g.__anext__()))
del g
print("finalized:", finalized)

# keep one hook, clear the other
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks().firstiter is firstiter, sys.get_asyncgen_hooks().finalizer)
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks())

for args, kw in [((1,), {}), ((None, 2), {}), ((print,), {"finalizer": 3}), ((1, 2, 3), {})]:
    try:
        sys.set_asyncgen_hooks(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
print(sys.get_asyncgen_hooks())

# a firstiter hook that raises makes __anext__() raise
def bad(g):
    raise KeyError("hook")
sys.set_asyncgen_hooks(firstiter=bad)
g2 = agen("g2")
try:
    g2.__anext__()
except KeyError as e:
    print("KeyError:", e)
sys.set_asyncgen_hooks(firstiter=None)
print(run(g2.__anext__()))
print(run(g2.aclose()))
