s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(3), slice(None, None, -1).indices(4))
l = list(range(12))
print(l[s], l[slice(-3, None)], "abcdef"[slice(None, None, 2)])
print(slice(1, 2) == slice(1, 2), repr(slice(None)))
try:
    l[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    l["a"]
except TypeError as e:
    print("TypeError:", e)
