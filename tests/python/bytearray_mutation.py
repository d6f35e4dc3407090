# bytearray item and slice assignment when the value's conversion changes the array, extended
# slices with every step sign, deletion by empty assignment, resize while exported, and the
# bytes/bytearray constructor edge cases around `__index__` and mutating lists.


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Clears:
    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target.clear()
        return 0


b = bytearray(b"Now you see me...")
def assign():
    b[0] = Clears(b)
show("index clears", assign)
print(b)

b = bytearray(b"abcdef")
def assign_neg():
    b[-1] = Clears(b)
show("negative index clears", assign_neg)

def shrinking_iter(target, n):
    for k in range(n):
        if k == 1:
            del target[:]
        yield 65 + k

b = bytearray(b"abcdefgh")
def slice_from_shrinking():
    b[2:6] = shrinking_iter(b, 3)
    return bytes(b)
show("slice from shrinking iterator", slice_from_shrinking)

b = bytearray(b"abcdefgh")
def ext_from_shrinking():
    b[::2] = shrinking_iter(b, 4)
    return bytes(b)
show("extended slice from shrinking iterator", ext_from_shrinking)

for step in (2, 3, -1, -2, -3):
    b = bytearray(range(10))
    n = len(b[::step])
    b[::step] = bytes(range(100, 100 + n))
    print("ext assign", step, list(b))
    b = bytearray(range(10))
    del b[slice(1, None, step) if step > 0 else slice(-2, None, step)]
    print("ext del", step, list(b))
    b = bytearray(range(10))
    b[::step] = b""
    print("ext empty assign", step, list(b))

b = bytearray(range(10))
show("ext wrong size", lambda: b.__setitem__(slice(None, None, 2), b"xy"))
b = bytearray(b"abcdef")
b[1:3] = b
print("self assign", b)
b = bytearray(b"abcdef")
b[::-1] = b
print("self reverse assign", b)
b = bytearray(b"abcdef")
b[10:20] = b"xyz"
print("past end", b)
b = bytearray(b"abcdef")
b[4:1] = b"XY"
print("stop before start", b)
b = bytearray(b"abcdef")
b[-100:2] = b""
print("far negative start", b)

b = bytearray(b"0123456789")
m = memoryview(b)
show("resize exported del", lambda: b.__delitem__(slice(1, -1, 2)))
show("resize exported empty ext", lambda: b.__setitem__(slice(1, -1, 2), b""))
show("resize exported grow", lambda: b.__setitem__(slice(0, 1), b"xx"))
b[0:2] = b"XY"
print("same size while exported", b)
m.release()
del b[::3]
print("after release", b)

show("bad value", lambda: bytearray(b"ab").__setitem__(0, 256))
show("bad slice value", lambda: bytearray(b"ab").__setitem__(slice(0, 1), 5))
show("str slice value", lambda: bytearray(b"ab").__setitem__(slice(0, 1), "x"))
show("bad index", lambda: bytearray(b"ab").__setitem__(5, 1))


class X:
    def __index__(self):
        a.clear()
        return 42

a = [X(), X()]
print("bytes mutating list", bytes(a))
a = [X(), X()]
print("bytearray mutating list", bytearray(a))


class Y:
    def __index__(self):
        if len(a) < 50:
            a.append(self)
        return 42

a = [Y()]
print("bytes growing list", len(bytes(a)))


class B(bytes):
    def __index__(self):
        raise TypeError

print("index TypeError fallback", bytes(B(b"foo")), bytearray(B(b"bar")))
print("bytes.__bytes__", b"abc".__bytes__(), type(B(b"x").__bytes__()).__name__)
print("fromhex whitespace", bytes.fromhex(" 1A\n2B\t30\v\f\r"), bytearray.fromhex("\t00ff "))
show("fromhex bad", lambda: bytes.fromhex("1\n2"))
show("fromhex fs", lambda: bytes.fromhex("12\x1c"))
print("ord bytearray", ord(bytearray(b"a")))
show("ord bytearray 2", lambda: ord(bytearray(b"ab")))
print("find past end", b"abc".find(b"", 3), b"abc".find(b"", 4), b"abc".rfind(b"", 4),
      b"abc".count(b"", 3), b"abc".count(b"", 10), bytearray(b"abc").find(b"", 4),
      b"abc".index(b"", 3), b"abc".startswith(b"", 4), b"abc".endswith(b"", 3))
show("index past end", lambda: b"abc".index(b"", 4))


class S(bytearray):
    __slots__ = ("x", "__dict__")

s = S(b"ab")
s.x = 1
s.y = 2
r = s.__reduce_ex__(4)
print("slots reduce", r[0].__name__, r[1], r[2])
import copy, pickle
c = copy.copy(s)
print("slots copy", c, c.x, c.y)
p = pickle.loads(pickle.dumps(s))
print("slots pickle", p, p.x, p.y)
print("plain reduce", bytearray(b"a").__reduce__(), bytearray(b"a").__reduce_ex__(3))
