class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self): return f"Point(x={self.x}, y={self.y})"
    def _replace(self, **kw):
        return Point(kw.get("x", self.x), kw.get("y", self.y))

p = Point(1, 2)
print(p, p.x, p.y, p == (1, 2), p[0], len(p), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p._replace(y=5), sorted([Point(2, 1), Point(1, 3)]))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
