# _functools: reduce, cmp_to_key (KeyWrapper) and partial (imported from _functools: the
# functools package needs types.GenericAlias).
from _functools import reduce, cmp_to_key, partial

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [], 'init'))
print(reduce(lambda a, b: a + b, ['x']), reduce(lambda a, b: b + a, 'abc'))
show('empty', lambda: reduce(max, []))
show('no args', lambda: reduce())
show('not iterable', lambda: reduce(max, 1))
show('raising', lambda: reduce(lambda a, b: 1 / 0, [1, 2]))

K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), type(K).__name__, K(5).obj)
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) != K(1), K(4) > K(1), K(1) >= K(2))
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda x, y: len(x) - len(y))), K(obj=7).obj)
show('K other', lambda: K(1) < 2)
show('K hash', lambda: hash(K(1)))
show('cmp_to_key', lambda: cmp_to_key())

p = partial(max, 5)
print(p(1), p(9), p(1, 2, 7), p.func is max, p.args, p.keywords)
q = partial(sorted, key=len)
print(q(['ccc', 'a', 'bb']), q(['bb', 'a'], reverse=True), q.keywords)
pp = partial(p, 6)
print(pp.func is max, pp.args, pp(), repr(pp))
print(repr(partial(print, 1, a=2)), repr(q)[:40])
def f(*a, **k):
    return a, sorted(k.items())
r = partial(f, 1, x=1)
print(r(2, y=2), r(x=5), r(), partial(f)(), partial(f, 1)(2))
r.attr = 'set'
print(r.attr, r.__dict__, partial(r, 3).func is r)
class MyPartial(partial):
    pass
mp = MyPartial(f, 9)
print(mp(), repr(mp)[:12], type(mp).__name__)
import _weakref
print(_weakref.ref(p)() is p)
show('no func', lambda: partial())
show('not callable', lambda: partial(1))
class A:
    m = partial(f, 'bound?')
print(A().m(), A.m())
