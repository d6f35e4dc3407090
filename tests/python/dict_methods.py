d = {"a": 1, "b": 2}
d["c"] = 3
d.update({"d": 4}, e=5)
print(d, len(d), "a" in d, "z" in d)
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("f", 6), d.setdefault("a", 100))
print(d.pop("f"), d.pop("zz", "dflt"), d.popitem(), list(d))
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy(); c.clear()
print(c, dict.fromkeys("ab", 0), dict([("x", 1)]), dict(y=2), dict(zip("ab", range(2))))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
class Default(dict):
    def __missing__(self, k):
        return k * 2
print(Default()["ab"])
print({1: "a"} | {2: "b"}, {**d, "a": 0} == d)
m = {"k": 1}
m |= {"j": 2}
print(m)
