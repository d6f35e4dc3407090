x = 0
def f():
    global x
    x = 1
    def g():
        nonlocal_y = x
    y = 2
    def h():
        nonlocal y
        y += 1
        def k():
            return y
        return k
def q():
    global undefined_yet
    undefined_yet = 1
