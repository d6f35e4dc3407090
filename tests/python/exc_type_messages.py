cases = [
    lambda: 1 + "a",
    lambda: "a" - 1,
    lambda: [] * [],
    lambda: (None,)[0](),
    lambda: len(1),
    lambda: {}[[]],
    lambda: 1 < None,
    lambda: -"x",
    lambda: int([]),
    lambda: abs("x"),
    lambda: (lambda a: a)(),
    lambda: (lambda: 0)(1),
    lambda: (lambda *, k: k)(1),
    lambda: sum(1),
    lambda: "%d" % "x",
    lambda: iter(1),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
