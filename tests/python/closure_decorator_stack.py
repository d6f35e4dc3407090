calls = []
def log(tag):
    def deco(f):
        def w(*a, **k):
            calls.append(f"{tag}>{f.__name__}")
            r = f(*a, **k)
            calls.append(f"{tag}<{f.__name__}")
            return r
        w.__name__ = f.__name__
        w.__wrapped__ = f
        return w
    return deco

@log("outer")
@log("inner")
def work(x, *, scale=2):
    calls.append("work")
    return x * scale

print(work(3), work(1, scale=10))
print(calls)
print(work.__name__, work.__wrapped__.__wrapped__.__name__)
class Memo:
    def __init__(self, f):
        self.f, self.cache = f, {}
    def __call__(self, *a):
        if a not in self.cache:
            self.cache[a] = self.f(*a)
        return self.cache[a]
@Memo
def slow_square(n):
    return n * n
print(slow_square(9), slow_square(9), len(slow_square.cache))
