f = 3.75
print(f.as_integer_ratio(), f.is_integer(), f.hex(), float.fromhex("0x1.8p1"), f.real, f.imag, f.conjugate())
print((0.1).hex(), float.fromhex("-0x1p-1074"), (1e308 * 10).__repr__(), (-1e308 * 10) < 0)
print(int(1e20), int(-2.9), round(-2.5), round(2.5000001), float(10 ** 20), float(2 ** 53 + 1))
print(1.1 * 3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15, 7.0 // 2, 7.0 % -2, -7.0 % 2)
print(float("1_000.5"), float(".5"), float("5."), float("-inf") < -1e308, 1e400)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
