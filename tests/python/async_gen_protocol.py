class Tick:
    def __await__(self):
        yield "tick"

def step(aw, value=None):
    """One send: ('yield', x), ('stop', value) or ('raise', type, msg)."""
    try:
        return ("yield", aw.send(value))
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return ("raise", type(e).__name__, str(e))

def run(aw):
    out = []
    while True:
        r = step(aw)
        out.append(r)
        if r[0] != "yield":
            return out

async def agen():
    try:
        x = yield 1
        print("got", x)
        await Tick()
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("agen caught", e)
        yield "after-catch"
    finally:
        print("agen finally")

g = agen()
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_running, g.ag_await, g.ag_frame is not None)
print(g.ag_code.co_name, g.ag_code.co_flags & 0x200 != 0)
print(g.__aiter__() is g)
a = g.__anext__()
print(type(a).__name__, a.__await__() is a, iter(a) is a)
print(run(a))
print(run(a))  # reused
print(run(g.asend("hello")))
b = g.asend("world")
print(step(b))     # the await Tick inside
print(g.ag_running, g.ag_await is not None)
print(step(b))
print(run(g.athrow(ValueError("boom"))))
print(run(g.__anext__()))
print(run(g.__anext__()))
print(run(g.aclose()))

# athrow at an exhausted generator, and aclose twice
async def one():
    yield 1
g = one()
print(run(g.__anext__()), run(g.__anext__()))
print(run(g.athrow(KeyError("k"))))
print(run(g.aclose()), run(g.aclose()))
t = g.aclose(); print(run(t), run(t))

# aclose on a generator that yields in finally
async def stubborn():
    try:
        yield 1
    finally:
        yield 2
g = stubborn()
print(run(g.__anext__()))
print(run(g.aclose()))

# sending a value into a just started athrow
async def two():
    yield 1
    yield 2
g = two()
print(run(g.__anext__()))
t = g.athrow(KeyError)
print(step(t, 5))
print(run(g.athrow(KeyError, KeyError("x"))))
print(run(two().athrow()))
try:
    run(two().athrow())
except TypeError as e:
    print("TypeError:", e)

# asend's throw and close
g = two()
a = g.__anext__()
print(step(a))
a2 = g.__anext__()
try:
    a2.throw(IndexError("ix"))
except IndexError as e:
    print("IndexError", e)
print(run(a2))
a3 = g.__anext__()
print(a3.close(), run(a3))

# StopAsyncIteration and StopIteration raised inside become RuntimeError
async def raises_sai():
    raise StopAsyncIteration
    yield
async def raises_si():
    raise StopIteration
    yield
for f in (raises_sai, raises_si):
    r = run(f().__anext__())
    print(r)

# a running generator refuses a second __anext__
async def slow():
    await Tick()
    yield 1
g = slow()
a = g.__anext__()
print(step(a))
print(run(g.__anext__()))
print(step(a))

# async generator returning early
async def early():
    return
    yield
print(run(early().__anext__()))

# the coroutine wrapper
async def co():
    await Tick()
    return 42
c = co()
w = c.__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
try:
    next(w)
except StopIteration as e:
    print("returned", e.value)
c = co()
w = c.__await__()
print(w.send(None))
try:
    w.throw(KeyError("in wrapper"))
except KeyError as e:
    print("KeyError", e)
c = co(); w = c.__await__(); next(w); print(w.close())

def gen_based():
    r = yield from co().__await__()
    return r + 1
g = gen_based()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("gen_based", e.value)
