# marshal: dumps output byte-identical to CPython's for the core types in every version,
# references (version 3+), round trips, dump/load on files, damaged data, and code objects
# (ferropy's own code format: a dumped function body runs after loads).
import marshal


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


big = 2**100 + 12345
values = [None, True, False, ..., StopIteration, 0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**62, big, -big, 2**15, 2**30, 1.5, -0.0, float('inf'), 1e300, 3 + 4j, -1.5j,
          b'', b'bytes', bytearray(b'ba'), memoryview(b'mv'), '', 'abc', 'a b', 'caf\xe9', '\u20ac',
          '\U0001f600', 'x' * 300, (), (1, 2), tuple(range(300)), [], [1, [2, 3]], {}, {'a': 1, 2: [3]},
          set(), frozenset(), {5}, frozenset({'k'}), ('abc', 'abc'), ['dup', 'dup']]
for v in values:
    for version in range(5):
        b = marshal.dumps(v, version)
        back = marshal.loads(b)
        print(version, type(v).__name__, b.hex()[:80], back == v or (v != v), type(back).__name__)
print(marshal.version)

# References: a shared object is written once (version 3+).
shared = [1, 2]
pair = (shared, shared)
print(marshal.dumps(pair).hex(), marshal.dumps(pair, 2).hex())
back = marshal.loads(marshal.dumps(pair))
print(back, back[0] is back[1])
s = 'shared string'
print(marshal.dumps([s, s, s]).hex())
print(marshal.loads(b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00'))

# Files: dump calls write, load calls read(n) and leaves the rest.
class File:
    def __init__(self):
        self.data = b''
        self.pos = 0
    def write(self, b):
        self.data += b
    def read(self, n):
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk
    def readinto(self, buf):
        chunk = self.read(len(buf))
        buf[:len(chunk)] = chunk
        return len(chunk)
f = File()
marshal.dump({'k': (1, 2.5)}, f)
marshal.dump([None], f, 2)
print(marshal.load(f), marshal.load(f))
show(lambda: marshal.load(f))

# Errors.
show(lambda: marshal.dumps(object()))
show(lambda: marshal.dumps([1, object()]))
show(lambda: marshal.dumps())
show(lambda: marshal.dumps(1, 2, 3))
show(lambda: marshal.loads(b''))
show(lambda: marshal.loads(b'i\x01'))
show(lambda: marshal.loads(b'?'))
show(lambda: marshal.loads(b'0'))
show(lambda: marshal.loads(b'r\x05\x00\x00\x00'))
show(lambda: marshal.loads(b'l\x01\x00\x00\x00\xff\xff'))
show(lambda: marshal.loads(b's\xff\xff\xff\xff'))
show(lambda: marshal.loads(b')\x02N'))
show(lambda: marshal.loads(b'(\x01\x00\x00\x000'))
show(lambda: marshal.loads('text'))
show(lambda: marshal.loads(b'c' + bytes(40)))
print(marshal.loads(b'N trailing bytes ignored'))
deep = []
for _ in range(3000):
    deep = [deep]
show(lambda: marshal.dumps(deep))


# Code objects round-trip through ferropy's own format (CPython's bytes differ, so only
# behaviour is compared).
def sample(x, y=2):
    total = 0
    for i in range(x):
        total += i * y
    return (total, 'ok', [x, y])


code = marshal.loads(marshal.dumps(sample.__code__))
print(type(code).__name__, code.co_name, code.co_varnames, code.co_argcount)
ns = {}
exec(marshal.loads(marshal.dumps(compile('def f(a):\n    return a * 3\nres = f(14)\n', 'm.py', 'exec'))), ns)
print(ns['res'], ns['f'](2))
