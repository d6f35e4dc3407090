class C:
    def __init__(self, n): self.n = n
    def get(self): return self.n
    def add(self, k): return self.n + k

c = C(5)
m = c.get
print(m(), m.__self__ is c, m.__func__ is C.get, C.get(c), type(m).__name__)
adders = [C(i).add for i in range(3)]
print([f(10) for f in adders])
print(list(map(C(100).add, [1, 2])))
print(c.get == c.get, c.get is c.get)
class D(C):
    def get(self): return "D:" + str(super().get())
print(D(7).get(), C.get(D(8)))
print([1, 2].append.__name__, "abc".upper.__self__)
