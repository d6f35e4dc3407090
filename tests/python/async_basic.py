class Future:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield ("waiting", self.v)
        return got

async def add(a, b):
    x = await Future(a)
    y = await Future(b)
    return x + y

async def main():
    r = await add(1, 2)
    return r * 10

def run(coro):
    sent = None
    while True:
        try:
            req = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("request", req)
        sent = req[1] * 100

print(run(main()))
c = main()
print(type(c).__name__, c.__name__)
c.close()
print(add.__code__.co_flags & 0x80 != 0)
