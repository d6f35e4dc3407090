def f():
    x = 1
    def g():
        return x
    del x
    return g
def h():
    y = 1
    def i():
        nonlocal y
        del y
    return i
