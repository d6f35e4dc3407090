class A:
    def __init__(self):
        self.a = 1
a = A()
a.__dict__["b"] = 2
print(a.b, vars(a))
a.__dict__ = {"c": 3}
print(vars(a), hasattr(a, "a"))
class B: pass
b = B()
for i in range(5):
    setattr(b, f"attr{i}", i * i)
print([getattr(b, f"attr{i}") for i in range(5)])
print(sorted(b.__dict__.items())[:2])
