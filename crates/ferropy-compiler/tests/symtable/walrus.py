def f(xs):
    if any((found := x) for x in xs):
        return found
    [[(deep := y) for y in x] for x in xs]
    return deep
[(mod_level := x) for x in range(3)]
def g():
    global gg
    [(gg := 1) for x in ()]
def h():
    lam = lambda: [(w := 1) for _ in ()]
    return lam
