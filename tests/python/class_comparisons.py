import_free = 1

class Version:
    def __init__(self, s): self.t = tuple(int(p) for p in s.split("."))
    def __eq__(self, o): return self.t == o.t
    def __lt__(self, o): return self.t < o.t
    def __le__(self, o): return self.t <= o.t
    def __hash__(self): return hash(self.t)
    def __repr__(self): return ".".join(map(str, self.t))

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") < Version("1.1"), Version("2") > Version("1"))
print(len({Version("1.0"), Version("1.0")}))

class NoOrder: pass
try:
    NoOrder() < NoOrder()
except TypeError as e:
    print("TypeError:", e)
class Rev:
    def __gt__(self, o): return "Rev.__gt__"
print(1 < Rev())
