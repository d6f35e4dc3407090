# array.array: every type code's item conversion (range errors and TypeErrors with
# CPython's messages), construction from every initializer kind, repr, tolist/tobytes.
import array


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


print(array.typecodes, array.ArrayType is array.array)
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))

values = [-2**64, -2**63 - 1, -2**63, -2**31 - 1, -2**31, -2**15 - 1, -129, -128, -1, 0, 1,
          127, 128, 255, 256, 2**15, 2**16 - 1, 2**16, 2**31, 2**32 - 1, 2**32, 2**63 - 1,
          2**63, 2**64 - 1, 2**64, True, 1.5, 'x', 'xy', None, b'a']
for tc in 'bBhHiIlLqQ':
    for v in values:
        print(tc, repr(v)[:14], end=' ')
        show(lambda: array.array(tc, [v])[0])

class Idx:
    def __index__(self):
        return 7
print(array.array('i', [Idx()]), array.array('Q', [Idx()]))

for tc in 'fd':
    for v in [0.0, -0.0, 1.1, 1e300, -1e300, float('inf'), float('nan'), 3, 2**70, True, 'x', None, Idx()]:
        print(tc, repr(v)[:10], end=' ')
        show(lambda: array.array(tc, [v]).tolist())

for v in ['a', '\u20ac', '\U0001f600', '', 'ab', 1, None, b'a']:
    show(lambda: array.array('u', [v]))

# Initializers.
show(lambda: array.array('h', (1, 2, 3)))
show(lambda: array.array('h', range(4)))
show(lambda: array.array('h', b'\x01\x00\x02\x00'))
show(lambda: array.array('h', bytearray(b'\x01\x00')))
show(lambda: array.array('h', b'\x01'))
show(lambda: array.array('b', 'abc'))
show(lambda: array.array('u', 'h\u20acllo'))
show(lambda: array.array('b', array.array('u', 'a')))
show(lambda: array.array('u', array.array('b', [1])))
show(lambda: array.array('d', array.array('i', [1, 2])))
show(lambda: array.array('i', array.array('i', [1, 2])))
show(lambda: array.array('i', (x for x in [4, 5])))
show(lambda: array.array('i', 5))
show(lambda: array.array('i', [1, 'a']))
show(lambda: array.array('z'))
show(lambda: array.array('bb'))
show(lambda: array.array(1))
show(lambda: array.array())
show(lambda: array.array('b', [], 3))
show(lambda: array.array('b', [1], x=1))
show(lambda: array.array('u', b'a\x00\x00\x00b\x00\x00\x00'))

# repr of every kind, tolist, tobytes.
show(lambda: array.array('f', [1.5, 0.1]))
show(lambda: array.array('d', [1.5, 0.1]))
show(lambda: array.array('u', 'a"\'\n'))
show(lambda: array.array('Q', [2**64 - 1]).tobytes())
show(lambda: array.array('q', [-2]).tolist())
show(lambda: array.array('H', [1, 2]).tobytes())
show(lambda: array.array('u', b'abcd'.replace(b'a', b'\xff') + b'\xff\xff\xff\xff')[1])
class Sub(array.array):
    pass
show(lambda: Sub('i', [1, 2]))
show(lambda: Sub('i'))
show(lambda: (type(Sub('i')[:]), type(Sub('i') + Sub('i'))))
