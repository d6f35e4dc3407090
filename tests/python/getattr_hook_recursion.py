# A class with __getattr__ and the generic __getattribute__: a missing attribute goes to
# __getattr__ without an AttributeError being made first, so a __getattr__ that recurses
# (pickletester's BadGetattr) ends with RecursionError at any recursion limit instead of
# failing to create exceptions at the bottom.
import sys, pickle

class BadGetattr:
    def __getattr__(self, key):
        self.foo

for limit in (60, 150, 1000):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        BadGetattr().foo
    except RecursionError as e:
        print(limit, "RecursionError", e)
    finally:
        sys.setrecursionlimit(old)
    for proto in range(2):
        sys.setrecursionlimit(limit)
        try:
            pickle.dumps(BadGetattr(), proto)
        except RecursionError:
            print(limit, proto, "pickle RecursionError")
        finally:
            sys.setrecursionlimit(old)
print(len(pickle.dumps(BadGetattr(), 2)))

class Counting:
    calls = []
    def __getattr__(self, key):
        self.calls.append(key)
        if key == "magic":
            return 42
        raise AttributeError(f"no {key}")
    @property
    def prop(self):
        raise AttributeError("from property")

c = Counting()
c.real = 1
print(c.real, c.magic, getattr(c, "missing", "default"), hasattr(c, "nope"), c.prop if False else "")
print(getattr(c, "prop", "fallback"), Counting.calls)
try:
    c.other
except AttributeError as e:
    print("AttributeError", e, e.name, e.obj is c)

class Custom:
    def __getattribute__(self, key):
        if key == "x":
            raise AttributeError("x hidden")
        return object.__getattribute__(self, key)
    def __getattr__(self, key):
        return "fallback-" + key
print(Custom().x, Custom().y)
