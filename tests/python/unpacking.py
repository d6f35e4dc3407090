a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(2)
print(a, mid, z)
(x, y), [p, q] = (1, 2), "ab"
print(x, y, p, q)
for i, (k, v) in enumerate({"one": 1}.items()):
    print(i, k, v)
print([*range(3), *"ab"], (*[1], *[2]), {**{"a": 1}, "b": 2}, {*[1, 2], 3})
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
