# LOAD_GLOBAL caches: results stay right after globals and builtins change under a warm site.
import builtins

X = 1

def read_x():
    return X

def read_len(s):
    return len(s)

out = []
for i in range(30):
    out.append(read_x())
    if i == 10:
        X = 2                      # rebinding a global
    if i == 20:
        del X                      # deleting it: NameError from the warm site
        try:
            read_x()
        except NameError as e:
            out.append(("NameError", str(e), e.name))
        X = 3
print(out)

res = []
for i in range(40):
    res.append(read_len("abc"))
    if i == 10:
        len = lambda s: 100        # a global shadows the builtin
    if i == 20:
        del len                    # back to the builtin
    if i == 30:
        builtins.len = lambda s: -1  # the builtin itself replaced
print(res)
builtins.len = lambda s: s.__len__()
print(read_len("hello"))
del builtins.len
try:
    read_len("x")
except NameError as e:
    print("NameError", e)
builtins.len = lambda s: s.__len__()

# A function defined by exec in other globals: same code shape, different namespaces.
src = "def g():\n    return Y\n"
ns1 = {"Y": "one"}
ns2 = {"Y": "two"}
exec(src, ns1)
exec(src, ns2)
print([ns1["g"]() for _ in range(25)][-1], [ns2["g"]() for _ in range(25)][-1])
ns1["Y"] = "uno"
print(ns1["g"](), ns2["g"]())

# Many stores between loads (each store bumps the dict version).
COUNT = 0
def bump():
    global COUNT
    for _ in range(100):
        COUNT = COUNT + 1
    return COUNT
print(bump(), bump())
