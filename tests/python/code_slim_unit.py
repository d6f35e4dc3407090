"""Code objects keep no compiler unit (src/objects/code_rt.rs, code_unit_full.rs): names, constants
and nested code survive marshal, code.replace, super(), closures and their error messages."""
import marshal, types
src = '''
X = 1
def outer(a, b=2, *args, k=3, **kw):
    c = a + 1
    def inner():
        return a, c, "s\\ud800x", b"by", 1.5, 2j, (1, (2, "t")), frozenset({7}), 10**30, -5, None, ..., True
    return inner
class K:
    def m(self):
        return super().__repr__()[:1], __class__.__name__
'''
co = compile(src, "slim.py", "exec")
data = marshal.dumps(co)
co2 = marshal.loads(data)
ns = {}
exec(co2, ns)
print(ns["outer"](1)())
print(ns["K"]().m())
f = ns["outer"].__code__
print(f.co_name, f.co_qualname, f.co_varnames, f.co_cellvars, f.co_freevars, f.co_filename, f.co_names)
inner = [c for c in f.co_consts if isinstance(c, types.CodeType)][0]
print(inner.co_freevars, inner.co_consts[1:])
print(co2 == co, hash(co2) == hash(co))
r = f.replace(co_name="renamed", co_filename="other.py")
print(r.co_name, r.co_filename, r.co_varnames, r.co_qualname)
mod = co.replace(co_filename="m2.py")
ns2 = {}
exec(mod, ns2)
print(ns2["outer"](3)()[:2], mod.co_filename)
print(marshal.loads(marshal.dumps(r)).co_name)
# unbound free variable / class deref
def mk():
    def get():
        return v
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
mk()
def mk2():
    x = 1
    class C:
        y = x
        def m(self): return x
    return C
print(mk2().y)
def mk3():
    try:
        print(w)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    w = 2
    return lambda: w
mk3()
import dis, inspect
print(inspect.signature(ns["outer"]))
print([c.co_name for c in marshal.loads(marshal.dumps(mk2.__code__)).co_consts if isinstance(c, types.CodeType)])
# replaced constants are what marshal writes
def konst():
    return "old"
k2 = konst.__code__.replace(co_consts=tuple("new" if c == "old" else c for c in konst.__code__.co_consts))
print(eval(marshal.loads(marshal.dumps(k2))))
try:
    marshal.dumps(konst.__code__.replace(co_consts=konst.__code__.co_consts + (object(),)))
except ValueError as e:
    print("ValueError", e)
# co_code and equality survive a marshal round trip (the loop's cache indices are not shown)
def attrs(x):
    global q
    return g(x).y + len(x) + x.z.w
c2 = marshal.loads(marshal.dumps(attrs.__code__))
print(c2.co_code == attrs.__code__.co_code, c2 == attrs.__code__, hash(c2) == hash(attrs.__code__))
