t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t.index(3.0), t.count(1))
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print((1,), (), tuple("ab"), tuple(range(3)), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 2, 0), (2,) > (1, 9), hash((1, 2)) == hash((1, 2)))
a, = (5,)
print(a)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
