def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield from range(3)
    yield from ["a", "b"]

g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))

def flatten(x):
    if isinstance(x, list):
        for i in x:
            yield from flatten(i)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def delegating_throw():
    try:
        yield from inner()
    except KeyError as e:
        yield f"handled {e}"
d = delegating_throw()
next(d)
print(d.throw(KeyError("k")))
