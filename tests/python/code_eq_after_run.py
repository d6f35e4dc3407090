# Code objects compare and hash by their code whether or not they have run (the eval
# loop's caches are set up on a code object's first run).
import dis

SRC = """
def f(o):
    return len(o.items) + g(o.n)

def g(v):
    return v * 2

class K:
    items = [1, 2]
    n = 5
    def m(self):
        self.n = self.n + 1
        return self.n
"""


def codes():
    c = compile(SRC, "same_file", "exec")
    return c, {co.co_name: co for co in c.co_consts if hasattr(co, "co_code")}


c1, by1 = codes()
c2, by2 = codes()
ns = {}
exec(c1, ns)
print(ns["f"](ns["K"]()), ns["K"]().m())
print(ns["f"].__code__ is by1["f"])
for name in ("f", "g"):
    a, b = by1[name], by2[name]
    print(name, a == b, hash(a) == hash(b), a.co_code == b.co_code, {a: 1}.get(b))
print("module", c1 == c2, hash(c1) == hash(c2))
# Code that has not run (never) against code that has: dis shows the same instructions.
print([i.opname for i in dis.get_instructions(by1["f"])] == [i.opname for i in dis.get_instructions(by2["f"])])
# A code object made by replace() from one that ran equals one made from one that did not.
r1 = by1["f"].replace(co_name="h")
r2 = by2["f"].replace(co_name="h")
print(r1 == r2, hash(r1) == hash(r2))
# Running the second one afterwards keeps them equal.
ns2 = {}
exec(c2, ns2)
print(ns2["f"](ns2["K"]()), by1["f"] == by2["f"], hash(by1["f"]) == hash(by2["f"]))
