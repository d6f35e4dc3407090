# Type-variable substitution through the protocol the typing module's objects follow.
import types

class TV:
    def __init__(self, name): self.name = name
    def __repr__(self): return '~' + self.name
    def __typing_subst__(self, arg):
        if arg == 'bad': raise TypeError(f"{self.name} got a bad argument")
        return arg
    def __or__(self, other): return ('tv-or', self, other)
    def __ror__(self, other): return ('tv-ror', other, self)

class TVT:
    """A variadic parameter: its values are gathered into a tuple."""
    def __init__(self, name): self.name = name
    def __repr__(self): return '*' + self.name
    def __typing_subst__(self, arg): raise TypeError("bare")
    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        i = params.index(self)
        right = len(params) - i - 1
        return (*args[:i], tuple(args[i:len(args) - right]), *args[len(args) - right:])

class Unpacked:
    """Stands for *Ts inside an alias."""
    def __init__(self, tvt): self.tvt = tvt
    def __repr__(self): return f'Unpack[{self.tvt!r}]'
    __typing_is_unpacked_typevartuple__ = True
    @property
    def __parameters__(self): return (self.tvt,)
    def __getitem__(self, item): return item

T, U = TV('T'), TV('U')
print(list[T], list[T].__parameters__, dict[T, list[U]].__parameters__, dict[T, T].__parameters__)
print(list[T][int], dict[T, U][str, int], dict[T, list[T]][bytes], dict[T, list[U]][int, str])
print(dict[T, int][str], tuple[T, ...][int])
try: dict[T, int][int, str]
except TypeError as e: print(e)
try: dict[T, U][int]
except TypeError as e: print(e)
try: list[T]['bad']
except TypeError as e: print(e)
try: list[int][int]
except TypeError as e: print(e)
print(list[list[T]][int], list[list[T]].__parameters__)
print(list[[T]].__parameters__, list[int, T].__parameters__)
class Plain: pass
Plain.__parameters__ = (T,)
print(list[Plain].__parameters__)
star = (*tuple[T],)[0]
print(star, star[int], star[int].__unpacked__)
print(tuple[int, *tuple[str, ...]], tuple[int, *tuple[str, ...]].__args__)
print(tuple[T, *tuple[U, ...]][int, str])
print(tuple[T][*tuple[int]])
Ts = TVT('Ts')
alias = tuple[T, Unpacked(Ts)]
print(alias.__parameters__, alias[int, str, bytes], alias[int])
u = list[T] | None
print(u, u.__parameters__, u[int], (list[T] | dict[T, U])[int, str])
try: (int | str)[int]
except TypeError as e: print(e)
try: (list[T] | None)[int, str]
except TypeError as e: print(e)
print(int | T, T | int)
print(types.GenericAlias(list, (T,))[int])
class Sub(types.GenericAlias): pass
s = Sub(list, (T,))
print(type(s).__name__, s, type(s[int]).__name__, s == list[T], list[T] == s)
print(s.__reduce__()[0] is Sub)
print(list[T] == list[U], hash(list[T]) == hash(list[T]))
