def f(a, b=2):
    """Docstring here."""
    x = a + b
    return x

print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__defaults__, f.__code__.co_varnames, f.__code__.co_argcount)
f.custom = 42
print(f.custom, sorted(k for k in f.__dict__))
f.__name__ = "renamed"
print(f.__name__)

class K:
    def m(self):
        def inner(): pass
        return inner
print(K.m.__qualname__, K().m().__qualname__)
print(f.__globals__ is globals(), callable(f), type(f).__name__)
def g(): pass
print(g.__doc__, g.__defaults__, g.__kwdefaults__)
