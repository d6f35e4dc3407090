# `for i in range(...)`: FOR_ITER takes the value from a range iterator itself and, when
# `STORE_FAST i` follows, rewrites the int `i` holds if nothing else refers to it. Every
# int the loop handed out must keep its value; small ints stay the shared objects.
import sys


def kept_values(r):
    seen = []
    for i in r:
        seen.append(i)  # a second reference: `i` must not be rewritten next step
    return seen


def summed(r):
    total = 0
    for i in r:
        total += i
    return total, i


def escaped_by_closure(n):
    fs = []
    for i in range(1000, 1000 + n):
        fs.append(lambda i=i: i)
    return [f() for f in fs]


def deleted_inside(n):
    out = []
    for i in range(500, 500 + n):
        out.append(i * 2)
        del i
    return out


def rebound_inside(n):
    out = []
    for i in range(300, 300 + n):
        i = str(i)  # the local then holds a str: the next step stores a new int
        out.append(i)
    return out


def kept_in_dict(n):
    d = {}
    for i in range(10**6, 10**6 + n):
        d[i] = i
    return all(k == v for k, v in d.items()), sorted(d)[:3], len(d)


# Values across the digit boundaries (30-bit digits: 2**30 and 2**60), negatives, steps.
ranges = [
    range(250, 270),
    range(-10, 10),
    range(2**30 - 3, 2**30 + 3),
    range(-(2**30) - 3, -(2**30) + 3),
    range(2**60 - 3, 2**60 + 3),
    range(2**62, 2**62 + 40, 7),
    range(10**6, 10**6 - 30, -3),
    range(2**63 - 5, 2**63 + 5),
    range(0),
]
for r in ranges:
    assert kept_values(r) == list(r), r
    print(r, summed(r) if len(r) else "empty", kept_values(r)[-3:])

print(escaped_by_closure(5))
print(deleted_inside(4))
print(rebound_inside(4))
print(kept_in_dict(50))

# Small ints handed out by the loop are the cached objects, even after a rewritten one.
def small_after_large():
    out = []
    for i in range(1000, 1003):
        pass
    for i in range(3):
        out.append(i is (i + 1 - 1))
    return out, i


print(small_after_large())

# The loop variable's int is the only reference: the count seen through it stays right.
def refcounts():
    counts = []
    for i in range(5000, 5003):
        counts.append(sys.getrefcount(i))
    return counts


print(len(refcounts()))

# Module level (a dict namespace, STORE_NAME): the generic path.
acc = []
for j in range(2**40, 2**40 + 3):
    acc.append(j)
print(acc)

# Nested loops reuse their own variables independently.
def nested():
    t = []
    for a in range(400, 403):
        for b in range(900, 902):
            t.append((a, b))
    return t


print(nested())

# A generator body and a comprehension.
def gen():
    for k in range(700, 704):
        yield k


print(list(gen()), [k * 2 for k in range(800, 803)])
