class ACM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError

async def main():
    async with ACM("a") as a, ACM("b"):
        print("inside", a.name)
    async with ACM("c"):
        raise KeyError("suppressed")
    try:
        async with ACM("d"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "ok"

c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
