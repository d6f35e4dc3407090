# functools.lru_cache through _functools._lru_cache_wrapper: strategies, keys, typed,
# statistics, clearing, reentrancy, methods, attributes, errors.
import functools, _functools, copy

print(functools._lru_cache_wrapper is _functools._lru_cache_wrapper)

calls = []
@functools.lru_cache(maxsize=3)
def f(*args, **kw):
    calls.append((args, tuple(sorted(kw.items()))))
    return len(calls)

print(type(f).__name__, f.__name__, f.__qualname__, f.__module__, f.__wrapped__.__name__, f.cache_parameters())
print(f(1), f(1), f(2), f(3), f(1), f(4), f(2), f.cache_info())
print(f(1, x=2), f(1, x=2), f(1, y=2), f(x=1, y=2), f(y=2, x=1), f.cache_info())
print(f("a"), f("a"), f(1.0), f(1), f.cache_info())
f.cache_clear()
print(f.cache_info(), f(1), f.cache_info())

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info(), fib.cache_parameters())

@functools.lru_cache(maxsize=0)
def z(x):
    return x * 2
print(z(1), z(1), z.cache_info())

@functools.lru_cache(maxsize=-5)
def neg(x):
    return x
print(neg(1), neg(1), neg.cache_info())

@functools.lru_cache(maxsize=2, typed=True)
def ty(x):
    return type(x).__name__
print(ty(1), ty(1.0), ty(True), ty(1), ty.cache_info(), ty.cache_parameters())

@functools.lru_cache
def plain(x):
    "doc of plain"
    return x + 1
print(plain(1), plain.__doc__, plain.cache_parameters())

@functools.cache
def cached(x):
    return [x]
print(cached(1) is cached(1), cached.cache_info())

# Recursion through a bounded cache (the key is added by the inner call first).
@functools.lru_cache(maxsize=2)
def rec(n):
    return 0 if n == 0 else rec(n - 1) + 1
print(rec(30), rec.cache_info())

# Clearing from inside the call.
@functools.lru_cache(maxsize=4)
def clearing(n):
    clearing.cache_clear()
    return n
print(clearing(1), clearing(2), clearing(1), clearing.cache_info())

# Exceptions are not cached.
count = [0]
@functools.lru_cache(maxsize=8)
def boom(x):
    count[0] += 1
    raise ValueError(x)
for _ in range(2):
    try:
        boom(1)
    except ValueError as e:
        print("ValueError", e)
print(count, boom.cache_info())

# Unhashable arguments.
try:
    f([1])
except TypeError as e:
    print("TypeError", e)

# Methods bind.
class C:
    @functools.lru_cache(maxsize=None)
    def m(self, x):
        return (self.tag, x)
    tag = "c"
c = C()
print(c.m(1), c.m(1), C.m.cache_info(), C.m(c, 2), type(C.__dict__["m"]).__name__)

# Attributes, copy, pickle, errors.
f.extra = 5
print(f.extra, sorted(k for k in f.__dict__ if not k.startswith("__")), copy.copy(f) is f, copy.deepcopy(f) is f)
print(fib.__reduce__(), f.__reduce__())
for args in [(1, 1, 1, 1), (len, "a", False, None), (len,)]:
    try:
        _functools._lru_cache_wrapper(*args)
    except TypeError as e:
        print("TypeError", e)
w = _functools._lru_cache_wrapper(len, 2, False, lambda *a: a)
print(w("abc"), w("abc"), w.cache_info(), w.__wrapped__ if hasattr(w, "__wrapped__") else "no __wrapped__")
try:
    class Sub(_functools._lru_cache_wrapper): pass
except TypeError as e:
    print("TypeError", e)

# Large bounded cache stays consistent.
@functools.lru_cache(maxsize=100)
def sq(x):
    return x * x
total = sum(sq(i % 150) for i in range(3000))
print(total, sq.cache_info())
