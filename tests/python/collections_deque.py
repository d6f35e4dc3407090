# _collections.deque: both ends, maxlen, indexing, rotation, comparison, repr, iterators
# that notice mutation, and CPython's error messages. (Imported from _collections: the
# collections package needs types.GenericAlias.)
from _collections import deque

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy')
print(d, d.count('a'), d.index('a'), d.index(2, 1, 5), 'x' in d, 'q' in d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(100); print(d)
d.reverse(); print(d)
d.insert(1, 'I'); d.insert(-1, 'J'); d.insert(100, 'K'); d.insert(-100, 'L'); print(d)
d.remove('I'); del d[0]; d[0] = 'first'; print(d, d.copy(), d.__copy__() == d)
d.clear(); print(d, len(d), bool(d), bool(deque([0])))

m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend(range(20, 25)); print(m)
m.extendleft('ab'); print(m)
z = deque('abc', 0); z.append(1); print(z, len(z))
print(deque('ab') + deque('cd'), deque('ab') * 3, 2 * deque([1]), deque([1, 2], 3) * 3, deque('xy') * 0)
e = deque([1]); e += [2, 3]; e *= 2; print(e)
e.extend(e); print(e, len(e))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1], deque([2]) >= deque([1, 5]))
print(list(reversed(deque('abc'))), list(iter(deque('abc'))), deque('abc').__reversed__().__length_hint__())
it = iter(deque('abcd')); next(it); print(it.__length_hint__(), type(it).__name__)
print(deque(maxlen=5), deque(iterable=[1], maxlen=None), repr(deque([1, 'x'], 2)))
r = deque(); r.append(r); print(r)
print(deque([1, 2], 4).__reduce__()[:3], deque([]).__reduce__()[:3])
print(deque('ab', 2).__sizeof__() > 0)

class Sub(deque):
    pass
s = Sub('abc', 5)
print(s, type(s.copy()).__name__, s.copy().maxlen, type(s + s).__name__)
import _weakref
w = _weakref.ref(s); print(w() is s)

show('pop', lambda: deque().pop())
show('popleft', lambda: deque().popleft())
show('index', lambda: deque([1]).index(5))
show('remove', lambda: deque([1]).remove(5))
show('insert full', lambda: deque([1], 1).insert(0, 2))
show('getitem', lambda: deque([1])[5])
show('getitem str', lambda: deque([1])['a'])
show('concat', lambda: deque() + [1])
show('maxlen neg', lambda: deque(maxlen=-1))
show('maxlen str', lambda: deque(maxlen='a'))
show('mul str', lambda: deque() * 'a')
show('hash', lambda: hash(deque()))
show('rotate str', lambda: deque([1]).rotate('a'))
show('not iterable', lambda: deque(1))
show('index str', lambda: deque([1]).index(1, 'a'))
show('three args', lambda: deque([], 1, 2))
def mutate():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)
show('mutate', mutate)
class Eq:
    def __eq__(self, other):
        q.append(1)
        return False
q = deque([Eq(), Eq()])
show('mutate count', lambda: q.count(0))
