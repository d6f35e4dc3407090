def run(c):
    try:
        while True: c.send(None)
    except StopIteration as e: return e.value
    except Exception as e: print(type(e).__name__, e, repr(e.__cause__))
async def a1():
    async for x in 5: pass
class A:
    def __aiter__(self): return 5
async def a2():
    async for x in A(): pass
class B:
    def __aiter__(self): return self
    def __anext__(self): return 5
async def a3():
    async for x in B(): pass
class C:
    async def __aenter__(self): return 1
async def a4():
    async with C(): pass
class D:
    def __aenter__(self): return 1
    def __aexit__(self, *a): return 1
async def a5():
    async with D(): pass
class E:
    async def __aenter__(self): return 1
    def __aexit__(self, *a): return 1
async def a6():
    async with E(): pass
async def a7():
    async with 5: pass
for f in [a1,a2,a3,a4,a5,a6,a7]: run(f())

class Tick:
    def __await__(self):
        yield "tick"

class Counter:
    def __init__(self, n, fail_at=None):
        self.i, self.n, self.fail_at = 0, n, fail_at
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        self.i += 1
        if self.i == self.fail_at:
            raise KeyError(self.i)
        if self.i > self.n:
            raise StopAsyncIteration
        return self.i

async def loops():
    out = []
    async for i in Counter(5):
        if i == 2:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append("no-else")
    async for i in Counter(2):
        out.append(i)
    else:
        out.append("else")
    try:
        async for i in Counter(5, fail_at=3):
            out.append(i)
    except KeyError as e:
        out.append(("KeyError", e.args))
    return out
print(run(loops()))

async def nested_gen():
    async for i in Counter(3):
        async with Mgr(i):
            yield i

class Mgr:
    def __init__(self, i): self.i = i
    async def __aenter__(self):
        await Tick()
        return self
    async def __aexit__(self, *exc):
        await Tick()
        print("exit", self.i, exc[0])

async def consume():
    return [x async for x in nested_gen()], [x * 2 async for x in nested_gen() if x > 1]
print(run(consume()))

async def early_exit():
    g = nested_gen()
    async for x in g:
        break
    await g.aclose()
    return x
print(run(early_exit()))
