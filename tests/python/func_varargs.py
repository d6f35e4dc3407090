def f(*args, **kwargs):
    return args, sorted(kwargs.items())

print(f())
print(f(1, 2, 3))
print(f(a=1, b=2))
print(f(1, *[2, 3], *(4,), x=5, **{"y": 6}))

def g(a, b, *rest):
    return a, b, rest
print(g(*range(5)))
print(g(1, *"xy"))

def h(**kw):
    kw["new"] = 1
    return kw
d = {"k": 0}
print(sorted(h(**d).items()), d)

try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)
