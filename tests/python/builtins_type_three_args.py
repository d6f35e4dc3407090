def init(self, v): self.v = v
Point = type("Point", (), {"__init__": init, "double": lambda self: self.v * 2, "kind": "dyn"})
p = Point(21)
print(p.double(), Point.kind, Point.__name__, type(p).__name__)
Child = type("Child", (Point,), {})
print(Child(1).double(), Child.__mro__[1].__name__)
print(type(5).__name__, type("s") is str, type(type).__name__)
try:
    type("X", (5,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", (), {}, 1)
except TypeError as e:
    print("TypeError:", e)
