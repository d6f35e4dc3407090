class Base:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x

class Child(Base):
    @Base.v.getter
    def v(self): return self._v * 100

class ReadOnlyChild(Base):
    @property
    def v(self): return "read only"

c = Child(); c.v = 2
print(c.v)
r = ReadOnlyChild()
try:
    r.v = 5
except AttributeError as e:
    print("AttributeError:", e)
print(r.v, Base().v, isinstance(Child.v, property), Child.v.fset is Base.v.fset)
