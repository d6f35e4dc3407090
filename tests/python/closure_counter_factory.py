def make_counters(n):
    counters = []
    for i in range(n):
        def make(start):
            count = start
            def step():
                nonlocal count
                count += 1
                return count
            return step
        counters.append(make(i * 10))
    return counters

cs = make_counters(3)
print([c() for c in cs], [c() for c in cs])

def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))

def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(str, lambda x: x * 2, abs)(-21))
