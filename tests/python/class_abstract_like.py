class Base:
    required = ("name", "run")
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        missing = [r for r in cls.required if not hasattr(cls, r)]
        if missing:
            raise TypeError(f"{cls.__name__} missing {missing}")

class Good(Base):
    name = "good"
    def run(self): return "running " + self.name

print(Good().run())
try:
    class Bad(Base):
        name = "bad"
except TypeError as e:
    print("TypeError:", e)
class Auto:
    def __new__(cls, *a, **k):
        inst = super().__new__(cls)
        inst.created_with = (a, sorted(k.items()))
        return inst
    def __init__(self, *a, **k): pass
print(Auto(1, x=2).created_with)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
