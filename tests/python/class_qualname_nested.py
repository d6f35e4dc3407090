class Outer:
    class Inner:
        class Deepest:
            def m(self): pass
    def method(self):
        class Local: pass
        return Local

print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer.Inner.Deepest.m.__qualname__)
print(Outer().method().__qualname__)

def fn():
    class InFn:
        def m(self): pass
    return InFn
print(fn().__qualname__, fn().m.__qualname__)
print(repr(Outer.Inner).startswith("<class '__main__.Outer.Inner'"))
