class Tick:
    def __await__(self):
        yield

async def agen():
    try:
        yield 1
        await Tick()
        yield 2
    finally:
        print("agen finally")

def run(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

g = agen()
print(run(g.__anext__()))
print(run(g.asend(None)))
try:
    run(g.athrow(ValueError("thrown")))
except ValueError as e:
    print("ValueError:", e)
g2 = agen()
print(run(g2.__anext__()))
print(run(g2.aclose()))
print(type(g2).__name__, g2.ag_running)
