# types.UnionType: building, flattening, dedup, equality, hashing, isinstance/issubclass, errors.
import types
U = int | str
print(U, type(U).__name__, U.__args__, U.__parameters__)
print(int | None, None | int, None | None if False else '', type(None) | int)
print(int | str | bytes, (int | str) | (str | bytes), int | (str | int))
print(int | int, (int | str) | int is not None, list[int] | list[int], list[int] | list[str])
print((int | str) == (str | int), (int | str) == (int | bytes), (int | str) != (str | int), (int | str) == 3)
print(hash(int | str) == hash(str | int), hash(int | str) == hash(frozenset((int, str))))
print(isinstance(1, int | str), isinstance('a', int | str), isinstance(b'', int | str))
print(isinstance(None, int | None), isinstance(1, (bytes, int | str)), isinstance(1, bytes | (int,) if False else bytes | int))
print(issubclass(bool, int | str), issubclass(bytes, int | str), issubclass(type(None), int | None))
try: issubclass(1, int | str)
except TypeError as e: print(e)
try: isinstance(1, int | list[int])
except TypeError as e: print('unexpected', e)
else: print('first member matched')
try: isinstance('x', int | list[int])
except TypeError as e: print(e)
try: issubclass(str, int | list[int])
except TypeError as e: print(e)
for bad in (3, 'str', 1.5, [int]):
    try: int | bad
    except TypeError as e: print(e)
    try: bad | int
    except TypeError as e: print(e)
try: (int | str) | 3
except TypeError as e: print(e)
class Meta(type): pass
class WithMeta(metaclass=Meta): pass
print(WithMeta | int, int | WithMeta)
class OwnOr(type):
    def __or__(cls, other): return 'own or'
class X(metaclass=OwnOr): pass
print(X | int, int | X)
print((int | str).__module__, type(int | str).__module__, (int | str).__doc__ is not None)
try: (int | str).foo
except AttributeError as e: print(e)
try: (int | str).__args__ = ()
except AttributeError as e: print(e)
d = {int | str: 'a', list[int] | None: 'b'}
print(d[str | int], d[None | list[int]])
print(repr(int | list[int] | dict[str, list[int]] | None))
print(type[int] | type[str], tuple[()] | tuple[int, ...])
