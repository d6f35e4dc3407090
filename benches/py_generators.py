# Generators: generator functions, generator expressions, yield from, send.
def numbers(n):
    for i in range(n):
        yield i

def squares(it):
    for x in it:
        yield x * x

def chained(n):
    yield from numbers(n)
    yield from squares(numbers(n // 2))

def acc():
    total = 0
    while True:
        v = yield total
        total += v

a = acc()
next(a)
t = 0
for v in chained(450_000):
    t = a.send(v & 0xFF)
s = sum(x for x in squares(numbers(450_000)) if x & 1)
print(t, s)
