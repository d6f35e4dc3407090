# functools.lru_cache hits and misses (bounded and unbounded caches, positional and
# keyword keys).
import functools

@functools.lru_cache(maxsize=256)
def bounded(x, y=0):
    return x * 3 + y

@functools.cache
def unbounded(x):
    return x + 1

total = 0
for i in range(200000):
    total += bounded(i & 127)            # hits
    total += unbounded(i & 1023)         # hits after the first 1024
    total += bounded(i & 511, y=1)       # keyword keys, some evictions
print(total, bounded.cache_info().hits, unbounded.cache_info().misses)
