# dict.__sizeof__ / sys.getsizeof of dicts: CPython 3.11's figures (keys header, one index
# per slot of the narrowest width, room for 2/3 of the slots; 16-byte entries for str keys,
# 24 for others; nothing for an empty dict that never had a table).
import sys

def show(label, d):
    print(label, d.__sizeof__(), sys.getsizeof(d) - d.__sizeof__() >= 0)

show("empty", {})
show("one str", {"a": 1})
show("one int", {1: 1})
# (A str-keys table that gets a non-str key is resized by CPython, not by ferropy:
# docs/dynload.md, "dict sizes"; so the mixed dict starts with the non-str key.)
show("mixed", {2: 2, "a": 1})
d = {}
d["x"] = 1
del d["x"]
show("emptied by del", d)
d.clear()
show("cleared", d)
for n in (5, 6, 10, 11, 21, 22, 85, 86, 100, 171, 1000, 20000):
    show(f"{n} str keys", {str(i): i for i in range(n)})
    show(f"{n} int keys", {i: i for i in range(n)})
show("fromkeys", dict.fromkeys(range(10)))
show("copy", {"a": 1, "b": 2}.copy())
show("dict(kw)", dict(a=1, b=2, c=3))
show("tuple keys", {(1, 2): 3})

class Sub(dict):
    pass

s = Sub()
s["k"] = 1
print("subclass grows by its table", s.__sizeof__() - Sub().__sizeof__())
print("unbound", dict.__sizeof__({"a": 1}))
print(dict.__sizeof__.__doc__)
try:
    dict.__sizeof__([])
except TypeError as e:
    print("TypeError", e)
# Growth is visible: the size changes only when the table is resized.
d, sizes = {}, []
for i in range(50):
    d[i] = i
    if not sizes or sizes[-1][1] != d.__sizeof__():
        sizes.append((len(d), d.__sizeof__()))
print(sizes)
