x = "global x"
print("x" in globals(), globals()["x"], globals() is globals())

def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))

class C:
    y = 1
    z = sorted(k for k in locals() if not k.startswith("__"))
print(C.z)

def g():
    globals()["created"] = "via globals()"
g()
print(created)

class V:
    def __init__(self): self.q = 1
print(vars(V()), "q" not in vars(V))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(sorted(k for k in dir() if not k.startswith("__")))
