def f():
    {(yield from x) for x in a}
