def gen_with_return():
    x = yield 1
    y = yield x * 2
    return x + y

g = gen_with_return()
print(next(g), g.send(10))
try:
    g.send(5)
except StopIteration as e:
    print("return value", e.value)

def infinite():
    i = 0
    while True:
        i += 1
        yield i
evens = (x for x in infinite() if x % 2 == 0)
print([next(evens) for _ in range(5)])

def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
gen = (i for i in range(3))
print(gen.__name__, gen.__qualname__.endswith("<genexpr>"), iter(gen) is gen)
