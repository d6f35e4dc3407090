def f(xs):
    a = [x for x in xs if x]
    b = {x: y for x in xs for y in x}
    c = {x for x in xs}
    d = (x for x in xs)
    e = [[y for y in x] for x in xs]
    g = [lambda: x for x in xs]
    return a, b, c, d, e, g
[z for z in range(3)]
async def af(xs):
    return [x async for x in xs], [await x for x in xs], (x async for x in xs)
