class Vec:
    def __init__(self, *c): self.c = list(c)
    def __repr__(self): return "Vec(%s)" % ", ".join(map(str, self.c))
    def __add__(self, o): return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __sub__(self, o): return Vec(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k): return Vec(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self): return Vec(*[-a for a in self.c])
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __iter__(self): return iter(self.c)
    def __bool__(self): return any(self.c)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __iadd__(self, o):
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self

v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v - w, v * 3, 3 * v, -v, abs(w), v @ w)
print(v == Vec(1, 2), v != w, len(v), v[1], list(v), bool(Vec(0, 0)))
u = v
u += w
print(u is v, v)
print(v[::-1], 4 in v)
