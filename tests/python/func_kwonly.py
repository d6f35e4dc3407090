def f(a, *, key=None, reverse=False):
    out = sorted(a, key=key, reverse=reverse)
    return out

print(f([3, 1, 2]))
print(f([3, 1, 2], reverse=True))
print(f(["bb", "a", "ccc"], key=len))

def g(*, x, y=2):
    return x - y
print(g(x=10), g(y=1, x=3))
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(x=1, z=2)
except TypeError as e:
    print("TypeError:", e)
