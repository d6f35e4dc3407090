def f(a, b, /, c, *, d):
    return (a, b, c, d)

print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))
for call in (lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def g(a, /, **kw):
    return a, sorted(kw)
print(g(1, a=2))
print(f.__code__.co_posonlyargcount, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)

def h(x=1, /, y=2):
    return x * 10 + y
print(h(), h(3), h(3, 4), h(y=5))
