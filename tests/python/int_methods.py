n = 1234567890123
print(n.bit_length(), n.bit_count() if hasattr(n, "bit_count") else "", (-n).bit_length())
print((1024).to_bytes(4, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x00\x10", "big"))
print((7).as_integer_ratio(), (10).real, (10).imag, int.__name__, (5).__index__())
print(int("zz", 36), int("0o17", 0), int("  -12  "), int("+5"), int("1" * 30) % 1000)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    int("1", 1)
except ValueError as e:
    print("ValueError:", e)
print(format(n, ","), f"{n:_x}", str(-0), repr(10 ** 20))
