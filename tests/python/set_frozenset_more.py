a = frozenset([3, 1, 2])
b = {2, 3, 4}
print(sorted(a | b), type(a | b).__name__, type(b | a).__name__, sorted(a.union([9], [8])))
print(sorted(a.intersection(b, [3])), sorted(a.difference([1])), sorted(a.symmetric_difference(b)))
s = {1, 2, 3}
s.intersection_update([2, 3, 4]); print(sorted(s))
s.difference_update([3]); print(sorted(s))
s.symmetric_difference_update([2, 5]); print(sorted(s))
print({1, 2} == frozenset([1, 2]), {frozenset(): 0}[frozenset()], len({frozenset([1]), frozenset([1])}))
c = s.copy(); c.add(100); print(sorted(s), sorted(c))
print(set(range(5)) > {1, 2}, {1} <= {1}, {1} < {1})
