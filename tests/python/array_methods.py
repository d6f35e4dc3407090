# array.array: sequence/mapping protocols (indexes, slices with steps, slice assignment
# and deletion, concatenation, repetition, comparison), every method with its error
# messages, the buffer protocol (memoryview, BufferError on resize while exported),
# pickling for every protocol, copy, the iterator and weak references.
import array, copy, io, pickle, weakref, os, tempfile


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


A = array.array
a = A('i', range(10))
for k in [0, -1, 9, -10, 10, -11, 'a', 1.0, slice(None), slice(2, 8, 3), slice(None, None, -2),
          slice(-3, None), slice(8, 2, -1), slice(100, 200), slice(None, None, 0)]:
    show(lambda: a[k])


def assign(tc, init, key, value):
    x = A(tc, init)
    try:
        if value is None:
            del x[key]
        else:
            x[key] = value
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return x

for key, value in [(0, 5), (-1, 6), (10, 1), (-11, 1), (0, 'x'), (0, 2**40), (slice(1, 3), A('i', [7, 8, 9])),
                   (slice(0, 10, 2), A('i', range(5))), (slice(0, 10, 2), A('i', range(4))),
                   (slice(None, None, -3), A('i', [1, 2, 3, 4])), (slice(1, 3), [1]), (slice(1, 3), A('h', [1])),
                   (slice(5, 2), A('i', [1, 1])), ('k', 1)]:
    print(key, value, assign('i', range(10), key, value))
for key in [0, -1, 10, slice(1, 4), slice(None, None, 2), slice(None, None, -3), slice(8, 1, -2), slice(5, 5)]:
    print('del', key, assign('i', range(10), key, None))
x = A('i', [1, 2, 3]); x[:] = x; print(x)
x = A('i', [1, 2, 3]); x[1:1] = x; print(x)

# Concatenation, repetition, comparison, containment.
show(lambda: A('b', [1]) + A('b', [2, 3]))
show(lambda: A('b', [1]) + A('h', [2]))
show(lambda: A('b', [1]) + [2])
show(lambda: A('b', [1, 2]) * 3)
show(lambda: 2 * A('b', [1, 2]))
show(lambda: A('b', [1, 2]) * -1)
show(lambda: A('b', [1]) * 'a')
y = A('b', [1]); y += A('b', [2]); y *= 2; print(y)
def iadd():
    z = A('b', [1]); z += [2]
show(iadd)
for l, r in [(A('i', [1, 2]), A('i', [1, 2])), (A('i', [1, 2]), A('i', [1, 3])), (A('i', [1]), A('i', [1, 0])),
             (A('i', [1]), A('d', [1.0])), (A('d', [float('nan')]), A('d', [float('nan')])),
             (A('u', 'ab'), A('u', 'b')), (A('b', [1]), A('u', 'a')), (A('Q', [2**64 - 1]), A('q', [-1]))]:
    print([f(l, r) if True else 0 for f in (lambda p, q: p == q, lambda p, q: p != q)], end=' ')
    show(lambda: (l < r, l <= r, l > r, l >= r))
show(lambda: A('b') == [])
show(lambda: A('b') < [])
show(lambda: hash(A('b')))
show(lambda: (2 in A('b', [1, 2]), 5 in A('b', [1, 2]), 'a' in A('b', [1]), 2.0 in A('b', [2]), 'a' in A('u', 'ab')))

# Methods.
m = A('h', [1, 2, 3, 2])
show(lambda: (m.count(2), m.count('x'), m.index(2), m.index(2, 2), m.index(2, -1), m.index(3, 0, 2)))
show(lambda: m.index(9))
show(lambda: m.index())
show(lambda: m.index(1, 'a'))
m.append(4); m.insert(0, 0); m.insert(-1, 9); m.insert(100, 7); m.insert(-100, -1); print(m)
show(lambda: m.append(2**20))
show(lambda: m.insert(0))
print(m.pop(), m.pop(0), m.pop(-2), m)
show(lambda: m.pop(50))
show(lambda: A('b').pop())
m.remove(2); print(m)
show(lambda: m.remove(42))
m.reverse(); print(m)
m.extend([5, 6]); m.extend(A('h', [7])); m.extend(iter([8])); print(m)
show(lambda: m.extend(A('b', [1])))
show(lambda: m.extend(5))
show(lambda: m.fromlist((1,)))
show(lambda: m.fromlist([1, 'a']))
print(m)
m.fromlist([10, 11]); print(m)
w = A('H', [1, 0x102]); w.byteswap(); print(w)
w = A('d', [1.0]); w.byteswap(); print(w.tobytes().hex())
w = A('u', 'a'); w.byteswap(); print(w.tobytes().hex())
b = A('i', [1, 2]); addr, n = b.buffer_info(); print(type(addr), n)
b.frombytes(b'\x03\x00\x00\x00'); print(b)
show(lambda: b.frombytes(b'\x01'))
show(lambda: b.frombytes('ab'))
show(lambda: b.frombytes(memoryview(b'\x04\x00\x00\x00')) or b)
u = A('u', 'ab'); u.fromunicode('cd'); print(u, u.tounicode())
show(lambda: b.tounicode())
show(lambda: b.fromunicode('a'))
show(lambda: u.fromunicode(b'a'))
show(lambda: (b.__copy__(), copy.copy(b), copy.deepcopy(b), copy.copy(b) is b))

# Files.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'f')
    with open(path, 'wb') as f:
        A('i', range(5)).tofile(f)
    r = A('i')
    with open(path, 'rb') as f:
        r.fromfile(f, 3)
        print(r)
        show(lambda: r.fromfile(f, 5))
        print(r)
    show(lambda: r.fromfile(io.BytesIO(b''), -1))
    show(lambda: r.fromfile(3, 1))
    show(lambda: r.tofile(3))
    show(lambda: r.fromfile(io.StringIO('abc'), 1))

# The buffer protocol.
v = A('i', [1, 2, 3])
mv = memoryview(v)
print(mv.format, mv.itemsize, mv.shape, mv.strides, mv.readonly, mv.tolist(), mv.nbytes)
mv[0] = 42; print(v)
show(lambda: v.append(4))
show(lambda: v.pop())
show(lambda: v.extend([1]))
def delslice():
    del v[0:1]
show(delslice)
v[0] = 7; print(v, mv[0])
mv.release(); v.append(4); print(v)
for tc in array.typecodes:
    with memoryview(A(tc)) as m2:
        print(tc, m2.format, m2.itemsize, m2.shape)
print(bytes(A('h', [1, 2])), bytearray(A('b', [1])))

# Pickling, for every protocol and a subclass with attributes.
class Sub(A):
    pass
s = Sub('d', [1.5, 2.5]); s.attr = 'x'
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for obj in (A('i', [1, 2]), A('u', 'hi'), A('Q', [2**64 - 1]), A('f'), s):
        c = pickle.loads(pickle.dumps(obj, proto))
        print(proto, type(c).__name__, c, c == obj, getattr(c, '__dict__', None))
print(A('i', [1, 2]).__reduce_ex__(2), Sub('b', [1]).__reduce_ex__(4)[1:])
R = array._array_reconstructor
for args in [(A, 'i', 8, b'\x01\x00\x00\x00'), (A, 'b', 11, b'\x00' * 7 + b'\x01'), (A, 'd', 14, b'\x00\x00\x80?'),
             (A, 'f', 17, b'?\xf0' + b'\x00' * 6), (A, 'u', 19, b'\x00a\x00b'), (A, 'u', 21, b'\x00\x00\x00a' * 2),
             (A, 'b', 18, b'a\x00b\x00'), (A, 'h', 5, b'\xff\xfe'), (A, 'b', 14, b'\x00\x00\x80?'),
             (1, 'b', 0, b''), (int, 'b', 0, b''), (A, 'z', 0, b''), (A, 1, 0, b''), (A, 'b', 22, b''),
             (A, 'b', -1, b''), (A, 'b', 0, 'x'), (A, 'h', 4, b'x'), (A, 'h', 2, b'x'), (Sub, 'b', 1, b'\x05')]:
    show(lambda: R(*args))
show(lambda: R(A, 'b', 0))

# The iterator.
it = iter(A('b', [1, 2, 3]))
print(type(it).__name__, next(it), it.__reduce__()[1:])
print(list(it), it.__reduce__())
it = iter(A('b', [1, 2, 3])); it.__setstate__(2); print(list(it))
it = iter(A('b', [1, 2, 3])); it.__setstate__(-5); print(list(it))
it = iter(A('b', [1, 2, 3])); it.__setstate__(9); print(list(it))
show(lambda: iter(A('b')).__setstate__('a'))
g = A('b', [1, 2]); it = iter(g); next(it); g.append(3); print(list(it))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    it = iter(A('h', [5, 6, 7])); next(it)
    print(proto, list(pickle.loads(pickle.dumps(it, proto))))
print(list(reversed(A('b', [1, 2, 3]))))

# Weak references and subclasses.
r = weakref.ref(s); print(r() is s); del s; print(r())
class WithInit(A):
    def __init__(self, typecode, extra=None):
        self.extra = extra
show(lambda: (WithInit('b', [1]), WithInit('b', [1]).extra))
show(lambda: WithInit('b', [1], extra=2).extra)
print(A('b', [1]).__sizeof__() > 0, isinstance(A('b'), __import__('collections.abc').abc.MutableSequence))
