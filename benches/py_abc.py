# isinstance/issubclass against collections.abc ABCs (cache hits through _abc) and an
# ABC with registered classes.
from collections.abc import Sequence, Mapping, Iterable, Hashable, Sized, Callable
import abc

class Base(abc.ABC):
    pass
class Reg: pass
Base.register(Reg)

values = [[], (), {}, "s", 1, 2.0, Reg(), object(), len, iter([])]
abcs = [Sequence, Mapping, Iterable, Hashable, Sized, Callable, Base]
count = 0
for _ in range(20000):
    for v in values:
        for a in abcs:
            if isinstance(v, a):
                count += 1
for _ in range(20000):
    if issubclass(Reg, Base):
        count += 1
print(count)
