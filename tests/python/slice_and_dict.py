# slice(): construction, members, indices(), pickling data, errors; dict subclasses'
# __missing__ and super().__getitem__; a metaclass mro() used by class creation.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None), slice(1, 2).step)
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10), slice(5, -5, -2).indices(20))
print(slice(None, None, 3).indices(0), slice(10**20, -10**20, -1).indices(7), slice(True, 3).indices(10))
print(s.__reduce__(), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), type(s).__name__)
for bad in [(), (1, 2, 3, 4)]:
    try:
        slice(*bad)
    except TypeError as e:
        print(e)
try:
    slice(stop=3)
except TypeError as e:
    print(e)
for length, sl in [(-1, slice(1)), ("x", slice(1)), (5, slice(0, 5, 0)), (5, slice("a", 2)), (5, slice(1.5))]:
    try:
        print(sl.indices(length))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    s.start = 4
except AttributeError as e:
    print(e)
try:
    hash(s)
except TypeError as e:
    print(e)
print(list(range(10))[slice(2, 8, 3)], "abcdef"[slice(None, None, -2)])

class Default(dict):
    def __missing__(self, key):
        return key * 2
d = Default(a=1)
print(d["a"], d["xy"], d.get("xy"), "xy" in d, d.__getitem__("zz"))

class Lower(dict):
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
lw = Lower(abc=1)
print(lw["ABC"], lw.__getitem__("aBc"), dict.__getitem__(lw, "abc"))
try:
    lw["nope"]
except KeyError as e:
    print("KeyError", e)

class Both(dict):
    def __getitem__(self, key):
        return ("via getitem", super().__getitem__(key))
    def __missing__(self, key):
        return "missing " + key
print(Both(k=1)["k"], Both()["q"])

class Meta(type):
    def mro(cls):
        order = super().mro()
        print("mro() called for", cls.__name__)
        return order[:1] + [Mixin] + order[1:] if cls.__name__ == "Target" else order
class Mixin:
    def hello(self):
        return "hello from Mixin"
class Target(metaclass=Meta):
    pass
print([c.__name__ for c in Target.__mro__], Target().hello())

class Reverse(type):
    def mro(cls):
        return list(reversed(type.mro(cls)))[::-1]
class R(metaclass=Reverse): pass
print([c.__name__ for c in R.__mro__])

for bad_mro in ([1], 5, [int]):
    class Bad(type):
        def mro(cls, result=bad_mro):
            return result if not isinstance(result, list) else [cls] + result
    try:
        class X(metaclass=Bad): pass
    except TypeError as e:
        print("TypeError:", e)
