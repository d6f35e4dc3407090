d = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", frozenset([1]): "fs"}
print(d[1], d[1.5], d["s"], d[(1, 2)], d[None], d[frozenset([1])], len(d))
print(d[1.0], d[True])
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
d2 = {K(1): "one"}
print(d2[K(1)], K(2) in d2)
try:
    d[[1]] = 1
except TypeError as e:
    print("TypeError:", e)
print(float("nan") in {float("nan"): 1})
n = float("nan")
print(n in {n: 1})
