# LOAD_ATTR/LOAD_METHOD on modules remember the name's entry in the module dict
# (eval/specialize_cache.rs, MODULE); each way the module can change under a warmed-up
# site must give the current attribute.
import math, types, sys

def calls(m, n):
    out = []
    for i in range(n):
        out.append(m.sqrt(16.0))       # LOAD_METHOD
        out.append(m.pi > 3)           # LOAD_ATTR
    return out

print("plain", calls(math, 3)[:4])

mod = types.ModuleType("fake")
mod.sqrt = lambda x: x + 1
mod.pi = 1
r = []
for i in range(40):
    if i == 10:
        mod.sqrt = lambda x: x * 2           # rebound through setattr
    if i == 20:
        vars(mod)["sqrt"] = lambda x: -x     # through the dict
    if i == 30:
        del mod.sqrt                         # gone: module __getattr__ next
        mod.__getattr__ = lambda name: (lambda x: ("getattr", name, x))
    r.append(mod.sqrt(3))
print("rebound", r[8:12], r[18:22], r[28:32], r[-1])

# The same site sees several modules.
ms = [math, mod]
out = []
for i in range(20):
    out.append(ms[i % 2].pi)
print("two modules", out[:4])

# A subclass of ModuleType with a property of the name: the property wins.
class M(types.ModuleType):
    @property
    def pi(self):
        return "property"
sub = M("sub")
sub.__dict__["pi"] = 7
print("subclass", [sub.pi for _ in range(5)][-1])

# Dunder and private names go the generic way.
for i in range(12):
    d = math.__name__, math.__dict__ is vars(math), type(mod.__dict__).__name__
print("dunder", d)
mod._private = 5
print("private", [mod._private for _ in range(12)][-1])

# Missing attributes keep their messages after hits.
for i in range(12):
    try:
        (math if i < 11 else types.ModuleType("empty")).sqrt
    except AttributeError as e:
        print("AttributeError", e)
try:
    math.no_such_thing
except AttributeError as e:
    print("AttributeError", e)

# A module whose dict grows (entries move) between uses.
m2 = types.ModuleType("grow")
m2.f = lambda: "f"
res = []
for i in range(200):
    setattr(m2, "a%d" % i, i)
    res.append(m2.f())
    if i == 150:
        m2.f = lambda: "g"
print("grow", res[149:153], len(res))

# sys.modules replaced entry, and a module object deleted while a site remembers it.
t = types.ModuleType("t")
t.v = 1
for i in range(12):
    x = t.v
del t
t = types.ModuleType("t")
t.other = 0
t.v = 2
print("new module", [t.v for _ in range(3)])
