# Pure-Python stdlib modules that need generic aliases and unions: types, copyreg, abc
# (through _py_abc while _abc is missing), _weakrefset, keyword, _collections_abc.
import types, copyreg, abc, _weakrefset, keyword, _collections_abc as cabc
print(types.GenericAlias is type(list[int]), types.UnionType is type(int | str))
print(types.GenericAlias.__name__, types.UnionType.__name__)
print(keyword.iskeyword("match"), keyword.iskeyword("for"), keyword.issoftkeyword("match"))

class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self): return "ran"
try:
    Base()
except TypeError as e:
    print(e)
print(Impl().run(), isinstance(Impl(), Base), issubclass(Impl, Base))

print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance((x for x in ()), cabc.Generator))
print(isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable), issubclass(dict, cabc.MutableMapping))
print(cabc.Callable[[int], str], cabc.Callable[..., int], cabc.Iterable[int], cabc.Mapping[str, int])
print(cabc.Callable[[int], str].__args__, type(cabc.Callable[[int], str]).__name__)

class Registered(abc.ABC): pass
Registered.register(int)
print(isinstance(1, Registered), issubclass(bool, Registered), issubclass(str, Registered))

class Node: pass
ws = _weakrefset.WeakSet()
n1, n2 = Node(), Node()
ws.add(n1); ws.add(n2)
print(len(ws), n1 in ws)
del n2
print(len(ws))

class P:
    def __init__(self, x): self.x = x
    def __reduce__(self): return (P, (self.x,))
print(type(copyreg.__newobj__(P, 5)).__name__, copyreg._reconstructor.__name__)
copyreg.pickle(Node, lambda n: (Node, ()))
print(Node in copyreg.dispatch_table)
class Q:
    def __init__(self): self.x = 5
for proto in (0, 1, 2):
    r = Q().__reduce_ex__(proto)
    print(proto, r[0].__name__, len(r), r[1][0].__name__, r[2])
r = Impl().__reduce_ex__(1)
print(r[0].__name__, r[1])
print(type(int | None).__module__, (int | None).__args__)
