class C:
    pass

C.counter = 0
def incr(self):
    type(self).counter += 1
    return self.counter
C.incr = incr
c1, c2 = C(), C()
print(c1.incr(), c2.incr(), C.counter)
print(sorted(k for k in C.__dict__ if not k.startswith("__")))
del C.incr
print(hasattr(c1, "incr"))
setattr(C, "greet", lambda self, n: f"hi {n}")
print(c1.greet("x"))
print(C.__name__, C.__bases__, type(C.__dict__).__name__)
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
