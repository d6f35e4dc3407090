# _random.Random (through random.py where it imports): the Mersenne Twister seeded as
# CPython seeds it, so seeded sequences, getrandbits and the state match python3 exactly.
import _random

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

r = _random.Random(42)
print([r.random() for _ in range(5)])
r.seed(0); print(r.random(), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100), r.getrandbits(0))
for seed in [1, -1, 2 ** 32, 2 ** 32 - 1, 2 ** 100 + 12345, 10 ** 40, 0, True]:
    r.seed(seed)
    print(seed, r.random(), r.getrandbits(64))
s = r.getstate()
print(len(s), s[-1], s[:3])
a = [r.random() for _ in range(3)]
r.setstate(s)
print(a == [r.random() for _ in range(3)])
r2 = _random.Random()
r2.setstate(s)
print(r2.getstate() == s)
r.seed(12345)
print(sum(r.getrandbits(8) for _ in range(2000)), [r.getrandbits(7) for _ in range(10)])
r.seed(5)
print([r.random() for _ in range(700)][-3:])
r.seed('abc'); x = r.random(); r.seed('abc'); print(x == r.random())
r.seed(None); print(0.0 <= r.random() < 1.0)
class Sub(_random.Random):
    def __init__(self, x, extra=None):
        self.extra = extra
s2 = Sub(7, extra='e')
print(s2.extra, s2.random() == _random.Random(7).random())
show('bits neg', lambda: r.getrandbits(-1))
show('setstate', lambda: r.setstate(1))
show('setstate size', lambda: r.setstate((1, 2)))
show('kw', lambda: _random.Random(x=1))
show('args', lambda: _random.Random(1, 2))
show('seed args', lambda: r.seed(1, 2))
