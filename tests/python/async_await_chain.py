class Suspend:
    def __await__(self):
        value = yield "suspend"
        return value

async def leaf(n):
    got = await Suspend()
    return n * got

async def middle(n):
    a = await leaf(n)
    b = await leaf(n + 1)
    return a + b

async def top():
    results = []
    for i in range(3):
        results.append(await middle(i))
    return results

def drive(coro, feed=2):
    steps = 0
    try:
        value = coro.send(None)
        while True:
            steps += 1
            value = coro.send(feed)
    except StopIteration as e:
        return e.value, steps
print(drive(top()))
print(drive(middle(5), 10))
