def g():
    return "value"
    yield
try:
    next(g())
except StopIteration as e:
    print(repr(e.value), e.args)
e = StopIteration(1, 2)
print(e.value, e.args)
print(StopIteration().value)
it = iter([])
print(next(it, None))
