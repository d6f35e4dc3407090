a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, {1} < a, a >= b, a.isdisjoint({9}), a.issubset(range(10)))
s = set()
s.add(1); s.add(1); s.update([2, 3], (4,)); s.discard(9); s.remove(4)
print(sorted(s), len(s), 2 in s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
f = frozenset([1, 2])
print(f, hash(f) == hash(frozenset([2, 1])), {f: "ok"}[frozenset([1, 2])])
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(sorted({x % 3 for x in range(10)}), set(), frozenset(), set("aab") == {"a", "b"})
x = {1, 2}
x |= {3}; x &= {2, 3}; x -= {2}
print(x, s.pop() in (1, 2, 3))
