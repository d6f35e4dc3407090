def f():
    [x for x in [(y := 1) for z in w]]
