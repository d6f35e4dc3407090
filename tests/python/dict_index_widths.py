# Dicts whose tables cross the index-width boundaries (1-byte indices up to 128 slots,
# 2-byte up to 32,768, then 4-byte): insertion order, lookups, deletions, popitem, copies
# and colliding hashes must behave the same at every size.


class Collide:
    """Every instance hashes alike: lookups walk the whole probe sequence."""

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, Collide) and other.n == self.n

    def __repr__(self):
        return f"C{self.n}"


def check(n):
    d = {}
    for i in range(n):
        d[f"k{i}"] = i
    assert len(d) == n
    assert all(d[f"k{i}"] == i for i in range(0, n, 7))
    assert f"k{n}" not in d
    # Delete every third key, then re-add some: order is insertion order.
    for i in range(0, n, 3):
        del d[f"k{i}"]
    for i in range(0, n, 6):
        d[f"k{i}"] = -i
    keys = list(d)
    expected = [f"k{i}" for i in range(n) if i % 3] + [f"k{i}" for i in range(0, n, 6)]
    assert keys == expected, (n, keys[:5], expected[:5])
    c = d.copy()
    assert c == d and list(c) == keys
    last = c.popitem()
    assert last == (expected[-1], d[expected[-1]])
    c["new"] = 1
    assert list(c)[-1] == "new" and len(c) == len(d)
    rev = list(reversed(d))
    assert rev == keys[::-1]
    # Int keys (equal, not identical) and a dict built presized by a comprehension.
    ints = {i: i * i for i in range(n)}
    assert sum(ints[j] for j in range(n)) == sum(i * i for i in range(n))
    assert all(ints[int(str(j))] == j * j for j in range(0, n, 11))
    return len(d), sum(d.values()), keys[-1]


for n in (5, 6, 85, 86, 120, 200, 1000, 21845, 21846, 30000):
    print(n, check(n))

# Colliding hashes: entry positions past 127 in a 2-byte table, found by __eq__.
cd = {Collide(i): i for i in range(300)}
print(len(cd), cd[Collide(0)], cd[Collide(299)], Collide(300) in cd)
for i in range(0, 300, 2):
    del cd[Collide(i)]
print(len(cd), list(cd)[:3], cd.get(Collide(151)))


class Mutating:
    """A key whose comparison empties the dict it is being looked up in."""

    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.target.clear()
        return False


victim = {}
for i in range(200):
    victim[i * 2 ** 20 + 7] = i  # some share the hash slot of 7
probe = Mutating(victim)
print(probe in victim, len(victim))
victim = {}
victim[Mutating(victim)] = "m"
print(Mutating(victim) in victim, len(victim))

# Sizes from a presized build (dict.fromkeys, {**a, **b}) and an update that grows.
a = dict.fromkeys(range(500), 0)
b = {**a, **{i: 1 for i in range(400, 900)}}
print(len(b), sum(b.values()), list(b)[398:402])
a.update((i, i) for i in range(40000))
print(len(a), a[39999], list(a)[:3])
