def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc

c1 = counter()
c2 = counter()
print(c1(), c1(), c1(5), c2())

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())

def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
print(c1.__code__.co_freevars, counter.__code__.co_cellvars)
print(type(c1.__closure__[0]).__name__, c1.__closure__[0].cell_contents)
