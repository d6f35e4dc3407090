for v in (0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 2.675):
    print(v, round(v), round(v, 1), round(v, 2))
print(round(123.456, -1), round(-123.456, -2), round(5, 1), type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(-2, 3), pow(2, 0.5), pow(-8, 1 / 3).real < 2, pow(0, 0), pow(7, -1, 13))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
