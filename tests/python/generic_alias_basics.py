# types.GenericAlias: repr, attributes, calls, pickling, iteration, __class_getitem__, errors.
import builtins, types
print(sorted(c.__name__ for c in vars(builtins).values() if hasattr(c, "__class_getitem__")))
print(list[int], dict[str, list[int]], tuple[()], tuple[int, ...], list[[int, str]], type[int])
print(list[type(None)], list[None], list[...])
print((*tuple[int],)[0], (*tuple[int],)[0].__unpacked__, (*tuple[int],)[0].__reduce__()[0])
print(list[int].__reduce__(), list[int].__mro_entries__(()))
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
try: list[int][int]
except TypeError as e: print(e)
print(int | str, int | None, list[int] | None, (int | str).__args__, int | int, int | str | int)
print(type(int|str), (int|str) == (str|int), hash(int|str) == hash(str|int))
print(isinstance(1, int | str), issubclass(bool, int | str), isinstance(1, int | list[int]))
try: isinstance([], int | list[int])
except TypeError as e: print(e)
try: int | 3
except TypeError as e: print(e)
print(types.GenericAlias(list, int), types.GenericAlias(list, (int,)))
try: types.GenericAlias(list)
except TypeError as e: print(e)
try: types.GenericAlias(list, int, x=1)
except TypeError as e: print(e)
print(list[int].__name__, list[int].__doc__[:10], list[int].__class__)
print(len(dir(list[int])) > 40, sorted(set(dir(list[int])) - set(dir(list))))
class A(list[int]): pass
print(A.__bases__, A.__orig_bases__, A.__mro__)
print(list[int] == list[int], list[int] != list[str], hash(list[int]) == hash(list[int]), list[int] == list)
print(list[int](), list[int]((1,2)), dict[str, int](a=1))
print((int|str).__module__, types.UnionType.__module__, types.GenericAlias.__module__)
print(list[int].__parameters__, tuple[int,...].__args__, list[int].__unpacked__, (*tuple[int],)[0].__typing_unpacked_tuple_args__, list[int].__typing_unpacked_tuple_args__)
print(list[int] | str, str | list[int], None | int)
print(type[int] | None, (int | str) | (bytes | None), list[int] | list[int], list[int] | list[str])
try: print(int | "str")
except TypeError as e: print(e)
print(list(iter(tuple[int])), type(iter(tuple[int])).__name__)
print(iter(tuple[int]).__reduce__()[1])
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int], G[int, str])
class H: pass
try: H[int]
except TypeError as e: print(e)
class M(type):
    def __getitem__(cls, k): return 'meta'
class K(metaclass=M):
    def __class_getitem__(cls, item): return 'cgi'
print(K[1])
class J:
    __class_getitem__ = 5
try: J[1]
except TypeError as e: print(e)
class Q(list): pass
print(Q[int], Q[int].__origin__ is Q)
class Obj:
    pass
class Slotted:
    __slots__ = ()
o = types.GenericAlias(Obj, int)()
print(o.__orig_class__)
s = types.GenericAlias(Slotted, int)()
print(hasattr(s, '__orig_class__'))
try: (int|str)()
except TypeError as e: print(e)
try: types.UnionType()
except TypeError as e: print(e)
print(frozenset[int], set[int], enumerate[int], BaseExceptionGroup[int], ExceptionGroup[int], tuple[int, str])
print(types.MappingProxyType[int])
import _weakref as weakref
print(weakref.ref[int])
print(list.__class_getitem__.__doc__, list.__class_getitem__.__self__)
print(list[int].__or__(str), (int|str).__or__(None))
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 3))
x = list[int]
print(x.__origin__ is list, x.__args__ == (int,), x.__parameters__ == ())
try: x.__origin__ = 3
except AttributeError as e: print(e)
try: x.foo = 3
except AttributeError as e: print(e)
print({list[int]: 1}[list[int]], {int|str: 2}[str|int])
print(repr(tuple[int, ...]), tuple[()].__args__)
print(types.GenericAlias(tuple, ()), types.GenericAlias(list, []))
