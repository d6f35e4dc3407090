class A:
    cls_attr = 1
    def method(self): pass

a = A()
a.inst = 2
print(isinstance(a, A), isinstance(3, (str, int)), issubclass(bool, int), issubclass(A, object))
print(hasattr(a, "inst"), hasattr(a, "nope"), getattr(a, "cls_attr"), getattr(a, "nope", "dflt"))
setattr(a, "dyn", 3)
print(a.dyn, vars(a) == {"inst": 2, "dyn": 3})
delattr(a, "dyn")
print("dyn" in dir(a), "method" in dir(a), "cls_attr" in dir(A))
print(callable(len), callable(a), callable(A), type(len).__name__)
print(type(a) is A, type(A) is type, type(type) is type, A.__class__.__name__)
print(id(a) == id(a), id(a) != id(A()), hash("x") == hash("x"))
try:
    getattr(a, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    isinstance(a, 5)
except TypeError as e:
    print("TypeError:", e)
