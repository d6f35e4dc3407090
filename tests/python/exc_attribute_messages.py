class A:
    __slots__ = ("a",)
for expr in ("None.x", "(1).foo", "'s'.bar", "[].baz", "A().a", "A.nope", "type.nothing"):
    try:
        eval(expr)
    except AttributeError as e:
        print(expr, "->", e)
try:
    A().b = 1
except AttributeError as e:
    print("A().b = 1 ->", e)
