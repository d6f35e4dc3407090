def averager():
    total, count, avg = 0.0, 0, None
    while True:
        term = yield avg
        if term is None:
            break
        total += term
        count += 1
        avg = total / count
    return (count, avg)

a = averager()
next(a)
for v in (10, 20, 30, 5):
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)

def delegator(results, key):
    while True:
        results[key] = yield from averager()

results = {}
for key, values in (("a", [1, 2, 3]), ("b", [10, 30])):
    d = delegator(results, key)
    next(d)
    for v in values:
        d.send(v)
    d.send(None)
print(results)
