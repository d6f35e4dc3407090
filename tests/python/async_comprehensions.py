class Tick:
    def __await__(self):
        yield

async def arange(n):
    for i in range(n):
        await Tick()
        yield i

async def square(x):
    await Tick()
    return x * x

async def main():
    a = [x async for x in arange(5) if x % 2 == 0]
    b = {x: await square(x) async for x in arange(3)}
    c = [await square(x) for x in range(4)]
    d = {x async for x in arange(3)}
    g = (x * 10 async for x in arange(3))
    e = [v async for v in g]
    return a, b, c, sorted(d), e

co = main()
try:
    while True:
        co.send(None)
except StopIteration as s:
    print(s.value)
