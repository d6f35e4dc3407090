import_free = True

class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        yield self.n

async def worker(name, steps, log):
    for i in range(steps):
        await Sleep(1)
        log.append(f"{name}{i}")
    return name

def round_robin(coros):
    results = {}
    queue = list(coros)
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results[e.value] = True
    return sorted(results)

log = []
print(round_robin([worker("a", 3, log), worker("b", 1, log), worker("c", 2, log)]))
print(log)
