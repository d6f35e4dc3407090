# Iterators nested 100,000 deep (each __next__ calls the inner one in C) give their item,
# as in CPython, instead of overflowing the C stack; so do deep tuple hashes, and the same
# in a thread. map and zip_longest go 50,000 deep (CPython's own stack ends before 100,000).
import itertools
import operator
import threading

DEPTH = 100_000


def nest(make, depth=DEPTH, base=(1, 2, 3)):
    it = iter(base)
    for _ in range(depth):
        it = make(it)
    return it


CASES = [
    ("enumerate", enumerate, DEPTH),
    ("filter", lambda it: filter(None, it), DEPTH),
    ("zip", zip, DEPTH),
    ("chain", itertools.chain, DEPTH),
    ("islice", lambda it: itertools.islice(it, None), DEPTH),
    ("takewhile", lambda it: itertools.takewhile(bool, it), DEPTH),
    ("dropwhile", lambda it: itertools.dropwhile(operator.not_, it), DEPTH),
    ("accumulate", itertools.accumulate, DEPTH),
    ("compress", lambda it: itertools.compress(it, itertools.repeat(1)), DEPTH),
    ("cycle", itertools.cycle, DEPTH),
    ("tee", lambda it: itertools.tee(it)[0], DEPTH),
    ("map", lambda it: map(abs, it), 50_000),
    ("zip_longest", itertools.zip_longest, 50_000),
]


def depth_of(x):
    n = 0
    while isinstance(x, tuple):
        x = x[-1]
        n += 1
    return n, x


def run_cases():
    for name, make, depth in CASES:
        it = nest(make, depth)
        first = next(it)
        second = next(it)
        print(name, depth_of(first), depth_of(second))
        del it


run_cases()

t = ()
for _ in range(DEPTH):
    t = (t,)
print("deep tuple hash", hash(t) == hash(t), type(hash(t)).__name__)
del t

out = []
th = threading.Thread(target=lambda: out.append(depth_of(next(nest(enumerate)))))
th.start()
th.join()
print("in a thread", out)
