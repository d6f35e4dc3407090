# Attribute access: instance dicts, class attributes, slots, properties.
class P:
    scale = 3
    def __init__(self, x, y):
        self.x = x
        self.y = y

class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2

class Prop:
    def __init__(self):
        self._v = 5
    @property
    def v(self):
        return self._v

p = P(1, 2)
s = S()
q = Prop()
acc = 0
for i in range(600_000):
    p.x = p.y + i
    acc += p.x * p.scale
    s.a = s.b + 1
    acc += s.a + q.v
print(acc)
