def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    return wrapper

def times(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco

@trace
def add(a, b):
    return a + b

@times(3)
@trace
def one():
    return 1

print(add(1, 2))
print(one())
print(add.__name__)

class Registry:
    items = []
    @classmethod
    def register(cls, f):
        cls.items.append(f.__name__)
        return f

@Registry.register
def a(): pass
@Registry.register
def b(): pass
print(Registry.items)

@lambda c: c.__name__.upper()
class Thing: pass
print(Thing)
