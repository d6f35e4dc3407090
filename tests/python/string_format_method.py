print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}{y}".format(x=1, y=2))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:08.3f}".format(3.14159))
print("{0[1]} {0[k]} {1.real}".format({1: "one", "k": "kay"}, 3 + 4j))
print("{:,} {:_} {:.2%} {:e} {:+}".format(1234567, 1234567, 0.256, 1234.5, 3))
print("{!r} {!s} {!a}".format("x", "y", "é"))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2))
print(format(10, "x"), format(10, "#b"), format(-1.5, "08.2f"), format("s", "*>4"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
