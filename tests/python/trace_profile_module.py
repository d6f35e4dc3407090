# The pure-Python profiler (`profile.Profile`) over sys.setprofile: call counts per
# function, including the C functions it sees. (io and marshal are stubbed when missing:
# profile imports them at the top but does not use them here.)
import sys
import types

for name in ("io", "marshal"):
    try:
        __import__(name)
    except ImportError:
        sys.modules[name] = types.ModuleType(name)
import profile


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    total = sum(len(str(i)) for i in range(20))
    return fib(10) + total


p = profile.Profile()
print(p.runcall(work))
p.create_stats()
counts = sorted((func if not func.startswith("<function") else "<function>", calls)
                for (_, _, func), (calls, *_rest) in p.stats.items())
for func, calls in counts:
    print(func, calls)
