class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def norm2(self):
        return self.x ** 2 + self.y ** 2

p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims, Point.__doc__)
p.dims = 3
print(p.dims, Point.dims, sorted(vars(p)))
print(Point.__name__, Point.__qualname__, Point.__module__)
print(type(p) is Point, isinstance(p, Point), isinstance(p, object))
print(Point.norm2(p))
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
