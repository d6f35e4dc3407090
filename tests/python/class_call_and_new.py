class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.created = a
        return cls._inst
    def __init__(self, *a):
        self.last = a

a = Singleton(1)
b = Singleton(2)
print(a is b, a.created, a.last)

class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), callable(Adder), callable(1))

class Weird:
    def __new__(cls):
        return 42
print(Weird())

class IntLike(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(IntLike(21), type(IntLike(1)).__name__)
