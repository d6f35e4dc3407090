# _collections.defaultdict, _tuplegetter and _count_elements (imported from _collections:
# the collections package needs types.GenericAlias).
from _collections import defaultdict, _tuplegetter, _count_elements

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = defaultdict(list)
d['a'].append(1); d['a'].append(2); d['b']
print(d, d['a'], len(d), 'c' in d, d.get('c'), isinstance(d, dict), d.default_factory)
c = defaultdict(int, {'x': 1}, y=2)
c['z'] += 5
print(sorted(c.items()), c == {'x': 1, 'y': 2, 'z': 5}, repr(defaultdict()), repr(defaultdict(None, a=1)))
n = defaultdict()
show('missing', lambda: n['k'])
print(n.__missing__.__doc__.splitlines()[0])
cp = c.copy()
print(type(cp).__name__, cp.default_factory, cp == c, cp is not c, c.__copy__() == c)
r = c.__reduce__()
print(r[0].__name__, r[1], r[2], r[3], sorted(r[4]))
u = defaultdict(list, a=1) | {'b': 2}
print(type(u).__name__, sorted(u.items()), u.default_factory)
u2 = {'q': 0} | defaultdict(set, a=1)
print(type(u2).__name__, sorted(u2.items()), u2.default_factory)
u |= {'c': 3}
print(sorted(u.items()))
d.default_factory = tuple
print(d['new'], d.default_factory)
class Sub(defaultdict):
    pass
s = Sub(int, {1: 1})
print(repr(s), type(s.copy()).__name__)
rec = defaultdict(None)
rec.default_factory = rec.__getitem__
print(repr(rec)[:40])
show('not callable', lambda: defaultdict(1))
show('setitem', lambda: defaultdict(list, [1]))

# _tuplegetter
class P(tuple):
    x = _tuplegetter(0, 'x doc')
    y = _tuplegetter(1, 'y doc')
p = P((3, 4))
print(p.x, p.y, P.x.__doc__, repr(P.x), P.x.__reduce__())
show('set', lambda: setattr(p, 'x', 1))
show('del', lambda: delattr(p, 'x'))
show('wrong type', lambda: P.x.__get__(1))
show('index', lambda: _tuplegetter(5, None).__get__((1,)))
show('new', lambda: _tuplegetter())
show('new str', lambda: _tuplegetter('a', 'b'))
print(P.y.__get__(None, P) is P.y)

# _count_elements
m = {}
_count_elements(m, 'abracadabra')
print(sorted(m.items()))
class Counter(dict):
    pass
m2 = Counter(a=10)
_count_elements(m2, ['a', 'b', 'a'])
print(sorted(m2.items()))
show('count args', lambda: _count_elements({}))
show('count iter', lambda: _count_elements({}, 1))
