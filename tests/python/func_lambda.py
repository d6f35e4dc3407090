sq = lambda x: x * x
add = lambda a, b=1, *c, d=2, **e: (a, b, c, d, e)
print(sq(7), sq.__name__, sq.__qualname__)
print(add(1), add(1, 2, 3, 4, d=5, z=6))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=lambda p: p[1]))
print((lambda: (yield))().__class__.__name__)
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])))
nested = lambda x: lambda y: x + y
print(nested(3)(4))
print((lambda *a: a)(1, 2), (lambda **k: sorted(k))(b=1, a=2))
