# Instances of a class statement's subclass of a builtin type hold one reference to their
# class, released once when they die (the base type's dealloc must not release it again).
import sys, types, io, collections, functools, itertools, weakref, decimal
import _collections_abc as cabc

CASES = [
    (list, ()), (dict, ()), (set, ()), (frozenset, ()), (tuple, ()), (int, (5,)), (float, (1.5,)),
    (complex, (1j,)), (str, ("s",)), (bytes, (b"b",)), (bytearray, ()), (object, ()),
    (Exception, ("e",)), (OSError, (2, "x")), (property, ()), (staticmethod, (len,)),
    (classmethod, (len,)), (types.SimpleNamespace, ()), (types.ModuleType, ("m",)),
    (types.GenericAlias, (list, (int,))), (io.BytesIO, ()), (io.StringIO, ()),
    (collections.deque, ()), (collections.OrderedDict, ()), (collections.defaultdict, ()),
    (functools.partial, (len,)), (itertools.chain, ()), (itertools.count, ()),
    (weakref.ref, (len,)), (decimal.Decimal, ("1.5",)), (io.FileIO, ("/dev/null",)),
    (BaseException, ()),
]

for base, args in CASES:
    try:
        sub = type("Sub" + base.__name__, (base,), {})
    except TypeError as e:
        print(base.__name__, "not subclassable:", e)
        continue
    sub(*args)  # warm caches
    before = sys.getrefcount(sub)
    for _ in range(20):
        obj = sub(*args)
        del obj
    print(base.__name__, sys.getrefcount(sub) - before)
print(cabc.Callable[[int], str].__args__, type(cabc.Callable[[int], str]).__name__)
