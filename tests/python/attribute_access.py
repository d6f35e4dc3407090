class A:
    x = "class"
    def __init__(self):
        self.y = "instance"

a = A()
print(a.x, a.y, A.x)
a.x = "shadow"
print(a.x, A.x)
del a.x
print(a.x)
A.z = "added later"
print(a.z)
print(getattr(a, "y"), a.__dict__, type(a).__dict__["x"])
import_free = True
print(a.__class__.__name__, a.__init__.__name__, a.__init__.__self__ is a)
try:
    a.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    A.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).x = 2
except AttributeError as e:
    print("AttributeError:", e)
