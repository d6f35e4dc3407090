def f():
    {x: (yield) for x in a}
