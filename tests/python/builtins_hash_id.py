print(hash(1) == 1, hash(-1) == -2, hash(0.5) == hash(0.5), hash(True) == 1, hash(2 ** 61 - 1) == 0)
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
a = [1]
b = a
print(id(a) == id(b), a is b, [1] is [1], id(1) == id(1))
x = 1000
y = 999 + 1
print(x == y, hash(x) == hash(y))
