# _operator (through operator.py): the functions, itemgetter/attrgetter/methodcaller,
# _compare_digest, and CPython's error messages.
import operator as op
import _operator

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(op.add is _operator.add, op.itemgetter is _operator.itemgetter, type(op.add).__name__)
print(op.add(2, 3), op.sub(2, 3), op.mul('a', 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(0), op.index(7), op.lshift(1, 5), op.rshift(64, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_([]), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne('a', 'a'), op.gt(3, 2), op.ge(1, 2))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1, 1], 1), op.indexOf('abc', 'c'), op.concat([1], [2]), op.concat('a', 'b'))
l = [1]
print(op.iadd(l, [2]) is l, l, op.iconcat(l, [3]), op.isub(5, 2), op.imul(2, 4), op.ipow(2, 3), op.ior(1, 2), op.iand(3, 1))
print(op.ixor(3, 1), op.ilshift(1, 2), op.irshift(8, 1), op.imod(9, 4), op.ifloordiv(9, 2), op.itruediv(9, 2))
d = {}
op.setitem(d, 'k', 1); print(d, op.getitem(d, 'k')); op.delitem(d, 'k'); print(d)
print(op.length_hint([1, 2, 3]), op.length_hint(iter(range(5))), op.length_hint(object(), 7))
print(op.call(max, 1, 5, 2), op.call(dict, a=1))
print(op.__doc__ is not None, op.add.__doc__)

# getters
g = op.itemgetter(1)
print(g([1, 2, 3]), g((4, 5)), g('xy'), op.itemgetter(0, 2)('abc'), op.itemgetter('a')({'a': 9}))
print(repr(g), repr(op.itemgetter(1, 'a')), g.__reduce__())
print(sorted([(3, 'c'), (1, 'a'), (2, 'b')], key=op.itemgetter(0)))
class P:
    def __init__(self):
        self.name = 'n'
        self.child = self
    def m(self, *a, **k):
        return (a, sorted(k.items()))
p = P()
print(op.attrgetter('name')(p), op.attrgetter('child.child.name')(p), op.attrgetter('name', 'child.name')(p))
print(repr(op.attrgetter('a', 'b.c')), op.attrgetter('x').__reduce__())
print(op.methodcaller('m')(p), op.methodcaller('m', 1, 2, k=3)(p), op.methodcaller('upper')('abc'))
print(repr(op.methodcaller('m', 1, 'x', k=3)))

# _compare_digest
print(_operator._compare_digest(b'abc', b'abc'), _operator._compare_digest(b'abc', b'abd'), _operator._compare_digest('abc', 'abc'))
print(_operator._compare_digest(bytearray(b'ab'), b'ab'), _operator._compare_digest(b'a', b'ab'), _operator._compare_digest('', ''))

show('add 1', lambda: op.add(1))
show('add str', lambda: op.add(1, 'a'))
show('neg', lambda: op.neg('a'))
show('concat', lambda: op.concat(1, 2))
show('getitem', lambda: op.getitem([], 3))
show('setitem', lambda: op.setitem([], 1))
show('itemgetter', lambda: op.itemgetter())
show('itemgetter call', lambda: op.itemgetter(1)())
show('itemgetter kw', lambda: op.itemgetter(1)([1], x=1))
show('attrgetter', lambda: op.attrgetter(1))
show('attrgetter missing', lambda: op.attrgetter('nope')(p))
show('methodcaller', lambda: op.methodcaller())
show('methodcaller name', lambda: op.methodcaller(1))
show('digest mixed', lambda: _operator._compare_digest('a', b'a'))
show('digest ints', lambda: _operator._compare_digest(1, 2))
show('digest non-ascii', lambda: _operator._compare_digest('é', 'é'))
show('length_hint', lambda: op.length_hint([], 'a'))
show('indexOf', lambda: op.indexOf([1], 2))
show('index', lambda: op.index(1.5))
show('call', lambda: op.call())
