r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r.index(8), r.count(8), 8 in r, 9 in r)
print(range(5) == range(0, 5), range(0) == range(5, 2), hash(range(3)) == hash(range(0, 3, 1)))
print(list(range(-5)), list(range(10, 0, -3)), range(10 ** 20)[-1], range(0, 10 ** 20, 3)[-1])
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))))
try:
    range(1, 5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
