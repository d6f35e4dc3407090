x = "global"
class C:
    x = "class"
    y = x
    def method(self):
        return x
    lam = lambda self: x
    comp = [x for _ in range(1)]
print(C.y, C().method(), C().lam(), C.comp)

def f():
    x = "enclosing"
    class D:
        x = "D-body"
        def m(self):
            return x
        seen = x
    return D().m(), D.seen
print(f())

def g():
    v = "enclosing"
    class E:
        print("in class body, sees", v)
        w = v
    return E.w
print(g())
