class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __complex__(self): return complex(self.v, 1)
    def __round__(self, n=None): return f"round({n})"
    def __bool__(self): return self.v != 0
    def __abs__(self): return "abs!"
    def __neg__(self): return "neg!"
    def __pos__(self): return "pos!"
    def __invert__(self): return "inv!"

n = Num(3.7)
print(int(n), float(n), complex(n), round(n), round(n, 2), bool(n), bool(Num(0)))
print(abs(n), -n, +n, ~n)
print([10, 20, 30, 40][Num(2)], bin(Num(5)), hex(Num(255)), "ab" * Num(2), range(Num(3)))
class LenOnly:
    def __len__(self): return 0
print(bool(LenOnly()), not LenOnly())
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
