d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = ord(k)
print(list(d))
del d["a"]
d["a"] = 0
print(list(d), list(reversed(d)))
ks = d.keys()
d["new"] = 1
print(len(ks), "new" in ks, ks & {"z", "q"}, sorted(ks - {"z"}))
print(list(d.items())[0], d.values().__class__.__name__)
try:
    for k in d:
        d[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print({1: 1, 1.0: 2, True: 3})
