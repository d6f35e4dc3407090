class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, owner):
        if obj is None: return self
        return obj.__dict__.get(self.name)
    def __set__(self, obj, v):
        if not isinstance(v, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = v

class NonData:
    def __get__(self, obj, owner): return "from descriptor"

class Person:
    name = Typed(str)
    age = Typed(int)
    nd = NonData()

p = Person()
p.name = "Ann"; p.age = 30
print(p.name, p.age, p.nd)
p.__dict__["nd"] = "from instance"
print(p.nd)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
print(type(Person.name).__name__)
