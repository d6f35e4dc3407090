class Tick:
    def __await__(self):
        yield "tick"

async def agen(n):
    for i in range(n):
        await Tick()
        yield i * i

async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    out2 = [v async for v in agen(3)]
    return out, out2

def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks

print(run(consume()))
a = agen(1)
print(type(a).__name__)

async def use_anext():
    g = agen(2)
    first = await g.__anext__()
    second = await anext(g)
    try:
        await anext(g)
    except StopAsyncIteration:
        return first, second, "stop"
print(run(use_anext()))
