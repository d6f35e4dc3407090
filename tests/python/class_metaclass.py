class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = "Meta"
        ns["kw"] = sorted(kw.items())
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, sorted(kw))
        return {"prepared": True}

class A(metaclass=Meta, flavour="x"):
    def __init__(self, v):
        self.v = v

a = A(5)
print(a.v, A.created_by, A.kw, A.prepared, type(A).__name__)

class B(A):
    pass
print(type(B).__name__, B.created_by)

Dyn = type("Dyn", (object,), {"x": 1, "f": lambda self: self.x + 1})
print(Dyn().f(), Dyn.__name__)
