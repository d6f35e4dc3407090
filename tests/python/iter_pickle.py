# Pickling the builtin iterators and callables through __reduce__/__setstate__, CPython
# 3.11's forms: (iter, (seq,), index), (iter, (empty,)) once exhausted, (iter, (rest,)) for
# sets and dicts; range iterators, reversed, enumerate, zip, map, filter, iter(f, sentinel),
# functools.partial, operator.methodcaller.
import functools
import operator
import pickle


def show(x):
    """A repr without addresses: objects that print one are shown by type name."""
    if isinstance(x, tuple):
        return "(" + ", ".join(show(i) for i in x) + ("," if len(x) == 1 else "") + ")"
    if isinstance(x, list):
        return "[" + ", ".join(show(i) for i in x) + "]"
    r = repr(x)
    return f"<{type(x).__name__}>" if " at 0x" in r else r


def roundtrips(make, label):
    """Pickles fresh, half-consumed and exhausted iterators at every protocol."""
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it = make()
        whole = list(pickle.loads(pickle.dumps(it, proto)))
        it = make()
        first = next(it, None)
        rest = list(pickle.loads(pickle.dumps(it, proto)))
        left = list(it)
        done = list(pickle.loads(pickle.dumps(it, proto)))
        if proto == 0:
            print(label, whole, first, rest, left, done)
        elif (whole, rest, left, done) != (list(make()), left, left, []):
            print(label, "proto", proto, "differs", whole, rest, left, done)


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10

    def __reduce__(self):
        return (Seq, (self.n,))


roundtrips(lambda: iter([1, 2, 3]), "list")
roundtrips(lambda: reversed([1, 2, 3]), "list reversed")
roundtrips(lambda: iter((4, 5, 6)), "tuple")
roundtrips(lambda: iter("abc"), "str")
roundtrips(lambda: iter("é€x"), "str non-ascii")
roundtrips(lambda: iter(b"xyz"), "bytes")
roundtrips(lambda: iter(bytearray(b"uv")), "bytearray")
roundtrips(lambda: iter(range(5)), "range")
roundtrips(lambda: iter(range(10, 0, -3)), "range step")
roundtrips(lambda: reversed(range(1, 8, 2)), "range reversed")
roundtrips(lambda: iter(range(2**65, 2**65 + 3)), "longrange")
roundtrips(lambda: reversed(range(0, 2**70, 2**68)), "longrange reversed")
roundtrips(lambda: iter(Seq(3)), "sequence")
roundtrips(lambda: reversed(Seq(3)), "reversed sequence")
roundtrips(lambda: iter({1: "a", 2: "b", 3: "c"}), "dict keys")
roundtrips(lambda: iter({1: "a", 2: "b"}.values()), "dict values")
roundtrips(lambda: iter({1: "a", 2: "b"}.items()), "dict items")
roundtrips(lambda: reversed({1: "a", 2: "b"}), "dict reversed")
roundtrips(lambda: reversed({1: "a", 2: "b"}.items()), "dict items reversed")
roundtrips(lambda: iter({1, 2, 3}), "set")
roundtrips(lambda: iter(frozenset({7, 8})), "frozenset")
roundtrips(lambda: enumerate("abc", 5), "enumerate")
roundtrips(lambda: zip("ab", [1, 2, 3]), "zip")
roundtrips(lambda: map(operator.neg, [1, 2, 3]), "map")
roundtrips(lambda: map(pow, [1, 2, 3], [2, 2, 2]), "map 2")
roundtrips(lambda: filter(None, [0, 1, 2, 0, 3]), "filter")
roundtrips(lambda: iter([5, 6, 7, 8].pop, 5), "callable")

# The reduce tuples themselves.
it = iter([1, 2, 3]); next(it)
print(show(it.__reduce__()))
it = reversed([1, 2, 3]); next(it)
print(show(it.__reduce__()))
print(show(iter(()).__reduce__()), show(iter("").__reduce__()))
it = iter(range(10, 20, 3)); next(it)
print(show(it.__reduce__()))
it = reversed(range(10, 20, 3)); next(it)
print(show(it.__reduce__()))
it = iter(range(0, 2**70, 2**66)); next(it)
print(show(it.__reduce__()))
it = iter({1, 2, 3}); next(it)
print(show(it.__reduce__()))
it = iter({1: 2, 3: 4}.items()); next(it)
print(show(it.__reduce__()))
it = enumerate("abc", 2**70); next(it)
print(show(it.__reduce__()))
print(show(zip("a", "b", strict=True).__reduce__()))
print(show(iter(int, 1).__reduce__()))
e = iter(int, 0); list(e)
print(show(e.__reduce__()))

# __setstate__ clamps the position to the sequence.
for label, make in [("list", lambda: iter([1, 2, 3])), ("tuple", lambda: iter((1, 2, 3))),
                    ("str", lambda: iter("abc")), ("bytes", lambda: iter(b"abc")),
                    ("range", lambda: iter(range(3))), ("longrange", lambda: iter(range(2**64, 2**64 + 3))),
                    ("seq", lambda: iter(Seq(3))), ("list reversed", lambda: reversed([1, 2, 3])),
                    ("reversed", lambda: reversed(Seq(3))), ("range reversed", lambda: reversed(range(3)))]:
    out = []
    for pos in (-5, -1, 0, 1, 2, 3, 10):
        it = make()
        it.__setstate__(pos)
        out.append(list(it))
    print(label, out)
for bad in ("a", 1.5, 2**100):
    for make in (lambda: iter([1]), lambda: iter(range(3)), lambda: reversed([1])):
        try:
            make().__setstate__(bad)
            print("accepted", show(bad))
        except (TypeError, OverflowError) as e:
            print(type(e).__name__, e)
it = iter([1, 2]); list(it); it.__setstate__(0)
print("exhausted stays exhausted", list(it))

# Changed containers.
d = {1: 2}; it = iter(d); d[3] = 4
try:
    it.__reduce__()
except RuntimeError as e:
    print("RuntimeError", e)
s = {1}; it = iter(s); s.add(2)
try:
    it.__reduce__()
except RuntimeError as e:
    print("RuntimeError", e)

# __length_hint__ of the iterators that gained one.
it = iter(b"abcd"); next(it); print(it.__length_hint__())
it = iter({1, 2, 3}); next(it); print(it.__length_hint__())
it = iter(Seq(4)); next(it); print(it.__length_hint__())

# functools.partial and operator.methodcaller.
p = functools.partial(max, 1, key=abs)
p.attr = "x"
print(show(p.__reduce__()))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q(-5, 3), q.args, q.keywords, q.__dict__)
for state in [1, (1, 2, 3), (1, (), None, None), (len, [1], None, None), (len, (), {1: 2}, None),
              (len, (), None, {}), (len, (1,), {"a": 1}, {"b": 2})]:
    q = functools.partial(len)
    try:
        q.__setstate__(state)
        print("state", show(q.__reduce__()))
    except TypeError as e:
        print("TypeError", e)
print(functools.partial[int])
m = operator.methodcaller("split", ",", 1)
print(show(m.__reduce__()))
m2 = operator.methodcaller("split", maxsplit=1)
print(show(m2.__reduce__()[1]), type(m2.__reduce__()[0]).__name__)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(m, proto))("a,b,c"), pickle.loads(pickle.dumps(m2, proto))("a b c"))

# Builtin functions, methods and descriptors pickle as names / getattr(owner, name).
class Slotted:
    __slots__ = ("a",)


for o in [len, [].append, (1).__add__, list.append, int.__add__, dict.fromkeys,
          str.maketrans, object.__init__, {}.get, list.__dict__["append"],
          Slotted.__dict__["a"], Seq(2).__len__]:
    print(show(o.__reduce__()))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        o2 = pickle.loads(pickle.dumps(o, proto))
        if proto == 0:
            print("  ", show(o2))
for o in [int.real, dict.__dict__["fromkeys"]]:
    try:
        o.__reduce__()
    except TypeError as e:
        print("TypeError", e)
