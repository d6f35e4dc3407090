l = list(range(10))
print(l[2:5], l[:3], l[7:], l[::3], l[::-1], l[-3:], l[8:2:-2], l[100:], l[-100:2])
l[2:5] = ["a", "b"]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
l[1:1] = [None, None]
print(l)
del l[::3]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m, [[0] * 2] * 2)
a = [1, 2]
b = a
a += [3]
a = a + [4]
print(a, b)
print([1, 2] * 2, [1, 2] < [1, 3], [1, 2] == [1, 2], [] or "empty")
