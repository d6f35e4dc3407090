def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True

for k, v in f.__annotations__.items():
    print(k, v)

def g(): pass
print(g.__annotations__)

x: int = 5
y: "forward"
print(__annotations__)
print(x)

class C:
    a: int
    b: str = "b"
print(C.__annotations__, C.b)
