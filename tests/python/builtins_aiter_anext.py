class Ait:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    a = aiter(Ait(3))
    got = [await anext(a), await anext(a)]
    got.append(await anext(a, "default?"))
    got.append(await anext(a, "default"))
    return got

c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
try:
    aiter(5)
except TypeError as e:
    print("TypeError:", e)
