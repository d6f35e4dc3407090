class C:
    def f(__a, _C__a): pass
