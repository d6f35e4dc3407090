import os
x = 1
def f(a, b=2, *c, d, **e):
    """doc"""
    global x
    y = [i * 2 for i in range(a) if i]
    try:
        z = a / b
    except ZeroDivisionError as err:
        print(err)
    finally:
        print("fin")
    with open("f") as fh, open("g"):
        for q in fh:
            if q: break
            else: continue
    return lambda: y
class C(object, metaclass=type):
    a: int = 1
    def m(self):
        return super().m(), __class__
async def g():
    async with a as b:
        await b
    async for i in x: pass
    return [j async for j in y]
def gen():
    yield 1
    yield from gen()
print(f"{x!r:>{10}} {x}")
a, *b, c = range(5)
a.b += 1
a[1:2] += 3
assert x, "m"
del a, b
from os.path import join as j, sep
import os.path as p
