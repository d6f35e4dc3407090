print(int("10"), int("10", 2), int(" 7 "), float("3.5"), str(7), bool([]), bool([0]))
print(list("abc"), tuple([1, 2]), set([1, 1]), dict([(1, 2)]), frozenset("aa"))
print(chr(0x263A), ord("€"), repr(chr(0)), ascii("naïve"), format(3.14159, ".2f"), format(42, "08b"))
print(int(True), float(False), complex(2), str(b"bytes"), bytes("ab", "ascii"))
print(repr(None), repr(True), repr(...), repr(NotImplemented), str(Ellipsis))
print(format(1234.5, ","), format("x", "^5"), format(0.25, "%"), format(255, "X"))
try:
    int("3.5")
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
