# issubclass/isinstance over "class-like" objects whose __bases__ recurse forever raise
# RecursionError, as in CPython (Lib/test/test_isinstance's bpo-30570 cases), at several
# recursion limits: the error made at the limit is normalized with the headroom open.
import sys


class BasesTuple:
    def __getattr__(self, attr):
        return (self, None)


class BasesCycle:
    @property
    def __bases__(self):
        return (self, self, self)


class BasesRecurse:
    @property
    def __bases__(self):
        return self.__bases__


default = sys.getrecursionlimit()
for limit in (40, 75, 200, default):
    sys.setrecursionlimit(limit)
    for name, call in [
        ("issubclass via tuple", lambda: issubclass(BasesTuple(), int)),
        ("issubclass cycle", lambda: issubclass(BasesCycle(), int)),
        ("issubclass recurse", lambda: issubclass(BasesRecurse(), int)),
        ("isinstance tuple cls", lambda: isinstance(1, BasesTuple())),
        ("issubclass both", lambda: issubclass(BasesTuple(), BasesCycle())),
    ]:
        try:
            print(limit, name, call())
        except RecursionError:
            print(limit, name, "RecursionError")
        except TypeError as e:
            print(limit, name, "TypeError", e)
sys.setrecursionlimit(default)
print(issubclass(bool, int), isinstance(True, (str, (bytes, int))))
