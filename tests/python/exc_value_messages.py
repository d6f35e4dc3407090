cases = [
    lambda: int("x1"),
    lambda: float("abc"),
    lambda: [].index(1),
    lambda: "abc".index("z"),
    lambda: list(range(3)).remove(9),
    lambda: chr(-5),
    lambda: int("5", 99),
    lambda: "a".center(-1, "xy"),
    lambda: bytes([300]),
    lambda: (1, 2).index(3),
    lambda: range(1, 2, 0),
    lambda: "x".split(""),
]
for c in cases:
    try:
        c()
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
