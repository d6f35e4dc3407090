# A memoryview released by the `__index__`/`__float__`/`__bool__` of its own index or value
# must not read or write the freed memory (ValueError instead, or a slice kept valid), and
# the error order and messages of item assignment, tuple indexing and cast.
import array
import gc
import weakref

size = 64
ba = None
m = None


def release():
    global ba
    m.release()
    ba = bytearray(size)


class MyIndex:
    def __index__(self):
        release()
        return 4


class MyFloat:
    def __float__(self):
        release()
        return 4.25


class MyBool:
    def __bool__(self):
        release()
        return True


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def fresh(fmt="B", shape=None):
    global m, ba
    ba = None
    m = memoryview(bytearray(b"\xff" * size))
    if fmt != "B" or shape:
        m = m.cast(fmt, shape) if shape else m.cast(fmt)
    return m


fresh(); show("get index", lambda: m[MyIndex()])
fresh(); show("get slice stop", lambda: list(m[:MyIndex()]))
fresh(); show("get slice start", lambda: list(m[MyIndex():8]))
fresh("B", (32, 2)); show("get tuple first", lambda: m[MyIndex(), 0])
fresh("B", (2, 32)); show("get tuple second", lambda: m[0, MyIndex()])


def setter(key, value):
    def f():
        m[key] = value
        return "stored"
    return f


fresh(); show("set index", setter(MyIndex(), 42)); print(ba[:8])
fresh(); show("set slice", setter(slice(None, MyIndex()), b"spam")); print(ba[:8])
fresh("B", (32, 2)); show("set tuple", lambda: m.__setitem__((MyIndex(), 0), 42)); print(ba[:8])
fresh(); show("set value index", setter(0, MyIndex())); print(ba[:8])
for fmt in "bhilqBHILQ":
    fresh(fmt); show("set value " + fmt, setter(0, MyIndex()))
for fmt in "fd":
    fresh(fmt); show("set float " + fmt, setter(0, MyFloat()))
fresh("?"); show("set bool", setter(0, MyBool()))

# Messages and their order.
md = memoryview(array.array("d", [1.0]))
for v in (2 ** 1024, "xyz", 1e300):
    def f(v=v):
        md[0] = v
        return md[0]
    show("d value", f)
mf = memoryview(array.array("f", [1.0]))
def f32():
    mf[0] = 1e300
    return mf[0]
show("f value", f32)
mb = memoryview(b"abcd")
m2 = mb.cast("B", [2, 2])
for mm, key in ((mb, ()), (m2, ()), (m2, (0,)), (mb, (0, 0)), (m2, (0, 0, 0)), (m2, (1, 1))):
    show("index %d-dim %r" % (mm.ndim, key), lambda: mm[key])
w = memoryview(bytearray(b"abcd")).cast("B", [2, 2])
for key in ((), (0,), (0, 0, 0)):
    show("assign %r" % (key,), lambda: w.__setitem__(key, 1))
show("readonly", lambda: mb.__setitem__(0, 1))
show("cast zero shape", lambda: memoryview(b"").cast("B", [0, 3]).cast("c"))
show("cast to zero shape", lambda: memoryview(b"").cast("B", [0]))
show("cast 1-D empty", lambda: memoryview(b"").cast("I").tolist())
show("cast too many dims", lambda: memoryview(b"x" * 8).cast("I", [1] * 65))
show("cast non-byte", lambda: memoryview(b"x" * 8).cast("I").cast("H"))

# Weak references and release on collection.
v = memoryview(b"abc")
r = weakref.ref(v)
print("weakref alive", r() is v)
del v
gc.collect()
print("weakref dead", r() is None)
