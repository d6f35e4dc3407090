def outer():
    v = 1
    class C:
        v = 2
        w = v
        def m(self):
            return v
        def n(self):
            return super().n() + __class__
        def o(self):
            class D:
                def p(self): return __class__
            return D
    return C
class E:
    x = 1
    y = [x for _ in range(3)]
    def f(self): return x
