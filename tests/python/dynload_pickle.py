# CPython's C pickle accelerator (lib-dynload _pickle) loaded into ferropy: pickle's
# Pickler/Unpickler are the C ones, output is byte-for-byte CPython's, and protocol 5's
# PickleBuffer (the core type _pickle exports) carries out-of-band buffers.
import pickle, _pickle, io, copyreg, collections, sys, re

print(pickle.Pickler is _pickle.Pickler, pickle.Unpickler is _pickle.Unpickler,
      pickle.PickleBuffer is _pickle.PickleBuffer, pickle.dumps is _pickle.dumps)
print(pickle.PickleBuffer, pickle.PickleBuffer.__module__, pickle.PickleBuffer.__doc__)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a, self.b = 1, [2]

class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduced, (self.v * 2,))

recursive = [1, 2]
recursive.append(recursive)
values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 2**31, -2**31 - 1, 2**64, -(2**200), 3.5, -0.0,
    1e300, float("inf"), 1 + 2j, "", "abc", "é\u20ac\U0001f600", "a\nb\\c", b"", b"\x00\xff" * 50,
    bytearray(b"ba"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]], {}, {"a": 1, 2: [3]},
    set(), {1, 2, 3}, frozenset({"x"}), range(3), slice(1, 5, 2), Point(1, "y"), len, collections.OrderedDict(a=1),
    collections.defaultdict(list, {1: [2]}), NotImplemented, Ellipsis, type(None), int, "x" * 300, b"y" * 300,
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        data = pickle.dumps(v, proto)
        same = pickle._dumps(v, proto) == data
        back = pickle.loads(data)
        ok = back == v or (v != v) or type(back) is type(v)
        if not (same and ok):
            print("mismatch", proto, repr(v)[:40], same, ok)
    print("protocol", proto, len(pickle.dumps(values, proto)), pickle.dumps(values[:30], proto)[:60])

r = pickle.loads(pickle.dumps(recursive))
print(r[2] is r, r[:2])
s = pickle.loads(pickle.dumps(Slotted(), 2))
print(s.a, s.b)
print(pickle.loads(pickle.dumps(Reduced(21))).v)
shared = [1]
t = pickle.loads(pickle.dumps((shared, shared)))
print(t[0] is t[1])

# Pickler/Unpickler objects, memo, persistent ids, dispatch_table, reducer_override.
f = io.BytesIO()
p = pickle.Pickler(f, 4)
p.persistent_id = lambda o: ("pid", 7) if o == "secret" else None
p.dump(["secret", "open"])
class U(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded-%d" % pid[1]
print(U(io.BytesIO(f.getvalue())).load())
f = io.BytesIO()
p = pickle.Pickler(f)
p.dispatch_table = {complex: lambda c: (complex, (c.real, -c.imag))}
p.dump(1 + 2j)
print(pickle.loads(f.getvalue()))
class Over(pickle.Pickler):
    def reducer_override(self, obj):
        return (str, ("overridden",)) if obj == 7 else NotImplemented
f = io.BytesIO()
Over(f).dump([7, 8])
print(pickle.loads(f.getvalue()))
f = io.BytesIO()
pickle.dump("a", f); pickle.dump("b", f); f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load())
try:
    u.load()
except EOFError as e:
    print("EOFError", e)

# Errors: CPython's types and messages.
def err(fn, *a, **k):
    try:
        fn(*a, **k)
    except Exception as e:
        print(type(e).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(e)))
err(pickle.dumps, lambda: 1)
err(pickle.dumps, 1, protocol=6)
err(pickle.loads, b"\x80\x04garbage")
err(pickle.loads, pickle.dumps([1, 2, 3])[:-3])
err(pickle.loads, b"")
err(pickle.dumps, pickle.PickleBuffer(b"abc"), protocol=4)
err(pickle.Pickler, 1)
err(pickle.loads, b"cnosuchmodule\nx\n.")

# PickleBuffer.
PB = pickle.PickleBuffer
err(PB)
err(PB, 1)
err(PB, b"x", b"y")
err(PB, obj=b"x")
ba = bytearray(b"abcdef")
pb = PB(ba)
m = memoryview(pb)
print(m.obj is ba, m.readonly, bytes(m), memoryview(PB(b"ro")).readonly)
m[0] = ord("A")
print(ba)
m.release()
raw = pb.raw()
print(raw.obj is ba, raw.format, raw.shape, raw.strides, raw.readonly, bytes(raw))
raw.release()
print(bytes(PB(memoryview(b"abcd").cast("B", shape=[2, 2])).raw()))
import array
a = array.array("i", [1, 2, 3])
r = PB(a).raw()
print(r.format, r.nbytes, r.shape, r.obj is a)
r.release()
err(lambda: PB(memoryview(b"abcdefgh")[::2]).raw())
pb.release()
pb.release()
err(pb.raw)
err(memoryview, pb)
import weakref
w = weakref.ref(PB(b"x"))
print(w() is None)
try:
    class Sub(PB):
        pass
except TypeError as e:
    print("TypeError", e)
print(sorted(k for k in PB.__dict__), PB.raw.__doc__, PB.release.__doc__, sep="\n")
print(sys.getsizeof(PB(b"")) - PB.__basicsize__ >= 0, PB.__basicsize__, PB.__weakrefoffset__)

# Protocol 5: in-band and out-of-band buffers.
class ZeroCopy(bytearray):
    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return type(self)._reconstruct, (PB(self),), None
        return type(self)._reconstruct, (bytearray(self),)
    @classmethod
    def _reconstruct(cls, obj):
        with memoryview(obj) as m:
            obj = m.obj
            if type(obj) is cls:
                return obj
            return cls(obj)

z = ZeroCopy(b"payload")
data = pickle.dumps(z, protocol=5)
print(len(data), pickle.loads(data), type(pickle.loads(data)).__name__)
bufs = []
data = pickle.dumps([z, PB(b"ro-bytes"), b"inline"], protocol=5, buffer_callback=bufs.append)
print(len(data), len(bufs), [bytes(b.raw()) for b in bufs])
back = pickle.loads(data, buffers=bufs)
print(back[0] is z, type(back[1]).__name__, bytes(back[1]), back[2])
print(type(pickle.loads(data, buffers=iter(bufs))[1]).__name__)
err(pickle.loads, data)
err(pickle.loads, data, buffers=[])
bufs = []
data = pickle.dumps(PB(bytearray(b"w")), protocol=5, buffer_callback=bufs.append)
print(type(pickle.loads(data, buffers=bufs)).__name__)
# A buffer_callback that returns a true value keeps the buffer in-band.
data = pickle.dumps(PB(b"kept"), protocol=5, buffer_callback=lambda b: True)
print(pickle.loads(data))
print(pickle.dumps(PB(b"abc"), protocol=5), pickle.dumps(PB(bytearray(b"abc")), protocol=5))
print(pickle._dumps(PB(b"abc"), protocol=5) == pickle.dumps(PB(b"abc"), protocol=5))
