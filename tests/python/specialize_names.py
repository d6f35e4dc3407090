# LOAD_NAME/STORE_NAME in module and class bodies and exec namespaces remember where a
# name sits in the namespace dict (eval/specialize_cache.rs name hints); every way the
# dict can change under a warmed-up site must still give the current binding.
import builtins

# Rebinding at module level, many times through the same sites.
acc = 0
for i in range(200):
    x = i * 2
    acc += x
print("rebinding", acc, x)

# Deleting and re-creating a name: the hint's entry is gone.
for i in range(50):
    y = i
    if i % 10 == 0:
        del y
        try:
            y
        except NameError as e:
            last_err = str(e)
        y = -i
print("del", y, last_err)

# The dict grows (resize moves entries) between uses of a warmed-up name.
z = 1
total = 0
for i in range(300):
    total += z
    globals()["g%d" % i] = i
print("resize", total, g299)

# A module-level name shadows a builtin, then goes away again.
res = []
for i in range(40):
    if i == 10:
        len = lambda s: -1
    if i == 20:
        del len
    res.append(len("abc"))
print("shadow", res[:12], res[18:22], res[-1])

# Replaced through globals() directly, and via a key that is equal but not identical.
w = 5
seen = []
for i in range(30):
    seen.append(w)
    if i == 10:
        globals()["w"] = 6
    if i == 20:
        k = "".join(["w"])
        globals()[k] = 7
print("globals()", seen[9:13], seen[19:23], seen[-1])

# Class bodies: their own namespace, falling back to globals and builtins.
class C:
    a = 1
    for _ in range(20):
        a = a + 1
    b = acc
    c = len("xy")
print("class", C.a, C.b, C.c)

# exec with separate globals and locals, and with a dict subclass as locals.
code = compile("for i in range(25):\n    v = i + base\nr = (v, abs(-3))", "<t>", "exec")
g = {"base": 100}
l = {}
exec(code, g, l)
exec(code, g, l)
print("exec", l["r"], "v" in g)
g2 = {"base": 1}
exec(code, g2)
print("exec same dict", g2["r"])

class D(dict):
    def __getitem__(self, k):
        return dict.__getitem__(self, k)
d = D(base=3)
exec(code, {"base": 0, "__builtins__": builtins}, d)
print("dict subclass", d["r"])

# The same code object run against different namespaces alternately.
for n in range(6):
    ns = {"base": n * 10}
    exec(code, ns)
    print("alternate", ns["r"])

# A name missing everywhere still raises after hits.
for i in range(3):
    try:
        exec("q = 1\nif i == 2:\n    del q\nq", {"i": i})
        print("ok", i)
    except NameError as e:
        print("NameError", e)
