class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x

print(P.__hash__ is None)
try:
    hash(P(1))
except TypeError as e:
    print("TypeError:", e)

class H(P):
    def __hash__(self): return hash(self.x)
s = {H(1), H(1), H(2)}
print(len(s), H(1) in s, {H(3): "v"}[H(3)])

class Plain: pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a))
class AlwaysEqual:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
print(AlwaysEqual() == 5, 5 == AlwaysEqual(), [1, 2].count(AlwaysEqual()))
