print(0.1 + 0.2, 1 / 3, 2 / 3, 1e300 * 10, -1e300 * 10, 1e-320)
print(3.7 // 1, 3.7 % 1, -3.7 // 1, -3.7 % 1, 2.0 ** 0.5, 10.0 ** -2)
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1.23456, 3))
print(float("1.5"), float("  -2e3 "), float("inf"), float("-inf"), float("nan") != float("nan"))
print(int(2.5e10), (1.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio())
print(repr(1e16), repr(1.0e-5), repr(123456789012345678.0), str(1e22), 1.0, -0.0)
print(abs(-2.5), divmod(7.5, 2), max(1.5, 2), min(-0.0, 0.0))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(f"{1/7:.10f} {1e6:e} {12345.678:g} {0.000012:g}")
