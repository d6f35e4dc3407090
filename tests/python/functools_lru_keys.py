# lru_cache keys from every call shape: positional, keywords (their order matters),
# *args/**kwargs calls, many arguments, typed keys with keywords, methods, recursion,
# and the bounded cache's eviction order under keyword calls.
import functools

log = []
@functools.lru_cache(maxsize=4)
def f(*args, **kw):
    log.append((args, list(kw.items())))
    return len(log)

print(f(1, a=2), f(1, a=2), f(a=2)(1) if False else f(a=2), f(1, a=2, b=3), f(1, b=3, a=2))
print(f(*(1,), **{"a": 2}), f(*[1, 2], **{}), f(1, 2), f.cache_info())
print(f(*range(20)), f(*range(20)), f(*range(10), **{f"k{i}": i for i in range(10)}))
print(f(*range(10), **{f"k{i}": i for i in range(10)}), f.cache_info())
print(log[-3:] == log[-3:], len(log))

@functools.lru_cache(maxsize=None, typed=True)
def t(x, y=0):
    return (type(x).__name__, type(y).__name__)
print(t(1, y=2), t(1.0, y=2), t(1, y=2.0), t(1, 2), t(x=1, y=2), t.cache_info())

@functools.lru_cache(maxsize=2)
def g(x, y=0):
    return x * 10 + y
seq = [g(i % 3, y=i % 2) for i in range(12)]
print(seq, g.cache_info())

class K:
    def __init__(self, n):
        self.n = n
    @functools.lru_cache(maxsize=8)
    def m(self, k, *, scale=1):
        return self.n * k * scale
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, K) and other.n == self.n
a, b = K(2), K(3)
print(a.m(5), a.m(5), b.m(5), a.m(5, scale=2), K.m(a, 5), K.m.cache_info())

@functools.lru_cache(maxsize=16)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30), fact.cache_info())

@functools.lru_cache(maxsize=3)
def boom(x, **kw):
    if x < 0:
        raise ValueError(x)
    return x
for args in ((1,), (-1,), (-1,), (2,)):
    try:
        print(boom(*args, flag=True))
    except ValueError as e:
        print("ValueError", e)
print(boom.cache_info())

try:
    f([1], a=2)
except TypeError as e:
    print("TypeError", e)
try:
    f(1, a=[2])
except TypeError as e:
    print("TypeError", e)
print(f.cache_info())
