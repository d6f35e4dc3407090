e = enumerate(["a", "b"])
print(next(e), list(e), type(e).__name__)
z = zip([1, 2, 3], "ab")
print(list(z), list(z))
m = map(lambda a, b, c: a + b + c, [1, 2], [10, 20], [100, 200, 300])
print(list(m))
f = filter(str.isdigit, "a1b2c3")
print("".join(f))
print(dict(enumerate("xyz")), dict(zip("abc", range(3))))
try:
    enumerate(5)
except TypeError as e:
    print("TypeError:", e)
try:
    map(None)
except TypeError as e:
    print("TypeError:", e)
