class M:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, M): return M(self.v + o.v)
        return NotImplemented
    def __radd__(self, o): return M(self.v + o + 1000)
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return isinstance(o, M) and self.v == o.v
    def __repr__(self): return f"M({self.v})"

print(M(1) + M(2), 5 + M(1), sum([M(1), M(2)], M(0)))
print(sorted([M(3), M(1)]), M(1) > M(0), M(2) == M(2), M(2) != M(3))
try:
    M(1) + "x"
except TypeError as e:
    print("TypeError:", e)
class Sub(M):
    def __radd__(self, o): return "Sub.__radd__ first"
print(M(1) + Sub(2))
print(NotImplemented.__class__.__name__, bool(1 == "1"))
