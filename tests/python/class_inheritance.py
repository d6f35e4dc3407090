class A:
    def who(self): return "A"
    def hello(self): return "hello from " + self.who()

class B(A):
    def who(self): return "B"

class C(A):
    def who(self): return "C"

class D(B, C):
    pass

print(D().hello(), [k.__name__ for k in D.__mro__])
print(issubclass(D, A), issubclass(A, D), D.__bases__)
print(B().hello(), C().who())

class E(D):
    def who(self):
        return "E>" + super().who()
print(E().hello())

try:
    class Bad(A, B): pass
except TypeError as e:
    print("TypeError:", e)
