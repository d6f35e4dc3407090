# Closures: creating nested functions, reading and writing cells, nonlocal.
def make_counter(step):
    count = 0
    def inc():
        nonlocal count
        count += step
        return count
    return inc

def compose(f, g):
    return lambda x: f(g(x))

total = 0
for i in range(12_000):
    c = make_counter(i & 7)
    for _ in range(40):
        total += c()
h = compose(lambda x: x + 1, lambda x: x * 2)
for i in range(600_000):
    total += h(i)
print(total)
